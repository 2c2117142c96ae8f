"""Who may use the administration pages, until the login (ui/auth.py, branch `auth`) is
merged: nobody, unless a developer runs the app with QA_EDITING_WITHOUT_LOGIN=1.

Refusing by default keeps the pages closed if this branch reaches main before the login
does; after that merge the pages call ui.auth.require_role instead and this file goes.
"""

from __future__ import annotations

import os

import streamlit as st

from services.texts import editing as t

DEV_ENV = "QA_EDITING_WITHOUT_LOGIN"
DEV_ACTOR = "entwicklung"


def require_role(role: str) -> str:
    """The acting user's name; otherwise a German refusal, no data, and the run stops."""
    if os.environ.get(DEV_ENV) == "1":
        return DEV_ACTOR
    st.error(t.REFUSED_NO_LOGIN)
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the run")
