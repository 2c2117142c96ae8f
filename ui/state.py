"""The view state of a session: widget keys, the filters as one value, chip callbacks.

The view lives in st.session_state under the keys below (the widgets own their values);
`ui/urlparams.py` mirrors it into the URL. Filter widgets get their keys from the field
table in services/filters.py, so a new filter needs nothing here.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from services.filters import FIELDS, FIELDS_BY_NAME, FilterContext, FilterState, sanitize, without
from services.selection import Selection

INDICATOR, YEAR, CLASSIFICATION, SELECTED = "m_indicator", "m_year", "m_class", "m_selected"
CLASS_SCOPE = "m_class_scope"


def widget_key(field_name: str) -> str:
    """The session-state key of a filter's widget, e.g. "f_bedarf"."""
    return f"f_{FIELDS_BY_NAME[field_name].param}"


def _widget_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value  # multiselects hold lists


def set_filters(filters: FilterState) -> None:
    """Put a filter state into the widgets (from a link, a chip, a reset)."""
    for spec in FIELDS:
        st.session_state[widget_key(spec.name)] = _widget_value(getattr(filters, spec.name))


def current_filters(context: FilterContext) -> FilterState:
    """The filters as the widgets hold them, with unknown codes dropped."""
    state = st.session_state
    raw = {spec.name: state.get(widget_key(spec.name), spec.default) for spec in FIELDS}
    return sanitize(FilterState(**raw), context)


def remove_filter(context: FilterContext, field_name: str, value: str | None = None) -> None:
    """Callback of a filter chip: remove one value (or reset one field) of the filters."""
    set_filters(without(current_filters(context), field_name, value))


def reset_filters() -> None:
    set_filters(FilterState())


def selection() -> Selection | None:
    return st.session_state.get(SELECTED)


def select(chosen: Selection | None) -> None:
    st.session_state[SELECTED] = chosen
