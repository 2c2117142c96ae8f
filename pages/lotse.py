"""Lotse – Angebote in der Nähe: from where a family lives to nearby offers that fit.

Thin: the form's state -> services (address index, nearby search, map) -> render. The
family's address and point stay in the session only (ui/nearby_state.py).
"""

from datetime import date

import streamlit as st

from services.config import load_settings
from services.map.base import build_base_map
from services.map.nearby import nearby_map
from services.nearest import NearbyQuery
from services.plaintext import markdown_literal
from services.texts import nearby as t
from services.texts import ui
from ui import data, nearby_state, sidebar
from ui.components.consultation import my_office, shortlist_and_sheet, unmet_needs
from ui.components.map_frame import assets_ready, map_frame, position_map_frame
from ui.components.nearby_form import criteria
from ui.components.nearby_results import result_limit, result_list
from ui.components.nearby_start import picks_on_map, starting_point, take_map_click


def render() -> None:
    snap = sidebar.render()
    st.header(t.PAGE_HEADING)
    # The controls below the heading: beside it they would lie under Streamlit's header bar.
    privacy, office_column, reset = st.columns([5, 3, 2], vertical_alignment="bottom")
    privacy.caption(t.PAGE_PRIVACY)
    reset.button(t.NEW_CONSULTATION, on_click=nearby_state.new_consultation,
                 help=t.NEW_CONSULTATION_HELP, use_container_width=True)
    indexes = data.nearby_indexes(snap)
    form_column, map_column = st.columns([2, 3])
    with form_column:
        start = starting_point(snap, indexes.addresses)
        if start is not None:
            st.success(t.START_CHOSEN.format(label=markdown_literal(start.label)))
            if t.DEMO_ADDRESSES in start.notes:  # the other notes are the candidate's captions
                st.caption(t.DEMO_ADDRESSES)
        wanted = criteria(snap.filter_context.languages)
    with office_column:
        office = my_office(snap, start)
    today = date.today()
    if start is None:
        with map_column:
            if picks_on_map() and assets_ready():  # the city, to click where the family lives
                base = build_base_map(snap.districts_web_geojson, snap.district_names,
                                      snap.offices, load_settings())
                take_map_click(position_map_frame(base, [], key=nearby_state.PICK_MAP, height=480))
            else:
                st.info(t.CHOOSE_START)
        unmet_needs(snap, None, None, today, office)  # a need can be reported on its own
        return
    query = NearbyQuery(start.lat, start.lon, **wanted, limit=result_limit(), on=today)
    result = indexes.offers.query(query)
    more = result.within_distance and len(result.offers) == query.limit
    total = indexes.offers.count_fitting(query) if more else len(result.offers)
    with map_column:
        if assets_ready():
            notice = t.DEMO_ADDRESSES if t.DEMO_ADDRESSES in start.notes else (
                ui.DEMO_DISTRICTS if snap.demo_districts else None)
            base = nearby_map(load_settings(), (start.lat, start.lon), query.max_distance_m,
                              result.offers, snap.offices, snap.districts_web_geojson,
                              snap.district_names, notice)
            if picks_on_map():  # another click moves the starting point
                take_map_click(position_map_frame(base, [], key=nearby_state.PICK_MAP, height=480))
            else:
                map_frame(base, None, key="lotse", height=480)
        result_list(result, query.max_distance_m, snap, total)
    with form_column:
        shortlist_and_sheet(snap, start, query, office)
    unmet_needs(snap, start, query, today, office)


render()
