"""Bezirksprofil: one district against the city, and the presentation mode for the council."""

import streamlit as st

from services.analysis.headlines import headlines
from services.analysis.profiles import district_profile
from services.analysis.status_dynamics import status_dynamics
from services.indicators import DEFAULT_INDICATOR
from services.plaintext import markdown_filled, markdown_literal
from services.texts import profile as t
from ui import data, sidebar, state
from ui.components import profile as parts
from ui.components.presentation import slide
from ui.components.profile_choice import (
    current_district,
    current_year,
    district_picker,
    presenting,
    start_presentation,
    write_url,
    year_picker,
)

SIDEBAR_FILTERS = ("age_groups",)  # the ages narrow the offers by need; nothing else applies


def render() -> None:
    snap = data.snapshot() if presenting() else sidebar.render(SIDEBAR_FILTERS)
    district_id = current_district(snap.district_names)
    years = snap.years(DEFAULT_INDICATOR)
    year = current_year(years)
    if district_id is None or year is None:
        st.info(t.NO_DISTRICTS)
        return
    ages = state.current_filters(snap.filter_context).age_groups
    classes = status_dynamics(snap, year)
    profile = district_profile(snap, district_id, year=year, age_groups=ages, classes=classes)
    write_url(district_id, year)
    if presenting():
        slide(snap, profile, classes, headlines(snap, profile))
        return

    picker, year_column, button = st.columns([3, 1, 1], vertical_alignment="bottom")
    with picker:
        district_picker(snap.district_names)
    with year_column:
        year_picker(years)
    button.button(t.PRESENT, on_click=start_presentation, help=t.PRESENT_HELP,
                  width="stretch")
    st.title(markdown_literal(profile.name))
    st.caption(markdown_filled(t.HEADER_META, stadtbezirk=profile.stadtbezirk, year=profile.year))
    if profile.is_demo:
        st.warning(t.DEMO_NOTE)
    map_column, figure_column = st.columns([3, 2])
    with map_column:
        parts.status_map(snap, classes, profile, key="profil_karte", height=560)
    with figure_column:
        parts.headline_metrics(headlines(snap, profile))
    parts.status_box(profile, classes)
    parts.indicator_table(profile)
    parts.trend_charts(profile)
    counts = data.unmet_need_counts()
    left, right = st.columns(2)
    with left:
        parts.offers_by_need(profile)
    with right:
        parts.offices(profile)
        parts.unmet_needs(profile, counts, data.unmet_need_counts(only_demo=True) or ())
        parts.similar(profile)
    parts.report_downloads(snap, profile, counts)
    parts.exports_section(snap, profile)


render()
