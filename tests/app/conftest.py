"""Shared AppTest fixtures: one embedded demo database per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory, request) -> Iterator[pytest.MonkeyPatch]:
    """The embedded default database in a folder of the module's own (the app creates and
    seeds it on first start), no DATABASE_URL and no tile server."""
    data_dir = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DATABASE_URL", raising=False)
        patch.delenv("QA_TILES_URL", raising=False)
        patch.setenv("QA_DATA_DIR", str(data_dir))
        yield patch


@pytest.fixture(scope="module")
def demo_accounts(demo_env) -> None:
    """The module's demo database with one built-in account per role (`nur-<role>`)."""
    from tests.app.accounts import create_accounts

    create_accounts()
