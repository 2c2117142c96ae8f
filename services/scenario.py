"""Hypothetical offers and scenarios: planning objects, never real offers.

They live in tables of their own (services/storage/scenarios.py) and are added to the real
offers only inside a computation (services/analysis/scenarios.compare_scenario), so a
scenario can never leak into the map's offers, the Lotse or an offers export. A module of
the lower layer (like model.py): storage and analysis both use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.taxonomy import AUDIENCES, NEEDS_BY_CODE
from services.texts import analysis as t


@dataclass(frozen=True, slots=True)
class HypotheticalOffer:
    """An offer a planner places on the map: need(s), ages, a name and a position."""

    name: str
    needs: tuple[str, ...]
    lat: float
    lon: float
    min_age: float | None = None
    max_age: float | None = None
    audience: tuple[str, ...] = ("kinder",)


@dataclass(frozen=True, slots=True)
class Scenario:
    """A named set of hypothetical offers; `id` and `created` are set when it is stored."""

    name: str
    offers: tuple[HypotheticalOffer, ...] = ()
    description: str = ""
    id: str | None = None
    created: datetime | None = None


def scenario_problems(scenario: Scenario) -> list[str]:
    """German messages for everything that keeps a scenario from being computed or saved."""
    problems = [] if scenario.name.strip() else [t.SCENARIO_NAME_MISSING]
    for number, offer in enumerate(scenario.offers, start=1):
        which = f"{number} ({offer.name})" if offer.name.strip() else str(number)
        problems += [p.format(offer=which) for p in _offer_problems(offer)]
    return problems


def _offer_problems(offer: HypotheticalOffer) -> list[str]:
    problems = []
    if not offer.name.strip():
        problems.append(t.HYPOTHETICAL_NAME_MISSING)
    if not offer.needs or any(n not in NEEDS_BY_CODE for n in offer.needs):
        problems.append(t.HYPOTHETICAL_NEEDS)
    if any(a not in AUDIENCES for a in offer.audience):
        problems.append(t.HYPOTHETICAL_AUDIENCE)
    ages = [a for a in (offer.min_age, offer.max_age) if a is not None]
    if any(a < 0 or a > 120 for a in ages) or (len(ages) == 2 and ages[0] > ages[1]):
        problems.append(t.HYPOTHETICAL_AGES)
    if not (-90 <= offer.lat <= 90 and -180 <= offer.lon <= 180):
        problems.append(t.HYPOTHETICAL_POSITION)
    return problems
