"""The sheet's map: projected points, clipped outlines, readable markers, a scale bar."""

from __future__ import annotations

import math
import re

import geopandas as gpd
import pytest
from shapely.geometry import box

from services.model import ANALYSIS_CRS
from services.reports.sheet_map import HEIGHT, MARKER_RADIUS, WIDTH, MapPoint, build_sheet_map
from tests.unit.reports.helpers import districts

CENTRE = (51.5226, 6.9478)


def test_points_are_inside_the_drawing_north_up_and_east_right():
    points = [
        MapPoint("1", 51.5226, 6.9478),
        MapPoint("2", 51.5300, 6.9478),  # north
        MapPoint("3", 51.5226, 6.9600),  # east
        MapPoint("Q", 51.5200, 6.9400, "office"),
    ]
    sheet = build_sheet_map(points, districts())
    one, north, east, office = sheet.markers
    assert [m.label for m in sheet.markers] == ["1", "2", "3", "Q"]
    assert office.kind == "office" and one.kind == "offer"
    # UTM grid north is ~1.6° off true north here, so a meridian leans a little
    assert north.y < one.y and abs(north.x - one.x) < 0.05 * (one.y - north.y)
    assert east.x > one.x and abs(east.y - one.y) < 0.05 * (east.x - one.x)
    for marker in sheet.markers:
        assert MARKER_RADIUS <= marker.x <= WIDTH - MARKER_RADIUS
        assert MARKER_RADIUS <= marker.y <= HEIGHT - MARKER_RADIUS


def test_distances_keep_their_proportions():
    """1 km north and 1 km east are equally long on the map (no stretching)."""
    north = MapPoint("n", CENTRE[0] + 1000 / 111_200, CENTRE[1])
    east = MapPoint("e", CENTRE[0], CENTRE[1] + 1000 / (111_200 * math.cos(math.radians(51.52))))
    sheet = build_sheet_map([MapPoint("c", *CENTRE), north, east], districts())
    centre, n, e = sheet.markers
    assert math.dist((centre.x, centre.y), (n.x, n.y)) == pytest.approx(
        math.dist((centre.x, centre.y), (e.x, e.y)), rel=0.02
    )


def test_outlines_are_clipped_to_the_drawing_and_named():
    sheet = build_sheet_map([MapPoint("1", *CENTRE)], districts())
    assert sheet.outlines and sheet.names
    numbers = [float(n) for path in sheet.outlines for n in re.findall(r"-?[\d.]+", path)]
    assert min(numbers) >= -0.1 and max(numbers) <= WIDTH + 0.1
    assert "Batenbrock-Süd" in {n.name for n in sheet.names}  # the centre's district


def test_markers_at_one_place_are_spread_so_every_number_shows():
    sheet = build_sheet_map([MapPoint(str(i), *CENTRE) for i in range(1, 6)], districts())
    positions = [(m.x, m.y) for m in sheet.markers]
    for i, a in enumerate(positions):
        for b in positions[i + 1:]:
            assert math.dist(a, b) >= 1.9 * MARKER_RADIUS - 0.2


def test_without_districts_points_still_draw():
    empty = gpd.GeoDataFrame({"name": []}, geometry=[], crs=ANALYSIS_CRS)
    sheet = build_sheet_map([MapPoint("1", *CENTRE)], empty)
    assert sheet.outlines == () and sheet.names == () and len(sheet.markers) == 1


def test_scale_bar_is_a_round_length_of_at_most_a_quarter_width():
    sheet = build_sheet_map([MapPoint("1", *CENTRE)], districts())
    assert sheet.scale_text in {"250 m", "500 m", "1.000 m"}
    assert 0 < sheet.scale_length <= WIDTH / 4


def test_districts_in_another_crs_are_projected():
    square = gpd.GeoDataFrame(
        {"name": ["Quadrat"]},
        geometry=[box(6.94, 51.51, 6.96, 51.53)],
        crs="EPSG:4326",
    )
    sheet = build_sheet_map([MapPoint("1", *CENTRE)], square)
    assert [n.name for n in sheet.names] == ["Quadrat"]


def test_a_map_needs_a_point():
    with pytest.raises(ValueError):
        build_sheet_map([], districts())
