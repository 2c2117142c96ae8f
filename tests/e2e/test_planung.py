"""The gap page in Chromium: a hypothetical offer placed by a click on the map shows the
scenario's before/after at once, in the scenario's own colour."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from services.texts import analysis as t
from tests.e2e.conftest import MAP

TIMEOUT = 60_000


def test_a_click_on_the_map_places_an_offer_and_shows_before_after(page: Page, app_url: str):
    page.goto(app_url)
    page.get_by_role("link", name=t.PAGE_GAPS).click()
    frame = page.frame_locator(MAP)
    expect(frame.locator(".qa-legend")).to_contain_text("Versorgungslücke", timeout=TIMEOUT)
    expect(page.get_by_text(t.SCENARIO_NO_POSITION)).to_be_visible()
    # A click focuses the iframe and Chromium scrolls it into view: scroll first, so that
    # the point clicked stays under the pointer. The point is a place in the city (inside
    # Eigen), not a share of the frame: a fixed share can fall under the legend or the
    # layer control, and then the new mark is hidden under it as well.
    page.locator(MAP).scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # the map has fitted its bounds
    box = page.locator(MAP).bounding_box()
    point = frame.locator("body").evaluate(
        "b => window.map.latLngToContainerPoint([51.5539, 6.93667])")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    # shown literally: a word joiner after the colon, each value in its own bidi isolate
    # (services/plaintext.markdown_filled)
    position = re.compile(r"^Standort:\u2060? \u2068?51\.\d+\u2069?, \u2068?6\.\d+")
    expect(page.get_by_text(position)).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name=t.SCENARIO_ADD).click()
    expect(page.get_by_text("neu ein passendes Angebot")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(re.compile("im Vergleich mit heute"))).to_be_visible()
    mark = frame.locator(".qa-scenario")
    expect(mark).to_have_count(1, timeout=TIMEOUT)
    mark.hover()
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(t.SCENARIO, timeout=TIMEOUT)
    headers = page.locator("[data-testid='stDataFrame']").first
    expect(headers).to_be_visible()
    assert page.guard.external == [] and page.guard.dialogs == []
