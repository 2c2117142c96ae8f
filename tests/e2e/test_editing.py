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


def editor_session(browser: Browser, app_url: str, offer: str = OFFER,
                   kind: str = "offer") -> Page:
    """A new browser session, logged in as the editor, with the offer (or office) `offer`
    loaded in the form."""
    page = browser.new_context(viewport={"width": 1400, "height": 1400},
                               locale="de-DE").new_page()
    open_app(page, app_url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label(auth_text.LOGIN_NAME, exact=True).fill(EDITOR)
    sidebar.get_by_label(auth_text.LOGIN_PASSWORD, exact=True).fill(EDITOR_PASSWORD)
    sidebar.get_by_role("button", name=auth_text.LOGIN_SUBMIT).click()
    sidebar.get_by_role("link", name=t.PAGE_OFFERS).click()  # in the menu once logged in
    expect(page.get_by_role("heading", name=t.PAGE_OFFERS)).to_be_visible(timeout=TIMEOUT)
    if kind == "office":
        page.get_by_text(t.MODES["office"], exact=True).click()
        expect(page.get_by_label(t.CHOOSE, exact=True)).to_have_value(
            t.NEW_ENTRY_BY_KIND["office"], timeout=TIMEOUT)
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


OFFICE = "real-innenstadtbuero-rathausviertel"  # no other browser test looks at it


def test_an_archived_office_leaves_the_public_map_and_comes_back(browser: Browser, app_url: str):
    editor = editor_session(browser, app_url, OFFICE, kind="office")
    editor.get_by_role("button", name=t.ARCHIVE, exact=True).click()
    expect(editor.get_by_text(t.ARCHIVED_OFFICE.split(":")[0])).to_be_visible(timeout=TIMEOUT)

    visitor = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  locale="de-DE").new_page()
    frame = open_app(visitor, f"{app_url}/?auswahl=b:{OFFICE}")
    expect(visitor.get_by_text(ui.DETAILS_NOT_FOUND)).to_be_visible(timeout=TIMEOUT)
    expect(frame.locator(".qa-office").first).to_be_attached(timeout=TIMEOUT)
    names = frame.locator(".qa-office").evaluate_all("els => els.map(e => e.title)")
    assert names and not [n for n in names if "Rathausviertel" in n]

    editor.get_by_role("button", name=t.REACTIVATE, exact=True).click()
    expect(editor.get_by_text(t.REACTIVATED)).to_be_visible(timeout=TIMEOUT)
    visitor.reload()
    expect(visitor.get_by_role("heading", name=re.compile("Rathausviertel"))).to_be_visible(
        timeout=TIMEOUT)
    for page in (editor, visitor):
        page.context.close()
