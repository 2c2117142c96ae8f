"""Choropleth classes, colours and the city average for one indicator and year.

Everything the district layer and its legend show is decided here, without Leaflet:
class breaks, colour-blind-safe ColorBrewer colours, German labels, and which districts have
no data (they stay on the map, grey).

The three classifications are a few lines of numpy: mapclassify, which did this before, pulls
in scipy and scikit-learn (about 1 s of import on every cold start and ~90 MB of memory).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from services.formatting import format_value
from services.indicators import INDICATORS_BY_KEY, Indicator

METHODS: tuple[str, ...] = ("quantiles", "fisher_jenks", "equal_interval")
# Whose values set the class breaks: every year of the indicator (the default: a colour means
# the same value in every year, so switching years shows change) or the shown year only.
ALL_YEARS, ONE_YEAR = "all_years", "year"
SCOPES: tuple[str, ...] = (ALL_YEARS, ONE_YEAR)
NO_DATA_COLOUR = "#c8c8c8"
WEIGHT_KEY = "einwohner_u18"  # weights for the city average of % indicators

# ColorBrewer 2.0 sequential schemes (Cynthia A. Brewer, colorbrewer2.org, Apache-2.0),
# both marked colour-blind safe there; key = number of classes.
YLORRD: dict[int, tuple[str, ...]] = {
    3: ("#ffeda0", "#feb24c", "#f03b20"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
    7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
}
BLUES: dict[int, tuple[str, ...]] = {
    3: ("#deebf7", "#9ecae1", "#3182bd"),
    4: ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"),
    5: ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
    6: ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"),
    7: ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"),
}


@dataclass(frozen=True, slots=True)
class Classification:
    """Classes as inclusive upper bounds; class i holds breaks[i-1] < v <= breaks[i]."""

    breaks: tuple[float, ...]
    colours: tuple[str, ...]
    labels: tuple[str, ...]

    def colour(self, value: float | None) -> str:
        if value is None or np.isnan(value) or not self.breaks:
            return NO_DATA_COLOUR
        index = int(np.searchsorted(self.breaks, value, side="left"))
        return self.colours[min(index, len(self.colours) - 1)]


@dataclass(frozen=True, slots=True)
class CityAverage:
    value: float | None
    weighted: bool  # True: weighted by einwohner_u18; False: plain mean of the districts


@dataclass(frozen=True, slots=True)
class DistrictShade:
    id: str
    name: str
    value: float | None
    colour: str
    text: str  # formatted value, "keine Daten" when missing


@dataclass(frozen=True, slots=True)
class ChoroplethData:
    indicator: Indicator
    year: int
    method: str
    scope: str  # ALL_YEARS or ONE_YEAR
    class_years: tuple[int, ...]  # the years whose values set the breaks
    classification: Classification
    districts: tuple[DistrictShade, ...]
    sources: tuple[str, ...]  # of the values shown
    average: CityAverage


def palette(indicator: Indicator, n: int) -> tuple[str, ...]:
    """n colours; YlOrRd where higher is worse, Blues where no direction is worse."""
    scheme = YLORRD if indicator.higher_is_worse else BLUES
    if n > max(scheme):
        raise ValueError(f"at most {max(scheme)} classes, got {n}")
    if n >= 3:
        return scheme[n]
    return {0: (), 1: (scheme[3][1],), 2: (scheme[3][0], scheme[3][2])}[n]


def _bare(value: float, indicator: Indicator) -> str:
    return format_value(value, indicator).removesuffix(" %")


def _label(low: float, high: float, indicator: Indicator) -> str:
    """A range like "12,0 – 18,5 %"; a single value when both ends print alike."""
    if _bare(low, indicator) == _bare(high, indicator):
        return format_value(high, indicator)
    suffix = " %" if indicator.unit == "%" else ""
    return f"{_bare(low, indicator)} – {_bare(high, indicator)}{suffix}"


def quantile_breaks(values: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds at the 1/k, 2/k, … 1 quantiles (linear interpolation, as mapclassify)."""
    return np.percentile(values, np.linspace(100 / k, 100, k))


def equal_interval_breaks(values: np.ndarray, k: int) -> np.ndarray:
    """k classes of equal width between the smallest and the largest value."""
    low, high = float(values.min()), float(values.max())
    breaks = low + (high - low) * np.arange(1, k + 1) / k
    breaks[-1] = high  # exactly the maximum, not a rounding error beside it
    return breaks


def fisher_jenks_breaks(values: np.ndarray, k: int) -> np.ndarray:
    """Fisher's exact optimal classes: the k groups of the sorted values with the least
    within-class sum of squared deviations; the upper bounds are each class's largest value.

    Dynamic programming over prefix sums, O(k·n²) with the inner loop in numpy: instant for
    the ~30 districts of a year (and for all years pooled), slow only for many thousands.
    """
    original = np.sort(values.astype(float))
    x = original - original.mean()  # centred: less cancellation in the prefix sums
    n, k = x.size, min(k, x.size)
    s1 = np.concatenate(([0.0], np.cumsum(x)))
    s2 = np.concatenate(([0.0], np.cumsum(x * x)))

    def ssd(starts: np.ndarray, end: int) -> np.ndarray:
        """Sum of squared deviations of x[start:end], for every start."""
        total = s1[end] - s1[starts]
        return s2[end] - s2[starts] - total * total / (end - starts)

    # cost[c, j]: least SSD of x[:j] in c + 1 classes; start[c, j]: where its last class begins
    cost = np.full((k, n + 1), np.inf)
    start = np.zeros((k, n + 1), dtype=int)
    cost[0, 1:] = s2[1:] - s1[1:] ** 2 / np.arange(1, n + 1)
    for c in range(1, k):
        for j in range(c + 1, n + 1):
            starts = np.arange(c, j)
            candidates = cost[c - 1, starts] + ssd(starts, j)
            best = int(np.argmin(candidates))  # ties: the earliest start, a longer last class
            cost[c, j], start[c, j] = candidates[best], starts[best]
    ends = [n]
    for c in range(k - 1, 0, -1):
        ends.append(start[c, ends[-1]])
    return original[np.array(ends[::-1]) - 1]


_BREAKS: dict[str, Callable[[np.ndarray, int], np.ndarray]] = {
    "quantiles": quantile_breaks,
    "fisher_jenks": fisher_jenks_breaks,
    "equal_interval": equal_interval_breaks,
}


def _method_breaks(values: np.ndarray, method: str, k: int) -> np.ndarray:
    """Upper class bounds; ties in quantiles can merge classes, so possibly fewer than k."""
    return np.unique(_BREAKS[method](values, k))


def classify(
    values: Iterable[float | None], method: str, k: int = 5, *, indicator: Indicator
) -> Classification:
    """Classify the values (NaN/None = no data) into at most k classes.

    With no more distinct values than classes, each value is its own class: any method
    would otherwise lump different values together (quantiles do on ties).
    """
    if method not in _BREAKS:
        raise ValueError(f"unknown method {method!r}, expected one of {METHODS}")
    series = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce")
    array = series.dropna().to_numpy(dtype=float)
    distinct = np.unique(array)
    if distinct.size <= k:
        breaks = distinct
        labels = [format_value(v, indicator) for v in distinct]
    else:
        breaks = _method_breaks(array, method, k)
        lows = np.concatenate(([distinct[0]], breaks[:-1]))
        labels = [_label(lo, hi, indicator) for lo, hi in zip(lows, breaks)]
    return Classification(
        breaks=tuple(float(b) for b in breaks),
        colours=palette(indicator, len(breaks)),
        labels=tuple(labels),
    )


def _values_of(values_df: pd.DataFrame, indicator_key: str, year: int) -> pd.DataFrame:
    mask = (values_df["indicator_key"] == indicator_key) & (values_df["year"] == year)
    return values_df.loc[mask]


def city_average(values_df: pd.DataFrame, indicator_key: str, year: int) -> CityAverage:
    """Shares are weighted by the districts' children (einwohner_u18, same year) when every
    district with a value has a weight; otherwise, and for counts, the districts' mean."""
    rows = _values_of(values_df, indicator_key, year)
    if rows.empty:
        return CityAverage(None, weighted=False)
    if INDICATORS_BY_KEY[indicator_key].unit == "%":
        weights = _values_of(values_df, WEIGHT_KEY, year).set_index("district_id")["value"]
        matched = rows["district_id"].map(weights)
        if matched.notna().all() and matched.sum() > 0:
            return CityAverage(float(np.average(rows["value"], weights=matched)), weighted=True)
    return CityAverage(float(rows["value"].mean()), weighted=False)


def build_choropleth(
    districts_gdf: gpd.GeoDataFrame,
    values_df: pd.DataFrame,
    indicator: Indicator,
    year: int,
    method: str,
    scope: str = ALL_YEARS,
) -> ChoroplethData:
    """One shade per district of districts_gdf; those without a value stay, grey.

    The breaks come from the values of the districts on the map: of every year of the
    indicator (ALL_YEARS) or of the shown year (ONE_YEAR).
    """
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}, expected one of {SCOPES}")
    on_map = values_df[values_df["district_id"].isin(districts_gdf["id"])]
    rows = _values_of(on_map, indicator.key, year)
    basis = on_map[on_map["indicator_key"] == indicator.key] if scope == ALL_YEARS else rows
    by_id = {d: float(v) for d, v in zip(rows["district_id"], rows["value"])}
    classification = classify(basis["value"].tolist(), method, indicator=indicator)
    shades = tuple(
        DistrictShade(
            id=str(district_id),
            name=str(name),
            value=by_id.get(district_id),
            colour=classification.colour(by_id.get(district_id)),
            text=format_value(by_id.get(district_id), indicator),
        )
        for district_id, name in zip(districts_gdf["id"], districts_gdf["name"])
    )
    return ChoroplethData(
        indicator=indicator,
        year=year,
        method=method,
        scope=scope,
        class_years=tuple(sorted(int(y) for y in basis["year"].unique())),
        classification=classification,
        districts=shades,
        sources=tuple(sorted(rows["source"].unique())),
        average=city_average(values_df, indicator.key, year),
    )
