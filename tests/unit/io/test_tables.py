"""Reading CSV and XLSX as German offices write them; parsing cell texts."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from services.io.cells import CellError, fold, parse_bool, parse_date, parse_number
from services.io.errors import ImportFailed
from services.io.tables import SheetExcess, read_sheets, read_table, sheet_excess, sniff_delimiter
from tests.unit.io.helpers import csv_text, write_text


def test_semicolon_decimal_comma_cp1252(tmp_path):
    rows = [["1", "Batenbrock-Süd", "12,5"], ["2", "Straße", "3"]]
    text = csv_text(["id", "name", "wert"], rows)
    table = read_table(write_text(tmp_path / "excel.csv", text, "cp1252"))
    assert table.columns == ["id", "name", "wert"]
    assert [r.values["name"] for r in table.rows] == ["Batenbrock-Süd", "Straße"]
    assert parse_number(table.rows[0].values["wert"]) == 12.5
    assert [r.line for r in table.rows] == [2, 3]


def test_utf8_bom_and_comma_delimiter(tmp_path):
    path = write_text(tmp_path / "bom.csv", "id,name\n1,Größe\n", "utf-8-sig")
    table = read_table(path)
    assert table.columns == ["id", "name"]  # no "\ufeffid"
    assert table.rows[0].values == {"id": "1", "name": "Größe"}


def test_quoted_cells_blank_rows_keep_line_numbers(tmp_path):
    text = 'id;text\n\n1;"a; b"\n;\n2;"zwei\nZeilen"\n'
    table = read_table(write_text(tmp_path / "q.csv", text))
    assert [(r.line, r.values["text"]) for r in table.rows] == [(3, "a; b"), (5, "zwei\nZeilen")]


def test_values_under_a_missing_header_are_a_problem(tmp_path):
    table = read_table(write_text(tmp_path / "h.csv", "id;name\n1;x;überzählig\n"))
    assert [str(p) for p in table.problems] == [
        "h.csv, Zeile 1: Spalte 3 hat keine Überschrift, enthält aber Werte"
    ]


def test_sniff_prefers_semicolon_and_ignores_quoted_separators():
    assert sniff_delimiter('"a;b",c,d\n') == ","
    assert sniff_delimiter("a;b,c\n") == ";"
    assert sniff_delimiter("a\tb\tc\n") == "\t"


def test_xlsx_cells_come_back_as_the_text_people_saw(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Angebote"
    sheet.append(["id", "lat", "max_alter", "datum", "ja", "anteil"])
    sheet.append([7, 51.5241, 12.0, datetime(2024, 5, 31), True, 0.287])
    sheet["F2"].number_format = "0.0%"
    book.create_sheet("Zweites").append(["x"])
    book.save(tmp_path / "a.xlsx")
    table = read_table(tmp_path / "a.xlsx")
    assert table.sheet == "Angebote"
    assert table.rows[0].values == {
        "id": "7", "lat": "51.5241", "max_alter": "12", "datum": "2024-05-31",
        "ja": "ja", "anteil": "28.7 %",
    }
    assert [t.sheet for t in read_sheets(tmp_path / "a.xlsx")] == ["Angebote", "Zweites"]


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(ImportFailed, match="Datei nicht gefunden"):
        read_table(tmp_path / "fehlt.csv")
    with pytest.raises(ImportFailed, match="Dateiformat '.ods' wird nicht unterstützt"):
        read_table(write_text(tmp_path / "x.ods", "x"))


@pytest.mark.parametrize(
    "text, value",
    [("12,5", 12.5), ("12.5", 12.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
     ("1.234.567", 1234567), (" 3 ", 3), ("-0,5", -0.5), ("1 234", 1234)],
)
def test_numbers_german_and_english(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["zwölf", "1,2,3", "", "12a", "1.23.4"])
def test_not_numbers_quote_the_text(text):
    with pytest.raises(CellError, match=f"'{text}' ist keine Zahl"):
        parse_number(text)


def test_booleans_and_dates():
    assert [parse_bool(x) for x in ("ja", "Nein", "TRUE", "false", "1", "0", "x")] == [
        True, False, True, False, True, False, True]
    assert parse_date("31.05.2024") == parse_date("2024-05-31") == date(2024, 5, 31)
    assert parse_date("2024-05-31 00:00:00") == date(2024, 5, 31)
    with pytest.raises(CellError, match="'vielleicht' ist kein Ja/Nein-Wert"):
        parse_bool("vielleicht")
    with pytest.raises(CellError, match="'31.02.2024' ist kein Datum"):
        parse_date("31.02.2024")


def test_fold_ignores_case_umlaut_spelling_and_punctuation():
    assert fold("BATENBROCK-SÜD") == fold("Batenbrock Sued") == fold("batenbrock/süd")
    assert fold("Straße") == fold("STRASSE")


def test_excel_separator_hint_line(tmp_path):
    table = read_table(write_text(tmp_path / "s.csv", "sep=,\r\nid,name\r\n1,A;B\r\n"))
    assert table.rows[0].values == {"id": "1", "name": "A;B"} and table.rows[0].line == 2


SHEET = (b'<worksheet xmlns="s"><sheetData>'
         b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
         b'<row r="2" s="3" customFormat="1"/>'  # formatted, empty: does not count
         b'<row r="3"><c r="A3" s="1"/></row>'  # a styled cell without value: does not count
         b'<x:row r="4"><x:c r="A4"><x:v>7</x:v></x:c></x:row>'
         b'<row r="5"><c r="A5" t="s"><v>0</v></c></row>'
         b'</sheetData></worksheet>')


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_the_row_scan_counts_rows_with_a_value_across_block_borders(chunk):
    # three rows with a value: the header, row 4 (prefixed namespace) and row 5
    assert sheet_excess(io.BytesIO(SHEET), 2, 300, chunk=chunk) == SheetExcess(rows=True)
    assert sheet_excess(io.BytesIO(SHEET), 3, 300, chunk=chunk) == SheetExcess()


FAR = (b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>r="XFD9"</t></is>'
       b'</c><x:c s="1" r = \'ABC7\'><x:v>1</x:v></x:c></row></sheetData></worksheet>')


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_the_scan_finds_a_cell_beyond_the_column_limit_but_not_in_a_text(chunk):
    assert sheet_excess(io.BytesIO(FAR), 10, 300, chunk=chunk) == SheetExcess(far_cell="ABC7")
    assert sheet_excess(io.BytesIO(FAR), 10, 703, chunk=chunk) == SheetExcess()  # AAA+ allowed
    assert sheet_excess(io.BytesIO(SHEET), 10, 26, chunk=chunk) == SheetExcess()
