"""The offer list under the map (AppTest): in step with the filters, a row selects the
offer, the selection highlights its row, downloads, and the hint when nothing matches."""

from __future__ import annotations

from datetime import date

import pytest

from services.formatting import format_date
from services.importer import demo_shift
from services.selection import Selection
from services.texts import ui
from tests.app.test_karte import run_app, shown_count
from ui import state
from ui.components.offer_table import TABLE_KEY

pytestmark = pytest.mark.usefixtures("demo_env")  # the module's demo database


def table(at):
    return next(df for df in at.dataframe if df.key == TABLE_KEY)


def rows_selected(at) -> list[int]:
    return list(at.session_state[TABLE_KEY]["selection"]["rows"])


def test_the_list_holds_exactly_the_matching_offers_with_german_columns():
    at = run_app()
    shown = shown_count(at)[0]
    frame = table(at).value
    assert len(frame) == shown
    assert list(frame.columns) == [ui.TABLE_NAME, ui.TABLE_NEEDS, ui.TABLE_AGES, ui.TABLE_DISTRICT,
                                   ui.TABLE_ADDRESS, ui.TABLE_LANGUAGES, ui.TABLE_COSTS, ui.TABLE_STATUS,
                                   ui.TABLE_VERIFIED]
    at.multiselect(key=state.widget_key("languages")).set_value(["ar"]).run()
    frame = table(at).value
    assert len(frame) == shown_count(at)[0] < shown
    assert frame[ui.TABLE_LANGUAGES].str.contains("Arabisch").all()


def test_a_row_click_selects_the_offer_and_opens_its_details():
    at = run_app()
    name = table(at).value.iloc[3][ui.TABLE_NAME]
    at.session_state[TABLE_KEY] = {"selection": {"rows": [3], "columns": [], "cells": []}}
    at.run()
    chosen = at.session_state[state.SELECTED]
    assert isinstance(chosen, Selection) and chosen.kind == "offer"
    assert at.query_params["auswahl"] in (chosen.ref, [chosen.ref])
    headings = " ".join(m.value for m in at.markdown)
    assert name.split()[0] in headings and "Träger" in headings
    assert rows_selected(at) == [3]  # still highlighted after the rerun
    at.run()
    assert at.session_state[state.SELECTED] == chosen  # an unchanged table changes nothing


def test_a_selection_from_the_map_or_link_highlights_its_row():
    at = run_app(auswahl="o:demo-001")
    assert rows_selected(at) == [table(at).value.index.get_loc("demo-001")]
    close = next(b for b in at.button if b.label == ui.DETAILS_CLOSE)
    close.click().run()
    assert rows_selected(at) == []


def test_downloads_offer_the_list_as_csv_and_xlsx():
    at = run_app()
    labels = [b.label for b in at.get("download_button")]
    assert ui.DOWNLOAD_CSV in labels and ui.DOWNLOAD_XLSX in labels


def test_no_match_names_the_filter_to_loosen_and_its_button_removes_it():
    at = run_app()
    at.multiselect(key=state.widget_key("languages")).set_value(["ar"]).run()
    at.text_input(key=state.widget_key("text")).input("Babymassage Schwimmen Xylophon").run()
    assert shown_count(at)[0] == 0
    assert any(ui.NO_RESULTS in w.value for w in at.warning)
    hint = " ".join(m.value for m in at.markdown)
    assert "Ohne den Filter" in hint and "Freitext" in hint
    button = at.button(key="loosen_text")
    assert "Freitext" in button.label
    button.click().run()
    assert at.text_input(key=state.widget_key("text")).value == ""
    assert shown_count(at)[0] > 0


def test_an_offer_not_checked_for_a_year_says_so_in_its_row():
    at = run_app()
    frame = table(at).value
    checked = format_date(date(2025, 1, 16) + demo_shift(date.today()))  # seeded today
    assert frame.loc["demo-063", ui.TABLE_VERIFIED] == f"nicht mehr geprüft seit {checked}"
