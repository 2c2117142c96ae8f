"""The offer filters: one table of fields that drives the sidebar, the URL, the chips and
the filtering, so a new filter is one entry in `FIELDS`.

Filtering is vectorised over a pandas frame (see `prepare`) because the Lotse and the map
filter on every rerun and the city's directory may grow to tens of thousands of offers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from services.taxonomy import AGE_GROUPS_BY_CODE, NEEDS, PARENTS_GROUP, age_range_overlaps
from services.texts import ui

SEARCH_COLUMN = "_search"
MAX_TEXT_LENGTH = 200
FieldKind = Literal["codes", "text", "flag"]


@dataclass(frozen=True, slots=True)
class FilterContext:
    """What a field's choices depend on in the data: district names, languages offered."""

    district_names: Mapping[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ()  # ISO codes that occur among the offers


@dataclass(frozen=True, slots=True)
class FilterField:
    """One filter: its URL parameter, widget, chip and how it narrows the offers.

    `mask` is applied only when the value is set (a non-empty choice or text, a true flag);
    a flag's `chip` is shown when the value differs from its default.
    """

    name: str  # attribute of FilterState
    param: str  # URL parameter (German: links are read aloud in meetings)
    kind: FieldKind
    label: str
    default: Any
    mask: Callable[[pd.DataFrame, Any], np.ndarray]
    options: Callable[[FilterContext], Mapping[str, str]] | None = None  # code -> label
    chip: str = ""
    help: str = ""


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search: "Übung" and "uebung" both match."""
    text = text.casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _labels(codes: tuple[str, ...], names: Mapping[str, str]) -> str:
    return " ".join(names.get(code, code) for code in codes)


def prepare(offers: pd.DataFrame, district_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Add the search column once per data version, so filtering stays cheap.

    Free text finds what people say, not our codes: need and language names ("Arabisch")
    and the district's name are searched along with name, provider, description, address.
    """
    need_names = {n.code: n.label for n in NEEDS}
    parts = [offers[c].fillna("").astype(str) for c in ("name", "provider", "description", "address")]
    if "needs" in offers:
        parts.append(offers["needs"].map(lambda codes: _labels(codes, need_names)))
    if "languages" in offers:
        parts.append(offers["languages"].map(lambda codes: _labels(codes, ui.LANGUAGE_NAMES)))
    if district_names and "district_id" in offers:
        parts.append(offers["district_id"].map(district_names).fillna(""))
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


def _any_of(column: str) -> Callable[[pd.DataFrame, tuple[str, ...]], np.ndarray]:
    def mask(offers: pd.DataFrame, wanted: tuple[str, ...]) -> np.ndarray:
        chosen = frozenset(wanted)
        return offers[column].map(lambda values: not chosen.isdisjoint(values)).to_numpy(bool)

    return mask


def _text_mask(offers: pd.DataFrame, text: str) -> np.ndarray:
    mask = np.ones(len(offers), dtype=bool)
    for word in fold(text).split():
        mask &= offers[SEARCH_COLUMN].str.contains(word, regex=False).to_numpy()
    return mask


def _language_options(context: FilterContext) -> dict[str, str]:
    labelled = {code: ui.LANGUAGE_NAMES.get(code, code) for code in context.languages}
    return dict(sorted(labelled.items(), key=lambda item: (item[0] != "de", item[1])))


FIELDS: tuple[FilterField, ...] = (
    FilterField("age_groups", "alter", "codes", ui.FILTER_AGE, (), _age_mask,
                lambda _: {g.code: g.label for g in AGE_GROUPS_BY_CODE.values()}),
    FilterField("needs", "bedarf", "codes", ui.FILTER_NEED, (), _any_of("needs"),
                lambda _: {n.code: n.label for n in NEEDS}),
    FilterField("languages", "sprache", "codes", ui.FILTER_LANGUAGE, (), _any_of("languages"),
                _language_options),
    FilterField("districts", "bezirk", "codes", ui.FILTER_DISTRICT, (),
                lambda offers, ids: offers["district_id"].isin(ids).to_numpy(),
                lambda context: dict(context.district_names)),
    FilterField("text", "suche", "text", ui.FILTER_TEXT, "", _text_mask,
                chip=ui.CHIP_TEXT, help=ui.FILTER_TEXT_HELP),
    FilterField("only_free", "kostenlos", "flag", ui.FILTER_FREE, False,
                lambda offers, _: offers["free_of_charge"].fillna(False).to_numpy(bool),
                chip=ui.CHIP_FREE),
    FilterField("only_active", "aktiv", "flag", ui.FILTER_ACTIVE, True,
                lambda offers, _: (offers["status"] == "active").to_numpy(),
                chip=ui.CHIP_INACTIVE),
)
FIELDS_BY_NAME: dict[str, FilterField] = {f.name: f for f in FIELDS}


def _coerce(spec: FilterField, value: Any) -> Any:
    if spec.kind == "codes":
        return tuple(dict.fromkeys(str(v) for v in value))
    return str(value) if spec.kind == "text" else bool(value)


class FilterState:
    """What the user filters offers by, one value per field of `FIELDS` (immutable).

    Built from keywords (`FilterState(needs=("lernen",))`); missing fields take their
    default, so `FilterState()` shows every active offer. Read a field as an attribute.
    """

    __slots__ = ("_values",)

    def __init__(self, **values: Any):
        unknown = set(values) - FIELDS_BY_NAME.keys()
        if unknown:
            raise TypeError(f"unknown filter fields: {sorted(unknown)}")
        self._values = {f.name: _coerce(f, values.get(f.name, f.default)) for f in FIELDS}

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FilterState) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __repr__(self) -> str:
        changed = ", ".join(f"{k}={v!r}" for k, v in self.set_values())
        return f"FilterState({changed})"

    def replace(self, **changes: Any) -> FilterState:
        return FilterState(**(self._values | changes))

    def set_values(self) -> Iterator[tuple[str, Any]]:
        """(field, value) of every field that differs from its default, in table order."""
        return ((f.name, self._values[f.name]) for f in FIELDS if self._values[f.name] != f.default)


def apply(offers: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The offers that match every set filter (a `prepare`d frame in, a slice out)."""
    mask = np.ones(len(offers), dtype=bool)
    for spec in FIELDS:
        value = getattr(state, spec.name)
        if value:
            mask &= spec.mask(offers, value)
    return offers[mask]


def sanitize(state: FilterState, context: FilterContext) -> FilterState:
    """Drop codes that do not exist (an old or hand-edited link must not break the app)."""
    clean: dict[str, Any] = {}
    for spec in FIELDS:
        value = getattr(state, spec.name)
        if spec.kind == "codes":
            known = spec.options(context)
            value = tuple(code for code in value if code in known)
        elif spec.kind == "text":
            value = value.strip()[:MAX_TEXT_LENGTH]
        clean[spec.name] = value
    return FilterState(**clean)


class Chip(NamedTuple):
    """One active filter as a removable chip: the field, the value to remove, the label."""

    field: str
    value: str | None  # None: the whole field is reset
    label: str


def chips(state: FilterState, context: FilterContext) -> list[Chip]:
    """The set filters in the order of the sidebar, each value removable on its own."""
    result: list[Chip] = []
    for name, value in state.set_values():
        spec = FIELDS_BY_NAME[name]
        if spec.kind == "codes":
            labels = spec.options(context)
            result += [Chip(name, code, labels.get(code, code)) for code in value]
        else:
            result.append(Chip(name, None, spec.chip.format(text=value)))
    return result


def without(state: FilterState, field_name: str, value: str | None = None) -> FilterState:
    """The state with one chip removed: one code of a choice, or the field reset."""
    spec = FIELDS_BY_NAME[field_name]
    if value is None:
        return state.replace(**{field_name: spec.default})
    return state.replace(**{field_name: tuple(v for v in getattr(state, field_name) if v != value)})


def context_of(offers: pd.DataFrame, district_names: Mapping[str, str]) -> FilterContext:
    """The choices the data offers: its districts and the languages its offers are held in."""
    languages = sorted({code for codes in offers.get("languages", ()) for code in codes})
    return FilterContext(district_names=dict(district_names), languages=tuple(languages))


def counts_without_each(offers: pd.DataFrame, state: FilterState) -> dict[str, int]:
    """Per set filter, how many offers would match without it: which filter to loosen
    when nothing matches. Fields in table order; each mask is computed once."""
    masks = {
        spec.name: spec.mask(offers, getattr(state, spec.name))
        for spec in FIELDS
        if getattr(state, spec.name) and getattr(state, spec.name) != spec.default
    }
    always = np.ones(len(offers), dtype=bool)
    for spec in FIELDS:
        value = getattr(state, spec.name)
        if value and spec.name not in masks:
            always &= spec.mask(offers, value)  # set, but at its default: not loosenable
    result = {}
    for name in masks:
        mask = always.copy()
        for other, other_mask in masks.items():
            if other != name:
                mask &= other_mask
        result[name] = int(mask.sum())
    return result


def filter_to_loosen(offers: pd.DataFrame, state: FilterState) -> tuple[str, int] | None:
    """The set filter whose removal brings back the most offers, with that count; None
    when removing any single filter still leaves nothing."""
    counts = counts_without_each(offers, state)
    best = max(counts, key=counts.__getitem__, default=None)
    return (best, counts[best]) if best is not None and counts[best] > 0 else None
