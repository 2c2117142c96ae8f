"""The gap map: districts by gap class, names, Quartiersbüros, legend; on top (swapped
without remounting) the scenario's hypothetical offers and the reported needs.

A click on the map is a position for a hypothetical offer (map_frame.position_map_frame).
"""

from __future__ import annotations

import folium
import pandas as pd

from services.analysis import gap_map
from services.analysis.supply import SupplyResult
from services.config import load_settings
from services.formatting import format_ages, format_number, format_signed
from services.map import layers
from services.map.base import bounds_of, new_map
from services.scenario import Scenario
from services.snapshot import Snapshot
from services.taxonomy import AGE_GROUPS_BY_CODE, need_labels
from services.texts import analysis as t
from services.texts import mapping as texts
from services.texts import ui
from ui.components.gap_analysis import need_label
from ui.components.map_frame import assets_ready, position_map_frame

MAP_HEIGHT = 560  # below the controls, the whole map fits a 1366×768 laptop screen


def _lines(rows: pd.DataFrame) -> dict[str, list[str]]:
    """Tooltip lines per district: score with rank, coverage and per 1,000."""
    total = int(rows["gap_rank"].notna().sum())
    lines = {}
    for r in rows.itertuples(index=False):
        score = "–" if pd.isna(r.gap_score) else format_signed(r.gap_score, 2)
        rank = "–" if pd.isna(r.gap_rank) else int(r.gap_rank)
        per_1000 = "–" if pd.isna(r.per_1000) else format_number(r.per_1000, 1)
        lines[r.district_id] = [
            texts.GAP_TIP_SCORE.format(score=score, rank=rank, total=total),
            texts.GAP_TIP_COVERAGE.format(coverage=f"{format_number(r.coverage * 100)} %",
                                          per_1000=per_1000),  # fmt: skip
        ]
    return lines


def _legend(result: SupplyResult, need: str, scenario: Scenario | None):
    options = result.options
    ages = ", ".join(AGE_GROUPS_BY_CODE[c].label for c in options.age_groups) or t.ALL_AGES
    title = texts.GAP_LEGEND_TITLE.format(need=need_label(need))
    first, second = texts.GAP_LEGEND_LINES
    lines = [first, second.format(distance=format_number(options.distance_m), ages=ages)]
    if scenario is not None:
        lines.insert(0, texts.GAP_LEGEND_SCENARIO.format(name=scenario.name))
    return layers.gap_legend(title, lines, result.sources)


def scenario_rows(scenario: Scenario) -> list[tuple[float, float, str, list[str]]]:
    """The scenario's offers as marks: position, name, needs and ages."""
    return [(o.lat, o.lon, o.name, ["; ".join(need_labels(o.needs)), format_ages(o.min_age, o.max_age)])
            for o in scenario.offers]  # fmt: skip


def gap_map_frame(
    snap: Snapshot,
    result: SupplyResult,
    need: str,
    scenario: Scenario,
    shown_scenario: Scenario | None,
    reported: folium.FeatureGroup | None,
) -> tuple[float, float] | None:
    """Draw the map; returns the position of a new click. `shown_scenario` is set when the
    districts show the gap with the scenario (the legend then says so)."""
    if not assets_ready():
        return None
    geometries = layers.district_geometries(snap.districts_web_geojson)
    rows = result.for_need(need)
    elements = [
        layers.gap_layer(gap_map.gap_shades(result, need), _lines(rows), geometries),
        layers.district_label_layer(snap.district_names, geometries),
        layers.office_layer(snap.offices),
        _legend(result, need, shown_scenario),
    ]
    if snap.demo_districts:
        elements.append(layers.notice(ui.DEMO_DISTRICTS))
    base = new_map(load_settings(), bounds_of(geometries), elements)
    dynamic = [layers.scenario_layer(scenario_rows(scenario))]
    if reported is not None:
        dynamic.append(reported)
    return position_map_frame(base, dynamic, key="planung", height=MAP_HEIGHT)
