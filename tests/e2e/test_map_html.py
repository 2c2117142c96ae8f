"""The built map in real Chromium: draws offline, asks no other server, runs no data as code.

Uses conftest's `page` (Debian Chromium; its guard records every request that
leaves 127.0.0.1 and every JS dialog), without starting the app.
"""

import functools
import http.server
import json
import threading

import geopandas as gpd
import pandas as pd
import pytest
from playwright.sync_api import expect
from shapely.geometry import box

from services.assets import missing_assets
from services.choropleth import build_choropleth
from services.config import STATIC_DIR, load_settings
from services.indicators import INDICATORS_BY_KEY
from services.map.base import build_base_map, layer_control
from services.map.jsbridge import parse_clicked
from services.map.layers import (
    choropleth_layer,
    district_geometries,
    offer_layer,
    offer_mask,
    offer_selection,
)
from services.model import Office
from services.texts import mapping as texts

EVIL = ["<img src=x onerror=alert(1)>", "${alert(1)}", "</script><script>alert(1)</script>"]
# What streamlit-folium's frontend does with a clicked layer's tooltip (extractContent).
CLICK_PROBE = """fg => { window.__clicked = [];
  fg.on("click", e => { const span = document.createElement("span");
    span.innerHTML = e.sourceTarget.getTooltip().getContent();
    window.__clicked.push(span.textContent.trim()); }); }"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture()
def server(tmp_path):
    """Serves tmp_path, with the repo's static/ folder linked in as /static."""
    if missing_assets():  # fail, never skip: a skipped browser test proves nothing
        pytest.fail("Leaflet fehlt in static/vendor: bitte scripts/install_assets.py ausführen")
    (tmp_path / "static").symlink_to(STATIC_DIR, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join()


def _base_map(settings, names, boxes, offices=()):
    districts = gpd.GeoDataFrame({"id": [str(11 + i) for i in range(len(names))], "name": names},
                                 geometry=[box(*b) for b in boxes], crs="EPSG:4326")
    values = pd.DataFrame([dict(district_id="11", indicator_key="sgb2_u15", year=2023,
                                value=20.5, source="BA", is_demo=True)])
    choropleth = build_choropleth(districts, values, INDICATORS_BY_KEY["sgb2_u15"], 2023,
                                  "quantiles")
    web = json.loads(districts.to_json())
    m = build_base_map(web, dict(zip(districts["id"], names)), list(offices), settings, "Demo")
    m.add_child(choropleth_layer(choropleth, district_geometries(web)))
    return m


def _serve(root, base_url, page, html):
    (root / "map.html").write_text(html, encoding="utf-8")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/map.html")
    return errors


def _offers():
    return pd.DataFrame({
        "id": ["o/1 ⟧", "o<2>", "o&3"] + [f"c{i}" for i in range(20)],
        "name": EVIL + ["Lerntreff"] * 20,
        "provider": ["AWO", EVIL[1], EVIL[2]] + ["Caritas"] * 20,
        "needs": [("lernen",), ("sprache",), ("notlagen", "lernen")] + [("freizeit",)] * 20,
        # three far apart (single markers), twenty on one spot (a cluster)
        "lat": [51.505, 51.525, 51.505] + [51.515] * 20,
        "lon": [6.905, 6.955, 6.955] + [6.93] * 20,
        "is_demo": [False, True, True] + [True] * 20,
    })


def _map_page(settings):
    """Base map + offer layer + layer control, as one standalone page."""
    offers = _offers()
    # clear of the legend in the top left corner (it grows with its lines)
    office = Office("b&1", EVIL[2], "Stadt", 51.509, 6.921)  # off the district centres (hovered)
    boxes = [(6.90, 51.50, 6.93, 51.53), (6.93, 51.50, 6.96, 51.53)]
    m = _base_map(settings, ["Altstadt", EVIL[0]], boxes, [office])
    offers_group = offer_layer(offers)
    m.add_child(offers_group)
    m.add_child(layer_control())
    return m.get_root().render(), offers_group.get_name(), offers


def _tooltip_texts(page, selector):
    texts = []
    for item in page.locator(selector).all():
        page.mouse.move(0, 0)  # off every layer: no tooltip left open
        item.hover()
        texts.append(page.locator(".leaflet-tooltip").last.inner_text())
        item.click()
    return texts


def test_map_runs_offline_and_shows_evil_names_as_text(server, monkeypatch, page):
    root, base_url = server
    monkeypatch.setenv("QA_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("QA_STATIC_URL", f"{base_url}/static")
    html, offer_layer_name, offers = _map_page(load_settings())
    errors = _serve(root, base_url, page, html)
    # counts retry until fitBounds' zoom and the cluster animation have settled
    expect(page.locator("path.leaflet-interactive")).to_have_count(2)  # district polygons
    expect(page.locator(".marker-cluster")).to_have_count(1)
    expect(page.locator(".qa-offer")).to_have_count(3)
    expect(page.locator(".leaflet-zoom-anim, .leaflet-cluster-anim")).to_have_count(0)
    page.evaluate(f"({CLICK_PROBE})(window['{offer_layer_name}'])")

    assert page.locator(".qa-district-label").all_inner_texts() == ["Altstadt", EVIL[0]]
    assert page.locator(".qa-legend").inner_text().count("keine Daten") == 1
    page.locator(".qa-legend-title").click()  # folds the legend: it may cover a marker
    expect(page.locator(".qa-legend-class").first).to_be_hidden()
    offer_tips = _tooltip_texts(page, ".qa-offer")
    office_tips = _tooltip_texts(page, ".qa-office")
    district_tips = _tooltip_texts(page, "path.leaflet-interactive")

    assert not page.guard.external and not page.guard.dialogs and not errors
    for name in EVIL:
        assert any(tip.startswith(name) for tip in offer_tips), name
    assert office_tips[0].startswith(EVIL[2]) and district_tips[1].startswith(EVIL[0])
    clicked = page.evaluate("window.__clicked")
    assert sorted(parse_clicked(text).id for text in clicked) == sorted(offers["id"][:3])
    assert {parse_clicked(text).kind for text in clicked} == {"offer"}


def test_colliding_labels_hide_the_smaller_district_until_zoomed_in(server, monkeypatch, page):
    root, base_url = server
    monkeypatch.setenv("QA_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("QA_STATIC_URL", f"{base_url}/static")
    # two small neighbours with long names, a few pixels apart at the fitted zoom
    names = ["Groß", "Linker Bezirk mit langem Namen", "Rechter Bezirk mit langem Namen"]
    boxes = [(6.90, 51.50, 7.00, 51.56), (6.940, 51.450, 6.946, 51.456),
             (6.946, 51.450, 6.950, 51.456)]
    html = _base_map(load_settings(), names, boxes).get_root().render()
    errors = _serve(root, base_url, page, html)
    hidden = page.locator(".qa-district-label.qa-label-hidden")
    expect(page.locator(".qa-district-label")).to_have_count(3)
    expect(page.locator(".leaflet-zoom-anim")).to_have_count(0)
    expect(hidden).to_have_count(1)
    assert hidden.text_content() == names[2]  # the smaller of the two gives way
    page.evaluate("""() => window[document.querySelector('.folium-map').id]
                         .setView([51.453, 6.946], 18, {animate: false})""")
    expect(hidden).to_have_count(0)
    assert not errors and not page.guard.external


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_offices_on_one_spot_are_spread_and_stay_above_clusters(server, monkeypatch, page):
    root, base_url = server
    monkeypatch.setenv("QA_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("QA_STATIC_URL", f"{base_url}/static")
    # Feuerbach- and Morianstraße: a few metres apart, one spot at city zoom
    offices = [Office("b1", "Quartiersbüro A", "Stadt", 51.5150, 6.9300),
               Office("b2", "Quartiersbüro B", "Stadt", 51.5151, 6.9299)]  # west of A
    m = _base_map(load_settings(), ["Altstadt"], [(6.90, 51.50, 6.96, 51.53)], offices)
    m.add_child(offer_layer(pd.DataFrame({
        "id": [f"c{i}" for i in range(20)], "name": ["Lerntreff"] * 20, "provider": ["AWO"] * 20,
        "needs": [("lernen",)] * 20, "lat": [51.5150] * 20, "lon": [6.9300] * 20, "is_demo": [True] * 20,
    })))
    errors = _serve(root, base_url, page, m.get_root().render())
    expect(page.locator(".marker-cluster")).to_have_count(1)
    expect(page.locator(".leaflet-zoom-anim, .leaflet-cluster-anim")).to_have_count(0)
    first, second = (page.locator(".qa-office").nth(i).bounding_box() for i in (0, 1))
    assert not _overlap(first, second)
    z = "s => Number(getComputedStyle(document.querySelector(s)).zIndex)"
    assert page.evaluate(z, ".leaflet-qa-offices-pane") > page.evaluate(z, ".leaflet-marker-pane")
    assert page.evaluate(z, ".leaflet-qa-labels-pane") > page.evaluate(z, ".leaflet-marker-pane")
    assert not errors


def test_a_tooltip_at_the_edge_stays_inside_the_map(server, monkeypatch, page):
    root, base_url = server
    monkeypatch.setenv("QA_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("QA_STATIC_URL", f"{base_url}/static")
    long_name = "Quartiersbüro mit einem sehr langen Namen am Rand der Karte"
    m = _base_map(load_settings(), ["Altstadt"], [(6.90, 51.50, 6.96, 51.53)],
                  [Office("b1", long_name, "Stadt", 51.5301, 6.8999)])  # the top left corner
    errors = _serve(root, base_url, page, m.get_root().render())
    expect(page.locator(".leaflet-zoom-anim")).to_have_count(0)
    page.locator(".qa-office").hover()
    tooltip = page.locator(".leaflet-tooltip", has_text=long_name)
    expect(tooltip).to_be_visible()
    box = tooltip.bounding_box()
    frame = page.locator(".folium-map").bounding_box()
    assert box["x"] >= frame["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 0.5
    assert box["y"] >= frame["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 0.5
    assert not errors
# What streamlit-folium does with a new feature_group_to_add: the old group off the map,
# the new one built by our call, then put on the map.
SWAP_GROUP = """([old, data]) => { const map = window[old]._map; map.removeLayer(window[old]);
  const group = L.featureGroup(); QA.showOffers(group, data); map.addLayer(group);
  window.__swapped = group; }"""


def _stored_offer_map(settings, offers, shown):
    """A base map with all offers stored (their rows in a served file) and `shown` on it."""
    boxes = [(6.90, 51.50, 6.93, 51.53), (6.93, 51.50, 6.96, 51.53)]
    districts = gpd.GeoDataFrame({"id": ["11", "12"], "name": ["Altstadt", "Eigen"]},
                                 geometry=[box(*b) for b in boxes], crs="EPSG:4326")
    m = build_base_map(json.loads(districts.to_json()), dict(zip(districts["id"], districts["name"])),
                       [], settings, offers=offers, version=7)
    first = offer_selection(offers, shown, 7)
    m.add_child(first)
    html = m.get_root().render()
    start = html.index("QA.showOffers(")
    key = json.loads(html[html.index(", ", start) + 2:html.index(");", start)])["key"]
    return html, first.get_name(), key


def test_a_filter_change_shows_the_stored_markers_given_by_a_mask(server, monkeypatch, page):
    root, base_url = server
    monkeypatch.setenv("QA_STATIC_URL", f"{base_url}/static")
    offers = _offers()
    html, first, key = _stored_offer_map(load_settings(), offers, offers.iloc[1:])  # all but one
    errors = _serve(root, base_url, page, html)
    expect(page.locator(".marker-cluster")).to_have_count(1)
    expect(page.locator(".qa-offer")).to_have_count(2)

    only_first = {"key": key, "mask": offer_mask(offers, offers.iloc[:1]), "highlight": None}
    page.evaluate(SWAP_GROUP, [first, only_first])
    expect(page.locator(".marker-cluster")).to_have_count(0)
    expect(page.locator(".qa-offer")).to_have_count(1)
    page.evaluate(f"({CLICK_PROBE})(window.__swapped)")  # the kept markers still report clicks
    page.locator(".qa-offer").click()
    assert [parse_clicked(t).id for t in page.evaluate("window.__clicked")] == ["o/1 ⟧"]

    everything = {"key": key, "mask": offer_mask(offers, offers), "highlight": [51.505, 6.905]}
    page.evaluate(SWAP_GROUP, ["__swapped", everything])
    expect(page.locator(".marker-cluster")).to_have_count(1)
    expect(page.locator(".qa-offer")).to_have_count(3)
    expect(page.locator(".qa-highlight")).to_have_count(1)
    assert not page.guard.external and not errors


def test_a_missing_offer_file_leaves_a_working_map_with_a_german_notice(server, monkeypatch, page):
    root, base_url = server
    monkeypatch.setenv("QA_STATIC_URL", f"{base_url}/static")
    offers = _offers().assign(name="Nur in dieser Datei")  # a file of this test alone
    html, _, key = _stored_offer_map(load_settings(), offers, offers)
    (STATIC_DIR / "generated" / f"offers-{key}.json").unlink()  # deleted after the run
    errors = _serve(root, base_url, page, html)
    expect(page.locator(".qa-notice")).to_have_text(texts.OFFERS_NOT_LOADED)
    expect(page.locator("path.leaflet-interactive")).to_have_count(0)  # no choropleth here
    expect(page.locator(".qa-district-label")).to_have_count(2)  # the rest of the map is there
    assert page.locator(".qa-offer, .marker-cluster").count() == 0
    assert not page.guard.external and not errors
