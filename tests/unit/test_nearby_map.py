"""The Lotse's map (services/map/nearby.py): home mark, rings and numbered results."""

from __future__ import annotations

import math
import re

from services.config import Settings
from services.map.nearby import CLEAR_PX, RING_PX, nearby_map, number_anchors
from services.nearest import NearbyOffer, straight_radius_m

SETTINGS = Settings("sqlite://", None, "", "/app/static")
HOME = (51.52, 6.93)


def result(number: int, lat: float, lon: float, straight_m: float) -> NearbyOffer:
    return NearbyOffer(f"o{number}", f"Angebot {number}", lat, lon, True, straight_m,
                       straight_m * 1.3, (), ())  # fmt: skip


def markers(html: str) -> dict[str, str]:
    """Each DivIcon as "class text" -> its icon anchor, as Leaflet gets them."""
    found = {}
    for icon in html.split("L.divIcon(")[1:]:
        mark = re.search(r'class=\\"([\w-]+)\\"[^>]*?\\u003e(.*?)\\u003c/div', icon)
        anchor = re.search(r'"iconAnchor": \[\s*(-?\d+),\s*(-?\d+)\s*\]', icon)
        found[f"{mark.group(1)} {mark.group(2)}"] = f"{anchor.group(1)}, {anchor.group(2)}"
    return found


def test_home_mark_rings_and_numbers_above_it_the_one_at_home_beside_it():
    offers = [result(1, *HOME, 0.0), result(2, 51.525, 6.935, 650.0)]
    html = nearby_map(SETTINGS, HOME, 1500, offers, [], {"type": "FeatureCollection", "features": []},
                      {}).get_root().render()  # fmt: skip
    assert 'class=\\"qa-home\\"' in html
    assert re.search(r'createPane\(\s*"qa-lotse"\);\s*\S+\.style\.zIndex = 645', html)
    assert html.count('"pane": "qa-lotse"') == 3  # home and the numbers, above the offices
    assert html.count("L.circle(") == 2  # 750 m and 1.5 km
    z_offsets = [int(z) for z in re.findall(r'"zIndexOffset": (\d+)', html)]
    assert sorted(z_offsets) == [2000, 3000, 3000]  # the numbers above the home mark
    anchors = markers(html)
    assert anchors["qa-lotse-number 1"] == "-4, 32"  # at the family's point: up and right of it
    assert anchors["qa-lotse-number 2"] == "14, 14"  # far away: at its place
    (home,) = [anchor for mark, anchor in anchors.items() if mark.startswith("qa-home ")]
    assert home == "13, 13"


def test_numbers_near_home_or_each_other_move_apart_far_ones_stay():
    metres_north = [0.0, 0.0, 50.0, 60.0, 900.0]
    offers = [result(n, HOME[0] + m / 111_320, HOME[1], m) for n, m in enumerate(metres_north, 1)]
    radius = straight_radius_m(1500)
    anchors = number_anchors(offers, HOME, radius)
    scale = RING_PX / radius
    spots = [(0.0, 0.0)] + [(14 - ax, m * scale + (ay - 14))
                            for (ax, ay), m in zip(anchors, metres_north)]  # fmt: skip
    for i, spot in enumerate(spots):  # home and every number at least CLEAR_PX apart
        assert all(math.dist(spot, other) >= CLEAR_PX - 1 for other in spots[:i])  # rounded
    assert anchors[-1] == (14, 14)
    assert max(math.dist(s, (0, 0)) for s in spots[1:4]) < 3 * CLEAR_PX  # still beside home
