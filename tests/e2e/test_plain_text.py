"""Data text stays plain text in the real browser: no live links, no icons, no colours, and a
right-to-left override in a name cannot reverse the app's own text beside it."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page, expect

from services.plaintext import FSI, PDI, WORD_JOINER
from tests.e2e.conftest import (
    HOSTILE_DISTRICT,
    HOSTILE_NAME,
    HOSTILE_STADTBEZIRK,
    MAP,
    MARKDOWN_TRAPS,
    RLO_NAME,
)
from tests.e2e.test_app import OPEN_DISTRICT_TOOLTIP, TIMEOUT, open_app


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


def _inert(page: Page) -> None:
    """No link to the data's URLs or e-mail address, no icon from its icon code."""
    main = page.locator('[data-testid="stMain"]')
    links = main.locator("a[href*='evil.example'], a[href*='example.org'], a[href^='mailto']")
    assert links.count() == 0
    assert page.locator('[data-testid="stIconMaterial"]').filter(has_text="warning").count() == 0
    assert page.guard.dialogs == [] and page.guard.external == []


def _shown(locator) -> str:
    return locator.inner_text().replace(WORD_JOINER, "")


def test_a_hostile_district_stays_plain_on_its_profile_and_in_the_presentation(page: Page,
                                                                             app_url: str):
    page.goto(f"{app_url}/bezirksprofil?profil={HOSTILE_DISTRICT}")
    title = page.get_by_role("heading", level=1).filter(has_text="Hier klicken")
    expect(title).to_be_visible(timeout=TIMEOUT)
    assert FSI + HOSTILE_NAME + PDI in _shown(title)
    meta = page.get_by_text("Datenjahr")
    assert f"{FSI}{HOSTILE_STADTBEZIRK}{PDI} · Datenjahr" in _shown(meta)
    # the status map's district tooltip: the name in a <bdi> of its own
    frame = page.frame_locator(MAP)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=TIMEOUT)
    frame.locator("body").evaluate(OPEN_DISTRICT_TOOLTIP, HOSTILE_DISTRICT)
    expect(frame.locator(".leaflet-tooltip bdi").first).to_have_text(HOSTILE_NAME)
    _inert(page)

    page.goto(f"{app_url}/bezirksprofil?profil={HOSTILE_DISTRICT}&modus=praesentation")
    slide = page.locator("h1.qa-slide-title")
    expect(slide).to_have_text(FSI + HOSTILE_NAME + PDI, timeout=TIMEOUT)
    meta = page.locator(".qa-slide-meta")
    assert f"{FSI}{HOSTILE_STADTBEZIRK}{PDI} · Datenjahr" in _shown(meta)
    _inert(page)


def test_a_markdown_link_in_the_profile_link_is_named_as_plain_text(page: Page, app_url: str):
    link = "[klick](https://evil.example)"
    page.goto(f"{app_url}/bezirksprofil?profil={quote(link)}")
    notice = page.locator('[data-testid="stAlert"]', has_text="gibt es nicht")
    expect(notice).to_be_visible(timeout=TIMEOUT)
    assert f"„{FSI}{link}{PDI}“" in _shown(notice)
    _inert(page)
