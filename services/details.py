"""What the details panel says about an offer or a Quartiersbüro, as label/value rows.

Plain text only: the page shows every value with services/plaintext.py, so a name like
`<img src=x onerror=alert(1)>` or `:material/warning:` is shown as it is, not run.
"""

from __future__ import annotations

import pandas as pd

from services import freshness
from services.choropleth import ChoroplethData
from services.formatting import format_ages, format_date, format_hours, format_value, join_present
from services.model import Offer, Office
from services.taxonomy import AUDIENCES, need_labels
from services.texts import ui

Rows = list[tuple[str, str]]


def _position_note(precision: str) -> str:
    return {"approximate": ui.DETAILS_POSITION_APPROX, "street": ui.DETAILS_POSITION_STREET}.get(
        precision, ""
    )


def _address(place: Offer | Office) -> str:
    town = " ".join(p for p in (place.postcode, place.city) if p)
    text = ", ".join(p for p in (place.address, town) if p)
    note = _position_note(place.position_precision)
    return f"{text} ({note})" if note else text


def language_names(codes: tuple[str, ...]) -> str:
    """"Deutsch, Arabisch": the offer's languages by name (unknown codes as they are)."""
    return ", ".join(ui.LANGUAGE_NAMES.get(c, c) for c in codes)


def _flag(value: bool | None) -> str:
    return ui.UNKNOWN if value is None else (ui.YES if value else ui.NO)


def cost_label(free_of_charge: bool | None) -> str:
    """"kostenlos", "kostenpflichtig" or "nicht bekannt" (fees of real offers are often unpublished)."""
    return {True: ui.FREE, False: ui.NOT_FREE, None: ui.COSTS_UNKNOWN}[free_of_charge]


def _costs(offer: Offer) -> str:
    label = cost_label(offer.free_of_charge)
    return f"{label} – {offer.fee_text}" if offer.fee_text else label


def _hours(slots, note: str) -> str:
    return join_present(format_hours(slots), note)


def offer_rows(offer: Offer, district_name: str | None, stale: bool = False) -> Rows:
    """The details of one offer, in the order a family's questions come; a stale offer's
    check date says so („nicht mehr geprüft seit …“)."""
    verified = freshness.stale_note(offer.last_verified) if stale else format_date(offer.last_verified)
    rows: Rows = [
        (ui.DETAILS_PROVIDER, offer.provider),
        (ui.DETAILS_NEEDS, ", ".join(need_labels(offer.needs))),
        (ui.DETAILS_AGES, format_ages(offer.min_age, offer.max_age)),
        (ui.DETAILS_AUDIENCE, ", ".join(AUDIENCES.get(a, a) for a in offer.audience)),
        (ui.DETAILS_HOURS, _hours(offer.opening_hours, offer.hours_note)),
        (ui.DETAILS_ADDRESS, _address(offer)),
        (ui.DETAILS_DISTRICT, district_name or ""),
        (ui.DETAILS_CONTACT, join_present(offer.phone, offer.email, offer.website)),
        (ui.DETAILS_COSTS, _costs(offer)),
        (ui.DETAILS_LANGUAGES, language_names(offer.languages)),
        (ui.DETAILS_BARRIER_FREE, _flag(offer.barrier_free)),
        (ui.DETAILS_STATUS, ui.STATUS_LABELS.get(offer.status, offer.status)),
        (ui.DETAILS_VERIFIED, verified),
        (ui.DETAILS_SOURCE, offer.source),
    ]
    return [(label, value) for label, value in rows if value]


def district_rows(choropleth: ChoroplethData, district_id: str, shown_offers: pd.DataFrame) -> Rows:
    """A district's figure beside the city average, and how many shown offers lie in it."""
    shade = next((d for d in choropleth.districts if d.id == district_id), None)
    if shade is None:
        return []
    indicator = choropleth.indicator
    value = ui.DISTRICT_VALUE.format(
        value=shade.text, average=format_value(choropleth.average.value, indicator)
    )
    count = int((shown_offers["district_id"] == district_id).sum())
    return [
        (f"{indicator.label} {choropleth.year}", value),
        (ui.DETAILS_OFFERS, ui.DISTRICT_OFFERS.format(count=count)),
        (ui.DETAILS_SOURCE, "; ".join(choropleth.sources)),
    ]


def office_rows(office: Office, district_name: str | None) -> Rows:
    """The details of one Quartiersbüro."""
    rows: Rows = [
        (ui.DETAILS_PROVIDER, office.operator),
        (ui.DETAILS_ROLE, office.staff_role),
        (ui.DETAILS_PROGRAMME, office.programme),
        (ui.DETAILS_HOURS, _hours(office.opening_hours, office.hours_note)),
        (ui.DETAILS_ADDRESS, _address(office)),
        (ui.DETAILS_DISTRICT, district_name or ""),
        (ui.DETAILS_CONTACT, join_present(office.phone, office.email, office.contact)),
        (ui.DETAILS_SOURCE, office.source),
    ]
    return [(label, value) for label, value in rows if value]
