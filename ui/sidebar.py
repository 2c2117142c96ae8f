"""The shared sidebar: title, demo notice, the offer filters the page applies, the login.

A page shows only the filters that change what it shows (a filter that does nothing there
would mislead): the map all of them, the gap page needs and ages, the profile the ages,
the Lotse none (its form has its own). The values of the filters not drawn are kept, so
they are still set when the visitor returns to the map.

Each page calls `render()` first. (Rendering it from app.py before `navigation.run()` would
be the obvious place, but Streamlit's AppTest drops such elements on every rerun, and the
page tests need the filters.)
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from services.filters import FIELDS
from services.snapshot import Snapshot
from services.texts import ui
from ui import data, page, state, urlparams
from ui.auth import login_box
from ui.components.filters import filter_widgets


def render(filters: Sequence[str] = ()) -> Snapshot:
    """Draw the sidebar with the named filter fields (services/filters.FIELDS names; none by
    default) and return the data snapshot the page should show."""
    snap = prepare()
    draw(snap, filters)
    return snap


def prepare() -> Snapshot:
    """The snapshot, with the filters seeded from a link: what the page needs before its
    sidebar is drawn. The map page draws its map first and the sidebar after it (`draw`),
    since Streamlit sends elements in the order of the script: the map's frame then starts
    loading while the browser is still busy with the filter widgets."""
    snap = data.snapshot()
    urlparams.load_view_from_url(snap.filter_context)
    page.styles()
    return snap


def draw(snap: Snapshot, filters: Sequence[str] | None = None) -> None:
    """The sidebar's title, demo notice, filter widgets (`filters`; None: all) and login.
    The filters' values live in session state, so the page may read them before the
    widgets are drawn."""
    shown = [spec.name for spec in FIELDS] if filters is None else list(filters)
    keep_hidden_filters(shown)
    with st.sidebar:
        st.title(ui.APP_TITLE)
        st.caption(ui.APP_SUBTITLE)
        if snap.any_demo:
            st.warning(ui.DEMO_BANNER)
        if shown:
            st.subheader(ui.SIDEBAR_FILTERS)
            filter_widgets(snap.filter_context, shown)
    login_box()
    with st.sidebar:
        page.setup()  # last: its script element takes a little room, here out of the way


def keep_hidden_filters(shown: Sequence[str]) -> None:
    """Streamlit drops the value of a widget that a run does not draw; written back as a
    plain session value it survives until the map page draws the widget again."""
    for spec in FIELDS:
        key = state.widget_key(spec.name)
        if spec.name not in shown and key in st.session_state:
            st.session_state[key] = st.session_state[key]


def render_admin() -> None:
    """The sidebar of the Verwaltung pages: title and login, no filters (they show no map).

    Drawn before the page's role check, so a refused visitor can log in right there.
    """
    with st.sidebar:
        st.title(ui.APP_TITLE)
        st.caption(ui.APP_SUBTITLE)
    login_box()
