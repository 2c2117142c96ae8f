"""Daten hochladen (Verwaltung): offers and offices (Redaktion, Administration), indicators
and the district layer (Administration), with a preview before anything is written."""

import streamlit as st

from services.texts import upload as t
from ui import auth, sidebar
from ui.components.upload import upload_panel

sidebar.render_admin()
principal = auth.require_role("admin", "redaktion")
st.title(t.PAGE_TITLE)
st.caption(t.INTRO)
upload_panel(principal)
