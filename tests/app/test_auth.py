"""Login and the role guard through AppTest, on the built-in accounts of a demo database.

Each test runs a small script as a protected page does: the sidebar's login box, then
`require_role`, then the data. Anonymous visitors and every wrong role must see the German
refusal and nothing of the data.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from services.auth import ROLES
from services.texts import auth as t
from tests.app.accounts import log_in

TIMEOUT = 60
SECRET = "GEHEIME DATEN"


pytestmark = pytest.mark.usefixtures("demo_accounts")  # tests/app/conftest.py


def guarded_page():
    import streamlit as st

    from ui.auth import login_box, require_role

    login_box()
    principal = require_role(st.session_state.get("role", "admin"))
    st.write("GEHEIME DATEN", principal.name)


def shown(at: AppTest) -> str:
    return " ".join(str(e.value) for e in [*at.markdown, *at.error, *at.info, *at.warning, *at.caption])


def page(role: str) -> AppTest:
    at = AppTest.from_function(guarded_page, default_timeout=TIMEOUT)
    at.session_state["role"] = role
    return at.run()


@pytest.mark.parametrize("role", ROLES)
def test_anonymous_visitors_are_refused_and_see_no_data(role):
    at = page(role)
    assert not at.exception
    assert at.error[0].value == t.REFUSED.format(roles=t.ROLE_LABELS[role])
    assert at.info[0].value == t.REFUSED_ANONYMOUS
    assert SECRET not in shown(at)


@pytest.mark.parametrize("role", ROLES)
def test_every_wrong_role_is_refused_and_the_right_one_admitted(role):
    for holder in ROLES:
        at = log_in(page(role), f"nur-{holder}")
        assert not at.exception
        if holder == role:
            assert not at.error and SECRET in shown(at)
        else:
            assert at.error[0].value.startswith("Für diese Seite fehlt die Berechtigung")
            assert SECRET not in shown(at)


def test_login_form_refuses_a_wrong_password_and_logs_out():
    at = log_in(page("admin"), "nur-admin", "falsches passwort")
    assert t.LOGIN_FAILED in [w.value for w in at.sidebar.warning]
    assert SECRET not in shown(at)
    at = log_in(at, "nur-admin")
    assert SECRET in shown(at)
    assert not at.sidebar.text_input  # the form is gone
    at.sidebar.button(key="auth_logout").click().run()
    assert SECRET not in shown(at) and at.error


def test_an_expired_session_asks_to_log_in_again():
    from datetime import timedelta

    at = log_in(page("admin"), "nur-admin")
    at.session_state["auth_since"] -= timedelta(hours=9)
    at.run()
    assert SECRET not in shown(at)
    assert t.SESSION_EXPIRED in [w.value for w in at.sidebar.warning]
