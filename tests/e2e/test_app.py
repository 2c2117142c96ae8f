"""Click through the real app (`streamlit run`) in Debian's Chromium.

The database holds the demo data plus an offer and a district named like script injections
(conftest): they must show as text and run nothing, and no request may leave 127.0.0.1.
"""

from __future__ import annotations

import math
import re
from urllib.parse import quote

from playwright.sync_api import FrameLocator, Page, expect

from tests.e2e.conftest import EVIL_DISTRICT, EVIL_NAMES, MAP

TIMEOUT = 60_000
OPEN_DISTRICT_TOOLTIP = """(body, id) => Object.values(window.map._layers)
    .filter(l => l.feature && l.feature.properties.id === id)
    .forEach(l => l.openTooltip(l.getBounds().getCenter()))"""


def open_app(page: Page, url: str) -> FrameLocator:
    page.goto(url)
    expect(page.get_by_text("Angeboten passen")).to_be_visible(timeout=TIMEOUT)
    frame = page.frame_locator(MAP)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=TIMEOUT)
    return frame


def shown_count(page: Page) -> int:
    text = page.get_by_text("Angeboten passen").inner_text()
    return int(re.match(r"\s*(\d+)", text)[1])


def markers_on_map(frame: FrameLocator) -> int:
    """Offers drawn: single markers plus the numbers on the cluster bubbles."""
    frame.locator(".leaflet-cluster-anim").first.wait_for(state="detached", timeout=TIMEOUT)
    singles = frame.locator(".qa-offer").count()
    clusters = sum(int(t) for t in frame.locator(".marker-cluster span").all_inner_texts())
    return singles + clusters


def wait_for_markers(frame: FrameLocator, expected: int) -> None:
    for _ in range(60):
        if markers_on_map(frame) == expected:
            return
        frame.locator("body").page.wait_for_timeout(500)
    assert markers_on_map(frame) == expected


def test_map_renders_districts_offices_and_markers(page: Page, app_url: str):
    frame = open_app(page, app_url)
    assert frame.locator("path.leaflet-interactive").count() >= 17
    expect(frame.locator(".qa-office").first).to_be_visible()
    wait_for_markers(frame, shown_count(page))
    expect(frame.get_by_text("Demo-Gliederung, schematische Grenzen")).to_be_visible()
    expect(page.get_by_text("Demo-Daten.")).to_be_visible()
    assert page.guard.external == [] and page.guard.dialogs == []


def test_a_filter_changes_the_markers_and_the_map_stays_mounted(page: Page, app_url: str):
    frame = open_app(page, app_url)
    before = shown_count(page)
    wait_for_markers(frame, before)
    frame.locator("body").evaluate("b => { window.__mounted = 'yes'; }")
    search = page.get_by_role("textbox", name="Freitext")
    search.fill("Hausaufgaben")
    search.press("Enter")
    # chip labels are data shown literally (invisible bidi isolates and word joiners)
    chip = page.get_by_role("button", name=re.compile("✕.*Suche.*Hausaufgaben"))
    expect(chip).to_be_visible(timeout=TIMEOUT)
    after = shown_count(page)
    assert 0 < after < before
    wait_for_markers(frame, after)
    expect(page).to_have_url(re.compile("suche=Hausaufgaben"))  # set when the rerun ends
    # A remounted map would lose the mark set above and the user's zoom.
    frame.locator("body").evaluate("b => window.map.setZoom(13)")
    chip.click()
    expect(chip).to_have_count(0, timeout=TIMEOUT)
    assert frame.locator("body").evaluate("b => [window.__mounted, window.map.getZoom()]") == ["yes", 13]


def test_click_opens_details_and_evil_names_stay_text(page: Page, app_url: str):
    # "${alert" is in evil-1's provider only ("onerror" would also find the offers in the
    # district whose name is an injection: free text searches district names too)
    frame = open_app(page, f"{app_url}/?suche={quote('${alert')}&bedarf=lernen")
    assert shown_count(page) == 1
    marker = frame.locator(".qa-offer")
    expect(marker).to_have_count(1, timeout=TIMEOUT)
    # A click focuses the map's iframe, and Chromium scrolls a focused iframe fully into
    # view: with the map partly below the fold the marker would move under the pointer.
    page.locator(MAP).scroll_into_view_if_needed()
    marker.hover()
    # the offer's tooltip (the pointer may also have opened the district's under it)
    tooltip = frame.locator(".leaflet-tooltip", has_text="Demo-Eintrag")
    expect(tooltip).to_contain_text(EVIL_NAMES[0], timeout=TIMEOUT)
    expect(tooltip).to_contain_text(EVIL_NAMES[1])
    expect(tooltip).to_contain_text("Demo-Eintrag")
    marker.click()
    # data text is shown literally inside invisible bidi isolates (services/plaintext.py)
    # (the offer list under the map shows the name too: the details panel's heading here)
    details = page.get_by_role("heading").get_by_text(re.compile(rf"^\W?{re.escape(EVIL_NAMES[0])}\W?$"))
    expect(details).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(re.compile("Bedarfe: .?Lernen & Hausaufgaben"))).to_be_visible()
    expect(page).to_have_url(re.compile("auswahl=o(%3A|:)evil-1"))
    expect(frame.locator(".qa-highlight")).to_have_count(1, timeout=TIMEOUT)
    assert page.guard.dialogs == [] and page.guard.external == []


def test_evil_district_name_and_template_name_run_nothing(page: Page, app_url: str):
    frame = open_app(page, f"{app_url}/?suche={quote('${alert')}")
    expect(frame.locator(".qa-district-label", has_text=EVIL_NAMES[0])).to_have_count(1)
    # The district is small and crowded with markers: open its tooltip as a hover would.
    frame.locator("body").evaluate(OPEN_DISTRICT_TOOLTIP, EVIL_DISTRICT)
    expect(frame.locator(".leaflet-tooltip", has_text=EVIL_NAMES[0]).first).to_be_visible()
    wait_for_markers(frame, shown_count(page))
    assert frame.locator("img[src=x]").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert page.guard.dialogs == [] and page.guard.external == []


def test_panning_and_zooming_do_not_rerun_the_app(page: Page, app_url: str):
    """Only a click reports back to Streamlit: moving the map sends nothing to the server."""
    sent: list[int] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(1)))
    frame = open_app(page, app_url)
    wait_for_markers(frame, shown_count(page))
    page.wait_for_timeout(1500)  # the component's first report after mounting
    sent.clear()
    view = "b => [window.map.getCenter().lat, window.map.getZoom()]"
    before = frame.locator("body").evaluate(view)
    box = page.locator(MAP).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 150, box["y"] + box["height"] / 2 - 80, steps=10)
    page.mouse.up()
    # back to the middle: where the drag ended may be under the legend, which keeps the wheel
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(2000)
    after = frame.locator("body").evaluate(view)
    assert after[0] != before[0] and after[1] > before[1]  # it did pan and zoom
    assert sent == []
    page.get_by_text("nur kostenlose", exact=True).click()
    expect(page.get_by_role("button", name=re.compile("✕.*nur kostenlose"))).to_be_visible(timeout=TIMEOUT)
    assert sent  # the same probe does see a rerun


def test_a_page_view_runs_the_script_once(page: Page, app_url: str):
    """The map component reports nothing back after mounting (st_folium's declared initial
    value matches what its frontend reports), so a view is one script run, not two."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    reruns: list[int] = []

    def sent(payload) -> None:
        if isinstance(payload, bytes) and BackMsg.FromString(payload).WhichOneof(
                "type") == "rerun_script":
            reruns.append(1)
    page.on("websocket", lambda ws: ws.on("framesent", sent))
    frame = open_app(page, app_url)
    wait_for_markers(frame, shown_count(page))
    page.wait_for_timeout(2000)  # the component used to report ~0.3 s after its fitBounds
    assert len(reruns) == 1


def _centre(box: dict) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_the_ring_of_a_selected_office_sits_on_its_icon_when_offices_are_spread(
        page: Page, app_url: str):
    # Feuerbach- and Morianstraße are spread apart at city zoom (static/quartiersatlas.js)
    frame = open_app(page, f"{app_url}/?auswahl=b:real-quartiersbuero-feuerbachstrasse")
    expect(frame.locator(".qa-highlight")).to_have_count(1, timeout=TIMEOUT)
    offices = frame.locator(".qa-office")

    def spread_and_distance() -> tuple[bool, float]:
        spread = any(offices.nth(i).evaluate("e => e.style.translate !== ''")
                     for i in range(offices.count()))
        ring = _centre(frame.locator(".qa-highlight").bounding_box())
        return spread, min(math.dist(ring, _centre(offices.nth(i).bounding_box()))
                           for i in range(offices.count()))

    # measured once the map has settled (fitting the bounds animates the zoom)
    for _ in range(40):
        settled = spread_and_distance()
        if settled[0] and settled[1] < 2:
            break
        page.wait_for_timeout(500)
    assert settled[0], "the offices are not spread at this zoom"
    assert settled[1] < 2
