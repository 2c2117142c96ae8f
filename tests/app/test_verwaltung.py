"""The administration pages through AppTest: refusal, form rules, XSS as text, conflicts,
history and the log. On one embedded demo database per module."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services import editing
from services.auth import ROLES
from services.config import PROJECT_ROOT
from services.importer import shared_repository
from services.plaintext import markdown_literal
from services.storage.errors import DatabaseUnavailable
from services.texts import auth as auth_text
from services.texts import editing as t
from services.texts import ui as ui_text
from services.texts import validation as v
from services.texts.nearby import DEMO_ADDRESSES
from ui import data, nearby_state
from ui.components.offer_editor import (
    ADDRESS,
    ADDRESS_CHOICE,
    CONFLICT,
    MODE,
    SELECTED,
    field_key,
)

TIMEOUT = 60
ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "verwaltung" / "angebote.py")
LOG_PAGE = str(ROOT / "pages" / "verwaltung" / "protokoll.py")
APP = str(ROOT / "app.py")
XSS = '<img src=x onerror="alert(1)">**fett** [link](javascript:alert(2)) {{7*7}}'


PASSWORD = "korrekt pferd batterie"


@pytest.fixture(scope="module", autouse=True)
def demo_database(tmp_path_factory):
    """A demo database with one account per role, created by the CLI as an admin would."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DATABASE_URL", raising=False)
        patch.setenv("QA_DATA_DIR", str(tmp_path_factory.mktemp("verwaltung")))
        for role in ROLES:
            subprocess.run([sys.executable, "-m", "services.cli", "user", "add", f"nur-{role}",
                            "--role", role, "--passwort-stdin"], input=PASSWORD + "\n",
                           text=True, cwd=PROJECT_ROOT, env=dict(os.environ), check=True,
                           capture_output=True)
        yield


def logged_in(page: str, role: str) -> AppTest:
    at = AppTest.from_file(page, default_timeout=TIMEOUT).run()
    at.sidebar.text_input(key="auth_form_name").set_value(f"nur-{role}")
    at.sidebar.text_input(key="auth_form_password").set_value(PASSWORD)
    return at.sidebar.button[0].click().run()


@pytest.fixture
def editor() -> AppTest:
    at = logged_in(PAGE, "redaktion")
    assert not at.exception
    return at


def choose(at: AppTest, offer_id: str) -> AppTest:
    at.selectbox(key=SELECTED).set_value(offer_id).run()
    return at


def listed_id(at: AppTest, position: int) -> str:
    """The record id of a choice: the list shows „Name (Kennung)“."""
    return re.fullmatch(r".*\((.+)\)", at.selectbox(key=SELECTED).options[position])[1]


def some_offer_id(at: AppTest) -> str:
    return listed_id(at, 1)


@pytest.mark.parametrize(("page", "role"), [(PAGE, "redaktion"), (LOG_PAGE, "admin")])
def test_anonymous_and_wrong_roles_are_refused_and_see_no_data(page, role):
    refusal = auth_text.REFUSED.format(roles=auth_text.ROLE_LABELS[role])
    visitor = AppTest.from_file(page, default_timeout=TIMEOUT).run()
    others = [logged_in(page, other) for other in ROLES if other != role]
    for at in [visitor, *others]:
        assert not at.exception
        assert [e.value for e in at.error] == [refusal]
        assert not at.dataframe and not at.main.text_input and not at.selectbox
        assert not at.radio  # nor the „Angebote | Quartiersbüros“ choice


def test_an_xss_payload_saved_in_the_form_shows_as_text(editor):
    offer_id = some_offer_id(editor)
    at = choose(editor, offer_id)
    at.text_input(key=field_key("name")).input(XSS)
    at.text_area(key=field_key("beschreibung")).input(XSS)
    at.button(key="ed_save").click().run()
    assert not at.exception
    assert shared_repository().get_offer(offer_id).name == XSS
    assert at.text_input(key=field_key("name")).value == XSS
    markdown = [e.value for e in [*at.markdown, *at.caption, *at.success, *at.error]]
    markdown += [e.label for e in at.expander]
    assert not [value for value in markdown if "<img" in value or "**fett**" in value]
    frames = [frame.value for frame in at.dataframe]  # list and history: plain cell text
    assert sum(bool((frame == XSS).any().any()) for frame in frames) >= 2


def test_a_bad_value_is_reported_at_its_field_with_the_import_message(editor):
    at = choose(editor, some_offer_id(editor))
    at.text_input(key=field_key("lat")).input("6,93")
    at.button(key="ed_save").click().run()
    expected = v.LAT_OUTSIDE.format(value="6,93", low="51,4", high="51,7") + v.LAT_LON_SWAPPED
    assert markdown_literal(expected) in [e.value for e in at.error]


@pytest.mark.parametrize("kind", ["offer", "office"])
def test_a_stale_form_is_refused_and_shows_their_change(editor, kind):
    at = editor if kind == "offer" else office_mode(editor)
    record_id = some_offer_id(at)
    at = choose(at, record_id)
    repo = shared_repository()
    stored = editing.stored(repo, kind, record_id)
    editing.save(repo, replace(stored, phone="0204 99"), repo.version_of(kind, record_id),
                 "anna", base=stored)
    at.text_input(key=field_key("name")).input("Meine Änderung")
    at.button(key="ed_save").click().run()
    assert at.session_state[CONFLICT] is not None
    assert any(t.CONFLICT.split("(")[0] in e.value for e in at.error)
    assert editing.stored(repo, kind, record_id).name == stored.name
    at.button(key="ed_merge").click().run()
    at.button(key="ed_save").click().run()
    saved = editing.stored(repo, kind, record_id)
    assert (saved.name, saved.phone) == ("Meine Änderung", "0204 99")


def test_the_log_lists_changes_for_admins():
    repo = shared_repository()
    offer = repo.offers()[0]
    editing.mark_verified(repo, offer.id, "ben")
    at = logged_in(LOG_PAGE, "admin")
    frame = at.dataframe[0].value
    assert frame.iloc[0][t.LOG_COLUMNS["actor"]] == "ben"


def test_an_address_from_the_lotse_index_sets_the_position(editor):
    at = choose(editor, some_offer_id(editor))
    at.text_input(key=ADDRESS).input("Feuerbachstr. 13").run()
    choice = at.selectbox(key=ADDRESS_CHOICE)
    assert choice.value is None and choice.options[0].startswith("Feuerbachstraße 13")
    choice.set_value(0).run()
    lat, lon = (float(at.text_input(key=field_key(c)).value) for c in ("lat", "lon"))
    assert 51.52 < lat < 51.53 and 6.94 < lon < 6.95  # Feuerbachstraße, as in the Lotse tests
    assert not at.exception


def test_a_demo_address_says_so_and_warns_for_a_real_offer(editor):
    at = choose(editor, "real-kinderschutzbund-bottrop")
    at.text_input(key=ADDRESS).input("gladbecker str 50").run()
    at.selectbox(key=ADDRESS_CHOICE).set_value(0).run()
    shown = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Hausnummer 50 nicht im Adressverzeichnis" in shown and DEMO_ADDRESSES in shown
    assert [w.value for w in at.warning if w.value == t.ADDRESS_DEMO_FOR_REAL]
    demo = choose(at, "demo-063")
    demo.text_input(key=ADDRESS).input("gladbecker str 50").run()
    demo.selectbox(key=ADDRESS_CHOICE).set_value(0).run()
    assert not [w for w in demo.warning if w.value == t.ADDRESS_DEMO_FOR_REAL]  # a demo entry


def office_mode(at: AppTest) -> AppTest:
    at.radio(key=MODE).set_value("office").run()
    return at


def test_an_office_is_edited_in_the_same_form_with_its_history(editor):
    at = office_mode(editor)
    office_id = some_offer_id(at)
    repo = shared_repository()
    assert repo.get_office(office_id) is not None and not at.exception
    at = choose(at, office_id)
    at.text_input(key=field_key("rolle")).input("Quartiersmanagerin")
    at.button(key="ed_save").click().run()
    assert not at.exception
    assert repo.get_office(office_id).staff_role == "Quartiersmanagerin"
    assert [e.version for e in editing.history(repo, "office", office_id)][0] == repo.version_of(
        "office", office_id)
    assert not [b for b in at.button if b.key == "ed_verify"]  # offers only
    at.text_input(key=field_key("rolle")).input("Stadtteilmanager")
    at.button(key="ed_save").click().run()
    first = editing.history(repo, "office", office_id)[1].version
    at.button(key=f"ed_restore_{first}").click().run()
    assert not at.exception
    assert repo.get_office(office_id).staff_role == "Quartiersmanagerin"


def lotse_offices() -> list[str]:
    """The Quartiersbüros an anonymous visitor can start the Lotse from."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at = at.switch_page("pages/lotse.py").run()
    at.radio(key=nearby_state.START_KIND).set_value("office").run()
    return list(at.selectbox(key=nearby_state.OFFICE).options)  # names, bidi-isolated


def map_warnings(selection: str) -> list[str]:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["auswahl"] = selection
    return [w.value for w in at.run().warning]


def test_an_office_is_archived_hidden_from_the_public_and_reactivated(editor):
    at = office_mode(editor)
    office_id = listed_id(at, -1)
    repo = shared_repository()
    name = repo.get_office(office_id).name
    assert any(name in o for o in lotse_offices())
    assert ui_text.DETAILS_NOT_FOUND not in map_warnings(f"b:{office_id}")
    at = choose(at, office_id)
    at.button(key="ed_archive").click().run()
    assert not at.exception
    assert repo.get_office(office_id).status == "inactive"
    assert [s.value for s in at.success] == [t.ARCHIVED]
    assert [i.value for i in at.info] == [t.ARCHIVED_OFFICE]
    assert t.ACTION_LABELS["archive"] in at.expander[0].label  # the history's newest entry
    assert not [b for b in at.button if b.key == "ed_archive"]
    at.multiselect(key="ed_office_status").set_value(["inactive"]).run()
    listed = at.dataframe[0].value
    assert (list(listed["id"]), list(listed["status"])) == ([office_id], ["archiviert"])
    assert not any(name in o for o in lotse_offices())
    assert ui_text.DETAILS_NOT_FOUND in map_warnings(f"b:{office_id}")  # not on the map either

    at.button(key="ed_reactivate").click().run()
    assert not at.exception
    assert repo.get_office(office_id).status == "active"
    assert [s.value for s in at.success] == [t.REACTIVATED]
    assert t.ACTION_LABELS["restore"] in at.expander[0].label
    assert any(name in o for o in lotse_offices())


def test_the_log_says_in_german_when_the_database_fails_and_retries(monkeypatch):
    def unavailable(_repo):
        raise DatabaseUnavailable

    monkeypatch.setattr(editing, "audit_log", unavailable)
    at = logged_in(LOG_PAGE, "admin")
    assert not at.exception
    assert [e.value for e in at.error] == [v.DB_UNAVAILABLE]
    retrying = ui_text.DATABASE_RETRYING.format(seconds=data.RETRY_SECONDS)
    assert retrying in [c.value for c in at.caption] and not at.dataframe
