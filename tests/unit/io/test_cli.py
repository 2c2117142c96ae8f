"""The admin CLI as people run it: `python -m services.cli` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from services.config import PROJECT_ROOT
from services.storage.repository import Repository, create_engine_for
from tests.unit.io.helpers import (
    LONG_HEADER,
    OFFER_HEADER,
    centre,
    city_layer,
    csv_text,
    offer_row,
    write_text,
)
from tests.unit.io.test_gebref import GLADBECK, row15, row21


@pytest.fixture
def cli(db_url):
    def run(*args: str, **settings: str) -> subprocess.CompletedProcess:
        env = os.environ | {"DATABASE_URL": db_url, "PYTHONIOENCODING": "utf-8"} | settings
        return subprocess.run([sys.executable, "-m", "services.cli", *map(str, args)],
                              cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                              encoding="utf-8", timeout=120)
    return run


def repository(db_url) -> Repository:
    return Repository(create_engine_for(db_url))


def test_import_districts_then_offers_then_indicators(cli, db_url, tmp_path):
    gdf = city_layer().rename(columns={"id": "nr", "name": "bezeichnung"})
    gdf.to_file(tmp_path / "bezirke.geojson", driver="GeoJSON")
    done = cli("import", "districts", tmp_path / "bezirke.geojson",
               "--id-field", "nr", "--name-field", "bezeichnung")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "3 Bezirke geladen; 0 Angebote und 0 Büros neu zugeordnet.\n"
    offers = write_text(tmp_path / "offers.csv", csv_text(OFFER_HEADER, [offer_row(1, *centre(2))]))
    done = cli("import", "offers", offers)
    assert done.stdout == "1 Angebote geladen (0 ohne Bezirk).\n"
    rows = [["Batenbrock Sued", "sgb2_u15", "2023", "12,5"]]
    values = write_text(tmp_path / "indikatoren.csv", csv_text(LONG_HEADER[:4], rows))
    done = cli("import", "indicators", values)
    assert done.returncode == 0
    summary = "1 Indikatorwerte geladen (1 Bezirke, Jahre 2023).\n1 Hinweis(e):"
    assert done.stdout.startswith(summary)
    assert "als Quelle wird 'Import aus indikatoren.csv am " in done.stdout
    repo = repository(db_url)
    assert repo.get_offer("o1").district_id == "C3"
    assert repo.indicator_values()["district_id"].tolist() == ["B2"]


def test_invalid_input_exits_2_lists_every_problem_and_changes_nothing(cli, db_url, tmp_path):
    assert cli("import", "districts", _layer_file(tmp_path)).returncode == 0
    version = repository(db_url).data_version()
    rows = [offer_row(1), offer_row(2, max_age="zwölf"), offer_row(3, lat=52.9)]
    path = write_text(tmp_path / "offers.csv", csv_text(OFFER_HEADER, rows))
    done = cli("import", "offers", path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "2 Problem(e) gefunden; die Datenbank wurde nicht verändert:",
        "  offers.csv, Zeile 3, Spalte 'max_alter': 'zwölf' ist keine Zahl",
        "  offers.csv, Zeile 4, Spalte 'lat': Breitengrad 52,9 liegt nicht bei Bottrop "
        "(erwartet 51,4 bis 51,7)",
    ]
    assert repository(db_url).data_version() == version


def test_seed_export_and_import_again(cli, db_url, tmp_path):
    seeded = cli("seed-demo").stdout
    assert seeded.startswith("Demo-Daten geladen: 17 Bezirke") and " Adressen." in seeded
    assert len(repository(db_url).addresses()) > 500
    count = len(repository(db_url).offers())
    for suffix in (".csv", ".xlsx", ".geojson"):
        target = tmp_path / f"angebote{suffix}"
        done = cli("export", "offers", target)
        assert done.stdout == f"{count} Angebote nach {target} geschrieben.\n"
    assert json.loads(target.read_text("utf-8"))["type"] == "FeatureCollection"
    again = cli("import", "offers", tmp_path / "angebote.xlsx")  # the others: test_offers.py
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.startswith(f"{count} Angebote geladen")


def test_import_addresses_from_zipped_gebref_and_refuse_a_bad_file(cli, db_url, tmp_path):
    archive = tmp_path / "gebref.zip"
    lines = [row15(), row15(number="2", suffix="a"), row15(key=GLADBECK), row15(nba="L")]
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("gebref.txt", "\ufeff" + "\n".join(lines) + "\n")
    done = cli("import", "addresses", archive)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == ("2 Adressen geladen (1 Zeilen anderer Gemeinden übersprungen, "
                           "1 entfallene Gebäude ausgelassen).\n")
    version = repository(db_url).data_version()
    bad = write_text(tmp_path / "gebref.txt", row21() + "\n" + row21(number="13b") + "\n")
    done = cli("import", "addresses", bad)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "1 Problem(e) gefunden; die Datenbank wurde nicht verändert:",
        "  gebref.txt, Zeile 2, Spalte 'hnr': '13b' ist keine Hausnummer (eine ganze Zahl ab 1; "
        "einen Zusatz wie „a“ bitte in die Spalte 'zusatz')",
    ]
    repo = repository(db_url)
    assert repo.data_version() == version
    assert [a.id for a in repo.addresses()] == ["Feuerbachstraße 2a", "Feuerbachstraße 13"]
    table = write_text(tmp_path / "adressen.csv",
                       "strasse;hausnummer;lat;lon\nHansastraße;1;51,5236;6,924\n")
    done = cli("import", "addresses", table)
    assert (done.returncode, done.stdout) == (0, "1 Adressen geladen.\n")
    assert [a.id for a in repository(db_url).addresses()] == ["Hansastraße 1"]


def test_usage_errors_and_missing_files_exit_2(cli, tmp_path):
    wrong = cli("import", "bezirke", "x.csv")
    assert wrong.returncode == 2 and "Fehler: ART: 'bezirke' ist nicht möglich" in wrong.stderr
    missing = cli("import", "offers", tmp_path / "fehlt.csv")
    assert missing.returncode == 2 and "Datei nicht gefunden" in missing.stderr
    help_text = cli("import", "districts", "--help").stdout
    assert help_text.startswith("Aufruf: python -m services.cli import districts")
    assert "Feld mit der Bezirks-ID (Standard: id)" in help_text


@pytest.mark.parametrize(("name", "value", "kind"), [
    ("QA_LIMIT_ROWS", "abc", "eine ganze Zahl"),
    ("QA_DB_WRITE_WAIT_SECONDS", "x", "eine Zahl"),
])
def test_a_mistyped_setting_is_named_and_exits_2(cli, db_url, tmp_path, name, value, kind):
    done = cli("seed-demo", **{name: value})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"Fehler: Die Umgebungsvariable {name} muss {kind} größer als 0 "
                           f"sein, nicht „{value}“\n")
    assert not (tmp_path / "qa.db").exists()  # refused before the database was opened


def test_other_errors_exit_1(cli, tmp_path):
    done = cli("export", "offers", tmp_path / "kein" / "ordner" / "x.csv")
    assert done.returncode == 1
    assert done.stderr.startswith("Unerwarteter Fehler: ")


def _layer_file(tmp_path: Path) -> Path:
    path = tmp_path / "bezirke.geojson"
    city_layer().to_file(path, driver="GeoJSON")
    return path


def test_export_districts_and_gaps_as_tables_and_layers(cli, tmp_path):
    import geopandas as gpd
    import pyogrio

    assert cli("seed-demo").returncode == 0
    done = cli("export", "districts", tmp_path / "bezirke.csv", "--jahr", "2022")
    assert (done.returncode, done.stdout) == (0, f"17 Bezirke nach {tmp_path / 'bezirke.csv'} geschrieben.\n")
    table = (tmp_path / "bezirke.csv").read_text(encoding="utf-8-sig").splitlines()
    assert table[0].startswith("bezirk_id;bezirk;stadtbezirk;jahr;") and ";2022;" in table[1]
    meta = (tmp_path / "bezirke_metadaten.csv").read_text(encoding="utf-8-sig")
    assert "Datenjahr;2022" in meta and "nur die Mindestzahl von 30 Kindern" not in meta
    header = table[0].split(";")
    assert "einwohner_gesamt" in header  # the demo has all ages, so both rules were checked
    assert {"ang_alle", "je1000_alle", "abd_alle", "luecke_alle", "rang_alle"} <= set(header)
    assert not any(column.endswith("_lernen") for column in header)  # one need: „alle“
    done = cli("export", "districts", tmp_path / "bezirke.gpkg", "--crs", "4326")
    assert done.returncode == 0
    layer = gpd.read_file(tmp_path / "bezirke.gpkg", layer="Bezirke")
    assert layer.crs.to_epsg() == 4326 and len(layer) == 17
    assert "metadaten" in [name for name, _ in pyogrio.list_layers(tmp_path / "bezirke.gpkg")]
    done = cli("export", "gaps", tmp_path / "luecken.geojson", "--bedarf", "lernen")
    assert done.stdout == f"17 Zeilen (Bezirk × Bedarf) nach {tmp_path / 'luecken.geojson'} geschrieben.\n"
    collection = json.loads((tmp_path / "luecken.geojson").read_text("utf-8"))
    assert collection["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::25832"
    assert {f["properties"]["bedarf"] for f in collection["features"]} == {"lernen"}
    # children spread over the imported addresses, as on the gap page (not the area grid)
    assert {f["properties"]["verteilung"] for f in collection["features"]} == {"Adressen"}
    assert "1.000 m" in collection["metadaten"]["Methode"]
    assert cli("export", "gaps", tmp_path / "luecken.xlsx").stdout.startswith("187 Zeilen")


def test_export_errors_are_german_and_exit_2(cli, tmp_path):
    assert cli("seed-demo").returncode == 0
    cases = {
        ("districts", tmp_path / "x.txt"): "Fehler: Unbekanntes Format „.txt“.",
        ("districts", tmp_path / "x.csv", "--jahr", "1999"):
            "Fehler: Für das Jahr 1999 gibt es keine Kennzahlen. Vorhanden: 2019,",
        ("districts", tmp_path / "x.csv", "--jahr", "neu"): "Fehler: --jahr: 'neu' ist keine ganze Zahl",
        ("gaps", tmp_path / "x.csv", "--bedarf", "lesen"): "Fehler: --bedarf: 'lesen' ist nicht möglich",
        ("gaps", tmp_path / "x.gpkg", "--crs", "3857"): "Fehler: --crs: '3857' ist nicht möglich",
        ("gaps", tmp_path / "fehlt" / "x.csv"): "Fehler: Der Ordner",
    }
    for args, message in cases.items():
        done = cli("export", *args)
        assert done.returncode == 2, args
        assert message in done.stderr, (args, done.stderr)
    assert not list(tmp_path.glob("x.*"))


def test_offers_export_names_the_district(cli, tmp_path):
    assert cli("seed-demo").returncode == 0
    assert cli("export", "offers", tmp_path / "a.csv").returncode == 0
    header, first = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()[:2]
    assert header.endswith(";bezirk_id;bezirk;stadtbezirk")
    assert first.split(";")[-3] != "" and first.split(";")[-1] != ""
    assert cli("export", "offers", tmp_path / "a.geojson").returncode == 0
    feature = json.loads((tmp_path / "a.geojson").read_text("utf-8"))["features"][0]
    assert feature["properties"]["stadtbezirk"] and feature["properties"]["bezirk"]
