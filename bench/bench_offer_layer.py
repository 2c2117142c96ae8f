"""Benchmark: building the offer layer on every Streamlit rerun, ours vs. naive folium.

Measures what each rerun really costs for the offers: building the layer plus the
streamlit-folium feature-group string (its render + script generation + variable
renaming), and the bytes sent to the browser. The naive baseline is one folium.Marker
with Tooltip and Popup per offer inside a folium.plugins.MarkerCluster. Times are medians
(ours: 7 runs, 3 at 50,000; naive: 3 runs up to 1,000, then one, it takes seconds); the
naive one is skipped where its extrapolated time exceeds 60 s.

Usage: python bench/bench_offer_layer.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import folium
import folium.plugins
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a plain script

import streamlit_folium  # noqa: E402

from services.config import Settings  # noqa: E402
from services.map.base import LocalMap  # noqa: E402
from services.map.layers import offer_layer  # noqa: E402
from services.taxonomy import NEEDS  # noqa: E402

SIZES = (150, 1_000, 10_000, 50_000)
BUDGET_SIZE, BUDGET_SECONDS, BUDGET_BYTES = 10_000, 0.1, 1_000_000
NAIVE_LIMIT_SECONDS = 60
SETTINGS = Settings("sqlite://", None, "", "/app/static")
WORDS = ("Hausaufgabenhilfe", "Sprachcafé", "Elterntreff", "Krabbelgruppe", "Lerntreff",
         "Beratung", "Sportgruppe", "Mittagstisch", "Familienzentrum", "Jugendtreff")
PLACES = ("Altstadt", "Eigen", "Fuhlenbrock", "Batenbrock", "Welheim", "Boy", "Kirchhellen")
PROVIDERS = tuple(f"{org} {place}" for org in ("AWO", "Caritas", "Diakonie", "DRK", "Stadt")
                  for place in PLACES)


def synthetic_offers(n: int, seed: int = 7) -> pd.DataFrame:
    """n offers scattered over Bottrop, names and providers of realistic length."""
    rng = np.random.default_rng(seed)
    codes = [need.code for need in NEEDS]
    return pd.DataFrame({
        "id": [f"off-{i:06d}" for i in range(n)],
        "name": [f"{WORDS[i % len(WORDS)]} {PLACES[i % len(PLACES)]} Nr. {i}" for i in range(n)],
        "provider": [PROVIDERS[i] for i in rng.integers(0, len(PROVIDERS), n)],
        "needs": [tuple(rng.choice(codes, size=rng.integers(1, 4), replace=False))
                  for _ in range(n)],
        "lat": rng.uniform(51.49, 51.62, n),
        "lon": rng.uniform(6.85, 7.00, n),
        "is_demo": np.ones(n, dtype=bool),
    })


def naive_layer(offers: pd.DataFrame) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Angebote")
    cluster = folium.plugins.MarkerCluster().add_to(group)
    for row in offers.itertuples():
        folium.Marker(
            [row.lat, row.lon],
            tooltip=folium.Tooltip(f"<b>{row.name}</b><br>{row.provider}"),
            popup=folium.Popup(f"<b>{row.name}</b><br>{row.provider}<br>{row.id}"),
        ).add_to(cluster)
    return group


def rerun_cost(build: Callable[[pd.DataFrame], folium.FeatureGroup], offers: pd.DataFrame,
               runs: int) -> tuple[float, int]:
    """Median seconds of build + streamlit-folium feature-group string, and its bytes."""
    times, size = [], 0
    for _ in range(runs):
        base_map = LocalMap(SETTINGS)  # not timed: the base map does not depend on offers
        start = time.perf_counter()
        script = streamlit_folium._get_feature_group_string(build(offers), map=base_map)
        times.append(time.perf_counter() - start)
        size = len(script.encode("utf-8"))
    return statistics.median(times), size


def main() -> None:
    print(f"{'Angebote':>9} | {'ours ms':>8} {'ours KB':>8} | {'naive ms':>9} {'naive KB':>9}"
          f" | {'time x':>7} {'size x':>7}")
    naive_seconds_per_offer, ours_at_budget = 0.0, None
    for n in SIZES:
        offers = synthetic_offers(n)
        ours_s, ours_b = rerun_cost(offer_layer, offers, runs=7 if n <= BUDGET_SIZE else 3)
        if n == BUDGET_SIZE:
            ours_at_budget = (ours_s, ours_b)
        line = f"{n:>9,} | {ours_s * 1000:>8.1f} {ours_b / 1000:>8.0f} | "
        if naive_seconds_per_offer * n > NAIVE_LIMIT_SECONDS:
            print(line + f"skipped: > {NAIVE_LIMIT_SECONDS} s expected "
                  f"({naive_seconds_per_offer * n:.0f} s)")
            continue
        naive_s, naive_b = rerun_cost(naive_layer, offers, runs=3 if n <= 1_000 else 1)
        naive_seconds_per_offer = naive_s / n
        print(line + f"{naive_s * 1000:>9.0f} {naive_b / 1000:>9.0f} | "
              f"{naive_s / ours_s:>6.0f}x {naive_b / ours_b:>6.1f}x")
    seconds, size = ours_at_budget
    met = seconds <= BUDGET_SECONDS and size <= BUDGET_BYTES
    budget = f"≤ {BUDGET_SECONDS} s, ≤ {BUDGET_BYTES:,} bytes"
    print(f"\nBudget {BUDGET_SIZE:,} Angebote ({budget}): {seconds:.3f} s, {size:,} bytes"
          f" -> {'erfüllt' if met else 'NICHT erfüllt'}")


if __name__ == "__main__":
    main()
