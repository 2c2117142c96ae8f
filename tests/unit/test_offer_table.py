"""The offer list under the map and its downloads: texts as on screen, German Excel CSV."""

from __future__ import annotations

import io
from dataclasses import asdict
from datetime import date

import openpyxl
import pandas as pd

from services.offer_table import COLUMNS, offer_table, on_screen, table_csv, table_xlsx
from services.plaintext import FSI, PDI
from services.texts import ui
from tests.factories import full_offer, sparse_offer


def _frame() -> pd.DataFrame:
    offers = [
        full_offer(district_id="11"),
        sparse_offer(id="o2", name="=HYPERLINK(\"http://x\")", free_of_charge=None),
    ]
    return pd.DataFrame([asdict(o) for o in offers])


def test_rows_hold_the_display_texts_indexed_by_offer_id():
    table = offer_table(_frame(), {"11": "Altstadt"})
    assert tuple(table.columns) == COLUMNS
    assert list(table.index) == ["o1", "o2"]
    first = table.loc["o1"]
    assert first[ui.TABLE_NEEDS].startswith("Lernen & Hausaufgaben, Sprachförderung, Beratung")
    assert first[ui.TABLE_AGES] == "0,5 bis 10,75 Jahre"
    assert first[ui.TABLE_DISTRICT] == "Altstadt"
    assert first[ui.TABLE_ADDRESS] == "Gladbecker Straße 12, 46236 Bottrop-Kirchhellen"
    assert first[ui.TABLE_LANGUAGES] == "Deutsch, Türkisch, Arabisch"
    assert first[ui.TABLE_COSTS] == ui.NOT_FREE
    assert first[ui.TABLE_STATUS] == "vorübergehend geschlossen"
    second = table.loc["o2"]
    assert second[ui.TABLE_AGES] == ui.AGES_ALL
    assert second[ui.TABLE_COSTS] == ui.COSTS_UNKNOWN
    assert second[ui.TABLE_DISTRICT] == ""


def test_csv_is_for_german_excel_and_defuses_formulas():
    data = table_csv(offer_table(_frame(), {"11": "Altstadt"}))
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ";".join(COLUMNS)
    assert "0,5 bis 10,75 Jahre" in lines[1]
    assert lines[2].startswith('"\'=HYPERLINK(""http://x"")";')
    assert len([line for line in lines if line]) == 3


def test_xlsx_holds_the_same_rows():
    table = offer_table(_frame(), {"11": "Altstadt"})
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(table)))
    sheet = book[ui.TABLE_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert rows[1][0] == table.iloc[0][ui.TABLE_NAME]
    assert rows[2][0] == "=HYPERLINK(\"http://x\")"  # text, not a formula
    assert sheet["A3"].data_type == "s"


def test_on_screen_isolates_data_text_and_leaves_our_labels():
    table = offer_table(_frame(), {"11": "Altstadt"})
    shown = on_screen(table)
    assert shown.loc["o1", ui.TABLE_NAME] == f"{FSI}{table.loc['o1', ui.TABLE_NAME]}{PDI}"
    assert shown.loc["o1", ui.TABLE_DISTRICT] == f"{FSI}Altstadt{PDI}"
    assert shown.loc["o1", ui.TABLE_COSTS] == ui.NOT_FREE
    assert FSI.encode() not in table_csv(table)


def test_the_check_column_marks_only_stale_offers():
    frame = _frame().assign(last_verified=[date(2025, 1, 16), None], stale=[True, False])
    table = offer_table(frame, {"11": "Altstadt"})
    assert table[ui.TABLE_VERIFIED].tolist() == ["nicht mehr geprüft seit 16.01.2025", ""]
    unflagged = offer_table(_frame(), {"11": "Altstadt"})  # no stale column: no note
    assert unflagged[ui.TABLE_VERIFIED].tolist() == ["", ""]
