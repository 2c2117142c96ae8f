"""The planning map layers (services/map/layers.py): gap classes, scenario marks, reported
needs. Their text reaches the browser only as JSON for static/quartiersatlas.js."""

from __future__ import annotations

import json
import re

from shapely.geometry import box, mapping

from services.analysis.gap_map import GapShade
from services.map.layers import (
    ReportedNeeds,
    gap_layer,
    gap_legend,
    reported_needs_layer,
    scenario_layer,
)
from services.texts import mapping as texts
from services.unmet_needs import NeedCount

GEOMETRIES = {"A": mapping(box(6.90, 51.50, 6.92, 51.52)), "B": mapping(box(6.92, 51.50, 6.94, 51.52))}


def payload(group) -> dict:
    """The JSON handed to QA.<function> by the layer's one call."""
    (call,) = group._children.values()
    return json.loads(call.payload)


def test_gap_layer_colours_districts_by_class_and_skips_unknown_geometries():
    shades = (GapShade("A", "Altstadt", 1.7, 1, "#d7191c", "deutlich größer"),
              GapShade("B", "Boy", None, None, "#c8c8c8", "keine Daten"),
              GapShade("Z", "Nirgendwo", 0.1, 2, "#ffffbf", "mittel"))  # fmt: skip
    rows = payload(gap_layer(shades, {"A": ["Lückenwert: +1,70"]}, GEOMETRIES))["rows"]
    assert [r[:3] for r in rows] == [["A", "Altstadt", "#d7191c"], ["B", "Boy", "#c8c8c8"]]
    assert rows[0][3] == ["deutlich größer", "Lückenwert: +1,70"]


def test_gap_legend_has_five_short_classes_and_no_data():
    data = json.loads(gap_legend("Versorgungslücke", ["x"], ["Quelle A (Stand 2023)"]).payload)
    assert [c[1] for c in data["classes"]] == list(texts.GAP_LEGEND_CLASSES)
    assert data["noData"][1] == texts.NO_DATA and data["source"][0] == "Quelle: Quelle A"


def test_scenario_marks_say_szenario_and_keep_names_as_data():
    rows = payload(scenario_layer([(51.51, 6.91, "<b>Lernwerkstatt</b>", ["Lernen"])]))
    assert rows["className"] == "qa-scenario"
    (mark,) = rows["rows"]
    assert mark[:4] == [51.51, 6.91, texts.SCENARIO_MARK, "<b>Lernwerkstatt</b>"]
    assert mark[4] == ["Lernen", texts.SCENARIO_TAG]


def test_reported_needs_are_counted_inside_their_district():
    counts = [NeedCount("A", "lernen", 3), NeedCount("A", "sprache", 1), NeedCount(None, "lernen", 2)]
    layer = reported_needs_layer(ReportedNeeds.of(counts, []), {"A": "Altstadt"}, GEOMETRIES, "2026")
    (row,) = payload(layer)["rows"]
    assert row[2:4] == ["4", "Gemeldete Bedarfe: 4"]
    assert row[4] == ["Lernen & Hausaufgaben 3 · Sprachförderung 1", "Altstadt, 2026"]
    assert 51.50 < row[0] < 51.52 and 6.90 < row[1] < 6.92
    assert not re.search(r"https?://", json.dumps(payload(layer)))


def test_reported_needs_of_one_need_count_only_that_need_and_say_which_are_invented():
    counts = [NeedCount("A", "lernen", 3), NeedCount("A", "sprache", 1), NeedCount("B", "sprache", 2)]
    demo = [NeedCount("A", "lernen", 2), NeedCount("A", "sprache", 1), NeedCount("B", "sprache", 2)]
    layer = reported_needs_layer(ReportedNeeds.of(counts, demo, "lernen"), {"A": "Altstadt"},
                                 GEOMETRIES, "2026")  # fmt: skip
    (row,) = payload(layer)["rows"]  # B has no „Lernen“: no mark
    assert row[2:4] == ["3", "Gemeldete Bedarfe „Lernen & Hausaufgaben“: 3"]
    assert row[4] == ["Lernen & Hausaufgaben 3 · Sprachförderung 1",
                      "davon Demo-Einträge (erfunden): 2", "Altstadt, 2026"]
