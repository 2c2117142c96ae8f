"""The district profile ("Bezirksprofil"): everything a council member asks about one district.

Every indicator of the catalogue with the city average (choropleth.city_average, the same
figure the map legend shows), the difference and the rank; trends against the city; the
children 0–17; offers by need per 1,000 children of the matching ages (the supply analysis'
own counting); the Quartiersbüros in or near the district; the three districts with the
most similar standardised indicator profile; the status × dynamics class. Each figure
carries its source, year and demo flag, so a page and a PDF print the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import shapely

from services.analysis import supply
from services.analysis.standardise import zscores
from services.analysis.status_dynamics import (
    DistrictClass,
    StatusDynamics,
    status_dynamics,
)
from services.choropleth import CityAverage, city_average
from services.formatting import format_signed, format_value
from services.indicators import INDICATORS, Indicator
from services.model import Office
from services.snapshot import Snapshot
from services.taxonomy import NEEDS
from services.texts import analysis as t

NEAR_OFFICE_M = 500.0  # offices this close to the district's border count as "near"
SIMILAR_COUNT = 3


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its provenance."""

    value: float | None
    source: str
    year: int | None
    is_demo: bool


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    indicator: Indicator
    value: Figure
    city_average: float | None
    average_weighted: bool  # True: weighted by the districts' children
    difference: float | None  # value − city average, in the indicator's unit
    rank: int | None  # 1 = the highest value among the districts
    ranked: int  # how many districts have a value

    @property
    def value_text(self) -> str:
        return format_value(self.value.value, self.indicator)

    @property
    def average_text(self) -> str:
        return format_value(self.city_average, self.indicator)

    @property
    def difference_text(self) -> str:
        return format_difference(self.difference, self.indicator)


@dataclass(frozen=True)
class Trend:
    """One indicator over the years: the district against the city average."""

    indicator: Indicator
    years: tuple[int, ...]
    district: tuple[float | None, ...]
    city: tuple[float | None, ...]

    def frame(self, district_name: str) -> pd.DataFrame:
        """Long form for a line chart: year, series (German), value."""
        return pd.DataFrame(
            {
                "year": list(self.years) * 2,
                "series": [district_name] * len(self.years) + [t.CITY_SERIES] * len(self.years),
                "value": list(self.district) + list(self.city),
            }
        )


@dataclass(frozen=True, slots=True)
class NeedSupply:
    need: str
    label: str
    offers: int
    children: Figure  # of the matching ages
    per_1000: float | None


@dataclass(frozen=True, slots=True)
class NearbyOffice:
    office: Office
    distance_m: float  # to the district's border; 0 inside
    inside: bool


@dataclass(frozen=True, slots=True)
class SimilarDistrict:
    district_id: str
    name: str
    distance: float  # root mean square of the z-score differences


@dataclass(frozen=True)
class DistrictProfile:
    district_id: str
    name: str
    stadtbezirk: str
    year: int
    indicators: tuple[IndicatorRow, ...]
    trends: tuple[Trend, ...]
    children: Figure
    offers_by_need: tuple[NeedSupply, ...]
    offers_as_of: date
    offices: tuple[NearbyOffice, ...]
    similar: tuple[SimilarDistrict, ...]
    status: DistrictClass | None
    classes: StatusDynamics  # the classification the status comes from (its year, sources)
    age_groups: tuple[str, ...]  # the ages offers and children were narrowed to; () = 0–17
    is_demo: bool

    @property
    def ages_label(self) -> str:
        """The ages of the offers-by-need figures in words ("alle (0–17 J.)" by default)."""
        return supply.ages_label(self.age_groups)

    @property
    def indicator_sources(self) -> tuple[str, ...]:
        """The sources of the indicator values (table, headlines, trends)."""
        found = {row.value.source for row in self.indicators if row.value.source}
        return tuple(sorted(found | {self.children.source} - {""}))

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source a figure of the profile comes from, for the footer."""
        every = {*self.indicator_sources, *self.classes.sources, t.OFFERS_SOURCE}
        return tuple(sorted(every - {""}))


def format_difference(value: float | None, indicator: Indicator) -> str:
    """A difference as "+3,2 Pp." for shares, "−120" for counts; "keine Daten" when missing."""
    if value is None or not np.isfinite(value):
        return format_value(None, indicator)
    if indicator.unit == "%":
        return format_signed(value, 1) + " " + t.PERCENTAGE_POINTS
    return format_signed(value)


def district_profile(
    snapshot: Snapshot,
    district_id: str,
    year: int | None = None,
    age_groups: Sequence[str] = (),
    classes: StatusDynamics | None = None,
    today: date | None = None,
    averages: CityAverages | None = None,
) -> DistrictProfile:
    """The profile of one district for `year` (default: the newest year with values).

    Raises KeyError for an unknown district and ValueError (German) without any values.

    `classes` and `averages` (city_averages) may be passed when the caller shows several
    profiles of one snapshot (presentation mode, a PDF of all districts): they do not
    depend on the district. `age_groups` narrow offers and children by ages.
    """
    districts = snapshot.districts
    row = districts.loc[districts["id"] == district_id]
    if row.empty:
        raise KeyError(district_id)
    values = snapshot.indicator_values
    if values.empty:
        raise ValueError(t.NO_INDICATOR_VALUES)
    year = year or int(values["year"].max())
    classes = classes or status_dynamics(snapshot, year)
    lookup = _Lookup(values, district_id, averages or city_averages(values))
    children = lookup.figure(supply.CHILDREN_KEY, year)
    return DistrictProfile(
        district_id=district_id,
        name=str(row["name"].iloc[0]),
        stadtbezirk=str(row["stadtbezirk"].iloc[0]) if "stadtbezirk" in row else "",
        year=year,
        indicators=tuple(lookup.indicator_row(i, year) for i in INDICATORS),
        trends=tuple(lookup.trend(i) for i in INDICATORS),
        children=children,
        offers_by_need=_offers_by_need(snapshot, district_id, age_groups, children),
        offers_as_of=today or date.today(),
        offices=nearby_offices(snapshot, district_id),
        similar=similar_districts(snapshot, district_id, year),
        status=classes.of(district_id),
        classes=classes,
        age_groups=tuple(age_groups),
        is_demo=snapshot.any_demo,
    )


CityAverages = dict[tuple[str, int], CityAverage]


def city_averages(values: pd.DataFrame) -> CityAverages:
    """choropleth.city_average for every indicator and year, computed once per snapshot."""
    averages: CityAverages = {}
    for year, frame in values.groupby("year"):
        for key in frame["indicator_key"].unique():
            averages[(str(key), int(year))] = city_average(frame, str(key), int(year))
    return averages


class _Lookup:
    """The values indexed once per profile: the district's own figures, each year's values
    (for ranks) and the city averages."""

    def __init__(self, values: pd.DataFrame, district_id: str, averages: CityAverages):
        self._averages = averages
        own = values[values["district_id"] == district_id]
        self._own = {
            (r.indicator_key, int(r.year)): Figure(float(r.value), str(r.source), int(r.year),
                                                   bool(r.is_demo))
            for r in own.itertuples(index=False)
        }  # fmt: skip
        self._by_year = {int(y): frame for y, frame in values.groupby("year")}
        years = values.groupby("indicator_key")["year"].unique()
        self._years = {key: tuple(sorted(int(y) for y in ys)) for key, ys in years.items()}

    def figure(self, key: str, year: int) -> Figure:
        return self._own.get((key, year), Figure(None, "", year, False))

    def average(self, key: str, year: int) -> CityAverage:
        return self._averages.get((key, year), CityAverage(None, weighted=False))

    def indicator_row(self, indicator: Indicator, year: int) -> IndicatorRow:
        figure = self.figure(indicator.key, year)
        average = self.average(indicator.key, year)
        frame = self._by_year.get(year, pd.DataFrame(columns=["indicator_key", "value"]))
        others = frame.loc[frame["indicator_key"] == indicator.key, "value"]
        rank = None if figure.value is None else int((others > figure.value).sum()) + 1
        difference = None
        if figure.value is not None and average.value is not None:
            difference = figure.value - average.value
        return IndicatorRow(indicator, figure, average.value, average.weighted, difference,
                            rank, int(others.notna().sum()))  # fmt: skip

    def trend(self, indicator: Indicator) -> Trend:
        years = self._years.get(indicator.key, ())
        own = tuple(self.figure(indicator.key, y).value for y in years)
        return Trend(
            indicator, years, own, tuple(self.average(indicator.key, y).value for y in years)
        )


def _offers_by_need(snapshot: Snapshot, district_id: str, age_groups, children: Figure):
    """Active offers located in the district per need, and per 1,000 children of the ages."""
    matching = supply.matching_offers(snapshot.offers, age_groups)
    matching = matching[matching["district_id"] == district_id]
    codes = [n.code for n in NEEDS]
    counts = supply.need_matrix(matching["needs"], codes).sum(axis=0)
    share = supply.age_share(age_groups)
    kids = None if children.value is None else children.value * share
    kids_figure = Figure(kids, children.source, children.year, children.is_demo)
    return tuple(
        NeedSupply(need.code, need.label, int(n), kids_figure, n / kids * 1000 if kids else None)
        for need, n in zip(NEEDS, counts)
    )


def nearby_offices(
    snapshot: Snapshot, district_id: str, near_m: float = NEAR_OFFICE_M
) -> tuple[NearbyOffice, ...]:
    """Offices inside the district or within `near_m` of its border, nearest first."""
    if not snapshot.offices:
        return ()
    geometry = snapshot.districts.loc[snapshot.districts["id"] == district_id].geometry.iloc[0]
    lat = np.array([o.lat for o in snapshot.offices])
    lon = np.array([o.lon for o in snapshot.offices])
    xy = supply.offer_xy(pd.DataFrame({"lat": lat, "lon": lon}))
    distances = shapely.distance(shapely.points(xy), geometry)
    found = [
        NearbyOffice(office, float(d), bool(d == 0))
        for office, d in zip(snapshot.offices, distances)
        if d <= near_m
    ]
    return tuple(sorted(found, key=lambda n: (n.distance_m, n.office.name)))


def similar_districts(
    snapshot: Snapshot, district_id: str, year: int, count: int = SIMILAR_COUNT
) -> tuple[SimilarDistrict, ...]:
    """The districts whose standardised share indicators are closest (root mean square).

    Only shares (%) count: a district's size says nothing about its social profile.
    Indicators missing in either district are left out of that pair's comparison.
    """
    keys = [i.key for i in INDICATORS if i.unit == "%"]
    values = snapshot.indicator_values
    rows = values[values["indicator_key"].isin(keys) & (values["year"] == year)]
    wide = rows.pivot_table(index="district_id", columns="indicator_key", values="value")
    wide = wide.reindex(columns=keys)
    wide = wide[wide.index.isin(snapshot.districts["id"])]
    if district_id not in wide.index:
        return ()
    z = pd.DataFrame({k: zscores(wide[k].to_numpy()) for k in keys}, index=wide.index)
    squared = (z - z.loc[district_id]) ** 2
    distance = np.sqrt(squared.mean(axis=1, skipna=True)).drop(district_id).dropna()
    names = dict(zip(snapshot.districts["id"], snapshot.districts["name"]))
    ranked = sorted(distance.items(), key=lambda item: (item[1], item[0]))[:count]
    return tuple(SimilarDistrict(d, str(names.get(d, d)), float(v)) for d, v in ranked)
