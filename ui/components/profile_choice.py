"""Which district and year the profile shows: the URL (?profil=41&jahr=2021), a click on
the profile's map, the pickers, or the presentation's previous/next buttons.

The choice lives in a plain session key (not the picker's widget key): the presentation
mode does not draw the picker, and Streamlit forgets the state of widgets not drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from services.plaintext import isolate, markdown_filled
from services.texts import profile as t
from ui import state

# "profil", not "bezirk": ?bezirk= is the map's offer filter (services/filters.py)
URL_DISTRICT, URL_MODE, PRESENTATION = "profil", "modus", "praesentation"
URL_YEAR = "jahr"  # the same parameter as the map's year
CURRENT = "p_current"  # the district shown
PICKER = "p_picker"  # the picker widget
YEAR, YEAR_PICKER = "p_year", "p_year_picker"  # the year shown, its widget
_URL_SEEN = "_p_url_seen"  # the ?profil value already taken over
_YEAR_URL_SEEN = "_p_year_url_seen"  # the ?jahr value already taken over
_CLICK_SEEN = "_p_click_seen"  # the map selection already taken over


def current_district(names: Mapping[str, str]) -> str | None:
    """The district to show: a new ?profil value or map click wins over the last choice."""
    if not names:
        return None
    ids = list(names)
    url = st.query_params.get(URL_DISTRICT)
    if url != st.session_state.get(_URL_SEEN):
        st.session_state[_URL_SEEN] = url
        if url in names:
            st.session_state[CURRENT] = url
        elif url:
            fallback = st.session_state.get(CURRENT, ids[0])
            st.info(markdown_filled(t.UNKNOWN_DISTRICT, id=url[:40],
                                    name=names.get(fallback, ids[0])))
    clicked = state.selection()
    if clicked and clicked.kind == "district" and clicked != st.session_state.get(_CLICK_SEEN):
        st.session_state[_CLICK_SEEN] = clicked
        if clicked.id in names:
            st.session_state[CURRENT] = clicked.id
    if st.session_state.get(CURRENT) not in names:
        st.session_state[CURRENT] = ids[0]
    return st.session_state[CURRENT]


def current_year(years: Sequence[int]) -> int | None:
    """The data year to show: a new ?jahr value wins over the last choice; the newest year
    by default."""
    if not years:
        return None
    url = st.query_params.get(URL_YEAR)
    if url != st.session_state.get(_YEAR_URL_SEEN):
        st.session_state[_YEAR_URL_SEEN] = url
        if url in {str(y) for y in years}:
            st.session_state[YEAR] = int(url)
        elif url:
            st.info(t.UNKNOWN_YEAR.format(year=url[:10], shown=years[-1]))
    if st.session_state.get(YEAR) not in years:
        st.session_state[YEAR] = years[-1]
    return st.session_state[YEAR]


def year_picker(years: Sequence[int]) -> None:
    """The year picker, seeded with the current year on every run."""
    st.session_state[YEAR_PICKER] = st.session_state[YEAR]
    st.selectbox(t.YEAR, list(years), key=YEAR_PICKER, on_change=_year_picked)


def _year_picked() -> None:
    st.session_state[YEAR] = st.session_state[YEAR_PICKER]


def show_district(district_id: str) -> None:
    """Callback of the picker, the similar districts and the slide buttons."""
    st.session_state[CURRENT] = district_id


def _picked() -> None:
    show_district(st.session_state[PICKER])


def district_picker(names: Mapping[str, str]) -> None:
    """The picker, seeded with the current district on every run."""
    st.session_state[PICKER] = st.session_state[CURRENT]
    st.selectbox(t.PICKER, list(names), key=PICKER, format_func=lambda d: isolate(names[d]),
                 on_change=_picked)


def write_url(district_id: str, year: int) -> None:
    """?profil= and ?jahr= follow the choice (a shareable link); other parameters stay."""
    if st.query_params.get(URL_DISTRICT) != district_id:
        st.query_params[URL_DISTRICT] = district_id
    if st.query_params.get(URL_YEAR) != str(year):
        st.query_params[URL_YEAR] = str(year)
    st.session_state[_URL_SEEN] = district_id
    st.session_state[_YEAR_URL_SEEN] = str(year)


def presenting() -> bool:
    return st.query_params.get(URL_MODE) == PRESENTATION


def start_presentation() -> None:
    st.query_params[URL_MODE] = PRESENTATION


def end_presentation() -> None:
    st.query_params.pop(URL_MODE, None)
