"""Gap classes and colours on the tiny city (gaps −2, 0, 2 for lernen)."""

from __future__ import annotations

from services.analysis.gap_map import gap_class, gap_shades, legend
from services.analysis.supply import SupplyOptions, analyse_supply, child_points
from tests.unit.analysis.city import tiny_addresses, tiny_city


def test_gap_classes_have_fixed_bounds():
    assert [gap_class(v) for v in (-2, -1.5, -1, 0, 0.5, 0.51, 1.5, 3)] == [0, 0, 1, 2, 2, 3, 3, 4]
    assert gap_class(None) is None and gap_class(float("nan")) is None


def test_shades_of_the_tiny_city(city):
    points = child_points(city.districts, tiny_addresses())
    result = analyse_supply(city, SupplyOptions(needs=("lernen",), distance_m=500), points)
    shades = {s.district_id: s for s in gap_shades(result, "lernen")}
    assert shades["A"].colour == "#2c7bb6" and shades["A"].rank == 3
    assert shades["B"].label == "etwa mittlere Lücke (−0,5 bis +0,5)"
    assert shades["C"].colour == "#d7191c" and shades["C"].rank == 1 and shades["C"].gap_score == 2


def test_missing_gap_is_grey_and_the_legend_ends_with_it(city):
    values = city.indicator_values
    values = values[values["indicator_key"] != "sgb2_u15"]
    result = analyse_supply(tiny_city(values=values), SupplyOptions(needs=("lernen",)))
    assert {(s.colour, s.label, s.rank) for s in gap_shades(result, "lernen")} == {
        ("#c8c8c8", "keine Daten", None)
    }
    assert len(legend()) == 6 and legend()[-1] == ("#c8c8c8", "keine Daten")
