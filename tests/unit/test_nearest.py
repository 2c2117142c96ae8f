"""Nearby offers: the KD-tree index against a brute-force loop, reasons, fallback, texts."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from functools import cache

import pytest
from pyproj import Transformer

from services import freshness
from services.model import ANALYSIS_CRS, WEB_CRS, Offer, OpeningSlot
from services.nearest import (
    DETOUR_FACTOR,
    NearbyQuery,
    OfferIndex,
    Reason,
    ReasonKind,
    format_distance,
    format_walk,
    reason_text,
    result_note,
    straight_radius_m,
    walking_between,
    walking_minutes,
)
from services.opening import OpenAt
from services.taxonomy import NEEDS
from tests import nearest_reference as reference

_TO_METRIC = Transformer.from_crs(WEB_CRS, ANALYSIS_CRS, always_xy=True)
HOME = (51.5226, 6.9478)  # Feuerbachstraße


@cache
def projected(lat: float, lon: float) -> tuple[float, float]:
    return _TO_METRIC.transform(lon, lat)


def planar_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The index's own measure: straight line in EPSG:25832."""
    (x1, y1), (x2, y2) = projected(lat1, lon1), projected(lat2, lon2)
    return float(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5)


def north_of_home(metres: float) -> tuple[float, float]:
    """A point `metres` straight north of HOME (in EPSG:25832)."""
    x, y = _TO_METRIC.transform(HOME[1], HOME[0])
    lon, lat = _TO_METRIC.transform(x, y + metres, direction="INVERSE")
    return lat, lon


def offer(id: str, metres: float, **changes) -> Offer:
    lat, lon = north_of_home(metres)
    values = dict(id=id, name=f"Angebot {id}", provider="Träger", needs=("lernen",),
                  lat=lat, lon=lon)  # fmt: skip
    return Offer(**(values | changes))


def search(offers: list[Offer], **query) -> list[tuple[str, int]]:
    result = OfferIndex(reference.frame_of(offers)).query(NearbyQuery(*HOME, **query))
    return [(o.offer_id, round(o.walking_m)) for o in result.offers]


@pytest.fixture(scope="module")
def random_offers() -> list[Offer]:
    return reference.random_offers(3000, seed=7)


@pytest.fixture(scope="module")
def random_index(random_offers) -> OfferIndex:
    return OfferIndex(reference.frame_of(random_offers))


def random_query(rng: random.Random) -> NearbyQuery:
    return NearbyQuery(
        lat=rng.uniform(51.49, 51.62), lon=rng.uniform(6.86, 7.00),
        child_ages=tuple(rng.sample(range(18), rng.choice([0, 1, 2, 3]))),
        needs=tuple(rng.sample([n.code for n in NEEDS], rng.choice([0, 1, 2]))),
        languages=tuple(rng.sample(reference.LANGUAGES, rng.choice([0, 1, 2]))),
        language_required=rng.random() < 0.3,
        only_free=rng.random() < 0.3, barrier_free=rng.random() < 0.3,
        open_at=OpenAt(rng.randrange(7), rng.randrange(24 * 60)) if rng.random() < 0.5 else None,
        max_distance_m=rng.choice([500, 1000, 1500, 3000, 5000]),
        limit=rng.choice([1, 5, 10, 25]),
    )  # fmt: skip


def test_index_agrees_with_brute_force_on_random_data(random_offers, random_index):
    rng = random.Random(11)
    fallbacks = 0
    for _ in range(150):
        query = random_query(rng)
        result = random_index.query(query)
        expected, within = reference.nearest(random_offers, query, planar_m)
        assert [o.offer_id for o in result.offers] == [i for i, _ in expected], query
        assert [o.walking_m for o in result.offers] == pytest.approx([d for _, d in expected])
        assert result.within_distance is within
        fallbacks += not within
        every, _ = reference.nearest(random_offers, replace(query, limit=len(random_offers)), planar_m)
        assert random_index.count_fitting(query) == (len(every) if within else 0), query
    assert 5 <= fallbacks <= 145  # both branches were exercised


def test_results_are_sorted_by_walking_distance_and_limited():
    offers = [offer(f"o{k}", k * 100.0) for k in (7, 2, 9, 4, 1)]
    assert search(offers, max_distance_m=1000, limit=3) == [
        ("o1", 130), ("o2", 260), ("o4", 520)]
    assert search(offers, max_distance_m=500) == [("o1", 130), ("o2", 260)]


def test_walking_distance_is_straight_line_times_detour():
    found = OfferIndex(reference.frame_of([offer("a", 500.0)])).query(NearbyQuery(*HOME))
    assert found.offers[0].straight_m == pytest.approx(500.0, abs=0.01)
    assert found.offers[0].walking_m == pytest.approx(500.0 * DETOUR_FACTOR, abs=0.01)
    assert found.offers[0].minutes == 9
    assert straight_radius_m(650.0) == pytest.approx(500.0)
    assert walking_between(HOME, north_of_home(500.0)) == pytest.approx(650.0, abs=0.01)


def test_nothing_within_the_distance_gives_the_nearest_fitting_further_away():
    offers = [offer("near-but-wrong", 100.0, needs=("freizeit",)),
              offer("far", 4000.0), offer("farther", 6000.0), offer("closed", 3000.0,
              status="inactive")]  # fmt: skip
    index = OfferIndex(reference.frame_of(offers))
    result = index.query(NearbyQuery(*HOME, needs=("lernen",), max_distance_m=1000))
    assert not result.within_distance
    assert [o.offer_id for o in result.offers] == ["far", "farther"]
    assert result_note(result, 1000) == (
        "Im Umkreis von ca. 1,0 km passt kein Angebot. Die nächsten passenden Angebote "
        "liegen weiter entfernt:")
    nothing = index.query(NearbyQuery(*HOME, needs=("ausbildung",)))
    assert result_note(nothing, 1500) == (
        "Kein Angebot passt zu diesen Angaben – auch nicht weiter entfernt.")


def test_count_fitting_counts_beyond_the_limit():
    offers = [offer(f"o{k}", k * 100.0) for k in range(1, 9)] + [offer("x", 200.0, needs=("freizeit",))]
    index = OfferIndex(reference.frame_of(offers))
    query = NearbyQuery(*HOME, needs=("lernen",), max_distance_m=1000, limit=3)
    assert len(index.query(query).offers) == 3
    assert index.count_fitting(query) == 7  # o1 … o7: 700 m straight is 910 m on foot


def test_an_ended_offer_is_left_out_and_one_still_to_come_says_when_it_begins():
    day = date(2027, 3, 15)
    offers = [offer("ended", 100.0, valid_from=date(2026, 9, 1), valid_to=date(2027, 3, 14)),
              offer("running", 200.0, valid_from=date(2026, 9, 1), valid_to=date(2027, 7, 9)),
              offer("soon", 300.0, valid_from=date(2027, 4, 1)),
              offer("always", 400.0)]  # fmt: skip
    index = OfferIndex(reference.frame_of(offers))
    result = index.query(NearbyQuery(*HOME, on=day))
    assert [o.offer_id for o in result.offers] == ["running", "soon", "always"]
    misses = {o.offer_id: [reason_text(r) for r in o.misses] for o in result.offers}
    assert misses == {"running": ["nur bis 09.07.2027"], "soon": ["beginnt erst am 01.04.2027"],
                      "always": []}  # fmt: skip
    assert index.count_fitting(NearbyQuery(*HOME, on=day)) == 3
    last_day = index.query(NearbyQuery(*HOME, on=date(2027, 3, 14)))
    assert "ended" in [o.offer_id for o in last_day.offers]  # its last day still counts
    assert len(index.query(NearbyQuery(*HOME)).offers) == 4  # no day: no period check


def test_several_children_and_parents_offers():
    offers = [offer("kita", 100.0, min_age=3, max_age=6), offer("teens", 200.0, min_age=12,
              max_age=17), offer("baby", 300.0, min_age=0, max_age=1),
              offer("debts", 400.0, min_age=18, audience=("eltern",))]  # fmt: skip
    assert [i for i, _ in search(offers, child_ages=(4, 13))] == ["kita", "teens", "debts"]
    result = OfferIndex(reference.frame_of(offers)).query(NearbyQuery(*HOME, child_ages=(4, 13)))
    kita, teens, debts = result.offers
    assert [reason_text(r) for r in kita.fits] == ["für das Kind (4 J.)"]
    assert [reason_text(r) for r in kita.misses] == ["nicht für das Kind (13 J.)"]
    assert [reason_text(r) for r in teens.fits] == ["für das Kind (13 J.)"]
    assert [reason_text(r) for r in debts.fits] == ["für Eltern und Familien"]
    assert debts.misses == ()


def test_reasons_name_need_language_cost_access_and_hours():
    wednesday_3pm = OpenAt(2, 15 * 60)
    offers = [
        offer("turkish", 100.0, needs=("lernen", "sprache"), languages=("de", "tr"),
              free_of_charge=True, barrier_free=True,
              opening_hours=(OpeningSlot(2, "14:00", "17:00"),)),
        offer("german", 200.0, free_of_charge=True, barrier_free=True,
              hours_note="Termine nach Vereinbarung"),
        offer("unknown-hours", 300.0, free_of_charge=True, barrier_free=True),
        offer("closed-then", 50.0, free_of_charge=True, barrier_free=True,
              opening_hours=(OpeningSlot(0, "09:00", "12:00"),)),
        offer("fee", 60.0, free_of_charge=False, barrier_free=True),
        offer("steps", 70.0, free_of_charge=True, barrier_free=None),
    ]  # fmt: skip
    query = NearbyQuery(*HOME, needs=("sprache", "lernen"), languages=("tr", "ar"),
                        only_free=True, barrier_free=True, open_at=wednesday_3pm)
    result = OfferIndex(reference.frame_of(offers)).query(query)
    texts = {o.offer_id: ([reason_text(r) for r in o.fits], [reason_text(r) for r in o.misses])
             for o in result.offers}  # fmt: skip
    assert texts == {
        "turkish": (["hilft bei: Sprachförderung", "hilft bei: Lernen & Hausaufgaben",
                     "auf Türkisch", "kostenlos", "barrierefrei", "geöffnet Mi 15:00 Uhr"], []),
        "german": (["hilft bei: Lernen & Hausaufgaben", "kostenlos", "barrierefrei"],
                   ["nur Deutsch", "Termine nach Vereinbarung"]),
        "unknown-hours": (["hilft bei: Lernen & Hausaufgaben", "kostenlos", "barrierefrei"],
                          ["nur Deutsch", "Öffnungszeiten nicht bekannt – bitte erfragen"]),
    }  # fmt: skip
    assert [i for i, _ in search(offers, languages=("tr",), language_required=True)] == ["turkish"]


def test_empty_index_and_a_reason_for_babies():
    assert OfferIndex(reference.frame_of([])).query(NearbyQuery(*HOME)).offers == ()
    assert reason_text(Reason(ReasonKind.CHILD, 0)) == "für das Kind (unter 1 J.)"
    assert reason_text(Reason(ReasonKind.LANGUAGE_MISSING, ("de", "en"))) == "nur Deutsch, Englisch"


@pytest.mark.parametrize(("metres", "text"), [
    (12, "ca. 10 m, ca. 1 Min. zu Fuß"),
    (84, "ca. 80 m, ca. 1 Min. zu Fuß"),
    (650, "ca. 650 m, ca. 9 Min. zu Fuß"),
    (674, "ca. 650 m, ca. 9 Min. zu Fuß"),
    (990, "ca. 1,0 km, ca. 13 Min. zu Fuß"),
    (1234, "ca. 1,2 km, ca. 16 Min. zu Fuß"),
    (12_345, "ca. 12 km, ca. 165 Min. zu Fuß"),
])
def test_walk_text(metres, text):
    assert format_walk(metres) == text


def test_distance_and_minutes_edges():
    assert format_distance(0) == "ca. 10 m"
    assert format_distance(5000) == "ca. 5,0 km"
    assert walking_minutes(0) == 1


def test_a_stale_offer_says_it_was_not_checked_for_months(monkeypatch):
    monkeypatch.setenv("QA_STALE_MONTHS", "12")
    frame = reference.frame_of([offer("old", 100.0), offer("new", 200.0)])
    frame[freshness.STALE_COLUMN] = [True, False]
    found = {o.offer_id: o.misses for o in OfferIndex(frame).query(NearbyQuery(*HOME)).offers}
    assert found == {"old": (Reason(ReasonKind.STALE, 12),), "new": ()}
    assert reason_text(found["old"][0]) == "zuletzt geprüft vor über 12 Monaten"
