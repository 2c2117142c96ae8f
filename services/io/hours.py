"""Opening hours: the file text <-> `OpeningSlot`s (display text: services/formatting.py).

File text, as staff write it: "Mo 09:00-12:00; Mi 14:00-17:00". Entries are separated by
";" (or line breaks, or a "," between a time and the next day); an entry is one or more
days ("Mo", "Mo-Fr", "Mo, Mi") followed by one or more times ("09:00-12:00, 14:00-16:00").
"9:00", "9.00", "9-12" and a trailing "Uhr" are accepted. Parsing sorts and de-duplicates
the slots, so formatting then parsing gives the same tuple back.
"""

from __future__ import annotations

import re

from services.formatting import format_hours
from services.io.cells import CellError
from services.model import WEEKDAYS, OpeningSlot
from services.texts import validation as t

_FULL_NAMES = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_DAY_INDEX = {d.lower(): i for i, d in enumerate(WEEKDAYS)} | {
    n: i for i, n in enumerate(_FULL_NAMES)
} | {"sonnabend": 5}
_DASH = r"\s*[-\u2013\u2014]\s*|\s+bis\s+"
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr)?"
_TIME_RANGE = re.compile(rf"{_TIME}(?:{_DASH}){_TIME}", re.IGNORECASE)
# Entries end at ";" or a line break, or at a "," between a time and the next day name
# ("Mo 09:00-12:00, Di 14:00-16:00"): people use commas there too.
_ENTRY_END = re.compile(r"[;\n]|(?:(?<=\d)|(?<=uhr)|(?<=Uhr))\s*,\s*(?=[^\W\d_])")


def parse_hours(text: str) -> tuple[OpeningSlot, ...]:
    """All slots of a file cell; raises CellError naming the entry that is wrong."""
    slots: set[OpeningSlot] = set()
    for entry in _ENTRY_END.split(text):
        if entry.strip():
            slots.update(_parse_entry(entry.strip()))
    return tuple(sorted(slots, key=lambda s: (s.weekday, s.opens, s.closes)))


def _parse_entry(entry: str) -> list[OpeningSlot]:
    first_digit = re.search(r"\d", entry)
    if not first_digit or not entry[: first_digit.start()].strip():
        raise CellError(t.HOURS_BAD_ENTRY.format(value=entry))
    days = _parse_days(entry[: first_digit.start()])
    times = [_parse_time_range(part.strip()) for part in entry[first_digit.start():].split(",")]
    return [OpeningSlot(day, opens, closes) for day in days for opens, closes in times]


def _parse_days(text: str) -> list[int]:
    days: list[int] = []
    for item in text.split(","):
        bounds = [_day(b) for b in re.split(_DASH, item.strip())]
        if len(bounds) == 1:
            days.extend(bounds)
        elif len(bounds) == 2 and bounds[0] < bounds[1]:
            days.extend(range(bounds[0], bounds[1] + 1))
        else:
            raise CellError(t.HOURS_BAD_DAY_RANGE.format(value=item.strip()))
    return days


def _day(token: str) -> int:
    key = token.strip().rstrip(".:").lower()
    if key not in _DAY_INDEX:
        raise CellError(t.HOURS_BAD_DAY.format(value=token.strip()))
    return _DAY_INDEX[key]


def _parse_time_range(text: str) -> tuple[str, str]:
    match = _TIME_RANGE.fullmatch(text)
    if not match:
        raise CellError(t.HOURS_BAD_TIME.format(value=text))
    opens = _clock(match.group(1), match.group(2), text)
    closes = _clock(match.group(3), match.group(4), text)
    if opens >= closes:
        raise CellError(t.HOURS_ORDER.format(value=text))
    return opens, closes


def _clock(hours: str, minutes: str | None, text: str) -> str:
    h, m = int(hours), int(minutes or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        raise CellError(t.HOURS_BAD_TIME.format(value=text))
    return f"{h:02d}:{m:02d}"


def format_hours_text(slots: tuple[OpeningSlot, ...]) -> str:
    """The file text of slots, e.g. "Mo-Fr 09:00-12:00; Mi 14:00-16:00"."""
    return format_hours(slots, dash="-", suffix="")

