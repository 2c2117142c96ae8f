"""Supply analysis ("Versorgungslücken"): children, offers, per 1,000, coverage, gap score.

For each district × need (optionally restricted to age groups):
- children of the matching ages: `einwohner_u18` × the share of the 18 age years 0–17 the
  chosen age groups cover (a uniform age distribution; no finer counts are imported yet);
- offers: active offers of the need and ages whose position lies in the district;
- offers per 1,000 children;
- coverage: the share of the district's children living within `distance_m` (straight line
  in EPSG:25832) of at least one matching active offer, wherever that offer is (also across
  the district border). Children are spread over sample points (`ChildPoints`): imported
  residential addresses with equal weight, or a regular grid over the district's area;
- gap score = z(need indicator) − z(coverage): above 0, need is higher and/or coverage lower
  than in the average district. Rank 1 is the largest gap.

Everything is vectorised: one k-d tree of matching offers per need and one bounded nearest
query for all sample points; offers are counted with numpy. See docs/methods.md and
bench/bench_gap.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from services import filters
from services.analysis.standardise import Spread, spread, zscores
from services.formatting import format_number
from services.geo import to_analysis_crs
from services.indicators import DEFAULT_INDICATOR, INDICATORS_BY_KEY, Indicator
from services.model import ANALYSIS_CRS, WEB_CRS, Address
from services.snapshot import Snapshot
from services.taxonomy import AGE_GROUPS_BY_CODE, NEEDS, NEEDS_BY_CODE, PARENTS_GROUP
from services.texts import analysis as t

if TYPE_CHECKING:  # scipy (~0.4 s to import) only where supply is analysed: the map page
    from scipy.spatial import cKDTree  # imports this module for its small helpers

DEFAULT_DISTANCE_M = 1000.0
DEFAULT_GRID_M = 100.0
MAX_DISTANCE_M = 10_000.0  # beyond a walk; the whole city would be "in reach"
CHILDREN_KEY = "einwohner_u18"
CHILD_YEARS = 18  # ages 0 to 17
ALL_CHOSEN = "_alle"  # topic code of "any of the chosen needs"
BLOCK_M = 500.0  # side of the blocks sample points are grouped in (PointBlocks)
_EPSILON_M = 1e-6  # block decisions this close to the reach are left to the exact query

SpreadMethod = Literal["addresses", "area_grid"]
_TO_ANALYSIS = Transformer.from_crs(WEB_CRS, ANALYSIS_CRS, always_xy=True)


@dataclass(frozen=True)
class ChildPoints:
    """Where a district's children are assumed to live: points whose weights sum to 1 per
    district (EPSG:25832). `district` indexes `district_ids`; `methods` is per district."""

    x: np.ndarray
    y: np.ndarray
    district: np.ndarray
    weight: np.ndarray
    district_ids: tuple[str, ...]
    methods: tuple[SpreadMethod, ...]

    @property
    def method(self) -> str:
        """One of "addresses", "area_grid" or "mixed" (some districts without addresses)."""
        kinds = set(self.methods)
        return kinds.pop() if len(kinds) == 1 else "mixed"

    @cached_property
    def blocks(self) -> PointBlocks:
        """The points grouped for fast reach queries; built once per ChildPoints."""
        return PointBlocks.of(np.column_stack([self.x, self.y]))


def address_table(addresses: Iterable[Address]) -> pd.DataFrame:
    """Stored building addresses as the WGS84 `lat`/`lon` table `child_points` takes, so the
    page, the PDF and the CLI spread children over the same points."""
    rows = [(a.lat, a.lon) for a in addresses]
    return pd.DataFrame(rows, columns=["lat", "lon"], dtype=float)


def child_points(
    districts: gpd.GeoDataFrame,
    addresses: pd.DataFrame | None = None,
    grid_m: float = DEFAULT_GRID_M,
) -> ChildPoints:
    """Sample points per district: its residential addresses when it has any, else a grid.

    `addresses`: residential addresses as a point layer with a CRS, or a table with WGS84
    `lat`/`lon` columns (the address table another module builds); each address in a
    district weighs the same. A district too small for a grid point gets
    its representative point, so every district has at least one.
    """
    districts = to_analysis_crs(districts)
    geoms = districts.geometry.values
    ids = tuple(str(i) for i in districts["id"])
    tree = shapely.STRtree(geoms)
    ax, ay, adist = _located(tree, _address_xy(addresses))
    has_addresses = np.bincount(adist, minlength=len(ids)) > 0
    gx, gy, gdist = _located(tree, _grid_xy(districts, grid_m))
    on_grid = ~has_addresses[gdist]
    gx, gy, gdist = gx[on_grid], gy[on_grid], gdist[on_grid]
    missing = np.flatnonzero(~has_addresses & (np.bincount(gdist, minlength=len(ids)) == 0))
    inner = shapely.get_coordinates(shapely.point_on_surface(geoms[missing]))
    x = np.concatenate([ax, gx, inner[:, 0]])
    y = np.concatenate([ay, gy, inner[:, 1]])
    district = np.concatenate([adist, gdist, missing]).astype(int)
    counts = np.bincount(district, minlength=len(ids))
    methods = tuple("addresses" if a else "area_grid" for a in has_addresses)
    return ChildPoints(x, y, district, 1.0 / counts[district], ids, methods)


def _address_xy(addresses: pd.DataFrame | None) -> np.ndarray:
    """Address positions in EPSG:25832: a point layer in any CRS, or a table with WGS84
    `lat`/`lon` columns (as Repository.addresses gives them)."""
    if addresses is None or addresses.empty:
        return np.empty((0, 2))
    if isinstance(addresses, gpd.GeoDataFrame):
        return shapely.get_coordinates(to_analysis_crs(addresses).geometry.values)
    return offer_xy(addresses)


def _grid_xy(districts: gpd.GeoDataFrame, grid_m: float) -> np.ndarray:
    """Cell centres of a regular grid over the layer's bounds."""
    minx, miny, maxx, maxy = districts.total_bounds
    xs = np.arange(minx + grid_m / 2, maxx, grid_m)
    ys = np.arange(miny + grid_m / 2, maxy, grid_m)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _located(tree: shapely.STRtree, xy: np.ndarray):
    """The points inside a district, with the district's index (the first on a border)."""
    point_idx, district_idx = tree.query(shapely.points(xy), predicate="intersects")
    first = np.unique(point_idx, return_index=True)[1]
    point_idx, district_idx = point_idx[first], district_idx[first]
    return xy[point_idx, 0], xy[point_idx, 1], district_idx.astype(int)


@dataclass(frozen=True)
class SupplyOptions:
    """What the planner chose. `combined` adds a row per district for any chosen need."""

    needs: tuple[str, ...] = tuple(n.code for n in NEEDS)
    age_groups: tuple[str, ...] = ()
    distance_m: float = DEFAULT_DISTANCE_M
    indicator_key: str = DEFAULT_INDICATOR
    year: int | None = None  # None: the latest year of the indicator
    combined: bool = False


DEFAULT_OPTIONS = SupplyOptions()


def option_problems(options: SupplyOptions) -> list[str]:
    """German messages for choices the analysis cannot use (e.g. from a hand-edited link)."""
    problems = [t.UNKNOWN_NEED.format(code=c) for c in options.needs if c not in NEEDS_BY_CODE]
    problems += [t.UNKNOWN_AGE_GROUP.format(code=c) for c in options.age_groups
                 if c not in AGE_GROUPS_BY_CODE]  # fmt: skip
    if not options.needs:
        problems.append(t.NO_NEED_CHOSEN)
    if not 0 < options.distance_m <= MAX_DISTANCE_M:
        problems.append(t.BAD_DISTANCE.format(maximum=format_number(MAX_DISTANCE_M)))
    if options.indicator_key not in INDICATORS_BY_KEY:
        problems.append(t.UNKNOWN_INDICATOR.format(code=options.indicator_key))
    return problems


@dataclass(frozen=True)
class SupplyResult:
    """One row per district × need in `table`; the rest says how it was computed.

    Columns: district_id, district, need, need_label, children, offers, per_1000, coverage,
    children_in_reach, need_value, need_z, coverage_z, gap_score, gap_rank, spread_method.
    """

    options: SupplyOptions
    indicator: Indicator
    year: int | None
    children_year: int | None
    table: pd.DataFrame
    spread_method: str
    sources: tuple[str, ...]
    is_demo: bool
    coverage_spread: dict[str, Spread] = field(default_factory=dict)

    @property
    def spread_label(self) -> str:
        return t.SPREAD_LABELS[self.spread_method]

    def for_need(self, need: str) -> pd.DataFrame:
        """The district rows of one need (or ALL_CHOSEN), ranked by gap."""
        rows = self.table[self.table["need"] == need]
        return rows.sort_values(["gap_rank", "district_id"], na_position="last")


def age_share(age_groups: Sequence[str]) -> float:
    """Share of the age years 0–17 the groups cover (1 with none or with parents/families).

    Children's counts exist only for 0–17 as a whole, so a group's children are estimated
    from a uniform age distribution; 18–26 lies outside and adds nothing.
    """
    if not age_groups or PARENTS_GROUP in age_groups:
        return 1.0
    years = np.zeros(CHILD_YEARS, dtype=bool)
    for code in age_groups:
        group = AGE_GROUPS_BY_CODE[code]
        years[int(group.min_age) : min(int(group.max_age) + 1, CHILD_YEARS)] = True
    return float(years.sum()) / CHILD_YEARS


def ages_label(age_groups: Sequence[str]) -> str:
    """The chosen age groups in words ("0–2 Jahre, 3–5 Jahre"), or all children 0–17."""
    return ", ".join(AGE_GROUPS_BY_CODE[c].label for c in age_groups) or t.ALL_AGES


def matching_offers(offers: pd.DataFrame, age_groups: Sequence[str]) -> pd.DataFrame:
    """Active offers for the age groups, by the map filter's own rules (services.filters)."""
    return filters.apply(offers, filters.FilterState(age_groups=tuple(age_groups)))


def need_matrix(needs: pd.Series, codes: Sequence[str]) -> np.ndarray:
    """offers × codes: True where an offer serves the need (from the column of code tuples)."""
    column_of = {code: i for i, code in enumerate(codes)}
    lists = needs.tolist()
    rows = np.repeat(np.arange(len(lists)), [len(n) for n in lists])
    column = np.array([column_of.get(c, -1) for n in lists for c in n], dtype=int)
    keep = column >= 0
    matrix = np.zeros((len(lists), len(codes)), dtype=bool)
    matrix[rows[keep], column[keep]] = True
    return matrix


def offer_counts(
    offers: pd.DataFrame, topics: np.ndarray, district_ids: Sequence[str]
) -> np.ndarray:
    """districts × topics: offers located in each district (outside ones are not counted)."""
    index = pd.Index(list(district_ids)).get_indexer(offers["district_id"].to_numpy(object))
    inside = index >= 0
    counts = np.zeros((len(district_ids), topics.shape[1]))
    np.add.at(counts, index[inside], topics[inside].astype(float))
    return counts


def coverage(
    points: ChildPoints, offer_xy: np.ndarray, topics: np.ndarray, distance_m: float
) -> np.ndarray:
    """districts × topics: weighted share of sample points within reach of a topic's offer."""
    from scipy.spatial import cKDTree

    result = np.zeros((len(points.district_ids), topics.shape[1]))
    for column in range(topics.shape[1]):  # one spatial query per need, not per point
        chosen = offer_xy[topics[:, column]]
        if len(chosen) == 0:
            continue
        covered = points.blocks.within(cKDTree(chosen), distance_m)
        result[:, column] = np.bincount(
            points.district, weights=points.weight * covered, minlength=len(result)
        )
    return np.clip(result, 0.0, 1.0)  # sums of 1/n weights may exceed 1 by rounding


@dataclass(frozen=True)
class PointBlocks:
    """Sample points grouped into square blocks, to answer "is an offer within reach?" for
    a whole block at once.

    With D the distance from a block's centre to the nearest offer and r the block's
    radius, every point of the block is within d when D + r ≤ d and none is when
    D − r > d (triangle inequality); only the points of the remaining blocks near the edge
    of reach are queried one by one. Exact, and in a city full of offers it asks the k-d
    tree a few hundred questions instead of ten thousand.
    """

    xy: np.ndarray
    block: np.ndarray  # block index per point
    centres: np.ndarray
    radii: np.ndarray

    @classmethod
    def of(cls, xy: np.ndarray, size_m: float = BLOCK_M) -> PointBlocks:
        keys = np.floor(xy / size_m).astype(np.int64)
        _, block = np.unique(keys, axis=0, return_inverse=True)
        block = block.ravel()
        counts = np.bincount(block)
        centres = np.column_stack([np.bincount(block, weights=xy[:, i]) / counts for i in (0, 1)])
        radii = np.zeros(len(counts))
        np.maximum.at(radii, block, np.hypot(*(xy - centres[block]).T))
        return cls(xy, block, centres, radii)

    def within(self, tree: cKDTree, distance_m: float) -> np.ndarray:
        """Per point: True when an offer of `tree` is at most `distance_m` away."""
        bound = distance_m + float(self.radii.max(initial=0.0)) + 1.0
        nearest, _ = tree.query(self.centres, k=1, distance_upper_bound=bound)
        all_in = nearest + self.radii <= distance_m - _EPSILON_M
        none_in = nearest - self.radii > distance_m + _EPSILON_M
        covered = all_in[self.block]
        unsure = ~(all_in | none_in)[self.block]
        if unsure.any():
            # cKDTree's bound is exclusive; nextafter makes "at most distance_m" inclusive
            own, _ = tree.query(self.xy[unsure], k=1,
                                distance_upper_bound=np.nextafter(distance_m, np.inf))  # fmt: skip
            covered[unsure] = np.isfinite(own)
        return covered


def offer_xy(offers: pd.DataFrame) -> np.ndarray:
    """Positions in EPSG:25832 (metres) from WGS84 `lat`/`lon` columns (offers, addresses)."""
    x, y = _TO_ANALYSIS.transform(offers["lon"].to_numpy(float), offers["lat"].to_numpy(float))
    return np.column_stack([x, y])


def values_by_district(values: pd.DataFrame, key: str, year: int | None) -> pd.Series:
    """One indicator's values of one year, indexed by district id."""
    rows = values[(values["indicator_key"] == key) & (values["year"] == year)]
    return rows.set_index("district_id")["value"].astype(float)


def values_of(
    values: pd.DataFrame, keys: Sequence[str], years: Sequence[int | None]
) -> pd.DataFrame:
    """The rows a result is computed from: their sources and demo flags go with it."""
    return values[values["indicator_key"].isin(list(keys)) & values["year"].isin(list(years))]


def latest_year(values: pd.DataFrame, key: str, at_most: int | None = None) -> int | None:
    years = values.loc[values["indicator_key"] == key, "year"]
    if at_most is not None:
        years = years[years <= at_most]
    return int(years.max()) if len(years) else None


def need_direction(indicator: Indicator) -> float:
    """+1 when a higher value means more need, −1 when a lower one does."""
    return -1.0 if indicator.higher_is_worse is False else 1.0


def analyse_supply(
    snapshot: Snapshot,
    options: SupplyOptions = DEFAULT_OPTIONS,
    points: ChildPoints | None = None,
    *,
    extra_offers: pd.DataFrame | None = None,
    reference: dict[str, Spread] | None = None,
) -> SupplyResult:
    """The supply table for the snapshot's districts.

    `points` may be passed to reuse sample points across reruns (see `child_points`).
    `extra_offers` (a scenario's hypothetical offers, same columns) are added to the real
    ones for this computation only; `reference` measures coverage z-scores against another
    result's spread (a scenario against today), so only districts that change move.
    """
    problems = option_problems(options)
    if problems:
        raise ValueError("\n".join(problems))
    districts = snapshot.districts
    ids = tuple(str(i) for i in districts["id"])
    points = points or child_points(districts)
    if points.district_ids != ids:
        raise ValueError("sample points were built for another district layer")
    offers = (
        snapshot.offers
        if extra_offers is None
        else pd.concat([snapshot.offers, extra_offers], ignore_index=True)
    )
    matching = matching_offers(offers, options.age_groups)
    codes = list(options.needs)
    topics = need_matrix(matching["needs"], codes)
    if options.combined:
        topics = np.column_stack([topics, topics.any(axis=1)])
        codes.append(ALL_CHOSEN)
    counts = offer_counts(matching, topics, ids)
    shares = coverage(points, offer_xy(matching), topics, options.distance_m)

    indicator = INDICATORS_BY_KEY[options.indicator_key]
    values = snapshot.indicator_values
    year = options.year or latest_year(values, indicator.key)
    children_year = latest_year(values, CHILDREN_KEY, year) or latest_year(values, CHILDREN_KEY)
    u18 = values_by_district(values, CHILDREN_KEY, children_year).reindex(ids).to_numpy()
    children = u18 * age_share(options.age_groups)
    need = values_by_district(values, indicator.key, year).reindex(ids).to_numpy()
    need_z = zscores(need * need_direction(indicator))

    spreads = {c: (reference or {}).get(c) or spread(shares[:, i]) for i, c in enumerate(codes)}
    cov_z = np.column_stack([zscores(shares[:, i], spreads[c]) for i, c in enumerate(codes)])
    gap = need_z[:, None] - cov_z
    table = _table(districts, codes, children, counts, shares, need, need_z, cov_z, gap, points)
    used = values_of(values, [indicator.key, CHILDREN_KEY], [year, children_year])
    return SupplyResult(
        options=options,
        indicator=indicator,
        year=year,
        children_year=children_year,
        table=table,
        spread_method=points.method,
        sources=tuple(sorted({*used["source"], t.OFFERS_SOURCE})),
        is_demo=bool(used["is_demo"].any() or offers["is_demo"].fillna(False).any()),
        coverage_spread=spreads,
    )


def _table(districts, codes, children, counts, shares, need, need_z, cov_z, gap, points):
    """The long table: one row per district × topic, in district then topic order."""
    n_d, n_t = counts.shape
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1000 = np.where(children[:, None] > 0, counts / children[:, None] * 1000, np.nan)
    ranks = pd.DataFrame(gap).rank(ascending=False, method="min").to_numpy()
    labels = [NEEDS_BY_CODE[c].label if c in NEEDS_BY_CODE else t.ALL_CHOSEN_LABEL for c in codes]
    return pd.DataFrame(
        {
            "district_id": np.repeat(districts["id"].astype(str).to_numpy(), n_t),
            "district": np.repeat(districts["name"].astype(str).to_numpy(), n_t),
            "need": np.tile(codes, n_d),
            "need_label": np.tile(labels, n_d),
            "children": np.repeat(children, n_t),
            "offers": counts.ravel().astype(int),
            "per_1000": per_1000.ravel(),
            "coverage": shares.ravel(),
            "children_in_reach": (shares * children[:, None]).ravel(),
            "need_value": np.repeat(need, n_t),
            "need_z": np.repeat(need_z, n_t),
            "coverage_z": cov_z.ravel(),
            "gap_score": gap.ravel(),
            "gap_rank": pd.array(ranks.ravel(), dtype="Int64"),
            "spread_method": np.repeat(np.array(points.methods), n_t),
        }
    )
