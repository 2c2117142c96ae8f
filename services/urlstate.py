"""The whole view as URL parameters, so that a copied link reproduces what one sees.

Parameters are short German words (people read links aloud in meetings); the filter
parameters come from the field table in services/filters.py; lists are comma-separated;
defaults are left out so that links stay short. Unknown or malformed values fall back to
defaults instead of failing: links get edited, truncated and outlive data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from services.filters import FIELDS, FilterField, FilterState
from services.indicators import DEFAULT_INDICATOR, INDICATORS_BY_KEY
from services.selection import Selection
from services.texts import ui

# URL code -> classification method of services.choropleth
CLASSIFICATIONS = {"quantile": "quantiles", "jenks": "fisher_jenks", "gleich": "equal_interval"}
DEFAULT_CLASSIFICATION = "quantile"


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything that defines the map view: filters, indicator, year, classes, selection."""

    filters: FilterState = field(default_factory=FilterState)
    indicator: str | None = None  # None: the default indicator
    year: int | None = None  # None: the latest year with data
    classification: str = DEFAULT_CLASSIFICATION
    selected: Selection | None = None


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))


def _flag(value: str | None, default: bool) -> bool:
    word = (value or "").strip().lower()
    if word in ("1", "ja", "true"):
        return True
    if word in ("0", "nein", "false"):
        return False
    return default


def _year(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _read_field(spec: FilterField, value: str | None) -> Any:
    if spec.kind == "codes":
        return _split(value)
    if spec.kind == "flag":
        return _flag(value, spec.default)
    return value or ""


def _write_field(spec: FilterField, value: Any) -> str:
    if spec.kind == "codes":
        return ",".join(value)
    if spec.kind == "flag":
        return "" if value == spec.default else ("1" if value else "0")
    return value


def filters_from_params(params: Mapping[str, str]) -> FilterState:
    return FilterState(**{spec.name: _read_field(spec, params.get(spec.param)) for spec in FIELDS})


def filters_to_params(filters: FilterState) -> dict[str, str]:
    return {spec.param: _write_field(spec, getattr(filters, spec.name)) for spec in FIELDS}


def from_params(params: Mapping[str, str]) -> ViewState:
    """Read a view from URL parameters (one string per key, as `st.query_params` gives)."""
    method = params.get("klassen", DEFAULT_CLASSIFICATION)
    return ViewState(
        filters=filters_from_params(params),
        indicator=params.get("indikator") or None,
        year=_year(params.get("jahr")),
        classification=method if method in CLASSIFICATIONS else DEFAULT_CLASSIFICATION,
        selected=Selection.parse(params.get("auswahl")),
    )


def to_params(view: ViewState) -> dict[str, str]:
    """The URL parameters of a view, defaults left out."""
    candidates = {
        "indikator": view.indicator or "",
        "jahr": str(view.year) if view.year is not None else "",
        "klassen": view.classification if view.classification != DEFAULT_CLASSIFICATION else "",
        **filters_to_params(view.filters),
        "auswahl": view.selected.ref if view.selected else "",
    }
    return {k: v for k, v in candidates.items() if v}


@dataclass(frozen=True, slots=True)
class MapChoice:
    """Indicator, year and classes that exist in the data, and what a link asked for
    that had to be replaced (German notices, so the user knows the view differs)."""

    indicator: str
    year: int | None
    classification: str
    notices: tuple[str, ...] = ()


def valid_map_choice(view: ViewState, years_of: Callable[[str], list[int]]) -> MapChoice:
    """Replace an unknown indicator, a year without data or unknown classes by valid ones."""
    notices: list[str] = []
    indicator = view.indicator or DEFAULT_INDICATOR
    if indicator not in INDICATORS_BY_KEY:
        notices.append(ui.NOTICE_UNKNOWN_INDICATOR.format(
            value=indicator, replacement=INDICATORS_BY_KEY[DEFAULT_INDICATOR].label))
        indicator = DEFAULT_INDICATOR
    years = years_of(indicator)
    year = view.year
    if year not in years:
        replacement = years[-1] if years else None
        if year is not None:
            notices.append(ui.NOTICE_UNKNOWN_YEAR.format(
                value=year, replacement=replacement if replacement is not None else ui.UNKNOWN))
        year = replacement
    classification = view.classification if view.classification in CLASSIFICATIONS else DEFAULT_CLASSIFICATION
    return MapChoice(indicator, year, classification, tuple(notices))
