"""Nearby offers that fit a family: a spatial index, the Lotse's filters, and reasons.

`OfferIndex` is built once per data version from the offers frame (Repository.offers_frame
or Snapshot.offers): positions in EPSG:25832 in a KD-tree, and every filter attribute as a
numpy array (needs as bit masks, languages as a boolean matrix), so a query never loops over offers in
Python. A query asks the tree for the nearest k offers inside the radius, filters those
vectorised, and widens k until enough fit or the radius is exhausted.

Walking distance = straight-line distance in EPSG:25832 × DETOUR_FACTOR; minutes at
WALKING_SPEED_M_PER_MIN. docs/walking-distance.md gives the method and its sources.

The family's point is an argument, never stored: this module keeps no state per query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

import numpy as np
import pandas as pd
from pyproj import Transformer
from scipy.spatial import cKDTree

from services import freshness
from services.formatting import format_compact, format_date, format_number
from services.model import ANALYSIS_CRS, WEB_CRS, WEEKDAYS, Offer, OpeningSlot
from services.opening import OpenAt, OpenState, WeeklySlots, is_on_request, open_state
from services.taxonomy import NEEDS, NEEDS_BY_CODE, age_range_overlaps
from services.texts import nearby as t
from services.texts.ui import LANGUAGE_NAMES

DETOUR_FACTOR = 1.3  # walking route / straight line (docs/walking-distance.md)
WALKING_SPEED_M_PER_MIN = 75.0  # 4.5 km/h, a walk with children (docs/walking-distance.md)
DISTANCE_CHOICES_M = (500, 1000, 1500, 2000, 3000, 5000)  # the form's choices
DEFAULT_LIMIT = 10
FALLBACK_COUNT = 3  # nearest fitting offers shown when none fits within the distance
_FIRST_K = 64  # first batch asked from the tree; grows x4 while too few fit
PARENT_AUDIENCES = frozenset({"eltern", "familien"})
_TO_METRIC = Transformer.from_crs(WEB_CRS, ANALYSIS_CRS, always_xy=True)
_NEED_BIT = {need.code: 1 << i for i, need in enumerate(NEEDS)}


@dataclass(frozen=True, slots=True)
class NearbyQuery:
    """What the Lotse asks: where the family lives and what it needs (nothing is kept)."""

    lat: float
    lon: float
    child_ages: tuple[int, ...] = ()  # whole years, several children
    needs: tuple[str, ...] = ()  # need codes; an offer fits when it helps with one
    languages: tuple[str, ...] = ()  # the family's languages (ISO 639-1)
    language_required: bool = False  # True: only offers in one of them
    only_free: bool = False
    barrier_free: bool = False
    open_at: OpenAt | None = None
    max_distance_m: float = 1500.0  # walking distance
    limit: int = DEFAULT_LIMIT
    on: date | None = None  # the consultation's day: offers ended before it are left out


class ReasonKind(StrEnum):
    CHILD = "child"  # value: the child's age
    CHILD_NOT = "child_not"  # value: the age of a child the offer is not for
    PARENTS = "parents"  # for parents/families, whatever the children's ages
    NEED = "need"  # value: need code
    LANGUAGE = "language"  # value: language code
    LANGUAGE_MISSING = "language_missing"  # value: the offer's languages
    FREE = "free"
    BARRIER_FREE = "barrier_free"
    OPEN = "open"  # value: the OpenAt asked for
    ON_REQUEST = "on_request"
    HOURS_UNKNOWN = "hours_unknown"
    STALE = "stale"  # value: QA_STALE_MONTHS
    STARTS = "starts"  # value: the first day of an offer not yet begun
    UNTIL = "until"  # value: the last day of an offer with an end


@dataclass(frozen=True, slots=True)
class Reason:
    kind: ReasonKind
    value: int | str | tuple[str, ...] | OpenAt | None = None


@dataclass(frozen=True, slots=True)
class NearbyOffer:
    """One result: which offer, how far on foot, why it fits and what does not."""

    offer_id: str
    name: str
    lat: float
    lon: float
    is_demo: bool
    straight_m: float
    walking_m: float
    fits: tuple[Reason, ...]
    misses: tuple[Reason, ...]

    @property
    def minutes(self) -> int:
        return walking_minutes(self.walking_m)


@dataclass(frozen=True, slots=True)
class NearbyResult:
    offers: tuple[NearbyOffer, ...]
    within_distance: bool  # False: none fits within the distance; `offers` lie beyond it


def walking_distance(straight_m: float) -> float:
    return straight_m * DETOUR_FACTOR


def walking_minutes(walking_m: float) -> int:
    """Whole minutes, at least 1."""
    return max(1, round(walking_m / WALKING_SPEED_M_PER_MIN))


def format_distance(walking_m: float) -> str:
    """"ca. 80 m", "ca. 650 m", "ca. 1,2 km", "ca. 12 km": no false precision."""
    step = 10 if walking_m < 100 else 50
    metres = max(step, round(walking_m / step) * step)
    if metres < 1000:
        return t.DISTANCE_M.format(metres=metres)
    km = walking_m / 1000
    text = format_number(km, 1) if km < 9.95 else format_number(km)
    return t.DISTANCE_KM.format(km=text)


def distance_choice_label(walking_m: float) -> str:
    """A round distance of the form or a map ring: "500 m", "1 km", "1,5 km"."""
    if walking_m < 1000:
        return t.DISTANCE_CHOICE_M.format(metres=round(walking_m))
    return t.DISTANCE_CHOICE_KM.format(km=format_compact(walking_m / 1000))


def format_walk(walking_m: float) -> str:
    """"ca. 650 m, ca. 9 Min. zu Fuß"."""
    return t.WALK.format(distance=format_distance(walking_m), minutes=walking_minutes(walking_m))


def straight_radius_m(walking_m: float) -> float:
    """The straight-line radius that a walking distance allows (search and map rings)."""
    return walking_m / DETOUR_FACTOR


def walking_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Walking metres between two WGS84 points (lat, lon), by the same estimate as a search."""
    (ax, ay), (bx, by) = to_metric(*a), to_metric(*b)
    return walking_distance(float(np.hypot(ax - bx, ay - by)))


def to_metric(lat: float, lon: float) -> tuple[float, float]:
    x, y = _TO_METRIC.transform(lon, lat)
    return float(x), float(y)


class OfferIndex:
    """The offers of one data version, prepared for nearby queries."""

    def __init__(self, offers: pd.DataFrame):
        frame = offers.reset_index(drop=True)
        self.size = len(frame)
        x, y = _TO_METRIC.transform(frame["lon"].to_numpy(float), frame["lat"].to_numpy(float))
        self._tree = cKDTree(np.column_stack([x, y])) if self.size else None
        self._active = (frame["status"] == "active").to_numpy(bool)
        self._lo = pd.to_numeric(frame["min_age"], errors="coerce").fillna(0.0).to_numpy(float)
        self._hi = pd.to_numeric(frame["max_age"], errors="coerce").fillna(np.inf).to_numpy(float)
        self._parents = _flags(frame["audience"], lambda a: not PARENT_AUDIENCES.isdisjoint(a))
        self._needs = _bits(frame["needs"], _NEED_BIT)
        self._language_column, self._languages = _language_matrix(frame["languages"])
        self._free = _flags(frame["free_of_charge"], lambda v: v is True)
        self._barrier_free = _flags(frame["barrier_free"], lambda v: v is True)
        self._slots = WeeklySlots(frame["opening_hours"].tolist())
        self._no_hours = _flags(frame["opening_hours"], lambda s: len(s) == 0)
        self._on_request = _flags(frame["hours_note"], lambda n: is_on_request(n or ""))
        self._valid_to = pd.to_datetime(frame["valid_to"], errors="coerce").to_numpy("datetime64[D]")
        # Plain lists for the few results of a query: pandas' row access costs ~0.1 ms each.
        self._columns = {name: frame[name].tolist() for name in OfferFacts._fields}
        stale = frame.get(freshness.STALE_COLUMN, pd.Series(False, index=frame.index))
        self._stale = stale.to_numpy(bool)
        self._stale_months = freshness.stale_months()

    def query(self, query: NearbyQuery) -> NearbyResult:
        """The fitting offers within the distance, nearest first; or, when none fits, the
        FALLBACK_COUNT nearest fitting ones further away."""
        if self._tree is None:
            return NearbyResult((), True)
        x, y = to_metric(query.lat, query.lon)
        radius = straight_radius_m(query.max_distance_m)
        found, straight = self._nearest_fitting(x, y, query, radius, query.limit)
        within = len(found) > 0
        if not within:
            found, straight = self._nearest_fitting(x, y, query, np.inf, FALLBACK_COUNT)
        offers = tuple(self._result(int(i), float(d), query) for i, d in zip(found, straight))
        return NearbyResult(offers, within)

    def count_fitting(self, query: NearbyQuery) -> int:
        """How many offers fit within the distance: the „von 24“ when only the nearest
        `limit` are listed (one ball query, asked only then; the search never needs it)."""
        if self._tree is None:
            return 0
        radius = straight_radius_m(query.max_distance_m)
        inside = self._tree.query_ball_point(to_metric(query.lat, query.lon), radius)
        return int(self.fits(np.asarray(inside, dtype=np.intp), query).sum())

    def _nearest_fitting(
        self, x: float, y: float, query: NearbyQuery, radius: float, wanted: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Up to `wanted` fitting offers within `radius` (straight metres), nearest first."""
        k = min(self.size, max(_FIRST_K, 4 * wanted))
        while True:
            distances, indices = self._tree.query((x, y), k=k, distance_upper_bound=radius)
            distances, indices = np.atleast_1d(distances), np.atleast_1d(indices)
            inside = np.isfinite(distances)
            distances, indices = distances[inside], indices[inside]
            keep = self.fits(indices, query)
            exhausted = len(indices) < k or k == self.size
            if keep.sum() >= wanted or exhausted:
                return indices[keep][:wanted], distances[keep][:wanted]
            k = min(self.size, k * 4)

    def fits(self, idx: np.ndarray, query: NearbyQuery) -> np.ndarray:
        """The hard filters, vectorised over the offers `idx`."""
        mask = self._active[idx].copy()
        if query.needs:
            wanted = _mask_of(query.needs, _NEED_BIT)
            mask &= (self._needs[idx] & wanted) != 0
        if query.child_ages:
            lo, hi = self._lo[idx], self._hi[idx]
            for_a_child = np.zeros(len(idx), dtype=bool)
            for age in query.child_ages:
                for_a_child |= age_range_overlaps(lo, hi, age, age)
            mask &= for_a_child | self._parents[idx]
        if query.only_free:
            mask &= self._free[idx]
        if query.barrier_free:
            mask &= self._barrier_free[idx]
        if query.language_required and query.languages:
            columns = [self._language_column[c] for c in query.languages if c in self._language_column]
            mask &= self._languages[np.ix_(idx, columns)].any(axis=1)
        if query.open_at is not None:
            reachable = self._on_request[idx] | self._no_hours[idx]
            mask &= reachable | self._slots.open_mask(idx, query.open_at)
        if query.on is not None:  # an ended course helps nobody; one still to come stays
            mask &= ~(self._valid_to[idx] < np.datetime64(query.on, "D"))
        return mask

    def _result(self, i: int, straight_m: float, query: NearbyQuery) -> NearbyOffer:
        offer = OfferFacts(*(self._columns[name][i] for name in OfferFacts._fields))
        fits, misses = explain(offer, query)
        if self._stale[i]:
            misses += (Reason(ReasonKind.STALE, self._stale_months),)
        return NearbyOffer(
            offer_id=str(offer.id), name=str(offer.name), lat=float(offer.lat),
            lon=float(offer.lon), is_demo=bool(offer.is_demo), straight_m=straight_m,
            walking_m=walking_distance(straight_m), fits=fits, misses=misses,
        )  # fmt: skip


class OfferFacts(NamedTuple):
    """What a result and its reasons need of an offer (an Offer has these fields too)."""

    id: str
    name: str
    lat: float
    lon: float
    is_demo: bool
    min_age: float | None
    max_age: float | None
    audience: tuple[str, ...]
    needs: tuple[str, ...]
    languages: tuple[str, ...]
    opening_hours: tuple[OpeningSlot, ...]
    hours_note: str
    valid_from: date | None
    valid_to: date | None


def explain(
    offer: OfferFacts | Offer, query: NearbyQuery
) -> tuple[tuple[Reason, ...], tuple[Reason, ...]]:
    """Why an offer fits the family (which child, need, language …) and what does not."""
    fits, misses = _child_reasons(offer, query.child_ages)
    fits += [Reason(ReasonKind.NEED, code) for code in query.needs if code in offer.needs]
    spoken = [code for code in query.languages if code in offer.languages]
    fits += [Reason(ReasonKind.LANGUAGE, code) for code in spoken]
    if query.languages and not spoken:
        misses.append(Reason(ReasonKind.LANGUAGE_MISSING, tuple(offer.languages)))
    if query.only_free:
        fits.append(Reason(ReasonKind.FREE))
    if query.barrier_free:
        fits.append(Reason(ReasonKind.BARRIER_FREE))
    if query.open_at is not None:
        state = open_state(offer.opening_hours, offer.hours_note or "", query.open_at)
        if state is OpenState.OPEN:
            fits.append(Reason(ReasonKind.OPEN, query.open_at))
        elif state is OpenState.ON_REQUEST:
            misses.append(Reason(ReasonKind.ON_REQUEST))
        elif state is OpenState.UNKNOWN:
            misses.append(Reason(ReasonKind.HOURS_UNKNOWN))
    return tuple(fits), tuple(misses + _period_reasons(offer, query.on))


def _period_reasons(offer: OfferFacts | Offer, on: date | None) -> list[Reason]:
    """„erst ab …“ for an offer that has not begun on the consultation's day, „nur bis …“
    for one with an end: a course the family joins must still be running."""
    if on is None:
        return []
    start = None if _missing(offer.valid_from) else offer.valid_from
    end = None if _missing(offer.valid_to) else offer.valid_to
    reasons = [Reason(ReasonKind.STARTS, start)] if start is not None and start > on else []
    return reasons + ([Reason(ReasonKind.UNTIL, end)] if end is not None else [])


def _child_reasons(
    offer: OfferFacts | Offer, ages: tuple[int, ...]
) -> tuple[list[Reason], list[Reason]]:
    """Which children an offer is for; an offer for parents that fits no child says only
    that (listing every child it is "not for" would be noise)."""
    lo = 0.0 if _missing(offer.min_age) else float(offer.min_age)
    hi = np.inf if _missing(offer.max_age) else float(offer.max_age)
    fitting = [age for age in ages if age_range_overlaps(lo, hi, age, age)]
    if ages and not fitting and not PARENT_AUDIENCES.isdisjoint(offer.audience):
        return [Reason(ReasonKind.PARENTS)], []
    fits = [Reason(ReasonKind.CHILD, age) for age in fitting]
    return fits, [Reason(ReasonKind.CHILD_NOT, age) for age in ages if age not in fitting]


def result_note(result: NearbyResult, max_distance_m: float) -> str | None:
    """The line above the results when they are not simply "within the distance"."""
    if not result.offers:
        return t.NOTHING_AT_ALL
    if not result.within_distance:
        return t.NOTHING_WITHIN.format(distance=format_distance(max_distance_m))
    return None


def reason_text(reason: Reason) -> str:
    """The German text of a reason, e.g. "für das Kind (4 J.)" or "nur Deutsch"."""
    kind, value = reason.kind, reason.value
    if kind in (ReasonKind.CHILD, ReasonKind.CHILD_NOT):
        age = t.AGE_BABY if value == 0 else t.AGE_YEARS.format(age=value)
        template = t.REASON_CHILD if kind is ReasonKind.CHILD else t.REASON_CHILD_NOT
        return template.format(age=age)
    if kind is ReasonKind.NEED:
        return t.REASON_NEED.format(label=NEEDS_BY_CODE[value].label)
    if kind is ReasonKind.LANGUAGE:
        return t.REASON_LANGUAGE.format(language=LANGUAGE_NAMES.get(value, value))
    if kind is ReasonKind.LANGUAGE_MISSING:
        names = ", ".join(LANGUAGE_NAMES.get(code, code) for code in value)
        return t.REASON_LANGUAGE_MISSING.format(languages=names)
    if kind is ReasonKind.STALE:
        return t.REASON_STALE.format(months=value)
    if kind is ReasonKind.OPEN:
        return t.REASON_OPEN.format(weekday=WEEKDAYS[value.weekday], clock=value.clock)
    if kind in (ReasonKind.STARTS, ReasonKind.UNTIL):
        template = t.REASON_STARTS if kind is ReasonKind.STARTS else t.REASON_UNTIL
        return template.format(date=format_date(value))
    return _FIXED_TEXTS[kind]


_FIXED_TEXTS = {
    ReasonKind.PARENTS: t.REASON_PARENTS,
    ReasonKind.FREE: t.REASON_FREE,
    ReasonKind.BARRIER_FREE: t.REASON_BARRIER_FREE,
    ReasonKind.ON_REQUEST: t.REASON_ON_REQUEST,
    ReasonKind.HOURS_UNKNOWN: t.REASON_HOURS_UNKNOWN,
}


def _missing(value: float | None) -> bool:
    """None or NaN: frames may carry either for an open end of an age range."""
    return value is None or value != value


def _language_matrix(column: pd.Series) -> tuple[dict[str, int], np.ndarray]:
    """Offer x language code -> held in it? (a column per code in use, any number of them)."""
    codes = sorted({code for langs in column for code in langs})
    position = {code: i for i, code in enumerate(codes)}
    matrix = np.zeros((len(column), len(codes)), dtype=bool)
    for row, langs in enumerate(column):
        matrix[row, [position[code] for code in langs]] = True
    return position, matrix


def _bits(column: pd.Series, bit_of: dict[str, int]) -> np.ndarray:
    return np.fromiter(
        (_mask_of(codes, bit_of) for codes in column), dtype=np.int64, count=len(column)
    )


def _mask_of(codes: Sequence[str], bit_of: dict[str, int]) -> int:
    return sum(bit_of.get(code, 0) for code in set(codes))


def _flags(column: pd.Series, test) -> np.ndarray:
    return np.fromiter((bool(test(v)) for v in column), dtype=bool, count=len(column))

