import itertools
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from services.choropleth import (
    ALL_YEARS,
    BLUES,
    METHODS,
    NO_DATA_COLOUR,
    ONE_YEAR,
    YLORRD,
    build_choropleth,
    city_average,
    classify,
    equal_interval_breaks,
    fisher_jenks_breaks,
    quantile_breaks,
)
from services.indicators import INDICATORS_BY_KEY

SGB2 = INDICATORS_BY_KEY["sgb2_u15"]  # %, higher is worse
MIGRATION = INDICATORS_BY_KEY["migration_u18"]  # %, neutral
CHILDREN = INDICATORS_BY_KEY["einwohner_u18"]  # count, neutral
VALUES = [3.0, 5.5, 7.0, 9.0, 20.0, 21.0, 22.0, 40.0, 12.5, 15.0]


def _row(district, key, value, year=2023, source="Stadt Bottrop"):
    return dict(district_id=district, indicator_key=key, year=year, value=value,
                source=source, is_demo=True)


def _districts(*ids):
    boxes = [box(6.9 + i * 0.01, 51.5, 6.91 + i * 0.01, 51.51) for i in range(len(ids))]
    return gpd.GeoDataFrame({"id": list(ids), "name": [f"Bezirk {i}" for i in ids]},
                            geometry=boxes, crs="EPSG:4326")


@pytest.mark.parametrize("method", METHODS)
def test_every_method_gives_k_ascending_classes_covering_all_values(method):
    result = classify(VALUES, method, indicator=SGB2)
    assert len(result.breaks) == 5
    assert list(result.breaks) == sorted(result.breaks)
    assert result.breaks[-1] == max(VALUES)
    assert result.colours == YLORRD[5]
    assert result.colour(min(VALUES)) == YLORRD[5][0]
    assert result.colour(max(VALUES)) == YLORRD[5][-1]


def test_methods_differ_and_neutral_indicators_are_blue():
    breaks = {method: classify(VALUES, method, indicator=MIGRATION).breaks for method in METHODS}
    assert len(set(breaks.values())) == 3
    assert classify(VALUES, "quantiles", indicator=MIGRATION).colours == BLUES[5]


def test_fewer_distinct_values_than_classes():
    result = classify([1.0, 1.0, 2.0, 2.0, 2.0], "quantiles", indicator=SGB2)
    assert result.breaks == (1.0, 2.0)
    assert result.colour(1.0) != result.colour(2.0)
    assert result.labels == ("1,0 %", "2,0 %")


@pytest.mark.parametrize("method", METHODS)
def test_all_equal_values_give_one_class(method):
    result = classify([7.3, 7.3, 7.3], method, indicator=SGB2)
    assert result.breaks == (7.3,)
    assert result.labels == ("7,3 %",)
    assert result.colour(7.3) != NO_DATA_COLOUR


def test_missing_values_are_no_data():
    result = classify([None, math.nan, 10.0, 20.0, 30.0, 40.0], "equal_interval", k=3,
                      indicator=SGB2)
    assert len(result.breaks) == 3
    assert result.colour(None) == NO_DATA_COLOUR
    assert result.colour(math.nan) == NO_DATA_COLOUR
    empty = classify([None, math.nan], "quantiles", indicator=SGB2)
    assert empty.breaks == () and empty.colour(5.0) == NO_DATA_COLOUR


def test_labels_use_german_number_format():
    result = classify([12.0, 18.5, 25.0, 31.5], "equal_interval", k=3, indicator=SGB2)
    assert result.labels == ("12,0 – 18,5 %", "18,5 – 25,0 %", "25,0 – 31,5 %")
    counts = classify([1200, 1500, 1800, 2400, 3000], "equal_interval", k=3, indicator=CHILDREN)
    assert counts.labels == ("1.200 – 1.800", "1.800 – 2.400", "2.400 – 3.000")


def test_unknown_method_is_rejected():
    with pytest.raises(ValueError):
        classify(VALUES, "natural", indicator=SGB2)


def test_city_average_of_shares_is_weighted_by_children():
    values = pd.DataFrame([
        _row("a", "sgb2_u15", 10.0), _row("b", "sgb2_u15", 30.0),
        _row("a", "einwohner_u18", 1000), _row("b", "einwohner_u18", 3000),
    ])
    average = city_average(values, "sgb2_u15", 2023)
    assert average.weighted and average.value == pytest.approx(25.0)


def test_city_average_falls_back_to_mean_without_all_weights():
    values = pd.DataFrame([
        _row("a", "sgb2_u15", 10.0), _row("b", "sgb2_u15", 30.0),
        _row("a", "einwohner_u18", 1000), _row("b", "einwohner_u18", 3000, year=2022),
    ])
    average = city_average(values, "sgb2_u15", 2023)
    assert not average.weighted and average.value == pytest.approx(20.0)


def test_city_average_of_counts_is_the_mean_and_none_without_values():
    values = pd.DataFrame([_row("a", "einwohner_u18", 1000), _row("b", "einwohner_u18", 3000)])
    average = city_average(values, "einwohner_u18", 2023)
    assert not average.weighted and average.value == pytest.approx(2000.0)
    assert city_average(values, "einwohner_u18", 2020).value is None


def test_build_keeps_districts_without_values_grey():
    values = pd.DataFrame([
        _row("a", "sgb2_u15", 10.0, source="BA"), _row("b", "sgb2_u15", 30.0, source="Stadt"),
        _row("c", "sgb2_u15", 99.0, year=2020, source="alt"),  # another year
        _row("zz", "sgb2_u15", 50.0, source="fremd"),  # not on the map
    ])
    data = build_choropleth(_districts("a", "b", "c"), values, SGB2, 2023, "quantiles", ONE_YEAR)
    shades = {d.id: d for d in data.districts}
    assert list(shades) == ["a", "b", "c"]
    assert shades["c"].value is None
    assert shades["c"].colour == NO_DATA_COLOUR and shades["c"].text == "keine Daten"
    assert shades["a"].text == "10,0 %" and shades["a"].colour != NO_DATA_COLOUR
    assert data.sources == ("BA", "Stadt")
    assert data.classification.breaks[-1] == 30.0
    assert (data.indicator, data.year) == (SGB2, 2023)


# mapclassify's example data (California employment density, 58 counties) and the breaks its
# documentation gives for k=5: Fisher-Jenks [75.29, 192.05, 370.5, 722.85, 4111.45].
CALEMP = [
    329.92, 0.42, 5.9, 14.03, 2.78, 1.34, 181.27, 1.65, 10.03, 16.7, 1.32, 3.99, 3.16, 0.22,
    8.7, 6.56, 3.27, 0.33, 370.5, 4.51, 75.29, 0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7,
    12.02, 722.85, 36.68, 0.74, 29.82, 192.05, 3.38, 11.15, 110.74, 4111.45, 49.47, 10.33,
    317.11, 20.47, 264.93, 66.26, 5.39, 0.13, 0.61, 50.65, 40.48, 36.67, 13.09, 1.81, 0.2,
    7.6, 2.51, 57.26, 24.32, 6.97,
]


def test_fisher_jenks_matches_the_published_result():
    breaks = fisher_jenks_breaks(np.array(CALEMP), 5)
    assert breaks.tolist() == [75.29, 192.05, 370.5, 722.85, 4111.45]


def test_fisher_jenks_on_the_demo_like_values():
    # groups {3, 5.5, 7, 9}, {12.5, 15}, {20, 21, 22}, {40}: checked by hand and by
    # mapclassify 2.10 before it was replaced
    assert fisher_jenks_breaks(np.array(VALUES), 4).tolist() == [9.0, 15.0, 22.0, 40.0]
    assert fisher_jenks_breaks(np.array(VALUES), 5).tolist() == [5.5, 9.0, 15.0, 22.0, 40.0]


def _ssd(groups):
    return sum(((np.array(g) - np.mean(g)) ** 2).sum() for g in groups)


@pytest.mark.parametrize("seed", range(8))
def test_fisher_jenks_is_optimal_against_every_split(seed):
    """Brute force: no other split of the sorted values into k groups has a smaller
    within-class sum of squares than the one the breaks describe."""
    rng = np.random.default_rng(seed)
    values = np.round(rng.gamma(2.0, 10.0, size=int(rng.integers(7, 13))), 1)
    k = int(rng.integers(2, 5))
    ordered = np.sort(values)
    breaks = fisher_jenks_breaks(values, k)
    ours = [ordered[(ordered > low) & (ordered <= high)]
            for low, high in zip(np.concatenate(([-np.inf], breaks[:-1])), breaks)]
    best = min(
        _ssd(np.split(ordered, cuts))
        for cuts in itertools.combinations(range(1, ordered.size), k - 1)
    )
    assert len(breaks) == k and breaks[-1] == ordered[-1]
    assert _ssd(ours) == pytest.approx(best)


def test_fisher_jenks_handles_more_values_than_districts():
    values = np.concatenate([np.full(200, 1.0), np.full(300, 50.0), np.full(100, 99.0)])
    assert fisher_jenks_breaks(values, 3).tolist() == [1.0, 50.0, 99.0]


def test_quantiles_and_equal_intervals_known_values():
    assert quantile_breaks(np.arange(1000.0), 4).tolist() == [249.75, 499.5, 749.25, 999.0]
    assert quantile_breaks(np.array(VALUES), 5).tolist() == pytest.approx(
        [6.7, 11.1, 17.0, 21.2, 40.0])
    assert equal_interval_breaks(np.array(VALUES), 5).tolist() == pytest.approx(
        [10.4, 17.8, 25.2, 32.6, 40.0])


def _three_years():
    return pd.DataFrame([
        _row(d, "sgb2_u15", value, year=year)
        for year, shift in ((2019, 0.0), (2021, 5.0), (2023, 20.0))
        for d, value in (("a", 10.0 + shift), ("b", 20.0 + shift), ("c", 30.0 + shift))
    ] + [_row("zz", "sgb2_u15", 500.0, year=2019), _row("a", "alleinerziehende", 1.0)])


def test_classes_fixed_over_all_years_are_the_default():
    districts = _districts("a", "b", "c")
    by_year = {year: build_choropleth(districts, _three_years(), SGB2, year, "equal_interval")
               for year in (2019, 2023)}
    for data in by_year.values():
        assert data.scope == ALL_YEARS and data.class_years == (2019, 2021, 2023)
        # from all years of this indicator on the map: not "zz", not another indicator
        assert data.classification.breaks == (18.0, 26.0, 34.0, 42.0, 50.0)
    assert by_year[2019].classification == by_year[2023].classification
    # a colour means the same value in both years: 30 % in 2019 ("c") and in 2023 ("a")
    shade = {y: {d.id: d.colour for d in data.districts} for y, data in by_year.items()}
    assert shade[2019]["a"] == YLORRD[5][0]
    assert shade[2019]["c"] == shade[2023]["a"] == YLORRD[5][2]
    assert shade[2023]["c"] == YLORRD[5][-1]


def test_classes_of_one_year_change_with_the_year():
    districts = _districts("a", "b", "c")
    data = build_choropleth(districts, _three_years(), SGB2, 2023, "equal_interval", ONE_YEAR)
    assert data.class_years == (2023,)
    assert data.classification.breaks == (30.0, 40.0, 50.0)
    with pytest.raises(ValueError):
        build_choropleth(districts, _three_years(), SGB2, 2023, "equal_interval", "decade")
