"""Bezirksprofil: one district against the city, and the presentation mode for the council."""

import streamlit as st

from services.analysis.headlines import headlines
from services.analysis.profiles import district_profile
from services.analysis.status_dynamics import status_dynamics
from services.plaintext import markdown_filled, markdown_literal
from services.texts import profile as t
from ui import data, sidebar
from ui.components import profile as parts
from ui.components.presentation import slide
from ui.components.profile_choice import (
    current_district,
    district_picker,
    presenting,
    start_presentation,
    write_url,
)


def render() -> None:
    snap = data.snapshot() if presenting() else sidebar.render()
    district_id = current_district(snap.district_names)
    if district_id is None or snap.indicator_values.empty:
        st.info(t.NO_DISTRICTS)
        return
    classes = status_dynamics(snap)
    profile = district_profile(snap, district_id, classes=classes)
    write_url(district_id)
    if presenting():
        slide(snap, profile, classes, headlines(snap, profile))
        return

    picker, button = st.columns([3, 1], vertical_alignment="bottom")
    with picker:
        district_picker(snap.district_names)
    button.button(t.PRESENT, on_click=start_presentation, help=t.PRESENT_HELP,
                  width="stretch")
    st.title(markdown_literal(profile.name))
    st.caption(markdown_filled(t.HEADER_META, stadtbezirk=profile.stadtbezirk, year=profile.year))
    if profile.is_demo:
        st.warning(t.DEMO_NOTE)
    map_column, figure_column = st.columns([3, 2])
    with map_column:
        parts.status_map(snap, classes, district_id, key="profil_karte", height=480)
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
        parts.unmet_needs(profile, counts)
        parts.similar(profile)
    parts.report_downloads(snap, profile, counts)


render()
