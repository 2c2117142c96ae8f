"""Karte: the indicator map with offers and Quartiersbüros, filters and a details panel."""

import streamlit as st
from streamlit_folium import st_folium

from pages import session, sidebar
from services import filters
from services.assets import missing_assets
from services.choropleth import build_choropleth
from services.config import load_settings
from services.details import district_rows, escape_markdown, office_rows, offer_rows
from services.indicators import DEFAULT_INDICATOR, INDICATORS, INDICATORS_BY_KEY
from services.mapview import (
    build_base_map,
    build_layer_control,
    build_offer_layer,
    need_key_html,
    parse_clicked,
)
from services.texts import ui
from services.urlstate import CLASSIFICATIONS, DEFAULT_CLASSIFICATION

_KIND_PREFIX = {"offer": "o", "office": "b", "district": "d"}
_LAST_CLICK = "_karte_last_click"


def _normalise_map_choice(snap) -> None:
    """Unknown indicator or year (old link, new data) falls back to a valid one."""
    state = st.session_state
    if state.get(session.INDICATOR) not in INDICATORS_BY_KEY:
        state[session.INDICATOR] = DEFAULT_INDICATOR
    years = snap.years(state[session.INDICATOR])
    if state.get(session.YEAR) not in years:
        state[session.YEAR] = years[-1] if years else None
    if state.get(session.CLASSIFICATION) not in CLASSIFICATIONS:
        state[session.CLASSIFICATION] = DEFAULT_CLASSIFICATION


def _map_controls(snap) -> None:
    left, middle, right = st.columns([3, 1, 2])
    left.selectbox(ui.MAP_INDICATOR, [i.key for i in INDICATORS], key=session.INDICATOR,
                   format_func=lambda k: f"{INDICATORS_BY_KEY[k].label} ({INDICATORS_BY_KEY[k].unit})")
    middle.selectbox(ui.MAP_YEAR, snap.years(st.session_state[session.INDICATOR]) or [None],
                     key=session.YEAR)
    right.selectbox(ui.MAP_CLASSIFICATION, list(CLASSIFICATIONS), key=session.CLASSIFICATION,
                    format_func=ui.CLASSIFICATION_LABELS.get)


def _filter_chips(state: filters.FilterState, district_names: dict[str, str]) -> None:
    active = filters.chips(state, district_names)
    if not active:
        return
    st.caption(ui.ACTIVE_FILTERS)
    for chip in active:
        st.button(  # button labels are Markdown: a district name or search text is data
            f"✕ {escape_markdown(chip.label)}", key=f"chip_{chip.field}_{chip.value}",
            help=ui.CHIP_REMOVE_HELP,
            on_click=session.remove_filter, args=(chip.field, chip.value),
        )


def _remember_click(result: dict | None) -> None:
    """Turn a new click on the map into the selection (panning never reruns the app)."""
    result = result or {}
    click = (result.get("last_object_clicked_count"), result.get("last_object_clicked_tooltip"))
    if click[1] is None:
        st.session_state[_LAST_CLICK] = None
        return
    if click == st.session_state.get(_LAST_CLICK):
        return
    st.session_state[_LAST_CLICK] = click
    parsed = parse_clicked(click[1])
    if parsed:
        st.session_state[session.SELECTED] = f"{_KIND_PREFIX[parsed[0]]}:{parsed[1]}"
        st.rerun()


def _close_details() -> None:
    st.session_state[session.SELECTED] = None


def _render_rows(title: str, rows, badge: str) -> None:
    st.markdown(f"#### {escape_markdown(title)}")
    st.caption(badge)
    lines = (f"**{escape_markdown(label)}:** {escape_markdown(value)}" for label, value in rows)
    st.markdown("  \n".join(lines))


def _details_panel(snap, selected: str | None, choropleth, shown) -> None:
    st.subheader(ui.DETAILS_TITLE)
    if not selected:
        st.info(ui.MAP_CLICK_HINT)
        return
    kind, _, item_id = selected.partition(":")
    repo = session.repository()
    if kind == "o" and (offer := repo.get_offer(item_id)):
        badge = ui.DEMO_ITEM if offer.is_demo else ui.REAL_ITEM
        _render_rows(offer.name, offer_rows(offer, snap.district_names.get(offer.district_id)), badge)
    elif kind == "b" and (office := snap.office(item_id)):
        badge = ui.DEMO_ITEM if office.is_demo else ui.REAL_ITEM
        _render_rows(office.name, office_rows(office, snap.district_names.get(office.district_id)), badge)
    elif kind == "d" and (rows := district_rows(choropleth, item_id, shown)):
        badge = ui.DEMO_DISTRICTS if snap.demo_districts else ""
        _render_rows(snap.district_names[item_id], rows, badge)
    else:
        st.warning(ui.DETAILS_NOT_FOUND)
    st.button(ui.DETAILS_CLOSE, on_click=_close_details)


def render() -> None:
    snap = sidebar.render()
    settings = load_settings()
    _normalise_map_choice(snap)
    view = session.current_view(set(snap.district_names))

    if snap.districts.empty and snap.offers.empty:
        st.info(ui.EMPTY_DATABASE)
    _map_controls(snap)
    indicator = INDICATORS_BY_KEY[st.session_state[session.INDICATOR]]
    year = st.session_state[session.YEAR]
    method = CLASSIFICATIONS[st.session_state[session.CLASSIFICATION]]
    shown = filters.apply(snap.offers, view.filters)
    choropleth = build_choropleth(snap.districts, snap.indicator_values, indicator, year, method)

    # The map comes right after the controls, so that it fits on a laptop screen: a map
    # partly below the fold scrolls when clicked, and the click misses its marker.
    map_column, side_column = st.columns([3, 1])
    with side_column:
        st.markdown(ui.MAP_COUNT.format(shown=len(shown), total=len(snap.offers)))
        _filter_chips(view.filters, snap.district_names)
    with map_column:
        _map(snap, settings, choropleth, shown)
    with side_column:
        _details_panel(snap, st.session_state.get(session.SELECTED), choropleth, shown)
        with st.expander(ui.MAP_NEED_KEY):
            st.html(need_key_html())

    session.write_view_to_url(session.current_view(set(snap.district_names)))


def _map(snap, settings, choropleth, shown) -> None:
    missing = missing_assets()
    if missing:
        st.error(ui.MAP_ASSETS_MISSING.format(files=", ".join(p.name for p in missing)))
        return
    notice = ui.DEMO_DISTRICTS if snap.demo_districts else None
    highlight = snap.position_of(st.session_state.get(session.SELECTED))
    base = build_base_map(choropleth, snap.districts_web_geojson, snap.offices, settings, notice)
    result = st_folium(
        base, key="karte", height=620, use_container_width=True,
        feature_group_to_add=build_offer_layer(shown, highlight),
        layer_control=build_layer_control(),
        returned_objects=["last_object_clicked_tooltip", "last_object_clicked_count"],
    )
    _remember_click(result)
    if all(d.value is None for d in choropleth.districts):
        st.info(ui.MAP_NO_INDICATOR_DATA)
    indicator = choropleth.indicator
    st.caption(f"**{ui.MAP_DEFINITION}:** {escape_markdown(indicator.definition)}")
    source = "; ".join(choropleth.sources) or ui.UNKNOWN
    st.caption(escape_markdown(ui.MAP_SOURCE.format(source=source, year=choropleth.year)))
    if snap.demo_values:
        st.caption(ui.DEMO_VALUES)


render()
