"""A brute-force reference for services/nearest.py: one Python loop over every offer.

The unit tests check the spatial index against it on random data (with the same planar
distance), and bench/bench_nearest.py times it as the baseline (with haversine distances).
It restates the rules of the search on purpose, scalar and in plain words, so that a
mistake in the vectorised index cannot hide in a shared helper.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import fields

import pandas as pd

from services.model import Offer, OpeningSlot
from services.nearest import DETOUR_FACTOR, FALLBACK_COUNT, PARENT_AUDIENCES, NearbyQuery
from services.opening import OpenState, open_state
from services.taxonomy import NEEDS

Distance = Callable[[float, float, float, float], float]  # lat1, lon1, lat2, lon2 -> metres
EARTH_RADIUS_M = 6_371_008.8
OBJECT_COLUMNS = ("min_age", "max_age", "free_of_charge", "barrier_free", "needs", "audience",
                  "languages", "opening_hours")  # fmt: skip


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def fits(offer: Offer, query: NearbyQuery) -> bool:
    if offer.status != "active":
        return False
    if query.needs and not set(query.needs) & set(offer.needs):
        return False
    if query.child_ages:
        lo = 0.0 if offer.min_age is None else offer.min_age
        hi = math.inf if offer.max_age is None else offer.max_age
        for_a_child = any(lo < age + 1 and hi >= age for age in query.child_ages)
        if not for_a_child and not set(offer.audience) & PARENT_AUDIENCES:
            return False
    if query.only_free and offer.free_of_charge is not True:
        return False
    if query.barrier_free and offer.barrier_free is not True:
        return False
    if query.language_required and query.languages and not set(query.languages) & set(offer.languages):
        return False
    return query.open_at is None or (
        open_state(offer.opening_hours, offer.hours_note, query.open_at) is not OpenState.CLOSED
    )


def nearest(offers: list[Offer], query: NearbyQuery, distance: Distance) -> tuple[list, bool]:
    """[(offer id, walking metres)] nearest first, and whether they lie within the distance."""
    walking = sorted(
        (distance(query.lat, query.lon, o.lat, o.lon) * DETOUR_FACTOR, o.id)
        for o in offers if fits(o, query)
    )
    within = [(i, d) for d, i in walking if d <= query.max_distance_m][: query.limit]
    if within:
        return within, True
    return [(i, d) for d, i in walking[:FALLBACK_COUNT]], False


def frame_of(offers: list[Offer]) -> pd.DataFrame:
    """Offers as the frame Repository.offers_frame gives (None stays None, lists tuples)."""
    return pd.DataFrame({
        f.name: pd.Series([getattr(o, f.name) for o in offers],
                          dtype=object if f.name in OBJECT_COLUMNS else None)
        for f in fields(Offer)
    })


LANGUAGES = ("de", "tr", "ar", "uk", "ru", "pl", "en", "fa")
NOTES = ("", "", "", "Termine nach Vereinbarung", "Anmeldung erbeten")


def random_offers(n: int, seed: int = 1) -> list[Offer]:
    """n offers spread over Bottrop with every attribute the search filters on."""
    rng = random.Random(seed)
    return [_random_offer(rng, i) for i in range(n)]


def _random_offer(rng: random.Random, i: int) -> Offer:
    low = rng.choice([None, 0, 0.5, 3, 6, 10, 14, 18])
    high = None if rng.random() < 0.2 else (low or 0) + rng.choice([2, 3, 5, 8, 12])
    days = rng.sample(range(7), rng.choice([0, 0, 1, 2, 3, 5]))
    start = rng.choice([8, 9, 10, 14, 15, 16])
    slots = tuple(OpeningSlot(d, f"{start:02d}:00", f"{start + rng.choice([1, 2, 3]):02d}:30")
                  for d in sorted(days))  # fmt: skip
    return Offer(
        id=f"r{i:05d}", name=f"Angebot {i}", provider="Träger",
        needs=tuple(rng.sample([n.code for n in NEEDS], rng.choice([1, 1, 2, 3]))),
        lat=rng.uniform(51.49, 51.62), lon=rng.uniform(6.86, 7.00),
        min_age=low, max_age=high,
        audience=tuple(rng.sample(["kinder", "eltern", "familien"], rng.choice([1, 1, 2]))),
        opening_hours=slots, hours_note=rng.choice(NOTES),
        free_of_charge=rng.choice([True, True, False, None]),
        languages=("de", *rng.sample(LANGUAGES[1:], rng.choice([0, 0, 1, 2]))),
        barrier_free=rng.choice([True, False, None]),
        status=rng.choice(["active"] * 9 + ["inactive"]),
        is_demo=True,
    )  # fmt: skip
