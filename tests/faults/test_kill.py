"""kill -9 in the middle of a large import: the database is unchanged and usable."""

from __future__ import annotations

import signal
import sqlite3
import time

import sqlalchemy as sa

from services import importer
from services.storage import Repository
from services.storage.repository import write_lock_key
from tests.faults.conftest import start_cli
from tests.faults.files import offers_csv
from tests.unit.io.helpers import city_layer


def write_lock_held(engine: sa.Engine) -> bool:
    """True while another connection holds the database's write lock (asks without waiting)."""
    if engine.dialect.name == "sqlite":
        probe = sqlite3.connect(engine.url.database, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
    with engine.begin() as conn:
        return not conn.scalar(sa.select(sa.func.pg_try_advisory_xact_lock(*write_lock_key())))


def wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


def test_killed_import_leaves_the_database_unchanged_and_usable(repo, engine, database_url,
                                                                tmp_path):
    repo.replace_districts(city_layer(), {}, {})
    importer.import_offers(repo, offers_csv(tmp_path / "alt.csv", 100, prefix="alt"))
    before = (repo.data_version(), [o.id for o in repo.offers()])
    big = offers_csv(tmp_path / "gross.csv", 30_000)
    run = start_cli(database_url, "import", "offers", big)
    try:
        wait_for(lambda: write_lock_held(engine) or run.poll() is not None)
        time.sleep(0.3)  # into the writing
        assert run.poll() is None, "the import ended before it could be killed"
        run.send_signal(signal.SIGKILL)
    finally:
        run.communicate(timeout=60)
    assert run.returncode == -signal.SIGKILL
    wait_for(lambda: not write_lock_held(engine))  # PostgreSQL notices the dead client
    assert (repo.data_version(), [o.id for o in repo.offers()]) == before
    again = importer.import_offers(Repository(engine), offers_csv(tmp_path / "neu.csv", 20))
    assert again.count == 20 and len(repo.offers()) == 120


def test_ctrl_c_during_an_import_is_a_german_message_and_changes_nothing(repo, engine,
                                                                         database_url, tmp_path):
    repo.replace_districts(city_layer(), {}, {})
    version = repo.data_version()
    run = start_cli(database_url, "import", "offers", offers_csv(tmp_path / "o.csv", 30_000))
    try:
        wait_for(lambda: write_lock_held(engine) or run.poll() is not None)
        assert run.poll() is None, "the import ended before it could be interrupted"
        run.send_signal(signal.SIGINT)
    finally:
        _, stderr = run.communicate(timeout=60)
    assert (run.returncode, stderr) == (130, "Abgebrochen; die Datenbank wurde nicht verändert.\n")
    assert repo.data_version() == version and repo.offers() == []
