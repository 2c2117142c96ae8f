"""A read-only SQLite file under the running app (issue 7): every page still reads, and
each editing action says in German that nothing can be saved, never an exception box."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.config import PROJECT_ROOT, default_database_url, load_settings
from services.importer import shared_repository
from services.texts import analysis
from services.texts import editing as t
from services.texts import validation as v
from tests.app.accounts import PASSWORD, logged_in
from tests.app.test_planung import place_offer
from tests.faults.test_database_faults import read_only_file
from ui.components.offer_editor import SELECTED, field_key

ROOT = Path(__file__).resolve().parents[2]
EDITING_PAGE = str(ROOT / "pages" / "verwaltung" / "angebote.py")
PLANNING_PAGE = str(ROOT / "pages" / "planung.py")
READ_ONLY = v.DB_READ_ONLY


def _cli(*args: str, stdin: str = "") -> None:
    subprocess.run([sys.executable, "-m", "services.cli", *args], input=stdin, text=True,
                   cwd=PROJECT_ROOT, env=dict(os.environ), check=True, capture_output=True)


@pytest.fixture(scope="module", autouse=True)
def read_only_database(demo_env):
    """The demo database with an editor and a planner, written by the CLI (closed again),
    then made read-only before the app opens it."""
    _cli("seed-demo")
    for role in ("redaktion", "planung"):
        _cli("user", "add", f"nur-{role}", "--role", role, "--passwort-stdin",
             stdin=PASSWORD + "\n")
    database = Path(default_database_url(os.environ["QA_DATA_DIR"]).removeprefix("sqlite:///"))
    with read_only_file(database):
        yield


def page(path: str, role: str) -> AppTest:
    at = logged_in(AppTest.from_file(path, default_timeout=60), f"nur-{role}").run()
    assert not at.exception
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_the_editing_page_reads_but_every_action_says_it_cannot_save():
    at = page(EDITING_PAGE, "redaktion")
    offer_id = at.selectbox(key=SELECTED).options[1].rsplit("(", 1)[1].rstrip(")")
    at.selectbox(key=SELECTED).set_value(offer_id).run()
    name = shared_repository(load_settings()).get_offer(offer_id).name
    at.text_input(key=field_key("name")).input("Neuer Name")
    at.button(key="ed_save").click().run()
    assert not at.exception and errors(at) == [READ_ONLY]
    assert at.text_input(key=field_key("name")).value == "Neuer Name"  # nothing typed is lost
    for action in ("ed_verify", "ed_archive"):
        at.button(key=action).click().run()
        assert not at.exception and errors(at) == [READ_ONLY]
    assert shared_repository(load_settings()).get_offer(offer_id).name == name
    assert t.SAVED.split("{")[0] not in " ".join(s.value for s in at.success)


def test_saving_a_scenario_says_it_cannot_save():
    at = page(PLANNING_PAGE, "planung")
    place_offer(at, "Lernwerkstatt")
    at.button(key="plan_save").click().run()
    assert not at.exception and errors(at) == [READ_ONLY]
    assert analysis.SCENARIO_NONE_SAVED in [c.value for c in at.caption]  # still read
