"""Importer: all or nothing, districts derived from positions, demo seeding."""

from __future__ import annotations

from datetime import date

import pytest

from services import importer
from services.config import GEODATA_DIR, load_settings
from services.io.errors import ImportFailed
from services.io.offers import write_offers
from services.io.offices import write_offices
from tests.factories import full_offer, sparse_offer
from tests.unit.io.helpers import (
    LONG_HEADER, OFFER_HEADER, SIDE, centre, csv_text, layer, office, offer_row, write_text,
)


def test_offers_get_their_district_and_outsiders_a_warning(districted, tmp_path):
    inside, outside = centre(1), centre(5)
    path = tmp_path / "offers.csv"
    write_offers([full_offer(lat=inside[0], lon=inside[1]),
                  sparse_offer(lat=outside[0], lon=outside[1])], path)
    result = importer.import_offers(districted, path)
    assert (result.count, result.outside) == (2, 1)
    assert [str(w) for w in result.warnings] == [
        "offers.csv: 'Spielgruppe' (ID o2) liegt in keinem Bezirk; der Eintrag wird ohne "
        "Bezirk gespeichert"]
    assert {o.id: o.district_id for o in districted.offers()} == {"o1": "B2", "o2": None}


def test_a_file_with_one_bad_row_writes_nothing(districted, tmp_path):
    rows = [offer_row(i, *centre(0)) for i in range(1, 6)] + [offer_row(6, max_age="zwölf")]
    path = write_text(tmp_path / "offers.csv", csv_text(OFFER_HEADER, rows))
    before = districted.data_version()
    with pytest.raises(ImportFailed) as failed:
        importer.import_offers(districted, path)
    assert [str(p) for p in failed.value.problems] == [
        "offers.csv, Zeile 7, Spalte 'max_alter': 'zwölf' ist keine Zahl"]
    assert districted.data_version() == before
    assert districted.offers() == []


def test_replacing_districts_rederives_offer_and_office_districts(districted, tmp_path):
    near_border = centre(0, dx=SIDE / 2 - 100)  # in A1, 100 m west of B2
    write_offers([full_offer(lat=near_border[0], lon=near_border[1])], tmp_path / "o.csv")
    write_offices([office(lat=near_border[0], lon=near_border[1])], tmp_path / "b.csv")
    importer.import_offers(districted, tmp_path / "o.csv")
    importer.import_offices(districted, tmp_path / "b.csv")
    assert districted.get_offer("o1").district_id == "A1"
    moved = tmp_path / "neu.geojson"
    layer(shift=-200).to_file(moved, driver="GeoJSON")  # every border 200 m west
    result = importer.import_districts(districted, moved)
    assert (result.count, result.offers, result.offices) == (3, 1, 1)
    assert districted.get_offer("o1").district_id == "B2"
    assert districted.get_office("b1").district_id == "B2"


def test_districts_without_values_stay_and_vanished_ones_are_reported(districted, tmp_path):
    rows = [["Altstadt", "sgb2_u15", "2023", "28,7", "Sozialbericht"]]
    path = write_text(tmp_path / "i.csv", csv_text(LONG_HEADER, rows))
    result = importer.import_indicators(districted, path)
    assert (result.count, result.districts, result.years) == (1, 1, (2023,))
    assert list(districted.districts()["id"]) == ["A1", "B2", "C3"]
    smaller = tmp_path / "klein.geojson"
    layer()[1:].to_file(smaller, driver="GeoJSON")
    result = importer.import_districts(districted, smaller)
    assert [str(w) for w in result.warnings] == [
        "Für die Bezirke A1 gibt es Indikatorwerte, aber die neue Bezirksebene enthält sie "
        "nicht mehr"]


def test_indicators_need_districts_first(repo, tmp_path):
    rows = [["A1", "sgb2_u15", "2023", "1", "q"]]
    path = write_text(tmp_path / "i.csv", csv_text(LONG_HEADER, rows))
    with pytest.raises(ImportFailed, match="noch keine Bezirke geladen"):
        importer.import_indicators(repo, path, date(2026, 11, 28))


def test_seed_demo_loads_the_demo_files(repo):
    seeded = importer.seed_demo(repo)
    assert seeded.districts == len(repo.districts()) > 0
    assert seeded.offers == len(repo.offers()) > 0
    assert seeded.indicators == len(repo.indicator_values()) > 0
    assert seeded.offices == len(repo.offices()) > 0
    assert seeded.unmet_needs == len(repo.unmet_needs()) > 0
    assert all(n.is_demo for n in repo.unmet_needs())
    assert any(o.district_id for o in repo.offers())


def test_seed_demo_refuses_an_unmet_need_with_an_address_naming_row_and_column(repo, tmp_path):
    for name in ("districts.geojson", "indicators.csv", "offices.csv", "offers.csv"):
        (tmp_path / name).write_bytes((GEODATA_DIR / name).read_bytes())
    write_text(tmp_path / "unmet_needs.csv",
               "id;datum;quartiersbuero;bedarfe;fehlte;notiz\n"
               "b1;03.11.2026;qb;lernen;voll;ab 7 Uhr\n"
               "b2;04.11.2026;qb;lernen;voll;wohnt Hauptstr. 5\n")  # fmt: skip
    with pytest.raises(ImportFailed) as failed:
        importer.seed_demo(repo, tmp_path)
    problem = failed.value.problems[0]
    assert (problem.row, problem.field) == (3, "notiz") and "Anschrift" in problem.message
    assert repo.is_empty()


def test_seed_demo_reads_everything_before_writing(repo, tmp_path):
    for name in ("districts.geojson", "indicators.csv", "offices.csv"):
        (tmp_path / name).write_bytes((GEODATA_DIR / name).read_bytes())
    write_text(tmp_path / "offers.csv", csv_text(OFFER_HEADER, [offer_row(1, max_age="x")]))
    before = repo.data_version()
    with pytest.raises(ImportFailed):
        importer.seed_demo(repo, tmp_path)
    assert repo.data_version() == before and repo.is_empty()


def test_ensure_seeded_only_seeds_the_default_database_once(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path / "data"))
    repo = importer.ensure_seeded(load_settings())
    assert not repo.is_empty()
    version = repo.data_version()
    assert importer.ensure_seeded(load_settings()).data_version() == version


def test_ensure_seeded_leaves_a_configured_database_empty(monkeypatch, db_url):
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert importer.ensure_seeded(load_settings()).is_empty()


def test_export_offers(districted, tmp_path):
    write_offers([full_offer(), sparse_offer()], tmp_path / "o.csv")
    importer.import_offers(districted, tmp_path / "o.csv")
    assert importer.export_offers(districted, tmp_path / "export.xlsx") == 2
    assert (tmp_path / "export.xlsx").stat().st_size > 0


def test_offers_before_any_districts_get_one_warning(repo, tmp_path):
    write_offers([full_offer(), sparse_offer()], tmp_path / "o.csv")
    result = importer.import_offers(repo, tmp_path / "o.csv")
    assert (result.count, result.outside) == (2, 2)
    assert [str(w) for w in result.warnings] == [
        "o.csv: Es sind noch keine Bezirke geladen; alle Einträge werden ohne Bezirk "
        "gespeichert und beim Laden der Bezirke zugeordnet"]
    layer().to_file(tmp_path / "b.geojson", driver="GeoJSON")
    importer.import_districts(repo, tmp_path / "b.geojson")
    assert repo.get_offer("o1").district_id is not None
