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

from services.choropleth import ALL_YEARS, ONE_YEAR
from services.filters import FIELDS, FilterContext, FilterField, FilterState
from services.indicators import DEFAULT_INDICATOR, INDICATORS_BY_KEY
from services.selection import Selection
from services.texts import ui

# URL code -> classification method of services.choropleth
CLASSIFICATIONS = {"quantile": "quantiles", "jenks": "fisher_jenks", "gleich": "equal_interval"}
DEFAULT_CLASSIFICATION = "quantile"
# URL code -> whose values set the class breaks (services.choropleth scope)
CLASS_SCOPES = {"alle": ALL_YEARS, "jahr": ONE_YEAR}
DEFAULT_CLASS_SCOPE = "alle"
_FLAG_WORDS = {"1": True, "ja": True, "true": True, "0": False, "nein": False, "false": False}
_QUOTED_MAX = 40  # characters of a replaced URL value quoted in a notice


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything that defines the map view: filters, indicator, year, classes, selection."""

    filters: FilterState = field(default_factory=FilterState)
    indicator: str | None = None  # None: the default indicator
    year: int | None = None  # None: the latest year with data
    classification: str = DEFAULT_CLASSIFICATION
    selected: Selection | None = None
    class_scope: str = DEFAULT_CLASS_SCOPE  # a key of CLASS_SCOPES


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))


def _flag(value: str | None, default: bool) -> bool:
    return _FLAG_WORDS.get((value or "").strip().lower(), default)


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
    scope = params.get("grenzen", DEFAULT_CLASS_SCOPE)
    return ViewState(
        filters=filters_from_params(params),
        indicator=params.get("indikator") or None,
        year=_year(params.get("jahr")),
        classification=method if method in CLASSIFICATIONS else DEFAULT_CLASSIFICATION,
        selected=Selection.parse(params.get("auswahl")),
        class_scope=scope if scope in CLASS_SCOPES else DEFAULT_CLASS_SCOPE,
    )


def to_params(view: ViewState) -> dict[str, str]:
    """The URL parameters of a view, defaults left out."""
    candidates = {
        "indikator": view.indicator or "",
        "jahr": str(view.year) if view.year is not None else "",
        "klassen": view.classification if view.classification != DEFAULT_CLASSIFICATION else "",
        "grenzen": view.class_scope if view.class_scope != DEFAULT_CLASS_SCOPE else "",
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
    class_scope: str = DEFAULT_CLASS_SCOPE
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
    scope = view.class_scope if view.class_scope in CLASS_SCOPES else DEFAULT_CLASS_SCOPE
    return MapChoice(indicator, year, classification, scope, tuple(notices))


def _quoted(value: str) -> str:
    value = value.strip()
    return value if len(value) <= _QUOTED_MAX else value[: _QUOTED_MAX - 1] + "…"


def _field_notice(spec: FilterField, raw: str, context: FilterContext) -> str | None:
    """A notice when a filter parameter holds codes or a flag word that do not exist."""
    if spec.kind == "codes":
        known = spec.options(context)
        unknown = [code for code in _split(raw) if code not in known]
        if unknown:
            values = ", ".join(f"„{_quoted(code)}“" for code in unknown)
            return ui.NOTICE_UNKNOWN_VALUES.format(field=spec.label, values=values)
    elif spec.kind == "flag" and raw.strip().lower() not in _FLAG_WORDS:
        shown = ui.YES if spec.default else ui.NO
        return ui.NOTICE_INVALID_FLAG.format(field=spec.label, value=_quoted(raw),
                                             replacement=shown)
    return None


def link_notices(params: Mapping[str, str], context: FilterContext) -> tuple[str, ...]:
    """German notices for link values that from_params silently replaces: unknown classes
    or class scopes, filter codes that do not exist in the data, malformed yes/no flags.
    (An unknown indicator or year is reported by valid_map_choice.) The notices quote URL
    text: escape them before Markdown or HTML."""
    notices = []
    for param, choices, default, template, labels in (
        ("klassen", CLASSIFICATIONS, DEFAULT_CLASSIFICATION, ui.NOTICE_UNKNOWN_CLASSES,
         ui.CLASSIFICATION_LABELS),
        ("grenzen", CLASS_SCOPES, DEFAULT_CLASS_SCOPE, ui.NOTICE_UNKNOWN_SCOPE,
         ui.CLASS_SCOPE_LABELS),
    ):
        raw = params.get(param)
        if raw and raw not in choices:
            notices.append(template.format(value=_quoted(raw), replacement=labels[default]))
    for spec in FIELDS:
        raw = params.get(spec.param)
        notice = _field_notice(spec, raw, context) if raw else None
        if notice:
            notices.append(notice)
    return tuple(notices)
