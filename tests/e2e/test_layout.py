"""The map page on a laptop screen (1366×768) in the real app: everything the user needs
without scrolling, the first click on a marker works, the view survives a new indicator,
a chosen district is outlined and zoomed to, a row of the list selects its offer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FrameLocator, Page, expect

from tests.e2e.conftest import Guard
from tests.e2e.test_app import MAP, TIMEOUT, open_app, shown_count, wait_for_markers

LAPTOP = {"width": 1366, "height": 768}
MAIN_SCROLL = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"
ZOOM = "b => window.map.getZoom()"


@pytest.fixture
def laptop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=LAPTOP, locale="de-DE")
    page = context.new_page()
    page.guard = Guard(page)
    yield page
    context.close()


def _within_viewport(page: Page, selector: str) -> None:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"], (selector, box)


def _settled(frame: FrameLocator, page: Page) -> None:
    wait_for_markers(frame, shown_count(page))
    expect(frame.locator(".leaflet-zoom-anim")).to_have_count(0, timeout=TIMEOUT)


def test_title_controls_map_and_count_fit_on_a_laptop_screen(laptop: Page, app_url: str):
    frame = open_app(laptop, app_url)
    _settled(frame, laptop)
    for selector in (MAP, "[data-testid='stSidebar'] h1", "[data-testid='stSelectbox']"):
        _within_viewport(laptop, selector)
    count = laptop.get_by_text("Angeboten passen").bounding_box()
    assert count["y"] + count["height"] <= LAPTOP["height"]
    map_box = laptop.locator(MAP).bounding_box()
    assert map_box["height"] >= 0.7 * LAPTOP["height"]  # the height that is left, not 620 px
    assert laptop.evaluate(MAIN_SCROLL) == 0
    assert laptop.evaluate("() => document.documentElement.lang") == "de"
    assert frame.locator("html").get_attribute("lang") == "de"


def test_the_first_click_on_a_marker_opens_its_details(laptop: Page, app_url: str):
    frame = open_app(laptop, app_url)
    _settled(frame, laptop)
    marker = frame.locator(".qa-office").first
    name = marker.get_attribute("title")
    marker.click()
    heading = laptop.get_by_role("heading", name=name)
    expect(heading).to_be_visible(timeout=TIMEOUT)
    assert laptop.evaluate(MAIN_SCROLL) == 0  # the page did not jump
    box = heading.bounding_box()  # the details panel opens in view, beside the map
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"]


def test_a_new_indicator_keeps_zoom_and_position(laptop: Page, app_url: str):
    frame = open_app(laptop, app_url)
    _settled(frame, laptop)
    frame.locator("body").evaluate("b => { window.__mounted = 1; window.map.setView([51.53, 6.93], 14); }")
    laptop.get_by_role("combobox", name="Kennzahl").click()
    laptop.get_by_role("option").nth(1).click()
    expect(frame.locator(".qa-legend-title")).not_to_contain_text("SGB-II-Quote", timeout=TIMEOUT)
    state = "b => [window.__mounted, window.map.getZoom(), window.map.getCenter().lat.toFixed(2)]"
    assert frame.locator("body").evaluate(state) == [1, 14, "51.53"]


def test_a_district_filter_outlines_the_district_and_zooms_to_it(laptop: Page, app_url: str):
    frame = open_app(laptop, app_url)
    _settled(frame, laptop)
    before = frame.locator("body").evaluate(ZOOM)
    district = laptop.get_by_role("combobox", name="Bezirk")
    district.click()
    laptop.keyboard.type("Altstadt")
    laptop.keyboard.press("Enter")
    laptop.keyboard.press("Escape")
    expect(frame.locator("path.qa-outline")).to_have_count(2, timeout=TIMEOUT)  # halo + line
    laptop.wait_for_timeout(1200)  # the fly animation
    assert frame.locator("body").evaluate(ZOOM) > before


def test_a_row_of_the_list_selects_its_offer(laptop: Page, app_url: str):
    open_app(laptop, app_url)
    grid = laptop.locator("[data-testid='stDataFrame']")
    grid.scroll_into_view_if_needed()
    expect(grid.locator("canvas").first).to_be_attached(timeout=TIMEOUT)
    box = grid.bounding_box()
    laptop.mouse.click(box["x"] + 15, box["y"] + 35 + 17)  # the first row's check box
    expect(laptop.get_by_role("button", name="Schließen")).to_be_visible(timeout=TIMEOUT)
    expect(laptop).to_have_url(re.compile("auswahl=o(%3A|:)"), timeout=TIMEOUT)


def test_the_list_downloads_as_csv_for_german_excel_and_as_xlsx(laptop: Page, app_url: str):
    frame = open_app(laptop, f"{app_url}/?sprache=ar")
    _settled(frame, laptop)  # a click during the page's first rerun would hit a stale button
    count = shown_count(laptop)
    with laptop.expect_download(timeout=TIMEOUT) as csv_download:
        laptop.get_by_role("button", name="Liste als CSV (Excel)").click()
    data = Path(csv_download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbfName;Bedarfe;Alter;")
    assert data.decode("utf-8-sig").count("\r\n") == count + 1
    assert "Arabisch" in data.decode("utf-8-sig")
    with laptop.expect_download(timeout=TIMEOUT) as xlsx_download:
        laptop.get_by_role("button", name="Liste als XLSX").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    assert Path(xlsx_download.value.path()).read_bytes()[:2] == b"PK"  # a zip: an XLSX file


def test_on_a_phone_the_map_comes_first_and_a_tap_brings_the_details_into_view(
    browser: Browser, app_url: str
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, locale="de-DE")
    phone = context.new_page()
    try:
        frame = open_app(phone, app_url)
        _settled(frame, phone)
        map_box = phone.locator(MAP).bounding_box()
        controls = phone.get_by_role("combobox", name="Kennzahl").bounding_box()
        assert map_box["y"] < controls["y"]  # the map before the indicator controls
        assert frame.locator(".qa-legend").get_attribute("open") is None  # folded
        frame.locator(".qa-office").first.tap()
        expect(phone.get_by_role("button", name="Schließen")).to_be_visible(timeout=TIMEOUT)
        heading = phone.get_by_role("heading", name="Details")
        expect(heading).to_be_in_viewport(timeout=TIMEOUT)
        phone.wait_for_timeout(1000)  # the smooth scroll
        assert heading.bounding_box()["y"] < 200  # scrolled up to the panel, not just peeking
    finally:
        context.close()
