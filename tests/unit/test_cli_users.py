"""`python -m services.cli user …` as an administrator runs it, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest

from services.auth import Accounts, LoginRefused, utcnow
from services.config import PROJECT_ROOT
from services.storage import schema
from services.storage.repository import Repository, create_engine_for

PASSWORD = "korrekt pferd batterie"


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'qa.db'}"


@pytest.fixture
def cli(db_url):
    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        env = os.environ | {"DATABASE_URL": db_url, "PYTHONIOENCODING": "utf-8"}
        return subprocess.run([sys.executable, "-m", "services.cli", "user", *args],
                              cwd=PROJECT_ROOT, env=env, input=stdin, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)
    return run


def test_add_list_passwd_disable(cli, db_url):
    done = cli("add", "Anna", "--role", "redaktion", "--role", "admin", "--passwort-stdin",
               stdin=PASSWORD + "\n")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "Konto „anna“ angelegt, Rollen: Redaktion, Administration.\n"
    accounts = Accounts(Repository(create_engine_for(db_url)).users)
    assert accounts.login("anna", PASSWORD, None).roles == {"redaktion", "admin"}

    done = cli("passwd", "anna", "--passwort-stdin", stdin="ein neues langes passwort\n")
    assert (done.returncode, done.stdout) == (0, "Passwort von „anna“ geändert.\n")
    assert accounts.login("anna", "ein neues langes passwort", None).name == "anna"

    assert cli("disable", "anna").stdout == "Konto „anna“ gesperrt.\n"
    listed = cli("list")
    assert listed.returncode == 0
    assert listed.stdout.startswith("anna\tadmin,redaktion\tgesperrt\tangelegt ")
    with pytest.raises(LoginRefused):
        accounts.login("anna", "ein neues langes passwort", None)


def test_bad_input_exits_2_with_german_reasons_and_writes_nothing(cli, db_url):
    done = cli("add", "anna", "--role", "chef", "--passwort-stdin", stdin="kurz\n")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "Fehler: Unbekannte Rolle „chef“; erlaubt sind: lotse, redaktion, planung, admin.",
        "Fehler: Das Passwort ist zu kurz (4 Zeichen, mindestens 12).",
    ]
    assert cli("list").stdout == "Es gibt noch kein Konto.\n"
    done = cli("disable", "niemand")
    assert (done.returncode, done.stderr) == (2, "Fehler: Das Konto „niemand“ gibt es nicht.\n")
    done = cli("add", "anna", "--passwort-stdin", stdin=PASSWORD + "\n")
    assert (done.returncode, done.stderr) == (2, "Fehler: Bitte mindestens eine Rolle angeben (--role).\n")


def test_enable_and_roles(cli, db_url):
    cli("add", "anna", "--role", "lotse", "--passwort-stdin", stdin=PASSWORD + "\n")
    cli("disable", "anna")
    done = cli("enable", "anna")
    assert (done.returncode, done.stdout, done.stderr) == (0, "Konto „anna“ wieder freigegeben.\n", "")
    done = cli("roles", "anna", "--role", "redaktion", "--role", "planung")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "Rollen von „anna“: Redaktion, Planung.\n"
    accounts = Accounts(Repository(create_engine_for(db_url)).users)
    assert accounts.login("anna", PASSWORD, None).roles == {"redaktion", "planung"}
    assert cli("list").stdout.startswith("anna\tplanung,redaktion\taktiv\tangelegt ")


def test_enable_and_roles_refuse_bad_input_in_german_and_change_nothing(cli, db_url):
    cli("add", "anna", "--role", "lotse", "--passwort-stdin", stdin=PASSWORD + "\n")
    done = cli("enable", "niemand")
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", "Fehler: Das Konto „niemand“ gibt es nicht.\n")
    done = cli("roles", "anna", "--role", "chef")
    assert (done.returncode, done.stderr) == (
        2, "Fehler: Unbekannte Rolle „chef“; erlaubt sind: lotse, redaktion, planung, admin.\n")
    done = cli("roles", "anna")
    assert (done.returncode, done.stderr) == (2, "Fehler: Bitte mindestens eine Rolle angeben (--role).\n")
    done = cli("roles", "niemand", "--role", "lotse")
    assert (done.returncode, done.stderr) == (2, "Fehler: Das Konto „niemand“ gibt es nicht.\n")
    assert cli("list").stdout.startswith("anna\tlotse\taktiv\t")


def test_prune_deletes_expired_failure_counters(cli, db_url):
    """Counters of a window that is over and without a running lockout go; a fresh one stays."""
    engine = create_engine_for(db_url)
    assert cli("prune").stdout == "0 abgelaufene Zähler fehlgeschlagener Anmeldungen gelöscht.\n"
    now = utcnow()
    old = now - timedelta(days=1)
    with engine.begin() as conn:
        conn.execute(schema.login_failures.insert(), [
            {"key": "name:alt", "failures": 2, "first_failure_at": old, "locked_until": None},
            {"key": "client:alt", "failures": 1, "first_failure_at": old,
             "locked_until": old + timedelta(minutes=15)},
            {"key": "name:frisch", "failures": 1, "first_failure_at": now, "locked_until": None},
        ])
    done = cli("prune")
    assert (done.returncode, done.stdout) == (
        0, "2 abgelaufene Zähler fehlgeschlagener Anmeldungen gelöscht.\n")
    with engine.connect() as conn:
        assert conn.scalars(schema.login_failures.select().with_only_columns(
            schema.login_failures.c.key)).all() == ["name:frisch"]
