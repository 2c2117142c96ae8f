"""Read-only, full and unreachable databases: a German message, exit 3, nothing changed,
and never SQL or row data on the screen."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from services import importer
from services.storage import Repository, create_engine_for, migrate
from services.storage.errors import DiskFull
from tests.faults.conftest import CliRun, run_cli
from tests.faults.files import offer_records, offers_csv
from tests.unit.io.helpers import city_layer


@contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    """Make a file read-only; as root (CI) chmod does not stop writes, `chattr +i` does."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", path], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", path], check=True)
    else:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)


def assert_no_internals(stderr: str) -> None:
    for internal in ("INSERT", "SELECT", "[SQL", "sqlalchemy", "sqlite3", "psycopg", "Traceback"):
        assert internal not in stderr


def seeded(repo: Repository, tmp_path: Path) -> tuple[int, int]:
    repo.replace_districts(city_layer(), {}, {})
    importer.import_offers(repo, offers_csv(tmp_path / "alt.csv", 30))
    return repo.data_version(), len(repo.offers())


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_read_only_sqlite_file_reads_but_refuses_imports(repo, engine, cli: CliRun, tmp_path):
    before = seeded(repo, tmp_path)
    engine.dispose()
    database = Path(engine.url.database)
    with read_only_file(database):
        done = cli("import", "offers", offers_csv(tmp_path / "neu.csv", 5, prefix="neu"))
        exported = cli("export", "offers", tmp_path / "export.csv")
        reading = create_engine_for(engine.url.render_as_string(False))
        migrate(reading)  # up to date: only reads, so a read-only database still opens
        assert (Repository(reading).data_version(), len(Repository(reading).offers())) == before
        reading.dispose()
    assert done.returncode == 3 and done.stdout == ""
    assert done.stderr.startswith("Datenbankfehler: Die Datenbank ist schreibgeschützt")
    assert_no_internals(done.stderr)
    assert exported.returncode == 0
    assert (repo.data_version(), len(repo.offers())) == before


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_read_only_postgres_refuses_imports(repo, database_url, tmp_path):
    before = seeded(repo, tmp_path)
    url = sa.make_url(database_url)
    options = url.query["options"] + " -cdefault_transaction_read_only=on"
    read_only = url.update_query_dict({"options": options}).render_as_string(False)
    done = run_cli(read_only, "import", "offers",
                          offers_csv(tmp_path / "neu.csv", 5, prefix="neu"))
    assert done.returncode == 3
    assert done.stderr.startswith("Datenbankfehler: Die Datenbank ist schreibgeschützt")
    assert_no_internals(done.stderr)
    assert (repo.data_version(), len(repo.offers())) == before


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_full_disk_is_a_german_error_and_changes_nothing(repo, engine, tmp_path):
    before = seeded(repo, tmp_path)
    pages = repo_pages(engine)

    @sa.event.listens_for(engine, "connect")
    def _small_disk(dbapi_connection, _record) -> None:  # SQLite's own "disk is full"
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    engine.dispose()
    with pytest.raises(DiskFull) as full:
        repo.upsert_offers(offer_records(5_000))
    assert full.value.message.startswith("Der Speicherplatz der Datenbank ist voll")
    assert (repo.data_version(), len(repo.offers())) == before


def repo_pages(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA page_count").scalar())


def test_unreachable_server_is_a_german_error(tmp_path):
    url = "postgresql+psycopg://qa:qa@127.0.0.1:1/nichts"  # nothing listens on port 1
    done = run_cli(url, "import", "offers", offers_csv(tmp_path / "o.csv", 3))
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr.startswith("Datenbankfehler: Die Datenbank ist gerade nicht erreichbar")
    assert_no_internals(done.stderr)
