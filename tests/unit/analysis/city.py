"""A tiny hand-made city with known answers, and the demo data as a snapshot (no database).

The tiny city: three 1 km squares side by side in EPSG:25832, A | B | C, with 2,000, 1,000
and 500 children, SGB-II-Quote 10, 20, 30 % (z = −1, 0, 1) and four offers:

    o1 lernen 6–13 J. at A's centre      o2 lernen 0–2 J. at (1500, 900) in B
    o3 sprache, inactive, in C           o4 sprache, no ages, at C's centre

Two residential addresses per district (`ADDRESSES`), placed so that with 500 m walking
distance lernen reaches both in A, one in B, none in C, and sprache both in C.
"""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import pandas as pd
from pyproj import Transformer
from shapely.geometry import box

from services import filters
from services.config import GEODATA_DIR
from services.geo import assign_districts
from services.importer import locate
from services.io.districts import read_districts
from services.io.indicators import read_indicators
from services.io.offers import read_offers
from services.io.offices import read_offices
from services.model import ANALYSIS_CRS, WEB_CRS, Offer, Office
from services.snapshot import Snapshot

X0, Y0 = 355_000.0, 5_710_000.0  # near Bottrop, EPSG:25832
TO_WEB = Transformer.from_crs(ANALYSIS_CRS, WEB_CRS, always_xy=True)
SOURCE = "Testquelle"

CHILDREN = {"A": 2000.0, "B": 1000.0, "C": 500.0}
SGB2 = {"A": 10.0, "B": 20.0, "C": 30.0}
ADDRESSES = {"A": [(400, 500), (600, 500)], "B": [(1500, 600), (1500, 100)],
             "C": [(2500, 100), (2800, 800)]}  # fmt: skip


def lat_lon(x: float, y: float) -> tuple[float, float]:
    """WGS84 position of a point given in the tiny city's local metres."""
    lon, lat = TO_WEB.transform(X0 + x, Y0 + y)
    return lat, lon


def tiny_districts() -> gpd.GeoDataFrame:
    ids = ["A", "B", "C"]
    return gpd.GeoDataFrame(
        {"id": ids, "name": ["Altdorf", "Bergfeld", "Castrop-Süd"],
         "stadtbezirk": ["Mitte", "Mitte", "Süd"], "is_demo": [False] * 3},
        geometry=[box(X0 + 1000 * i, Y0, X0 + 1000 * (i + 1), Y0 + 1000) for i in range(3)],
        crs=ANALYSIS_CRS,
    )  # fmt: skip


def offer(id: str, need: str, x: float, y: float, **changes) -> Offer:
    lat, lon = lat_lon(x, y)
    return Offer(id=id, name=f"Angebot {id}", provider="Träger", needs=(need,), lat=lat, lon=lon,
                 source=SOURCE, **changes)  # fmt: skip


TINY_OFFERS = (
    offer("o1", "lernen", 500, 500, min_age=6, max_age=13),
    offer("o2", "lernen", 1500, 900, min_age=0, max_age=2),
    offer("o3", "sprache", 2500, 400, status="inactive"),
    offer("o4", "sprache", 2500, 500),
)


def offers_frame(offers: list[Offer], districts: gpd.GeoDataFrame) -> pd.DataFrame:
    """A prepared offers frame like Repository.offers_frame, districts derived as on import."""
    ids = assign_districts([o.lat for o in offers], [o.lon for o in offers], districts)
    rows = [dataclasses.asdict(dataclasses.replace(o, district_id=d)) for o, d in zip(offers, ids)]
    frame = pd.DataFrame(rows)
    for column in ("needs", "audience", "languages", "opening_hours"):
        frame[column] = frame[column].map(tuple)
    for column in ("min_age", "max_age"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return filters.prepare(frame)


def tiny_values(years=(2021, 2022, 2023)) -> pd.DataFrame:
    rows = []
    for year in years:
        for district in CHILDREN:
            rows.append((district, "einwohner_u18", year, CHILDREN[district]))
            rows.append((district, "sgb2_u15", year, SGB2[district]))
    frame = pd.DataFrame(rows, columns=["district_id", "indicator_key", "year", "value"])
    return frame.assign(source=SOURCE, is_demo=False)


def tiny_offices() -> tuple[Office, ...]:
    inside_b = lat_lon(1200, 500)
    near_c = lat_lon(3100, 500)  # 100 m east of C, outside every district
    far = lat_lon(8000, 500)
    return (
        Office("b1", "Quartiersbüro Bergfeld", "Stadt", *inside_b, district_id="B"),
        Office("b2", "Stadtteilbüro Ost", "Verein", *near_c, district_id=None),
        Office("b3", "Büro weit weg", "Verein", *far, district_id=None),
    )


def tiny_city(values: pd.DataFrame | None = None, offers: list[Offer] | None = None) -> Snapshot:
    districts = tiny_districts()
    return Snapshot(
        version=1,
        districts=districts,
        indicator_values=tiny_values() if values is None else values,
        offers=offers_frame(list(TINY_OFFERS if offers is None else offers), districts),
        offices=tiny_offices(),
    )


def tiny_addresses() -> gpd.GeoDataFrame:
    xy = [(X0 + x, Y0 + y) for points in ADDRESSES.values() for x, y in points]
    return gpd.GeoDataFrame(geometry=gpd.points_from_xy(*zip(*xy)), crs=ANALYSIS_CRS)


def demo_snapshot() -> Snapshot:
    """The demo data of geodata/, read by the import readers as seed-demo does."""
    layer, _ = read_districts(GEODATA_DIR / "districts.geojson")
    values, _ = read_indicators(GEODATA_DIR / "indicators.csv", layer)
    offices, _ = locate(read_offices(GEODATA_DIR / "offices.csv"), layer)
    offers, _ = locate(read_offers(GEODATA_DIR / "offers.csv"), layer)
    frame = pd.DataFrame([dataclasses.asdict(v) for v in values])
    return Snapshot(1, layer, frame, offers_frame(offers, layer), tuple(offices))
