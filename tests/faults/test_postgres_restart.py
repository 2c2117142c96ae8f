"""PostgreSQL stopped and started under a running app: a German error while it is down,
and the same repository object works again once it is back (no reload, no restart)."""

from __future__ import annotations

import pytest

from services import importer
from services.storage.errors import DatabaseUnavailable
from tests.faults.pgcluster import Cluster, own_cluster  # noqa: F401  (fixture)
from tests.unit.io.helpers import city_layer


def test_the_repository_recovers_after_a_server_restart(own_cluster: Cluster, monkeypatch):  # noqa: F811
    monkeypatch.setenv("DATABASE_URL", own_cluster.url + "?application_name=restart")
    repo = importer.shared_repository()
    repo.replace_districts(city_layer(), {}, {})
    version = repo.data_version()
    own_cluster.stop()
    try:
        with pytest.raises(DatabaseUnavailable) as down:
            repo.data_version()
        assert down.value.message.startswith("Die Datenbank ist gerade nicht erreichbar")
        with pytest.raises(DatabaseUnavailable):
            repo.upsert_offers([])
    finally:
        own_cluster.start()
    assert importer.shared_repository() is repo
    assert repo.data_version() == version  # the failed write changed nothing
    assert list(repo.districts()["id"]) == ["A1", "B2", "C3"]


def test_the_app_starts_once_the_server_is_back(own_cluster: Cluster, monkeypatch):  # noqa: F811
    monkeypatch.setenv("DATABASE_URL", own_cluster.url + "?application_name=start")
    own_cluster.stop()
    try:
        with pytest.raises(DatabaseUnavailable):
            importer.shared_repository()
    finally:
        own_cluster.start()
    assert importer.shared_repository().data_version() >= 0
