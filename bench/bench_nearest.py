"""Benchmark: the Lotse's nearby search (KD-tree index) against brute force, same run.

For 150, 10,000 and 50,000 synthetic offers spread over Bottrop (every filter attribute
random: needs, ages, audience, languages, cost, access, opening hours, status) the same
random queries (home point, 0–3 children, 0–2 needs, languages, free/barrier-free/open-at
at random, 500 m–5 km, nearest 10) run three ways:

- index: services.nearest.OfferIndex.query (KD-tree + vectorised filters, reasons included);
- brute force, haversine: one Python loop over all offers, the filters and a haversine
  distance per offer, then a sort (tests/nearest_reference.py) – what the page would do
  without an index. This is the baseline of the ≥ 100× goal;
- brute force, numpy: the same without a Python loop (all filters and distances as numpy
  arrays over every offer), to show what vectorising alone gives.

Times are per query (median and 95th percentile). The result lists of index and haversine
brute force are compared; they may differ only where two offers are nearly equally far
(planar EPSG:25832 vs. spherical distance).

Usage: python bench/bench_nearest.py [--queries 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a plain script

from services.nearest import DETOUR_FACTOR, NearbyQuery, OfferIndex  # noqa: E402
from services.opening import OpenAt  # noqa: E402
from services.taxonomy import NEEDS  # noqa: E402
from tests import nearest_reference as reference  # noqa: E402

SIZES = (150, 10_000, 50_000)
GOAL_SPEEDUP, GOAL_MS = 100.0, 1.0
BRUTE_QUERY_SECONDS = 20.0  # per size, the Python loop gets at most about this long


def random_queries(n: int, seed: int = 5) -> list[NearbyQuery]:
    rng = random.Random(seed)
    needs = [need.code for need in NEEDS]
    return [
        NearbyQuery(
            lat=rng.uniform(51.50, 51.60), lon=rng.uniform(6.88, 6.99),
            child_ages=tuple(rng.sample(range(18), rng.choice([0, 1, 2, 3]))),
            needs=tuple(rng.sample(needs, rng.choice([0, 1, 2]))),
            languages=tuple(rng.sample(reference.LANGUAGES, rng.choice([0, 1, 2]))),
            only_free=rng.random() < 0.3, barrier_free=rng.random() < 0.2,
            open_at=OpenAt(rng.randrange(7), rng.randrange(8 * 60, 20 * 60))
            if rng.random() < 0.4 else None,
            max_distance_m=rng.choice([500, 1000, 1500, 2000, 3000, 5000]),
        )  # fmt: skip
        for _ in range(n)
    ]


class NumpyBruteForce:
    """Every offer's filters and haversine distance as numpy arrays; no spatial index."""

    def __init__(self, index: OfferIndex, lat: np.ndarray, lon: np.ndarray):
        self.index, self.lat, self.lon = index, np.radians(lat), np.radians(lon)
        self.all = np.arange(index.size)

    def query(self, q: NearbyQuery) -> list[str]:
        keep = self.index.fits(self.all, q)  # the same vectorised filters as the index
        lat0, lon0 = np.radians(q.lat), np.radians(q.lon)
        a = (np.sin((self.lat - lat0) / 2) ** 2
             + np.cos(lat0) * np.cos(self.lat) * np.sin((self.lon - lon0) / 2) ** 2)
        walking = 2 * reference.EARTH_RADIUS_M * np.arcsin(np.sqrt(a)) * DETOUR_FACTOR
        chosen = np.flatnonzero(keep & (walking <= q.max_distance_m))
        order = chosen[np.argsort(walking[chosen], kind="stable")][: q.limit]
        return order.tolist()


def per_query_ms(run, queries) -> list[float]:
    times = []
    for q in queries:
        start = time.perf_counter()
        run(q)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    queries = random_queries(args.queries)
    print(f"{args.queries} zufällige Anfragen je Größe (nächste 10, Filter zufällig)\n")
    header = (f"{'Angebote':>9} | {'Aufbau ms':>9} | {'Index ms':>8} {'p95':>6} | "
              f"{'Brute hav. ms':>13} {'n':>4} | {'Brute numpy ms':>14} | "
              f"{'x hav.':>7} {'x numpy':>7} | gleich")
    print(header)
    print("-" * len(header))
    verdicts = []
    for size in SIZES:
        offers = reference.random_offers(size, seed=size)
        start = time.perf_counter()
        frame = reference.frame_of(offers)
        index = OfferIndex(frame)
        build_ms = (time.perf_counter() - start) * 1000
        index.query(queries[0])  # warm up
        ours = per_query_ms(index.query, queries)
        numpy_brute = NumpyBruteForce(index, frame["lat"].to_numpy(float),
                                      frame["lon"].to_numpy(float))
        numpy_ms = per_query_ms(numpy_brute.query, queries)
        brute_queries = queries[: max(5, min(len(queries), int(
            BRUTE_QUERY_SECONDS / max(size * 4e-6, 1e-4))))]
        brute_ms = per_query_ms(
            lambda q, offers=offers: reference.nearest(offers, q, reference.haversine_m),
            brute_queries)
        same = sum(
            [o.offer_id for o in index.query(q).offers]
            == [i for i, _ in reference.nearest(offers, q, reference.haversine_m)[0]]
            for q in brute_queries
        )
        median, brute_median = statistics.median(ours), statistics.median(brute_ms)
        speedup, numpy_speedup = brute_median / median, statistics.median(numpy_ms) / median
        print(f"{size:>9,} | {build_ms:>9.0f} | {median:>8.3f} {p95(ours):>6.3f} | "
              f"{brute_median:>13.1f} {len(brute_queries):>4} | "
              f"{statistics.median(numpy_ms):>14.3f} | {speedup:>6.0f}x {numpy_speedup:>6.1f}x | "
              f"{same}/{len(brute_queries)}")
        if size == SIZES[-1]:
            verdicts = [
                (f"≥ {GOAL_SPEEDUP:.0f}× schneller als Brute Force (haversine)", speedup >= GOAL_SPEEDUP),
                (f"≤ {GOAL_MS:g} ms je Anfrage (Median)", median <= GOAL_MS),
            ]
    print("\nZiele bei 50.000 Angeboten:")
    for text, ok in verdicts:
        print(f"  {text}: {'erfüllt' if ok else 'VERFEHLT'}")


if __name__ == "__main__":
    main()
