"""The offer filter widgets, drawn from the field table (services/filters.py)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from services.filters import FIELDS, FilterContext, FilterField
from services.texts import ui
from ui import state


def _widget(spec: FilterField, context: FilterContext) -> None:
    key = state.widget_key(spec.name)
    if spec.kind == "codes":
        labels = spec.options(context)
        st.multiselect(spec.label, list(labels), key=key, placeholder=ui.CHOOSE,
                       format_func=lambda code: labels.get(code, code))
    elif spec.kind == "text":
        st.text_input(spec.label, key=key, help=spec.help or None)
    else:
        st.checkbox(spec.label, key=key)


def filter_widgets(context: FilterContext, names: Sequence[str]) -> None:
    """One widget per named filter field (in the table's order), then the reset button."""
    for spec in FIELDS:
        if spec.name in names:
            _widget(spec, context)
    st.button(ui.FILTER_RESET, on_click=state.reset_filters)
