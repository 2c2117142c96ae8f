"""Offline address search: from what a Lotse types to ranked candidates with a position.

The family's address never leaves this module's caller: the index holds only the city's
building addresses (services.storage, table `addresses`), is built once per data version,
and a search is a pure function of the typed text. Nothing is stored or logged.

Street names are compared as a key (`street_key`): case, umlauts and ß, "Str."/"Straße"/
"Strasse", hyphens and spaces do not matter; typos are matched with rapidfuzz. The house
number may carry a suffix ("13a"). When the number is not in the table the nearest number
on the same street is used (same side of the street first); without a number, the street's
middle. Each candidate says which of these it is (`MatchKind`), so the page can say so.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from services.model import Address
from services.texts import nearby as t

MIN_STREET_SCORE = 80.0  # rapidfuzz WRatio, 0–100: below, a street is not a candidate
SCORE_SPREAD = 12.0  # candidates scoring this much below the best one are noise
DEFAULT_LIMIT = 5
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Common abbreviations, applied to the folded text: "str." / "strasse" -> "str".
_ABBREVIATIONS = (
    (re.compile(r"strasse\b"), "str"),
    (re.compile(r"str\b\.?"), "str"),
    (re.compile(r"pl\b\.?"), "platz"),
)
_NUMBER_AT_END = re.compile(
    r"^(?P<street>.*?[^\W\d_].*?)[\s,.]*(?P<number>\d{1,4})\s*(?:[-/]\s*\d{1,4})?"
    r"\s*(?P<suffix>[a-z])?\s*$",
    re.IGNORECASE,
)
# Generic parts of street names as keys ("" for the whole name): "feuerbach" + "str".
_GENERICS = ("", "str", "erstr", "weg", "platz", "allee", "ring", "gasse", "damm", "markt",
             "ufer", "pfad", "wall", "kamp", "winkel", "graben", "hof", "feld", "heide")
_POSTCODE_OR_CITY = re.compile(r"\b\d{5}\b|\bbottrop\b", re.IGNORECASE)


class MatchKind(StrEnum):
    """How a candidate's position was found; the page turns it into German text."""

    EXACT = "exact"  # street, number and suffix are in the table
    NEAREST_NUMBER = "nearest_number"  # the typed number is not: the nearest one on the street
    STREET_MIDDLE = "street_middle"  # no number typed: the middle of the street


@dataclass(frozen=True, slots=True)
class AddressQuery:
    """What was typed, split into a street and an optional house number with suffix."""

    street: str
    number: int | None = None
    suffix: str = ""

    @property
    def requested(self) -> str:
        return "" if self.number is None else f"{self.number}{self.suffix}"


@dataclass(frozen=True, slots=True)
class AddressCandidate:
    """One ranked answer: the address whose position is used, and how it was found."""

    street: str
    house_number: int | None  # None for the street's middle
    suffix: str
    postcode: str
    lat: float
    lon: float
    match: MatchKind
    score: float  # street name similarity, 0–100
    requested: str  # the number as typed, "13a"; "" when none was typed
    is_demo: bool


def street_key(text: str) -> str:
    """The matching key of a street name: "Gladbecker Str." -> "gladbeckerstr"."""
    folded = text.casefold().translate(_UMLAUTS)
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    for pattern, replacement in _ABBREVIATIONS:
        folded = pattern.sub(replacement, folded)
    return re.sub(r"[^0-9a-z]", "", folded)


def parse_query(text: str) -> AddressQuery:
    """Split "Feuerbachstr. 13a, 46238 Bottrop" into street, number and suffix.

    A postcode and the city name are dropped; a range "13-15" counts as its first number.
    """
    cleaned = _POSTCODE_OR_CITY.sub(" ", text).strip(" ,")
    match = _NUMBER_AT_END.match(cleaned)
    if not match:
        return AddressQuery(cleaned.strip())
    suffix = (match.group("suffix") or "").lower()
    return AddressQuery(match.group("street").strip(" ,"), int(match.group("number")), suffix)


@dataclass(frozen=True, slots=True)
class _Street:
    """All addresses of one street key, and the one in its middle."""

    name: str
    addresses: tuple[Address, ...]  # sorted by number and suffix
    middle: Address

    def find(self, number: int, suffix: str) -> Address | None:
        return next(
            (a for a in self.addresses if a.house_number == number and a.suffix == suffix),
            None,
        )

    def nearest(self, number: int, suffix: str) -> Address:
        """Closest number, the same side of the street (parity) first, then the suffix."""
        return min(
            self.addresses,
            key=lambda a: (
                abs(a.house_number - number) + (0.5 if (a.house_number - number) % 2 else 0),
                a.suffix != suffix,
                a.house_number,
                a.suffix,
            ),
        )


def _middle(addresses: list[Address]) -> Address:
    """The address nearest the mean position: a real point on the street, not beside it."""
    lat = sum(a.lat for a in addresses) / len(addresses)
    lon = sum(a.lon for a in addresses) / len(addresses)
    return min(addresses, key=lambda a: ((a.lat - lat) ** 2 + ((a.lon - lon) * 0.62) ** 2,
                                         a.house_number, a.suffix))  # fmt: skip


class AddressIndex:
    """Street keys -> addresses, built once per data version from the address table."""

    def __init__(self, addresses: Iterable[Address]):
        by_key: dict[str, list[Address]] = defaultdict(list)
        for address in addresses:
            by_key[street_key(address.street)].append(address)
        self._streets: dict[str, _Street] = {}
        for key, group in by_key.items():
            group.sort(key=lambda a: (a.house_number, a.suffix))
            names = sorted({a.street for a in group}, key=lambda n: (-len(n), n))
            self._streets[key] = _Street(names[0], tuple(group), _middle(group))
        self._keys = list(self._streets)
        self.count = sum(len(s.addresses) for s in self._streets.values())
        self.is_demo = any(a.is_demo for s in self._streets.values() for a in s.addresses)

    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> list[AddressCandidate]:
        """Ranked candidates for what was typed; [] when no street is similar enough."""
        query = parse_query(text)
        key = street_key(query.street)
        if len(key) < 2:
            return []
        scored = process.extract(
            key, self._keys, scorer=fuzz.WRatio, limit=limit, score_cutoff=MIN_STREET_SCORE
        )
        if key in self._streets:  # an exact key beats every fuzzy score
            scored = [(key, 100.0, 0)] + [s for s in scored if s[0] != key]
        best = max((score for _, score, _ in scored), default=0.0)
        candidates = [self._candidate(self._streets[k], float(score), query)
                      for k, score, _ in scored[:limit] if score >= best - SCORE_SPREAD]
        order = list(MatchKind)
        return sorted(candidates, key=lambda c: (-c.score, order.index(c.match), c.street))

    def names_a_street(self, words: str) -> bool:
        """Whether `words` name a street of the table, whole ("Gladbecker Str") or without
        its generic part ("feuerbach" of Feuerbachstraße): the note check refuses them
        before a house number. Other prefixes ("Kind" of a "Kinderweg") do not count."""
        key = street_key(words)
        return len(key) >= 3 and any(key + generic in self._streets for generic in _GENERICS)

    def _candidate(self, street: _Street, score: float, query: AddressQuery) -> AddressCandidate:
        if query.number is None:
            return _candidate(street, street.middle, MatchKind.STREET_MIDDLE, score, query)
        exact = street.find(query.number, query.suffix)
        if exact is not None:
            return _candidate(street, exact, MatchKind.EXACT, score, query)
        nearest = street.nearest(query.number, query.suffix)
        return _candidate(street, nearest, MatchKind.NEAREST_NUMBER, score, query)


def _candidate(
    street: _Street, address: Address, match: MatchKind, score: float, query: AddressQuery
) -> AddressCandidate:
    middle = match is MatchKind.STREET_MIDDLE
    return AddressCandidate(
        street=street.name,
        house_number=None if middle else address.house_number,
        suffix="" if middle else address.suffix,
        postcode=address.postcode,
        lat=address.lat,
        lon=address.lon,
        match=match,
        score=score,
        requested=query.requested,
        is_demo=address.is_demo,
    )


def candidate_label(candidate: AddressCandidate) -> str:
    """"Feuerbachstraße 13a, 46238 Bottrop" (the street alone for its middle)."""
    number = "" if candidate.house_number is None else f" {candidate.house_number}"
    place = f"{candidate.postcode} {t.CITY}" if candidate.postcode else t.CITY
    return f"{candidate.street}{number}{candidate.suffix}, {place}"


def candidate_notes(candidate: AddressCandidate) -> list[str]:
    """What the Lotse must know about a candidate: how it was found, and demo positions."""
    notes = []
    if candidate.match is MatchKind.NEAREST_NUMBER:
        used = f"{candidate.house_number}{candidate.suffix}"
        notes.append(t.MATCH_NEAREST_NUMBER.format(requested=candidate.requested, used=used))
    elif candidate.match is MatchKind.STREET_MIDDLE:
        notes.append(t.MATCH_STREET_MIDDLE)
    if candidate.is_demo:
        notes.append(t.DEMO_ADDRESSES)
    return notes
