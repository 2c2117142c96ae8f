"""Fixtures of the analysis tests: the tiny city and the demo data (read once)."""

from __future__ import annotations

import pytest

from services.snapshot import Snapshot
from tests.unit.analysis.city import demo_snapshot, tiny_city


@pytest.fixture
def city() -> Snapshot:
    return tiny_city()


@pytest.fixture(scope="session")
def demo() -> Snapshot:
    return demo_snapshot()
