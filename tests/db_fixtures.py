"""Database fixtures: an empty database per test, on SQLite and on PostgreSQL.

Import `engine` (and with it `postgres_url`) into a conftest. PostgreSQL comes from
QA_TEST_POSTGRES_URL (CI runs scripts/start_test_postgres.sh) or else from a throwaway
server started here with the installed PostgreSQL binaries. When neither is possible the
PostgreSQL tests fail: a silently skipped backend would hide exactly the differences
these tests exist to catch. Each PostgreSQL test gets its own schema (via search_path),
which needs only CREATE rights on the database and is quick to drop.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest
import sqlalchemy as sa

from services.storage import create_engine_for

POSTGRES_URL_ENV = "QA_TEST_POSTGRES_URL"
POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"
# Speed over durability: the data dies with the test run anyway.
SERVER_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of a PostgreSQL database the tests may create schemas in."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if url:
        yield url
        return
    bindir = _find_bindir()
    if bindir is None:
        pytest.fail(
            f"The PostgreSQL tests need a server: set {POSTGRES_URL_ENV} "
            "(scripts/start_test_postgres.sh prints it) or install PostgreSQL so that "
            f"initdb and pg_ctl exist under {POSTGRES_BIN_GLOB}."
        )
    with _throwaway_server(bindir) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """An engine on a fresh, empty (unmigrated) database of the parametrized backend."""
    with fresh_engine(request.param, request, tmp_path / "quartiersatlas.db") as engine:
        yield engine


@contextmanager
def fresh_engine(
    backend: str, request: pytest.FixtureRequest, sqlite_path: Path
) -> Iterator[sa.Engine]:
    """An engine on a new, empty database of `backend` ("sqlite" or "postgresql").

    Tests that need a second database (a restore target) call it beside `engine`.
    """
    if backend == "sqlite":
        database = nullcontext(f"sqlite:///{sqlite_path}")
    else:
        database = fresh_schema(request.getfixturevalue("postgres_url"))
    with database as url:
        engine = create_engine_for(url)
        try:
            yield engine
        finally:
            engine.dispose()


@contextmanager
def fresh_schema(base_url: str) -> Iterator[str]:
    """A new schema for one test; the URL puts it first on the search_path."""
    schema = f"qa_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        url = sa.make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    finally:
        admin.dispose()


def _find_bindir() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian layout), if any."""
    candidates = [
        p.parent for p in Path("/").glob(POSTGRES_BIN_GLOB.lstrip("/") + "/initdb")
    ]
    candidates = [p for p in candidates if (p / "pg_ctl").exists()]
    return max(candidates, key=_version, default=None)


def _version(bindir: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in bindir.parent.name.split(".") if part.isdigit())


@contextmanager
def _throwaway_server(bindir: Path) -> Iterator[str]:
    """initdb into a temp dir, start on a free 127.0.0.1 port, remove it all afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="qa-test-postgres-"))
    run_as = _unprivileged_prefix(workdir)
    datadir, log, port = workdir / "data", workdir / "server.log", _free_port()
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {workdir}"
    options += "".join(f" -c {s}" for s in SERVER_SETTINGS)
    try:
        _run([*run_as, bindir / "initdb", "-D", datadir, "-U", "qa", "--auth=trust",
              "--encoding=UTF8", "--no-locale"])  # fmt: skip
        _run([*run_as, bindir / "pg_ctl", "start", "-w", "-D", datadir, "-l", log,
              "-o", options], log)  # fmt: skip
        try:
            yield f"postgresql+psycopg://qa@127.0.0.1:{port}/postgres"
        finally:
            _run([*run_as, bindir / "pg_ctl", "stop", "-m", "fast", "-w", "-D", datadir])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _unprivileged_prefix(workdir: Path) -> list[str]:
    """PostgreSQL refuses to run as root; as root, run it as the `postgres` user."""
    if os.geteuid() != 0:
        return []
    try:
        shutil.chown(workdir, user="postgres", group="postgres")
    except LookupError:
        pytest.fail("running as root, but there is no `postgres` user to run the server")
    return ["runuser", "-u", "postgres", "--"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(command: list[object], log: Path | None = None) -> None:
    """Run a server tool; on failure, fail the tests with its output and the server log."""
    result = subprocess.run(list(map(str, command)), capture_output=True, text=True)
    if result.returncode != 0:
        details = log.read_text() if log is not None and log.is_file() else ""
        pytest.fail(f"{' '.join(map(str, command))} failed:\n"
                    f"{result.stdout}{result.stderr}{details}")  # fmt: skip
