"""Angebote bearbeiten: list, form with position map, conflicts, history, Prüfliste."""

import streamlit as st

from services.texts import editing as t
from ui import data
from ui.components import offer_editor as editor
from ui.editing_access import require_role

actor = require_role("redaktion")
snap = data.snapshot()
st.title(t.PAGE_OFFERS)
editor.notice()
lists, form = st.columns([2, 3])
with lists:
    editor.offer_list(snap)
    editor.review_list(snap)
with form:
    editor.ensure_loaded()
    editor.conflict_panel()
    editor.record_actions(actor)
    editor.position_map(snap)
    editor.offer_form(actor)
    editor.history_view(actor)
