"""The README's screenshots, taken from the running app on the demo data.

Usage: `.venv/bin/python scripts/screenshots.py [--port 8611] [--out docs] [--only lotse]`

Starts the app (scripts/serve.py) on a fresh embedded demo database in a temporary folder,
drives Debian's Chromium (/usr/bin/chromium, headless, laid out at 1366×768: an office
laptop, unless a shot sets its own size) through what a user does, and writes the PNGs (a
shot may show more of the page's height than the window, as the user scrolls). Each shot is one
function of SHOTS, so another view is another function; run one with --only. The visitor is
logged out (a planner's page differs only by „Szenario speichern“). Nothing leaves 127.0.0.1
(no tile server). Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.e2e.appserver import serve_app  # noqa: E402  (starts scripts/serve.py)

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1366, "height": 768}
TIMEOUT = 60_000
MAP = 'iframe[title="streamlit_folium.st_folium"] >> nth=-1'
SETTLE_MS = 1500  # the map's tiles-free layers and Streamlit's last reruns settle


@contextmanager
def running_app(port: int) -> Iterator[str]:
    """The app on `port`, seeding its demo database on the first start (in a temporary
    folder, never the user's); yields its URL."""
    with tempfile.TemporaryDirectory(prefix="qa-shots-") as data_dir:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "QA_TILES_URL")}
        env["QA_DATA_DIR"] = data_dir
        with serve_app(env, Path(data_dir) / "streamlit.log", port=port) as url:
            yield url


def settled(page: Page) -> None:
    """Wait until the script run a widget started has finished."""
    page.wait_for_timeout(500)
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=TIMEOUT)


def choose(page: Page, label: str | re.Pattern, *options: str) -> None:
    """Pick options (their exact labels) in a Streamlit select or multiselect."""
    box = page.get_by_role("combobox", name=label)
    for option in options:
        box.click()
        page.keyboard.type(option)
        page.get_by_role("option", name=option, exact=True).click()
        settled(page)
    page.keyboard.press("Escape")


def to_top(page: Page) -> None:
    """Scroll the page (Streamlit scrolls its main area, not the window) back to the top."""
    page.evaluate("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
    page.wait_for_timeout(300)


def wait_for_map(page: Page) -> None:
    """Until the (last) map has drawn its districts and Streamlit is idle."""
    frame = page.frame_locator(MAP)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=TIMEOUT)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=TIMEOUT)
    page.wait_for_timeout(SETTLE_MS)


# Shots ----------------------------------------------------------------------------------


def lotse_shots(page: Page, url: str, out: Path) -> list[Path]:
    """docs/lotse.png: a real search from a typed address (Feuerbachstr. 13, two children of
    4 and 13, Arabic-speaking): the home point, rings and numbered results on the map, the
    list, and two offers on the Merkliste with the Infoblatt in Arabic."""
    page.goto(url)
    page.get_by_role("link", name=re.compile("Lotse")).click()
    settled(page)
    # The sidebar folded away, as on a laptop during a consultation: the form gets the width.
    page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    field = page.get_by_role("textbox", name="Straße und Hausnummer")
    expect(field).to_be_visible(timeout=TIMEOUT)
    field.fill("Feuerbachstr. 13")
    field.press("Enter")
    page.get_by_text(re.compile("Feuerbachstraße 13, 46238 Bottrop")).click()
    expect(page.get_by_text(re.compile(r"^1\. ")).first).to_be_visible(timeout=TIMEOUT)
    settled(page)
    choose(page, "Alter der Kinder", "4 J.", "13 J.")
    choose(page, "Sprachen der Familie", "Arabisch")
    for _ in range(2):
        page.get_by_role("button", name="Auf die Merkliste").first.click()
        settled(page)
    choose(page, re.compile("Sprache der Familie \\(Infoblatt\\)"), "العربية – Arabisch")
    expect(page.frame_locator(MAP).locator(".qa-home")).to_be_visible(timeout=TIMEOUT)
    page.frame_locator(MAP).locator(".qa-lotse-number").first.wait_for(timeout=TIMEOUT)
    page.wait_for_timeout(1000)  # the map's fade-in
    # Laid out at 1366×768; the picture shows the page's height down to the Infoblatt button
    # (the Lotse scrolls there), as one image for the README.
    to_top(page)
    bottom = page.get_by_role("button", name="Infoblatt erstellen (PDF)").bounding_box()
    page.set_viewport_size({"width": VIEWPORT["width"], "height": round(bottom["y"] + 60)})
    settled(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")  # no focus ring
    page.mouse.move(0, 0)  # no hover tooltip in the picture
    path = out / "lotse.png"
    page.screenshot(path=str(path))
    return [path]


def profile_shots(page: Page, url: str, out: Path) -> list[Path]:
    """The district profile from top to the exports, in one tall window (Streamlit scrolls
    inside its own container, so a full-page shot of a normal window would cut it)."""
    page.set_viewport_size({"width": 1366, "height": 4300})
    page.goto(f"{url}/bezirksprofil?profil=41")
    expect(page.get_by_role("heading", name="Batenbrock-Nord", level=1)).to_be_visible(timeout=TIMEOUT)
    wait_for_map(page)
    expect(page.locator(".stSkeleton")).to_have_count(0, timeout=TIMEOUT)
    page.get_by_text("Export für Excel und QGIS").click()  # the end of the page, opened
    page.wait_for_timeout(3 * SETTLE_MS)  # the charts draw after the page
    path = out / "screenshots" / "bezirksprofil.png"
    page.screenshot(path=str(path))
    return [path]


def gap_shots(page: Page, url: str, out: Path) -> list[Path]:
    """The gap page at a laptop's and a desktop's size, scrolled to the top, the map's
    legend closed on the laptop so it hides no district."""
    paths = []
    for width, height in ((1366, 768), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{url}/versorgungsluecken")
        wait_for_map(page)
        if width < 1600:
            page.frame_locator(MAP).locator("summary.qa-legend-title").first.click()
            page.wait_for_timeout(300)
        paths.append(out / f"screenshot-versorgungsluecken-{width}.png")
        page.screenshot(path=str(paths[-1]))
    return paths


def presentation_shots(page: Page, url: str, out: Path) -> list[Path]:
    """The presentation mode on a beamer (1920×1080) and a small one (1280×720)."""
    paths = []
    for width, height in ((1920, 1080), (1280, 720)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{url}/bezirksprofil?profil=41&modus=praesentation")
        expect(page.locator("h1.qa-slide-title")).to_have_text("Batenbrock-Nord", timeout=TIMEOUT)
        wait_for_map(page)
        paths.append(out / "screenshots" / f"praesentation-{width}x{height}.png")
        page.screenshot(path=str(paths[-1]))
    return paths


SHOTS: dict[str, Callable[[Page, str, Path], list[Path]]] = {
    "lotse": lotse_shots,
    "profile": profile_shots,
    "gap": gap_shots,
    "presentation": presentation_shots,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8611)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--only", choices=sorted(SHOTS), action="append")
    args = parser.parse_args(argv)
    with running_app(args.port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name in args.only or SHOTS:
            context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
            for path in SHOTS[name](context.new_page(), url, args.out):
                print(path)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
