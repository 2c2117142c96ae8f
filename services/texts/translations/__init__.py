"""The Infoblatt's texts in the families' languages, one module per language.

Offer names, addresses and other data stay German on the sheet; what is translated here are
its headings, labels, weekdays, need labels and the short explanation. de.py is the reference
every other file mirrors field by field (a test checks it). The translations are machine-made:
`reviewed` stays False, and the sheet says „maschinell, ungeprüft“, until a native speaker
has checked a file and set it to True.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Literal

Direction = Literal["ltr", "rtl"]

# The languages a Lotse can pick for the sheet, in the order of the picker.
SHEET_LANGUAGES: tuple[str, ...] = ("de", "ar", "tr", "uk", "ru", "pl", "ro", "bg", "en", "fa")


@dataclass(frozen=True, slots=True)
class SheetTexts:
    """Everything the sheet prints in one language; templates use str.format placeholders."""

    code: str  # ISO 639-1
    name: str  # the language's own name, e.g. "Türkçe"
    direction: Direction
    reviewed: bool  # checked by a native speaker
    title: str
    intro: str
    machine_note: str
    created: str  # {date}
    map_title: str
    map_caption: str
    needs: str
    address: str
    distance: str
    hours: str
    period: str  # an offer's validity: a course's first and last day
    costs: str
    languages: str
    phone: str
    email: str
    note: str
    qr_website: str
    qr_phone: str
    free: str
    not_free: str
    costs_unknown: str
    hours_unknown: str
    demo_item: str
    office_title: str
    weekdays: tuple[str, str, str, str, str, str, str]  # Monday first
    need_labels: dict[str, str]  # need code -> label
    language_names: dict[str, str]  # ISO code -> name in this language
    list_separator: str = ", "  # Arabic script uses the Arabic comma "، "


def sheet_texts(code: str) -> SheetTexts:
    """The texts of one sheet language; KeyError for a language that is not offered."""
    if code not in SHEET_LANGUAGES:
        raise KeyError(code)
    return import_module(f"{__name__}.{code}").TEXTS
