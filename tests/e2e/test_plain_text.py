"""Data text stays plain text in the real browser: no live links, no icons, no colours, and a
right-to-left override in a name cannot reverse the app's own text beside it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import MARKDOWN_TRAPS, RLO_NAME
from tests.e2e.test_app import TIMEOUT, open_app

FSI, PDI = "\u2068", "\u2069"


def test_links_icons_and_direction_overrides_in_data_stay_inert(page: Page, app_url: str):
    open_app(page, f"{app_url}/?auswahl=o:evil-3&aktiv=0")
    heading = page.locator("h4", has_text="Stand 2030")
    expect(heading).to_be_visible(timeout=TIMEOUT)
    # the name sits in its own bidi isolate, so the override ends with it
    text = heading.inner_text()
    assert FSI + RLO_NAME + PDI in text
    panel = page.locator('[data-testid="stMarkdownContainer"]', has_text="Kontakt")
    expect(panel.first).to_be_visible()
    html = panel.first.inner_html()
    assert "example.org" in panel.first.inner_text()
    assert panel.first.locator("a").count() == 0  # no autolinked URL or e-mail
    assert page.locator('[data-testid="stIconMaterial"]').filter(has_text="warning").count() == 0
    assert "color: red" not in html and "katex" not in html
    shown = panel.first.inner_text().replace("\u2060", "")  # minus the invisible word joiners
    for value in MARKDOWN_TRAPS.values():
        assert value in shown  # exactly the data, character for character
    assert page.guard.dialogs == [] and page.guard.external == []
