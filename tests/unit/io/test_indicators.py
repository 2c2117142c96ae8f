"""Indicator tables: long and wide form, district name matching, checks, default source."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from services.io.errors import ImportFailed
from services.io.indicators import read_indicators
from tests.unit.io.helpers import csv_text, layer, write_text

TODAY = date(2026, 11, 28)
LONG = ["bezirk", "indikator", "jahr", "wert", "quelle"]


def read(path):
    return read_indicators(path, layer(), TODAY)


def problems_of(path) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        read(path)
    return [str(p) for p in failed.value.problems]


def long_csv(tmp_path, rows, header=LONG, encoding="cp1252"):
    return write_text(tmp_path / "indikatoren.csv", csv_text(header, rows), encoding)


def test_long_form_with_decimal_comma_and_names(tmp_path):
    rows = [["A1", "sgb2_u15", "2023", "28,7", "Sozialbericht"],
            ["Batenbrock Sued", "SGB-II-Quote unter 15 J.", "2023", "12", "Sozialbericht"],
            ["BATENBROCK-SÜD", "einwohner_u18", "2023", "1.234.000", "Melderegister"],
            ["welheim", "alleinerziehende", "2022", "31,5 %", "Melderegister"]]
    values, warnings = read(long_csv(tmp_path, rows))
    assert [(v.district_id, v.indicator_key, v.year, v.value) for v in values] == [
        ("A1", "sgb2_u15", 2023, 28.7), ("B2", "sgb2_u15", 2023, 12.0),
        ("B2", "einwohner_u18", 2023, 1234000.0), ("C3", "alleinerziehende", 2022, 31.5)]
    assert values[0].source == "Sozialbericht" and values[0].is_demo is False
    assert warnings == []


def test_name_spellings_all_match(tmp_path):
    rows = [[name, "sgb2_u15", str(2000 + i), "1", "q"] for i, name in enumerate(
        ["Batenbrock Sued", "BATENBROCK-SÜD", "batenbrock/süd", "Batenbrock - Süd", "B2"])]
    values, _ = read(long_csv(tmp_path, rows))
    assert {v.district_id for v in values} == {"B2"}


def test_wide_xlsx_with_year_in_sheet_name_and_label_headers(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "2022"
    for sheet, year in ((book.active, 2022), (book.create_sheet("Jahr 2023"), 2023)):
        sheet.append(["Bezirk", "SGB-II-Quote unter 15 J.", "einwohner_u18"])
        sheet.append(["Altstadt", 50.5 + year - 2022, 1200])
        sheet.append(["Welheim", None, 800])  # no data: skipped, district stays
    book.create_sheet("Hinweise").append(["Quelle: Stadt Bottrop"])
    book.save(tmp_path / "sozialatlas.xlsx")
    values, warnings = read(tmp_path / "sozialatlas.xlsx")
    assert sorted((v.year, v.district_id, v.indicator_key, v.value) for v in values) == [
        (2022, "A1", "einwohner_u18", 1200), (2022, "A1", "sgb2_u15", 50.5),
        (2022, "C3", "einwohner_u18", 800),
        (2023, "A1", "einwohner_u18", 1200), (2023, "A1", "sgb2_u15", 51.5),
        (2023, "C3", "einwohner_u18", 800)]
    assert {v.source for v in values} == {"Import aus sozialatlas.xlsx am 28.11.2026"}
    assert [str(w) for w in warnings] == [
        "sozialatlas.xlsx, Blatt 'Hinweise': Blatt ohne Spalte 'bezirk' wurde übersprungen",
        "sozialatlas.xlsx: Keine Quelle angegeben (Spalte 'quelle' fehlt oder ist leer); als "
        "Quelle wird 'Import aus sozialatlas.xlsx am 28.11.2026' eingetragen",
        "sozialatlas.xlsx: 2 Zellen ohne Wert wurden übersprungen (keine Daten)",
    ]


def test_wide_csv_with_year_column_and_demo_flag(tmp_path):
    header = ["bezirk", "jahr", "alleinerziehende", "quelle", "demo"]
    rows = [["Altstadt", "2023", "27,1", "Demo", "ja"], ["Welheim", "2023", ".", "Demo", "ja"]]
    path = write_text(tmp_path / "breit.csv", csv_text(header, rows, sep=","))
    values, warnings = read(path)
    assert [(v.district_id, v.value, v.is_demo, v.source) for v in values] == [
        ("A1", 27.1, True, "Demo")]
    assert [str(w) for w in warnings] == [
        "breit.csv: 1 Zellen ohne Wert wurden übersprungen (keine Daten)"]


def test_every_problem_with_row_and_column(tmp_path):
    rows = [["Altstadt", "sgb2_u15", "2023", "128", "q"],
            ["Bottrop-Nord", "sgb2_u15", "2023", "5", "q"],
            ["Altstadt", "armut", "2023", "5", "q"],
            ["Altstadt", "einwohner_u18", "23", "1.234", "q"],
            ["Welheim", "sgb2_u15", "2023", "zwölf", "q"],
            ["Welheim", "sgb2_u15", "2024", "3", "q"],
            ["C3", "sgb2_u15", "2024", "4", "q"]]
    assert problems_of(long_csv(tmp_path, rows)) == [
        "indikatoren.csv, Zeile 2, Spalte 'wert': 128 liegt nicht zwischen 0 und 100 "
        "(Prozentwert)",
        "indikatoren.csv, Zeile 3, Spalte 'bezirk': Bezirk 'Bottrop-Nord' ist unbekannt "
        "(weder ID noch Name eines Bezirks)",
        "indikatoren.csv, Zeile 4, Spalte 'indikator': Indikator 'armut' ist unbekannt; "
        "erlaubt sind: sgb2_u15, kinder_bg_u18, alleinerziehende, arbeitslosenquote, "
        "migration_u18, einwohner_u18, einwohner_gesamt",
        "indikatoren.csv, Zeile 5, Spalte 'jahr': '23' ist keine Jahreszahl (erwartet z. B. 2023)",
        "indikatoren.csv, Zeile 5, Spalte 'wert': '1.234' ist keine ganze Zahl "
        "(Tausenderpunkte bitte weglassen)",
        "indikatoren.csv, Zeile 6, Spalte 'wert': 'zwölf' ist keine Zahl",
        "indikatoren.csv, Zeile 8: Wert für Bezirk 'C3', Indikator 'sgb2_u15', Jahr 2024 "
        "kommt mehrfach vor (zuerst in Zeile 7)",
    ]


def test_wide_problems_unknown_indicator_column_and_no_year(tmp_path):
    path = write_text(tmp_path / "w.csv", csv_text(["bezirk", "Armutsquote"], [["A1", "3"]]))
    assert problems_of(path) == [
        "w.csv: Kein Jahr angegeben: bitte eine Spalte 'jahr' einfügen oder das Blatt nach dem "
        "Jahr benennen (z. B. '2023')",
        "w.csv, Spalte 'Armutsquote': Indikator 'Armutsquote' ist unbekannt; erlaubt sind: "
        "sgb2_u15, kinder_bg_u18, alleinerziehende, arbeitslosenquote, migration_u18, "
        "einwohner_u18, einwohner_gesamt",
    ]


def test_long_form_column_checks(tmp_path):
    header = ["bezirk", "indikator", "wert", "quele"]
    path = long_csv(tmp_path, [["A1", "sgb2_u15", "3", "q"]], header)
    assert problems_of(path) == [
        "indikatoren.csv, Spalte 'jahr': Pflichtspalte fehlt (vorhandene Spalten: bezirk, "
        "indikator, wert, quele)",
        "indikatoren.csv, Spalte 'quele': Unbekannte Spalte (Tippfehler?); erlaubt sind: "
        "bezirk, indikator, jahr, wert, quelle, demo",
    ]


def test_ambiguous_names_and_no_districts(tmp_path):
    twins = layer((("X1", "Boy", "Süd"), ("X2", "BOY", "Süd")))
    path = long_csv(tmp_path, [["boy", "sgb2_u15", "2023", "3", "q"]])
    with pytest.raises(ImportFailed, match="Bezirk 'boy' passt auf mehrere Bezirke: X1, X2"):
        read_indicators(path, twins, TODAY)
    with pytest.raises(ImportFailed, match="Es sind noch keine Bezirke geladen"):
        read_indicators(path, layer().iloc[0:0], TODAY)


def test_long_xlsx_with_numbers_and_percent_cells(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["bezirk", "indikator", "jahr", "wert", "quelle", "demo"])
    book.active.append(["Altstadt", "sgb2_u15", 2023, 0.287, "Sozialatlas", "nein"])
    book.active["D2"].number_format = "0.0%"  # Excel shows 28,7 %
    book.active.append(["C3", "einwohner_u18", 2023, 812, "Melderegister", None])
    book.save(tmp_path / "lang.xlsx")
    values, warnings = read(tmp_path / "lang.xlsx")
    assert [(v.district_id, v.indicator_key, v.year, v.value, v.source) for v in values] == [
        ("A1", "sgb2_u15", 2023, 28.7, "Sozialatlas"),
        ("C3", "einwohner_u18", 2023, 812, "Melderegister")]
    assert warnings == []


def test_a_bad_district_in_a_wide_row_is_reported_once(tmp_path):
    header = ["bezirk", "jahr", "sgb2_u15", "alleinerziehende", "quelle"]
    path = write_text(tmp_path / "w.csv", csv_text(header, [["Nirgendwo", "2023", "1", "2", "q"]]))
    assert problems_of(path) == [
        "w.csv, Zeile 2, Spalte 'bezirk': Bezirk 'Nirgendwo' ist unbekannt "
        "(weder ID noch Name eines Bezirks)"]
