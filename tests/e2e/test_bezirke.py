"""The district profile in Chromium: opened from a click on a district on the map, the
presentation mode stepped with the arrow keys, and the profile PDF downloaded and read."""

from __future__ import annotations

import re
import subprocess

from playwright.sync_api import Page, expect

from services.plaintext import isolate
from services.texts import profile as t
from tests.e2e.conftest import EVIL_NAMES, MAP

TIMEOUT = 60_000
CLICK_DISTRICT = """(body, id) => Object.values(window.map._layers)
    .filter(l => l.feature && l.feature.properties.id === id)
    .forEach(l => l.fire("click", {latlng: l.getBounds().getCenter()}))"""
SLIDE_TITLE = "h1.qa-slide-title"


def test_profile_from_a_map_click_presentation_keys_and_pdf(page: Page, app_url: str, tmp_path):
    # no offer matches the search, so nothing lies on top of the districts
    page.goto(f"{app_url}/?suche=keinetreffer")
    frame = page.frame_locator(MAP)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=TIMEOUT)
    page.locator(MAP).scroll_into_view_if_needed()
    frame.locator("body").evaluate(CLICK_DISTRICT, "41")
    link = page.get_by_role("link", name=re.compile(t.OPEN_PROFILE))
    expect(link).to_be_visible(timeout=TIMEOUT)
    link.click()

    expect(page.get_by_role("heading", name="Batenbrock-Nord", level=1)).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"/bezirksprofil\?.*profil=41"))

    page.get_by_role("button", name=t.PRESENT).click()
    title = page.locator(SLIDE_TITLE)
    expect(title).to_have_text(isolate("Batenbrock-Nord"), timeout=TIMEOUT)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    page.locator(SLIDE_TITLE).click()  # focus the page, not the map's iframe
    page.keyboard.press("ArrowRight")
    expect(title).to_have_text(isolate(EVIL_NAMES[0]), timeout=TIMEOUT)  # district 42, shown as text
    expect(page).to_have_url(re.compile("profil=42"))
    page.keyboard.press("ArrowLeft")
    expect(title).to_have_text(isolate("Batenbrock-Nord"), timeout=TIMEOUT)
    page.keyboard.press("ArrowLeft")
    expect(title).to_have_text(isolate("Eigen"), timeout=TIMEOUT)
    expect(page.get_by_text(t.DEMO_NOTE)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("heading", name="Eigen", level=1)).to_be_visible(timeout=TIMEOUT)

    with page.expect_download(timeout=TIMEOUT) as download:
        page.get_by_role("button", name=t.PDF_PROFILE).click()
    path = tmp_path / "profil.pdf"
    download.value.save_as(path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == 2 and all(t.DEMO_NOTE in p for p in pages)
    assert "Bezirksprofil Eigen" in text and "Entwicklung 2019–2023" in " ".join(text.split())
    assert page.guard.dialogs == [] and page.guard.external == []
