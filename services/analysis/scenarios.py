"""Scenarios ("what if"): add hypothetical offers, recompute supply and gaps, compare.

The hypothetical offers join the real ones only inside `compare_scenario`; the result holds
today ("before") and the scenario ("after") side by side. The after-gap measures coverage
against today's spread (SupplyResult.coverage_spread), so a district's gap score moves
only when its own coverage changes, not because another district improved.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from services.analysis.supply import (
    DEFAULT_OPTIONS,
    ChildPoints,
    SupplyOptions,
    SupplyResult,
    analyse_supply,
)
from services.geo import assign_districts
from services.scenario import Scenario, scenario_problems
from services.snapshot import Snapshot

HYPOTHETICAL_ID_PREFIX = "szenario-"
_KEY = ["district_id", "need"]
_COMPARED = ("offers", "per_1000", "coverage", "gap_score", "gap_rank", "children_in_reach")


def hypothetical_offers_frame(scenario: Scenario, snapshot: Snapshot) -> pd.DataFrame:
    """The scenario's offers as rows of the offers frame (active, district from position).

    `is_scenario` marks them for any view that draws them (own colour, „Szenario“).
    """
    offers = scenario.offers
    lats, lons = [o.lat for o in offers], [o.lon for o in offers]
    return pd.DataFrame(
        {
            "id": [f"{HYPOTHETICAL_ID_PREFIX}{i}" for i in range(1, len(offers) + 1)],
            "name": [o.name for o in offers],
            "needs": pd.Series([tuple(o.needs) for o in offers], dtype=object),
            "min_age": pd.Series([o.min_age for o in offers], dtype=object),
            "max_age": pd.Series([o.max_age for o in offers], dtype=object),
            "audience": pd.Series([tuple(o.audience) for o in offers], dtype=object),
            "lat": pd.Series(lats, dtype=float),
            "lon": pd.Series(lons, dtype=float),
            "status": "active",
            "free_of_charge": pd.Series([None] * len(offers), dtype=object),
            "district_id": pd.Series(
                assign_districts(lats, lons, snapshot.districts), dtype=object
            ),
            "is_demo": False,
            "is_scenario": True,
        }
    )


@dataclass(frozen=True)
class ScenarioComparison:
    """Today and the scenario per district × need.

    `table` columns: district_id, district, need, need_label, children, and for each of
    offers, per_1000, coverage, gap_score, gap_rank, children_in_reach a `_before` and an
    `_after` column, plus newly_in_reach (children who get a matching offer within reach).
    """

    scenario: Scenario
    before: SupplyResult
    after: SupplyResult
    table: pd.DataFrame

    def for_need(self, need: str) -> pd.DataFrame:
        rows = self.table[self.table["need"] == need]
        return rows.sort_values(["gap_rank_after", "district_id"], na_position="last")

    def newly_in_reach(self) -> pd.Series:
        """Children newly within reach, summed over the districts, per need."""
        return self.table.groupby("need", sort=False)["newly_in_reach"].sum()


def compare_scenario(
    snapshot: Snapshot,
    scenario: Scenario,
    options: SupplyOptions = DEFAULT_OPTIONS,
    points: ChildPoints | None = None,
    before: SupplyResult | None = None,
) -> ScenarioComparison:
    """Recompute the supply analysis with the scenario's offers added.

    Pass `before` (today's result with the same options and points) to save its
    computation on every click. Raises ValueError with German messages for a bad scenario.
    """
    problems = scenario_problems(scenario)
    if problems:
        raise ValueError("\n".join(problems))
    before = before or analyse_supply(snapshot, options, points)
    if before.options != options:
        raise ValueError("`before` was computed with other options")
    extra = hypothetical_offers_frame(scenario, snapshot)
    after = analyse_supply(
        snapshot, options, points, extra_offers=extra, reference=before.coverage_spread
    )
    return ScenarioComparison(scenario, before, after, _compare(before.table, after.table))


def _compare(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    shown = before[[*_KEY, "district", "need_label", "children", *_COMPARED]]
    table = shown.merge(after[[*_KEY, *_COMPARED]], on=_KEY, suffixes=("_before", "_after"))
    gained = table["coverage_after"] - table["coverage_before"]
    table["newly_in_reach"] = np.clip(gained, 0.0, None) * table["children"]
    return table
