"""The fault suite (marker `faults`): concurrent imports, killed imports, read-only and full
databases, a PostgreSQL server stopped under a running app, and every hostile example file
of issue 7. Storage faults run on SQLite and PostgreSQL (tests/db_fixtures.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from services.config import PROJECT_ROOT
from services.storage import Repository, migrate
from tests.db_fixtures import engine, postgres_url  # noqa: F401  (pytest finds them here)

FAULTS_DIR = Path(__file__).parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "faults: fault injection: concurrent imports, killed processes, stopped servers"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if FAULTS_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.faults)


@pytest.fixture
def repo(engine: sa.Engine) -> Repository:  # noqa: F811
    migrate(engine)
    return Repository(engine)


@pytest.fixture
def database_url(engine: sa.Engine) -> str:  # noqa: F811
    """The URL of the parametrized test database (PostgreSQL: with its own schema)."""
    return engine.url.render_as_string(hide_password=False)


CliRun = Callable[..., subprocess.CompletedProcess]


def cli_env(database_url: str, **extra: str) -> dict[str, str]:
    return os.environ | {"DATABASE_URL": database_url, "PYTHONIOENCODING": "utf-8"} | extra


def start_cli(database_url: str, *args: object, **env: str) -> subprocess.Popen:
    """`python -m services.cli ARGS` as people run it, in the background."""
    return subprocess.Popen(
        [sys.executable, "-m", "services.cli", *map(str, args)], cwd=PROJECT_ROOT,
        env=cli_env(database_url, **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8",
    )


def run_cli(database_url: str, *args: object, **env: str) -> subprocess.CompletedProcess:
    """The CLI run to its end."""
    process = start_cli(database_url, *args, **env)
    stdout, stderr = process.communicate(timeout=180)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.fixture
def cli(database_url: str) -> CliRun:
    """Run the CLI on the test database; extra env vars as keyword arguments."""
    return lambda *args, **env: run_cli(database_url, *args, **env)
