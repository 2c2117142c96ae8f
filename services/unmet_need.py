"""An unmet need as storage keeps it: the record, its checks, the counts per district.

A record says where (the statistical district, which the caller derives from the family's
point: the address itself is never passed in), for whom (age groups, languages), what
(needs) and what was missing (no offer, too far, full, wrong language, wrong time, cost),
plus the Quartiersbüro and the day. Nothing identifies a family: the free-text note is
checked for e-mail addresses, phone numbers, street addresses and names after a salutation
("Frau …", "Familie …") and refused with a German explanation when it holds one. Other
names cannot be recognised reliably; the form asks for none.

A lower layer (like services/scenario.py): storage and io import it; the feature module
services/unmet_needs.py (listing, export, the form's record) builds on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from services.taxonomy import AGE_GROUPS_BY_CODE, NEEDS_BY_CODE
from services.texts import unmet_needs as t

MISSING_REASONS: tuple[str, ...] = tuple(t.MISSING_LABELS)
NOTE_MAX_LENGTH = 500


@dataclass(frozen=True, slots=True)
class UnmetNeed:
    id: str
    reported_on: date
    office_id: str
    needs: tuple[str, ...]  # codes of services.taxonomy.NEEDS, at least one
    missing: tuple[str, ...]  # codes of MISSING_REASONS, at least one
    district_id: str | None = None  # None: the point lay outside every district
    age_groups: tuple[str, ...] = ()  # codes of services.taxonomy.AGE_GROUPS
    languages: tuple[str, ...] = ()  # ISO 639-1 codes
    note: str = ""
    is_demo: bool = False


class UnmetNeedRefused(ValueError):
    """A record that cannot be stored; `messages` are German and say what to change."""

    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


# The note check ------------------------------------------------------------------------

# A number that ends a house address, unless a unit says it is something else
# ("5 Minuten", "8 Uhr", "3 Kinder").
_NUMBER = r"\d{1,4}\s?[a-zA-Z]?\b"
_NOT_A_UNIT = (
    r"(?!\s*(?i:Uhr|h\b|Jahren?\b|J\.|Kinder|Kind\b|Mal\b|Monat|Woche|Tag|Stunde|Std"
    r"|Min|km\b|m\b|€|Euro|%|Pl[aä]tze?|Personen|Geschwister|Schüler|Famili))"
)
# What may stand between street and number: "Nr. 50", "Hausnr 50", ", 50".
_BETWEEN = r"(?:(?:,\s*)?(?i:Nr\.?|Hausnr\.?|Hausnummer)\s*|,\s*)?"
_EMAIL = re.compile(
    r"[\w.+-]+(?:@|\s*[(\[]\s*at\s*[)\]]\s*)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
# German numbers start with 0 or +; a phone keyword also makes short local numbers count.
_PHONE = re.compile(r"(?<![\w.,])(?:\+\s?\d|0)[\d \t/().–-]{4,}\d")
_PHONE_KEYWORD = re.compile(
    r"\b(?:tel|telefon|handy|mobil|fon|whatsapp)\b\.?\s*:?\s*\+?\d[\d \t/().–-]{3,}\d",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})")
_STREETS = tuple(
    re.compile(pattern + _BETWEEN + _NUMBER + _NOT_A_UNIT)
    for pattern in (
        # Feuerbachstraße 13, hauptstr. 5a, gladbecker str 50 (any case: unmistakable)
        r"(?i:\b[a-zäöüß][\wäöüß-]*?(?:er\s+)?(?:straße|strasse|str\.?))\s*",
        # Ernst-Wilczok-Platz 1, Marktplatz 3, Birkenweg 7
        r"\b[A-ZÄÖÜ][\wäöüß]*(?:-[A-ZÄÖÜ][\wäöüß]*)*-?(?:[Ww]eg|[Pp]latz|[Aa]llee|[Gg]asse"
        r"|[Rr]ing|[Dd]amm|[Uu]fer|[Pp]fad|[Ss]teig|[Ww]all|[Mm]arkt|[Ss]tieg|[Kk]amp"
        r"|[Ww]inkel|[Gg]raben|[Cc]haussee)\s*",
        # Horster Straße 228, Gladbecker Str 50, Berliner Platz 2 (not "Der Weg 2 …")
        r"\b(?!(?:Der|Aber|Oder|Unser|Jeder|Dieser|Immer|Wieder|Über|Unter|Hinter)\s)"
        r"[A-ZÄÖÜ][\wäöüß-]*(?:er|sche)\s+(?:Straße|Strasse|Str\.?|Weg|Platz|Allee|Ring"
        r"|Markt|Damm|Gasse|Mark|Wall|Ufer)\s*",
        # Neue Straße 5, Lange Straße 5, Kleine Gasse 2 (an adjective before the generic)
        r"\b(?i:Neu|Alt|Lang|Klein|Gro[ßs]|Hoh|Breit|Ober|Unter|Kurz|Grün|Schmal)e[rns]?\s+"
        r"(?i:Straße|Strasse|Str\.?|Gasse|Weg|Platz|Allee|Ring|Markt)\s*",
        # Am Markt 3, am markt 3, Im Beckedal 4, In der Welheimer Mark 12 (not "Am Montag 8 Uhr")
        r"\b(?i:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Zum|Zur|Vor dem|Bei der)"
        r"\s+(?!(?i:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende"
        r"|Vormittag|Nachmittag|Abend|Morgen|Jahr|Monat|Alter|Sommer|Winter|Herbst"
        r"|Frühling|Moment|Anfang|Ende)\b)[^\W\d_][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?\s+",
    )
)


# "Frau Yılmaz", "Herrn Schmidt", "Familie Nowak": a salutation before a capitalised word
# (not a language or nationality adjective: "Familie Arabisch sprechend" passes).
_NAME = re.compile(
    r"\b(?:Frau|Herrn?|Fam\.|Familie)\s+(?!\w+isch\b)[A-ZÄÖÜ][\wäöüßçğışé'-]+"
)


def note_problems(note: str) -> list[str]:
    """German messages for everything in a note that could identify a family ([] if fine)."""
    emails = [m.group().strip() for m in _EMAIL.finditer(note)]
    rest = _EMAIL.sub(" ", note)
    streets = [m.group().strip() for pattern in _STREETS for m in pattern.finditer(rest)]
    problems = [
        *(t.NOTE_HAS_EMAIL.format(found=f) for f in emails),
        *(t.NOTE_HAS_PHONE.format(found=f) for f in _outermost(_phone_numbers(rest))),
        *(t.NOTE_HAS_ADDRESS.format(found=f) for f in _outermost(streets)),
        *(t.NOTE_HAS_NAME.format(found=m.group()) for m in _NAME.finditer(rest)),
    ]
    if len(note) > NOTE_MAX_LENGTH:
        problems.append(t.NOTE_TOO_LONG.format(length=len(note), limit=NOTE_MAX_LENGTH))
    return list(dict.fromkeys(problems))


# "feuerbach 13", "Gladbecker, 50": words, then (perhaps "Nr." or a comma) a house number.
_HOUSE_NUMBER = re.compile(r"(?<![\w.,])" + _NUMBER + _NOT_A_UNIT)
_BEFORE_NUMBER = re.compile(r"[\s,]*(?:\b(?i:Nr|Hausnr|Hausnummer)\.?[\s,]*)?$")
_WORD = r"[^\W\d_][\w.-]*"
_WORDS_AT_END = tuple(re.compile(rf"(?:{_WORD}\s+){{{n}}}{_WORD}$") for n in range(3))  # 1–3 words


def known_street_problems(note: str, names_a_street: Callable[[str], bool]) -> list[str]:
    """German messages for addresses the patterns cannot see: one to three words that name
    a street of the city's address table (`names_a_street`, e.g. "feuerbach" for
    Feuerbachstraße) followed by a house number. The form knows the table; the storage
    check (record_problems) does not, so this runs before a report is made."""
    found = []
    for number in _HOUSE_NUMBER.finditer(note):
        before = note[:number.start()]
        before = before[:_BEFORE_NUMBER.search(before).start()]
        for words in _WORDS_AT_END:
            match = words.search(before)
            if match is None:
                break
            if names_a_street(match.group()):
                found.append(note[match.start():number.end()].strip())
                break
    return [t.NOTE_HAS_ADDRESS.format(found=f) for f in found]


def _outermost(found: list[str]) -> list[str]:
    """Drop fragments that lie inside another one ("0176 1234" inside "Tel. 0176 1234")."""
    return [f for f in found if not any(f != other and f in other for other in found)]


def _phone_numbers(text: str) -> list[str]:
    found = [m.group().strip() for m in _PHONE_KEYWORD.finditer(text)]
    for match in _PHONE.finditer(text):
        candidate = match.group().strip(" \t(.-–")
        digits = re.sub(r"\D", "", candidate)
        if len(digits) >= 6 and not _DATE.fullmatch(candidate):
            found.append(candidate)
    return found


def record_problems(record: UnmetNeed) -> list[str]:
    """Everything wrong with a record, in German; the importer uses it for file rows too."""
    problems = []
    if not record.office_id:
        problems.append(t.OFFICE_REQUIRED)
    if not record.needs:
        problems.append(t.NEED_REQUIRED)
    if not record.missing:
        problems.append(t.MISSING_REQUIRED)
    for field, codes, known in (
        (t.FIELD_AGE_GROUPS, record.age_groups, AGE_GROUPS_BY_CODE),
        (t.FIELD_NEEDS, record.needs, NEEDS_BY_CODE),
        (t.FIELD_MISSING, record.missing, t.MISSING_LABELS),
    ):
        unknown = [c for c in codes if c not in known]
        if unknown:
            problems.append(t.UNKNOWN_CODES.format(field=field, codes=", ".join(unknown)))
    bad_languages = [c for c in record.languages if not re.fullmatch(r"[a-z]{2,3}", c)]
    if bad_languages:
        problems.append(
            t.UNKNOWN_CODES.format(field=t.FIELD_LANGUAGES, codes=", ".join(bad_languages))
        )
    return problems + note_problems(record.note)


@dataclass(frozen=True, slots=True)
class NeedCount:
    """How often a need was reported in a district: one figure of the map layer."""

    district_id: str | None
    need: str
    count: int


def need_counts(counts: Mapping[tuple[str | None, str], int]) -> list[NeedCount]:
    """NeedCounts sorted by district (outside last) and the taxonomy's need order."""
    order = {code: i for i, code in enumerate(NEEDS_BY_CODE)}
    keys = sorted(counts, key=lambda k: (k[0] is None, k[0] or "", order.get(k[1], 99), k[1]))
    return [NeedCount(district, need, counts[district, need]) for district, need in keys]
