"""Needs taxonomy and age groups: stable codes, German labels, matching rules.

Codes are stable identifiers that appear in files, URLs and the database; labels are what
people read and may change. Keep codes ASCII and never rename one: old links would break.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, slots=True)
class Need:
    """One need of the fixed taxonomy (HSDS: taxonomy_term)."""

    code: str
    label: str
    colour: str  # marker colour; paired with `symbol`, never colour alone
    symbol: str  # one or two letters drawn on the marker


NEEDS: tuple[Need, ...] = (
    Need("lernen", "Lernen & Hausaufgaben", "#1f78b4", "L"),
    Need("sprache", "Sprachförderung", "#33a02c", "S"),
    Need("fruehe_hilfen", "Frühe Hilfen", "#e31a1c", "FH"),
    Need("familienberatung", "Familienberatung & Erziehung", "#ff7f00", "FB"),
    Need("gesundheit", "Gesundheit", "#6a3d9a", "G"),
    Need("ernaehrung", "Ernährung", "#b15928", "E"),
    Need("bewegung", "Bewegung & Sport", "#00838f", "B"),
    Need("freizeit", "Freizeit & Kultur", "#c51b7d", "F"),
    Need("notlagen", "Beratung in Notlagen (Geld, Wohnen, Leistungen)", "#444444", "N"),
    Need("ausbildung", "Ausbildung & Arbeit", "#4d7c0f", "A"),
    Need("teilhabe", "Begegnung & Teilhabe", "#8c6d00", "T"),
)
NEEDS_BY_CODE: dict[str, Need] = {n.code: n for n in NEEDS}

# Audience codes (who an offer is for). An offer may address several.
AUDIENCES: dict[str, str] = {
    "kinder": "Kinder und Jugendliche",
    "eltern": "Eltern",
    "familien": "ganze Familien",
}


@dataclass(frozen=True, slots=True)
class AgeGroup:
    """An age group of the filter. `min_age`/`max_age` are None for the audience group."""

    code: str
    label: str
    min_age: float | None
    max_age: float | None


PARENTS_GROUP = "eltern"

AGE_GROUPS: tuple[AgeGroup, ...] = (
    AgeGroup("0-2", "0–2 Jahre", 0, 2),
    AgeGroup("3-5", "3–5 Jahre", 3, 5),
    AgeGroup("6-9", "6–9 Jahre", 6, 9),
    AgeGroup("10-13", "10–13 Jahre", 10, 13),
    AgeGroup("14-17", "14–17 Jahre", 14, 17),
    AgeGroup("18-26", "18–26 Jahre", 18, 26),
    AgeGroup(PARENTS_GROUP, "Eltern/Familien", None, None),
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
    return lo < group.max_age + 1 and hi >= group.min_age


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


def need_labels(codes: Iterable[str]) -> list[str]:
    """German labels for need codes, in the taxonomy's order."""
    wanted = set(codes)
    return [n.label for n in NEEDS if n.code in wanted]
