"""The shared sidebar: title, demo notice and the offer filters every page uses.

Each page calls `render()` first. (Rendering it from app.py before `navigation.run()` would
be the obvious place, but Streamlit's AppTest drops such elements on every rerun, and the
page tests need the filters.)
"""

import streamlit as st

from pages import session
from services.snapshot import Snapshot
from services.taxonomy import AGE_GROUPS_BY_CODE, NEEDS_BY_CODE
from services.texts import ui


def render() -> Snapshot:
    """Draw the sidebar and return the data snapshot the page should show."""
    snap = session.snapshot()
    session.load_view_from_url(set(snap.district_names))
    with st.sidebar:
        st.title(ui.APP_TITLE)
        st.caption(ui.APP_SUBTITLE)
        if snap.any_demo:
            st.warning(ui.DEMO_BANNER)
        st.subheader(ui.SIDEBAR_FILTERS)
        st.multiselect(ui.FILTER_AGE, list(AGE_GROUPS_BY_CODE), key=session.AGE, placeholder=ui.CHOOSE,
                       format_func=lambda c: AGE_GROUPS_BY_CODE[c].label)
        st.multiselect(ui.FILTER_NEED, list(NEEDS_BY_CODE), key=session.NEED, placeholder=ui.CHOOSE,
                       format_func=lambda c: NEEDS_BY_CODE[c].label)
        st.multiselect(ui.FILTER_DISTRICT, list(snap.district_names), key=session.DISTRICT, placeholder=ui.CHOOSE,
                       format_func=lambda c: snap.district_names.get(c, c))
        st.text_input(ui.FILTER_TEXT, key=session.TEXT, help=ui.FILTER_TEXT_HELP)
        st.checkbox(ui.FILTER_FREE, key=session.FREE)
        st.checkbox(ui.FILTER_ACTIVE, key=session.ACTIVE)
        st.button(ui.FILTER_RESET, on_click=session.reset_filters)
    return snap
