"""Saving, listing, reopening and deleting planning scenarios (tables `scenarios` and
`scenario_offers`), on SQLite and PostgreSQL alike.

Separate from the offers on purpose: nothing here reads or writes `offers`, and no write
bumps data_version, because scenarios are not part of the snapshot the map caches. Writes
take the database's write lock like every other write (one writer at a time); database
faults arrive as the storage's typed German errors. Pages
read the (few, small) scenarios fresh on every rerun. A full data reload (seed-demo,
Repository.clear) keeps them: they refer to positions, not to offers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import sqlalchemy as sa

from services.scenario import HypotheticalOffer, Scenario, scenario_problems
from services.storage import schema as t
from services.storage.errors import translated
from services.storage.repository import write_transaction

CODE_SEPARATOR = ";"


@dataclass(frozen=True, slots=True)
class ScenarioSummary:
    """One line of the scenario list."""

    id: str
    name: str
    created: datetime
    offers: int


class ScenarioStore:
    """Scenario access on an engine from `create_engine_for` (see Repository.scenarios)."""

    def __init__(self, engine: sa.Engine):
        self._engine = engine

    def list(self) -> list[ScenarioSummary]:
        """All scenarios, newest first (then by name, the same on both backends)."""
        count = sa.func.count(t.scenario_offers.c.position)
        query = (
            sa.select(t.scenarios.c.id, t.scenarios.c.name, t.scenarios.c.created_at, count)
            .select_from(t.scenarios.outerjoin(t.scenario_offers))
            .group_by(t.scenarios.c.id, t.scenarios.c.name, t.scenarios.c.created_at)
        )
        with translated(), self._engine.connect() as conn:
            rows = conn.execute(query).all()
        summaries = [ScenarioSummary(r[0], r[1], r[2], int(r[3])) for r in rows]
        summaries.sort(key=lambda s: s.name)
        return sorted(summaries, key=lambda s: s.created, reverse=True)

    def get(self, scenario_id: str) -> Scenario | None:
        with translated(), self._engine.connect() as conn:
            head = conn.execute(
                sa.select(t.scenarios).where(t.scenarios.c.id == scenario_id)
            ).first()
            if head is None:
                return None
            rows = conn.execute(
                sa.select(t.scenario_offers)
                .where(t.scenario_offers.c.scenario_id == scenario_id)
                .order_by(t.scenario_offers.c.position)
            ).all()
        offers = tuple(_offer(row) for row in rows)
        return Scenario(head.name, offers, head.description, head.id, head.created_at)

    def save(self, scenario: Scenario, now: datetime | None = None) -> Scenario:
        """Insert a new scenario (id None) or replace a stored one, in one transaction.

        Returns the scenario as stored, with its id and creation time. A scenario with
        problems (model.scenario_problems) raises ValueError with the German messages.
        """
        problems = scenario_problems(scenario)
        if problems:
            raise ValueError("\n".join(problems))
        stored = replace(
            scenario,
            id=scenario.id or uuid.uuid4().hex,
            created=scenario.created or _utc_now(now),
        )
        head = {"id": stored.id, "name": stored.name, "description": stored.description,
                "created_at": stored.created}  # fmt: skip
        rows = [_row(stored.id, position, offer) for position, offer in enumerate(stored.offers)]
        with write_transaction(self._engine) as conn:
            conn.execute(sa.delete(t.scenarios).where(t.scenarios.c.id == stored.id))
            conn.execute(sa.insert(t.scenarios), [head])
            if rows:
                conn.execute(sa.insert(t.scenario_offers), rows)
        return stored

    def delete(self, scenario_id: str) -> bool:
        """Delete a scenario with its offers; False when there was none with this id."""
        with write_transaction(self._engine) as conn:
            result = conn.execute(sa.delete(t.scenarios).where(t.scenarios.c.id == scenario_id))
        return result.rowcount > 0


def _utc_now(now: datetime | None) -> datetime:
    """Naive UTC, whole seconds: both backends give back exactly what was stored."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _row(scenario_id: str, position: int, offer: HypotheticalOffer) -> dict:
    return {
        "scenario_id": scenario_id,
        "position": position,
        "name": offer.name,
        "needs": CODE_SEPARATOR.join(offer.needs),
        "min_age": offer.min_age,
        "max_age": offer.max_age,
        "audience": CODE_SEPARATOR.join(offer.audience),
        "lat": offer.lat,
        "lon": offer.lon,
    }


def _offer(row) -> HypotheticalOffer:
    return HypotheticalOffer(
        name=row.name,
        needs=tuple(row.needs.split(CODE_SEPARATOR)) if row.needs else (),
        lat=row.lat,
        lon=row.lon,
        min_age=row.min_age,
        max_age=row.max_age,
        audience=tuple(row.audience.split(CODE_SEPARATOR)) if row.audience else (),
    )
