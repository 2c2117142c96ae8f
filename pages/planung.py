"""Versorgungslücken: where need outruns supply, and „what if“ scenarios of new offers."""

import streamlit as st

from services.analysis.scenarios import compare_scenario
from services.taxonomy import NEEDS_BY_CODE
from services.texts import analysis as t
from ui import sidebar
from ui.components import gap_analysis, gap_exports, scenario_editor
from ui.components.gap_map import gap_map_frame
from ui.components.reported_needs import reported_layer, reported_toggle


def render() -> None:
    snap = sidebar.render(gap_analysis.SIDEBAR_FILTERS)
    st.caption(t.GAPS_INTRO)
    if snap.districts.empty:
        st.info(t.GAPS_NO_DISTRICTS)
        return
    choice, reported_column = gap_analysis.gap_choice(snap)
    with reported_column:
        show_reported = reported_toggle("plan_reported")
    result = gap_analysis.supply(snap, choice)
    scenario = scenario_editor.current()
    comparison = None
    if scenario.offers:
        points = gap_analysis.sample_points(snap)
        comparison = compare_scenario(snap, scenario, choice.options, points, before=result)

    map_column, side_column = st.columns([3, 2])
    with map_column:
        shown, shown_scenario = result, None
        if comparison and st.radio(t.GAPS_MAP_SHOWS, [t.GAPS_MAP_TODAY, t.GAPS_MAP_SCENARIO],
                                   horizontal=True, key="plan_map_shows",
                                   label_visibility="collapsed") == t.GAPS_MAP_SCENARIO:
            shown, shown_scenario = comparison.after, scenario
        need = choice.need if choice.need in NEEDS_BY_CODE else None
        reported = reported_layer(snap, need) if show_reported else None
        position = gap_map_frame(snap, shown, choice.need, scenario, shown_scenario, reported)
        gap_analysis.method_notes(result)
    with side_column:
        if position:
            scenario_editor.place(position)
        scenario_editor.scenario_editor(snap, choice.need)

    if comparison:
        gap_analysis.comparison_table(comparison, choice.need)
    gap_analysis.ranked_table(result, choice.need)
    with st.expander(t.EXPORT_HEADING):
        st.markdown(f"**{t.EXPORT_GAP_TABLE}**")
        gap_exports.gap_downloads(snap, result)
        gap_exports.analysis_downloads(snap, lambda: result, choice.need,
                                       gap_analysis.need_label(choice.need), None, "plan_dl")
        if comparison:
            gap_exports.scenario_downloads(snap, comparison)


render()
