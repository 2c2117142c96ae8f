"""The Lotse's map: starting point, walking-distance rings, numbered results, offices.

Composed from the shared layers (district names, Quartiersbüros via static/quartiersatlas.js)
plus three plain Leaflet elements that carry no data text at all: the rings, the home point
and the numbered markers show only numbers and our own constant labels, so nothing from the
data passes branca's template pass or needs escaping here. (The offers' names are in the
numbered list beside the map.) The family's point is drawn, never stored.
"""

from __future__ import annotations

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
# Closer than this (straight metres) a result's number would cover the home mark at the
# usual zoom (about 2 m a pixel at 1.5 km): it is drawn beside it instead.
NEAR_HOME_M = 40.0
MARGIN_DEGREES = 0.002  # around the rings and results, so markers never touch the edge


def ring_distances(max_distance_m: float) -> list[float]:
    """Walking distances to draw: the chosen maximum and, from 1 km, its half."""
    return [max_distance_m / 2, max_distance_m] if max_distance_m >= 1000 else [max_distance_m]


def _ring(home: tuple[float, float], walking_m: float) -> folium.Circle:
    label = t.MAP_RING.format(distance=distance_choice_label(walking_m))
    return folium.Circle(home, radius=straight_radius_m(walking_m), color=RING_COLOUR,
                         weight=2, dash_array="6 6", fill=False, tooltip=label)  # fmt: skip


def _home(home: tuple[float, float]) -> folium.Marker:
    return layers.point_mark(home, "⌂", t.MAP_HOME, css_class="qa-home")


def _numbered(number: int, offer: NearbyOffer) -> folium.Marker:
    """A result's number, drawn above the home mark; one at (almost) the family's point (an
    office or offer as the start) sits up and right of it, so neither hides the other."""
    x, y = (-2, 30) if offer.straight_m < NEAR_HOME_M else (14, 14)
    icon = folium.DivIcon(html=f'<div class="qa-lotse-number" style="{NUMBER_STYLE}">{number}</div>',
                          icon_size=(28, 28), icon_anchor=(x, y))  # fmt: skip
    return folium.Marker((offer.lat, offer.lon), icon=icon, tooltip=t.MAP_NUMBER.format(number=number),
                         z_index_offset=layers.POINT_MARK_Z + 1000)  # fmt: skip


def _bounds(home: tuple[float, float], radius_m: float, offers: Sequence[NearbyOffer]):
    """The rings and every result in view (results may lie beyond the rings)."""
    lat_pad = radius_m / 111_320 + MARGIN_DEGREES
    lon_pad = radius_m / 69_300 + MARGIN_DEGREES  # metres per degree of longitude at 51.5° N
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
        layers.district_label_layer(district_names, geometries),
        layers.office_layer(list(offices)),
        *(_ring(home, d) for d in ring_distances(max_distance_m)),
        *(_numbered(n, offer) for n, offer in enumerate(offers, start=1)),
        _home(home),
    ]
    if notice:
        elements.append(layers.notice(notice))
    bounds = _bounds(home, straight_radius_m(max_distance_m), offers)
    return new_map(settings, bounds, elements)
