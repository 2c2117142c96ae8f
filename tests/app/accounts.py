"""Built-in accounts for the AppTest suites: one per role, and logging in through the form."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from services.auth import ROLES, Accounts, utcnow
from services.config import load_settings
from services.importer import shared_repository

PASSWORD = "korrekt pferd batterie"


def create_accounts() -> None:
    """`nur-<role>` for every role, in the database of the current QA_DATA_DIR."""
    accounts = Accounts(shared_repository(load_settings()).users)
    for role in ROLES:
        accounts.add(f"nur-{role}", [role], PASSWORD)


def log_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    """Fill in and send the sidebar's login form."""
    at.sidebar.text_input(key="auth_form_name").set_value(name)
    at.sidebar.text_input(key="auth_form_password").set_value(password)
    return at.sidebar.button(key="FormSubmitter:auth_login-Anmelden").click().run()


def logged_in(at: AppTest, name: str) -> AppTest:
    """The session of a login as `name` (for component scripts without the sidebar form)."""
    from ui.auth import NAME_KEY, SINCE_KEY

    at.session_state[NAME_KEY] = name
    at.session_state[SINCE_KEY] = utcnow()
    return at
