"""The active filters as removable chips (a click removes one value), and with no match
the filter to loosen."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from services.filters import FIELDS_BY_NAME, FilterContext, FilterState, chips, filter_to_loosen
from services.plaintext import markdown_literal
from services.texts import ui
from ui import state


def filter_chips(filters: FilterState, context: FilterContext) -> None:
    active = chips(filters, context)
    if not active:
        return
    st.caption(ui.ACTIVE_FILTERS)
    for chip in active:
        st.button(  # button labels are Markdown: a district name or search text is data
            f"✕ {markdown_literal(chip.label)}", key=f"chip_{chip.field}_{chip.value}",
            help=ui.CHIP_REMOVE_HELP,
            on_click=state.remove_filter, args=(context, chip.field, chip.value),
        )


def no_results_hint(offers: pd.DataFrame, filters: FilterState, context: FilterContext) -> None:
    """Nothing matches: name the filter whose removal brings back the most, with a button."""
    st.warning(ui.NO_RESULTS)
    best = filter_to_loosen(offers, filters)
    if best is None:
        st.caption(ui.NO_RESULTS_NOTHING)
        return
    name, count = best
    label = FIELDS_BY_NAME[name].label
    st.markdown(markdown_literal(ui.NO_RESULTS_LOOSEN.format(field=label, count=count)))
    st.button(markdown_literal(ui.LOOSEN_BUTTON.format(field=label)), key=f"loosen_{name}",
              type="primary", on_click=state.remove_filter, args=(context, name))
