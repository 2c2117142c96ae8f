"""Scenario storage on SQLite and PostgreSQL: round trip, replace, delete, separation."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from services.scenario import HypotheticalOffer, Scenario
from services.storage import Repository, migrate, schema

NOON = datetime(2026, 11, 28, 12, 0, 0)


@pytest.fixture
def repo(engine: sa.Engine) -> Repository:
    migrate(engine)
    return Repository(engine)


def hypothetical(name: str = "Lerncafé „Ost“; Test", **changes) -> HypotheticalOffer:
    values = dict(name=name, needs=("sprache", "lernen"), lat=51.5212345678, lon=6.9412345678,
                  min_age=6.5, max_age=13.0, audience=("kinder", "eltern"))  # fmt: skip
    return HypotheticalOffer(**(values | changes))


def test_round_trip_keeps_every_field_and_the_order(repo: Repository):
    scenario = Scenario("Zwei neue Lernorte", (hypothetical(), hypothetical("B", min_age=None,
                        max_age=None, needs=("teilhabe",))), "für den Ausschuss")  # fmt: skip
    stored = repo.scenarios.save(scenario, now=NOON)
    assert stored.id and stored.created == NOON
    assert repo.scenarios.get(stored.id) == stored
    assert repo.scenarios.get("missing") is None


def test_list_counts_offers_newest_first(repo: Repository):
    repo.scenarios.save(Scenario("Alt", (hypothetical(),)), now=NOON)
    later = NOON + timedelta(days=1)
    repo.scenarios.save(Scenario("Neu", (hypothetical(), hypothetical("Zwei"))), now=later)
    repo.scenarios.save(Scenario("Leer"), now=later)
    listed = repo.scenarios.list()
    assert [(s.name, s.offers) for s in listed] == [("Leer", 0), ("Neu", 2), ("Alt", 1)]
    assert listed[0].created == later


def test_saving_again_replaces_the_offers(repo: Repository):
    stored = repo.scenarios.save(Scenario("S", (hypothetical(), hypothetical("Zwei"))), now=NOON)
    again = repo.scenarios.save(Scenario("S umbenannt", (hypothetical("Drei"),), id=stored.id,
                                         created=stored.created))  # fmt: skip
    reopened = repo.scenarios.get(stored.id)
    assert reopened == again and [o.name for o in reopened.offers] == ["Drei"]
    assert len(repo.scenarios.list()) == 1


def test_delete_removes_the_offers_too(repo: Repository, engine: sa.Engine):
    stored = repo.scenarios.save(Scenario("S", (hypothetical(),)))
    assert repo.scenarios.delete(stored.id)
    assert not repo.scenarios.delete(stored.id)
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(schema.scenario_offers)) == 0


def test_scenarios_never_touch_offers_or_the_data_version(repo: Repository):
    version = repo.data_version()
    stored = repo.scenarios.save(Scenario("S", (hypothetical(),)))
    assert repo.offers() == [] and repo.is_empty()
    assert repo.data_version() == version
    repo.clear()  # a full reload of the data keeps the planning work
    assert repo.scenarios.get(stored.id) is not None


def test_an_aware_time_is_stored_as_utc(repo: Repository):
    berlin = timezone(timedelta(hours=1))
    stored = repo.scenarios.save(Scenario("S"), now=datetime(2026, 11, 28, 13, 0, 0, 999, berlin))
    assert repo.scenarios.get(stored.id).created == NOON


def test_a_bad_scenario_is_not_saved(repo: Repository):
    with pytest.raises(ValueError, match="Bedarf"):
        repo.scenarios.save(Scenario("S", (hypothetical(needs=()),)))
    assert repo.scenarios.list() == []
