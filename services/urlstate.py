"""The whole view as URL parameters, so that a copied link reproduces what one sees.

Parameters are short German words (people read links aloud in meetings); lists are
comma-separated; defaults are left out so that links stay short. Unknown or malformed values
fall back to defaults instead of failing: links get edited, truncated and outlive data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Collection, Mapping, Sequence

from services.choropleth import ALL_YEARS, ONE_YEAR
from services.filters import FilterState, sanitize
from services.indicators import DEFAULT_INDICATOR, INDICATORS_BY_KEY
from services.taxonomy import AGE_GROUPS_BY_CODE, NEEDS_BY_CODE
from services.texts import ui

# URL code -> classification method of services.choropleth
CLASSIFICATIONS = {"quantile": "quantiles", "jenks": "fisher_jenks", "gleich": "equal_interval"}
DEFAULT_CLASSIFICATION = "quantile"
# URL code -> whose values set the class breaks (services.choropleth scope)
CLASS_SCOPES = {"alle": ALL_YEARS, "jahr": ONE_YEAR}
DEFAULT_CLASS_SCOPE = "alle"
_FLAG_WORDS = {"1": True, "ja": True, "true": True, "0": False, "nein": False, "false": False}
_SHOWN_MAX = 40  # characters of a replaced URL value quoted in a notice


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything that defines the map view: filters, indicator, year, classes, selection."""

    filters: FilterState = field(default_factory=FilterState)
    indicator: str | None = None  # None: the default indicator
    year: int | None = None  # None: the latest year with data
    classification: str = DEFAULT_CLASSIFICATION
    selected: str | None = None  # "o:<offer id>", "b:<office id>" or "d:<district id>"
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


def from_params(params: Mapping[str, str]) -> ViewState:
    """Read a view from URL parameters (one string per key, as `st.query_params` gives)."""
    filters = FilterState(
        age_groups=_split(params.get("alter")),
        needs=_split(params.get("bedarf")),
        districts=_split(params.get("bezirk")),
        text=params.get("suche", ""),
        only_free=_flag(params.get("kostenlos"), False),
        only_active=_flag(params.get("aktiv"), True),
    )
    method = params.get("klassen", DEFAULT_CLASSIFICATION)
    scope = params.get("grenzen", DEFAULT_CLASS_SCOPE)
    return ViewState(
        filters=filters,
        indicator=params.get("indikator") or None,
        year=_year(params.get("jahr")),
        classification=method if method in CLASSIFICATIONS else DEFAULT_CLASSIFICATION,
        selected=params.get("auswahl") or None,
        class_scope=scope if scope in CLASS_SCOPES else DEFAULT_CLASS_SCOPE,
    )


def to_params(view: ViewState) -> dict[str, str]:
    """The URL parameters of a view, defaults left out."""
    f = view.filters
    candidates = {
        "indikator": view.indicator or "",
        "jahr": str(view.year) if view.year is not None else "",
        "klassen": view.classification if view.classification != DEFAULT_CLASSIFICATION else "",
        "grenzen": view.class_scope if view.class_scope != DEFAULT_CLASS_SCOPE else "",
        "alter": ",".join(f.age_groups),
        "bedarf": ",".join(f.needs),
        "bezirk": ",".join(f.districts),
        "suche": f.text,
        "kostenlos": "1" if f.only_free else "",
        "aktiv": "" if f.only_active else "0",
        "auswahl": view.selected or "",
    }
    return {k: v for k, v in candidates.items() if v}


def _quoted(value: str) -> str:
    value = value.strip()
    return value if len(value) <= _SHOWN_MAX else value[: _SHOWN_MAX - 1] + "…"


def _dropped(params: Mapping[str, str], key: str, valid: Callable[[str], bool],
             label: str) -> list[str]:
    unknown = [v for v in _split(params.get(key)) if not valid(v)]
    if not unknown:
        return []
    values = ", ".join(f"„{_quoted(v)}“" for v in unknown)
    return [ui.URL_DROPPED_VALUES.format(field=label, values=values)]


def _flag_notices(params: Mapping[str, str]) -> list[str]:
    notices = []
    for key, label, default in (("kostenlos", ui.FILTER_FREE, False),
                                ("aktiv", ui.FILTER_ACTIVE, True)):
        given = params.get(key)
        if given and given.strip().lower() not in _FLAG_WORDS:
            shown = ui.YES if default else ui.NO
            notices.append(ui.URL_REPLACED_FLAG.format(field=label, given=_quoted(given),
                                                       shown=shown))
    return notices


def _choice_notices(params: Mapping[str, str]) -> list[str]:
    notices = []
    for key, choices, default, template, labels in (
        ("klassen", CLASSIFICATIONS, DEFAULT_CLASSIFICATION, ui.URL_REPLACED_CLASSES,
         ui.CLASSIFICATION_LABELS),
        ("grenzen", CLASS_SCOPES, DEFAULT_CLASS_SCOPE, ui.URL_REPLACED_SCOPE,
         ui.CLASS_SCOPE_LABELS),
    ):
        given = params.get(key)
        if given and given not in choices:
            notices.append(template.format(given=_quoted(given), shown=labels[default]))
    return notices


def checked_view(
    params: Mapping[str, str],
    indicator_years: Mapping[str, Sequence[int]],
    district_ids: Collection[str],
    selectable: Callable[[str], bool] | None = None,
) -> tuple[ViewState, tuple[str, ...]]:
    """The view of a link with every invalid value replaced, and one German notice per
    replacement, so that a link to `?jahr=1800` does not silently show another year.

    indicator_years: the years with values, per indicator key; district_ids: the districts
    of the current layer; selectable: whether an "o:…"/"b:…"/"d:…" selection exists
    (None: not checked). The notices quote URL text: escape them before Markdown or HTML.
    """
    view = from_params(params)
    notices = _choice_notices(params) + _flag_notices(params)
    notices += _dropped(params, "alter", AGE_GROUPS_BY_CODE.__contains__, ui.FILTER_AGE)
    notices += _dropped(params, "bedarf", NEEDS_BY_CODE.__contains__, ui.FILTER_NEED)
    notices += _dropped(params, "bezirk", set(district_ids).__contains__, ui.FILTER_DISTRICT)
    indicator = view.indicator
    if indicator is not None and indicator not in INDICATORS_BY_KEY:
        indicator = None
        notices.append(ui.URL_REPLACED_INDICATOR.format(
            given=_quoted(view.indicator), shown=INDICATORS_BY_KEY[DEFAULT_INDICATOR].label))
    key = indicator or DEFAULT_INDICATOR
    years = list(indicator_years.get(key, ()))
    given_year = params.get("jahr")
    year = view.year if view.year in years else None
    if given_year and year is None:
        notices.append(ui.URL_REPLACED_YEAR.format(
            given=_quoted(given_year), indicator=INDICATORS_BY_KEY[key].label,
            shown=years[-1] if years else ui.NO_YEAR))
    selected = view.selected
    if selected is not None and selectable is not None and not selectable(selected):
        notices.append(ui.URL_DROPPED_SELECTION.format(given=_quoted(selected)))
        selected = None
    filters = sanitize(view.filters, set(district_ids))
    view = replace(view, filters=filters, indicator=indicator, year=year, selected=selected)
    return view, tuple(notices)
