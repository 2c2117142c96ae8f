"""The active filters as removable chips (a click removes one value)."""

from __future__ import annotations

import streamlit as st

from services.filters import FilterContext, FilterState, chips
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
