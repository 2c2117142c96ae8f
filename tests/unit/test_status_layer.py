"""The status × dynamics map layer, the district frame and their legend."""

from __future__ import annotations

import json

from services.analysis.status_dynamics import STATUS_COLOURS, status_dynamics
from services.map.layers import (
    HIGHLIGHT_STYLE,
    district_geometries,
    highlight_layer,
    status_group_layer,
    status_layer,
    status_legend,
)
from services.snapshot import Snapshot
from tests.unit.analysis.city import demo_snapshot


def _data(layer) -> dict:
    """The payload a layer hands to static/quartiersatlas.js."""
    call = next(iter(layer._children.values()))
    return json.loads(call.payload)


def _demo() -> tuple[Snapshot, dict]:
    snap = demo_snapshot()
    return snap, district_geometries(snap.districts_web_geojson)


def test_status_layer_colours_each_district_by_status_and_names_its_group():
    snap, geometries = _demo()
    classes = status_dynamics(snap)
    rows = _data(status_layer(classes, geometries))["rows"]
    assert len(rows) == len(snap.districts)
    by_id = {row[0]: row for row in rows}
    batenbrock = by_id["41"]
    assert batenbrock[2] == STATUS_COLOURS["mittel"]
    assert batenbrock[3] == ["Status × Dynamik 2023: Status mittel, Dynamik negativ", "2 −"]


def test_highlight_frames_one_district_without_fill():
    snap, geometries = _demo()
    layer = highlight_layer("41", "Batenbrock-Nord", geometries)
    data = _data(layer)
    assert data["style"] == HIGHLIGHT_STYLE and HIGHLIGHT_STYLE["fillOpacity"] == 0
    assert [row[0] for row in data["rows"]] == ["41"]


def test_status_legend_lists_four_classes_and_not_classified():
    classes = status_dynamics(demo_snapshot())
    call = status_legend(classes)
    assert call.function == "addLegend"
    data = json.loads(call.payload)
    assert [label for _, label in data["classes"]] == ["1 hoch", "2 mittel", "3 niedrig",
                                                       "4 sehr niedrig"]  # fmt: skip
    assert data["noData"][1] == "nicht eingeordnet"


def test_every_classified_district_carries_its_group_as_a_permanent_label():
    snap, geometries = _demo()
    classes = status_dynamics(snap)
    data = _data(status_group_layer(classes, geometries))
    assert data["kind"] == "group"  # drawn above the office symbols, never decluttered
    labels = {row[0] for row in data["rows"]}
    shorts = {d.short for d in classes.districts if d.short}
    assert labels == shorts and "2 −" in labels
    assert len(data["rows"]) == sum(1 for d in classes.districts if d.short)
    assert {len(row) for row in data["rows"]} == {4}  # label, lat, lon, rank


def test_status_legend_lines_are_short_enough_not_to_be_cut():
    classes = status_dynamics(demo_snapshot())
    data = json.loads(status_legend(classes).payload)
    assert data["lines"] == ["Farbe und Zahl: Status 2023", "Zeichen: Dynamik 2021–2023",
                             "+ positiv · +/− stabil · − negativ"]  # fmt: skip
    assert max(len(line) for line in data["lines"]) <= 36  # the 250 px box holds about 38
    assert data["corner"] == "bottomleft"
