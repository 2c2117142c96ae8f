"""Field kinds of offer and office files: how a cell's text becomes a model value and back.

Offers and offices share these kinds (and services/io/records.py), so a column such as
"lat" or "oeffnungszeiten" is checked the same way in both files. `parse` gets the non-empty
cell text and raises CellError; `dump` gives what a writer puts in a file (text, number,
date or None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from services.io import cells
from services.io.cells import CellError
from services.io.columns import OFFICE_STATUS_CODES, PRECISION_CODES, STATUS_CODES
from services.io.hours import format_hours_text, parse_hours
from services.taxonomy import AUDIENCES, NEEDS
from services.texts import validation as t

# A generous box around Bottrop: catches swapped or mistyped coordinates, not borders.
LAT_RANGE = (51.40, 51.70)
LON_RANGE = (6.75, 7.10)
AGE_RANGE = (0, 99)


@dataclass(frozen=True, slots=True)
class Kind:
    parse: Callable[[str], Any]
    dump: Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _bounded(text: str, own: tuple[float, float], template: str, hint: str = "") -> float:
    value = cells.parse_number(text)
    if not own[0] <= value <= own[1]:
        message = template.format(value=text, low=_de(own[0]), high=_de(own[1]))
        raise CellError(message + hint)
    return value


def _coordinate(text: str, own: tuple, other: tuple, template: str) -> float:
    """A coordinate inside the box; outside, hint at swapped lat/lon when that fits."""
    value = cells.parse_number(text)
    swapped = other[0] <= value <= other[1]
    return _bounded(text, own, template, t.LAT_LON_SWAPPED if swapped else "")


def _de(value: float) -> str:
    return cells.cell_number_text(value, decimal_comma=True)


def parse_lat(text: str) -> float:
    return _coordinate(text, LAT_RANGE, LON_RANGE, t.LAT_OUTSIDE)


def parse_lon(text: str) -> float:
    return _coordinate(text, LON_RANGE, LAT_RANGE, t.LON_OUTSIDE)


def parse_age(text: str) -> float:
    return _bounded(text, AGE_RANGE, t.OUT_OF_RANGE)


def code_parser(lookup: dict[str, str], allowed: str) -> Callable[[str], tuple[str, ...]]:
    """A parser for a ";"-list of codes, each given as code or German label (any case).

    Labels may contain commas (e.g. "Beratung in Notlagen (Geld, Wohnen, Leistungen)"), so
    a part is first matched whole and only then split at commas.
    """
    keys = {cells.fold(k): v for k, v in lookup.items()}

    def parse(text: str) -> tuple[str, ...]:
        codes: list[str] = []
        for part in text.split(";"):
            pieces = [part] if cells.fold(part) in keys else part.split(",")
            codes.extend(_lookup(keys, p.strip(), allowed) for p in pieces if p.strip())
        if not codes:
            raise CellError(t.EMPTY_LIST)
        return tuple(dict.fromkeys(codes))  # drop repeats, keep order

    return parse


def single_code_parser(german_codes: dict[str, str]) -> Callable[[str], str]:
    """German file code or model code -> model code ("exakt"/"exact" -> "exact")."""
    allowed = ", ".join(german_codes)
    names = german_codes | {model: model for model in german_codes.values()}
    keys = {cells.fold(name): model for name, model in names.items()}

    return lambda text: _lookup(keys, text, allowed)


def _lookup(keys: dict[str, str], text: str, allowed: str) -> str:
    code = keys.get(cells.fold(text))
    if code is None:
        raise CellError(t.UNKNOWN_CODE.format(value=text, allowed=allowed))
    return code


def parse_languages(text: str) -> tuple[str, ...]:
    codes = [c.strip().lower() for c in re.split(r"[;,]", text) if c.strip()]
    for code in codes:
        if not re.fullmatch(r"[a-z]{2,3}", code):
            raise CellError(t.BAD_LANGUAGE.format(value=code))
    if not codes:
        raise CellError(t.EMPTY_LIST)
    return tuple(dict.fromkeys(codes))


def parse_email(text: str) -> str:
    if "@" not in text or text.startswith("@") or text.endswith("@"):
        raise CellError(t.BAD_EMAIL.format(value=text))
    return text


def parse_website(text: str) -> str:
    if not re.match(r"https?://\S", text, re.IGNORECASE):
        raise CellError(t.BAD_WEBSITE.format(value=text))
    return text


def _german_code(german_codes: dict[str, str]) -> Callable[[str], str]:
    back = {model: german for german, model in german_codes.items()}
    return lambda value: back[value]


_NEED_LOOKUP = {n.code: n.code for n in NEEDS} | {n.label: n.code for n in NEEDS}
_AUDIENCE_LOOKUP = {c: c for c in AUDIENCES} | {label: c for c, label in AUDIENCES.items()}

TEXT = Kind(_identity, _identity)
NUMBER_LAT = Kind(parse_lat, _identity)
NUMBER_LON = Kind(parse_lon, _identity)
AGE = Kind(parse_age, _identity)
NEEDS_LIST = Kind(code_parser(_NEED_LOOKUP, ", ".join(n.code for n in NEEDS)), cells.format_list)
AUDIENCE_LIST = Kind(code_parser(_AUDIENCE_LOOKUP, ", ".join(AUDIENCES)), cells.format_list)
LANGUAGES = Kind(parse_languages, cells.format_list)
PRECISION = Kind(single_code_parser(PRECISION_CODES), _german_code(PRECISION_CODES))
STATUS = Kind(single_code_parser(STATUS_CODES), _german_code(STATUS_CODES))
OFFICE_STATUS = Kind(single_code_parser(OFFICE_STATUS_CODES), _german_code(OFFICE_STATUS_CODES))
HOURS = Kind(parse_hours, format_hours_text)
BOOLEAN = Kind(cells.parse_bool, cells.format_bool)
DATE = Kind(cells.parse_date, _identity)
EMAIL = Kind(parse_email, _identity)
WEBSITE = Kind(parse_website, _identity)


def check_age_order(values: dict[str, Any]) -> list[tuple[str, str]]:
    low, high = values.get("min_age"), values.get("max_age")
    if low is not None and high is not None and low > high:
        return [("max_alter", t.AGE_ORDER.format(low=_de(low), high=_de(high)))]
    return []


def check_date_order(values: dict[str, Any]) -> list[tuple[str, str]]:
    start, end = values.get("valid_from"), values.get("valid_to")
    if isinstance(start, date) and isinstance(end, date) and start > end:
        return [("gueltig_bis", t.DATE_ORDER.format(start=start, end=end))]
    return []

# The kinds of the shared place columns (services/io/columns.PLACE_COLUMNS and friends)
PLACE_KINDS: dict[str, Kind] = {
    "lat": NUMBER_LAT,
    "lon": NUMBER_LON,
    "lagegenauigkeit": PRECISION,
    "oeffnungszeiten": HOURS,
    "email": EMAIL,
    "demo": BOOLEAN,
}
