"""Built-in accounts on SQLite and PostgreSQL: create, log in, throttle, disable."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type

from services.auth import AccountRefused, Accounts, LoginRefused, Principal, ThrottlePolicy
from services.storage import Repository, migrate

PASSWORD = "korrekt pferd batterie"
# argon2id, cheaper than the app's profile: the rules are tested here, not the cost
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)


class Clock:
    def __init__(self):
        self.now = datetime(2026, 11, 28, 20, 0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(engine, clock) -> Accounts:
    migrate(engine)
    policy = ThrottlePolicy(per_name=3, per_client=5, window=timedelta(minutes=10),
                            lockout=timedelta(minutes=15))
    return Accounts(Repository(engine).users, policy, clock, CHEAP)


def test_an_account_logs_in_with_its_roles(accounts):
    accounts.add(" Anna.M ", ["redaktion", "admin"], PASSWORD)
    principal = accounts.login("anna.m", PASSWORD, "192.0.2.1")
    assert principal == Principal("anna.m", frozenset({"redaktion", "admin"}), "local")
    stored = accounts.all()[0]
    assert stored.password_hash.startswith("$argon2id$") and PASSWORD not in stored.password_hash


def test_bad_accounts_are_refused_with_every_reason(accounts):
    with pytest.raises(AccountRefused) as refused:
        accounts.add("x", ["chef"], "kurz")
    assert len(refused.value.messages) == 3
    with pytest.raises(AccountRefused, match="mindestens eine Rolle"):
        accounts.add("bert", [], PASSWORD)
    accounts.add("bert", ["lotse"], PASSWORD)
    with pytest.raises(AccountRefused, match="gibt es schon"):
        accounts.add("BERT", ["lotse"], PASSWORD)
    assert [u.name for u in accounts.all()] == ["bert"]


def test_wrong_password_unknown_name_and_disabled_account_get_the_same_answer(accounts):
    accounts.add("anna", ["lotse"], PASSWORD)
    answers = set()
    for name, password in (("anna", "falsch-falsch-falsch"), ("niemand", PASSWORD)):
        with pytest.raises(LoginRefused) as refused:
            accounts.login(name, password, "192.0.2.1")
        answers.add(refused.value.message)
    accounts.disable("anna")
    with pytest.raises(LoginRefused) as refused:
        accounts.login("anna", PASSWORD, "192.0.2.2")
    answers.add(refused.value.message)
    assert len(answers) == 1
    assert accounts.principal("anna") is None


def test_a_name_is_locked_after_failures_even_for_the_right_password(accounts, clock):
    accounts.add("anna", ["lotse"], PASSWORD)
    for _ in range(2):
        with pytest.raises(LoginRefused, match="falsch"):
            accounts.login("anna", "rate-mal-123456", "192.0.2.1")
    with pytest.raises(LoginRefused, match="15 Minuten gesperrt"):
        accounts.login("anna", "rate-mal-123456", "192.0.2.1")
    with pytest.raises(LoginRefused, match="gesperrt"):
        accounts.login("anna", PASSWORD, "192.0.2.9")  # another client: the name is locked
    clock.now += timedelta(minutes=15, seconds=1)
    assert accounts.login("anna", PASSWORD, "192.0.2.1").name == "anna"


def test_a_client_guessing_many_names_is_locked(accounts):
    accounts.add("anna", ["lotse"], PASSWORD)
    for i in range(4):
        with pytest.raises(LoginRefused, match="falsch"):
            accounts.login(f"name{i}", "rate-mal-123456", "192.0.2.66")
    with pytest.raises(LoginRefused, match="gesperrt"):
        accounts.login("name4", "rate-mal-123456", "192.0.2.66")
    with pytest.raises(LoginRefused, match="gesperrt"):
        accounts.login("anna", PASSWORD, "192.0.2.66")
    assert accounts.login("anna", PASSWORD, "192.0.2.67").name == "anna"


def test_a_success_clears_the_names_failures(accounts):
    accounts.add("anna", ["lotse"], PASSWORD)
    for _ in range(2):
        with pytest.raises(LoginRefused):
            accounts.login("anna", "rate-mal-123456", "192.0.2.1")
    accounts.login("anna", PASSWORD, "192.0.2.1")
    for _ in range(2):  # two more do not reach the limit of three: the count started afresh
        with pytest.raises(LoginRefused, match="falsch"):
            accounts.login("anna", "rate-mal-123456", "192.0.2.1")


def test_a_changed_password_replaces_the_old_one(accounts, clock):
    accounts.add("anna", ["planung"], PASSWORD)
    clock.now += timedelta(days=1)
    accounts.set_password("anna", "ein ganz neues passwort")
    assert accounts.login("anna", "ein ganz neues passwort", None).roles == {"planung"}
    with pytest.raises(LoginRefused):
        accounts.login("anna", PASSWORD, None)
    assert accounts.all()[0].password_changed_at == clock.now
    with pytest.raises(AccountRefused, match="gibt es nicht"):
        accounts.set_password("niemand", "ein ganz neues passwort")


def test_an_enabled_account_logs_in_again_and_its_names_lockout_is_lifted(accounts):
    accounts.add("anna", ["lotse"], PASSWORD)
    accounts.disable("anna")
    for _ in range(3):
        with pytest.raises(LoginRefused):
            accounts.login("anna", PASSWORD, f"192.0.2.{_}")  # disabled: counts as failed
    with pytest.raises(LoginRefused, match="gesperrt"):
        accounts.login("anna", PASSWORD, "192.0.2.9")
    accounts.enable("ANNA")
    assert accounts.principal("anna") == Principal("anna", frozenset({"lotse"}), "local")
    assert accounts.login("anna", PASSWORD, "192.0.2.9").name == "anna"
    with pytest.raises(AccountRefused, match="„niemand“ gibt es nicht"):
        accounts.enable("niemand")


def test_roles_are_replaced_and_checked(accounts):
    accounts.add("anna", ["lotse"], PASSWORD)
    assert accounts.set_roles("anna", ["redaktion", "planung"]) == {"redaktion", "planung"}
    assert accounts.principal("anna").roles == {"redaktion", "planung"}
    for roles, message in ((["chef"], "Unbekannte Rolle „chef“"), ([], "mindestens eine Rolle")):
        with pytest.raises(AccountRefused, match=message):
            accounts.set_roles("anna", roles)
    assert accounts.principal("anna").roles == {"redaktion", "planung"}  # unchanged
    with pytest.raises(AccountRefused, match="gibt es nicht"):
        accounts.set_roles("niemand", ["lotse"])


def failure_keys(accounts: Accounts) -> set[str]:
    return set(accounts._store.failures([f"name:{n}" for n in ("anna", "bert", "carla")]))


def client_keys(accounts: Accounts, *clients: str) -> set[str]:
    from services.auth import throttle_keys

    keys = [throttle_keys("x", c)[1] for c in clients]
    return set(accounts._store.failures(keys))


def test_expired_failure_counters_are_deleted_by_the_next_login_attempt(accounts, clock):
    accounts.add("anna", ["lotse"], PASSWORD)
    with pytest.raises(LoginRefused):
        accounts.login("bert", "rate-mal-123456", "192.0.2.1")  # one failure, no lockout
    clock.now += timedelta(minutes=9)
    with pytest.raises(LoginRefused):
        accounts.login("carla", "rate-mal-123456", "192.0.2.2")
    clock.now += timedelta(minutes=1)  # bert's window (10 minutes) is over, carla's is not
    assert accounts.login("anna", PASSWORD, "192.0.2.3").name == "anna"
    assert failure_keys(accounts) == {"name:carla"}
    assert len(client_keys(accounts, "192.0.2.1", "192.0.2.2")) == 1
    clock.now += timedelta(minutes=9)
    with pytest.raises(LoginRefused):
        accounts.login("anna", "rate-mal-123456", "192.0.2.3")  # a failure prunes as well
    assert failure_keys(accounts) == {"name:anna"}


def test_a_running_lockout_is_kept_after_its_window_and_pruned_once_over(accounts, clock):
    accounts.add("anna", ["lotse"], PASSWORD)
    for _ in range(3):
        with pytest.raises(LoginRefused):
            accounts.login("bert", "rate-mal-123456", "192.0.2.1")
    clock.now += timedelta(minutes=12)  # the window is over, the 15-minute lockout is not
    assert accounts.prune_failures() == 1  # the client's counter (3 of 5: no lockout)
    assert failure_keys(accounts) == {"name:bert"}
    with pytest.raises(LoginRefused, match="gesperrt"):
        accounts.login("bert", "rate-mal-123456", "192.0.2.5")
    clock.now += timedelta(minutes=3)  # the lockout ends
    assert accounts.prune_failures() == 1  # bert's name
    assert failure_keys(accounts) == set()
    assert accounts.prune_failures() == 0
