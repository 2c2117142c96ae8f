"""The analyses on a database without offers or without indicator values: figures say
"nothing there" instead of failing (a new production database starts like this)."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.analysis.profiles import district_profile
from services.analysis.status_dynamics import status_dynamics
from services.analysis.supply import SupplyOptions, analyse_supply
from services.model import IndicatorValue
from services.snapshot import Snapshot, load_snapshot
from services.storage import Repository, create_engine_for, migrate
from tests.unit.analysis.city import tiny_districts, tiny_values


def stored(tmp_path: Path, with_values: bool) -> Snapshot:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'qa.db'}")
    migrate(engine)
    repo = Repository(engine)
    repo.replace_districts(tiny_districts(), {}, {})
    if with_values:
        repo.upsert_indicator_values(
            [IndicatorValue(**row) for row in tiny_values().to_dict("records")]
        )
    snapshot = load_snapshot(repo)
    engine.dispose()
    return snapshot


def test_no_offers_means_no_coverage_and_zero_per_1000(tmp_path):
    snapshot = stored(tmp_path, with_values=True)
    result = analyse_supply(snapshot, SupplyOptions(needs=("lernen",)))
    assert result.table["offers"].tolist() == [0, 0, 0]
    assert result.table["coverage"].tolist() == [0.0, 0.0, 0.0]
    assert result.table["per_1000"].tolist() == [0.0, 0.0, 0.0]
    assert not result.is_demo
    profile = district_profile(snapshot, "A")
    assert all(n.offers == 0 for n in profile.offers_by_need) and profile.offices == ()


def test_no_values_leave_everything_unranked_and_unclassified(tmp_path):
    snapshot = stored(tmp_path, with_values=False)
    result = analyse_supply(snapshot, SupplyOptions(needs=("lernen",)))
    assert result.year is None and result.table["gap_rank"].isna().all()
    classes = status_dynamics(snapshot)
    assert classes.year is None
    assert all(d.reason == "Es sind noch keine Kennzahlen importiert." for d in classes.districts)
    with pytest.raises(ValueError, match="keine Kennzahlen"):
        district_profile(snapshot, "A")
