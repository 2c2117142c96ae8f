"""Angebote bearbeiten: list, form with position map, conflicts, history, Prüfliste.

Only for the role `redaktion`, checked on the server on every run before any data is read
(ui/auth.require_role); every action below runs in that same checked run.
"""

import streamlit as st

from services.texts import editing as t
from ui import data, sidebar
from ui.auth import require_role
from ui.components import offer_editor as editor

sidebar.render_admin()
actor = require_role("redaktion").name
snap = data.snapshot()
st.title(t.PAGE_OFFERS)
editor.notice()
editor.mode_choice()
lists, form = st.columns([2, 3])
with lists:
    editor.offer_list(snap)
    if editor.kind() == "offer":
        editor.review_list(snap)
with form:
    editor.ensure_loaded()
    editor.conflict_panel()
    editor.record_actions(actor)
    editor.address_position(snap)
    editor.position_map(snap)
    editor.offer_form(actor)
    editor.history_view(actor)
