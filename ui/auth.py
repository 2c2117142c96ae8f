"""Login glue: who is logged in (st.user via OIDC, or the built-in login's session), the
server-side role check of pages and actions, and the login/logout box in the sidebar.

Every protected page calls `require_role` before it reads any data, and every protected
action checks `allowed` again in its callback: hiding a page from the navigation is a
convenience, not the protection. The rules live in services/auth.py.

A built-in login keeps only the account name and the login time in session state; the
roles are read from the database on every run, so a disabled account or a removed role
takes effect at the next click, and the session ends after QA_SESSION_HOURS.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from services.auth import (
    Principal,
    has_role,
    principal_from_claims,
    role_labels,
    role_mapping,
    session_expired,
    utcnow,
)
from services.config import load_settings
from services.plaintext import markdown_literal
from services.texts import auth as t
from ui import data

NAME_KEY = "auth_name"  # the logged-in account (built-in login)
SINCE_KEY = "auth_since"  # when it logged in (UTC, naive)
NOTICE_KEY = "auth_notice"  # a message for the next run (failed login, expired session)
_FORM_NAME, _FORM_PASSWORD = "auth_form_name", "auth_form_password"


def oidc_config() -> Mapping[str, Any] | None:
    """`[auth]` of .streamlit/secrets.toml when the identity provider is configured."""
    try:
        section = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets.toml at all
        return None
    return section if section and "redirect_uri" in section else None


def current_principal() -> Principal | None:
    """The logged-in person with their current roles, or None for a visitor."""
    config = oidc_config()
    if config is not None:
        if not st.user.is_logged_in:
            return None
        settings = load_settings()
        mapping = role_mapping(config, settings.role_claim, settings.role_map)
        return principal_from_claims(st.user.to_dict(), mapping)
    name, since = st.session_state.get(NAME_KEY), st.session_state.get(SINCE_KEY)
    if name is None or since is None:
        return None
    if session_expired(since, utcnow(), load_settings().session_max_age):
        _forget(t.SESSION_EXPIRED)
        return None
    principal = data.account_principal(name)
    if principal is None:  # disabled meanwhile (or the database cannot confirm it)
        _forget(None)
    return principal


def allowed(*roles: str) -> bool:
    """For actions: does the current person hold one of `roles`? Check it in the callback
    that does the action too, not only where its button is drawn."""
    return has_role(current_principal(), *roles)


def require_role(role: str, *others: str) -> Principal:
    """The page's guard: the principal holding one of the roles, or a German refusal and
    st.stop() — nothing after this call is rendered, no data is read."""
    principal = current_principal()
    if has_role(principal, role, *others):
        return principal
    names = t.ROLES_JOIN.join(role_labels([r]) for r in (role, *others))
    st.error(t.REFUSED.format(roles=names))
    if principal is None:
        st.info(t.REFUSED_ANONYMOUS)
    else:
        st.info(t.REFUSED_LOGGED_IN.format(name=markdown_literal(principal.name)))
    st.stop()
    raise AssertionError("unreachable: st.stop() ends the run")


def login_box() -> None:
    """The sidebar's login (built-in form, or the identity provider's button) or logout."""
    with st.sidebar:
        st.subheader(t.LOGIN_TITLE)
        principal = current_principal()
        notice = st.session_state.pop(NOTICE_KEY, None)
        if notice:
            st.warning(notice)
        if principal is not None:
            roles = role_labels(principal.roles) or t.NO_ROLES
            name = markdown_literal(principal.name)  # from the identity provider: data
            st.caption(t.LOGGED_IN_AS.format(name=name, roles=roles))
            st.button(t.LOGOUT, key="auth_logout", on_click=_logout, args=(principal.source,))
        elif oidc_config() is not None:
            provider = str(oidc_config().get("login_provider") or "default")
            st.button(t.LOGIN_OIDC, key="auth_oidc", on_click=st.login, args=(provider,))
        else:
            with st.form("auth_login", enter_to_submit=True):
                st.text_input(t.LOGIN_NAME, key=_FORM_NAME, autocomplete="username")
                st.text_input(t.LOGIN_PASSWORD, key=_FORM_PASSWORD, type="password",
                              autocomplete="current-password")
                st.form_submit_button(t.LOGIN_SUBMIT, on_click=_login)


def _login() -> None:
    """The form's callback: check the password (throttled) and remember the account."""
    name = st.session_state.get(_FORM_NAME, "")
    password = st.session_state.get(_FORM_PASSWORD, "")
    st.session_state[_FORM_PASSWORD] = ""
    address = st.context.ip_address  # None (or a stand-in under AppTest) without a socket
    principal = data.login(name, password, address if isinstance(address, str) else None)
    if isinstance(principal, str):
        st.session_state[NOTICE_KEY] = principal
        return
    st.session_state[NAME_KEY] = principal.name
    st.session_state[SINCE_KEY] = utcnow()
    st.session_state[_FORM_NAME] = ""


def _logout(source: str) -> None:
    if source == "oidc":
        st.logout()
        return
    _forget(None)


def _forget(notice: str | None) -> None:
    st.session_state.pop(NAME_KEY, None)
    st.session_state.pop(SINCE_KEY, None)
    if notice:
        st.session_state[NOTICE_KEY] = notice
