"""Karte: the indicator map with offers and Quartiersbüros, filters, details and the list."""

import pandas as pd
import streamlit as st

from services import filters
from services.choropleth import ChoroplethData, build_choropleth
from services.config import load_settings
from services.indicators import INDICATORS, INDICATORS_BY_KEY
from services.map.base import build_base_map
from services.map.layers import (
    choropleth_layer,
    district_geometries,
    district_outline,
    need_key_html,
    offer_selection,
)
from services.plaintext import markdown_literal
from services.snapshot import Snapshot
from services.texts import ui
from services.urlstate import CLASS_SCOPES, CLASSIFICATIONS, ViewState, link_notices, valid_map_choice
from ui import sidebar, state, urlparams
from ui.components.chips import filter_chips, no_results_hint
from ui.components.details import details_panel
from ui.components.map_frame import assets_ready, map_frame
from ui.components.offer_table import TABLE_ANCHOR, offer_table, take_row_click
from ui.components.reported_needs import reported_layer, reported_toggle

REPORTED_KEY = "karte_reported"


def _apply_valid_choice(snap: Snapshot) -> None:
    """A link's unknown indicator, year or other value is replaced, and the user is told so."""
    choice = valid_map_choice(urlparams.current_view(snap.filter_context), snap.years)
    st.session_state.update({state.INDICATOR: choice.indicator, state.YEAR: choice.year,
                             state.CLASSIFICATION: choice.classification,
                             state.CLASS_SCOPE: choice.class_scope})
    if urlparams.from_link_this_run():
        others = link_notices(st.query_params.to_dict(), snap.filter_context)
        for notice in choice.notices + others:
            st.info(markdown_literal(notice))


def _map_controls(snap: Snapshot) -> None:
    left, middle, right, scope = st.columns([3.5, 1.3, 3, 3])  # at 150 % zoom no label is cut
    left.selectbox(ui.MAP_INDICATOR, [i.key for i in INDICATORS], key=state.INDICATOR,
                   format_func=lambda k: f"{INDICATORS_BY_KEY[k].label} ({INDICATORS_BY_KEY[k].unit})")
    middle.selectbox(ui.MAP_YEAR, snap.years(st.session_state[state.INDICATOR]) or [None],
                     key=state.YEAR)
    right.selectbox(ui.MAP_CLASSIFICATION, list(CLASSIFICATIONS), key=state.CLASSIFICATION,
                    format_func=ui.CLASSIFICATION_LABELS.get)
    scope.selectbox(ui.MAP_CLASS_SCOPE, list(CLASS_SCOPES), key=state.CLASS_SCOPE,
                    format_func=ui.CLASS_SCOPE_LABELS.get)


def _chosen_districts(view: ViewState) -> list[str]:
    """The districts to outline and zoom to: the selected one, else the filter's."""
    if view.selected and view.selected.kind == "district":
        return [view.selected.id]
    return list(view.filters.districts)


def _single_need(view: ViewState) -> str | None:
    """The need the layer „Gemeldete Bedarfe“ counts: the filter's one need, else all."""
    needs = view.filters.needs
    return needs[0] if len(needs) == 1 else None


def _map(snap: Snapshot, choropleth: ChoroplethData, shown: pd.DataFrame, view: ViewState) -> None:
    """The base map stays mounted per data version and holds all offers once; the indicator,
    the offers shown (a bitmask) and the outline are swapped in, so a new indicator or filter
    keeps the user's zoom and sends little."""
    if not assets_ready():
        return
    notice = ui.DEMO_DISTRICTS if snap.demo_districts else None
    settings = load_settings()
    base = build_base_map(snap.districts_web_geojson, snap.district_names, snap.offices, settings,
                          notice, offers=snap.offers, version=snap.version)
    geometries = district_geometries(snap.districts_web_geojson)
    dynamic = [
        choropleth_layer(choropleth, geometries),
        offer_selection(snap.offers, shown, snap.version, snap.position_of(state.selection())),
        district_outline(geometries, _chosen_districts(view)),
    ]
    if st.session_state.get(REPORTED_KEY):
        dynamic += [layer for layer in (reported_layer(snap, _single_need(view)),) if layer]
    map_frame(base, dynamic, key="karte")


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
    # Streamlit sends elements in the order the script draws them, wherever they sit on the
    # page: the map goes first, so that its frame loads while the browser builds the
    # controls and the sidebar's widgets. Their values are in session state already.
    snap = sidebar.prepare()
    take_row_click()  # a row picked in the list selects before map and details are drawn
    if snap.districts.empty and snap.offers.empty:
        st.info(ui.EMPTY_DATABASE)
    _apply_valid_choice(snap)
    controls = st.container(key="qa_controls")  # above the map, filled after it
    view = urlparams.current_view(snap.filter_context)
    shown = filters.apply(snap.offers, view.filters)
    choropleth = build_choropleth(snap.districts, snap.indicator_values,
                                  INDICATORS_BY_KEY[view.indicator], view.year,
                                  CLASSIFICATIONS[view.classification],
                                  CLASS_SCOPES[view.class_scope])

    # The map comes right after the controls and takes the height the window leaves
    # (static/page.css): a map partly below the fold scrolls the page when clicked.
    with st.container(key="qa_mapview"):
        map_column, side_column = st.columns([3, 1])
        with map_column:
            st.html(f'<a class="qa-skip" href="#{TABLE_ANCHOR}">{ui.SKIP_MAP}</a>')
            _map(snap, choropleth, shown, view)
        with side_column:
            st.markdown(ui.MAP_COUNT.format(shown=len(shown), total=len(snap.offers)))
            if shown.empty and not snap.offers.empty:
                no_results_hint(snap.offers, view.filters, snap.filter_context)
            filter_chips(view.filters, snap.filter_context)
            details_panel(snap, choropleth, shown)
            reported_toggle(REPORTED_KEY)
            with st.expander(ui.MAP_NEED_KEY):
                st.html(need_key_html())
    with controls:
        _map_controls(snap)
    sidebar.draw(snap)
    _figure_notes(snap, choropleth)
    offer_table(snap.offer_rows.loc[shown["id"].astype(str)])

    urlparams.write_view_to_url(urlparams.current_view(snap.filter_context))


render()
