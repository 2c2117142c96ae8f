"""The map's layers, one function each, so that every page composes the map it needs.

Each function turns domain data into the compact rows a function of
static/quartiersatlas.js draws; all text is escaped there. A layer function returns a
folium element: add it to a map (`base.new_map`) or pass it to st_folium's
`feature_group_to_add`, which swaps it without remounting the map.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import folium
import numpy as np
import pandas as pd
from shapely.geometry import shape

from services import freshness
from services.analysis.gap_map import GapShade
from services.analysis.gap_map import legend as gap_legend_classes
from services.analysis.status_dynamics import STATUS_COLOURS, STATUS_NUMBERS, StatusDynamics
from services.assets import GENERATED_DIR, prune, publish
from services.choropleth import ALL_YEARS, NO_DATA_COLOUR, ChoroplethData, DistrictShade
from services.config import STATIC_DIR
from services.formatting import format_value
from services.map.jsbridge import QaCall, QaDataCall, js_json, qa_layer
from services.model import Office
from services.taxonomy import NEEDS, NEEDS_BY_CODE
from services.texts import analysis as analysis_texts
from services.texts import mapping as texts
from services.texts import profile as profile_texts
from services.unmet_needs import per_district

if TYPE_CHECKING:
    from services.unmet_needs import NeedCount

NEED_INDEX: dict[str, int] = {need.code: i for i, need in enumerate(NEEDS)}
_REMARK = re.compile(r"\s*\([^()]*\)")  # "BA (Statistik, Stand Mai)" -> "BA"


def district_geometries(districts_web_geojson: Mapping[str, Any]) -> dict[str, dict]:
    """id -> GeoJSON geometry of a FeatureCollection in EPSG:4326 whose properties carry "id"."""
    return {str(f["properties"]["id"]): f["geometry"] for f in districts_web_geojson["features"]}


def _average_text(choropleth: ChoroplethData, weighted: str, mean: str) -> str:
    template = weighted if choropleth.average.weighted else mean
    return template.format(value=format_value(choropleth.average.value, choropleth.indicator))


def _district_lines(shade: DistrictShade, choropleth: ChoroplethData) -> list[str]:
    value = texts.DISTRICT_VALUE.format(
        indicator=choropleth.indicator.label, year=choropleth.year, value=shade.text
    )
    average = _average_text(choropleth, texts.CITY_AVERAGE_WEIGHTED, texts.CITY_AVERAGE_MEAN)
    return [value, average]


def district_layer(choropleth: ChoroplethData, geometries: Mapping[str, dict]) -> folium.FeatureGroup:
    """The districts filled by class colour, each with its value and the city average."""
    rows = [
        [s.id, s.name, s.colour, _district_lines(s, choropleth), geometries[s.id]]
        for s in choropleth.districts
        if s.id in geometries
    ]
    return qa_layer(texts.LAYER_DISTRICTS, "addDistricts", {"rows": rows})


PLAIN_FILL = "#f4f1ea"  # the districts' fill where no indicator colours them


def plain_district_layer(names: Mapping[str, str], geometries: Mapping[str, dict]) -> folium.FeatureGroup:
    """The districts in one light fill with their outlines and names on hover: orientation
    on a map without configured tiles (the editor's position map)."""
    rows = [[key, names.get(key, key), PLAIN_FILL, [], geometry] for key, geometry in geometries.items()]
    return qa_layer(texts.LAYER_DISTRICTS_PLAIN, "addDistricts", {"rows": rows})


MARK_STYLE = (
    "width:22px;height:22px;border-radius:4px;background:#b2182b;color:#fff;"
    "border:2px solid #fff;box-shadow:0 0 0 1px #b2182b;font:700 14px/22px sans-serif;"
    "text-align:center"
)


POINT_MARK_Z = 2000  # above offers and offices; the Lotse's numbered results lie above it


def point_mark(position: tuple[float, float], symbol: str, tooltip: str,
               css_class: str = "", pane: str = "markerPane") -> folium.Marker:  # fmt: skip
    """A red square mark for one point of ours (the Lotse's starting point, the position
    being edited), in Leaflet's `pane`. Only our constant symbol, tooltip and class go
    in: nothing to escape."""
    icon = folium.DivIcon(html=f'<div class="{css_class}" style="{MARK_STYLE}">{symbol}</div>',
                          icon_size=(26, 26), icon_anchor=(13, 13))  # fmt: skip
    return folium.Marker(position, icon=icon, tooltip=tooltip, z_index_offset=POINT_MARK_Z,
                         pane=pane)  # fmt: skip


def district_label_layer(names: Mapping[str, str], geometries: Mapping[str, dict]) -> folium.FeatureGroup:
    """District names at representative points (always inside, unlike centroids).

    Rows are [name, lat, lon, rank]; rank 0 is the largest district: where labels collide
    the JS keeps the larger district's, as the small ones are the crowded ones and get
    room at higher zoom.
    """
    return qa_layer(texts.LAYER_DISTRICT_NAMES, "addDistrictLabels",
                    {"rows": _label_rows(names, geometries)})  # fmt: skip


def _label_rows(labels: Mapping[str, str], geometries: Mapping[str, dict]) -> list[list]:
    """[label, lat, lon, rank] at each district's representative point, largest first."""
    shapes = {key: shape(geometries[key]) for key in labels if key in geometries}
    by_size = sorted(shapes, key=lambda key: -shapes[key].area)
    rank = {key: i for i, key in enumerate(by_size)}
    points = {key: geom.representative_point() for key, geom in shapes.items()}
    return [[labels[key], round(p.y, 5), round(p.x, 5), rank[key]] for key, p in points.items()]


def office_layer(offices: Sequence[Office]) -> folium.FeatureGroup:
    """Quartiersbüros as a distinct „Q“ symbol above every other marker."""
    def detail(office: Office) -> str:
        return " · ".join(filter(None, (texts.OFFICE_KIND, office.operator)))

    rows = [[o.id, o.name, detail(o), round(o.lat, 5), round(o.lon, 5)] for o in offices]
    return qa_layer(texts.LAYER_OFFICES, "addOffices", {"rows": rows})


def _offer_data(offers: pd.DataFrame) -> dict[str, Any]:
    """Rows of [id, name, provider index, need index, lat, lon, demo 0/1, stale 0/1];
    providers listed once. The demo flag puts "Demo-Eintrag" into the tooltip: a screenshot
    of the map must not pass an invented offer off as a real one. The stale flag warns that
    the offer was not verified for a long time (services/freshness.py)."""
    provider_codes, providers = pd.factorize(offers["provider"])
    stale = offers.get(freshness.STALE_COLUMN, pd.Series(False, index=offers.index))
    rows = zip(
        offers["id"].astype(str).tolist(),
        offers["name"].tolist(),
        provider_codes.tolist(),
        [NEED_INDEX[needs[0]] for needs in offers["needs"]],
        offers["lat"].round(5).tolist(),
        offers["lon"].round(5).tolist(),
        offers["is_demo"].astype(int).tolist(),
        stale.astype(int).tolist(),
    )
    return {
        "needs": [[need.colour, need.symbol] for need in NEEDS],
        "providers": providers.tolist(),
        "clusterTip": texts.CLUSTER_TIP,
        "demoTag": texts.DEMO_TAG,
        "staleTag": texts.STALE_TAG.format(months=freshness.stale_months()),
        "rows": list(rows),
    }


def offer_layer(offers: pd.DataFrame, highlight: tuple[float, float] | None = None) -> folium.FeatureGroup:
    """The offers as one marker cluster, and a ring around the selected item's position."""
    data = _offer_data(offers) | {"highlight": list(highlight) if highlight else None}
    return qa_layer(texts.LAYER_OFFERS, "addOffers", data)


@dataclass(frozen=True)
class _StoredOffers:
    """The offers of one data version as the JSON the browser loads, made once."""

    version: int
    offers: pd.DataFrame
    text: str  # js_json: valid JSON, and safe inside a <script> for the fallback
    key: str  # content hash: names the file and ties a mask to these rows


_stored: list[_StoredOffers] = []  # one per process: the latest version
_pruned: dict[Path, str] = {}  # static folder -> the offer file last kept when pruning


def _stored_offers(offers: pd.DataFrame, version: int) -> _StoredOffers:
    if not _stored or _stored[0].version != version or _stored[0].offers is not offers:
        text = js_json(_offer_data(offers))
        key = hashlib.sha256(text.encode()).hexdigest()[:16]
        _stored[:] = [_StoredOffers(version, offers, text, key)]
    return _stored[0]


def offer_store(offers: pd.DataFrame, version: int, static_url: str,
                static_dir: Path | None = None) -> QaCall:
    """Every offer of a data version, for a base map that stays mounted: the browser builds
    their markers once, and `offer_selection` then sends only which of them to show.

    The rows go into a file the app serves itself (`static/generated/offers-<hash>.json`),
    which the map's script fetches once per mount and the browser may cache. Inside the map
    (st_folium's `html` or `script`) they would travel with every rerun: st_folium sends all
    its arguments as one element, 3.6 MB at 50,000 offers, and reworks them each run
    (bench/README.md). Where the folder cannot be written the rows stay inline in the
    map's HTML, as before. The JSON is made once per data version (and frame: the page
    passes the snapshot's, which lives as long as its version)."""
    stored = _stored_offers(offers, version)
    static_dir = static_dir or STATIC_DIR
    name = publish(static_dir, GENERATED_DIR, "offers", ".json", stored.text.encode())
    if name is None:
        return QaDataCall("storeOffers", f"qa-offers-{stored.key}", stored.text,
                          {"key": stored.key, "failed": texts.OFFERS_NOT_LOADED})
    if _pruned.get(static_dir) != name:  # once per new file and process
        _pruned[static_dir] = name
        prune(static_dir, GENERATED_DIR, "offers", keep=name)
    return QaCall("storeOffers", {"url": f"{static_url}/{name}", "key": stored.key,
                                  "failed": texts.OFFERS_NOT_LOADED})


def offer_mask(offers: pd.DataFrame, shown: pd.DataFrame) -> str:
    """Which rows of `offers` are in `shown`, as base64 bits (row i = bit i % 8 of byte
    i // 8): 6.25 KB for 50,000 offers.

    `shown` is a selection of `offers` that kept their index labels (as filters.apply
    returns it): comparing labels takes ~1 ms at 10,000 offers, comparing the id strings 50 ms.
    """
    if offers.index.is_unique:
        wanted = offers.index.isin(shown.index)
    else:
        wanted = offers["id"].isin(shown["id"]).to_numpy(bool)
    bits = np.packbits(wanted, bitorder="little")
    return base64.b64encode(bits.tobytes()).decode("ascii")


def offer_selection(offers: pd.DataFrame, shown: pd.DataFrame, version: int,
                    highlight: tuple[float, float] | None = None) -> folium.FeatureGroup:
    """The layer for st_folium's feature_group_to_add when the base map has
    `offer_store(offers, version, …)`: the offers of `shown` (a subset of `offers`), and a
    ring around the selected item's position."""
    data = {"key": _stored_offers(offers, version).key, "mask": offer_mask(offers, shown),
            "highlight": list(highlight) if highlight else None}
    return qa_layer(texts.LAYER_OFFERS, "showOffers", data)


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


def legend_data(choropleth: ChoroplethData) -> dict[str, Any]:
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


def legend(choropleth: ChoroplethData) -> QaCall:
    """The choropleth's legend: title, unit and year, city average, which years set the
    classes, the classes, source."""
    return QaCall("addLegend", legend_data(choropleth))


def choropleth_layer(choropleth: ChoroplethData, geometries: Mapping[str, dict]) -> folium.FeatureGroup:
    """The districts filled by class, with their legend (which comes and goes with them)."""
    group = district_layer(choropleth, geometries)
    group.add_child(legend(choropleth))
    return group


def district_outline(geometries: Mapping[str, dict], district_ids: Sequence[str]) -> folium.FeatureGroup:
    """The chosen districts outlined; the map zooms to them when the choice changes. Always
    drawn (empty without a choice), so that choosing the same district again zooms again."""
    chosen = [key for key in dict.fromkeys(district_ids) if key in geometries]
    group = folium.FeatureGroup(name=texts.LAYER_OUTLINE, control=False)
    group.add_child(QaCall("outlineDistricts", {"key": ",".join(chosen),
                                                "rows": [geometries[key] for key in chosen]}))
    return group


def notice(text: str) -> QaCall:
    """A short line on the map, e.g. „Demo-Gliederung, schematische Grenzen“."""
    return QaCall("addNotice", text)


def need_key_html() -> str:
    """The key to the offer markers: colour and letter of each need (the marker shows the
    offer's first need). Built from our own constants, escaped all the same."""
    items = "".join(
        f'<li style="list-style:none;margin:2px 0"><span style="display:inline-block;'
        f"width:26px;height:26px;border-radius:50%;background:{escape(n.colour)};color:#fff;"
        f'font:700 12px/26px sans-serif;text-align:center">{escape(n.symbol)}</span> '
        f"{escape(n.label)}</li>"
        for n in NEEDS
    )
    office = (
        f'<li style="list-style:none;margin:6px 0 2px"><b>Q</b> {escape(texts.OFFICE_KIND)}</li>'
    )
    return f'<ul style="padding:0;margin:0;font-size:14px">{items}{office}</ul>'


HIGHLIGHT_STYLE = {"color": "#000000", "weight": 5, "fillOpacity": 0}


def status_layer(classes: StatusDynamics, geometries: Mapping[str, dict]) -> folium.FeatureGroup:
    """The 12 status × dynamics groups: filled by status colour, the group in the tooltip
    (the MSS notation „2 −“ names the dynamics, so the groups never rest on colour alone)."""
    rows = [
        [d.district_id, d.district, d.colour,
         [profile_texts.MAP_STATUS_LINE.format(year=classes.year, label=d.label), d.short],
         geometries[d.district_id]]
        for d in classes.districts
        if d.district_id in geometries
    ]  # fmt: skip
    return qa_layer(profile_texts.LAYER_STATUS, "addDistricts", {"rows": rows})


def status_group_layer(classes: StatusDynamics, geometries: Mapping[str, dict]) -> folium.FeatureGroup:
    """The group of every classified district („2 −“, „4 +/−“) as a permanent label just
    below its name, so the 12 groups are readable without hovering (a projector, a print).
    Never hidden by the label declutter: a group is the point of this map."""
    groups = {d.district_id: d.short for d in classes.districts if d.short}
    return qa_layer(profile_texts.LAYER_STATUS_GROUPS, "addDistrictLabels",
                    {"rows": _label_rows(groups, geometries), "kind": "group"})  # fmt: skip


def highlight_layer(district_id: str, name: str, geometries: Mapping[str, dict]) -> folium.FeatureGroup:
    """A thick black frame around one district (drawn above the fill layer, fill transparent)."""
    rows = [[district_id, name, NO_DATA_COLOUR, [], geometries[district_id]]]
    return qa_layer(profile_texts.LAYER_HIGHLIGHT, "addDistricts",
                    {"rows": rows, "style": HIGHLIGHT_STYLE})


def status_legend(classes: StatusDynamics, corner: str = "bottomleft") -> QaCall:
    """Legend of the status colours; its short lines explain number and sign of the labels.
    `corner`: a Leaflet control position; bottom left, Bottrop's outline leaves room."""
    return QaCall("addLegend", {
        "corner": corner,
        "title": profile_texts.LEGEND_STATUS_TITLE,
        "lines": [line.format(year=classes.year, base_year=classes.base_year)
                  for line in profile_texts.LEGEND_STATUS_LINES],
        "classes": [[STATUS_COLOURS[code], f"{number} {analysis_texts.STATUS_LABELS[code]}"]
                    for code, number in STATUS_NUMBERS.items()],
        "noData": [NO_DATA_COLOUR, analysis_texts.NOT_CLASSIFIED],
        "source": _source_line(classes.sources),
    })  # fmt: skip


def gap_layer(
    shades: Sequence[GapShade], lines: Mapping[str, list[str]], geometries: Mapping[str, dict]
) -> folium.FeatureGroup:
    """The districts filled by gap class (services/analysis/gap_map.py), with their figures."""
    rows = [
        [s.district_id, s.district, s.colour, [s.label, *lines.get(s.district_id, [])],
         geometries[s.district_id]]
        for s in shades
        if s.district_id in geometries
    ]  # fmt: skip
    return qa_layer(texts.LAYER_GAPS, "addDistricts", {"rows": rows})


def gap_legend(title: str, lines: Sequence[str], sources: Sequence[str]) -> QaCall:
    """The gap map's legend: the fixed diverging classes of gap_map.legend(), short labels."""
    classes = [list(pair) for pair in gap_legend_classes()]
    for pair, label in zip(classes, texts.GAP_LEGEND_CLASSES):
        pair[1] = label
    return QaCall("addLegend", {"title": title, "lines": list(lines), "classes": classes[:-1],
                                "noData": classes[-1], "source": _source_line(sources)})  # fmt: skip


def scenario_layer(rows: Sequence[tuple[float, float, str, list[str]]]) -> folium.FeatureGroup:
    """A scenario's hypothetical offers (lat, lon, name, detail lines): purple „S“ marks,
    each tooltip saying „Szenario“, so that they never pass for real offers."""
    marks = [[round(lat, 5), round(lon, 5), texts.SCENARIO_MARK, name,
              [*details, texts.SCENARIO_TAG]] for lat, lon, name, details in rows]  # fmt: skip
    return qa_layer(texts.LAYER_SCENARIO, "addMarks",
                    {"className": "qa-scenario", "size": 26, "rows": marks})  # fmt: skip


@dataclass(frozen=True)
class ReportedNeeds:
    """What the layer „Gemeldete Bedarfe“ shows per district (None: outside every district)."""

    counts: Mapping[str | None, int]  # the figure: mentions of `need`, or of all needs
    demo: Mapping[str | None, int]  # of those, from the invented demo set
    by_need: Mapping[str | None, Mapping[str, int]]  # every need's mentions, for the tooltip
    need: str | None = None  # the one need counted, None: all

    @classmethod
    def of(cls, counts: Iterable[NeedCount], demo: Iterable[NeedCount],
           need: str | None = None) -> ReportedNeeds:  # fmt: skip
        """From the counts per district and need, all and the demo set's."""
        counts = list(counts)
        by_need: dict[str | None, dict[str, int]] = {}
        for count in counts:
            by_need.setdefault(count.district_id, {})[count.need] = count.count
        return cls(per_district(counts, need), per_district(demo, need), by_need, need)

    def tooltip(self, district_id: str | None) -> tuple[str, list[str]]:
        """The title (the figure, naming the need when one is counted) and the lines: the
        mentions per need and how many of them are invented."""
        count = self.counts.get(district_id, 0)
        title = (texts.REPORTED_TITLE.format(count=count) if self.need is None else
                 texts.REPORTED_TITLE_NEED.format(need=_need_label(self.need), count=count))
        per_need = self.by_need.get(district_id, {})
        lines = [texts.REPORTED_PER_NEED_SEPARATOR.join(
            texts.REPORTED_PER_NEED.format(need=_need_label(code), count=n)
            for code, n in per_need.items())]
        demo = self.demo.get(district_id, 0)
        if demo:
            lines.append(texts.REPORTED_DEMO.format(count=demo))
        return title, lines


def _need_label(code: str) -> str:
    need = NEEDS_BY_CODE.get(code)
    return need.label if need else code


def reported_needs_layer(
    reported: ReportedNeeds, names: Mapping[str, str], geometries: Mapping[str, dict], period: str,
) -> folium.FeatureGroup:  # fmt: skip
    """Reported unmet needs („Gemeldete Bedarfe“) as a count in each district's middle; the
    tooltip breaks it down by need and labels the demo set's invented reports."""
    rows = []
    for district_id, count in reported.counts.items():
        if district_id not in geometries or not count:
            continue
        point = shape(geometries[district_id]).representative_point()
        title, lines = reported.tooltip(district_id)
        detail = texts.REPORTED_DETAIL.format(district=names.get(district_id, ""), period=period)
        rows.append([round(point.y, 5), round(point.x, 5), str(count), title, [*lines, detail]])
    return qa_layer(texts.LAYER_REPORTED, "addMarks",
                    {"className": "qa-reported", "size": 28, "rows": rows})  # fmt: skip
