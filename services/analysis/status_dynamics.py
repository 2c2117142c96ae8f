"""Status × dynamics classification after Berlin's "Monitoring Soziale Stadtentwicklung" (MSS).

Status: the child-poverty-related indicators of the latest year are z-standardised across
the classified districts, summed, and the sum is standardised again (the status index;
higher = more poverty). Classes by standard deviations from the mean, each bound belonging
to the better class: hoch (≤ −1), mittel (≤ +1), niedrig (≤ +1.5), sehr niedrig (> +1.5).
Dynamics: the same with each indicator's change over the last two years (percentage
points, year − (year − 2)): positiv (≤ −1, poverty fell against the city), stabil (≤ +1),
negativ (> +1). Status × dynamics gives 12 groups.

Districts with fewer than 300 residents or 30 children are not classified and say why:
their shares swing with a handful of families. They are also left out of the means and
standard deviations, as MSS leaves out small areas. The residents come from the
indicator `einwohner_gesamt` (all ages); a city that imported none gets only the children
rule, and `residents_checked` says so. Sources and the choice of thresholds: docs/methods.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from services.analysis.standardise import zscores
from services.analysis.supply import CHILDREN_KEY, latest_year, values_of
from services.choropleth import NO_DATA_COLOUR, YLORRD
from services.indicators import INDICATORS_BY_KEY
from services.snapshot import Snapshot
from services.texts import analysis as t

STATUS_INDICATORS: tuple[str, ...] = (
    "sgb2_u15",
    "kinder_bg_u18",
    "alleinerziehende",
    "arbeitslosenquote",
)
DYNAMICS_YEARS = 2
RESIDENTS_KEY = "einwohner_gesamt"  # all ages; the children are supply.CHILDREN_KEY
MIN_RESIDENTS = 300
MIN_CHILDREN = 30
# Upper bounds (in standard deviations) of the classes, from the best to the worst.
STATUS_BOUNDS: tuple[tuple[str, float], ...] = (
    ("hoch", -1.0), ("mittel", 1.0), ("niedrig", 1.5), ("sehr_niedrig", float("inf")))  # fmt: skip
# MSS writes the 12 groups as status number and dynamics sign, e.g. "4 −" or "2 +/−".
STATUS_NUMBERS = {code: n for n, (code, _) in enumerate(STATUS_BOUNDS, start=1)}
DYNAMICS_SIGNS = {"positiv": "+", "stabil": "+/−", "negativ": "−"}
# Map colours by status (ColorBrewer YlOrRd, colour-blind safe); the dynamics sign is the
# label on top, so the 12 groups never rest on colour alone.
STATUS_COLOURS = dict(zip(STATUS_NUMBERS, YLORRD[4]))
DYNAMICS_BOUNDS: tuple[tuple[str, float], ...] = (
    ("positiv", -1.0), ("stabil", 1.0), ("negativ", float("inf")))  # fmt: skip


@dataclass(frozen=True, slots=True)
class DistrictClass:
    """One district's classes; `reason` (German) says why a class is missing."""

    district_id: str
    district: str
    status_index: float | None
    status: str | None  # code of STATUS_BOUNDS
    dynamics_index: float | None
    dynamics: str | None  # code of DYNAMICS_BOUNDS
    reason: str | None

    @property
    def group(self) -> str | None:
        """One of the 12 groups, e.g. "niedrig/negativ"; None unless both classes are known."""
        return f"{self.status}/{self.dynamics}" if self.status and self.dynamics else None

    @property
    def short(self) -> str:
        """MSS notation of the group, e.g. "4 −"; "" when not classified."""
        if self.status is None:
            return ""
        sign = DYNAMICS_SIGNS[self.dynamics] if self.dynamics else "?"
        return f"{STATUS_NUMBERS[self.status]} {sign}"

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status] if self.status else NO_DATA_COLOUR

    @property
    def label(self) -> str:
        """Either "Status niedrig, Dynamik negativ" or the reason it is not classified."""
        if self.status is None:
            return self.reason or t.NOT_CLASSIFIED
        dynamics = t.DYNAMICS_LABELS[self.dynamics] if self.dynamics else t.NO_DYNAMICS
        return t.GROUP_LABEL.format(status=t.STATUS_LABELS[self.status], dynamics=dynamics)


@dataclass(frozen=True)
class StatusDynamics:
    year: int | None
    base_year: int | None  # the start of the dynamics period
    indicators: tuple[str, ...]
    districts: tuple[DistrictClass, ...]
    residents_checked: bool  # False: no residents (all ages) that year, only the children rule
    sources: tuple[str, ...]
    is_demo: bool

    def of(self, district_id: str) -> DistrictClass | None:
        return next((d for d in self.districts if d.district_id == district_id), None)

    def frame(self) -> pd.DataFrame:
        """One row per district with codes, German labels and the indices (map, export)."""
        return pd.DataFrame(
            {
                "district_id": [d.district_id for d in self.districts],
                "status_index": [d.status_index for d in self.districts],
                "status": [d.status for d in self.districts],
                "dynamics_index": [d.dynamics_index for d in self.districts],
                "dynamics": [d.dynamics for d in self.districts],
                "group": [d.group for d in self.districts],
                "short": [d.short for d in self.districts],
                "colour": [d.colour for d in self.districts],
                "label": [d.label for d in self.districts],
            }
        )


def classify(value: float, bounds: Sequence[tuple[str, float]]) -> str:
    """The first class whose upper bound the value does not exceed (bounds inclusive)."""
    return next(code for code, upper in bounds if value <= upper)


def status_dynamics(
    snapshot: Snapshot,
    year: int | None = None,
    indicators: tuple[str, ...] = STATUS_INDICATORS,
) -> StatusDynamics:
    """Classify every district of the snapshot (see the module docstring).

    The 300-residents rule applies when the snapshot has residents (all ages) of the
    classification year; without any, only the 30-children rule does.
    """
    values = snapshot.indicator_values
    year = year or _latest_common_year(values, indicators)
    base_year = year - DYNAMICS_YEARS if year is not None else None
    ids = [str(i) for i in snapshot.districts["id"]]
    now = _wide(values, indicators, year, ids)
    before = _wide(values, indicators, base_year, ids)
    counts = _wide(values, (CHILDREN_KEY, RESIDENTS_KEY), year, ids)
    residents_checked = bool(counts[RESIDENTS_KEY].notna().any())
    residents = counts[RESIDENTS_KEY] if residents_checked else None
    reasons = _reasons(ids, now, counts[CHILDREN_KEY], residents, year)
    ok = np.array([r is None for r in reasons])
    status = _index(now.to_numpy(), ok)
    change = now.to_numpy() - before.to_numpy()
    dyn_ok = ok & np.isfinite(change).all(axis=1)
    dynamics = _index(change, dyn_ok)
    names = dict(zip(ids, snapshot.districts["name"].astype(str)))
    classes = tuple(
        DistrictClass(
            district_id=d,
            district=names[d],
            status_index=float(status[i]) if ok[i] else None,
            status=classify(status[i], STATUS_BOUNDS) if ok[i] else None,
            dynamics_index=float(dynamics[i]) if dyn_ok[i] else None,
            dynamics=classify(dynamics[i], DYNAMICS_BOUNDS) if dyn_ok[i] else None,
            reason=reasons[i]
            or (None if dyn_ok[i] else t.NO_DYNAMICS_REASON.format(year=base_year)),
        )
        for i, d in enumerate(ids)
    )
    used = values_of(values, indicators, [year, base_year])
    return StatusDynamics(
        year=year,
        base_year=base_year,
        indicators=indicators,
        districts=classes,
        residents_checked=residents_checked,
        sources=tuple(sorted(set(used["source"]))),
        is_demo=bool(used["is_demo"].any()),
    )


def _latest_common_year(values: pd.DataFrame, keys: Sequence[str]) -> int | None:
    """The newest year in which every index indicator has values."""
    years = [set(values.loc[values["indicator_key"] == k, "year"]) for k in keys]
    common = set.intersection(*years) if years else set()
    return int(max(common)) if common else latest_year(values, keys[0])


def _wide(
    values: pd.DataFrame, keys: Sequence[str], year: int | None, ids: list[str]
) -> pd.DataFrame:
    """districts × indicators for one year (NaN where missing)."""
    rows = values[values["indicator_key"].isin(keys) & (values["year"] == year)]
    table = rows.pivot_table(index="district_id", columns="indicator_key", values="value")
    return table.reindex(index=ids, columns=list(keys)).astype(float)


def _reasons(
    ids, now: pd.DataFrame, children: pd.Series, residents: pd.Series | None, year
) -> list[str | None]:
    """Why each district cannot be classified (None: it can).

    `residents` None: the city has no residents that year, so that rule is not checked;
    a district missing from residents the city has is not classified, like one without
    children, because its size is unknown.
    """
    if year is None:
        return [t.NO_INDICATOR_VALUES] * len(ids)
    reasons: list[str | None] = []
    for district in ids:
        kids = children.get(district)
        missing = [INDICATORS_BY_KEY[key].label for key in now.columns
                   if not np.isfinite(now.at[district, key])]  # fmt: skip
        if kids is None or not np.isfinite(kids):
            reasons.append(t.NO_CHILDREN_COUNT.format(year=year))
        elif kids < MIN_CHILDREN:
            reasons.append(t.TOO_FEW_CHILDREN.format(n=int(kids), minimum=MIN_CHILDREN))
        elif residents is not None and not np.isfinite(residents[district]):
            reasons.append(t.NO_RESIDENTS_COUNT.format(year=year))
        elif residents is not None and residents[district] < MIN_RESIDENTS:
            reasons.append(t.TOO_FEW_RESIDENTS.format(n=int(residents[district]),
                                                      minimum=MIN_RESIDENTS))  # fmt: skip
        elif missing:
            reasons.append(t.MISSING_VALUES.format(year=year, labels=", ".join(missing)))
        else:
            reasons.append(None)
    return reasons


def _index(table: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Standardised sum of the columns' z-scores over the rows in `ok` (NaN elsewhere)."""
    rows = np.where(ok[:, None], table, np.nan)
    summed = np.column_stack([zscores(column) for column in rows.T]).sum(axis=1)
    return zscores(np.where(ok, summed, np.nan))
