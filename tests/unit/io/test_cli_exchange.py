"""The exchange commands as people run them: `export|import hsds DIR`, `backup|restore FILE`."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace

from services.io import hsds
from tests.factories import full_offer, sparse_offer
from tests.unit.io.test_cli import repository


def test_hsds_export_then_import_brings_changed_offers_back(cli, db_url, tmp_path):
    assert cli("seed-demo").returncode == 0
    repo = repository(db_url)
    offers, offices = repo.offers(), repo.offices()
    done = cli("export", "hsds", tmp_path / "hsds")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (f"{len(offers)} Angebote und {len(offices)} Büros als HSDS nach "
                           f"{tmp_path / 'hsds'} geschrieben.\n")
    repo.upsert_offers([replace(o, name="geändert", needs=("teilhabe",)) for o in offers])
    done = cli("import", "hsds", tmp_path / "hsds")
    assert done.stdout == (f"{len(offers)} Angebote und {len(offices)} Büros aus HSDS "
                           "geladen (0 ohne Bezirk).\n")
    assert (repo.offers(), repo.offices()) == (offers, offices)


def test_invalid_hsds_exits_2_with_file_object_and_field(cli, db_url, tmp_path):
    documents = hsds.to_hsds([full_offer(), sparse_offer(id="o2", max_age=-3)], [])
    hsds.write_hsds(documents, tmp_path)
    done = cli("import", "hsds", tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "1 Problem(e) gefunden; die Datenbank wurde nicht verändert:",
        "  services.json, Objekt 2, Feld 'maximum_age': -3 liegt nicht zwischen 0 und 99",
    ]
    assert repository(db_url).offers() == []


def test_backup_and_restore(cli, db_url, tmp_path):
    assert cli("seed-demo").returncode == 0
    offers = repository(db_url).offers()
    done = cli("backup", tmp_path / "sicherung.zip")
    assert done.returncode == 0
    assert done.stdout.startswith(f"Sicherung {tmp_path / 'sicherung.zip'} geschrieben: ")
    with zipfile.ZipFile(tmp_path / "sicherung.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["tables"]["offers"]["rows"] == len(offers)
    repository(db_url).clear()
    done = cli("restore", tmp_path / "sicherung.zip")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"Sicherung {tmp_path / 'sicherung.zip'} vom "
                                  f"{manifest['created_at']} wiederhergestellt: ")
    assert repository(db_url).offers() == offers


def test_restore_refusal_exits_2_in_german(cli, tmp_path):
    path = tmp_path / "kaputt.zip"
    path.write_bytes(b"PK\x03\x04 nicht wirklich")
    done = cli("restore", path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "1 Problem(e) gefunden; die Datenbank wurde nicht verändert:",
        "  kaputt.zip: Die Sicherung kaputt.zip ist beschädigt oder unvollständig: "
        "kein lesbares ZIP-Archiv",
    ]
