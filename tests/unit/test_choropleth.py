import math

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from services.choropleth import (
    BLUES,
    METHODS,
    NO_DATA_COLOUR,
    YLORRD,
    build_choropleth,
    city_average,
    classify,
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
    data = build_choropleth(_districts("a", "b", "c"), values, SGB2, 2023, "quantiles")
    shades = {d.id: d for d in data.districts}
    assert list(shades) == ["a", "b", "c"]
    assert shades["c"].value is None
    assert shades["c"].colour == NO_DATA_COLOUR and shades["c"].text == "keine Daten"
    assert shades["a"].text == "10,0 %" and shades["a"].colour != NO_DATA_COLOUR
    assert data.sources == ("BA", "Stadt")
    assert data.classification.breaks[-1] == 30.0
    assert (data.indicator, data.year) == (SGB2, 2023)
