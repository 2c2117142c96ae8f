"""The Verwaltung in Chromium: an anonymous visitor opening „Daten hochladen“ by its URL is
refused and sees no data; an administrator logs in on that page and uploads a file."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from services.texts import auth as auth_text
from services.texts import upload as t
from tests.e2e.conftest import ADMIN, ROOT

TIMEOUT = 60_000
OFFERS = (ROOT / "geodata" / "offers.csv").read_text(encoding="utf-8").splitlines()


def test_anonymous_visitor_opening_the_admin_page_by_url_sees_no_data(page: Page, app_url: str):
    page.goto(f"{app_url}/daten")
    expect(page.get_by_text("Für diese Seite fehlt die Berechtigung")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(auth_text.REFUSED_ANONYMOUS)).to_be_visible()
    assert page.locator("input[type=file]").count() == 0
    assert page.get_by_text(t.KIND).count() == 0 and page.get_by_text(t.INTRO[:30]).count() == 0
    assert page.get_by_role("link", name=t.PAGE_TITLE).count() == 0  # not in the menu
    assert page.guard.external == [] and page.guard.dialogs == []


def test_admin_logs_in_and_uploads_offers(page: Page, app_url: str, tmp_path: Path):
    page.goto(f"{app_url}/daten")
    expect(page.get_by_text(auth_text.REFUSED_ANONYMOUS)).to_be_visible(timeout=TIMEOUT)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_label(auth_text.LOGIN_NAME).fill(ADMIN[0])
    sidebar.get_by_label(auth_text.LOGIN_PASSWORD).fill(ADMIN[1])
    sidebar.get_by_role("button", name=auth_text.LOGIN_SUBMIT).click()
    expect(page.get_by_role("heading", name=t.PAGE_TITLE)).to_be_visible(timeout=TIMEOUT)
    expect(sidebar.get_by_text("Angemeldet als")).to_contain_text(ADMIN[0])

    upload = tmp_path / "angebote.csv"
    new = OFFERS[1].replace("real-kinderschutzbund-bottrop", "e2e-hochgeladen", 1)
    upload.write_text("\n".join([OFFERS[0], new]), encoding="utf-8")
    page.locator("input[type=file]").set_input_files(upload)
    expect(page.get_by_text(t.PREVIEW_TITLE)).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("stMetric").filter(has_text=t.METRIC_NEW).first).to_contain_text("1")
    page.get_by_role("button", name=t.CONFIRM).click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(
        "1 Angebote geladen (0 ohne Bezirk)", timeout=TIMEOUT)
    assert page.locator("input[type=file]").count() == 1  # empty again, no preview
    expect(page.get_by_text(t.PREVIEW_TITLE)).to_have_count(0)
    assert page.guard.external == [] and page.guard.dialogs == []
