"""Supply analysis on the tiny city: every number is known by hand (see city.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from services.analysis import supply
from services.analysis.supply import (
    ALL_CHOSEN,
    SupplyOptions,
    analyse_supply,
    child_points,
)
from tests.unit.analysis.city import X0, Y0, lat_lon, offer, tiny_addresses, tiny_city

NEAR = SupplyOptions(needs=("lernen", "sprache"), distance_m=500)


def rows(result, need):
    return result.for_need(need).set_index("district_id")


def test_address_spread_gives_the_hand_computed_table(city):
    points = child_points(city.districts, tiny_addresses())
    result = analyse_supply(city, NEAR, points)
    lernen = rows(result, "lernen")
    assert lernen["offers"].to_dict() == {"A": 1, "B": 1, "C": 0}
    assert lernen["coverage"].to_dict() == {"A": 1.0, "B": 0.5, "C": 0.0}
    assert lernen["per_1000"].to_dict() == {"A": 0.5, "B": 1.0, "C": 0.0}
    assert lernen["children_in_reach"].to_dict() == {"A": 2000.0, "B": 500.0, "C": 0.0}
    assert lernen["need_z"].to_dict() == {"A": -1.0, "B": 0.0, "C": 1.0}
    assert lernen["gap_score"].to_dict() == {"A": -2.0, "B": 0.0, "C": 2.0}
    assert list(lernen.index) == ["C", "B", "A"]  # ranked by gap
    assert lernen["gap_rank"].tolist() == [1, 2, 3]
    sprache = rows(result, "sprache")  # the inactive o3 neither counts nor covers
    assert sprache["offers"].to_dict() == {"A": 0, "B": 0, "C": 1}
    assert sprache["coverage"].to_dict() == {"A": 0.0, "B": 0.0, "C": 1.0}
    assert result.spread_method == "addresses"
    assert result.year == 2023 and result.children_year == 2023


def test_age_group_narrows_offers_and_children(city):
    points = child_points(city.districts, tiny_addresses())
    result = analyse_supply(city, SupplyOptions(needs=("lernen",), age_groups=("6-9",),
                                                distance_m=500), points)  # fmt: skip
    lernen = rows(result, "lernen")
    assert lernen["offers"].to_dict() == {"A": 1, "B": 0, "C": 0}  # o2 is for 0–2 only
    assert lernen["coverage"].to_dict() == {"A": 1.0, "B": 0.0, "C": 0.0}
    assert lernen.loc["A", "children"] == pytest.approx(2000 * 4 / 18)
    assert lernen.loc["A", "per_1000"] == pytest.approx(1000 / (2000 * 4 / 18))


def test_age_share_covers_years_0_to_17_only():
    assert supply.age_share(()) == 1.0
    assert supply.age_share(("0-2", "3-5")) == pytest.approx(6 / 18)
    assert supply.age_share(("14-17", "18-26")) == pytest.approx(4 / 18)
    assert supply.age_share(("18-26",)) == 0.0
    assert supply.age_share(("eltern", "0-2")) == 1.0


def test_no_children_of_the_ages_gives_no_per_1000(city):
    result = analyse_supply(city, SupplyOptions(needs=("lernen",), age_groups=("18-26",)))
    assert result.table["per_1000"].isna().all()
    assert (result.table["children"] == 0).all()


def test_combined_row_counts_any_chosen_need(city):
    points = child_points(city.districts, tiny_addresses())
    result = analyse_supply(city, SupplyOptions(needs=("lernen", "sprache"), distance_m=500,
                                                combined=True), points)  # fmt: skip
    both = rows(result, ALL_CHOSEN)
    assert both["offers"].to_dict() == {"A": 1, "B": 1, "C": 1}
    assert both["coverage"].to_dict() == {"A": 1.0, "B": 0.5, "C": 1.0}
    assert set(both["need_label"]) == {"Alle gewählten Bedarfe"}


def test_grid_spread_fills_the_area_evenly(city):
    points = child_points(city.districts, grid_m=100)
    assert points.method == "area_grid"
    assert np.bincount(points.district).tolist() == [100, 100, 100]
    np.testing.assert_allclose(np.bincount(points.district, weights=points.weight), 1.0)
    # An offer 5 km west with 5.5 km reach covers A's five western grid columns (x ≤ 450 m;
    # the farthest of them, (450, 50), is 5,468.5 m away) and none of the others (≥ 5,550 m).
    far_west = offer("w", "lernen", -5_000, 500)
    city = tiny_city(offers=[far_west])
    result = analyse_supply(city, SupplyOptions(needs=("lernen",), distance_m=5_500), points)
    assert rows(result, "lernen")["coverage"].to_dict() == pytest.approx({"A": 0.5, "B": 0, "C": 0})


def test_a_district_without_addresses_falls_back_to_the_grid(city):
    only_a = tiny_addresses().iloc[:2]
    points = child_points(city.districts, only_a, grid_m=100)
    assert points.methods == ("addresses", "area_grid", "area_grid")
    assert points.method == "mixed"
    assert np.bincount(points.district).tolist() == [2, 100, 100]


def test_a_district_smaller_than_the_grid_gets_one_point(city):
    points = child_points(city.districts, grid_m=5000)
    assert np.bincount(points.district).tolist() == [1, 1, 1]


def test_lower_is_worse_indicators_turn_need_around(city):
    values = city.indicator_values.copy()
    values["indicator_key"] = values["indicator_key"].replace({"sgb2_u15": "migration_u18"})
    result = analyse_supply(tiny_city(values=values), SupplyOptions(
        needs=("lernen",), indicator_key="migration_u18"))  # fmt: skip
    # migration_u18 has no direction: a higher share counts as more need
    assert rows(result, "lernen")["need_z"].to_dict() == {"A": -1.0, "B": 0.0, "C": 1.0}


def test_missing_need_value_leaves_the_district_unranked(city):
    values = city.indicator_values
    values = values[~((values["district_id"] == "C") & (values["indicator_key"] == "sgb2_u15"))]
    result = analyse_supply(tiny_city(values=values), SupplyOptions(needs=("lernen",)))
    lernen = rows(result, "lernen")
    assert np.isnan(lernen.loc["C", "gap_score"]) and lernen.loc["C", "gap_rank"] is pd.NA


def test_sources_and_demo_flag_travel_with_the_result(city, demo):
    result = analyse_supply(city, SupplyOptions(needs=("lernen",)))
    assert result.sources == ("Angebotsverzeichnis des Quartiersatlas Bottrop", "Testquelle")
    assert not result.is_demo
    assert analyse_supply(demo, SupplyOptions(needs=("lernen",))).is_demo


def test_points_of_another_layer_are_refused(city, demo):
    with pytest.raises(ValueError):
        analyse_supply(city, NEAR, child_points(demo.districts))


def test_demo_city_covers_every_district_and_need(demo):
    result = analyse_supply(demo)
    assert len(result.table) == 17 * 11
    assert result.table["coverage"].between(0, 1).all()
    assert result.table["gap_rank"].notna().all()
    # the demo offers sit in their districts, so every district has some offer
    assert (result.table.groupby("district_id")["offers"].sum() > 0).all()
    assert result.year == 2023 and result.is_demo


def test_offer_positions_are_projected_to_metres():
    lat, lon = lat_lon(250, 750)
    xy = supply.offer_xy(pd.DataFrame({"lat": [lat], "lon": [lon]}))
    np.testing.assert_allclose(xy, [[X0 + 250, Y0 + 750]], atol=1e-3)


def test_block_shortcut_agrees_with_every_distance():
    """PointBlocks decides whole blocks at once; it must give the brute-force answer."""
    from scipy.spatial import cKDTree

    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 4000, (3000, 2))
    offers = rng.uniform(0, 4000, (40, 2))
    blocks = supply.PointBlocks.of(xy, size_m=500)
    for distance in (50.0, 300.0, 1000.0):
        expected = (
            np.hypot(*(xy[:, None, :] - offers[None, :, :]).transpose(2, 0, 1)) <= distance
        ).any(axis=1)
        assert (blocks.within(cKDTree(offers), distance) == expected).all()


def test_reach_includes_the_exact_distance():
    from scipy.spatial import cKDTree

    blocks = supply.PointBlocks.of(np.array([[0.0, 0.0], [300.0, 400.0], [301.0, 400.0]]))
    assert blocks.within(cKDTree(np.array([[0.0, 0.0]])), 500.0).tolist() == [True, True, False]


def test_addresses_may_come_as_a_lat_lon_table(city):
    layer = tiny_addresses().to_crs("EPSG:4326")
    table = pd.DataFrame({"lat": layer.geometry.y, "lon": layer.geometry.x})
    from_layer = child_points(city.districts, tiny_addresses())
    from_table = child_points(city.districts, table)
    np.testing.assert_allclose(from_table.x, from_layer.x, atol=1e-4)
    assert from_table.methods == ("addresses",) * 3


def test_unusable_options_are_refused_in_german(city):
    bad = SupplyOptions(needs=("zaubern",), age_groups=("99-100",), distance_m=0,
                        indicator_key="glueck")  # fmt: skip
    with pytest.raises(ValueError) as refused:
        analyse_supply(city, bad)
    message = str(refused.value)
    assert "Unbekannter Bedarf „zaubern“" in message and "Altersgruppe „99-100“" in message
    assert "Entfernung muss größer als 0 und höchstens 10.000 m" in message
    assert "Kennzahl „glueck“" in message
    assert supply.option_problems(SupplyOptions(needs=())) == ["Bitte mindestens einen Bedarf wählen."]
    assert supply.option_problems(SupplyOptions()) == []
