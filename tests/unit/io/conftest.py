"""Fixtures of the import tests: a migrated SQLite repository in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.storage.repository import Repository, create_engine_for, migrate
from tests.unit.io.helpers import layer


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'qa.db'}"


@pytest.fixture
def repo(db_url: str) -> Repository:
    engine = create_engine_for(db_url)
    migrate(engine)
    yield Repository(engine)
    engine.dispose()


@pytest.fixture
def districted(repo: Repository) -> Repository:
    """A repository holding the three test squares A1, B2, C3."""
    repo.replace_districts(layer(), {}, {})
    return repo


# The subprocess runner of test_cli.py, for the exchange commands' tests too.
from tests.unit.io.test_cli import cli  # noqa: E402, F401
