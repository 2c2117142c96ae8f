"""The Infoblatt: the offers a Lotse picked with a family, as an A4 PDF to take home.

German plus the family's language (services/texts/translations/): headings, labels,
weekdays, need labels and the explanation are translated; names and addresses stay German,
because that is what is written on the door. HTML/CSS (Jinja2, autoescaped, so every text
from data is escaped) is turned into PDF by WeasyPrint, whose Pango/HarfBuzz shaping joins
Arabic and Farsi letters correctly; fonts are Debian's Noto fonts (fonts-noto-core).

Every data text is also put in a Unicode bidi isolate (services/plaintext.py), so a
direction override inside a name cannot reverse the sheet's own text beside it.
Template environment and the PDF call are shared with the other reports (render.py).

Nothing about the family is in the sheet unless the Lotse typed it into a note, and nothing
of it is stored: the PDF exists only as the returned bytes. WeasyPrint fetches nothing: the
map is SVG drawn here, the QR codes are inline SVG, and any URL is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import segno
from markupsafe import Markup

from services.formatting import format_date, format_hours
from services.model import Offer, Office
from services.plaintext import isolate
from services.reports.render import ENVIRONMENT, render_pdf
from services.reports.sheet_map import MapPoint, SheetMap, build_sheet_map
from services.shortlist import Shortlist
from services.texts.translations import SheetTexts, sheet_texts

GERMAN = sheet_texts("de")
OFFICE_LABEL = "Q"


@dataclass(frozen=True, slots=True)
class SheetOffer:
    """One offer on the sheet, with what the page computed for this family."""

    offer: Offer
    distance: str = ""  # as the page shows it, e.g. "ca. 650 m"
    note: str = ""  # typed by the Lotse; the only family data that may reach the sheet


@dataclass(frozen=True, slots=True)
class Line:
    """One row of an offer: a German label and value, and their translation ("" if none)."""

    label: str
    label_tr: str
    value: str
    value_tr: str = ""


def sheet_offers(
    shortlist: Shortlist, offers: Mapping[str, Offer], distances: Mapping[str, str]
) -> list[SheetOffer]:
    """The shortlist in its order, with notes and distances; offers gone since are left out."""
    return [
        SheetOffer(offers[e.offer_id], distances.get(e.offer_id, ""), e.note)
        for e in shortlist.entries
        if e.offer_id in offers
    ]


def referral_sheet_pdf(
    entries: Sequence[SheetOffer],
    office: Office | None,
    districts: gpd.GeoDataFrame,
    language: str,
    created: date,
) -> bytes:
    """The Infoblatt as PDF bytes (A4)."""
    html = referral_sheet_html(entries, office, districts, language, created)
    return render_pdf(html, "referral_sheet.css", "Infoblatt")


def referral_sheet_html(
    entries: Sequence[SheetOffer],
    office: Office | None,
    districts: gpd.GeoDataFrame,
    language: str,
    created: date,
) -> str:
    """The sheet's HTML: what the PDF shows, for tests and for a preview."""
    if not entries:
        raise ValueError("an Infoblatt needs at least one offer")
    texts = sheet_texts(language)
    bilingual = texts.code != GERMAN.code
    return ENVIRONMENT.get_template("referral_sheet.html").render(
        de=GERMAN,
        tr=texts if bilingual else None,
        created=format_date(created),
        offers=[_offer_view(number, e, texts) for number, e in enumerate(entries, start=1)],
        office=_office_view(office, texts) if office else None,
        map=_map(entries, office, districts),
    )


def _offer_view(number: int, entry: SheetOffer, texts: SheetTexts) -> dict:
    offer = entry.offer
    return {
        "number": number,
        "name": isolate(offer.name),
        "is_demo": offer.is_demo,
        "lines": [line for line in _offer_lines(entry, texts) if line.value or line.value_tr],
        "qr": _qr(offer),
        "note": isolate(entry.note),
    }


def _offer_lines(entry: SheetOffer, texts: SheetTexts) -> list[Line]:
    offer = entry.offer
    return [
        Line(GERMAN.needs, texts.needs, *_translated(offer.needs, "need_labels", texts)),
        Line(GERMAN.address, texts.address, _address(offer.address, offer.postcode, offer.city)),
        Line(GERMAN.distance, texts.distance, isolate(entry.distance)),
        Line(GERMAN.hours, texts.hours, *_hours(offer.opening_hours, offer.hours_note, texts)),
        Line(GERMAN.period, texts.period, _period(offer)),
        Line(GERMAN.costs, texts.costs, *_costs(offer, texts)),
        Line(GERMAN.languages, texts.languages,
             *_translated(offer.languages, "language_names", texts)),  # fmt: skip
        Line(GERMAN.phone, texts.phone, isolate(offer.phone)),
        Line(GERMAN.email, texts.email, isolate(offer.email)),
    ]


def _office_view(office: Office, texts: SheetTexts) -> dict:
    lines = [
        Line(GERMAN.address, texts.address, _address(office.address, office.postcode, office.city)),
        Line(GERMAN.hours, texts.hours, *_hours(office.opening_hours, office.hours_note, texts)),
        Line(GERMAN.phone, texts.phone, isolate(office.phone)),
        Line(GERMAN.email, texts.email, isolate(office.email)),
    ]
    return {
        "name": isolate(office.name),
        "contact": isolate(office.contact),
        "is_demo": office.is_demo,
        "lines": [line for line in lines if line.value or line.value_tr],
    }


def _translated(codes: tuple[str, ...], catalogue: str, texts: SheetTexts) -> tuple[str, str]:
    """German and translated names of codes; a code without a name shows as itself."""
    german, other = getattr(GERMAN, catalogue), getattr(texts, catalogue)
    return (
        GERMAN.list_separator.join(german.get(c, c) for c in codes),
        texts.list_separator.join(other.get(c, german.get(c, c)) for c in codes),
    )


def _address(street: str, postcode: str, city: str) -> str:
    place = " ".join(isolate(p) for p in (postcode, city) if p)
    return ", ".join(p for p in (isolate(street) if street else "", place) if p)


def _hours(slots, note: str, texts: SheetTexts) -> tuple[str, str]:
    """German hours with the (German) note; the translation shows the slots or "please ask"."""
    german = "; ".join(p for p in (format_hours(slots), isolate(note)) if p) or GERMAN.hours_unknown
    translated = (
        format_hours(slots, suffix="", weekdays=texts.weekdays) if slots else texts.hours_unknown
    )
    return german, translated


def _period(offer: Offer) -> str:
    """"01.09.2026 – 09.07.2027", "01.09.2026 –" or "– 09.07.2027" (digits read in every
    language); "" for an offer without a period, whose line is then left out."""
    if offer.valid_from is None and offer.valid_to is None:
        return ""
    start, end = (format_date(d) if d else "" for d in (offer.valid_from, offer.valid_to))
    return isolate(f"{start} – {end}".strip())


def _costs(offer: Offer, texts: SheetTexts) -> tuple[str, str]:
    def label(t: SheetTexts) -> str:
        return {True: t.free, False: t.not_free, None: t.costs_unknown}[offer.free_of_charge]

    german = f"{label(GERMAN)} – {isolate(offer.fee_text)}" if offer.fee_text else label(GERMAN)
    return german, label(texts)


def _qr(offer: Offer) -> dict | None:
    """A QR code of the website, else of the phone number (tel: URI), as inline SVG."""
    if offer.website:
        target, kind = offer.website, "website"
    elif tel_uri(offer.phone):
        target, kind = tel_uri(offer.phone), "phone"
    else:
        return None
    code = segno.make(target, error="m")
    svg = code.svg_inline(scale=1, border=0, omitsize=True, dark="#000")
    return {"svg": Markup(svg), "kind": kind}  # segno draws modules only; no data text


def tel_uri(phone: str) -> str:
    """"02041 99123" -> "tel:+49204199123" (RFC 3966, German numbers made international)."""
    digits = re.sub(r"[^\d+]", "", phone)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+49" + digits[1:]
    return f"tel:{digits}" if len(re.sub(r"\D", "", digits)) >= 6 else ""


def _map(
    entries: Sequence[SheetOffer], office: Office | None, districts: gpd.GeoDataFrame
) -> SheetMap:
    points = [
        MapPoint(str(number), e.offer.lat, e.offer.lon)
        for number, e in enumerate(entries, start=1)
    ]
    if office is not None:
        points.append(MapPoint(OFFICE_LABEL, office.lat, office.lon, "office"))
    return build_sheet_map(points, districts)

