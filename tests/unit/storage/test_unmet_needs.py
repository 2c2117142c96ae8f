"""Unmet needs in the database, on SQLite and PostgreSQL: round trip, periods, counts."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from services.storage import Repository, migrate
from services.storage.errors import DatabaseError
from services.unmet_need import NeedCount, UnmetNeed, UnmetNeedRefused
from tests.unit.storage.test_repository import layer


@pytest.fixture
def repo(engine: sa.Engine) -> Repository:
    migrate(engine)
    return Repository(engine)


def need(id: str, day: date, **changes) -> UnmetNeed:
    values = dict(
        id=id, reported_on=day, office_id="qb-feuerbach", district_id="42",
        age_groups=("3-5", "10-13"), needs=("lernen", "sprache"), languages=("ar", "de"),
        missing=("zu_weit", "sprache"), note="Kita-Platz ab 7 Uhr", is_demo=False,
    )  # fmt: skip
    return UnmetNeed(**(values | changes))


def test_round_trip_keeps_every_field(repo: Repository):
    records = [
        need("a", date(2026, 11, 3)),
        need("b", date(2026, 10, 31), district_id=None, age_groups=(), languages=(),
             needs=("notlagen",), missing=("kein_angebot",), note="", is_demo=True),
    ]  # fmt: skip
    for record in records:
        repo.add_unmet_need(record)
    assert repo.unmet_needs() == [records[1], records[0]]  # oldest first


def test_listing_by_period_and_office(repo: Repository):
    for record in (
        need("oct-end", date(2026, 10, 31)),
        need("nov-first", date(2026, 11, 1)),
        need("nov-last", date(2026, 11, 30)),
        need("dec", date(2026, 12, 1)),
        need("other-office", date(2026, 11, 15), office_id="qb-morian"),
    ):
        repo.add_unmet_need(record)
    november = repo.unmet_needs(date(2026, 11, 1), date(2026, 11, 30))
    assert [n.id for n in november] == ["nov-first", "other-office", "nov-last"]
    mine = repo.unmet_needs(date(2026, 11, 1), date(2026, 11, 30), office_id="qb-feuerbach")
    assert [n.id for n in mine] == ["nov-first", "nov-last"]
    assert [n.id for n in repo.unmet_needs(end=date(2026, 10, 31))] == ["oct-end"]
    assert len(repo.unmet_needs(start=date(2026, 11, 15))) == 3


def test_counts_per_district_and_need(repo: Repository):
    repo.add_unmet_need(need("1", date(2026, 11, 2)))
    repo.add_unmet_need(need("2", date(2026, 11, 3), needs=("lernen",)))
    repo.add_unmet_need(need("3", date(2026, 11, 4), district_id="11", needs=("sprache",)))
    repo.add_unmet_need(need("4", date(2026, 11, 5), district_id=None, needs=("lernen",)))
    repo.add_unmet_need(need("old", date(2025, 1, 5), needs=("gesundheit",)))
    assert repo.unmet_need_counts(start=date(2026, 11, 1)) == [
        NeedCount("11", "sprache", 1),
        NeedCount("42", "lernen", 2),
        NeedCount("42", "sprache", 1),
        NeedCount(None, "lernen", 1),
    ]
    assert NeedCount("42", "gesundheit", 1) in repo.unmet_need_counts()
    assert repo.unmet_need_counts(end=date(2024, 12, 31)) == []
    repo.add_unmet_need(need("demo", date(2026, 11, 6), needs=("lernen",), is_demo=True))
    assert repo.unmet_need_counts(start=date(2026, 11, 1), only_demo=True) == [
        NeedCount("42", "lernen", 1)]  # the invented ones, which the map layer labels
    assert NeedCount("42", "lernen", 3) in repo.unmet_need_counts(start=date(2026, 11, 1))


def test_a_record_with_an_address_in_the_note_is_refused(repo: Repository):
    with pytest.raises(UnmetNeedRefused, match="Anschrift"):
        repo.add_unmet_need(need("x", date(2026, 11, 3), note="wohnt Feuerbachstraße 13"))
    assert repo.unmet_needs() == []


def test_reporting_does_not_invalidate_the_cached_snapshot(repo: Repository):
    version = repo.data_version()
    repo.add_unmet_need(need("a", date(2026, 11, 3)))
    assert repo.data_version() == version


def test_replace_all_replaces_unmet_needs_and_clear_removes_them(repo: Repository):
    repo.add_unmet_need(need("real", date(2026, 11, 3)))
    demo = [need("demo-1", date(2026, 9, 1), is_demo=True)]
    repo.replace_all(layer("42"), [], [], [], demo)
    assert repo.unmet_needs() == demo
    with pytest.raises(ValueError, match="more than once"):
        repo.replace_all(layer("42"), [], [], [], demo * 2)
    assert repo.unmet_needs() == demo  # the failed reload changed nothing
    repo.clear()
    assert repo.unmet_needs() == []


def test_one_id_cannot_be_stored_twice(repo: Repository):
    repo.add_unmet_need(need("a", date(2026, 11, 3)))
    with pytest.raises(DatabaseError):  # the German fault of services/storage/errors.py
        repo.add_unmet_need(need("a", date(2026, 11, 4)))
    assert len(repo.unmet_needs()) == 1
