"""The folium map: a base map (districts, names, offices, legend) and the offer layer.

Layers are not built from folium's per-feature classes: each is one small MacroElement
that calls a function of static/quartiersatlas.js with compact JSON. That keeps 10,000
offers cheap to rebuild on every Streamlit rerun, and lets the JS escape all text, since
folium escapes nothing. All JS/CSS comes from our own static/ folder (services/assets.py).
"""

from __future__ import annotations

import json
from html import escape
import re
from typing import Any, Mapping, Sequence
from urllib.parse import unquote

import folium
import pandas as pd
import shapely
from branca.element import Element
from shapely.geometry import shape

from services.assets import css_urls, js_urls
from services.choropleth import ALL_YEARS, NO_DATA_COLOUR, ChoroplethData, DistrictShade
from services.config import Settings
from services.indicators import format_value
from services.model import Office
from services.taxonomy import NEEDS
from services.texts import mapping as texts

NEED_INDEX: dict[str, int] = {need.code: i for i, need in enumerate(NEEDS)}
MAX_ZOOM = 18
BOTTROP_BOUNDS = [[51.47, 6.84], [51.64, 7.02]]  # EPSG:4326, rounded outward
FIT_PADDING = (6, 6)  # px around the city at load: it fills the map, the edge stays visible
CLICK_KINDS = {"o": "offer", "b": "office", "d": "district"}
_REMARK = re.compile(r"\s*\([^()]*\)")  # "BA (Statistik, Stand Mai)" -> "BA"
# The tooltip's hidden marker "⟦kind:id⟧"; the JS URI-encodes the id (encodeURIComponent).
_CLICK_REF = re.compile(r"\u27e6([obd]):([A-Za-z0-9\-_.!~*'()%]+)\u27e7\s*$")

# "</script>" in data must not end the script; U+2028/9 end JS lines in old engines.
# "_" too: streamlit-folium rewrites `_[a-z0-9]+` names across the whole script.
_JS_ESCAPES = (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
    ("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("_", "\\u005f"),
)


def js_json(data: Any) -> str:
    """Compact JSON that is safe to embed in a <script> and in eval'd JS.

    These characters can only occur inside JSON strings, where \\uXXXX means the same.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, replacement in _JS_ESCAPES:
        text = text.replace(char, replacement)
    return text


class _RawScript(Element):
    """Script text as is. branca would compile it as a Jinja template: "{{ 7*7 }}" in a
    name would run on the server, "{%" crash the page, and lexing 1 MB takes 50 ms."""

    def __init__(self, script: str):
        super().__init__()
        self.script = script

    def render(self, **kwargs: Any) -> str:
        return self.script


class QaCall(folium.MacroElement):
    """Calls `QA.<function>(parent, data)` of static/quartiersatlas.js."""

    _template = folium.template.Template(
        "{% macro script(this, kwargs) %}"
        "QA.{{ this.function }}({{ this._parent.get_name() }}, {{ this.payload }});"
        "{% endmacro %}"
    )

    def __init__(self, function: str, data: Any):
        super().__init__()
        self._name = "QaCall"
        self.function = function
        self.payload = js_json(data)  # once: streamlit-folium renders the macro twice

    def render(self, **kwargs: Any) -> None:
        """What MacroElement.render does for a script-only template, minus the Jinja pass."""
        script = self._template.module.script(self, kwargs)
        self.get_root().script.add_child(_RawScript(script), name=self.get_name())


class LocalMap(folium.Map):
    """A folium.Map that loads only our own JS/CSS, never folium's CDN defaults."""

    def __init__(self, settings: Settings, **kwargs: Any):
        # markercluster needs the map's maxZoom, which otherwise only a tile layer sets
        super().__init__(tiles=None, maxZoom=MAX_ZOOM, **kwargs)
        self.default_js = [(url, url) for url in js_urls(settings)]
        self.default_css = [(url, url) for url in css_urls(settings)]


def _layer(name: str, function: str, data: Any) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=name)
    group.add_child(QaCall(function, data))
    return group


def _average_text(choropleth: ChoroplethData, weighted: str, mean: str) -> str:
    template = weighted if choropleth.average.weighted else mean
    return template.format(value=format_value(choropleth.average.value, choropleth.indicator))


def _source_line(sources: Sequence[str]) -> list[str]:
    """[short, full]: the legend shows the sources without their remarks in parentheses
    (the full text is below the map and on hover)."""
    if not sources:
        return [texts.LEGEND_NO_SOURCE] * 2
    full = texts.SOURCE_SEPARATOR.join(sources)
    short = texts.SOURCE_SEPARATOR.join(_REMARK.sub("", source) or source for source in sources)
    return [texts.LEGEND_SOURCE.format(sources=text) for text in (short, full)]


def _class_line(choropleth: ChoroplethData) -> str:
    """Says whether a colour means the same value in every year (breaks over all years)."""
    years = choropleth.class_years
    if choropleth.scope == ALL_YEARS and len(years) > 1:
        return texts.LEGEND_CLASSES_ALL_YEARS.format(first=years[0], last=years[-1])
    return texts.LEGEND_CLASSES_ONE_YEAR.format(year=choropleth.year)


def _legend_data(choropleth: ChoroplethData) -> dict[str, Any]:
    """Short lines only, as the legend must stay small; the source line is cut to the
    legend's width. The definition of the average is in each district's tooltip."""
    classification = choropleth.classification
    return {
        "title": choropleth.indicator.label,
        "lines": [
            texts.LEGEND_UNIT_YEAR.format(unit=choropleth.indicator.unit, year=choropleth.year),
            _average_text(choropleth, texts.LEGEND_AVERAGE_WEIGHTED, texts.LEGEND_AVERAGE_MEAN),
            _class_line(choropleth),
        ],
        "classes": [list(pair) for pair in zip(classification.colours, classification.labels)],
        "noData": [NO_DATA_COLOUR, texts.NO_DATA],
        "source": _source_line(choropleth.sources),
    }


def _district_lines(shade: DistrictShade, choropleth: ChoroplethData) -> list[str]:
    value = texts.DISTRICT_VALUE.format(
        indicator=choropleth.indicator.label, year=choropleth.year, value=shade.text
    )
    average = _average_text(choropleth, texts.CITY_AVERAGE_WEIGHTED, texts.CITY_AVERAGE_MEAN)
    return [value, average]


def _district_rows(choropleth: ChoroplethData, geometries: Mapping[str, Any]) -> list[list]:
    return [
        [s.id, s.name, s.colour, _district_lines(s, choropleth), geometries[s.id]]
        for s in choropleth.districts
        if s.id in geometries
    ]


def _label_rows(choropleth: ChoroplethData, shapes: Mapping[str, Any]) -> list[list]:
    """[name, lat, lon, rank] at representative points (always inside, unlike centroids).

    rank 0 is the largest district: where labels collide the JS keeps the larger
    district's, as the small ones are the crowded ones and get room at higher zoom.
    """
    points = {key: geom.representative_point() for key, geom in shapes.items()}
    by_size = sorted(shapes, key=lambda key: -shapes[key].area)
    rank = {key: i for i, key in enumerate(by_size)}
    return [
        [s.name, round(points[s.id].y, 5), round(points[s.id].x, 5), rank[s.id]]
        for s in choropleth.districts
        if s.id in points
    ]


def _office_rows(offices: Sequence[Office]) -> list[list]:
    def detail(office: Office) -> str:
        return " · ".join(filter(None, (texts.OFFICE_KIND, office.operator)))

    return [[o.id, o.name, detail(o), round(o.lat, 5), round(o.lon, 5)] for o in offices]


def _bounds(shapes: Mapping[str, Any]) -> list[list[float]]:
    """[[south, west], [north, east]] of the districts; Bottrop's outline without any."""
    if not shapes:
        return BOTTROP_BOUNDS
    west, south, east, north = shapely.total_bounds(list(shapes.values())).tolist()
    return [[south, west], [north, east]]


def build_base_map(
    choropleth: ChoroplethData,
    districts_web_geojson: Mapping[str, Any],
    offices: Sequence[Office],
    settings: Settings,
    notice: str | None = None,
) -> folium.Map:
    """Districts (choropleth), their names, Quartiersbüros, legend and an optional notice.

    districts_web_geojson: a FeatureCollection in EPSG:4326 whose properties carry "id".
    """
    features = districts_web_geojson["features"]
    geometries = {str(f["properties"]["id"]): f["geometry"] for f in features}
    shapes = {key: shape(geometry) for key, geometry in geometries.items()}
    (south, west), (north, east) = bounds = _bounds(shapes)
    # Quarter zoom steps: whole ones leave tall, narrow Bottrop at half the map's height.
    m = LocalMap(settings, location=[(south + north) / 2, (west + east) / 2], zoom_start=12,
                 zoom_snap=0.25, zoom_delta=0.5, control_scale=True, font_size="13px")
    if settings.tiles_url:
        folium.TileLayer(settings.tiles_url, attr=settings.tiles_attribution, max_zoom=MAX_ZOOM,
                         name=texts.LAYER_TILES, control=False).add_to(m)
    layers = (
        (texts.LAYER_DISTRICTS, "addDistricts", _district_rows(choropleth, geometries)),
        (texts.LAYER_DISTRICT_NAMES, "addDistrictLabels", _label_rows(choropleth, shapes)),
        (texts.LAYER_OFFICES, "addOffices", _office_rows(offices)),
    )
    for name, function, rows in layers:
        _layer(name, function, {"rows": rows}).add_to(m)
    m.add_child(QaCall("addLegend", _legend_data(choropleth)))
    if notice:
        m.add_child(QaCall("addNotice", notice))
    m.fit_bounds(bounds, padding=FIT_PADDING)
    return m


def _offer_data(offers: pd.DataFrame) -> dict[str, Any]:
    """Rows of [id, name, provider index, need index, lat, lon, demo 0/1]; providers listed
    once. The demo flag puts "Demo-Eintrag" into the tooltip: a screenshot of the map must not
    pass an invented offer off as a real one."""
    provider_codes, providers = pd.factorize(offers["provider"])
    rows = zip(
        offers["id"].astype(str).tolist(),
        offers["name"].tolist(),
        provider_codes.tolist(),
        [NEED_INDEX[needs[0]] for needs in offers["needs"]],
        offers["lat"].round(5).tolist(),
        offers["lon"].round(5).tolist(),
        offers["is_demo"].astype(int).tolist(),
    )
    return {
        "needs": [[need.colour, need.symbol] for need in NEEDS],
        "providers": providers.tolist(),
        "clusterTip": texts.CLUSTER_TIP,
        "demoTag": texts.DEMO_TAG,
        "rows": list(rows),
    }


def build_offer_layer(
    offers: pd.DataFrame, highlight: tuple[float, float] | None = None
) -> folium.FeatureGroup:
    """The offers as one marker cluster, and a ring around the selected item's position;
    pass it to st_folium's feature_group_to_add (the base map stays mounted)."""
    data = _offer_data(offers) | {"highlight": list(highlight) if highlight else None}
    return _layer(texts.LAYER_OFFERS, "addOffers", data)


def build_layer_control() -> folium.LayerControl:
    return folium.LayerControl(collapsed=False)


def parse_clicked(tooltip_text: str | None) -> tuple[str, str] | None:
    """("offer"|"office"|"district", id) from st_folium's last_object_clicked_tooltip."""
    match = _CLICK_REF.search(tooltip_text or "")
    return (CLICK_KINDS[match[1]], unquote(match[2])) if match else None


def need_key_html() -> str:
    """The key to the offer markers: colour and letter of each need (the marker shows the
    offer's first need). Built from our own constants, escaped all the same."""
    items = "".join(
        f'<li style="list-style:none;margin:2px 0"><span style="display:inline-block;'
        f"width:20px;height:20px;border-radius:50%;background:{escape(n.colour)};color:#fff;"
        f'font:700 9px/20px sans-serif;text-align:center">{escape(n.symbol)}</span> '
        f"{escape(n.label)}</li>"
        for n in NEEDS
    )
    office = (
        f'<li style="list-style:none;margin:6px 0 2px"><b>Q</b> {escape(texts.OFFICE_KIND)}</li>'
    )
    return f'<ul style="padding:0;margin:0;font-size:13px">{items}{office}</ul>'
