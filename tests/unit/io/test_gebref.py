"""NRW Gebäudereferenzen and the plain address CSV: both gebref layouts, ZIP, BOM, the
municipality filter, removed buildings, and German errors naming line and field."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest
from pyproj import Transformer

from services.io.addresses import read_addresses
from services.io.errors import ImportFailed
from services.io.gebref import MAX_KEPT_PROBLEMS, read_gebref
from services.model import ANALYSIS_CRS, WEB_CRS, Address
from tests.unit.io.helpers import csv_text, write_text

_TO_METRIC = Transformer.from_crs(WEB_CRS, ANALYSIS_CRS, always_xy=True)
FEUERBACH = (51.5226, 6.9478)
GLADBECK = ("05", "5", "62", "016")  # Land, RegBez, Kreis, Gemeinde of another town


def metric(lat: float, lon: float) -> tuple[float, float]:
    return _TO_METRIC.transform(lon, lat)


def row21(street="Feuerbachstraße", number="13", suffix="", nba="N", key=("05", "5", "12", "000"),
          position=FEUERBACH, east: str | None = None) -> str:
    x, y = metric(*position)
    land, rbz, krs, gmd = key
    fields = [nba, "DENW36AL0000abcd", "A", land, "Nordrhein-Westfalen", rbz, "Münster", krs,
              "Bottrop", gmd, "Bottrop", "0001", "Batenbrock", "01234", street, number, suffix,
              "32", east if east is not None else f"{x:.2f}", f"{y:.2f}", "2024-03-01"]
    return ";".join(fields)


def row15(street="Feuerbachstraße", number="13", suffix="", nba="N", key=("05", "5", "12", "000"),
          position=FEUERBACH) -> str:
    x, y = metric(*position)
    land, rbz, krs, gmd = key
    east = f"{32_000_000 + x:.3f}".replace(".", ",")
    north = f"{y:.3f}".replace(".", ",")
    fields = [nba, "DENW36AL0000abcd", "A", land, rbz, krs, gmd, "0001", "01234", number, suffix,
              east, north, street, "01.03.2024"]
    return ";".join(fields)


def gebref(tmp_path: Path, lines: list[str], name="gebref.txt", bom=False) -> Path:
    text = "\r\n".join(lines) + "\r\n"
    return write_text(tmp_path / name, ("\ufeff" if bom else "") + text)


@pytest.mark.parametrize("row", [row21, row15], ids=["21 Felder", "15 Felder"])
def test_both_layouts_give_bottrops_addresses_in_wgs84(tmp_path, row):
    lines = [row(), row(number="2", suffix="A", position=(51.5230, 6.9480)),
             row(key=GLADBECK, street="Gladbecker Straße"), row(nba="L", number="99")]
    read = read_gebref(gebref(tmp_path, lines, bom=True))
    assert (read.other_municipality, read.removed, read.warnings) == (1, 1, [])
    first, second = read.addresses
    assert (first.street, first.house_number, first.suffix) == ("Feuerbachstraße", 13, "")
    assert first.lat == pytest.approx(FEUERBACH[0], abs=1e-6)
    assert first.lon == pytest.approx(FEUERBACH[1], abs=1e-6)
    assert (second.house_number, second.suffix, second.is_demo) == (2, "a", False)


def test_zip_is_read_without_unpacking_and_the_key_file_is_ignored(tmp_path):
    archive = tmp_path / "gebref_EPSG4647_ASCII.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("gebref_schluessel.txt", "G;05512000;Bottrop\n")
        zipped.writestr("daten/gebref.txt", "\ufeff" + row15() + "\n")
    read = read_addresses(archive)
    assert [a.id for a in read.addresses] == ["Feuerbachstraße 13"]


def test_zip_without_gebref_txt_is_refused(tmp_path):
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("liesmich.txt", "nichts")
    with pytest.raises(ImportFailed) as failed:
        read_gebref(archive)
    assert str(failed.value) == "x.zip: Im ZIP-Archiv fehlt die Datei gebref.txt (enthalten: liesmich.txt)"


def test_header_line_and_windows_1252_are_accepted(tmp_path):
    header = "NBA;OI;QUA;LAN;RBZ;KRS;GMD;OTT;SSS;HNR;ADZ;E;N;STN;Datum"
    path = tmp_path / "gebref.txt"
    path.write_bytes((header + "\n" + row15(street="Hügelstraße") + "\n").encode("cp1252"))
    assert [a.street for a in read_gebref(path).addresses] == ["Hügelstraße"]


def test_bad_rows_are_reported_with_line_and_field_and_nothing_is_returned(tmp_path):
    lines = [row21(), row21(number="13b"), row21(suffix="1"), row21(east="abc"),
             row21(street=""), "N;zu;wenig", row21(east="400000"),
             row21(key=GLADBECK, number="kaputt")]  # other towns' rows are not parsed
    with pytest.raises(ImportFailed) as failed:
        read_gebref(gebref(tmp_path, lines))
    north = f"{metric(*FEUERBACH)[1]:.2f}".replace(".", ",")
    assert [str(p) for p in failed.value.problems] == [
        "gebref.txt, Zeile 2, Spalte 'hnr': '13b' ist keine Hausnummer (eine ganze Zahl ab 1; "
        "einen Zusatz wie „a“ bitte in die Spalte 'zusatz')",
        "gebref.txt, Zeile 3, Spalte 'adz': '1' ist kein Hausnummernzusatz (erwartet Buchstaben "
        "wie a oder b)",
        "gebref.txt, Zeile 4, Spalte 'ostwert': 'abc' ist keine Zahl",
        "gebref.txt, Zeile 5, Spalte 'str': Wert fehlt (Pflichtfeld)",
        "gebref.txt, Zeile 6: Die Zeile hat 3 Felder; erwartet werden 21 (Gebäudereferenzen, "
        "durch ';' getrennt)",
        f"gebref.txt, Zeile 7: Koordinate 400000,00 / {north} liegt nicht bei Bottrop "
        "(Ostwert und Nordwert in EPSG:25832 erwartet, beim 15-Felder-Format mit "
        "vorangestellter Zone 32)",
    ]


def test_a_nul_in_a_street_name_is_a_problem_not_a_cut_name(tmp_path):
    with pytest.raises(ImportFailed) as failed:
        read_gebref(gebref(tmp_path, [row21(), row21(street="Feuer\x00bachstraße", number="2")]))
    assert [str(p) for p in failed.value.problems] == [
        "gebref.txt, Zeile 2, Spalte 'str': Der Text enthält ein Nullzeichen (Steuerzeichen "
        "\\0); bitte entfernen"]


def test_the_format_sniffing_reads_a_bounded_first_line(tmp_path):
    """A 20 MB file without line breaks is told apart from a table by its first 4 KB."""
    path = write_text(tmp_path / "gebref.txt", ";".join(["x" * 1000] * 20_000))
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed) as failed:
            read_addresses(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "die erste Zeile hat" in str(failed.value)
    assert peak < 2 * 1024 * 1024


def test_problems_are_capped_for_a_broken_state_wide_file(tmp_path):
    lines = [row15(number="x")] * (MAX_KEPT_PROBLEMS + 7)
    with pytest.raises(ImportFailed) as failed:
        read_gebref(gebref(tmp_path, lines))
    problems = [str(p) for p in failed.value.problems]
    assert len(problems) == MAX_KEPT_PROBLEMS + 1
    assert problems[-1] == ("gebref.txt: … und 7 weitere Probleme in dieser Datei (nicht mehr "
                            "einzeln erfasst)")


def test_a_file_without_line_breaks_is_read_in_bounded_pieces(tmp_path):
    path = write_text(tmp_path / "gebref.txt", ";".join(["x" * 1000] * 200))  # 200 kB, 1 line
    with pytest.raises(ImportFailed) as failed:
        read_gebref(path)
    assert "die erste Zeile hat 66 Felder" in str(failed.value)


def test_absurdly_large_files_are_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_LIMIT_GEBREF_MB", "0.001")
    with pytest.raises(ImportFailed) as failed:
        read_gebref(gebref(tmp_path, [row21()] * 20))
    assert str(failed.value) == (
        "gebref.txt: Die Gebäudereferenzen umfassen 0,00 MB (ZIP-Dateien entpackt gerechnet); "
        "erlaubt sind höchstens 0,00 MB (Grenze QA_LIMIT_GEBREF_MB)")


def test_unknown_layout_and_no_bottrop_rows_are_refused(tmp_path):
    with pytest.raises(ImportFailed) as failed:
        read_gebref(gebref(tmp_path, ["a;b;c"]))
    assert "die erste Zeile hat 3 Felder" in str(failed.value)
    with pytest.raises(ImportFailed) as failed:
        read_gebref(gebref(tmp_path, [row21(key=GLADBECK)]))
    assert str(failed.value) == ("gebref.txt: Die Datei enthält keine Adressen der Gemeinde "
                                 "05512000 (Bottrop); 1 Zeilen anderer Gemeinden wurden "
                                 "übersprungen")


def test_a_headerless_address_table_is_told_to_add_its_header(tmp_path):
    path = write_text(tmp_path / "adressen.csv", "Feuerbachstraße;13;;46238;51,53;6,95\n")
    with pytest.raises(ImportFailed) as failed:
        read_addresses(path)
    message = str(failed.value)
    assert "die erste Zeile hat 6 Felder" in message
    assert "Adresstabelle mit der Kopfzeile strasse;hausnummer;zusatz;plz;lat;lon" in message
    assert "Kopfzeile verloren" in message


def test_duplicate_addresses_are_kept_once_with_a_warning(tmp_path):
    read = read_gebref(gebref(tmp_path, [row21(), row21(), row21(number="2")]))
    assert [a.id for a in read.addresses] == ["Feuerbachstraße 13", "Feuerbachstraße 2"]
    assert [str(w) for w in read.warnings] == [
        "gebref.txt: 1 doppelte Adressen wurden nur einmal übernommen (z. B. Feuerbachstraße 13)"
    ]


ADDRESS_HEADER = ["strasse", "hausnummer", "zusatz", "plz", "lat", "lon", "demo"]


def test_plain_csv_is_recognised_by_its_header_and_read(tmp_path):
    rows = [["Feuerbachstraße", "13", "a", "46238", "51,5226", "6,9478", "ja"],
            ["Hansastraße", "1", "", "", "51.5236", "6.924", ""]]
    path = write_text(tmp_path / "adressen.txt", csv_text(ADDRESS_HEADER, rows))
    read = read_addresses(path)
    assert read.addresses == [
        Address("Feuerbachstraße", 13, 51.5226, 6.9478, "a", "46238", True),
        Address("Hansastraße", 1, 51.5236, 6.924, "", "", False),
    ]


def test_plain_csv_errors_name_row_and_column(tmp_path):
    rows = [["Feuerbachstraße", "13a", "", "", "51,52", "6,94", ""],
            ["Hansastraße", "1", "", "", "51,52", "6,92", ""],
            ["Hansastraße", "1", "", "", "51,52", "6,92", ""]]
    path = write_text(tmp_path / "adressen.csv", csv_text(ADDRESS_HEADER, rows))
    with pytest.raises(ImportFailed) as failed:
        read_addresses(path)
    assert [str(p) for p in failed.value.problems] == [
        "adressen.csv, Zeile 2, Spalte 'hausnummer': '13a' ist keine Hausnummer (eine ganze "
        "Zahl ab 1; einen Zusatz wie „a“ bitte in die Spalte 'zusatz')",
        "adressen.csv, Zeile 4, Spalte 'hausnummer': Die Adresse 'Hansastraße 1' kommt "
        "mehrfach vor (zuerst in Zeile 3)",
    ]
