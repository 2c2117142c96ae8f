"""German display formats in one place: numbers (signed, MB), indicator values, ages, dates
(with times), opening hours.

The screen, the CSV exports and (later) the PDF sheets share these, so a figure reads the
same everywhere: decimal comma, dot as thousands separator, "Uhr" after times.
"""

from __future__ import annotations

from datetime import date, datetime
from itertools import groupby
from typing import TYPE_CHECKING

from services.model import WEEKDAYS, OpeningSlot
from services.texts import ui, validation
from services.texts.catalogue import NO_VALUE

if TYPE_CHECKING:
    from services.indicators import Indicator

EN_DASH = "\u2013"
MINUS = "\u2212"
MB = 1024 * 1024


def format_number(value: float, decimals: int = 0, grouping: bool = True) -> str:
    """1234.5 -> "1.234,5" (German separators); without `grouping` "1234,5" (coordinates)."""
    text = f"{value:{',' if grouping else ''}.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_compact(value: float) -> str:
    """"6", "0,5", "1,5": decimal comma, no trailing zeros (ages, round distances)."""
    return f"{value:g}".replace(".", ",")


def format_signed(value: float, decimals: int = 0) -> str:
    """"+3,2", "−0,45", "±0": a difference with its sign always written (typographic minus).
    The sign is that of the printed figure, so −0.04 reads "±0,0", never "−0,0"."""
    shown = round(value, decimals)
    sign = "+" if shown > 0 else MINUS if shown < 0 else "±"
    return sign + format_number(abs(shown), decimals)


def format_mb(size_bytes: float, decimals: int = 1) -> str:
    """A file size in MB: 2097152 -> "2,0" (the messages add the unit)."""
    return format_number(size_bytes / MB, decimals)


def format_seconds(seconds: float) -> str:
    """"1 Sekunde", "20 Sekunden": whole seconds, singular where German needs it."""
    count = round(seconds)
    template = validation.SECONDS_ONE if count == 1 else validation.SECONDS_MANY
    return template.format(count=format_number(count))


def format_value(value: float | None, indicator: Indicator) -> str:
    """An indicator value with unit: "28,7 %" or "1.234"; "keine Daten" for None/NaN."""
    if value is None or value != value:
        return NO_VALUE
    if indicator.unit == "%":
        return format_number(value, 1) + " %"
    return format_number(value)


def format_age(years: float) -> str:
    """"6", "0,5": decimal comma, no trailing zeros."""
    return format_compact(years)


def format_ages(min_age: float | None, max_age: float | None) -> str:
    if min_age is None and max_age is None:
        return ui.AGES_ALL
    if max_age is None:
        return ui.AGES_FROM.format(lo=format_age(min_age))
    if min_age is None:
        return ui.AGES_UP_TO.format(hi=format_age(max_age))
    return ui.AGES_RANGE.format(lo=format_age(min_age), hi=format_age(max_age))


def format_date(value: date | None) -> str:
    """"16.01.2025"; "unbekannt" for None."""
    return value.strftime("%d.%m.%Y") if value else ui.UNKNOWN


def format_day_month(value: date) -> str:
    """"16.01." (the first day of a period whose last day carries the year)."""
    return value.strftime("%d.%m.")


def format_datetime(value: datetime) -> str:
    """"16.01.2025 14:05"."""
    return value.strftime("%d.%m.%Y %H:%M")


def _day_groups(slots: tuple[OpeningSlot, ...]) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """Consecutive days with the same times, as (first day, last day, times)."""
    ordered = sorted(set(slots), key=lambda s: (s.weekday, s.opens, s.closes))
    per_day = [
        (day, [(s.opens, s.closes) for s in group])
        for day, group in groupby(ordered, key=lambda s: s.weekday)
    ]
    groups: list[tuple[int, int, list[tuple[str, str]]]] = []
    for day, times in per_day:
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == times:
            groups[-1] = (groups[-1][0], day, times)
        else:
            groups.append((day, day, times))
    return groups


def format_hours(
    slots: tuple[OpeningSlot, ...],
    dash: str = EN_DASH,
    suffix: str = " Uhr",
    weekdays: tuple[str, ...] = WEEKDAYS,
) -> str:
    """"Mo–Fr 09:00–12:00 Uhr; Mi 14:00–16:00 Uhr" (the file form uses dash="-", suffix="";
    the Infoblatt passes the weekday names of the family's language and no "Uhr").

    No slots give "", so a caller can show the hours note ("nach Vereinbarung") instead.
    """
    entries = []
    for first, last, times in _day_groups(slots):
        days = weekdays[first] if first == last else f"{weekdays[first]}{dash}{weekdays[last]}"
        spans = ", ".join(f"{o}{dash}{c}" for o, c in times)
        entries.append(f"{days} {spans}{suffix}")
    return "; ".join(entries)


def join_present(*parts: str, separator: str = " · ") -> str:
    """The non-empty parts joined: "0201 123 · info@example.org"."""
    return separator.join(p for p in parts if p)
