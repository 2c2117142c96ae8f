"""The district profile on the tiny city: averages, differences, ranks, offices, neighbours."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from services.analysis.profiles import district_profile, format_difference
from services.indicators import INDICATORS_BY_KEY
from tests.unit.analysis.city import tiny_city, tiny_values

# children 2000/1000/500 weight the SGB-II-Quote 10/20/30 %: 55,000 / 3,500
CITY_SGB2 = 55_000 / 3_500


def row(profile, key):
    return next(r for r in profile.indicators if r.indicator.key == key)


def test_every_catalogue_indicator_with_average_difference_and_rank(city):
    profile = district_profile(city, "A", today=date(2026, 11, 28))
    assert profile.year == 2023 and profile.name == "Altdorf" and profile.stadtbezirk == "Mitte"
    assert [r.indicator.key for r in profile.indicators] == [
        "sgb2_u15", "kinder_bg_u18", "alleinerziehende", "arbeitslosenquote", "migration_u18",
        "einwohner_u18", "einwohner_gesamt"]  # fmt: skip
    sgb2 = row(profile, "sgb2_u15")
    assert (
        sgb2.value.value == 10.0 and sgb2.value.source == "Testquelle" and sgb2.value.year == 2023
    )
    assert sgb2.city_average == pytest.approx(CITY_SGB2) and sgb2.average_weighted
    assert sgb2.difference == pytest.approx(10 - CITY_SGB2)
    assert (sgb2.rank, sgb2.ranked) == (3, 3)
    assert sgb2.value_text == "10,0 %" and sgb2.difference_text == "−5,7 Pp."
    children = row(profile, "einwohner_u18")  # counts: plain mean, no weights
    assert children.city_average == pytest.approx(3500 / 3) and not children.average_weighted
    assert children.rank == 1
    missing = row(profile, "alleinerziehende")
    assert missing.value.value is None and missing.rank is None and missing.ranked == 0
    assert missing.value_text == "keine Daten"
    assert row(profile, "einwohner_gesamt").value_text == "keine Daten"  # not in the tiny city


def test_trend_against_the_city(city):
    trend = next(t for t in district_profile(city, "C").trends if t.indicator.key == "sgb2_u15")
    assert trend.years == (2021, 2022, 2023)
    assert trend.district == (30.0, 30.0, 30.0)
    assert trend.city == pytest.approx((CITY_SGB2,) * 3)
    frame = trend.frame("Castrop-Süd")
    assert list(frame["series"].unique()) == ["Castrop-Süd", "Stadtdurchschnitt"]
    assert len(frame) == 6


def test_offers_by_need_per_1000_children(city):
    by_need = {n.need: n for n in district_profile(city, "C").offers_by_need}
    assert len(by_need) == 11
    assert by_need["sprache"].offers == 1  # o3 is inactive
    assert by_need["sprache"].per_1000 == pytest.approx(2.0)
    assert by_need["lernen"].offers == 0 and by_need["lernen"].per_1000 == 0.0
    assert by_need["sprache"].children.value == 500.0


def test_offers_by_need_for_an_age_group(city):
    by_need = {n.need: n for n in district_profile(city, "B", age_groups=("6-9",)).offers_by_need}
    assert by_need["lernen"].offers == 0  # o2 is for 0–2 only
    assert by_need["lernen"].children.value == pytest.approx(1000 * 4 / 18)


def test_offices_inside_and_near(city):
    b = district_profile(city, "B").offices
    assert [(n.office.id, n.inside, n.distance_m) for n in b] == [("b1", True, 0.0)]
    a = district_profile(city, "A").offices  # b1 stands 200 m beyond A's border
    assert [(n.office.id, n.inside) for n in a] == [("b1", False)]
    assert a[0].distance_m == pytest.approx(200, abs=0.01)
    c = district_profile(city, "C").offices
    assert [n.office.id for n in c] == ["b2"]  # b3 is kilometres away


def test_similar_districts_by_standardised_shares(city):
    similar = district_profile(city, "A").similar
    assert [(s.district_id, s.name) for s in similar] == [("B", "Bergfeld"), ("C", "Castrop-Süd")]
    assert [s.distance for s in similar] == pytest.approx([1.0, 2.0])


def test_similar_districts_ignore_the_size_of_the_population():
    """Counts (children, residents of all ages) are left out: size is no social profile."""
    residents = pd.DataFrame({"district_id": ["A", "B", "C"], "indicator_key": "einwohner_gesamt",
                              "year": 2023, "value": [90_000.0, 500.0, 12_000.0],
                              "source": "Testquelle", "is_demo": False})  # fmt: skip
    city = tiny_city(pd.concat([tiny_values(), residents], ignore_index=True))
    assert [s.distance for s in district_profile(city, "A").similar] == pytest.approx([1.0, 2.0])


def test_unknown_district_is_an_error(city):
    with pytest.raises(KeyError):
        district_profile(city, "Z")


def test_format_difference():
    share, count = INDICATORS_BY_KEY["sgb2_u15"], INDICATORS_BY_KEY["einwohner_u18"]
    assert format_difference(3.25, share) == "+3,2 Pp."
    assert format_difference(0.0, share) == "±0,0 Pp."
    assert format_difference(-0.0101, share) == "±0,0 Pp."  # the sign of what is printed
    assert format_difference(0.04, count) == "±0"
    assert format_difference(-1234.0, count) == "−1.234"
    assert format_difference(None, share) == "keine Daten"


def test_demo_profile_is_labelled_and_complete(demo):
    profile = district_profile(demo, "42")
    assert profile.name == "Batenbrock-Süd" and profile.is_demo
    assert all(r.value.value is not None for r in profile.indicators)
    assert all(r.value.is_demo for r in profile.indicators)
    assert {n.office.id for n in profile.offices} >= {"real-quartiersbuero-feuerbachstrasse"}
    assert len(profile.similar) == 3 and "42" not in {s.district_id for s in profile.similar}
    assert profile.status is not None and profile.status.group
    assert any("Demo-Daten" in s for s in profile.sources)
    assert all(len(t.years) == 5 for t in profile.trends)


def test_precomputed_averages_give_the_same_profile(demo):
    from services.analysis.profiles import city_averages
    from services.analysis.status_dynamics import status_dynamics

    shared = city_averages(demo.indicator_values)
    classes = status_dynamics(demo)
    day = date(2026, 11, 28)
    fast = district_profile(demo, "11", classes=classes, averages=shared, today=day)
    assert fast == district_profile(demo, "11", today=day)
