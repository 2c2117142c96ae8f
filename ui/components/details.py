"""The details panel beside the map: an offer, a Quartiersbüro or a district.

Everything comes from the snapshot (no query per rerun); every value is data and is
escaped before it reaches Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from services.choropleth import ChoroplethData
from services.details import Rows, district_rows, offer_rows, office_rows
from services.plaintext import markdown_literal
from services.selection import Selection
from services.snapshot import Snapshot
from services.texts import profile as profile_texts
from services.texts import ui
from ui import page, state
from ui.components.profile_choice import URL_DISTRICT

DETAILS_ANCHOR = "details"  # on phones the panel is below the map: scrolled to
PROFILE_PAGE = "pages/bezirke.py"


def _render_rows(title: str, rows: Rows, badge: str) -> None:
    st.markdown(f"#### {markdown_literal(title)}")
    if badge:
        st.caption(badge)
    # labels are our own constants; values are data
    lines = (f"**{label}:** {markdown_literal(value)}" for label, value in rows)
    st.markdown("  \n".join(lines))


def _badge(is_demo: bool) -> str:
    return ui.DEMO_ITEM if is_demo else ui.REAL_ITEM


def _show(snap: Snapshot, selected: Selection, choropleth: ChoroplethData, shown: pd.DataFrame) -> bool:
    """Render the selected item; False when it does not exist (any more)."""
    if selected.kind == "offer" and (offer := snap.offer(selected.id)):
        district = snap.district_names.get(offer.district_id)
        rows = offer_rows(offer, district, snap.is_stale(offer.id))
        _render_rows(offer.name, rows, _badge(offer.is_demo))
    elif selected.kind == "office" and (office := snap.office(selected.id)):
        district = snap.district_names.get(office.district_id)
        _render_rows(office.name, office_rows(office, district), _badge(office.is_demo))
    elif selected.kind == "district" and (rows := district_rows(choropleth, selected.id, shown)):
        badge = ui.DEMO_DISTRICTS if snap.demo_districts else ""
        _render_rows(snap.district_names[selected.id], rows, badge)
        st.page_link(PROFILE_PAGE, label=profile_texts.OPEN_PROFILE, icon="📊",
                     query_params={URL_DISTRICT: selected.id})
    else:
        return False
    return True


def details_panel(snap: Snapshot, choropleth: ChoroplethData, shown: pd.DataFrame) -> None:
    st.subheader(ui.DETAILS_TITLE, anchor=DETAILS_ANCHOR)
    selected = state.selection()
    if selected is None:
        st.info(ui.MAP_CLICK_HINT)
        return
    if not _show(snap, selected, choropleth, shown):
        st.warning(ui.DETAILS_NOT_FOUND)
    st.button(ui.DETAILS_CLOSE, on_click=state.select, args=(None,))
    page.scroll_into_view_on_phones(DETAILS_ANCHOR, selected.ref)
