"""Opening hours "open at": one offer (open_state) and many at once (WeeklySlots) agree."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import numpy as np
import pytest

from services.model import OpeningSlot
from services.opening import OpenAt, OpenState, WeeklySlots, is_on_request, open_state

MONDAY_MORNING = (OpeningSlot(0, "09:00", "12:00"),)
FRIDAY_LATE = (OpeningSlot(4, "18:00", "24:00"),)


@pytest.mark.parametrize(("slots", "note", "at", "state"), [
    (MONDAY_MORNING, "", OpenAt(0, 9 * 60), OpenState.OPEN),  # opening minute counts
    (MONDAY_MORNING, "", OpenAt(0, 11 * 60 + 59), OpenState.OPEN),
    (MONDAY_MORNING, "", OpenAt(0, 12 * 60), OpenState.CLOSED),  # closing minute does not
    (MONDAY_MORNING, "", OpenAt(1, 10 * 60), OpenState.CLOSED),  # another day
    (FRIDAY_LATE, "", OpenAt(4, 23 * 60 + 59), OpenState.OPEN),  # "24:00" = end of day
    (FRIDAY_LATE, "", OpenAt(5, 0), OpenState.CLOSED),
    (MONDAY_MORNING, "Weitere Termine nach Vereinbarung", OpenAt(2, 15 * 60), OpenState.ON_REQUEST),
    ((), "Termine NACH VEREINBARUNG", OpenAt(2, 15 * 60), OpenState.ON_REQUEST),
    ((), "Öffnungszeiten bitte telefonisch erfragen", OpenAt(2, 15 * 60), OpenState.UNKNOWN),
    ((), "", OpenAt(2, 15 * 60), OpenState.UNKNOWN),
])
def test_open_state(slots, note, at, state):
    assert open_state(slots, note, at) is state


def test_on_request_wording():
    assert is_on_request("nach Absprache")
    assert is_on_request("Termine nach vereinbarung")
    assert not is_on_request("Anmeldung erbeten")


def test_open_at_from_datetime_uses_bottrops_local_time():
    winter = datetime(2026, 12, 2, 14, 30, tzinfo=UTC)  # Wednesday, CET = UTC+1
    summer = datetime(2026, 7, 1, 14, 30, tzinfo=UTC)  # Wednesday, CEST = UTC+2
    assert OpenAt.from_datetime(winter) == OpenAt(2, 15 * 60 + 30)
    assert OpenAt.from_datetime(summer) == OpenAt(2, 16 * 60 + 30)
    assert OpenAt.from_datetime(datetime(2026, 12, 6, 9, 5)) == OpenAt(6, 9 * 60 + 5)
    assert OpenAt(2, 9 * 60 + 5).clock == "09:05"
    with pytest.raises(ValueError):
        OpenAt(7, 0)


def test_weekly_slots_agree_with_open_state_on_random_hours():
    rng = random.Random(3)
    per_offer = []
    for _ in range(300):
        slots = set()
        for _ in range(rng.choice([0, 1, 2, 4])):
            opens = rng.randrange(0, 23 * 60, 15)
            closes = rng.randrange(opens + 15, 24 * 60 + 1, 15)
            slots.add(OpeningSlot(rng.randrange(7), _clock(opens), _clock(closes)))
        per_offer.append(tuple(sorted(slots, key=lambda s: (s.weekday, s.opens))))
    weekly = WeeklySlots(per_offer)
    subset = np.array(sorted(rng.sample(range(300), 120)))
    for _ in range(200):
        at = OpenAt(rng.randrange(7), rng.randrange(24 * 60))
        expected = [open_state(per_offer[i], "", at) is OpenState.OPEN for i in subset]
        assert weekly.open_mask(subset, at).tolist() == expected


def test_weekly_slots_without_any_slot():
    weekly = WeeklySlots([(), ()])
    assert weekly.open_mask(np.array([1, 0]), OpenAt(0, 600)).tolist() == [False, False]
    assert weekly.open_mask(np.array([], dtype=int), OpenAt(0, 600)).tolist() == []


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
