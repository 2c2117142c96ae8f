"""Every hostile or broken example file of issue 7: exit 2 and a German message with file,
row and field, never a crash, never hours of CPU or gigabytes; the database unchanged.

Most cases run with limits lowered through QA_LIMIT_* (the same code path, small files);
a few run at the size the probes used, with the default limits.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import openpyxl
import pytest
from shapely.geometry import Polygon, box

from services import cli
from services.config import GEODATA_DIR
from services.io import hsds
from services.model import Offer
from services.storage import Repository
from tests.faults.files import offer_records, offers_csv, points_in_city
from tests.unit.io.helpers import (
    LONG_HEADER,
    OFFER_HEADER,
    ORIGIN_X,
    ORIGIN_Y,
    city_layer,
    csv_text,
    offer_row,
    shapefile_zip,
    write_text,
    xlsx_by_hand,
)


@pytest.fixture
def run(repo: Repository, database_url: str, monkeypatch, capsys):
    """The CLI in this process (fast); returns (exit code, stdout, stderr lines)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    repo.replace_districts(city_layer(), {}, {})

    def main(*args: object, **limits: str):
        for name, value in limits.items():
            monkeypatch.setenv(name, value)
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err.splitlines()

    return main


@pytest.fixture
def unchanged(repo: Repository):
    """Asserts after the test that nothing was written."""
    version = repo.data_version()
    yield
    assert repo.data_version() == version


def district_file(path: Path, *polygons, crs: str = "EPSG:25832") -> Path:
    gpd.GeoDataFrame({"id": [f"X{i}" for i in range(len(polygons))],
                      "name": [f"Bezirk {i}" for i in range(len(polygons))]},
                     geometry=list(polygons), crs=crs).to_file(path)
    return path


def retraced_square(times: int) -> Polygon:
    """One ring tracing the same 1 km square `times` times (the 382 KB probe: 6,250)."""
    corners = [(ORIGIN_X, ORIGIN_Y), (ORIGIN_X + 1000, ORIGIN_Y),
               (ORIGIN_X + 1000, ORIGIN_Y + 1000), (ORIGIN_X, ORIGIN_Y + 1000)]
    return Polygon(corners * times + corners[:1])


def test_a_ring_retracing_a_square_6250_times_is_refused_in_bounded_time(run, unchanged,
                                                                        tmp_path):
    path = district_file(tmp_path / "quadrat.geojson", retraced_square(6_250))
    assert path.stat().st_size < 700_000  # 382 KB in WGS84, a little more in UTM
    code, out, err = run("import", "districts", path, QA_LIMIT_REPAIR_SECONDS="2",
                         QA_LIMIT_REPAIR_MB="256")
    assert (code, out) == (2, "")
    assert err[1] == ("  quadrat.geojson: Die ungültigen Geometrien ließen sich nicht in 2 "
                      "Sekunden und 256 MB Speicher reparieren (Grenzen QA_LIMIT_REPAIR_SECONDS,"
                      " QA_LIMIT_REPAIR_MB); bitte die Flächen im GIS prüfen und reparieren")


def test_the_8000_vertex_variant_stops_at_the_default_limits(run, unchanged, tmp_path):
    path = district_file(tmp_path / "quadrat.geojson", retraced_square(2_000))
    code, _, err = run("import", "districts", path)
    assert code == 2 and "ließen sich nicht in 20 Sekunden und 1024 MB" in err[1]


def test_too_many_district_features(run, unchanged, tmp_path):
    squares = [box(ORIGIN_X + 10 * i, ORIGIN_Y, ORIGIN_X + 10 * i + 5, ORIGIN_Y + 5)
               for i in range(2_001)]
    code, _, err = run("import", "districts", district_file(tmp_path / "b.geojson", *squares))
    assert code == 2
    assert err[1] == ("  b.geojson: Die Datei hat 2001 Objekte; eine Bezirksebene darf höchstens "
                      "2000 haben (Grenze QA_LIMIT_FEATURES)")


def zipped(tmp_path: Path, gdf: gpd.GeoDataFrame) -> Path:
    folder = tmp_path / "shp"
    folder.mkdir()
    gdf.to_file(folder / "bezirke.shp")
    archive = tmp_path / "bezirke.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for part in folder.iterdir():
            zf.write(part, part.name)
    return archive


def test_a_zipped_shapefile_with_a_huge_polygon_is_refused_before_repair(run, unchanged,
                                                                         tmp_path):
    ring = Polygon(box(ORIGIN_X, ORIGIN_Y, ORIGIN_X + 4000, ORIGIN_Y + 4000)
                   .exterior.segmentize(0.05))  # 320,000 vertices, a 5 MB .shp
    archive = zipped(tmp_path, gpd.GeoDataFrame({"id": ["1"], "name": ["Mitte"]},
                                                geometry=[ring], crs="EPSG:25832"))
    code, _, err = run("import", "districts", archive)
    assert code == 2
    assert err[1].startswith("  bezirke.zip, Objekt 1: Die Fläche hat 320001 Stützpunkte; "
                             "erlaubt sind höchstens 250000")


def test_a_zip_that_unpacks_to_too_much_is_refused_unread(run, unchanged, tmp_path):
    archive = tmp_path / "bombe.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bezirke.shp", bytes(3 * 1024 * 1024))
    code, _, err = run("import", "districts", archive, QA_LIMIT_UNPACKED_MB="2")
    assert code == 2
    assert err[1] == ("  bombe.zip: Die Datei entpackt sich auf 3,0 MB; erlaubt sind höchstens "
                      "2,0 MB (Grenze QA_LIMIT_UNPACKED_MB)")


def test_too_many_offers(run, unchanged, tmp_path):
    code, _, err = run("import", "offers", offers_csv(tmp_path / "o.csv", 101),
                       QA_LIMIT_ROWS="100")
    assert code == 2
    assert err[1] == ("  o.csv: Die Datei hat mehr als 100 Datenzeilen; bitte aufteilen "
                      "(Grenze QA_LIMIT_ROWS)")


def test_a_large_xlsx_stops_at_the_row_limit(run, unchanged, tmp_path):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Angebote")
    sheet.append(OFFER_HEADER)
    for i, (lat, lon) in enumerate(points_in_city(3_000), start=1):
        sheet.append(offer_row(i, lat, lon))
    book.save(tmp_path / "angebote.xlsx")
    code, _, err = run("import", "offers", tmp_path / "angebote.xlsx", QA_LIMIT_ROWS="2000")
    assert code == 2 and "mehr als 2000 Datenzeilen" in err[1]


def test_a_broken_xlsx_is_a_german_problem(run, unchanged, tmp_path):
    path = tmp_path / "angebote.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<kaputt")
    code, _, err = run("import", "offers", path)
    assert code == 2
    assert err[1] == ("  angebote.xlsx: Datei lässt sich nicht lesen: sie ist beschädigt oder hat "
                      "nicht das Format, das ihre Endung '.xlsx' verspricht")


def test_a_million_bad_rows_report_the_first_fifty_and_a_count(run, unchanged, tmp_path):
    rows = [[f"Bezirk {i}", "sgb2_u15", "2023", "1", "q"] for i in range(300)]
    path = write_text(tmp_path / "i.csv", csv_text(LONG_HEADER, rows))
    code, _, err = run("import", "indicators", path)
    assert code == 2 and len(err) == 52
    assert err[0] == "300 Problem(e) gefunden; die Datenbank wurde nicht verändert:"
    assert err[-1] == "  … und 250 weitere Problem(e) (nur die ersten 50 sind aufgeführt)"


def test_utf16_csv_is_one_message(run, unchanged, tmp_path):
    text = csv_text(OFFER_HEADER, [offer_row(1)])
    path = write_text(tmp_path / "o.csv", text, encoding="utf-16")
    code, _, err = run("import", "offers", path)
    assert (code, err[1:]) == (2, [
        "  o.csv: Kodierung nicht unterstützt (UTF-16); bitte als „CSV UTF-8“ oder „CSV "
        "(Trennzeichen-getrennt)“ speichern"])


def test_nul_bytes_are_a_problem_on_both_databases(run, unchanged, tmp_path):
    row = offer_row(1)
    row[1] = "Spiel\x00gruppe"
    code, _, err = run("import", "offers", write_text(tmp_path / "o.csv",
                                                      csv_text(OFFER_HEADER, [row])))
    assert (code, err[1:]) == (2, [
        "  o.csv, Zeile 2, Spalte 'name': Der Text enthält ein Nullzeichen (Steuerzeichen \\0); "
        "bitte entfernen"])


def test_xlsx_formulas_without_cached_values_are_problems(run, unchanged, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(OFFER_HEADER)
    sheet.append(offer_row(1))
    sheet["B2"] = '=CONCATENATE("Spiel", "gruppe")'  # openpyxl stores no result
    book.save(tmp_path / "o.xlsx")
    code, _, err = run("import", "offers", tmp_path / "o.xlsx")
    assert (code, err[1:]) == (2, [
        "  o.xlsx, Blatt 'Sheet', Zeile 2, Spalte 'name': Formel ohne gespeicherten Wert; bitte "
        "die Datei in Excel öffnen, neu berechnen und speichern (oder die Formel durch ihren "
        "Wert ersetzen)",
        "  o.xlsx, Blatt 'Sheet', Zeile 2, Spalte 'name': Wert fehlt (Pflichtfeld)"])


def test_numeric_excel_ids_keep_their_leading_zero(run, repo, tmp_path):
    zeros = city_layer()
    zeros["id"] = ["01", "02", "03"]
    zeros.to_file(tmp_path / "b.geojson")
    assert run("import", "districts", tmp_path / "b.geojson")[0] == 0
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(LONG_HEADER)
    sheet.append([1, "sgb2_u15", 2023, 12.5, "Sozialbericht"])
    sheet["A2"].number_format = "00"  # Excel shows 01
    book.save(tmp_path / "i.xlsx")
    assert run("import", "indicators", tmp_path / "i.xlsx")[0] == 0
    assert repo.indicator_values()["district_id"].tolist() == ["01"]


def test_wgs84_points_declared_as_utm_are_refused(run, unchanged, tmp_path):
    lat, lon = points_in_city(1)[0]
    doc = {"type": "FeatureCollection",
           "crs": {"type": "name", "properties": {"name": "EPSG:25832"}},
           "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {"id": "o1", "name": "A", "traeger": "T",
                                        "bedarfe": "lernen"}}]}
    path = tmp_path / "o.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run("import", "offers", path)
    assert (code, err[1:]) == (2, [
        "  o.geojson: Die Koordinaten sind Längen-/Breitengrade (WGS84), die Datei gibt aber "
        "ein metrisches Bezugssystem (EPSG:25832) an; bitte den Eintrag 'crs' entfernen oder "
        "EPSG:4326 angeben"])


def test_degenerate_coordinates_are_a_german_problem(run, unchanged, tmp_path):
    huge = Polygon([(0, 0), (1e300, 0), (1e300, 1e300), (0, 0)])
    code, _, err = run("import", "districts", district_file(tmp_path / "b.geojson", huge))
    assert code == 2 and err[1].startswith(
        "  b.geojson: Die Bezirksebene passt nicht zu Bottrop: ihre Koordinaten ergeben keinen "
        "gültigen Ort auf der Erde.")


def test_a_munich_layer_does_not_take_over_bottrops_values(run, repo, tmp_path):
    rows = [["A1", "sgb2_u15", "2023", "54", "Sozialbericht"]]
    assert run("import", "indicators", write_text(tmp_path / "i.csv",
                                                  csv_text(LONG_HEADER, rows)))[0] == 0
    version = repo.data_version()
    wgs84 = city_layer().to_crs("EPSG:4326")
    wgs84.set_geometry(wgs84.translate(xoff=4.66, yoff=-3.38)).to_file(tmp_path / "m.geojson")
    code, _, err = run("import", "districts", tmp_path / "m.geojson")
    assert code == 2 and "Die Bezirksebene passt nicht zu Bottrop" in err[1]
    assert repo.data_version() == version and len(repo.indicator_values()) == 1


def test_the_cli_reports_every_kept_and_dropped_district(run, repo, tmp_path):
    rows = [[d, "sgb2_u15", "2023", "5", "q"] for d in ("A1", "B2")]
    run("import", "indicators", write_text(tmp_path / "i.csv", csv_text(LONG_HEADER, rows)))
    other = city_layer()
    other["name"] = ["Eigen-Nord", "Batenbrock-Süd", "Welheim"]
    other.to_file(tmp_path / "neu.geojson")
    code, out, _ = run("import", "districts", tmp_path / "neu.geojson")
    assert code == 0
    assert out.splitlines()[1:4] == [
        "Indikatorwerte nach dem Wechsel der Bezirksebene:",
        "  Bezirk B2 „Batenbrock-Süd“: 1 Indikatorwert(e) behalten (ID und Name gleich)",
        "  Bezirk A1: 1 Indikatorwert(e) verworfen – die ID hieß bisher „Altstadt“, jetzt "
        "„Eigen-Nord“; die Werte gehören zur alten Gliederung (Karte: „keine Daten“)",
    ]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # one realistic size is enough
def test_fifty_thousand_offers_still_import(run, repo, tmp_path):
    code, out, _ = run("import", "offers", offers_csv(tmp_path / "o.csv", 50_000))
    assert code == 0 and out.startswith("50000 Angebote geladen")
    assert len(repo.offers()) == 50_000


def test_offers_outside_every_district_after_a_swap_are_warned_about(run, repo, tmp_path):
    assert run("import", "offers", offers_csv(tmp_path / "o.csv", 40))[0] == 0
    smaller = city_layer()[:2]  # the squares only: most of the city has no district now
    smaller.loc[1, "geometry"] = city_layer().geometry.iloc[2]  # B2 covers the rest
    smaller.to_file(tmp_path / "neu.geojson")
    code, out, _ = run("import", "districts", tmp_path / "neu.geojson")
    outside = sum(o.district_id is None for o in repo.offers())
    assert code == 0 and outside > 0
    assert f"Achtung: {outside} Angebote und Büros liegen in keinem Bezirk" in out
    assert out.count("liegt in keinem Bezirk; der Eintrag wird ohne Bezirk gespeichert") == outside


# --- JSON of the wrong shape (GeoJSON offers and offices, HSDS) -------------------------

POINT = {"type": "Point", "coordinates": [6.93, 51.52]}
PROPS = {"id": "o1", "name": "A", "traeger": "T", "bedarfe": "lernen"}


def feature_collection(path: Path, features: list, **members) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", **members, "features": features}),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("features", "members", "problem"), [
    ([1], {}, "o.geojson, Objekt 1: Der Eintrag ist kein GeoJSON-Feature (ein JSON-Objekt mit "
              "„geometry“ und „properties“), sondern eine Zahl"),
    ([{"type": "Feature", "properties": [1, 2], "geometry": POINT}], {},
     "o.geojson, Objekt 1, Feld 'properties': Erwartet wird ein JSON-Objekt (Namen mit Werten), "
     "gefunden: eine Liste"),
    ([{"type": "Feature", "properties": PROPS, "geometry": "x"}], {},
     "o.geojson, Objekt 1, Feld 'geometry': Erwartet wird ein JSON-Objekt (Namen mit Werten), "
     "gefunden: ein Text"),
    ([{"type": "Feature", "properties": PROPS, "geometry": POINT}], {"crs": "EPSG:25832"},
     "o.geojson, Feld 'crs': Erwartet wird ein JSON-Objekt (Namen mit Werten), gefunden: ein "
     "Text"),
    ([{"type": "Feature", "properties": PROPS, "geometry": POINT}],
     {"crs": {"type": "name", "properties": {"name": "EPSG:999999"}}},
     "o.geojson, Feld 'crs': Das Koordinatenbezugssystem „EPSG:999999“ ist unbekannt oder lässt "
     "sich nicht umrechnen; bitte z. B. EPSG:25832 oder EPSG:4326 angeben"),
], ids=["feature-number", "properties-list", "geometry-text", "crs-text", "crs-unknown"])
@pytest.mark.parametrize("kind", ["offers", "offices"])
def test_geojson_of_the_wrong_shape_is_a_german_problem(run, unchanged, tmp_path, kind,
                                                        features, members, problem):
    code, out, err = run("import", kind, feature_collection(tmp_path / "o.geojson", features,
                                                           **members))
    assert (code, out) == (2, "")
    assert err[1] == f"  {problem}"
    assert not any("Unerwarteter Fehler" in line or "Error" in line for line in err)


def test_a_property_nested_just_under_the_json_limit_is_a_german_problem(run, unchanged,
                                                                          tmp_path):
    deep = json.loads("[" * 600 + "1" + "]" * 600)
    feature = {"type": "Feature", "properties": PROPS | {"name": deep}, "geometry": POINT}
    code, _, err = run("import", "offers", feature_collection(tmp_path / "o.geojson", [feature]))
    assert code == 2
    assert err[1] == ("  o.geojson, Objekt 1, Feld 'properties': Ein Wert ist zu tief "
                      "verschachtelt; erwartet wird ein Text, eine Zahl oder eine Liste davon")


def test_deeply_nested_json_is_a_german_problem(run, unchanged, tmp_path):
    path = write_text(tmp_path / "o.geojson", "[" * 200_000 + "]" * 200_000)
    code, _, err = run("import", "offers", path)
    assert (code, err[1:]) == (2, [
        "  o.geojson: Die Datei ist zu tief verschachtelt, um sie als JSON zu lesen; bitte die "
        "Datei prüfen"])


def hsds_directory(path: Path, offers: list[Offer]) -> Path:
    hsds.write_hsds(hsds.to_hsds(offers, []), path)
    return path


def test_hsds_services_nested_too_deep_is_a_german_problem(run, unchanged, tmp_path):
    folder = hsds_directory(tmp_path / "hsds", offer_records(1))
    write_text(folder / hsds.SERVICES, "[" * 200_000 + "]" * 200_000)
    code, _, err = run("import", "hsds", folder)
    assert (code, err[1:]) == (2, [
        "  services.json: Die Datei ist zu tief verschachtelt, um sie als JSON zu lesen; bitte "
        "die Datei prüfen"])


def test_hsds_syntax_errors_name_line_and_column_in_german(run, unchanged, tmp_path):
    folder = hsds_directory(tmp_path / "hsds", offer_records(1))
    write_text(folder / hsds.SERVICES, '[\n  {"id": }\n]')
    code, _, err = run("import", "hsds", folder)
    assert (code, err[1:]) == (2, [
        "  services.json: Die Datei ist kein gültiges JSON (Zeile 2, Spalte 10)"])


@pytest.mark.parametrize(("name", "problem"), [
    ("Spiel\x00gruppe", "Der Text enthält ein Nullzeichen (Steuerzeichen \\0); bitte entfernen"),
    ("x" * 30_000, "Der Text ist 30000 Zeichen lang; erlaubt sind höchstens 20000 Zeichen "
                   "(Grenze QA_LIMIT_CELL_CHARS)"),
], ids=["nul", "30000-characters"])
def test_hsds_texts_are_checked_like_every_import(run, unchanged, repo, tmp_path, name, problem):
    first, second = offer_records(2)
    folder = hsds_directory(tmp_path / "hsds", [first, replace(second, name=name)])
    code, _, err = run("import", "hsds", folder)
    assert (code, err[1:]) == (2, [f"  services.json, Objekt 2, Feld 'name': {problem}"])
    assert repo.offers() == []


def test_hsds_file_size_and_record_limits(run, unchanged, tmp_path):
    folder = hsds_directory(tmp_path / "hsds", offer_records(3))
    code, _, err = run("import", "hsds", folder, QA_LIMIT_ROWS="2")
    assert (code, err[1:]) == (2, [
        f"  {name}: Die Datei hat mehr als 2 Datenzeilen; bitte aufteilen (Grenze QA_LIMIT_ROWS)"
        for name in (hsds.SERVICES, hsds.TERMS)])
    code, _, err = run("import", "hsds", folder, QA_LIMIT_ROWS="250000",
                       QA_LIMIT_FILE_MB="0.0001")
    assert code == 2 and ("  services.json: Die Datei ist 0,0 MB groß; erlaubt sind höchstens "
                          "0,0 MB (Grenze QA_LIMIT_FILE_MB)") in err


# --- the limits, each with its German message --------------------------------------------

def test_file_size_limit(run, unchanged, tmp_path):
    code, _, err = run("import", "offers", offers_csv(tmp_path / "o.csv", 20),
                       QA_LIMIT_FILE_MB="0.001")
    assert (code, err[1:]) == (2, [
        "  o.csv: Die Datei ist 0,0 MB groß; erlaubt sind höchstens 0,0 MB (Grenze "
        "QA_LIMIT_FILE_MB)"])


def test_cell_length_limit(run, unchanged, tmp_path):
    row = offer_row(1)
    row[1] = "x" * 20_001
    code, _, err = run("import", "offers", write_text(tmp_path / "o.csv",
                                                      csv_text(OFFER_HEADER, [row])))
    assert (code, err[1:]) == (2, [
        "  o.csv, Zeile 2, Spalte 'name': Der Text ist 20001 Zeichen lang; erlaubt sind "
        "höchstens 20000 Zeichen (Grenze QA_LIMIT_CELL_CHARS)"])


def test_column_limit(run, unchanged, tmp_path):
    header = OFFER_HEADER + [f"extra{i}" for i in range(293)]
    path = write_text(tmp_path / "o.csv", csv_text(header, [offer_row(1) + [""] * 293]))
    code, _, err = run("import", "offers", path)
    assert (code, err[1:]) == (2, [
        "  o.csv, Zeile 1: Die Tabelle hat 301 Spalten; erlaubt sind höchstens 300 (Grenze "
        "QA_LIMIT_COLUMNS)"])


def test_a_csv_line_of_two_million_cells_is_refused_before_it_is_split(run, unchanged,
                                                                      tmp_path):
    """Split, the line would be a list of two million strings; it is refused by a count."""
    rows = csv_text(OFFER_HEADER, [offer_row(1)]) + ";" * 2_000_000 + "\r\n"
    path = write_text(tmp_path / "o.csv", rows + csv_text(OFFER_HEADER, [offer_row(2)]))
    code, _, err = run("import", "offers", path)
    assert (code, err[1:]) == (2, [
        "  o.csv, Zeile 3: Die Tabelle hat 2000001 Spalten; erlaubt sind höchstens 300 (Grenze "
        "QA_LIMIT_COLUMNS)"])


def test_separators_inside_quotes_do_not_count_as_columns(run, repo, tmp_path):
    row = offer_row(1)
    row[1] = "Angebot; " * 400  # quoted by the writer: one cell
    path = write_text(tmp_path / "o.csv", csv_text(OFFER_HEADER, [row]))
    assert run("import", "offers", path)[0] == 0
    assert repo.offers()[0].name == row[1].strip()


def test_total_vertex_limit(run, unchanged):
    path = GEODATA_DIR / "districts.geojson"
    code, _, err = run("import", "districts", path, QA_LIMIT_VERTICES="100")
    assert code == 2 and err[1].startswith("  districts.geojson: Die Flächen haben zusammen ")
    assert err[1].endswith("Stützpunkte; erlaubt sind höchstens 100 (Grenze QA_LIMIT_VERTICES); "
                           "bitte im GIS vereinfachen")


def test_a_48_mb_shp_in_a_small_zip_is_refused_unread_at_the_default_limits(run, unchanged,
                                                                           tmp_path):
    archive = shapefile_zip(tmp_path / "bezirke.zip", 48 * 1024 * 1024)
    assert archive.stat().st_size < 200_000
    code, _, err = run("import", "districts", archive)
    assert (code, err[1:]) == (2, [
        "  bezirke.zip: Die Geometrien der Shapefile (bezirke.shp) sind 48,0 MB groß; mit "
        "höchstens 2000000 Stützpunkten (Grenze QA_LIMIT_VERTICES) sind es höchstens 32,6 MB; "
        "bitte im GIS vereinfachen"])


def test_a_cell_in_column_xfd_is_refused_before_openpyxl_pads_the_rows(run, unchanged, tmp_path):
    """The audit's 43 KB file: 5,000 rows with a cell in A and in XFD cost 30 s and 1.5 GB."""
    rows = [f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c>'
            f'<c r="XFD{r}"><v>1</v></c></row>' for r in range(1, 5_001)]
    path = xlsx_by_hand(tmp_path / "breit.xlsx", rows)
    code, _, err = run("import", "offers", path)
    assert (code, err[1:]) == (2, [
        "  breit.xlsx, Blatt 'Angebote': Die Tabelle hat eine Zelle XFD1 jenseits der erlaubten "
        "300 Spalten (Grenze QA_LIMIT_COLUMNS); bitte die Spalten rechts der Daten löschen"])


def test_a_cell_in_a_two_letter_column_beyond_the_limit_is_refused_by_the_row_width(
        run, unchanged, tmp_path):
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>'
            '<c r="ZZ1"><v>1</v></c></row>']
    code, _, err = run("import", "offers", xlsx_by_hand(tmp_path / "b.xlsx", rows))
    assert (code, err[1:]) == (2, [
        "  b.xlsx, Blatt 'Angebote', Zeile 1: Die Tabelle hat 702 Spalten; erlaubt sind "
        "höchstens 300 (Grenze QA_LIMIT_COLUMNS)"])


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/worksheets/sheet9.xml"])
def test_a_large_shared_strings_table_is_refused_unparsed(run, unchanged, tmp_path, part):
    """The audit's 141 KB file with a 57 MB text table took 31 s; a renamed table counts too."""
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']
    path = xlsx_by_hand(tmp_path / "t.xlsx", rows, ["Angebot"] * 200_000, strings_part=part)
    code, _, err = run("import", "offers", path, QA_LIMIT_SHARED_STRINGS_MB="1")
    assert (code, err[1:]) == (2, [
        f"  t.xlsx: Der Textteil {part} der Excel-Datei entpackt sich auf 4,4 MB; erlaubt sind "
        "höchstens 1,0 MB (Grenze QA_LIMIT_SHARED_STRINGS_MB)"])


def test_an_invalid_limit_setting_is_a_german_error(run, unchanged, tmp_path):
    code, _, err = run("import", "offers", offers_csv(tmp_path / "o.csv", 2), QA_LIMIT_ROWS="viel")
    assert (code, err) == (2, [
        "Fehler: Die Umgebungsvariable QA_LIMIT_ROWS muss eine ganze Zahl größer als 0 sein, "
        "nicht „viel“"])


def test_total_offers_cap(run, repo, tmp_path):
    assert run("import", "offers", offers_csv(tmp_path / "a.csv", 30, prefix="a"),
               QA_LIMIT_OFFERS="50")[0] == 0
    version = repo.data_version()
    code, _, err = run("import", "offers", offers_csv(tmp_path / "b.csv", 30, prefix="b"))
    assert (code, err[1:]) == (2, [
        "  b.csv: Nach dem Import wären 60 Angebote in der Datenbank; erlaubt sind höchstens 50 "
        "(Grenze QA_LIMIT_OFFERS); es wurde nichts gespeichert"])
    folder = hsds_directory(tmp_path / "hsds", offer_records(21))
    code, _, err = run("import", "hsds", folder)
    assert code == 2 and err[1].startswith("  services.json: Nach dem Import wären 51 Angebote")
    assert repo.data_version() == version and len(repo.offers()) == 30
    assert run("import", "offers", offers_csv(tmp_path / "a.csv", 30, prefix="a"))[0] == 0
