"""Protokoll: every change of offers and offices, newest first (role `admin` only)."""

import streamlit as st

from services.texts import editing as t
from ui import data, sidebar
from ui.auth import require_role

sidebar.render_admin()
require_role("admin")
st.title(t.PAGE_LOG)
st.caption(t.LOG_CAPTION)
log = data.audit_log()
if log is not None and log.empty:
    st.info(t.EMPTY_LOG)
elif log is not None:
    st.dataframe(log, hide_index=True, width="stretch")
