"""The whole view as URL parameters, so that a copied link reproduces what one sees.

Parameters are short German words (people read links aloud in meetings); lists are
comma-separated; defaults are left out so that links stay short. Unknown or malformed values
fall back to defaults instead of failing: links get edited, truncated and outlive data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from services.filters import FilterState

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
    selected: str | None = None  # "o:<offer id>", "b:<office id>" or "d:<district id>"


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
    return ViewState(
        filters=filters,
        indicator=params.get("indikator") or None,
        year=_year(params.get("jahr")),
        classification=method if method in CLASSIFICATIONS else DEFAULT_CLASSIFICATION,
        selected=params.get("auswahl") or None,
    )


def to_params(view: ViewState) -> dict[str, str]:
    """The URL parameters of a view, defaults left out."""
    f = view.filters
    candidates = {
        "indikator": view.indicator or "",
        "jahr": str(view.year) if view.year is not None else "",
        "klassen": view.classification if view.classification != DEFAULT_CLASSIFICATION else "",
        "alter": ",".join(f.age_groups),
        "bedarf": ",".join(f.needs),
        "bezirk": ",".join(f.districts),
        "suche": f.text,
        "kostenlos": "1" if f.only_free else "",
        "aktiv": "" if f.only_active else "0",
        "auswahl": view.selected or "",
    }
    return {k: v for k, v in candidates.items() if v}
