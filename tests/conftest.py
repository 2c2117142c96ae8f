"""Markers by place and fixture, so that `pytest -m "not browser"` gives a fast loop.

- tests/e2e/*: `browser`
- any test using the PostgreSQL server (the `postgres_url` fixture, directly or through
  the parametrized `engine`): `postgres`
"""

from __future__ import annotations

import pytest

from tests.browser import browser, page, pytest_runtest_makereport  # noqa: F401  (fixtures, hook)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.browser)
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "postgres_url" in getattr(item, "fixturenames", ()) or params.get("engine") == "postgresql":
            item.add_marker(pytest.mark.postgres)
