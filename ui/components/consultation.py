"""What follows a search on the Lotse page: the Merkliste, the Infoblatt and „Bedarf anmelden“.

Everything here is derived from the session's consultation (starting point, form) and the
snapshot; the family's point is used to compute distances and the district, never kept.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from services.geo import assign_districts
from services.model import Office
from services.nearest import NearbyQuery, format_distance, walking_between
from services.snapshot import Snapshot
from services.taxonomy import age_groups_of
from services.texts import nearby as t
from services.texts.translations import SHEET_LANGUAGES
from ui import nearby_state as keys
from ui.components.nearby_start import Start
from ui.components.referral_sheet import referral_sheet_button
from ui.components.shortlist import current, shortlist_panel
from ui.components.unmet_needs import NeedContext, unmet_need_form, unmet_needs_listing


def _office_for(snap: Snapshot, start: Start) -> Office | None:
    """The Quartiersbüro of the consultation: the starting one, else the nearest one."""
    if start.office_id:
        return snap.office(start.office_id)
    here = (start.lat, start.lon)
    return min(snap.offices, key=lambda o: walking_between(here, (o.lat, o.lon)), default=None)


def shortlist_and_sheet(snap: Snapshot, start: Start, query: NearbyQuery) -> None:
    """The Merkliste and „Infoblatt erstellen“, in the family's first sheet language."""
    offers = {i: offer for i in current().offer_ids if (offer := snap.offer(i))}
    here = (start.lat, start.lon)
    distances = {i: format_distance(walking_between(here, (o.lat, o.lon))) for i, o in offers.items()}
    entries = shortlist_panel(offers, distances)
    language = next((c for c in query.languages if c in SHEET_LANGUAGES and c != "de"), "de")
    referral_sheet_button(entries, _office_for(snap, start), snap.districts, key=keys.SHEET,
                          default_language=language)


def unmet_needs(snap: Snapshot, start: Start | None, query: NearbyQuery | None, today: date) -> None:
    """„Bedarf anmelden“, filled in from the consultation when there is one (district from the
    point, not the address), and the office's reports of this and last month."""
    context, office = NeedContext(), None
    if start is not None and query is not None:
        office = _office_for(snap, start)
        district = assign_districts([start.lat], [start.lon], snap.districts)[0]
        context = NeedContext(
            office_id=office.id if office else None, district_id=district,
            district_from_point=True, age_groups=age_groups_of(query.child_ages),
            needs=query.needs, languages=query.languages,
        )  # fmt: skip
    with st.expander(t.NEEDS_SECTION):
        unmet_need_form(snap, context, today, key=keys.NEED_FORM)
        if office is not None:
            unmet_needs_listing(snap, office.id, today, key=keys.NEED_LISTING)
