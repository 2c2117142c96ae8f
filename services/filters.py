"""The sidebar's filters as one value, and applying them to the offers table.

Filtering is vectorised over a pandas frame (see `prepare`) because the Lotse and the map
filter on every rerun and the city's directory may grow to tens of thousands of offers.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
import pandas as pd

from services.taxonomy import (
    AGE_GROUPS_BY_CODE,
    NEEDS_BY_CODE,
    PARENTS_GROUP,
    age_range_overlaps,
)
from services.texts import ui

SEARCH_COLUMN = "_search"


@dataclass(frozen=True, slots=True)
class FilterState:
    """What the user filters offers by. The defaults show every active offer."""

    age_groups: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    text: str = ""
    only_free: bool = False
    only_active: bool = True


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search: "Übung" and "uebung" both match."""
    text = text.casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def prepare(offers: pd.DataFrame) -> pd.DataFrame:
    """Add the search column once per data version, so filtering stays cheap."""
    parts = [offers[c].fillna("").astype(str) for c in ("name", "provider", "description", "address")]
    joined = parts[0].str.cat(parts[1:], sep=" ")
    return offers.assign(**{SEARCH_COLUMN: joined.map(fold)})


def _age_mask(offers: pd.DataFrame, codes: tuple[str, ...]) -> np.ndarray:
    lo = offers["min_age"].astype(float).fillna(0.0).to_numpy()
    hi = offers["max_age"].astype(float).fillna(np.inf).to_numpy()
    mask = np.zeros(len(offers), dtype=bool)
    for code in codes:
        group = AGE_GROUPS_BY_CODE[code]
        if code == PARENTS_GROUP:
            mask |= offers["audience"].map(lambda a: "eltern" in a or "familien" in a).to_numpy(bool)
        else:
            mask |= age_range_overlaps(lo, hi, group.min_age, group.max_age)
    return mask


def _any_of(column: pd.Series, wanted: tuple[str, ...]) -> np.ndarray:
    chosen = frozenset(wanted)
    return column.map(lambda values: not chosen.isdisjoint(values)).to_numpy(bool)


def apply(offers: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The offers that match every active filter (a `prepare`d frame in, a slice out)."""
    mask = np.ones(len(offers), dtype=bool)
    if state.only_active:
        mask &= (offers["status"] == "active").to_numpy()
    if state.only_free:
        mask &= offers["free_of_charge"].fillna(False).to_numpy(bool)
    if state.districts:
        mask &= offers["district_id"].isin(state.districts).to_numpy()
    if state.needs:
        mask &= _any_of(offers["needs"], state.needs)
    if state.age_groups:
        mask &= _age_mask(offers, state.age_groups)
    words = fold(state.text).split()
    for word in words:
        mask &= offers[SEARCH_COLUMN].str.contains(word, regex=False).to_numpy()
    return offers[mask]


def sanitize(state: FilterState, district_ids: set[str]) -> FilterState:
    """Drop codes that do not exist (an old or hand-edited link must not break the app)."""
    return replace(
        state,
        age_groups=tuple(c for c in state.age_groups if c in AGE_GROUPS_BY_CODE),
        needs=tuple(c for c in state.needs if c in NEEDS_BY_CODE),
        districts=tuple(c for c in state.districts if c in district_ids),
        text=state.text.strip()[:200],
    )


class Chip(NamedTuple):
    """One active filter as a removable chip: the field, the value to remove, the label."""

    field: str
    value: str | None  # None: the whole field is reset
    label: str


def chips(state: FilterState, district_names: dict[str, str]) -> list[Chip]:
    """The active filters in the order of the sidebar, each removable on its own."""
    result = [Chip("age_groups", c, AGE_GROUPS_BY_CODE[c].label) for c in state.age_groups]
    result += [Chip("needs", c, NEEDS_BY_CODE[c].label) for c in state.needs]
    result += [Chip("districts", c, district_names.get(c, c)) for c in state.districts]
    if state.text:
        result.append(Chip("text", None, ui.CHIP_TEXT.format(text=state.text)))
    if state.only_free:
        result.append(Chip("only_free", None, ui.CHIP_FREE))
    if not state.only_active:
        result.append(Chip("only_active", None, ui.CHIP_INACTIVE))
    return result
