"""Quartiersatlas Bottrop: wires page config and navigation. No logic here.

Every page starts with ui/sidebar.render(): the shared sidebar with the filters, whose
state lives in st.session_state and the URL (ui/state.py, ui/urlparams.py). The
„Verwaltung“ pages check the user's role themselves (server side, on every run).
"""

import streamlit as st

from services.heap import freeze_after_startup
from services.texts import editing, nearby, ui

st.set_page_config(page_title=ui.APP_TITLE, page_icon="🗺️", layout="wide")

# Streamlit resolves a direct visit against the legacy pages/ folder before this navigation
# exists: "/lotse" would run pages/lotse.py alone (no page config, old menu). A distinct path
# runs the right page (after a "Page not found" notice). Renaming pages/ would fix both.
navigation = st.navigation({
    "": [
        st.Page("pages/karte.py", title=ui.PAGE_MAP, icon="🗺️", default=True),
        st.Page("pages/lotse.py", title=nearby.PAGE_TITLE, icon="🧭",
                url_path="angebote-in-der-naehe"),
    ],
    editing.SECTION: [
        st.Page("pages/verwaltung/angebote.py", title=editing.PAGE_OFFERS, icon="✏️",
                url_path="angebote"),
        st.Page("pages/verwaltung/protokoll.py", title=editing.PAGE_LOG, icon="📜",
                url_path="protokoll"),
    ],
})
navigation.run()
freeze_after_startup()  # once per process, now that the page's modules are imported
