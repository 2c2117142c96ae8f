"""Importer: all or nothing, districts derived from positions, demo seeding."""

from __future__ import annotations

import json
from datetime import date

import pytest

from services import importer
from services.config import GEODATA_DIR, load_settings
from services.io.errors import ImportFailed
from services.io.offers import write_offers
from services.io.offices import write_offices
from services.storage.errors import DatabaseUnavailable
from tests.factories import full_offer, sparse_offer
from tests.unit.io.helpers import (
    LONG_HEADER,
    OFFER_HEADER,
    SIDE,
    centre,
    city_layer,
    csv_text,
    offer_row,
    office,
    write_text,
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
    city_layer(shift=-200).to_file(moved, driver="GeoJSON")  # every border 200 m west
    result = importer.import_districts(districted, moved)
    assert (result.count, result.offers, result.offices) == (3, 1, 1)
    assert districted.get_offer("o1").district_id == "B2"
    assert districted.get_office("b1").district_id == "B2"


def test_values_of_a_vanished_district_are_dropped_and_reported(districted, tmp_path):
    rows = [["Altstadt", "sgb2_u15", "2023", "28,7", "Sozialbericht"]]
    path = write_text(tmp_path / "i.csv", csv_text(LONG_HEADER, rows))
    result = importer.import_indicators(districted, path)
    assert (result.count, result.districts, result.years) == (1, 1, (2023,))
    assert list(districted.districts()["id"]) == ["A1", "B2", "C3"]
    smaller = tmp_path / "klein.geojson"
    city_layer()[1:].to_file(smaller, driver="GeoJSON")
    result = importer.import_districts(districted, smaller)
    assert result.notes == [
        "Bezirk A1 „Altstadt“: 1 Indikatorwert(e) verworfen – die neue Bezirksebene "
        "enthält diese ID nicht"]
    assert districted.indicator_values().empty


def test_values_stay_only_where_id_and_name_match_across_divisions(districted, tmp_path):
    """Two divisions sharing ids: the new A1 is another place, B2 the same (other spelling)."""
    rows = [[name, "sgb2_u15", "2023", value, "Sozialbericht"]
            for name, value in (("A1", "54"), ("B2", "28,7"), ("C3", "20"))]
    importer.import_indicators(districted, write_text(tmp_path / "i.csv",
                                                      csv_text(LONG_HEADER, rows)))
    other = city_layer()
    other["name"] = ["Eigen-Nord", "BATENBROCK SÜD", "Welheim"]
    other.to_file(tmp_path / "wahlbezirke.geojson", driver="GeoJSON")
    result = importer.import_districts(districted, tmp_path / "wahlbezirke.geojson")
    assert result.notes == [
        "Bezirk B2 „BATENBROCK SÜD“: 1 Indikatorwert(e) behalten (ID und Name gleich)",
        "Bezirk C3 „Welheim“: 1 Indikatorwert(e) behalten (ID und Name gleich)",
        "Bezirk A1: 1 Indikatorwert(e) verworfen – die ID hieß bisher „Altstadt“, jetzt "
        "„Eigen-Nord“; die Werte gehören zur alten Gliederung (Karte: „keine Daten“)",
    ]
    values = districted.indicator_values()
    assert dict(zip(values["district_id"], values["value"])) == {"B2": 28.7, "C3": 20.0}


def test_a_layer_elsewhere_is_refused_with_where_it_lies(districted, tmp_path):
    wgs84 = city_layer().to_crs("EPSG:4326")
    munich = wgs84.set_geometry(wgs84.translate(xoff=4.66, yoff=-3.38))
    munich.to_file(tmp_path / "muenchen.geojson", driver="GeoJSON")
    before = districted.data_version()
    with pytest.raises(ImportFailed) as failed:
        importer.import_districts(districted, tmp_path / "muenchen.geojson")
    [problem] = [str(p) for p in failed.value.problems]
    assert problem.startswith("muenchen.geojson: Die Bezirksebene passt nicht zu Bottrop: "
                              "sie deckt 0 % des Stadtgebiets ab")
    assert "Die Flächen liegen um 48,1" in problem and "° N, 11,5" in problem
    assert "falsche Datei" in problem
    assert districted.data_version() == before


def test_degrees_declared_as_utm_are_refused_with_the_cause(districted, tmp_path):
    degrees = city_layer().to_crs("EPSG:4326").set_crs("EPSG:25832", allow_override=True)
    degrees.to_file(tmp_path / "b.geojson", driver="GeoJSON")
    with pytest.raises(ImportFailed) as failed:
        importer.import_districts(districted, tmp_path / "b.geojson")
    [problem] = [str(p) for p in failed.value.problems]
    assert "die Koordinaten sind Längen-/Breitengrade (WGS84), die Datei gibt aber ein " \
           "metrisches Bezugssystem (EPSG:25832) an" in problem


def test_a_layer_reaching_far_beyond_the_city_is_refused(districted, tmp_path):
    region = city_layer()
    region.loc[2, "geometry"] = region.geometry.iloc[2].buffer(3_000)
    region.to_file(tmp_path / "ruhr.geojson", driver="GeoJSON")
    with pytest.raises(ImportFailed, match="Teil der Stadt oder eine größere Region"):
        importer.import_districts(districted, tmp_path / "ruhr.geojson")


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


def test_seed_demo_moves_the_demo_dates_to_the_seeding_day(repo):
    """A demo seeded months after its files were written still has this and last month's
    reports, a full map layer and the same share of stale offers (docs: geodata/README.md)."""
    from services.freshness import cutoff
    from services.io.offers import read_offers
    from services.map.layers import ReportedNeeds, district_geometries, reported_needs_layer
    from services.snapshot import load_snapshot

    today = date(2027, 3, 15)
    importer.seed_demo(repo, today=today)
    months = {(n.reported_on.year, n.reported_on.month) for n in repo.unmet_needs()}
    assert {(2027, 3), (2027, 2)} <= months
    assert max(n.reported_on for n in repo.unmet_needs()) < today
    snap = load_snapshot(repo, today)
    year = repo.unmet_need_counts(date(2026, 3, 15), today)
    layer = reported_needs_layer(ReportedNeeds.of(year, year), snap.district_names,
                                 district_geometries(snap.districts_web_geojson), "")  # fmt: skip
    (call,) = layer._children.values()
    rows = json.loads(call.payload)["rows"]  # every report of the files lies in the year
    assert sum(int(r[2]) for r in rows) == sum(len(n.needs) for n in repo.unmet_needs() if n.district_id)
    files = {o.id: o for o in read_offers(GEODATA_DIR / "offers.csv")}
    shift = importer.demo_shift(today)
    assert shift.days == 107
    for offer in repo.offers():
        before = files[offer.id]
        moved = before.is_demo and before.last_verified is not None
        assert offer.last_verified == (before.last_verified + shift if moved else before.last_verified)
        assert offer.valid_to == (before.valid_to + shift if before.valid_to and before.is_demo
                                  else before.valid_to)  # fmt: skip

    def stale(offers, day):
        return sum(o.last_verified is None or o.last_verified < cutoff(day, 12) for o in offers)

    assert abs(stale(repo.offers(), today) - stale(files.values(), importer.DEMO_REFERENCE_DAY)) <= 2


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
    city_layer().to_file(tmp_path / "b.geojson", driver="GeoJSON")
    importer.import_districts(repo, tmp_path / "b.geojson")
    assert repo.get_offer("o1").district_id is not None


def test_shared_repository_is_built_once_and_a_failure_is_retried(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'qa.db'}")
    with pytest.raises(DatabaseUnavailable):  # the folder does not exist: cannot open
        importer.shared_repository()
    (tmp_path / "missing").mkdir()
    first = importer.shared_repository()
    assert importer.shared_repository() is first
