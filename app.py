"""Quartiersatlas Bottrop: wires page config and navigation. No logic here.

Every page starts with ui/sidebar.render(): the shared sidebar with the filters, whose
state lives in st.session_state and the URL (ui/state.py, ui/urlparams.py).
"""

import streamlit as st

from services.texts import analysis, ui

st.set_page_config(page_title=ui.APP_TITLE, page_icon="🗺️", layout="wide")

navigation = st.navigation([
    st.Page("pages/karte.py", title=ui.PAGE_MAP, icon="🗺️", default=True),
    st.Page("pages/planung.py", title=analysis.PAGE_GAPS, icon="📊", url_path="planung"),
])
navigation.run()
