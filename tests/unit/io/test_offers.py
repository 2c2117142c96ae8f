"""Offer and office files: validation with German messages, GeoJSON, XLSX, round trips."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import openpyxl
import pytest
from pyproj import Transformer

from services.io.errors import ImportFailed
from services.io.offers import read_offers, write_offers
from services.io.offices import read_offices, write_offices
from tests.factories import full_offer, sparse_offer
from tests.unit.io.helpers import OFFER_HEADER, csv_text, offer_row, office, write_text


def problems_of(path, reader=read_offers) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        reader(path)
    return [str(p) for p in failed.value.problems]


def offers_csv(tmp_path, rows, header=OFFER_HEADER, name="offers.csv"):
    return write_text(tmp_path / name, csv_text(header, rows), "cp1252")


def test_valid_rows_become_offers(tmp_path):
    header = OFFER_HEADER + ["oeffnungszeiten", "gueltig_von", "kostenlos", "zielgruppe"]
    row = offer_row(1, 51.5241, 6.9249) + ["Mo-Fr 14-16", "01.02.2024", "nein",
                                            "Eltern; ganze Familien"]
    [offer] = read_offers(offers_csv(tmp_path, [row], header))
    assert (offer.id, offer.provider) == ("o1", "Träger e. V.")
    assert (offer.lat, offer.lon) == (51.5241, 6.9249)
    assert (offer.min_age, offer.max_age, offer.needs) == (6, 12, ("lernen",))
    assert len(offer.opening_hours) == 5 and offer.valid_from == date(2024, 2, 1)
    assert offer.free_of_charge is False and offer.audience == ("eltern", "familien")
    assert offer.district_id is None and offer.languages == ("de",)  # defaults


def test_the_documented_message_for_zwoelf(tmp_path):
    rows = [offer_row(i) for i in range(1, 13)] + [offer_row(13, max_age="zwölf")]
    assert problems_of(offers_csv(tmp_path, rows)) == [
        "offers.csv, Zeile 14, Spalte 'max_alter': 'zwölf' ist keine Zahl"
    ]


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    rows = [offer_row(1, lat=6.93, lon=51.52), offer_row(2, max_age="4"), offer_row(1)]
    rows[1][6] = "8"
    rows[2][3] = "lernen; Zaubern"
    assert problems_of(offers_csv(tmp_path, rows)) == [
        "offers.csv, Zeile 2, Spalte 'lat': Breitengrad 6,93 liegt nicht bei Bottrop "
        "(erwartet 51,4 bis 51,7) – sind lat und lon vertauscht?",
        "offers.csv, Zeile 2, Spalte 'lon': Längengrad 51,52 liegt nicht bei Bottrop "
        "(erwartet 6,75 bis 7,1) – sind lat und lon vertauscht?",
        "offers.csv, Zeile 3, Spalte 'max_alter': min_alter (8) ist größer als max_alter (4)",
        "offers.csv, Zeile 4, Spalte 'bedarfe': 'Zaubern' ist unbekannt; erlaubt sind: "
        "lernen, sprache, fruehe_hilfen, familienberatung, gesundheit, ernaehrung, bewegung, "
        "freizeit, notlagen, ausbildung, teilhabe",
    ]


def test_missing_required_and_unknown_columns(tmp_path):
    header = ["id", "name", "bedarfe", "lat", "lon", "max_alterr"]
    path = offers_csv(tmp_path, [["o1", "A", "lernen", "51,5", "6,9", "3"]], header)
    found = problems_of(path)
    assert found[0] == (
        "offers.csv, Spalte 'traeger': Pflichtspalte fehlt "
        "(vorhandene Spalten: id, name, bedarfe, lat, lon, max_alterr)"
    )
    assert found[1].startswith(
        "offers.csv, Spalte 'max_alterr': Unbekannte Spalte (Tippfehler?); erlaubt sind: id, name,"
    )
    assert len(found) == 2  # not once per row


def test_field_checks(tmp_path):
    header = ["id", "name", "traeger", "bedarfe", "lat", "lon", "min_alter", "sprachen",
              "oeffnungszeiten", "email", "website", "status", "lagegenauigkeit",
              "gueltig_von", "gueltig_bis", "barrierefrei", "zielgruppe"]
    good = ["o1", "A", "T", "SPRACHFÖRDERUNG; Beratung in Notlagen (Geld, Wohnen, Leistungen)",
            "51,5", "6,9", "0,5", "de, TR", "Mo 9-12", "a@b.de", "https://x.de",
            "Vorübergehend geschlossen", "straße", "2024-01-01", "31.12.2024", "x", "kinder"]
    [offer] = read_offers(offers_csv(tmp_path, [good], header))
    assert offer.needs == ("sprache", "notlagen") and offer.languages == ("de", "tr")
    assert offer.status == "temporarily_closed" and offer.position_precision == "street"
    assert offer.barrier_free is True and offer.min_age == 0.5
    bad = ["o2", "", "T", "", "51,5", "6,9", "120", "deutsch", "Mo 12-9", "ab.de",
           "www.x.de", "weg", "genau", "2025-01-01", "01.01.2024", "vielleicht", "Oma"]
    assert problems_of(offers_csv(tmp_path, [good, bad], header)) == [
        "offers.csv, Zeile 3, Spalte 'name': Wert fehlt (Pflichtfeld)",
        "offers.csv, Zeile 3, Spalte 'bedarfe': Wert fehlt (Pflichtfeld)",
        "offers.csv, Zeile 3, Spalte 'min_alter': 120 liegt nicht zwischen 0 und 99",
        "offers.csv, Zeile 3, Spalte 'zielgruppe': 'Oma' ist unbekannt; erlaubt sind: "
        "kinder, eltern, familien",
        "offers.csv, Zeile 3, Spalte 'lagegenauigkeit': 'genau' ist unbekannt; erlaubt sind: "
        "exakt, strasse, ungefaehr",
        "offers.csv, Zeile 3, Spalte 'oeffnungszeiten': In '12-9' liegt die Öffnung nicht "
        "vor der Schließung",
        "offers.csv, Zeile 3, Spalte 'sprachen': 'deutsch' ist kein Sprachcode "
        "(2–3 Buchstaben, z. B. de, tr, ar)",
        "offers.csv, Zeile 3, Spalte 'barrierefrei': 'vielleicht' ist kein Ja/Nein-Wert "
        "(erwartet ja, nein, true, false, 1, 0 oder x)",
        "offers.csv, Zeile 3, Spalte 'email': 'ab.de' ist keine E-Mail-Adresse (ein @ fehlt)",
        "offers.csv, Zeile 3, Spalte 'website': 'www.x.de' muss mit http:// oder https:// "
        "beginnen",
        "offers.csv, Zeile 3, Spalte 'status': 'weg' ist unbekannt; erlaubt sind: aktiv, "
        "inaktiv, voruebergehend_geschlossen",
    ]


def test_date_order_and_duplicate_ids(tmp_path):
    header = OFFER_HEADER + ["gueltig_von", "gueltig_bis"]
    rows = [offer_row(1) + ["2025-01-01", "01.01.2024"], offer_row(2) + ["", ""],
            offer_row(2) + ["", ""]]
    assert problems_of(offers_csv(tmp_path, rows, header)) == [
        "offers.csv, Zeile 2, Spalte 'gueltig_bis': gueltig_von (2025-01-01) liegt nach "
        "gueltig_bis (2024-01-01)",
        "offers.csv, Zeile 4, Spalte 'id': Die ID 'o2' kommt mehrfach vor (zuerst in Zeile 3)",
    ]


def test_xlsx_problems_name_the_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Angebote"
    book.active.append(OFFER_HEADER)
    book.active.append(["o1", "A", "T", "lernen", 51.52, 6.93, 6, "zwölf"])
    book.save(tmp_path / "offers.xlsx")
    assert problems_of(tmp_path / "offers.xlsx") == [
        "offers.xlsx, Blatt 'Angebote', Zeile 2, Spalte 'max_alter': 'zwölf' ist keine Zahl"
    ]


def point_feature(x, y, **props):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]},
            "properties": props}


def test_geojson_in_utm_is_reprojected(tmp_path):
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    x, y = to_utm.transform(6.9249, 51.5241)
    doc = {"type": "FeatureCollection",
           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
           "features": [point_feature(x, y, id="o1", name="A", traeger="T",
                                      bedarfe=["lernen", "sprache"], max_alter=12)]}
    path = tmp_path / "offers.geojson"
    path.write_text(json.dumps(doc))
    [offer] = read_offers(path)
    assert offer.lat == pytest.approx(51.5241, abs=1e-9)
    assert offer.lon == pytest.approx(6.9249, abs=1e-9)
    assert offer.needs == ("lernen", "sprache") and offer.max_age == 12


def test_geojson_problems_point_at_the_feature(tmp_path):
    line = {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[6.9, 51.5],
            [6.91, 51.51]]}, "properties": {"id": "o2", "name": "B", "traeger": "T",
            "bedarfe": "lernen"}}
    doc = {"type": "FeatureCollection", "features": [
        point_feature(6.93, 51.52, id="o1", name="A", traeger="T", bedarfe="lernen",
                      max_alter="zwölf"), line]}
    path = tmp_path / "offers.geojson"
    path.write_text(json.dumps(doc))
    assert problems_of(path) == [
        "offers.geojson, Objekt 2: Geometrie ist ein LineString, erwartet wird ein Punkt",
        "offers.geojson, Objekt 1, Feld 'max_alter': 'zwölf' ist keine Zahl",
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".geojson"])
def test_export_imports_again_unchanged(tmp_path, suffix):
    offers = [full_offer(), sparse_offer(), full_offer(id="o3", barrier_free=None, min_age=None)]
    path = tmp_path / f"export{suffix}"
    write_offers(offers, path)
    assert read_offers(path) == offers


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".geojson"])
def test_district_columns_are_written_and_ignored_on_import(tmp_path, suffix):
    """`bezirk_id`/`bezirk`/`stadtbezirk` are for the reader; the importer derives the
    district itself, so an edited district name in the file changes nothing."""
    offers = [full_offer(district_id="B2"), sparse_offer()]
    path = tmp_path / f"export{suffix}"
    write_offers(offers, path, {"B2": "Batenbrock Süd"}, {"B2": "Süd"})
    if suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        assert text.splitlines()[0].endswith(";bezirk_id;bezirk;stadtbezirk")
        assert ";B2;Batenbrock Süd;Süd\r\n" in text or ";B2;Batenbrock Süd;Süd\n" in text
    again = read_offers(path)
    assert [o.district_id for o in again] == [None, None]
    assert again == [replace(o, district_id=None) for o in offers]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_defuses_spreadsheet_formulas_and_imports_them_back(tmp_path, suffix):
    """An offer named like a formula must not run in the planners' Excel (CSV injection)."""
    evil = full_offer(name="=HYPERLINK(\"http://x\";\"klick\")", provider="@SUM(1)",
                      phone="+49 2041 99123", description="-2+3")
    path = tmp_path / f"export{suffix}"
    write_offers([evil], path)
    if suffix == ".csv":
        raw = path.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK(" in raw and ";'@SUM(1);" in raw and ";'+49 2041 99123;" in raw
    else:
        import openpyxl

        cells = [c for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert read_offers(path) == [evil]


def test_exported_csv_is_for_german_excel(tmp_path):
    write_offers([full_offer()], tmp_path / "x.csv")
    raw = (tmp_path / "x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;name;traeger;")
    assert ";51,5237;6,9285;" in raw.decode("utf-8-sig")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".geojson"])
def test_offices_share_the_mechanism(tmp_path, suffix):
    offices = [office(), office(id="b2", email="", opening_hours=())]
    write_offices(offices, tmp_path / f"b{suffix}")
    assert read_offices(tmp_path / f"b{suffix}") == offices
    header = ["id", "name", "traeger", "lat", "lon", "email", "bedarfe"]
    path = write_text(tmp_path / "offices.csv",
                      csv_text(header, [["b1", "Büro", "Stadt", "51,5", "6,9", "x", "lernen"]]))
    assert problems_of(path, read_offices)[0].startswith(
        "offices.csv, Spalte 'bedarfe': Unbekannte Spalte (Tippfehler?)")
    assert problems_of(path, read_offices)[1] == (
        "offices.csv, Zeile 2, Spalte 'email': 'x' ist keine E-Mail-Adresse (ein @ fehlt)")


def test_unknown_export_format(tmp_path):
    with pytest.raises(ImportFailed, match="Dateiformat '.pdf' wird nicht unterstützt"):
        write_offers([sparse_offer()], tmp_path / "x.pdf")


def test_replace_keeps_equality_semantics():
    assert replace(full_offer(), district_id="A1") != full_offer()
