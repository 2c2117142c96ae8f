"""Needs taxonomy and age groups: stable codes, marker colours, age ranges, matching rules.

Codes are stable identifiers that appear in files, URLs and the database; labels are what
people read and may change. Keep codes ASCII and never rename one: old links would break.
The German labels live in services/texts/catalogue.py (keyed by code) with every other
user-facing string, so they can be translated in one place; the objects here are built
from them, and a code without a label fails at import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from services.texts.catalogue import AGE_GROUP_LABELS, AUDIENCE_LABELS, NEED_LABELS


@dataclass(frozen=True, slots=True)
class Need:
    """One need of the fixed taxonomy (HSDS: taxonomy_term)."""

    code: str
    label: str
    colour: str  # marker colour; paired with `symbol`, never colour alone
    symbol: str  # one or two letters drawn on the marker


# Marker colour and symbol per need, in the taxonomy's order (the order of filters and
# legends). Labels come from texts/catalogue.py, so they can be translated in one place.
# White letters on each colour reach 4.5:1 (WCAG AA; tests/unit/test_contrast.py).
_NEED_MARKERS: dict[str, tuple[str, str]] = {
    "lernen": ("#1f78b4", "L"),
    "sprache": ("#2a7d23", "S"),
    "fruehe_hilfen": ("#e31a1c", "FH"),
    "familienberatung": ("#b35300", "FB"),
    "gesundheit": ("#6a3d9a", "G"),
    "ernaehrung": ("#7f4a1c", "E"),
    "bewegung": ("#007b86", "B"),
    "freizeit": ("#c51b7d", "F"),
    "notlagen": ("#444444", "N"),
    "ausbildung": ("#4d7c0f", "A"),
    "teilhabe": ("#8c6d00", "T"),
}
NEEDS: tuple[Need, ...] = tuple(
    Need(code, NEED_LABELS[code], colour, symbol)
    for code, (colour, symbol) in _NEED_MARKERS.items()
)
NEEDS_BY_CODE: dict[str, Need] = {n.code: n for n in NEEDS}

# Audience codes (who an offer is for), code -> German label. An offer may address several.
_AUDIENCE_CODES = ("kinder", "eltern", "familien")
AUDIENCES: dict[str, str] = {code: AUDIENCE_LABELS[code] for code in _AUDIENCE_CODES}


@dataclass(frozen=True, slots=True)
class AgeGroup:
    """An age group of the filter. `min_age`/`max_age` are None for the audience group."""

    code: str
    label: str
    min_age: float | None
    max_age: float | None


PARENTS_GROUP = "eltern"

# Age range per group, in filter order; labels come from texts/catalogue.py.
_AGE_RANGES: dict[str, tuple[float | None, float | None]] = {
    "0-2": (0, 2),
    "3-5": (3, 5),
    "6-9": (6, 9),
    "10-13": (10, 13),
    "14-17": (14, 17),
    "18-26": (18, 26),
    PARENTS_GROUP: (None, None),
}
AGE_GROUPS: tuple[AgeGroup, ...] = tuple(
    AgeGroup(code, AGE_GROUP_LABELS[code], min_age, max_age)
    for code, (min_age, max_age) in _AGE_RANGES.items()
)
AGE_GROUPS_BY_CODE: dict[str, AgeGroup] = {g.code: g for g in AGE_GROUPS}


def overlaps_age_group(
    group: AgeGroup, min_age: float | None, max_age: float | None
) -> bool:
    """True when an offer's age range overlaps an age group (both ends inclusive).

    A group ends just before the next group starts: "0–2" covers ages up to 2.99…,
    so an offer for 2.5-year-olds is in it. An offer without ages matches every group;
    a missing end of the range is open.
    """
    if group.min_age is None or group.max_age is None:
        raise ValueError("the parents group matches by audience, not by age")
    lo = 0.0 if min_age is None else float(min_age)
    hi = float("inf") if max_age is None else float(max_age)
    return bool(age_range_overlaps(lo, hi, group.min_age, group.max_age))


def age_range_overlaps(lo, hi, first_year, last_year):
    """The one age rule: an offer for ages lo..hi fits years first_year..last_year.

    Years are whole years of life: "13" covers 13.0 up to 13.99…, so an offer up to 10.75
    fits a 10-year-old. Works on floats and on numpy arrays alike (vectorised filters, the
    nearby search); missing ends must be given as 0 and infinity.
    """
    return (lo < last_year + 1) & (hi >= first_year)


def matches_age_groups(
    codes: Iterable[str],
    min_age: float | None,
    max_age: float | None,
    audience: Iterable[str],
) -> bool:
    """True when an offer matches any of the chosen age groups (an empty choice matches)."""
    chosen = [AGE_GROUPS_BY_CODE[c] for c in codes]
    if not chosen:
        return True
    audience = set(audience)
    for group in chosen:
        if group.code == PARENTS_GROUP:
            if audience & {"eltern", "familien"}:
                return True
        elif overlaps_age_group(group, min_age, max_age):
            return True
    return False


def age_groups_of(ages: Iterable[float]) -> tuple[str, ...]:
    """The age groups the given children's ages fall in, in filter order (e.g. for 4 and 13:
    "3-5", "10-13"); ages beyond every group add nothing."""
    years = list(ages)
    return tuple(
        g.code for g in AGE_GROUPS
        if g.code != PARENTS_GROUP and any(g.min_age <= age < g.max_age + 1 for age in years)
    )


def need_labels(codes: Iterable[str]) -> list[str]:
    """German labels for need codes, in the taxonomy's order."""
    wanted = set(codes)
    return [n.label for n in NEEDS if n.code in wanted]
