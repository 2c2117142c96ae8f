"""Exports of the planning analyses: German Excel CSV, XLSX with metadata, GeoJSON and
GeoPackage in both CRS, scenario rows marked as such."""

from __future__ import annotations

import json
from datetime import date

import geopandas as gpd
import openpyxl
import pyogrio
import pytest

from services.analysis import exports
from services.analysis.profiles import district_profile
from services.analysis.scenarios import compare_scenario
from services.analysis.status_dynamics import status_dynamics
from services.analysis.supply import ALL_CHOSEN, SupplyOptions, analyse_supply, child_points
from services.scenario import HypotheticalOffer, Scenario
from tests.unit.analysis.city import lat_lon, tiny_addresses, tiny_city

DAY = date(2026, 11, 28)
OPTIONS = SupplyOptions(needs=("lernen",), distance_m=500, age_groups=("6-9",))


@pytest.fixture
def result(city):
    return analyse_supply(city, OPTIONS, child_points(city.districts, tiny_addresses()))


def test_district_table_has_indicators_classes_and_gap_figures(city, result):
    table = exports.district_table(city, 2023, status_dynamics(city), result, DAY)
    a = table.rows[0]
    assert (a["bezirk_id"], a["bezirk"], a["jahr"], a["sgb2_u15"]) == ("A", "Altdorf", 2023, 10.0)
    assert a["alleinerziehende"] is None  # no value: an empty cell, never "nan"
    assert a["ang_lernen"] == 1 and a["abd_lernen"] == 100.0 and a["rang_lernen"] == 3
    assert a["je1000_lernen"] == pytest.approx(round(1000 / (2000 * 4 / 18), 2))
    assert a["einordnung"].startswith("Nicht eingeordnet")  # the tiny city lacks indicators
    assert a["demo"] == "nein"
    meta = dict(table.metadata)
    assert meta["Datenjahr"] == "2023" and meta["Exportdatum"] == "28.11.2026"
    assert meta["Demo-Daten"] == "nein" and "Testquelle" in meta["Quellen"]
    assert "6–9 Jahre" in meta["Methode"] and "500 m" in meta["Methode"]


def test_csv_for_german_excel_with_metadata_beside_it(city, result, tmp_path):
    path = tmp_path / "luecken.csv"
    exports.write_table(exports.gap_table(result, DAY), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("bezirk_id;bezirk;bedarf;")
    assert "A;Altdorf;lernen;Lernen & Hausaufgaben;444;1;2,25;100;444;10;-1;" in lines[1]
    meta = (tmp_path / "luecken_metadaten.csv").read_text(encoding="utf-8-sig")
    assert "Demo-Daten;nein" in meta and "Quellen;" in meta


def test_xlsx_has_a_metadata_sheet_and_real_numbers(demo, tmp_path):
    path = tmp_path / "bezirke.xlsx"
    count = exports.export_districts(demo, path, today=DAY)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Bezirke", "Metadaten"] and count == 17
    sheet = book["Bezirke"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["bezirk_id", "bezirk", "stadtbezirk", "jahr", "sgb2_u15"]
    assert isinstance(sheet.cell(2, 5).value, (int, float))  # a number, not text
    meta = {r[0].value: r[1].value for r in book["Metadaten"].iter_rows(min_row=2)}
    assert meta["Demo-Daten"].startswith("ja – Demo-Daten")
    assert "Monitorings Soziale Stadtentwicklung" in meta["Methode"]
    assert "nur die Mindestzahl von 30 Kindern" not in meta["Methode"]  # all ages are there
    residents = header.index("einwohner_gesamt")
    assert header[residents - 1] == "einwohner_u18"
    assert sum(row[residents].value for row in sheet.iter_rows(min_row=2)) == 118_703


@pytest.mark.parametrize("crs", ["EPSG:25832", "EPSG:4326"])
def test_layers_in_both_crs_as_geopackage(demo, tmp_path, crs):
    path = tmp_path / "bezirke.gpkg"
    exports.export_districts(demo, path, crs=crs, today=DAY)
    assert sorted(pyogrio.list_layers(path)[:, 0]) == ["Bezirke", "metadaten"]
    layer = gpd.read_file(path, layer="Bezirke")
    assert layer.crs.to_epsg() == int(crs.split(":")[1]) and len(layer) == 17
    meta = pyogrio.read_dataframe(path, layer="metadaten")
    assert dict(zip(meta["feld"], meta["wert"]))["Koordinatensystem"] == crs


def test_geojson_in_utm_carries_its_crs_and_metadata(city, result, tmp_path):
    path = tmp_path / "luecken.geojson"
    exports.export_gaps(city, path, result, crs="EPSG:25832", today=DAY)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::25832"
    assert data["metadaten"]["Koordinatensystem"] == "EPSG:25832"
    assert len(data["features"]) == 3 and data["features"][0]["properties"]["bedarf"] == "lernen"
    assert gpd.read_file(path).crs.to_epsg() == 25832
    exports.export_gaps(city, path, result, crs="EPSG:4326", today=DAY)
    assert "crs" not in json.loads(path.read_text(encoding="utf-8"))  # RFC 7946: WGS84


def test_offers_layer_names_district_and_marks_scenario_offers(city):
    scenario = Scenario(
        "Neuer Treff", (HypotheticalOffer("Treff", ("lernen",), *lat_lon(2500, 300)),)
    )
    comparison = compare_scenario(city, scenario, OPTIONS)
    layer = exports.offers_layer(city, comparison)
    real = layer[layer["id"] == "o1"].iloc[0]
    assert (real["bezirk_id"], real["bezirk"], real["stadtbezirk"], real["art"]) == (
        "A",
        "Altdorf",
        "Mitte",
        "Angebot",
    )
    hypothetical = layer[layer["id"] == "szenario-1"].iloc[0]
    assert hypothetical["art"] == "Szenario: Neuer Treff" and hypothetical["bezirk_id"] == "C"
    assert hypothetical["bedarfe"] == "Lernen & Hausaufgaben" and hypothetical["status"] == "aktiv"
    assert layer.loc[layer["id"] == "o3", "status"].item() == "inaktiv"  # the words of offer files


def test_scenario_table_says_szenario_everywhere(city, tmp_path):
    scenario = Scenario("Neuer Treff", (HypotheticalOffer("Treff", ("lernen",), *lat_lon(2500, 300),
                                                          min_age=6, max_age=9),))  # fmt: skip
    comparison = compare_scenario(
        city, scenario, OPTIONS, child_points(city.districts, tiny_addresses())
    )
    table = exports.scenario_table(comparison, DAY)
    assert all(r["szenario"] == "Szenario: Neuer Treff" for r in table.rows)
    c = next(r for r in table.rows if r["bezirk_id"] == "C")
    assert (c["abdeckung_heute"], c["abdeckung_szenario"]) == (0.0, 50.0)
    assert c["neu_erreichte_kinder"] == pytest.approx(round(500 * 4 / 18 / 2))
    assert "„Neuer Treff“" in dict(table.metadata)["Szenario"]
    path = tmp_path / "szenario.xlsx"
    exports.write_table(table, path)
    assert openpyxl.load_workbook(path).sheetnames == ["Szenario", "Metadaten"]


def test_unknown_formats_and_crs_are_refused_in_german(city, tmp_path):
    with pytest.raises(ValueError, match="Unbekanntes Tabellenformat „.txt“"):
        exports.export_districts(city, tmp_path / "x.txt")
    with pytest.raises(ValueError, match="Unbekanntes Koordinatensystem"):
        exports.export_districts(city, tmp_path / "x.gpkg", crs="EPSG:3857")


def test_downloads_as_bytes(city, result):
    table = exports.gap_table(result, DAY)
    csv = exports.table_bytes(table, ".csv")
    assert csv.startswith(b"\xef\xbb\xbfbezirk_id;")
    assert exports.table_bytes(table, ".xlsx")[:2] == b"PK"  # a zip: the workbook
    assert "Demo-Daten;nein" in exports.metadata_bytes(table).decode("utf-8-sig")
    layer = exports.district_layer(city, table)
    geojson = json.loads(exports.layer_bytes(layer, ".geojson", "EPSG:4326", table))
    assert geojson["metadaten"]["Titel"].startswith("Quartiersatlas Bottrop")
    assert exports.layer_bytes(layer, ".gpkg", "EPSG:25832", table)[:15] == b"SQLite format 3"


def test_number_columns_with_gaps_stay_numbers_in_a_geopackage(city, tmp_path):
    values = city.indicator_values
    unranked = tiny_city(values=values[values["indicator_key"] != "sgb2_u15"])
    path = tmp_path / "luecken.gpkg"
    exports.export_gaps(unranked, path, analyse_supply(unranked, OPTIONS), today=DAY)
    info = pyogrio.read_info(path, layer="Versorgung")
    types = dict(zip(info["fields"], info["dtypes"]))
    assert types["rang"] == "float64" and types["lueckenwert"] == "float64"  # empty: still numbers
    assert types["angebote"] == "int64" and types["bezirk"] == "object"
    assert gpd.read_file(path, layer="Versorgung")["rang"].isna().all()


def test_integer_columns_with_gaps_stay_integers(city, tmp_path):
    table = exports.district_table(city, 2023, None, analyse_supply(city, OPTIONS), DAY)
    table.rows[0]["rang_lernen"] = None  # as for a district without a need value
    path = tmp_path / "bezirke.gpkg"
    exports.write_layer(
        exports.district_layer(city, table), path, "EPSG:25832", table.metadata, "B"
    )
    info = pyogrio.read_info(path, layer="B")
    assert dict(zip(info["fields"], info["dtypes"]))["rang_lernen"] == "int64"
    assert gpd.read_file(path, layer="B")["rang_lernen"].isna().tolist() == [True, False, False]


def test_the_district_table_can_carry_one_needs_gap_figures(city):
    combined = analyse_supply(city, SupplyOptions(needs=("lernen", "bewegung"), combined=True))
    table = exports.full_district_table(city, 2023, combined, ALL_CHOSEN, DAY)
    gap_columns = [c for c in table.columns if c.split("_")[0] in ("ang", "abd", "luecke")]
    assert gap_columns == ["ang_alle", "abd_alle", "luecke_alle"]
    assert "nur die Mindestzahl von 30 Kindern" in dict(table.metadata)["Methode"]


def test_offers_in_both_crs_with_district_stadtbezirk_and_metadata(city, tmp_path):
    table = exports.offers_table(city, DAY)
    assert {"bezirk_id", "bezirk", "stadtbezirk", "art"} <= set(table.columns)
    assert dict(table.metadata)["Titel"] == "Quartiersatlas Bottrop: Angebote mit Bezirk und Stadtbezirk"
    layer = exports.offers_layer(city)
    for crs, epsg in (("EPSG:25832", 25832), ("EPSG:4326", 4326)):
        path = tmp_path / f"angebote_{epsg}.gpkg"
        path.write_bytes(exports.layer_bytes(layer, ".gpkg", crs, table))
        read = gpd.read_file(path, layer=table.title)
        assert read.crs.to_epsg() == epsg and read["stadtbezirk"].tolist()[0] == "Mitte"
        assert "metadaten" in [name for name, _ in pyogrio.list_layers(path)]
    geojson = json.loads(exports.layer_bytes(layer, ".geojson", "EPSG:25832", table))
    assert geojson["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::25832"
    assert all(f["properties"]["art"] == "Angebot" for f in geojson["features"])  # no scenario


def test_a_profile_exports_its_indicators_and_offers_by_need(city):
    profile = district_profile(city, "A", age_groups=("6-9",), today=DAY)
    indicators, offers = exports.profile_tables(profile, DAY)
    sgb2 = next(r for r in indicators.rows if r["kennzahl"] == "sgb2_u15")
    assert (sgb2["bezirk_id"], sgb2["jahr"], sgb2["wert"], sgb2["von"]) == ("A", 2023, 10.0, 3)
    lernen = next(r for r in offers.rows if r["bedarf"] == "lernen")
    assert lernen["altersgruppen"] == "6–9 Jahre" and lernen["angebote"] == 1
    assert "6–9 Jahre" in dict(offers.metadata)["Methode"]
    assert dict(indicators.metadata)["Datenjahr"] == "2023"
