"""Backup and restore of the whole database as one portable file (SQLite <-> PostgreSQL).

The file is a ZIP archive:
  manifest.json         format and format_version, schema_revisions (the Alembic heads),
                        app_version, created_at (UTC), backend, and per table its file,
                        columns, row count and SHA-256
  tables/<table>.jsonl  one JSON array per row in the manifest's column order; lines sorted,
                        so equal data gives an equal file (and checksum) on either backend
Every table of `schema.metadata.sorted_tables` is included, so a table added by a later
migration is backed up without a change here. Bytes are base64, dates ISO 8601.

A backup reads all tables in ONE transaction (PostgreSQL: REPEATABLE READ; SQLite: one
read transaction), so it is a consistent snapshot while the app keeps running.

A restore checks the whole file first (manifest, checksums, row counts, every line), then,
in ONE transaction holding the write lock (services/storage/repository.write_transaction)
and the migration lock: drops the app's tables, builds the schema at the backup's Alembic
revision, inserts every row, migrates to this version's head and sets data_version past
every value the database had before, so no app cache can mistake the restored data for
what it cached. Any failure rolls everything back: all or nothing. A backup of a newer
schema (a revision this version does not know) or a newer file format is refused.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from services.config import PROJECT_ROOT
from services.io.errors import ImportFailed, file_problem
from services.storage import schema
from services.storage.errors import translated
from services.storage.repository import MIGRATION_LOCK_ID, MIGRATIONS_DIR, write_transaction
from services.texts import exchange as t

FORMAT = "quartiersatlas-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ALEMBIC_TABLE = "alembic_version"
BATCH = 1000  # rows per INSERT: bounded memory for big tables (addresses)
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (to JSON, from JSON)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    created_at: str  # ISO 8601, UTC
    tables: int
    rows: int


def app_version() -> str:
    """The version in pyproject.toml: the app is not installed as a package."""
    with open(PROJECT_ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def backup(engine: sa.Engine, path: Path) -> BackupSummary:
    """Write every table into one ZIP at `path` (replaced atomically when it exists)."""
    path = Path(path)
    created_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    with translated(), engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            revisions = sorted(MigrationContext.configure(conn).get_current_heads())
            files = {table.name: _dump_table(conn, table) for table in schema.metadata.sorted_tables}
            backend = conn.dialect.name
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_revisions": revisions,
        "app_version": app_version(), "created_at": created_at, "backend": backend,
        "tables": {name: {"file": _member(name), "columns": columns, "rows": len(lines),
                          "sha256": hashlib.sha256(_joined(lines)).hexdigest()}
                   for name, (columns, lines) in files.items()},
    }
    _write_zip(path, manifest, {name: lines for name, (_, lines) in files.items()})
    return BackupSummary(path, created_at, len(files), _row_count(manifest))


def restore(engine: sa.Engine, path: Path) -> BackupSummary:
    """Replace the whole database by the backup at `path`; ImportFailed (German) if refused."""
    path = Path(path)
    manifest, data = _checked(path)
    config = alembic_config()
    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK_ID)))
        before = _data_version(conn)
        others = _drop_app_tables(conn, set(data))
        config.attributes["connection"] = conn
        for revision in manifest["schema_revisions"]:
            command.upgrade(config, revision)
        _load_tables(conn, path, manifest, data, others)
        command.upgrade(config, "heads")
        restored = _data_version(conn)
        conn.execute(sa.update(schema.meta)
                     .where(schema.meta.c.key == schema.DATA_VERSION_KEY)
                     .values(value=str(max(before + 1, restored))))
    return BackupSummary(path, manifest["created_at"], len(manifest["tables"]),
                         _row_count(manifest))


# --- writing ------------------------------------------------------------------------------


def _dump_table(conn: sa.Connection, table: sa.Table) -> tuple[list[str], list[str]]:
    """(column names, sorted JSON lines) of one table."""
    columns = [column.name for column in table.columns]
    encoders = [_codec(column.type)[0] for column in table.columns]
    lines = [
        json.dumps([encode(value) if value is not None else None
                    for encode, value in zip(encoders, row)],
                   ensure_ascii=False, separators=(",", ":"))
        for row in conn.execute(sa.select(table)).all()
    ]
    return columns, sorted(lines)


def _joined(lines: list[str]) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _member(table: str) -> str:
    return f"tables/{table}.jsonl"


def _row_count(manifest: dict) -> int:
    return sum(entry["rows"] for entry in manifest["tables"].values())


def _write_zip(path: Path, manifest: dict, tables: dict[str, list[str]]) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written backup."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".backup-", suffix=".zip", dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            for name, lines in tables.items():
                archive.writestr(_member(name), _joined(lines))
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _codec(column_type: sa.types.TypeEngine) -> Codec:
    """How a column's values become JSON and back, chosen by the column's Python type."""
    try:
        python_type = column_type.python_type
    except NotImplementedError:
        python_type = object
    if issubclass(python_type, bytes):
        return (lambda v: base64.b64encode(v).decode("ascii"), base64.b64decode)
    if issubclass(python_type, datetime):  # before date: a datetime is a date
        return (datetime.isoformat, datetime.fromisoformat)
    if issubclass(python_type, date):
        return (date.isoformat, date.fromisoformat)
    if issubclass(python_type, Decimal):
        return (str, Decimal)
    return (_same, _same)


def _same(value: Any) -> Any:
    return value


# --- checking -----------------------------------------------------------------------------


def alembic_config() -> Config:
    """This version's migrations, configured in code as in repository.migrate."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _refused(path: Path, message: str) -> ImportFailed:
    return ImportFailed([file_problem(path, message)])


def _damaged(path: Path, reason: str) -> ImportFailed:
    return _refused(path, t.BACKUP_DAMAGED.format(file=path.name, reason=reason))


def _checked(path: Path) -> tuple[dict, dict[str, list[list]]]:
    """The manifest and every table's rows (JSON values), after every check passed."""
    if not path.is_file():
        raise _refused(path, t.BACKUP_NOT_FOUND.format(file=path))
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(path, archive)
            data = {name: _rows(path, archive, name, entry)
                    for name, entry in manifest["tables"].items()}
    except (zipfile.BadZipFile, OSError, EOFError):
        raise _damaged(path, t.BACKUP_REASON_ZIP) from None
    return manifest, data


def _manifest(path: Path, archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError):
        raise _damaged(path, t.BACKUP_REASON_MANIFEST) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refused(path, t.BACKUP_FOREIGN.format(file=path.name))
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise _refused(path, t.BACKUP_NEWER_FORMAT.format(
            file=path.name, version=version, known=FORMAT_VERSION))
    revisions = manifest.get("schema_revisions")
    if not isinstance(revisions, list) or not revisions:
        raise _damaged(path, t.BACKUP_REASON_MANIFEST)
    unknown = _unknown_revisions(revisions)
    if unknown:
        raise _refused(path, t.BACKUP_NEWER_SCHEMA.format(
            file=path.name, revisions=", ".join(map(str, unknown))))
    if not isinstance(manifest.get("tables"), dict) or "created_at" not in manifest:
        raise _damaged(path, t.BACKUP_REASON_MANIFEST)
    return manifest


def _unknown_revisions(revisions: list) -> list:
    """Revisions this version's migrations do not contain (i.e. newer ones)."""
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    return [revision for revision in revisions if revision not in known]


def _rows(path: Path, archive: zipfile.ZipFile, table: str, entry: Any) -> list[list]:
    """One table's rows, checked against the manifest's checksum, count and columns."""
    try:
        content = archive.read(entry["file"])
        columns, expected = len(entry["columns"]), entry["rows"]
    except (KeyError, TypeError):
        raise _damaged(path, t.BACKUP_REASON_MISSING.format(table=table)) from None
    if hashlib.sha256(content).hexdigest() != entry.get("sha256"):
        raise _damaged(path, t.BACKUP_REASON_CHECKSUM.format(table=table))
    lines = content.decode("utf-8").splitlines()
    if len(lines) != expected:
        raise _damaged(path, t.BACKUP_REASON_ROWS.format(
            table=table, found=len(lines), expected=expected))
    rows = []
    for number, line in enumerate(lines, 1):
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if not isinstance(row, list) or len(row) != columns:
            raise _damaged(path, t.BACKUP_REASON_ROW.format(table=table, row=number))
        rows.append(row)
    return rows


# --- restoring ----------------------------------------------------------------------------


def _data_version(conn: sa.Connection) -> int:
    """The data version, 0 when the database has no meta table (yet)."""
    if not sa.inspect(conn).has_table(schema.meta.name):
        return 0
    value = conn.scalar(sa.select(schema.meta.c.value)
                        .where(schema.meta.c.key == schema.DATA_VERSION_KEY))
    return int(value or 0)


def _reflected(conn: sa.Connection, keep: Callable[[str], bool]) -> sa.MetaData:
    reflected = sa.MetaData()
    reflected.reflect(bind=conn, only=lambda name, _: keep(name))
    return reflected


def _drop_app_tables(conn: sa.Connection, backed_up: set[str]) -> set[str]:
    """Drop the app's tables (this version's, the backup's, alembic_version), children
    first; return the names of the tables left standing, which are not the app's (a
    PostgreSQL schema may be shared)."""
    ours = backed_up | {table.name for table in schema.metadata.tables.values()}
    ours.add(ALEMBIC_TABLE)
    _reflected(conn, ours.__contains__).drop_all(bind=conn)
    return set(sa.inspect(conn).get_table_names())


def _load_tables(conn: sa.Connection, path: Path, manifest: dict,
                 data: dict[str, list[list]], others: set[str]) -> None:
    """Insert every table's rows into the schema built at the backup's revision."""
    built = _reflected(conn, lambda name: name not in others and name != ALEMBIC_TABLE)
    tables = {table.name: table for table in built.sorted_tables}
    for name in set(tables) ^ set(data):
        reason = t.BACKUP_REASON_MISSING if name in tables else t.BACKUP_REASON_UNEXPECTED
        raise _damaged(path, reason.format(table=name))
    for table in tables.values():
        columns = manifest["tables"][table.name]["columns"]
        decoders = [_codec(table.c[column].type)[1] for column in columns]
        conn.execute(sa.delete(table))  # rows a migration put in (meta's data_version)
        for batch in _batches(data[table.name]):
            conn.execute(sa.insert(table), [
                {column: (decode(value) if value is not None else None)
                 for column, decode, value in zip(columns, decoders, row)}
                for row in batch
            ])
        reset_sequences(conn, table)


def _batches(rows: list[list]) -> Iterator[list[list]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def reset_sequences(conn: sa.Connection, table: sa.Table) -> None:
    """PostgreSQL: serial/identity keys continue after the restored ids (no such key today;
    an audit log will likely have one)."""
    if conn.dialect.name != "postgresql":
        return
    for column in table.primary_key.columns:
        if isinstance(column.type, sa.Integer):
            conn.execute(sa.text(
                "SELECT setval(pg_get_serial_sequence(:table, :column), max_id) "
                f"FROM (SELECT max({conn.dialect.identifier_preparer.quote(column.name)}) "
                f"AS max_id FROM {conn.dialect.identifier_preparer.quote(table.name)}) m "
                "WHERE max_id IS NOT NULL"
            ), {"table": table.name, "column": column.name})
