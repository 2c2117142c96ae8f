"""The gap page's choices and figures: what to analyse (need, ages, distance, indicator),
the supply analysis itself, the method note and the ranked table.

Needs and age groups come from the shared sidebar filters (state.current_filters), so the
map page and this page agree; distance, indicator and the shown need are page-local.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from services.analysis.scenarios import ScenarioComparison
from services.analysis.supply import (
    ALL_CHOSEN,
    DEFAULT_DISTANCE_M,
    ChildPoints,
    SupplyOptions,
    SupplyResult,
    analyse_supply,
    child_points,
)
from services.formatting import format_number
from services.indicators import DEFAULT_INDICATOR, INDICATORS, INDICATORS_BY_KEY
from services.plaintext import markdown_filled
from services.snapshot import Snapshot
from services.taxonomy import NEEDS, NEEDS_BY_CODE
from services.texts import analysis as t
from ui import data, state

NEED, DISTANCE, INDICATOR = "plan_need", "plan_distance", "plan_indicator"
SIDEBAR_FILTERS = ("age_groups", "needs")  # the sidebar filters this analysis applies
DISTANCE_RANGE = (250, 3000, 250)  # min, max, step in metres
_POINTS = "_plan_points"


@dataclass(frozen=True)
class GapChoice:
    options: SupplyOptions
    need: str  # the need shown on map and table (a code or ALL_CHOSEN)


def gap_choice(snap: Snapshot) -> tuple[GapChoice, DeltaGenerator]:
    """The controls above the map (and a free column for the page's own toggle); needs and
    ages from the sidebar filters."""
    filters = state.current_filters(snap.filter_context)
    needs = tuple(filters.needs) or tuple(n.code for n in NEEDS)
    shown = [*needs, ALL_CHOSEN] if len(needs) > 1 and filters.needs else list(needs)
    left, middle, right, free = st.columns([3, 3, 3, 2], vertical_alignment="bottom")
    need = left.selectbox(t.GAPS_NEED, shown, key=NEED, format_func=need_label)
    low, high, step = DISTANCE_RANGE
    distance = middle.slider(t.GAPS_DISTANCE, low, high, int(DEFAULT_DISTANCE_M), step, key=DISTANCE)
    keys = [i.key for i in INDICATORS if i.higher_is_worse is not None]
    indicator = right.selectbox(t.GAPS_INDICATOR, keys, index=keys.index(DEFAULT_INDICATOR),
                                key=INDICATOR, format_func=lambda k: INDICATORS_BY_KEY[k].label)
    options = SupplyOptions(needs=needs, age_groups=tuple(filters.age_groups),
                            distance_m=float(distance), indicator_key=indicator,
                            combined=ALL_CHOSEN in shown)  # fmt: skip
    return GapChoice(options, need or needs[0]), free


def need_label(code: str) -> str:
    return NEEDS_BY_CODE[code].label if code in NEEDS_BY_CODE else t.ALL_CHOSEN_LABEL


def sample_points(snap: Snapshot) -> ChildPoints:
    """Where children are assumed to live, built once per data version and session: the
    stored building addresses, a regular grid in districts without any (docs/methods.md).

    The session keeps the version number, never the snapshot itself: an old snapshot
    (offers, districts, GeoJSON) must be freed once an import has replaced it."""
    kept = st.session_state.get(_POINTS)
    if kept is None or kept[0] != snap.version:
        kept = (snap.version, child_points(snap.districts, data.address_points(snap)))
        st.session_state[_POINTS] = kept
    return kept[1]


def supply(snap: Snapshot, choice: GapChoice) -> SupplyResult:
    return analyse_supply(snap, choice.options, sample_points(snap))


def default_supply(snap: Snapshot, age_groups: tuple[str, ...]) -> SupplyResult:
    """Every need together („alle“), 1 km, the given ages: the gap figures of an export
    made outside the gap page (the profile), as the CLI makes them."""
    options = SupplyOptions(age_groups=age_groups, combined=True)
    return analyse_supply(snap, options, sample_points(snap))


def method_notes(result: SupplyResult) -> None:
    """Below the map: how children were spread, the sources, demo data."""
    distance = format_number(result.options.distance_m)
    st.caption(t.GAPS_METHOD.format(spread=result.spread_label, children=t.CHILDREN_ESTIMATE + ".",
                                    distance=distance))  # fmt: skip
    st.caption(markdown_filled(
        t.GAPS_SOURCE, sources="; ".join(result.sources), indicator=result.indicator.label,
        year=result.year, children_year=result.children_year))  # fmt: skip
    if result.is_demo:
        st.caption(t.GAPS_DEMO)


def ranked_table(result: SupplyResult, need: str) -> None:
    """Districts ranked by gap for the shown need, German headers, coverage in %."""
    rows = result.for_need(need)
    shown = rows[list(t.GAPS_COLUMNS)].assign(coverage=rows["coverage"] * 100)
    st.markdown(f"**{t.GAPS_RANKED}** – {need_label(need)}")
    german_table(rounded(shown).rename(columns=t.GAPS_COLUMNS))


def german_table(frame: pd.DataFrame) -> None:
    """Numbers in the browser's format (German: decimal comma) instead of "1.5"."""
    numbers = {c: st.column_config.NumberColumn(format="localized")
               for c in frame.select_dtypes("number").columns}  # fmt: skip
    st.dataframe(frame, hide_index=True, width="stretch", column_config=numbers)


def rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """One decimal for shares and rates, whole children, three for scores."""
    digits = {"children": 0, "children_in_reach": 0, "newly_in_reach": 0}
    return frame.round({c: digits.get(c, 3 if "gap_score" in c else 1)
                        for c in frame.select_dtypes("number").columns})  # fmt: skip


def comparison_table(comparison: ScenarioComparison, need: str) -> None:
    """Before/after per district for the shown need, and the children newly within reach."""
    rows = comparison.for_need(need)
    newly = float(rows["newly_in_reach"].sum())
    st.markdown(markdown_filled(t.SCENARIO_COMPARE, name=comparison.scenario.name,
                                need=need_label(need)))
    st.markdown(t.SCENARIO_NEWLY.format(count=format_number(newly), need=need_label(need)))
    shown = rows[list(t.COMPARE_COLUMNS)].assign(
        coverage_before=rows["coverage_before"] * 100, coverage_after=rows["coverage_after"] * 100
    )
    german_table(rounded(shown).rename(columns=t.COMPARE_COLUMNS))
