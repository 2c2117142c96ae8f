"""Protokoll: every change of offers and offices, newest first (role `admin` only)."""

import streamlit as st

from services import editing
from services.texts import editing as t
from ui import data, sidebar
from ui.auth import require_role

sidebar.render_admin()
require_role("admin")
st.title(t.PAGE_LOG)
st.caption(t.LOG_CAPTION)
log = editing.log_frame(data.repository().audit_entries(limit=editing.LOG_LIMIT))
if log.empty:
    st.info(t.EMPTY_LOG)
else:
    st.dataframe(log, hide_index=True, width="stretch")
