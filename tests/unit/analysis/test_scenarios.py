"""A hypothetical lernen offer in C of the tiny city (see city.py for the layout)."""

from __future__ import annotations

import pytest

from services.analysis.scenarios import compare_scenario, hypothetical_offers_frame
from services.analysis.supply import SupplyOptions, analyse_supply, child_points
from services.scenario import HypotheticalOffer, Scenario
from tests.unit.analysis.city import lat_lon, tiny_addresses

OPTIONS = SupplyOptions(needs=("lernen", "sprache"), distance_m=500)


def lernen_in_c(name: str = "Lernhaus Castrop") -> HypotheticalOffer:
    # 200 m from C's address (2500, 100); 583 m from (2800, 800)
    return HypotheticalOffer(name, ("lernen",), *lat_lon(2500, 300), min_age=6, max_age=13)


def test_before_and_after_per_district(city):
    points = child_points(city.districts, tiny_addresses())
    result = compare_scenario(city, Scenario("Mehr Lernorte", (lernen_in_c(),)), OPTIONS, points)
    c = result.for_need("lernen").set_index("district_id").loc["C"]
    assert (c["offers_before"], c["offers_after"]) == (0, 1)
    assert (c["coverage_before"], c["coverage_after"]) == (0.0, 0.5)
    assert (c["per_1000_before"], c["per_1000_after"]) == (0.0, 2.0)
    # today's coverage 1, .5, 0 has mean .5 and sd .5: C's z goes from −1 to 0
    assert (c["gap_score_before"], c["gap_score_after"]) == (2.0, 1.0)
    assert (c["gap_rank_before"], c["gap_rank_after"]) == (1, 1)
    assert c["newly_in_reach"] == 250.0  # half of C's 500 children
    unchanged = result.for_need("lernen").set_index("district_id").loc[["A", "B"]]
    assert (unchanged["gap_score_before"] == unchanged["gap_score_after"]).all()
    assert (unchanged["newly_in_reach"] == 0).all()
    assert result.newly_in_reach().to_dict() == {"lernen": 250.0, "sprache": 0.0}


def test_the_scenario_never_touches_the_real_offers(city):
    before = len(city.offers)
    compare_scenario(city, Scenario("S", (lernen_in_c(),)), OPTIONS)
    assert len(city.offers) == before
    assert not city.offers["id"].str.startswith("szenario-").any()


def test_today_can_be_passed_in_but_must_match_the_options(city):
    points = child_points(city.districts, tiny_addresses())
    today = analyse_supply(city, OPTIONS, points)
    result = compare_scenario(city, Scenario("S", (lernen_in_c(),)), OPTIONS, points, today)
    assert result.before is today
    with pytest.raises(ValueError):
        compare_scenario(city, Scenario("S", ()), SupplyOptions(needs=("lernen",)), points, today)


def test_hypothetical_offers_get_their_district_and_a_scenario_mark(city):
    frame = hypothetical_offers_frame(Scenario("S", (lernen_in_c(), lernen_in_c("Zwei"))), city)
    assert frame["district_id"].tolist() == ["C", "C"]
    assert frame["id"].tolist() == ["szenario-1", "szenario-2"]
    assert frame["is_scenario"].all() and (frame["status"] == "active").all()


def test_bad_scenarios_are_refused_in_german(city):
    """The checks themselves: tests/unit/test_scenario.py."""
    bad = Scenario(" ", (HypotheticalOffer("", ("zaubern",), 51.5, 6.9),))
    with pytest.raises(ValueError, match="braucht einen Namen"):
        compare_scenario(city, bad, OPTIONS)


def test_an_offer_beyond_the_city_line_reaches_children_but_counts_nowhere(city):
    points = child_points(city.districts, tiny_addresses())
    outside = HypotheticalOffer("Jenseits", ("lernen",), *lat_lon(3200, 800))  # 400 m from C's
    result = compare_scenario(city, Scenario("Grenze", (outside,)), OPTIONS, points)
    c = result.for_need("lernen").set_index("district_id").loc["C"]
    assert (c["offers_after"], c["coverage_after"], c["newly_in_reach"]) == (0, 0.5, 250.0)
    assert result.table["offers_after"].sum() == result.table["offers_before"].sum()
