"""Backup and restore: every table round-trips with identical checksums, on SQLite and
PostgreSQL and from one to the other; a newer or damaged file is refused; a restore that
fails half-way changes nothing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from services.io.errors import ImportFailed
from services.storage import backup, schema
from services.storage.errors import DatabaseError
from services.storage.repository import Repository, migrate
from tests.db_fixtures import fresh_engine
from tests.factories import full_offer

TABLES_OF_0001 = {"districts", "indicator_values", "offers", "offer_needs", "offer_audiences",
                  "offer_languages", "offices", "meta"}


def heads() -> list[str]:
    """The newest Alembic revisions of this version's migrations."""
    return sorted(ScriptDirectory.from_config(backup.alembic_config()).get_heads())


def awkward_value(python_type: type, i: int):
    """A value of the column's type that is easy to get wrong in a dump."""
    if python_type is bool:
        return i % 2 == 0
    if python_type is int:
        return 2_147_483_647 - i
    if python_type is float:
        return 0.1 + 0.2 + i
    if python_type is bytes:
        return bytes(range(256)) + bytes([i])
    if python_type is datetime:
        return datetime(2024, 2, 29, 23, 59, 58, 123456 + i)
    if python_type is date:
        return date(2024, 2, 29)
    return f"Zeile {i}: äöü ß 'x' \"y\" ; , \\n\n\t😀 <b>&amp;"


def fill(engine: sa.Engine) -> None:
    """Two rows in EVERY table of the schema: one with every column set, one with the
    nullable columns empty. Foreign keys point at the parent's rows (parents come first in
    sorted_tables). The data version is bumped once, as any write does."""
    migrate(engine)
    Repository(engine).clear()
    inserted: dict[str, list[dict]] = {}
    with engine.begin() as conn:
        for table in schema.metadata.sorted_tables:
            rows = [_row(table, i, inserted) for i in range(2)]
            conn.execute(sa.insert(table), rows)
            inserted[table.name] = rows


def _row(table: sa.Table, i: int, inserted: dict[str, list[dict]]) -> dict:
    row = {}
    for column in table.columns:
        parent = next(iter(column.foreign_keys), None)
        if parent is not None:
            row[column.name] = inserted[parent.column.table.name][0][parent.column.name]
        elif column.nullable and i == 1 and not column.primary_key:
            row[column.name] = None
        else:
            row[column.name] = awkward_value(column.type.python_type, i)
    return row


def manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(backup.MANIFEST))


def rewrite(path: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of a backup with members replaced (None: left out)."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            content = changes.get(name, source.read(name))
            if content is not None:
                out.writestr(name, content)
    return target


def test_every_table_round_trips_with_identical_checksums(engine, request, tmp_path):
    fill(engine)
    first = backup.backup(engine, tmp_path / "first.zip")
    with fresh_engine(engine.dialect.name, request, tmp_path / "twin.db") as twin:
        restored = backup.restore(twin, first.path)  # a brand-new, unmigrated database
        second = backup.backup(twin, tmp_path / "second.zip")
    tables = manifest(first.path)["tables"]
    assert list(tables) == [table.name for table in schema.metadata.sorted_tables]
    assert min(entry["rows"] for entry in tables.values()) == 2  # meta: + data_version
    assert manifest(second.path)["tables"] == tables
    assert (restored.tables, restored.rows) == (len(tables), 2 * len(tables) + 1)


def test_manifest_names_schema_app_and_time(engine, tmp_path):
    fill(engine)
    done = backup.backup(engine, tmp_path / "b.zip")
    found = manifest(done.path)
    assert found["format"] == "quartiersatlas-backup"
    assert found["schema_revisions"] == heads()
    assert found["app_version"] == backup.app_version()
    assert found["created_at"] == done.created_at
    assert found["backend"] == engine.dialect.name
    with zipfile.ZipFile(done.path) as archive:
        content = archive.read("tables/offers.jsonl")
    assert hashlib.sha256(content).hexdigest() == found["tables"]["offers"]["sha256"]


def test_restore_replaces_everything_and_moves_the_data_version_on(engine, tmp_path):
    fill(engine)
    saved = backup.backup(engine, tmp_path / "saved.zip")
    repo = Repository(engine)
    repo.clear()
    repo.upsert_offers([full_offer(id="after-backup")])
    version = repo.data_version()
    backup.restore(engine, saved.path)
    assert repo.get_offer("after-backup") is None
    assert repo.data_version() == version + 1  # never a value an app cache has seen
    again = manifest(backup.backup(engine, tmp_path / "again.zip").path)["tables"]
    expected = manifest(saved.path)["tables"]
    assert {k: v for k, v in again.items() if k != "meta"} == {
        k: v for k, v in expected.items() if k != "meta"}


def test_sqlite_backup_restores_on_postgresql(request, tmp_path, postgres_url):
    with fresh_engine("sqlite", request, tmp_path / "source.db") as source:
        fill(source)
        first = backup.backup(source, tmp_path / "sqlite.zip")
    with fresh_engine("postgresql", request, tmp_path / "unused.db") as target:
        backup.restore(target, first.path)
        second = backup.backup(target, tmp_path / "postgresql.zip")
    assert manifest(second.path)["tables"] == manifest(first.path)["tables"]
    assert manifest(second.path)["backend"] == "postgresql"


def state(engine: sa.Engine, tmp_path: Path) -> dict:
    """Row counts and checksums of every table, data_version included."""
    return manifest(backup.backup(engine, tmp_path / "state.zip").path)["tables"]


def _refusal(engine: sa.Engine, path: Path) -> str:
    """The German message of a refused restore; the database must be unchanged."""
    before = state(engine, path.parent)
    with pytest.raises(ImportFailed) as refused:
        backup.restore(engine, path)
    assert state(engine, path.parent) == before
    (problem,) = refused.value.problems
    return str(problem)


def test_a_newer_schema_is_refused(engine, tmp_path):
    fill(engine)
    saved = backup.backup(engine, tmp_path / "b.zip").path
    newer = manifest(saved) | {"schema_revisions": ["0042_future"]}
    path = rewrite(saved, tmp_path / "newer.zip", {"manifest.json": json.dumps(newer).encode()})
    assert _refusal(engine, path) == (
        "newer.zip: Die Sicherung newer.zip hat einen neueren Datenbank-Stand (0042_future) "
        "als diese Programmversion kennt. Bitte zuerst die App aktualisieren, dann "
        "wiederherstellen.")


def test_damaged_files_are_refused(engine, tmp_path):
    fill(engine)
    saved = backup.backup(engine, tmp_path / "b.zip").path
    changed = rewrite(saved, tmp_path / "changed.zip", {"tables/offers.jsonl": b"[]\n[]\n"})
    assert _refusal(engine, changed).endswith("Prüfsumme der Tabelle offers stimmt nicht")
    missing = rewrite(saved, tmp_path / "missing.zip", {"tables/offices.jsonl": None})
    assert _refusal(engine, missing).endswith("Tabelle offices fehlt")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(saved.read_bytes()[:-200])
    assert _refusal(engine, truncated).endswith("kein lesbares ZIP-Archiv")
    foreign = rewrite(saved, tmp_path / "foreign.zip", {"manifest.json": b'{"format": "x"}'})
    assert _refusal(engine, foreign).endswith("ist keine Sicherung des Quartiersatlas")
    assert _refusal(engine, tmp_path / "none.zip").startswith(
        "none.zip: Sicherungsdatei nicht gefunden")


def test_a_restore_failing_half_way_changes_nothing(engine, tmp_path):
    """A row the database refuses (NULL in a required column) with an intact checksum:
    the tables were already dropped and rebuilt when it fails, yet all is rolled back."""
    fill(engine)
    saved = backup.backup(engine, tmp_path / "b.zip").path
    entry = manifest(saved)["tables"]["offers"]
    with zipfile.ZipFile(saved) as archive:
        lines = archive.read(entry["file"]).decode().splitlines()
    row = json.loads(lines[0])
    row[entry["columns"].index("name")] = None
    content = "".join(line + "\n" for line in [json.dumps(row), *lines[1:]]).encode()
    broken = manifest(saved)
    broken["tables"]["offers"]["sha256"] = hashlib.sha256(content).hexdigest()
    path = rewrite(saved, tmp_path / "broken.zip", {
        entry["file"]: content, "manifest.json": json.dumps(broken).encode()})
    before = state(engine, tmp_path)
    with pytest.raises(DatabaseError, match="es wurde nichts gespeichert"):
        backup.restore(engine, path)
    assert state(engine, tmp_path) == before


def test_tables_that_are_not_the_apps_survive_a_restore(engine, tmp_path):
    """A PostgreSQL schema may be shared with other applications of the city."""
    fill(engine)
    saved = backup.backup(engine, tmp_path / "b.zip")
    other = sa.Table("city_register", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True))
    other.create(engine)
    with engine.begin() as conn:
        conn.execute(sa.insert(other), [{"id": 1}])
    backup.restore(engine, saved.path)
    with engine.connect() as conn:
        assert conn.scalars(sa.select(other.c.id)).all() == [1]
    assert "city_register" not in manifest(backup.backup(engine, tmp_path / "c.zip").path)["tables"]


def test_an_older_backup_is_migrated_to_the_current_schema(engine, tmp_path):
    """A backup of revision 0001 (before later tables existed) is loaded at 0001 and then
    migrated to the newest revision, as an old database would be."""
    fill(engine)
    saved = backup.backup(engine, tmp_path / "b.zip").path
    older = manifest(saved)
    older["schema_revisions"] = ["0001"]
    newer_tables = set(older["tables"]) - TABLES_OF_0001
    assert newer_tables  # else this test would show nothing
    for name in newer_tables:
        del older["tables"][name]
    changes = {f"tables/{name}.jsonl": None for name in newer_tables}
    for name in ("offers", "offices"):  # their `version` came with 0007
        changes[f"tables/{name}.jsonl"] = without_column(saved, older, name, "version")
    changes["tables/offices.jsonl"] = drop_column(  # and the offices' `status` with 0008
        changes["tables/offices.jsonl"], older["tables"]["offices"], "status")
    path = rewrite(saved, tmp_path / "older.zip",
                   changes | {"manifest.json": json.dumps(older).encode()})
    backup.restore(engine, path)
    now = manifest(backup.backup(engine, tmp_path / "now.zip").path)
    assert now["schema_revisions"] == heads()
    assert {name: now["tables"][name]["rows"] for name in newer_tables} == dict.fromkeys(
        newer_tables, 0)
    assert now["tables"]["offers"]["rows"] == older["tables"]["offers"]["rows"]
    assert without_column(backup.backup(engine, tmp_path / "again.zip").path, now,
                          "offers", "version") == changes["tables/offers.jsonl"]
    with engine.connect() as conn:  # every office of the old backup is active
        assert set(conn.scalars(sa.select(schema.offices.c.status))) == {"active"}


def without_column(path: Path, described: dict, table: str, column: str) -> bytes:
    """A table's lines without one column, its manifest entry (in `described`) made to match."""
    with zipfile.ZipFile(path) as archive:
        content = archive.read(f"tables/{table}.jsonl")
    return drop_column(content, described["tables"][table], column)


def drop_column(content: bytes, entry: dict, column: str) -> bytes:
    """Table lines without one column; the table's manifest `entry` made to match."""
    index = entry["columns"].index(column)
    rows = [json.loads(line) for line in content.splitlines()]
    lines = sorted(json.dumps(row[:index] + row[index + 1:], ensure_ascii=False,
                              separators=(",", ":")) for row in rows)
    content = "".join(line + "\n" for line in lines).encode("utf-8")
    entry["columns"] = entry["columns"][:index] + entry["columns"][index + 1:]
    entry["sha256"] = hashlib.sha256(content).hexdigest()
    return content


def test_serial_keys_continue_after_restored_ids(engine):
    """For a future table with a serial key (e.g. an audit log): after rows were inserted
    with their ids, the next generated id follows them instead of colliding on PostgreSQL."""
    log = sa.Table("audit_like", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                   sa.Column("what", sa.String))
    log.create(engine)
    with engine.begin() as conn:
        conn.execute(sa.insert(log), [{"id": i, "what": "restored"} for i in (1, 2, 7)])
        backup.reset_sequences(conn, log)
        conn.execute(sa.insert(log), [{"what": "new"}])
        assert conn.scalar(sa.select(log.c.id).where(log.c.what == "new")) == 8
