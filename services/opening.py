"""Is an offer open at a given weekday and time? From the structured opening hours.

Times are minutes of the week (Monday 00:00 = 0), so a slot is one half-open interval
[opens, closes) and "open at" is one comparison. `open_state` answers for one offer (the
reasons of a result, tests); `WeeklySlots` answers for many at once with numpy (the nearby
search filters thousands of offers per query). Both implement the same rule:

- open: a slot contains the time;
- on request: no slot does, but the hours note says "nach Vereinbarung" (or "Absprache"):
  such offers stay in a search for a time and say so;
- unknown: no slots and no such note (hours not published): they stay in too, saying the
  hours must be asked, because a Lotse would rather phone than miss an offer;
- closed: otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

import numpy as np

from services.io.cells import fold
from services.model import OpeningSlot

MINUTES_PER_DAY = 24 * 60
LOCAL_TIME = ZoneInfo("Europe/Berlin")
_ON_REQUEST_WORDS = ("nachvereinbarung", "nachabsprache")


class OpenState(StrEnum):
    OPEN = "open"
    ON_REQUEST = "on_request"
    UNKNOWN = "unknown"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class OpenAt:
    """A weekday (0 = Monday) and a time of day in minutes, Bottrop's local time."""

    weekday: int
    minute: int

    def __post_init__(self) -> None:
        if not (0 <= self.weekday <= 6 and 0 <= self.minute < MINUTES_PER_DAY):
            raise ValueError(f"no weekday/time: {self.weekday}, {self.minute}")

    @classmethod
    def from_datetime(cls, moment: datetime) -> OpenAt:
        """An aware datetime in Bottrop's time zone; a naive one is taken as local time."""
        local = moment.astimezone(LOCAL_TIME) if moment.tzinfo else moment
        return cls(local.weekday(), local.hour * 60 + local.minute)

    @classmethod
    def now(cls) -> OpenAt:
        return cls.from_datetime(datetime.now(LOCAL_TIME))

    @property
    def minute_of_week(self) -> int:
        return self.weekday * MINUTES_PER_DAY + self.minute

    @property
    def clock(self) -> str:
        """"15:30"."""
        return f"{self.minute // 60:02d}:{self.minute % 60:02d}"


def slot_minutes(slot: OpeningSlot) -> tuple[int, int]:
    """[opens, closes) in minutes of the week; "24:00" closes at the end of the day."""
    base = slot.weekday * MINUTES_PER_DAY
    return base + _minutes(slot.opens), base + _minutes(slot.closes)


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def is_on_request(hours_note: str) -> bool:
    """True when the note offers appointments ("Termine nach Vereinbarung")."""
    folded = fold(hours_note)
    return any(word in folded for word in _ON_REQUEST_WORDS)


def open_state(slots: Sequence[OpeningSlot], hours_note: str, at: OpenAt) -> OpenState:
    """The rule of the module docstring for one offer."""
    moment = at.minute_of_week
    if any(opens <= moment < closes for opens, closes in map(slot_minutes, slots)):
        return OpenState.OPEN
    if is_on_request(hours_note):
        return OpenState.ON_REQUEST
    return OpenState.CLOSED if slots else OpenState.UNKNOWN


class WeeklySlots:
    """Every offer's slots as flat arrays (CSR layout: offer i owns slots start[i]:start[i+1]).

    Built once per data version; `open_mask` then tests any subset of offers in a few numpy
    operations, without a Python loop over offers.
    """

    def __init__(self, slots_per_offer: Sequence[Sequence[OpeningSlot]]):
        counts = np.fromiter((len(s) for s in slots_per_offer), dtype=np.int64,
                             count=len(slots_per_offer))  # fmt: skip
        self._start = np.concatenate([[0], np.cumsum(counts)])
        intervals = [slot_minutes(slot) for slots in slots_per_offer for slot in slots]
        bounds = np.array(intervals, dtype=np.int64).reshape(-1, 2)
        self._opens, self._closes = bounds[:, 0], bounds[:, 1]

    def open_mask(self, offers: np.ndarray, at: OpenAt) -> np.ndarray:
        """For each offer index in `offers`: does one of its slots contain `at`?"""
        offers = np.asarray(offers, dtype=np.int64)
        first, counts = self._start[offers], self._start[offers + 1] - self._start[offers]
        owner = np.repeat(np.arange(len(offers)), counts)
        position = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        slot = np.repeat(first, counts) + position
        moment = at.minute_of_week
        inside = (self._opens[slot] <= moment) & (moment < self._closes[slot])
        return np.bincount(owner, weights=inside, minlength=len(offers)) > 0
