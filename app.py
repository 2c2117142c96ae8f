"""Quartiersatlas Bottrop: wires page config and navigation. No logic here.

Every page starts with ui/sidebar.render() (or render_admin() on Verwaltung pages): the
shared sidebar with the filters and the login. Which pages the menu shows depends on the
roles (ui/navigation.py); every protected page checks the role itself (ui/auth.py).
"""

import streamlit as st

from services.config import SettingsError, load_settings
from services.heap import freeze_after_startup
from services.plaintext import markdown_literal
from services.texts import ui
from ui.navigation import pages

st.set_page_config(page_title=ui.APP_TITLE, page_icon="🗺️", layout="wide")
try:
    load_settings()
except SettingsError as wrong:  # a mistyped variable: name it instead of showing a traceback
    st.error(markdown_literal(str(wrong)))
    st.stop()

navigation = st.navigation(pages())
navigation.run()
freeze_after_startup()  # once per process, now that the page's modules are imported
