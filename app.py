"""Quartiersatlas Bottrop: wires page config and navigation. No logic here.

Every page starts with ui/sidebar.render(): the shared sidebar with the filters, whose
state lives in st.session_state and the URL (ui/state.py, ui/urlparams.py).
"""

import streamlit as st

from services.heap import freeze_after_startup
from services.texts import profile, ui

st.set_page_config(page_title=ui.APP_TITLE, page_icon="🗺️", layout="wide")

navigation = st.navigation([
    st.Page("pages/karte.py", title=ui.PAGE_MAP, icon="🗺️", default=True),
    # url_path unlike the file name: Streamlit would run pages/bezirke.py on its own for a
    # first visit to /bezirke (the pages/ folder convention), without app.py
    st.Page("pages/bezirke.py", title=profile.PAGE_TITLE, icon="📊", url_path="bezirksprofil"),
])
navigation.run()
freeze_after_startup()  # once per process, now that the page's modules are imported
