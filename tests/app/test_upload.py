"""„Daten hochladen“ through AppTest: refused without the role, a preview before anything is
written, a bad file listed with row and column, and the confirmation importing the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.auth import Accounts
from services.config import GEODATA_DIR, load_settings
from services.importer import shared_repository
from services.plaintext import markdown_literal
from services.texts import upload as t
from tests.app.accounts import log_in

TIMEOUT = 120
APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "pages/verwaltung/daten.py"
OFFERS = (GEODATA_DIR / "offers.csv").read_text(encoding="utf-8").splitlines()
FIRST_ID = "real-kinderschutzbund-bottrop"


@pytest.fixture(scope="module", autouse=True)
def demo_database(demo_accounts):
    """The module's demo database (tests/app/conftest.py), plus an account with two roles."""
    Accounts(shared_repository(load_settings()).users).add("beides", ["admin", "redaktion"],
                                                           "korrekt pferd batterie")


def upload_page(name: str | None) -> AppTest:
    """The page opened by its URL, then (with a name) the login in its sidebar, as an
    administrator following a link would do."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(PAGE).run()
    return at if name is None else log_in(at, name)


def offers_csv(rows: list[str]) -> bytes:
    return "\n".join([OFFERS[0], *rows]).encode("utf-8")


def everything_shown(at: AppTest) -> str:
    elements = [*at.markdown, *at.caption, *at.error, *at.info, *at.metric, *at.dataframe]
    return " ".join(str(getattr(e, "value", "")) for e in elements)


@pytest.mark.parametrize("who", [None, "nur-lotse", "nur-planung"])
def test_visitors_and_wrong_roles_are_refused_and_get_no_uploader(who):
    at = upload_page(who)
    assert not at.exception
    assert at.error[0].value.startswith("Für diese Seite fehlt die Berechtigung")
    assert not at.get("file_uploader") and not at.selectbox
    assert t.PAGE_TITLE not in [h.value for h in at.title]


def test_editors_may_upload_offers_and_offices_only():
    at = upload_page("nur-redaktion")
    assert not at.exception
    assert at.selectbox(key="upload_kind").options == [t.KIND_LABELS["offers"], t.KIND_LABELS["offices"]]
    at = upload_page("nur-admin")
    assert len(at.selectbox(key="upload_kind").options) == 5


def test_a_bad_file_lists_every_problem_and_writes_nothing():
    at = upload_page("nur-redaktion")
    bad = OFFERS[2].replace(",51.", ",nicht-zahl-", 1)
    at.get("file_uploader")[0].set_value(("angebote.csv", offers_csv([OFFERS[1], bad]), "text/csv"))
    at.run()
    assert not at.exception
    assert at.error[0].value == markdown_literal(t.INVALID.format(file="angebote.csv", count=1))
    problems = at.dataframe[0].value
    assert list(problems.iloc[0][[t.COLUMN_ROW]]) == [3]
    assert "lat" in problems.iloc[0][t.COLUMN_FIELD]
    assert not [b for b in at.button if b.key == "upload_confirm"]


def test_preview_then_confirm_imports_through_the_importer():
    repo = shared_repository(load_settings())
    changed = OFFERS[1].replace("Deutscher Kinderschutzbund Ortsverband Bottrop,",
                                "Kinderschutzbund Bottrop (neuer Name),", 1)
    new = OFFERS[1].replace(FIRST_ID, "upload-neu", 1)
    at = upload_page("nur-redaktion")
    at.get("file_uploader")[0].set_value(("angebote.csv", offers_csv([changed, new, OFFERS[3]]), "text/csv"))
    at.run()
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {t.METRIC_NEW: "1", t.METRIC_CHANGED: "1", t.METRIC_UNCHANGED: "1",
                       t.METRIC_REMOVED: "0"}
    assert t.KEPT_NOTE.format(count=len(OFFERS) - 1 - 2) in [c.value for c in at.caption]
    assert repo.get_offer("upload-neu") is None  # nothing written by the preview
    at.button(key="upload_confirm").click().run()
    assert not at.exception
    assert at.success[0].value == markdown_literal(
        t.DONE.format(summary="3 Angebote geladen (0 ohne Bezirk)."))
    assert repo.get_offer("upload-neu") is not None
    assert repo.get_offer(FIRST_ID).name == "Kinderschutzbund Bottrop (neuer Name)"
    assert not at.metric  # the uploader starts empty again


def test_the_confirmation_checks_the_role_again():
    at = upload_page("beides")
    row = OFFERS[1].replace(FIRST_ID, "nie-gespeichert", 1)
    at.get("file_uploader")[0].set_value(("angebote.csv", offers_csv([row]), "text/csv"))
    at.run()
    assert at.button(key="upload_confirm")
    Accounts(shared_repository(load_settings()).users).disable("beides")
    at.button(key="upload_confirm").click().run()
    assert shared_repository(load_settings()).get_offer("nie-gespeichert") is None
    assert any("fehlt die Berechtigung" in e.value for e in at.error)
