"""The shared sidebar: title, demo notice and the offer filters every page uses.

Each page calls `render()` first. (Rendering it from app.py before `navigation.run()` would
be the obvious place, but Streamlit's AppTest drops such elements on every rerun, and the
page tests need the filters.)
"""

from __future__ import annotations

import streamlit as st

from services.snapshot import Snapshot
from services.texts import ui
from ui import data, page, urlparams
from ui.auth import login_box
from ui.components.filters import filter_widgets


def render() -> Snapshot:
    """Draw the sidebar and return the data snapshot the page should show."""
    snap = prepare()
    draw(snap)
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


def draw(snap: Snapshot) -> None:
    """The sidebar's title, demo notice, filter widgets and login. The filters' values live
    in session state, so the page may read them before the widgets are drawn."""
    with st.sidebar:
        st.title(ui.APP_TITLE)
        st.caption(ui.APP_SUBTITLE)
        if snap.any_demo:
            st.warning(ui.DEMO_BANNER)
        st.subheader(ui.SIDEBAR_FILTERS)
        filter_widgets(snap.filter_context)
    login_box()
    with st.sidebar:
        page.setup()  # last: its script element takes a little room, here out of the way


def render_admin() -> None:
    """The sidebar of the Verwaltung pages: title and login, no filters (they show no map).

    Drawn before the page's role check, so a refused visitor can log in right there.
    """
    with st.sidebar:
        st.title(ui.APP_TITLE)
        st.caption(ui.APP_SUBTITLE)
    login_box()
