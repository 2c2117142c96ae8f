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
from services.plaintext import isolate
from services.snapshot import Snapshot
from services.taxonomy import age_groups_of
from services.texts import nearby as t
from services.texts.translations import SHEET_LANGUAGES
from ui import nearby_state as keys
from ui.components.nearby_start import Start
from ui.components.referral_sheet import referral_sheet_button
from ui.components.shortlist import current, shortlist_panel
from ui.components.unmet_needs import NeedContext, unmet_need_form, unmet_needs_listing

# The Lotse's own office: a session choice outside the "lotse_" keys, so „Neue Beratung“
# keeps it; the widget's key is separate, as Streamlit drops a widget's state on other pages.
MY_OFFICE = "quartiersbuero"
MY_OFFICE_WIDGET = "quartiersbuero_auswahl"


def _suggested_office(snap: Snapshot, start: Start | None) -> Office:
    """Until the Lotse chooses: the starting office, else the one nearest the family's
    point, else the first."""
    if start is not None and start.office_id and snap.office(start.office_id):
        return snap.office(start.office_id)
    if start is None:
        return snap.offices[0]
    here = (start.lat, start.lon)
    return min(snap.offices, key=lambda o: walking_between(here, (o.lat, o.lon)))


def _keep_my_office() -> None:
    st.session_state[MY_OFFICE] = st.session_state[MY_OFFICE_WIDGET]


def my_office(snap: Snapshot, start: Start | None) -> Office | None:
    """„Mein Quartiersbüro“: whose contact the Infoblatt prints, which office a need is
    reported for and whose reports are listed. None when no office is known."""
    offices = {o.id: o for o in snap.offices}
    if not offices:
        return None
    chosen = st.session_state.get(MY_OFFICE)
    if chosen not in offices:
        chosen = _suggested_office(snap, start).id
    st.session_state[MY_OFFICE_WIDGET] = chosen
    st.selectbox(t.MY_OFFICE, list(offices), format_func=lambda i: isolate(offices[i].name),
                 key=MY_OFFICE_WIDGET, on_change=_keep_my_office, help=t.MY_OFFICE_HELP)  # fmt: skip
    return offices[chosen]


def shortlist_and_sheet(snap: Snapshot, start: Start, query: NearbyQuery, office: Office | None) -> None:
    """The Merkliste and „Infoblatt erstellen“, in the family's first sheet language."""
    offers = {i: offer for i in current().offer_ids if (offer := snap.offer(i))}
    here = (start.lat, start.lon)
    distances = {i: format_distance(walking_between(here, (o.lat, o.lon))) for i, o in offers.items()}
    entries = shortlist_panel(offers, distances)
    language = next((c for c in query.languages if c in SHEET_LANGUAGES and c != "de"), "de")
    referral_sheet_button(entries, office, snap.districts, key=keys.SHEET,
                          default_language=language)


def unmet_needs(snap: Snapshot, start: Start | None, query: NearbyQuery | None, today: date,
                office: Office | None) -> None:  # fmt: skip
    """„Bedarf anmelden“ for the Lotse's office, filled in from the consultation when there
    is one (district from the point, not the address), and that office's reports of this
    and last month (with or without a consultation)."""
    context = NeedContext(office_id=office.id if office else None)
    if start is not None and query is not None:
        district = assign_districts([start.lat], [start.lon], snap.districts)[0]
        context = NeedContext(
            office_id=context.office_id, district_id=district,
            district_from_point=True, age_groups=age_groups_of(query.child_ages),
            needs=query.needs, languages=query.languages,
        )  # fmt: skip
    with st.expander(t.NEEDS_SECTION):
        unmet_need_form(snap, context, today, key=keys.NEED_FORM)
        if office is not None:
            unmet_needs_listing(snap, office.id, today, key=keys.NEED_LISTING)
