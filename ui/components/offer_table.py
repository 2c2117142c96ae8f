"""The matching offers as a sortable table under the map, in step with map and details.

A row click selects the offer (ring on the map, details panel); a selection made on the
map highlights its row. Streamlit reports a row click as the table's widget state on the
next run, so the page calls `take_row_click()` before it draws map and details, and
`offer_table()` then writes the current selection back into the table's state. The row
positions of the last run are kept to tell a user's click from our own write.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from services.offer_table import on_screen, table_csv, table_xlsx
from services.selection import Selection
from services.texts import ui
from ui import state

TABLE_KEY = "offer_table"
TABLE_ANCHOR = "angebotsliste"  # target of the skip link past the map
_IDS = "_offer_table_ids"  # offer ids by row position, as drawn in the last run
_ROWS = "_offer_table_rows"  # the selected rows as we wrote them in the last run


def _rows_in_widget() -> list[int]:
    current = st.session_state.get(TABLE_KEY)
    return list(current["selection"]["rows"]) if current else []


def take_row_click() -> None:
    """A row the user selected (or unselected) since the last run becomes the selection."""
    rows = _rows_in_widget()
    if TABLE_KEY not in st.session_state or rows == st.session_state.get(_ROWS, []):
        return
    ids = st.session_state.get(_IDS, [])
    state.select(Selection("offer", ids[rows[0]]) if rows and rows[0] < len(ids) else None)


def _selected_rows(table: pd.DataFrame) -> list[int]:
    chosen = state.selection()
    if chosen is None or chosen.kind != "offer" or chosen.id not in table.index:
        return []
    return [int(table.index.get_loc(chosen.id))]


def _downloads(table: pd.DataFrame) -> None:
    row = st.container(horizontal=True)
    # both built only when clicked: 10,000 rows take 0.6 s as CSV, several as XLSX
    row.download_button(ui.DOWNLOAD_CSV, partial(table_csv, table), f"{ui.TABLE_FILE}.csv",
                        mime="text/csv", on_click="ignore", icon=":material/download:")
    row.download_button(
        ui.DOWNLOAD_XLSX, partial(table_xlsx, table), f"{ui.TABLE_FILE}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore", icon=":material/download:",
    )


def offer_table(table: pd.DataFrame) -> None:
    """The list with its downloads; the selected offer's row highlighted."""
    st.subheader(ui.TABLE_TITLE, anchor=TABLE_ANCHOR)
    st.caption(ui.TABLE_HINT)
    _downloads(table)
    rows = _selected_rows(table)
    st.session_state[TABLE_KEY] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    st.session_state[_ROWS] = rows
    st.session_state[_IDS] = table.index.tolist()
    st.dataframe(on_screen(table), key=TABLE_KEY, on_select="rerun", selection_mode="single-row",
                 hide_index=True, height=360, alt=ui.TABLE_ALT, placeholder="")
