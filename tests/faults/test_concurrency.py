"""Imports against each other: one writer at a time, derived districts always true.

Runs on SQLite (WAL, BEGIN IMMEDIATE) and PostgreSQL (advisory lock) alike.
"""

from __future__ import annotations

import threading
import time

import sqlalchemy as sa

from services import importer
from services.geo import assign_districts
from services.storage import Repository, create_engine_for, migrate
from tests.faults.conftest import start_cli
from tests.faults.files import offer_records, offers_csv
from tests.unit.io.helpers import OFFER_HEADER, SIDE, centre, city_layer, csv_text, offer_row, write_text


def hold_write_lock(repo: Repository, work=lambda tx: None):
    """Start a thread that takes the write lock, runs `work` inside, and holds on until
    the returned event is set; returns (thread, release event)."""
    holding, release = threading.Event(), threading.Event()

    def run() -> None:
        with repo.writing() as tx:
            work(tx)
            holding.set()
            release.wait(60)

    thread = threading.Thread(target=run)
    thread.start()
    assert holding.wait(60)
    return thread, release


def test_an_import_waits_for_a_running_swap_and_locates_in_the_new_layer(repo, tmp_path):
    repo.replace_districts(city_layer(), {}, {})
    near_border = centre(0, dx=SIDE / 2 - 100)  # in A1, 100 m west of B2
    path = write_text(tmp_path / "o.csv", csv_text(OFFER_HEADER, [offer_row(1, *near_border)]))
    moved = city_layer(shift=-200)  # every border 200 m west: the offer is now in B2
    swap, release = hold_write_lock(repo, lambda tx: tx.replace_districts(moved, {}, {}))
    results = []
    offers = threading.Thread(target=lambda: results.append(importer.import_offers(repo, path)))
    offers.start()
    time.sleep(1)  # let the import reach the lock (the outcome must not depend on it)
    assert results == []  # still waiting for the swap
    release.set()
    swap.join()
    offers.join(60)
    assert results[0].count == 1
    assert repo.get_offer("o1").district_id == "B2"


def test_concurrent_cli_imports_both_succeed_and_agree(repo, database_url, tmp_path):
    """An offers import and a district swap started together (the probe of issue 7)."""
    repo.replace_districts(city_layer(), {}, {})
    offers = offers_csv(tmp_path / "angebote.csv", 3_000)
    moved = tmp_path / "bezirke.geojson"
    city_layer(shift=-700).to_file(moved, driver="GeoJSON")
    runs = [start_cli(database_url, "import", "offers", offers),
            start_cli(database_url, "import", "districts", moved)]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    stored = repo.offers()
    assert len(stored) == 3_000
    expected = assign_districts([o.lat for o in stored], [o.lon for o in stored], repo.districts())
    assert [o.district_id for o in stored] == expected


def test_a_writer_that_waits_too_long_gets_a_german_message(repo, database_url, tmp_path):
    repo.replace_districts(city_layer(), {}, {})
    version = repo.data_version()
    offers = offers_csv(tmp_path / "angebote.csv", 10)
    holder, release = hold_write_lock(repo)
    try:
        run = start_cli(database_url, "import", "offers", offers, QA_DB_WRITE_WAIT_SECONDS="1")
        stdout, stderr = run.communicate(timeout=120)
    finally:
        release.set()
        holder.join()
    assert (run.returncode, stdout) == (3, "")
    assert stderr.startswith("Datenbankfehler: Die Datenbank ist durch eine andere Änderung "
                             "(z. B. einen laufenden Import) belegt; nach 1 Sekunde Warten")
    assert repo.data_version() == version + 1  # only the holder's (empty) write
    assert repo.offers() == []


def test_the_apps_sqlite_database_runs_in_wal_mode(tmp_path):
    """WAL is what lets visitors read while an import writes; a rollback journal would
    make them wait for (or fail on) every large write."""
    engine = create_engine_for(f"sqlite:///{tmp_path / 'quartiersatlas.db'}")
    try:
        migrate(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_readers_read_the_last_committed_data_while_a_write_is_open(engine, repo, tmp_path):
    """The held write is large enough to leave SQLite's page cache (a tiny cache_size
    forces it): without WAL the writer would then hold the exclusive lock and readers
    would wait for it instead of reading."""
    importer.import_offers(repo, offers_csv(tmp_path / "angebote.csv", 50))
    version = repo.data_version()
    replacement = offer_records(5_000)
    if engine.dialect.name == "sqlite":
        engine.dispose()  # new connections get the tiny page cache
        sa.event.listen(engine, "connect",
                        lambda conn, _record: conn.execute("PRAGMA cache_size = 10"))
    holder, release = hold_write_lock(repo, lambda tx: (tx.clear(), tx.upsert_offers(replacement)))
    try:
        assert len(repo.offers()) == 50 and repo.data_version() == version
    finally:
        release.set()
        holder.join()
    assert len(repo.offers()) == 5_000 and repo.data_version() == version + 1
