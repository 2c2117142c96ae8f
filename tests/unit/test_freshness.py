"""Freshness: the cut-off of the Prüfliste and the snapshot's `stale` column."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from services import freshness
from services.snapshot import load_snapshot
from services.storage import Repository, create_engine_for, migrate
from tests.factories import sparse_offer


@pytest.mark.parametrize(("today", "months", "expected"), [
    (date(2026, 11, 28), 12, date(2025, 11, 28)),
    (date(2024, 3, 31), 1, date(2024, 2, 29)),
    (date(2024, 2, 29), 12, date(2023, 2, 28)),
    (date(2026, 1, 15), 3, date(2025, 10, 15)),
])
def test_the_cutoff_is_months_back_clamped_to_the_month(today, months, expected):
    assert freshness.cutoff(today, months) == expected


def test_never_verified_and_old_checks_are_stale():
    days = pd.Series([None, date(2025, 11, 27), date(2025, 11, 28)], dtype=object)
    assert freshness.stale_mask(days, date(2026, 11, 28), 12).tolist() == [True, True, False]


def test_the_snapshot_flags_stale_offers_by_the_configured_months(tmp_path, monkeypatch):
    engine: sa.Engine = create_engine_for(f"sqlite:///{tmp_path / 'f.db'}")
    migrate(engine)
    repo = Repository(engine)
    repo.upsert_offers([sparse_offer(id="a", last_verified=date(2026, 6, 1)),
                        sparse_offer(id="b")])
    monkeypatch.setenv("QA_STALE_MONTHS", "12")
    frame = load_snapshot(repo, today=date(2026, 11, 28)).offers
    assert dict(zip(frame["id"], frame[freshness.STALE_COLUMN])) == {"a": False, "b": True}
    monkeypatch.setenv("QA_STALE_MONTHS", "3")
    frame = load_snapshot(repo, today=date(2026, 11, 28)).offers
    assert dict(zip(frame["id"], frame[freshness.STALE_COLUMN])) == {"a": True, "b": True}


def test_the_stale_note_names_the_last_check_or_says_never():
    assert freshness.stale_note(date(2025, 1, 16)) == "nicht mehr geprüft seit 16.01.2025"
    assert freshness.stale_note(None) == "noch nie geprüft"


def test_the_snapshot_tells_whether_one_offer_is_stale(tmp_path, monkeypatch):
    engine: sa.Engine = create_engine_for(f"sqlite:///{tmp_path / 'f.db'}")
    migrate(engine)
    repo = Repository(engine)
    repo.upsert_offers([sparse_offer(id="a", last_verified=date(2026, 6, 1)),
                        sparse_offer(id="b", last_verified=date(2025, 6, 1))])
    monkeypatch.setenv("QA_STALE_MONTHS", "12")
    snap = load_snapshot(repo, today=date(2026, 11, 28))
    assert (snap.is_stale("a"), snap.is_stale("b"), snap.is_stale("gibt-es-nicht")) == (
        False, True, False)
