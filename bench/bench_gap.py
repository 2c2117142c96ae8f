"""Benchmark: the gap analysis (supply.analyse_supply) against a naive Python loop.

17 districts (the demo layer) and 27 districts (Voronoi cells of 27 seeded points clipped
to the city outline, as many as Bottrop's Kommunalwahlbezirke) × all 11 needs × 10,000
synthetic offers scattered over the city (1–3 needs, random ages, 95 % active), children
spread on the 100 m grid, 1 km walking distance. The naive baseline computes the same
figures with plain Python loops over districts, needs, sample points and offers (stopping
at the first offer in reach), in the same run; the script checks that both agree.
Times: ours the median of 5 runs with the sample points prepared once (as a page caches
them), after one warm-up; "+Punkte" the median of 3 runs that build the points anew; naive
one run on the same points.

Usage: python bench/bench_gap.py
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a plain script

from services import filters  # noqa: E402
from services.analysis.supply import (  # noqa: E402
    SupplyOptions,
    analyse_supply,
    child_points,
    offer_xy,
)
from services.config import GEODATA_DIR  # noqa: E402
from services.geo import assign_districts  # noqa: E402
from services.io.districts import read_districts  # noqa: E402
from services.model import ANALYSIS_CRS  # noqa: E402
from services.snapshot import Snapshot  # noqa: E402
from services.taxonomy import NEEDS  # noqa: E402

N_OFFERS = 10_000
RUNS = 5
GOAL_FACTOR, GOAL_SECONDS = 50, 1.0
OPTIONS = SupplyOptions()  # all 11 needs, no age group, 1 km, SGB-II-Quote


def outline() -> shapely.Geometry:
    frame = gpd.read_file(GEODATA_DIR / "outline.geojson").to_crs(ANALYSIS_CRS)
    return shapely.union_all(frame.geometry.values)


def voronoi_districts(n: int, seed: int = 27) -> gpd.GeoDataFrame:
    """n districts: Voronoi cells of n random points inside the outline."""
    city = outline()
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = city.bounds
    candidates = shapely.points(rng.uniform(minx, maxx, 20 * n), rng.uniform(miny, maxy, 20 * n))
    seeds = candidates[shapely.contains(city, candidates)][:n]
    cells = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=city).geoms
    ids = [f"{i + 1:02d}" for i in range(n)]
    return gpd.GeoDataFrame(
        {"id": ids, "name": [f"Wahlbezirk {i}" for i in ids], "stadtbezirk": "Mitte",
         "is_demo": True},
        geometry=[cell.intersection(city) for cell in cells], crs=ANALYSIS_CRS)  # fmt: skip


def synthetic_offers(districts: gpd.GeoDataFrame, n: int = N_OFFERS, seed: int = 9) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    wgs = districts.to_crs("EPSG:4326")
    minx, miny, maxx, maxy = wgs.total_bounds
    lat, lon = rng.uniform(miny, maxy, 3 * n), rng.uniform(minx, maxx, 3 * n)
    district = np.array(assign_districts(lat, lon, wgs), dtype=object)
    inside = np.flatnonzero(district != None)[:n]  # noqa: E711  (elementwise)
    codes = [need.code for need in NEEDS]
    low = rng.integers(0, 15, n).astype(float)
    frame = pd.DataFrame({
        "id": [f"b-{i}" for i in range(n)], "name": "", "provider": "", "description": "",
        "address": "", "lat": lat[inside], "lon": lon[inside], "district_id": district[inside],
        "needs": [tuple(rng.choice(codes, rng.integers(1, 4), replace=False)) for _ in range(n)],
        "min_age": pd.Series(low, dtype=object), "max_age": pd.Series(low + 6, dtype=object),
        "audience": [("kinder",)] * n, "free_of_charge": None, "is_demo": True,
        "status": np.where(rng.random(n) < 0.95, "active", "inactive"),
    })  # fmt: skip
    return filters.prepare(frame)


def indicator_values(districts: gpd.GeoDataFrame, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = list(districts["id"])
    rows = [(d, "einwohner_u18", 2023, float(rng.integers(300, 2500)), "Bench", True) for d in ids]
    rows += [(d, "sgb2_u15", 2023, float(rng.uniform(5, 50)), "Bench", True) for d in ids]
    return pd.DataFrame(
        rows, columns=["district_id", "indicator_key", "year", "value", "source", "is_demo"]
    )


def naive(snapshot: Snapshot, points) -> dict[tuple[str, str], tuple[int, float, float]]:
    """(district, need) -> (offers, coverage, gap), written the way one first would: for each
    district, need and sample point, look at the offers one by one (active? the need? in
    reach?) until one is in reach; count offers by scanning all of them."""
    offers = snapshot.offers.to_dict("records")
    for offer, (x, y) in zip(offers, offer_xy(snapshot.offers).tolist()):
        offer["x"], offer["y"] = x, y
    ids = list(points.district_ids)
    px, py, pw = points.x.tolist(), points.y.tolist(), points.weight.tolist()
    owner = points.district.tolist()
    need_value = {r["district_id"]: r["value"] for r in snapshot.indicator_values.to_dict("records")
                  if r["indicator_key"] == "sgb2_u15"}  # fmt: skip
    limit = OPTIONS.distance_m**2
    result = {}
    for index, district in enumerate(ids):
        own = [k for k in range(len(px)) if owner[k] == index]
        for need in OPTIONS.needs:
            count = 0
            for o in offers:
                if o["district_id"] == district and o["status"] == "active" and need in o["needs"]:
                    count += 1
            covered = 0.0
            for k in own:
                for o in offers:
                    if (o["status"] == "active" and need in o["needs"]
                            and (o["x"] - px[k]) ** 2 + (o["y"] - py[k]) ** 2 <= limit):  # fmt: skip
                        covered += pw[k]
                        break
            result[(district, need)] = (count, min(covered, 1.0))
    return _with_gaps(result, ids, need_value)


def _with_gaps(result, ids, need_value):
    """z(need) − z(coverage) per need, computed by hand (sample standard deviation)."""

    def z(values):
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
        return [(v - mean) / sd if sd > 1e-12 else 0.0 for v in values]

    need_z = dict(zip(ids, z([need_value[d] for d in ids])))
    out = {}
    for need in OPTIONS.needs:
        cov_z = dict(zip(ids, z([result[(d, need)][1] for d in ids])))
        for d in ids:
            count, cov = result[(d, need)]
            out[(d, need)] = (count, cov, need_z[d] - cov_z[d])
    return out


def agree(table: pd.DataFrame, reference: dict) -> bool:
    for row in table.itertuples():
        count, cov, gap = reference[(row.district_id, row.need)]
        if row.offers != count or abs(row.coverage - cov) > 1e-9 or abs(row.gap_score - gap) > 1e-6:
            return False
    return True


def measure(name: str, districts: gpd.GeoDataFrame) -> dict:
    snapshot = Snapshot(1, districts, indicator_values(districts), synthetic_offers(districts), ())
    points = child_points(districts)
    analyse_supply(snapshot, OPTIONS, points)  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = analyse_supply(snapshot, OPTIONS, points)
        times.append(time.perf_counter() - start)
    cold = []
    for _ in range(3):  # with the sample points (grid, blocks) built anew, as after an import
        start = time.perf_counter()
        analyse_supply(snapshot, OPTIONS, child_points(districts))
        cold.append(time.perf_counter() - start)
    start = time.perf_counter()
    reference = naive(snapshot, points)
    naive_seconds = time.perf_counter() - start
    ours = statistics.median(times)
    return {"layer": name, "districts": len(districts), "offers": len(snapshot.offers),
            "points": len(points.x), "ours_s": ours, "ours_max_s": max(times),
            "ours_with_points_s": statistics.median(cold),
            "naive_s": naive_seconds, "factor": naive_seconds / ours,
            "same_result": agree(result.table, reference)}  # fmt: skip


def main() -> None:
    layers = [("Demo-Gliederung", read_districts(GEODATA_DIR / "districts.geojson")[0]),
              ("27 Voronoi-Bezirke", voronoi_districts(27))]  # fmt: skip
    offers = f"{N_OFFERS:,}".replace(",", ".")
    print(f"Lückenanalyse: 11 Bedarfe × {offers} Angebote, 1 km, Raster 100 m")
    goal = f"Ziel (≥{GOAL_FACTOR}×, ≤{GOAL_SECONDS} s)"
    print(f"{'Gliederung':<20} {'Bez.':>4} {'Punkte':>7} {'ours (Median)':>14} {'max':>7} "
          f"{'+Punkte':>8} {'naiv':>8} {'Faktor':>7}  {goal}  gleich")  # fmt: skip
    for name, districts in layers:
        m = measure(name, districts)
        ok = m["factor"] >= GOAL_FACTOR and m["ours_s"] <= GOAL_SECONDS
        print(f"{m['layer']:<20} {m['districts']:>4} {m['points']:>7} {m['ours_s']:>13.3f}s "
              f"{m['ours_max_s']:>6.3f}s {m['ours_with_points_s']:>7.3f}s "
              f"{m['naive_s']:>7.1f}s {m['factor']:>6.0f}×  "
              f"{'erreicht' if ok else 'VERFEHLT':<27} {'ja' if m['same_result'] else 'NEIN'}")  # fmt: skip
        print("  " + json.dumps(m))


if __name__ == "__main__":
    main()
