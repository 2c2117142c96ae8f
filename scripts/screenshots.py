"""The README's screenshots, taken from a running app with Playwright and Debian's Chromium.

Usage: `.venv/bin/python scripts/screenshots.py URL [profile gap presentation]` (default:
all). Start the app first on a fresh demo database, as a visitor would see it:

    DATABASE_URL=sqlite:////tmp/shots/app.db .venv/bin/python scripts/serve.py \
        --server.port 8621 --server.headless true

Each function takes one topic's pictures as a logged-out visitor (a planner's logged-in
page differs only by „Szenario speichern“) and writes them into docs/. Look at every
picture before committing it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright

DOCS = Path(__file__).resolve().parent.parent / "docs"
CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 90_000
MAP = 'iframe[title="streamlit_folium.st_folium"] >> nth=-1'
SETTLE_MS = 1500  # the map's tiles-free layers and Streamlit's last reruns settle


def _open(browser: Browser, url: str, width: int, height: int) -> Page:
    page = browser.new_page(viewport={"width": width, "height": height}, locale="de-DE")
    page.goto(url)
    return page


def _wait_for_map(page: Page) -> None:
    """Until the (last) map has drawn its districts and Streamlit is idle."""
    frame = page.frame_locator(MAP)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=TIMEOUT)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=TIMEOUT)
    page.wait_for_timeout(SETTLE_MS)


def profile_shots(browser: Browser, url: str) -> None:
    """The district profile from top to the exports, in one tall window (Streamlit scrolls
    inside its own container, so a full-page shot of a normal window would cut it)."""
    page = _open(browser, f"{url}/bezirksprofil?profil=41", 1366, 4300)
    expect(page.get_by_role("heading", name="Batenbrock-Nord", level=1)).to_be_visible(timeout=TIMEOUT)
    _wait_for_map(page)
    expect(page.locator(".stSkeleton")).to_have_count(0, timeout=TIMEOUT)
    page.get_by_text("Export für Excel und QGIS").click()  # the end of the page, opened
    page.wait_for_timeout(3 * SETTLE_MS)  # the charts draw after the page
    page.screenshot(path=DOCS / "screenshots" / "bezirksprofil.png")
    page.close()


def gap_shots(browser: Browser, url: str) -> None:
    """The gap page at a laptop's and a desktop's size, scrolled to the top, the map's
    legend closed on the laptop so it hides no district."""
    for width, height in ((1366, 768), (1920, 1080)):
        page = _open(browser, f"{url}/versorgungsluecken", width, height)
        _wait_for_map(page)
        if width < 1600:
            page.frame_locator(MAP).locator("summary.qa-legend-title").first.click()
            page.wait_for_timeout(300)
        page.screenshot(path=DOCS / f"screenshot-versorgungsluecken-{width}.png")
        page.close()


def presentation_shots(browser: Browser, url: str) -> None:
    """The presentation mode on a beamer (1920×1080) and a small one (1280×720)."""
    for width, height in ((1920, 1080), (1280, 720)):
        page = _open(browser, f"{url}/bezirksprofil?profil=41&modus=praesentation", width, height)
        expect(page.locator("h1.qa-slide-title")).to_have_text("Batenbrock-Nord", timeout=TIMEOUT)
        _wait_for_map(page)
        page.screenshot(path=DOCS / "screenshots" / f"praesentation-{width}x{height}.png")
        page.close()


SHOTS: dict[str, Callable[[Browser, str], None]] = {
    "profile": profile_shots,
    "gap": gap_shots,
    "presentation": presentation_shots,
}


def main(argv: list[str]) -> int:
    if not argv or any(name not in SHOTS for name in argv[1:]):
        print(__doc__, file=sys.stderr)
        return 2
    url, names = argv[0].rstrip("/"), argv[1:] or list(SHOTS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            for name in names:
                SHOTS[name](browser, url)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
