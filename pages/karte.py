"""Karte: the indicator map with offers and Quartiersbüros, filters and a details panel."""

import streamlit as st

from services import filters
from services.choropleth import ChoroplethData, build_choropleth
from services.config import load_settings
from services.indicators import INDICATORS, INDICATORS_BY_KEY
from services.map.base import build_base_map
from services.map.layers import need_key_html, offer_layer
from services.plaintext import markdown_literal
from services.snapshot import Snapshot
from services.texts import ui
from services.urlstate import CLASSIFICATIONS, valid_map_choice
from ui import sidebar, state, urlparams
from ui.components.chips import filter_chips
from ui.components.details import details_panel
from ui.components.map_frame import assets_ready, map_frame
from ui.components.reported_needs import reported_layer, reported_toggle

REPORTED_KEY = "karte_reported"


def _apply_valid_choice(snap: Snapshot) -> None:
    """A link's unknown indicator or year is replaced, and the user is told so."""
    choice = valid_map_choice(urlparams.current_view(snap.filter_context), snap.years)
    st.session_state.update({state.INDICATOR: choice.indicator, state.YEAR: choice.year,
                             state.CLASSIFICATION: choice.classification})
    if urlparams.from_link_this_run():
        for notice in choice.notices:
            st.info(notice)


def _map_controls(snap: Snapshot) -> None:
    left, middle, right = st.columns([3, 1, 2])
    left.selectbox(ui.MAP_INDICATOR, [i.key for i in INDICATORS], key=state.INDICATOR,
                   format_func=lambda k: f"{INDICATORS_BY_KEY[k].label} ({INDICATORS_BY_KEY[k].unit})")
    middle.selectbox(ui.MAP_YEAR, snap.years(st.session_state[state.INDICATOR]) or [None],
                     key=state.YEAR)
    right.selectbox(ui.MAP_CLASSIFICATION, list(CLASSIFICATIONS), key=state.CLASSIFICATION,
                    format_func=ui.CLASSIFICATION_LABELS.get)


def _map(snap: Snapshot, choropleth: ChoroplethData, shown) -> None:
    if not assets_ready():
        return
    notice = ui.DEMO_DISTRICTS if snap.demo_districts else None
    base = build_base_map(choropleth, snap.districts_web_geojson, snap.offices, load_settings(), notice)
    offers = offer_layer(shown, snap.position_of(state.selection()))
    reported = reported_layer(snap) if st.session_state.get(REPORTED_KEY) else None
    map_frame(base, [offers, reported] if reported else offers, key="karte")


def _figure_notes(snap: Snapshot, choropleth: ChoroplethData) -> None:
    """Below the map: what the figure means and where it comes from."""
    if all(d.value is None for d in choropleth.districts):
        st.info(ui.MAP_NO_INDICATOR_DATA)
    st.caption(f"**{ui.MAP_DEFINITION}:** {markdown_literal(choropleth.indicator.definition)}")
    source = "; ".join(choropleth.sources) or ui.UNKNOWN
    st.caption(markdown_literal(ui.MAP_SOURCE.format(source=source, year=choropleth.year)))
    if snap.demo_values:
        st.caption(ui.DEMO_VALUES)


def render() -> None:
    snap = sidebar.render()
    if snap.districts.empty and snap.offers.empty:
        st.info(ui.EMPTY_DATABASE)
    _apply_valid_choice(snap)
    _map_controls(snap)
    view = urlparams.current_view(snap.filter_context)
    shown = filters.apply(snap.offers, view.filters)
    choropleth = build_choropleth(snap.districts, snap.indicator_values,
                                  INDICATORS_BY_KEY[view.indicator], view.year,
                                  CLASSIFICATIONS[view.classification])

    # The map comes right after the controls, so that it fits on a laptop screen: a map
    # partly below the fold scrolls when clicked, and the click misses its marker.
    map_column, side_column = st.columns([3, 1])
    with side_column:
        st.markdown(ui.MAP_COUNT.format(shown=len(shown), total=len(snap.offers)))
        filter_chips(view.filters, snap.filter_context)
    with map_column:
        _map(snap, choropleth, shown)
        _figure_notes(snap, choropleth)
    with side_column:
        details_panel(snap, choropleth, shown)
        reported_toggle(REPORTED_KEY)
        with st.expander(ui.MAP_NEED_KEY):
            st.html(need_key_html())

    urlparams.write_view_to_url(urlparams.current_view(snap.filter_context))


render()
