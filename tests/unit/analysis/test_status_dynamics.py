"""Status × dynamics on hand-made values whose z-scores are known.

One index indicator, eleven districts: deviations from the mean 20 of
(−15, −10, −10, −5, 0, 0, 0, 5, 5, 10, 20) have a sum of squares of 1,000, so the sample
standard deviation is 10 and the z-scores are the deviations / 10. The changes over two
years are the same pattern reversed and divided by 5.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from services.analysis.status_dynamics import (
    DYNAMICS_BOUNDS,
    STATUS_BOUNDS,
    classify,
    status_dynamics,
)
from services.snapshot import Snapshot
from tests.unit.analysis.city import SOURCE, tiny_city, tiny_values

DEVIATIONS = (-15, -10, -10, -5, 0, 0, 0, 5, 5, 10, 20)
Z = [d / 10 for d in DEVIATIONS]
IDS = [f"d{i:02d}" for i in range(len(DEVIATIONS))]
ONE = ("sgb2_u15",)


def snapshot(extra: dict[str, tuple[float, float, float]] | None = None) -> Snapshot:
    """Eleven districts (value 2023, value 2021, children) plus `extra` ones."""
    rows = {d: (20 + dev, 20 + dev - DEVIATIONS[-1 - i] / 5, 100) for i, (d, dev)
            in enumerate(zip(IDS, DEVIATIONS))} | (extra or {})  # fmt: skip
    values = []
    for district, (now, before, children) in rows.items():
        values += [(district, "sgb2_u15", 2023, now), (district, "sgb2_u15", 2021, before),
                   (district, "sgb2_u15", 2022, now),
                   (district, "einwohner_u18", 2023, children)]  # fmt: skip
    frame = pd.DataFrame(values, columns=["district_id", "indicator_key", "year", "value"])
    districts = gpd.GeoDataFrame(
        {"id": list(rows), "name": [f"Bezirk {d}" for d in rows]},
        geometry=[box(i, 0, i + 1, 1) for i in range(len(rows))], crs="EPSG:25832")  # fmt: skip
    return Snapshot(1, districts, frame.assign(source=SOURCE, is_demo=True), pd.DataFrame(), ())


def test_status_classes_follow_the_standard_deviations():
    result = status_dynamics(snapshot(), indicators=ONE)
    assert result.year == 2023 and result.base_year == 2021
    assert [d.status_index for d in result.districts] == pytest.approx(Z)
    assert [d.status for d in result.districts] == [
        "hoch", "hoch", "hoch", "mittel", "mittel", "mittel", "mittel", "mittel", "mittel",
        "mittel", "sehr_niedrig"]  # fmt: skip


def test_dynamics_classes_follow_the_change_over_two_years():
    result = status_dynamics(snapshot(), indicators=ONE)
    assert [d.dynamics_index for d in result.districts] == pytest.approx(Z[::-1])
    assert [d.dynamics for d in result.districts] == [
        "negativ", "stabil", "stabil", "stabil", "stabil", "stabil", "stabil", "stabil",
        "positiv", "positiv", "positiv"]  # fmt: skip
    first = result.districts[0]
    assert first.group == "hoch/negativ"
    assert first.label == "Status hoch, Dynamik negativ"
    assert first.short == "1 −" and first.colour == "#ffffb2"
    assert result.districts[-1].short == "4 +" and result.districts[-1].colour == "#e31a1c"


def test_class_bounds_belong_to_the_better_class():
    assert classify(-1.0, STATUS_BOUNDS) == "hoch"
    assert classify(1.2, STATUS_BOUNDS) == "niedrig"
    assert classify(1.5, STATUS_BOUNDS) == "niedrig"
    assert classify(1.51, STATUS_BOUNDS) == "sehr_niedrig"
    assert classify(1.0, DYNAMICS_BOUNDS) == "stabil"
    assert classify(1.01, DYNAMICS_BOUNDS) == "negativ"


def test_small_districts_are_not_classified_and_do_not_shift_the_others():
    result = status_dynamics(snapshot({"tiny": (90.0, 10.0, 25)}), indicators=ONE)
    tiny = result.of("tiny")
    assert tiny.status is None and tiny.dynamics is None and tiny.group is None
    assert "25 Kinder" in tiny.reason and "weniger als 30" in tiny.reason
    assert tiny.label == tiny.reason
    assert tiny.short == "" and tiny.colour == "#c8c8c8"
    assert [result.of(d).status_index for d in IDS] == pytest.approx(Z)


def with_residents(residents: dict[str, float], children: dict[str, float]) -> Snapshot:
    """The tiny city with these residents (all ages, 2023) and children (every year)."""
    values = tiny_values()
    for district, kids in children.items():
        values.loc[(values["district_id"] == district)
                   & (values["indicator_key"] == "einwohner_u18"), "value"] = kids  # fmt: skip
    rows = pd.DataFrame([(d, "einwohner_gesamt", 2023, n) for d, n in residents.items()],
                        columns=["district_id", "indicator_key", "year", "value"])  # fmt: skip
    return tiny_city(pd.concat([values, rows.assign(source=SOURCE, is_demo=False)]))


def test_a_district_under_300_residents_is_not_classified_and_300_is_enough():
    result = status_dynamics(
        with_residents({"A": 5000, "B": 250, "C": 300}, {"B": 40, "C": 40}), indicators=ONE)
    assert result.residents_checked
    small = result.of("B")
    assert small.status is None and small.dynamics is None
    assert "nur 250 Einwohner" in small.reason and "weniger als 300" in small.reason
    assert small.label == small.reason
    assert result.of("C").status is not None and result.of("C").reason is None
    # B is left out of mean and spread: A and C alone (10 and 30 %) give z = ∓1/√2
    assert [result.of(d).status_index for d in "AC"] == pytest.approx([-2**-0.5, 2**-0.5])


def test_without_residents_only_the_children_rule_is_checked():
    result = status_dynamics(tiny_city(), indicators=ONE)
    assert not result.residents_checked
    assert all(d.status for d in result.districts)
    other_year = status_dynamics(with_residents({"A": 5000, "B": 250, "C": 300}, {}),
                                 year=2022, indicators=ONE)  # fmt: skip
    assert not other_year.residents_checked and other_year.of("B").status is not None


def test_a_district_without_residents_where_the_city_has_them_is_not_classified():
    result = status_dynamics(with_residents({"A": 5000, "C": 3000}, {}), indicators=ONE)
    assert result.residents_checked
    assert "keine Einwohnerzahl" in result.of("B").reason and "2023" in result.of("B").reason
    assert result.of("B").status is None and result.of("A").status is not None


def test_missing_base_year_leaves_status_but_no_dynamics():
    snap = snapshot()
    values = snap.indicator_values
    snap = Snapshot(1, snap.districts, values[values["year"] != 2021], snap.offers, ())
    result = status_dynamics(snap, indicators=ONE)
    assert all(d.status for d in result.districts)
    assert all(d.dynamics is None for d in result.districts)
    assert "2021" in result.districts[0].reason
    assert result.districts[0].label == "Status hoch, Dynamik nicht bestimmbar"


def test_missing_values_and_children_are_named():
    city = tiny_city()
    values = city.indicator_values
    values = values[
        ~((values["district_id"] == "B") & (values["indicator_key"] == "einwohner_u18"))
    ]
    result = status_dynamics(Snapshot(1, city.districts, values, city.offers, ()))
    assert "keine Zahl der Kinder" in result.of("B").reason
    assert "Alleinerziehende" in result.of("A").reason  # the tiny city has only sgb2_u15


def test_demo_data_orders_the_districts_plausibly(demo):
    result = status_dynamics(demo)
    assert result.year == 2023 and result.is_demo and result.residents_checked
    assert result.indicators == (
        "sgb2_u15",
        "kinder_bg_u18",
        "alleinerziehende",
        "arbeitslosenquote",
    )
    by_name = {d.district: d for d in result.districts}
    assert by_name["Altstadt"].status == "sehr_niedrig"
    assert all(by_name[n].status == "hoch" for n in ("Grafenwald", "Kirchhellen-Nord/Feldhausen"))
    assert all(d.group for d in result.districts)
    assert set(result.frame().columns) >= {"district_id", "status", "dynamics", "group", "label"}


def test_the_tiny_city_by_hand(city):
    """SGB-II-Quote 10/20/30 %: z = −1, 0, +1 (hoch, mittel, mittel: bounds go to the better
    class); unchanged since 2021, so no spread of the change: every dynamics is stabil."""
    result = status_dynamics(city, indicators=ONE)
    assert [d.status_index for d in result.districts] == [-1.0, 0.0, 1.0]
    assert [d.group for d in result.districts] == ["hoch/stabil", "mittel/stabil", "mittel/stabil"]
    assert [d.short for d in result.districts] == ["1 +/−", "2 +/−", "2 +/−"]
    assert result.sources == ("Testquelle",) and not result.is_demo
