"""The Lotse's map: starting point, walking-distance rings, numbered results, offices.

Composed from the shared layers (district names, Quartiersbüros via static/quartiersatlas.js)
plus three plain Leaflet elements that carry no data text at all: the rings, the home point
and the numbered markers show only numbers and our own constant labels, so nothing from the
data passes branca's template pass or needs escaping here. (The offers' names are in the
numbered list beside the map.) The family's point is drawn, never stored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import folium
from branca.element import Element

from services.config import Settings
from services.map import layers
from services.map.base import new_map
from services.model import Office
from services.nearest import NearbyOffer, distance_choice_label, straight_radius_m
from services.texts import nearby as t

RING_COLOUR = "#08519c"
NUMBER_STYLE = (
    "width:24px;height:24px;border-radius:50%;background:#08519c;color:#fff;"
    "border:2px solid #fff;box-shadow:0 0 0 1px #08519c;font:700 12px/24px sans-serif;"
    "text-align:center"
)
# Marks closer than CLEAR_PX at the fitted zoom (where the outer ring's radius is about
# RING_PX) would hide each other: a number that would is moved around the home mark to a
# free spot nearby, so that home and every number can be read; at a closer zoom the shift
# is the same few pixels.
CLEAR_PX = 26
RING_PX = 160
_TURNS = (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6)  # twelfths of a circle from the bearing
METRES_PER_DEGREE_LAT = 111_320
METRES_PER_DEGREE_LON = 69_300  # at 51.5° N
MARGIN_DEGREES = 0.002  # around the rings and results, so markers never touch the edge


def ring_distances(max_distance_m: float) -> list[float]:
    """Walking distances to draw: the chosen maximum and, from 1 km, its half."""
    return [max_distance_m / 2, max_distance_m] if max_distance_m >= 1000 else [max_distance_m]


def _ring(home: tuple[float, float], walking_m: float) -> folium.Circle:
    label = t.MAP_RING.format(distance=distance_choice_label(walking_m))
    return folium.Circle(home, radius=straight_radius_m(walking_m), color=RING_COLOUR,
                         weight=2, dash_array="6 6", fill=False, tooltip=label)  # fmt: skip


# The home mark and the numbers in a pane of their own above the Quartiersbüros' (640, see
# static/quartiersatlas.js) and below the tooltips (650): a family next to an office, or an
# office as the start, must not hide the point or result no. 1 under a „Q“.
PANE = ("qa-lotse", 645)


def _home(home: tuple[float, float]) -> folium.Marker:
    return layers.point_mark(home, "⌂", t.MAP_HOME, css_class="qa-home", pane=PANE[0])


def _numbered(number: int, offer: NearbyOffer, anchor: tuple[int, int]) -> folium.Marker:
    """A result's number, drawn above the home mark (and the offices)."""
    icon = folium.DivIcon(html=f'<div class="qa-lotse-number" style="{NUMBER_STYLE}">{number}</div>',
                          icon_size=(28, 28), icon_anchor=anchor)  # fmt: skip
    return folium.Marker((offer.lat, offer.lon), icon=icon, tooltip=t.MAP_NUMBER.format(number=number),
                         z_index_offset=layers.POINT_MARK_Z + 1000, pane=PANE[0])  # fmt: skip


def number_anchors(offers: Sequence[NearbyOffer], home: tuple[float, float],
                   radius_m: float) -> list[tuple[int, int]]:  # fmt: skip
    """Each number's icon anchor: its centre (14, 14), or shifted so that it lies CLEAR_PX
    from the home mark and every number before it (pixels at the fitted zoom)."""
    scale = RING_PX / radius_m
    taken = [(0.0, 0.0)]  # the home mark
    anchors = []
    for offer in offers:
        x = (offer.lon - home[1]) * METRES_PER_DEGREE_LON * scale  # right
        y = (offer.lat - home[0]) * METRES_PER_DEGREE_LAT * scale  # up
        spot = (x, y) if _clear((x, y), taken) else _free_spot(x, y, taken)
        taken.append(spot)
        anchors.append((round(14 - (spot[0] - x)), round(14 + (spot[1] - y))))
    return anchors


def _clear(spot: tuple[float, float], taken: list[tuple[float, float]]) -> bool:
    return all(math.dist(spot, other) >= CLEAR_PX for other in taken)


def _free_spot(x: float, y: float, taken: list[tuple[float, float]]) -> tuple[float, float]:
    """The nearest free spot around home: on the offer's bearing (up and right for one at
    home) at its distance but at least CLEAR_PX, then turning aside, then further out."""
    bearing = math.atan2(y, x) if (x or y) else math.pi / 4
    distance = max(math.hypot(x, y), CLEAR_PX)
    for step in range(4):
        for turn in _TURNS:
            angle = bearing + turn * math.pi / 6
            spot = ((distance + step * CLEAR_PX) * math.cos(angle),
                    (distance + step * CLEAR_PX) * math.sin(angle))  # fmt: skip
            if _clear(spot, taken):
                return spot
    return x, y  # crowded beyond reason: the true place


def _bounds(home: tuple[float, float], radius_m: float, offers: Sequence[NearbyOffer]):
    """The rings and every result in view (results may lie beyond the rings)."""
    lat_pad = radius_m / METRES_PER_DEGREE_LAT + MARGIN_DEGREES
    lon_pad = radius_m / METRES_PER_DEGREE_LON + MARGIN_DEGREES
    lats = [home[0] - lat_pad, home[0] + lat_pad] + [o.lat for o in offers]
    lons = [home[1] - lon_pad, home[1] + lon_pad] + [o.lon for o in offers]
    return [[min(lats) - MARGIN_DEGREES, min(lons) - MARGIN_DEGREES],
            [max(lats) + MARGIN_DEGREES, max(lons) + MARGIN_DEGREES]]


def nearby_map(
    settings: Settings,
    home: tuple[float, float],
    max_distance_m: float,
    offers: Sequence[NearbyOffer],
    offices: Sequence[Office],
    districts_web_geojson: Mapping[str, Any],
    district_names: Mapping[str, str],
    notice: str | None = None,
) -> folium.Map:
    """The whole map of one search; it changes with every search, so it is one piece."""
    geometries = layers.district_geometries(districts_web_geojson)
    elements: list[Element] = [
        folium.map.CustomPane(*PANE, pointer_events=True),
        layers.district_label_layer(district_names, geometries),
        layers.office_layer(list(offices)),
        *(_ring(home, d) for d in ring_distances(max_distance_m)),
        *(_numbered(n, offer, anchor) for n, (offer, anchor) in enumerate(
            zip(offers, number_anchors(offers, home, straight_radius_m(max_distance_m))), start=1)),
        _home(home),
    ]
    if notice:
        elements.append(layers.notice(notice))
    bounds = _bounds(home, straight_radius_m(max_distance_m), offers)
    return new_map(settings, bounds, elements)
