import base64
import json
import re
from urllib.parse import quote

import branca
import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import streamlit_folium as sf
from shapely.geometry import box

from services.choropleth import ALL_YEARS, ONE_YEAR, build_choropleth
from services.config import Settings
from services.indicators import INDICATORS_BY_KEY
from services.map import layers
from services.map.base import bounds_of, build_base_map, layer_control, new_map
from services.map.jsbridge import js_json, parse_clicked
from services.map.layers import (
    PLAIN_FILL,
    choropleth_layer,
    district_geometries,
    district_outline,
    offer_layer,
    offer_mask,
    offer_selection,
    plain_district_layer,
    point_mark,
)
from services.model import Office
from services.selection import MAX_ID_LENGTH, Selection
from services.texts import mapping as texts

# ids with everything that could confuse the "⟦kind:id⟧" click marker or HTML
IDS = ["o1", "a b", "x\u27e7y\u27e6o:z", "ü/ß?&=#%", "<img>", "'\""]
EVIL = ["<img src=x onerror=alert(1)>", "${alert(1)}", "</script><script>alert(1)</script>"]
# A URL with a host: what would make the browser ask another server.
HOST_URL = re.compile(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}", re.IGNORECASE)
SETTINGS = Settings("sqlite://", None, "", "/app/static")


def _districts() -> gpd.GeoDataFrame:
    names = ["Altstadt", EVIL[0], "Eigen"]
    boxes = [box(6.90 + i * 0.03, 51.50, 6.93 + i * 0.03, 51.53) for i in range(3)]
    return gpd.GeoDataFrame({"id": ["11", "12", "13"], "name": names}, geometry=boxes,
                            crs="EPSG:4326")


def _offers(n: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame({
        "id": [f"o{i}" for i in range(n)],
        "name": [EVIL[i % 3] for i in range(n)],
        "provider": [EVIL[(i + 1) % 3] for i in range(n)],
        "needs": [("sprache", "lernen")] * n,
        "lat": 51.5 + rng.random(n) * 0.1,
        "lon": 6.9 + rng.random(n) * 0.1,
        "is_demo": [i % 2 == 0 for i in range(n)],
    })


def _base_map(settings: Settings = SETTINGS) -> folium.Map:
    values = pd.DataFrame([dict(district_id="11", indicator_key="sgb2_u15", year=2023,
                                value=20.5, source="BA", is_demo=True)])
    districts = _districts()
    choropleth = build_choropleth(districts, values, INDICATORS_BY_KEY["sgb2_u15"], 2023,
                                  "quantiles")
    office = Office("b<1>", EVIL[2], EVIL[1], 51.51, 6.92)
    return _with_choropleth(choropleth, districts, [office], settings,
                            "Demo-Gliederung, schematische Grenzen")


def _with_choropleth(choropleth, districts, offices, settings=SETTINGS, notice=None) -> folium.Map:
    """The page's base map with its choropleth layer added (the page swaps that one in)."""
    web = json.loads(districts.to_json())
    names = dict(zip(districts["id"], districts["name"]))
    m = build_base_map(web, names, offices, settings, notice)
    m.add_child(choropleth_layer(choropleth, district_geometries(web)))
    return m


def _collected_links(m: folium.Map) -> list[str]:
    """The js_links + css_links st_folium gathers, by its own walk over the base map."""
    def walk(element):
        yield element
        for child in getattr(element, "_children", {}).values():
            yield from walk(child)

    links = []
    for element in walk(m):
        if isinstance(element, branca.colormap.ColorMap):
            links.append("https://d3js.org/d3.v4.min.js")
        links += [url for _, url in getattr(element, "default_js", [])]
        links += [url for _, url in getattr(element, "default_css", [])]
    return links


def _streamlit_strings(m: folium.Map, offers: folium.FeatureGroup) -> dict[str, str]:
    """What st_folium sends to its frontend, generated in the same order."""
    m.get_root().render()
    m.render()
    strings = {"html": sf._get_html(m), "header": sf._get_header(m)}
    strings["script"] = sf._get_map_string(m)
    strings["feature_group"] = sf._get_feature_group_string(offers, map=m)
    strings["layer_control"] = sf._get_layer_control_string(layer_control(), m)
    return strings


def _payload(script: str, function: str) -> dict:
    start = script.index(f"QA.{function}(")
    json_start = script.index(", ", start) + 2
    json_end = script.index(");", json_start)
    return json.loads(script[json_start:json_end])


def test_no_cdn_url_in_rendered_map_or_collected_links():
    m = _base_map()
    strings = _streamlit_strings(m, offer_layer(_offers()))
    links = _collected_links(m)
    assert links and all(link.startswith("/app/static/") for link in links)
    assert any(link.endswith("MarkerCluster.css") for link in links)
    assert any(link.startswith("/app/static/vendor/bundle/map-") for link in links)
    for name, text in strings.items():
        assert not HOST_URL.search(text), name
    assert not HOST_URL.search(m.get_root().render())


def test_tiles_only_when_configured():
    assert "L.tileLayer" not in _base_map().get_root().render()
    settings = Settings("sqlite://", "/tiles/{z}/{x}/{y}.png", "© GeoBasis-DE", "/app/static")
    html = _base_map(settings).get_root().render()
    assert "/tiles/{z}/{x}/{y}.png" in html and "GeoBasis-DE" in html


def test_evil_names_are_inert_in_generated_js():
    m = _base_map()
    offers = _offers()
    strings = _streamlit_strings(m, offer_layer(offers))
    page = m.get_root().render()  # the standalone page, offers included
    for text in (*strings.values(), page):
        assert "<img" not in text and "<script>alert" not in text
        assert "`" not in text  # no JS template literal anywhere
    data = _payload(strings["feature_group"], "addOffers")
    names = [row[1] for row in data["rows"]]
    assert names == offers["name"].tolist()
    assert sorted(data["providers"]) == sorted(EVIL)
    assert data["rows"][0][3] == 1  # first need "sprache" is NEEDS[1]
    districts = _payload(strings["script"], "addDistricts")
    assert [row[1] for row in districts["rows"]] == _districts()["name"].tolist()


def test_template_syntax_in_names_is_not_evaluated():
    m = _base_map()
    offers = _offers(3)
    offers["name"] = ["{{ 7*7 }}", "{% if x %}", "{# c"]
    m.add_child(offer_layer(offers))
    assert [row[1] for row in _payload(m.get_root().render(), "addOffers")["rows"]] == [
        "{{ 7*7 }}", "{% if x %}", "{# c"]


def test_js_json_escapes_what_could_end_a_script():
    text = js_json({"a": "</script>&\u2028\u2029_x"})
    assert not re.search("[<>&\u2028\u2029_]", text)
    assert json.loads(text) == {"a": "</script>&\u2028\u2029_x"}


def test_layers_are_named_overlays():
    m = _base_map()
    control = _streamlit_strings(m, offer_layer(_offers()))["layer_control"]
    for name in (texts.LAYER_DISTRICTS, texts.LAYER_DISTRICT_NAMES, texts.LAYER_OFFICES,
                 texts.LAYER_OFFERS):
        assert json.dumps(name) in control


def test_offer_layer_is_one_call_not_one_marker_per_offer():
    strings = _streamlit_strings(_base_map(), offer_layer(_offers(500)))
    script = strings["feature_group"]
    assert script.count("QA.addOffers(") == 1 and "L.marker" not in script


def test_a_stale_offer_says_so_in_its_tooltip_data():
    offers = _offers(3).assign(stale=[False, True, False])
    m = _base_map()
    offer_layer(offers).add_to(m)
    data = _payload(m.get_root().render(), "addOffers")
    assert [row[7] for row in data["rows"]] == [0, 1, 0]
    assert data["staleTag"] == "seit über 12 Monaten nicht geprüft"


def test_ten_thousand_offers_stay_under_one_megabyte():
    offers = _offers(10_000)
    offers["name"] = [f"Hausaufgabenhilfe und Lerntreff Nummer {i}" for i in range(10_000)]
    script = _streamlit_strings(_base_map(), offer_layer(offers))["feature_group"]
    assert len(script.encode()) < 1_000_000


def test_map_opens_on_the_city_in_quarter_zoom_steps():
    html = _base_map().get_root().render()
    assert '"zoomSnap": 0.25' in html and '"zoomDelta": 0.5' in html
    fit = r'fitBounds\(\s*\[\[51\.5, 6\.9\], \[51\.53, 6\.98\d*\]\],\s*\{"padding"'
    assert re.search(fit, html)


def test_labels_rank_larger_districts_first():
    districts = _districts()
    districts.geometry = [box(6.90, 51.50, 6.91, 51.51), box(6.91, 51.50, 6.95, 51.53),
                          box(6.95, 51.50, 6.97, 51.52)]
    values = pd.DataFrame(columns=["district_id", "indicator_key", "year", "value", "source",
                                   "is_demo"])
    choropleth = build_choropleth(districts, values, INDICATORS_BY_KEY["sgb2_u15"], 2023,
                                  "quantiles")
    m = _with_choropleth(choropleth, districts, [])
    rows = _payload(m.get_root().render(), "addDistrictLabels")["rows"]
    assert [(row[0], row[3]) for row in rows] == [("Altstadt", 2), (EVIL[0], 0), ("Eigen", 1)]


def test_legend_lines_are_short():
    legend = _payload(_base_map().get_root().render(), "addLegend")
    assert legend["lines"] == ["Einheit: % · Stand: 2023", "Ø Stadt: 20,5 % (Bezirksmittel)",
                               "Klassen je Jahr: nur aus den Werten von 2023"]
    assert legend["source"] == ["Quelle: BA", "Quelle: BA"]


@pytest.mark.parametrize("scope,line", [
    (ALL_YEARS, "Klassen fest für 2019–2023: Jahre vergleichbar"),
    (ONE_YEAR, "Klassen je Jahr: nur aus den Werten von 2021"),
])
def test_legend_says_whether_classes_are_fixed_over_the_years(scope, line):
    values = pd.DataFrame([dict(district_id="11", indicator_key="sgb2_u15", year=year,
                                value=value, source="BA", is_demo=True)
                           for year, value in ((2019, 10.0), (2021, 20.0), (2023, 30.0))])
    choropleth = build_choropleth(_districts(), values, INDICATORS_BY_KEY["sgb2_u15"], 2021,
                                  "quantiles", scope)
    m = _with_choropleth(choropleth, _districts(), [])
    assert _payload(m.get_root().render(), "addLegend")["lines"][-1] == line


def test_legend_source_drops_remarks_in_parentheses():
    values = pd.DataFrame([dict(district_id="11", indicator_key="sgb2_u15", year=2023,
                                value=20.5, source="Demo (synthetisch, angelehnt an X)",
                                is_demo=True)])
    choropleth = build_choropleth(_districts(), values, INDICATORS_BY_KEY["sgb2_u15"], 2023,
                                  "quantiles")
    m = _with_choropleth(choropleth, _districts(), [])
    assert _payload(m.get_root().render(), "addLegend")["source"] == [
        "Quelle: Demo", "Quelle: Demo (synthetisch, angelehnt an X)"]


@pytest.mark.parametrize("item_id", IDS)
@pytest.mark.parametrize("kind,letter", [("offer", "o"), ("office", "b"), ("district", "d")])
def test_parse_clicked_round_trips_ids(item_id, kind, letter):
    encoded = quote(item_id, safe="-_.!~*'()")  # what JS encodeURIComponent gives
    text = f"Name \u27e6o:fake\u27e7Träger\u27e6{letter}:{encoded}\u27e7"
    assert parse_clicked(text) == Selection(kind, item_id)


@pytest.mark.parametrize("text", [None, "", "Altstadt", "\u27e6x:1\u27e7", "\u27e6o:\u27e7",
                                  f"\u27e6o:{'1' * (MAX_ID_LENGTH + 1)}\u27e7"])
def test_parse_clicked_ignores_other_tooltips(text):
    assert parse_clicked(text) is None


def test_leaflets_own_controls_speak_german_and_the_scale_is_metric():
    html = _base_map().get_root().render()
    german = _payload(html, "localise")
    assert (german["lang"], german["zoomIn"], german["zoomOut"]) == ("de", "Vergrößern", "Verkleinern")
    assert german["layers"] == texts.LAYER_CONTROL
    assert "L.control.scale()" not in html  # folium's scale shows miles too; ours is metric


def test_the_base_map_has_no_choropleth_so_a_new_indicator_does_not_remount_it():
    districts = _districts()
    web = json.loads(districts.to_json())
    base = build_base_map(web, dict(zip(districts["id"], districts["name"])), [], SETTINGS)
    html = base.get_root().render()
    assert "QA.addDistrictLabels(" in html
    assert "QA.addDistricts(" not in html and "QA.addLegend(" not in html


def test_outline_names_the_chosen_districts_in_order_and_skips_unknown_ones():
    geometries = district_geometries(json.loads(_districts().to_json()))
    m = folium.Map(tiles=None)
    m.add_child(district_outline(geometries, ["13", "99", "11", "13"]))
    payload = _payload(m.get_root().render(), "outlineDistricts")
    assert payload["key"] == "13,11"
    assert payload["rows"] == [geometries["13"], geometries["11"]]
    empty = folium.Map(tiles=None)
    empty.add_child(district_outline(geometries, []))
    assert _payload(empty.get_root().render(), "outlineDistricts") == {"key": "", "rows": []}
def _mask_bits(text: str, n: int) -> list[int]:
    """Decode like QA.decodeMask: bit i % 8 of byte i // 8."""
    data = base64.b64decode(text)
    return [(data[i >> 3] >> (i & 7)) & 1 for i in range(n)]


def test_offer_mask_marks_the_shown_rows_in_order():
    offers = _offers(19)  # more than two bytes, not a multiple of 8
    shown = offers.iloc[[0, 3, 8, 18]]
    assert _mask_bits(offer_mask(offers, shown), 19) == [
        1 if i in (0, 3, 8, 18) else 0 for i in range(19)]
    assert _mask_bits(offer_mask(offers, offers.iloc[:0]), 19) == [0] * 19
    assert len(offer_mask(_offers(50_000), _offers(10))) <= 8_400  # 50,000 bits in base64
    doubled = offers.set_axis([0] * 19)  # labels that do not tell rows apart: ids do
    assert _mask_bits(offer_mask(doubled, doubled.iloc[[3]]), 19) == [int(i == 3) for i in range(19)]


@pytest.fixture
def static_dir(tmp_path, monkeypatch):
    """The offer files go to a folder of the test, not the repo's static/."""
    monkeypatch.setattr(layers, "STATIC_DIR", tmp_path)
    return tmp_path


def _page_run(offers, shown, highlight=None, version=42):
    """The map page builds its map anew on every run: what st_folium would send."""
    districts = _districts()
    m = build_base_map(json.loads(districts.to_json()), dict(zip(districts["id"], districts["name"])),
                       [], SETTINGS, offers=offers, version=version)
    return _streamlit_strings(m, offer_selection(offers, shown, version, highlight))


def test_offers_stored_in_a_served_file_and_only_a_mask_on_a_filter_change(static_dir):
    offers = _offers(300)
    strings = _page_run(offers, offers.iloc[::2], highlight=(51.5, 6.9))
    # the rows are in a file of the app's static folder, named by their content; the map
    # names it: st_folium sends all its arguments again on every rerun
    call = _payload(strings["script"], "storeOffers")
    key = call["key"]
    assert call == {"url": f"/app/static/generated/offers-{key}.json", "key": key,
                    "failed": texts.OFFERS_NOT_LOADED}
    text = (static_dir / "generated" / f"offers-{key}.json").read_text(encoding="utf-8")
    assert "<" not in text  # js_json: escaped, and still plain JSON
    stored = json.loads(text)
    assert [row[1] for row in stored["rows"]] == offers["name"].tolist()
    assert len(strings["script"]) + len(strings["html"]) < 10_000
    selection = _payload(strings["feature_group"], "showOffers")
    assert selection["key"] == key and selection["highlight"] == [51.5, 6.9]
    assert _mask_bits(selection["mask"], 300) == [1 - i % 2 for i in range(300)]
    assert "QA.addOffers(" not in strings["feature_group"]
    assert len(strings["feature_group"]) < 1_000  # no offer data on a filter change
    # a filter change leaves the base map's script as it was: st_folium keeps it mounted
    assert _page_run(offers, offers.iloc[:5])["script"] == strings["script"]


def test_a_deleted_offer_file_is_written_again_on_the_next_run(static_dir):
    offers = _offers(30)
    key = _payload(_page_run(offers, offers)["script"], "storeOffers")["key"]
    path = static_dir / "generated" / f"offers-{key}.json"
    written = path.read_bytes()
    path.unlink()
    _page_run(offers, offers.iloc[:3])
    assert path.read_bytes() == written


def test_new_offers_get_a_new_file_and_the_same_offers_the_same(static_dir):
    offers = _offers(30)
    first = _payload(_page_run(offers, offers)["script"], "storeOffers")["key"]
    same = offers.copy()  # another frame, same content (another process, a rebuilt snapshot)
    assert _payload(_page_run(same, same, version=43)["script"], "storeOffers")["key"] == first
    changed = offers.assign(name="Neu")
    assert _payload(_page_run(changed, changed, version=44)["script"], "storeOffers")["key"] != first
    assert len(list((static_dir / "generated").glob("offers-*.json"))) == 2


def test_offers_stay_in_the_map_html_when_the_static_folder_is_not_writable(static_dir):
    (static_dir / "generated").write_text("not a folder", encoding="utf-8")
    offers = _offers(30)
    strings = _page_run(offers, offers.iloc[:3])
    call = _payload(strings["script"], "storeOffers")
    tag = f'<script type="application/json" id="{call["element"]}">'
    stored = json.loads(strings["html"].split(tag)[1].split("</script>")[0])
    assert [row[1] for row in stored["rows"]] == offers["name"].tolist()
    assert _payload(strings["feature_group"], "showOffers")["key"] == call["key"]
    assert "<img" not in strings["html"] and "alert(1)</script>" not in strings["html"]


def test_the_editor_map_shows_plain_districts_and_the_position_without_tiles():
    geometries = district_geometries(json.loads(_districts().to_json()))
    names = dict(zip(_districts()["id"], _districts()["name"], strict=True))
    m = new_map(SETTINGS, bounds_of(geometries), [plain_district_layer(names, geometries)])
    point_mark((51.52, 6.93), "✎", "Position des Eintrags").add_to(m)
    html = m.get_root().render()
    rows = _payload(html, "addDistricts")["rows"]
    assert [row[:4] for row in rows] == [[key, names[key], PLAIN_FILL, []] for key in geometries]
    assert EVIL[0] not in html  # the evil name only inside the JSON, escaped by QA.esc later
    assert "Position des Eintrags" in html and "L.tileLayer" not in html
