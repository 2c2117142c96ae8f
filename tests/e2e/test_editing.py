"""Editing in the real browser: an editor changes an offer, sees it on the map and in its
history; a second session still on the old version is refused and shown the difference."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from services.texts import auth as auth_text
from services.texts import editing as t
from services.texts import ui
from tests.e2e.conftest import EDITOR, EDITOR_PASSWORD
from tests.e2e.test_app import open_app

TIMEOUT = 60_000
OFFER = "edit-1"  # the e2e data's offer for this test (conftest): no other test reads it
NEW_NAME = "Treff am Kanal <b>neu</b>"


def editor_session(browser: Browser, app_url: str, offer: str = OFFER) -> Page:
    """A new browser session, logged in as the editor, with `offer` loaded in the form."""
    page = browser.new_context(viewport={"width": 1400, "height": 1400},
                               locale="de-DE").new_page()
    open_app(page, app_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label(auth_text.LOGIN_NAME, exact=True).fill(EDITOR)
    sidebar.get_by_label(auth_text.LOGIN_PASSWORD, exact=True).fill(EDITOR_PASSWORD)
    sidebar.get_by_role("button", name=auth_text.LOGIN_SUBMIT).click()
    sidebar.get_by_role("link", name=t.PAGE_OFFERS).click()  # in the menu once logged in
    expect(page.get_by_role("heading", name=t.PAGE_OFFERS)).to_be_visible(timeout=TIMEOUT)
    chooser = page.get_by_label(t.CHOOSE, exact=True)
    chooser.click()
    page.keyboard.type(offer)
    page.keyboard.press("Enter")
    expect(page.get_by_label(t.COLUMN_LABELS["id"], exact=True)).to_have_value(offer, timeout=TIMEOUT)
    return page


def set_field(page: Page, column: str, value: str) -> None:
    field = page.get_by_label(t.COLUMN_LABELS[column], exact=True)
    field.fill(value)
    field.press("Tab")


def test_an_edit_shows_on_the_map_in_the_history_and_refuses_a_stale_session(
        browser: Browser, app_url: str):
    first, second = editor_session(browser, app_url), editor_session(browser, app_url)
    set_field(first, "name", NEW_NAME)
    first.get_by_role("button", name=t.SAVE, exact=True).click()
    expect(first.get_by_text(t.SAVED.format(version=2))).to_be_visible(timeout=TIMEOUT)
    newest = re.compile(rf"^2 · .* UTC · {t.ACTION_LABELS['edit']}$")
    expect(first.get_by_text(newest)).to_be_visible(timeout=TIMEOUT)  # the history's entry

    set_field(second, "telefon", "02041 7070")
    second.get_by_role("button", name=t.SAVE, exact=True).click()
    expect(second.get_by_text(t.CONFLICT.split(" (")[0])).to_be_visible(timeout=TIMEOUT)
    for column in ("name", "telefon"):  # theirs and mine: one merge choice each
        label = t.MERGE_CHOICE.format(field=t.COLUMN_LABELS[column])
        expect(second.get_by_text(label)).to_be_visible(timeout=TIMEOUT)

    open_app(first, app_url)
    search = first.locator('[data-testid="stSidebar"]').get_by_role("textbox", name=ui.FILTER_TEXT,
                                                                    exact=True)
    search.fill("Treff am Kanal")
    search.press("Enter")
    expect(first.get_by_text("Angeboten passen")).to_have_text(re.compile(r"^\s*1\b"),
                                                              timeout=TIMEOUT)
    for page in (first, second):
        page.context.close()
