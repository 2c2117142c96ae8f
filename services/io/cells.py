"""Parsers for single cell texts (numbers, booleans, dates) and their file spellings.

Every parser takes the cell's original text and raises `CellError` with a German message
that quotes that text, so the person sees exactly what they typed. German spellings come
first: decimal comma, 31.05.2024, ja/nein.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from services.texts import validation as t

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")
_DE_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
TRUE_WORDS = {"ja", "j", "true", "wahr", "1", "x", "yes", "y"}
FALSE_WORDS = {"nein", "n", "false", "falsch", "0", "no"}


class CellError(ValueError):
    """A cell's text is not what the column expects; the message is German."""


def parse_number(text: str) -> float:
    """A number written the German or the English way.

    "12,5" and "12.5" are both 12.5; "1.234,5" and "1,234.5" are 1234.5 (the last separator
    is the decimal one); "1.234.567" is a million and more. A single point is always a
    decimal point, so "1.234" is 1.234 — count columns reject it as not whole.
    """
    raw = text
    text = _SPACES.sub("", text).replace("\u2212", "-")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    elif text.count(".") > 1 and _THOUSANDS.fullmatch(text.lstrip("+-")):
        text = text.replace(".", "")
    if not _NUMBER.fullmatch(text):
        raise CellError(t.NOT_A_NUMBER.format(value=raw))
    return float(text)


def parse_whole(text: str) -> int:
    value = parse_number(text)
    if not value.is_integer():
        raise CellError(t.NOT_A_WHOLE_NUMBER.format(value=text))
    return int(value)


def parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(t.NOT_A_BOOLEAN.format(value=text))


def parse_date(text: str) -> date:
    """ISO (2024-05-31, also with a time as Excel writes it) or German (31.05.2024)."""
    stripped = text.strip()
    try:
        match = _DE_DATE.fullmatch(stripped)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return datetime.fromisoformat(stripped).date()
    except ValueError:
        raise CellError(t.NOT_A_DATE.format(value=text)) from None


def cell_number_text(value: float | None, decimal_comma: bool) -> str:
    """Shortest exact text of a number; integers without ".0"."""
    if value is None:
        return ""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if decimal_comma else text


def value_text(value: Any, decimal_comma: bool, text: Callable[[str], str] = str) -> str:
    """A model value as the text of a file's cell: floats exact (cell_number_text), dates ISO,
    anything else through `text` (e.g. defuse_formula for CSV meant for Excel)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return cell_number_text(value, decimal_comma)
    if isinstance(value, date):
        return value.isoformat()
    return text(str(value))


def format_bool(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nein")


def format_list(values: tuple[str, ...]) -> str:
    return "; ".join(values)


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """A matching key: case, umlaut spelling (ü/ue …), spaces and punctuation ignored.

    "BATENBROCK-SÜD", "Batenbrock Sued" and "batenbrock/süd" all fold to "batenbrocksued".
    """
    return re.sub(r"[^0-9a-z]", "", text.lower().translate(_UMLAUTS))


# Text that spreadsheet programs would run as a formula when a CSV is opened ("CSV
# injection"): an offer named "=HYPERLINK(…)" must stay a name in the planners' Excel.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(text: str) -> str:
    """Prefix an apostrophe (Excel's "this is text" mark) where a cell would start a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def restore_formula_text(text: str) -> str:
    """Undo defuse_formula on import, so an exported file imports back unchanged."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text
