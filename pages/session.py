"""Streamlit glue shared by app.py and the pages: cached data, the view state, the URL.

Not a page itself (st.navigation lists the pages). The view lives in st.session_state under
the widget keys below; the URL mirrors it (services/urlstate.py) so a copied link reproduces
the view. Nothing here logs what a user searches for.
"""

from __future__ import annotations

import streamlit as st

from services.config import load_settings
from services.filters import FilterState, sanitize
from services.importer import ensure_seeded
from services.snapshot import Snapshot, load_snapshot
from services.storage.repository import Repository
from services.urlstate import ViewState, from_params, to_params

# Widget keys: one per field of the view
AGE, NEED, DISTRICT, TEXT, FREE, ACTIVE = "f_age", "f_need", "f_district", "f_text", "f_free", "f_active"
INDICATOR, YEAR, CLASSIFICATION, SELECTED = "m_indicator", "m_year", "m_class", "m_selected"
_URL_LOADED = "_url_loaded"


@st.cache_resource(show_spinner=False)
def _repository(database_url: str) -> Repository:
    return ensure_seeded(load_settings())


def repository() -> Repository:
    """The app's repository; the embedded database is created and seeded on first use."""
    return _repository(load_settings().database_url)


@st.cache_resource(show_spinner=False, max_entries=2)
def _snapshot(database_url: str, version: int) -> Snapshot:
    return load_snapshot(repository())


def snapshot() -> Snapshot:
    """The data as of the current data version (shared, read-only: never mutate it)."""
    return _snapshot(load_settings().database_url, repository().data_version())


def load_view_from_url(district_ids: set[str]) -> None:
    """Seed the widgets from the URL once per session (later the widgets lead)."""
    if st.session_state.get(_URL_LOADED):
        return
    view = from_params(st.query_params.to_dict())
    f = sanitize(view.filters, district_ids)
    st.session_state.update(
        {
            AGE: list(f.age_groups), NEED: list(f.needs), DISTRICT: list(f.districts),
            TEXT: f.text, FREE: f.only_free, ACTIVE: f.only_active,
            INDICATOR: view.indicator, YEAR: view.year, CLASSIFICATION: view.classification,
            SELECTED: view.selected, _URL_LOADED: True,
        }
    )


def current_filters(district_ids: set[str]) -> FilterState:
    state = st.session_state
    raw = FilterState(
        age_groups=tuple(state.get(AGE, ())), needs=tuple(state.get(NEED, ())),
        districts=tuple(state.get(DISTRICT, ())), text=state.get(TEXT, ""),
        only_free=bool(state.get(FREE, False)), only_active=bool(state.get(ACTIVE, True)),
    )
    return sanitize(raw, district_ids)


def current_view(district_ids: set[str]) -> ViewState:
    state = st.session_state
    return ViewState(
        filters=current_filters(district_ids),
        indicator=state.get(INDICATOR),
        year=state.get(YEAR),
        classification=state.get(CLASSIFICATION) or ViewState().classification,
        selected=state.get(SELECTED),
    )


def write_view_to_url(view: ViewState) -> None:
    """Mirror the view into the URL; touch it only when it changed (avoids history noise)."""
    params = to_params(view)
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)


_WIDGET_OF_FIELD = {
    "age_groups": AGE, "needs": NEED, "districts": DISTRICT,
    "text": TEXT, "only_free": FREE, "only_active": ACTIVE,
}


def remove_filter(field: str, value: str | None = None) -> None:
    """Callback of a filter chip: remove one value (or reset one flag) of the filters."""
    key = _WIDGET_OF_FIELD[field]
    if value is None:
        default = getattr(FilterState(), field)
        st.session_state[key] = list(default) if isinstance(default, tuple) else default
    else:
        st.session_state[key] = [v for v in st.session_state.get(key, []) if v != value]


def reset_filters() -> None:
    for field in _WIDGET_OF_FIELD:
        remove_filter(field)
