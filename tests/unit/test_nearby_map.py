"""The Lotse's map (services/map/nearby.py): home mark, rings and numbered results."""

from __future__ import annotations

import re

from services.config import Settings
from services.map.nearby import nearby_map
from services.nearest import NearbyOffer

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
    assert html.count("L.circle(") == 2  # 750 m and 1.5 km
    z_offsets = [int(z) for z in re.findall(r'"zIndexOffset": (\d+)', html)]
    assert sorted(z_offsets) == [2000, 3000, 3000]  # both numbers above the home mark
    anchors = markers(html)
    assert anchors["qa-lotse-number 1"] == "-2, 30"  # at the family's point: beside the mark
    assert anchors["qa-lotse-number 2"] == "14, 14"
    (home,) = [anchor for mark, anchor in anchors.items() if mark.startswith("qa-home ")]
    assert home == "13, 13"
