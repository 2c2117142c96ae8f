"""The upload's preview: the import's readers, compared with the stored data, no writes."""

from __future__ import annotations

import json

import pytest

from services.config import GEODATA_DIR
from services.import_preview import import_summary, preview, run_import
from services.importer import DEMO_REFERENCE_DAY, seed_demo
from services.io.errors import ImportFailed
from services.storage import Repository, create_engine_for, migrate


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Repository:
    engine = create_engine_for(f"sqlite:///{tmp_path_factory.mktemp('preview') / 'qa.db'}")
    migrate(engine)
    repo = Repository(engine)
    seed_demo(repo, today=DEMO_REFERENCE_DAY)  # stored dates as in the files
    return repo


@pytest.mark.parametrize("kind, name", [("offers", "offers.csv"), ("offices", "offices.csv"),
                                        ("indicators", "indicators.csv"), ("addresses", "addresses.csv"),
                                        ("districts", "districts.geojson")])
def test_the_demo_files_against_the_demo_data_change_nothing(repo, kind, name):
    shown = preview(repo, kind, GEODATA_DIR / name)
    assert (shown.new, shown.changed, shown.removed, shown.kept) == (0, 0, 0, 0)
    assert shown.unchanged > 0 and len(shown.first_rows) == min(10, shown.unchanged)
    assert {row["Änderung"] for row in shown.first_rows} == {"unverändert"}


def test_a_smaller_district_layer_removes_what_it_leaves_out(repo, tmp_path):
    layer = json.loads((GEODATA_DIR / "districts.geojson").read_text(encoding="utf-8"))
    gone = layer["features"].pop()["properties"]["id"]
    layer["features"][0]["properties"]["name"] += " (neu)"
    path = tmp_path / "bezirke.geojson"
    path.write_text(json.dumps(layer), encoding="utf-8")
    version = repo.data_version()
    shown = preview(repo, "districts", path)
    assert (shown.new, shown.changed, shown.removed, shown.kept) == (0, 1, 1, 0)
    assert shown.unchanged == len(layer["features"]) - 1
    assert gone in repo.districts()["id"].tolist() and repo.data_version() == version


def test_offers_new_changed_and_kept_and_the_import_matches(repo, tmp_path):
    lines = (GEODATA_DIR / "offers.csv").read_text(encoding="utf-8").splitlines()
    first_id = lines[1].split(",", 1)[0]
    changed = lines[1].replace(",6,13,", ",5,13,", 1)
    new = lines[2].replace(lines[2].split(",", 1)[0], "vorschau-neu", 1)
    path = tmp_path / "angebote.csv"
    path.write_text("\n".join([lines[0], changed, new]), encoding="utf-8")
    shown = preview(repo, "offers", path)
    assert (shown.new, shown.changed, shown.unchanged, shown.removed) == (1, 1, 0, 0)
    assert shown.kept == len(lines) - 1 - 1
    assert repo.get_offer("vorschau-neu") is None and repo.get_offer(first_id).min_age == 6
    result = run_import(repo, "offers", path)
    assert import_summary("offers", result) == "2 Angebote geladen (0 ohne Bezirk)."
    assert repo.get_offer(first_id).min_age == 5
    assert preview(repo, "offers", path).unchanged == 2


def test_a_bad_file_raises_the_imports_problems(repo, tmp_path):
    path = tmp_path / "angebote.csv"
    path.write_text("id,name\nx,y\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        preview(repo, "offers", path)
    assert all(p.file == "angebote.csv" for p in failed.value.problems)


def test_the_preview_refuses_what_the_total_offers_cap_would_refuse(repo, tmp_path, monkeypatch):
    lines = (GEODATA_DIR / "offers.csv").read_text(encoding="utf-8").splitlines()
    new = lines[1].replace(lines[1].split(",", 1)[0], "eins-zu-viel", 1)
    path = tmp_path / "angebote.csv"
    path.write_text("\n".join([lines[0], new]), encoding="utf-8")
    monkeypatch.setenv("QA_LIMIT_OFFERS", str(len(repo.offers())))
    with pytest.raises(ImportFailed) as failed:
        preview(repo, "offers", path)
    assert str(failed.value) == (
        f"angebote.csv: Nach dem Import wären {len(repo.offers()) + 1} Angebote in der Datenbank; "
        f"erlaubt sind höchstens {len(repo.offers())} (Grenze QA_LIMIT_OFFERS); es wurde nichts "
        "gespeichert")
