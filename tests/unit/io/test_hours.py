"""Opening hours: file text <-> OpeningSlot, and the German display."""

from __future__ import annotations

import pytest

from services.formatting import format_hours
from services.io.cells import CellError
from services.io.hours import format_hours_text, parse_hours
from services.model import OpeningSlot as S


def test_days_ranges_and_several_slots_per_day():
    assert parse_hours("Mo 09:00-12:00; Mi 14:00-17:00") == (
        S(0, "09:00", "12:00"), S(2, "14:00", "17:00"))
    assert parse_hours("Mo-Mi 9-12") == tuple(S(d, "09:00", "12:00") for d in range(3))
    assert parse_hours("Mo 09:00-12:00, 14:00-16:00") == (
        S(0, "09:00", "12:00"), S(0, "14:00", "16:00"))


def test_lenient_spellings():
    expected = (S(1, "09:30", "12:00"), S(3, "09:30", "12:00"))
    assert parse_hours("Di, Do 9.30 – 12 Uhr") == expected
    assert parse_hours("dienstag, DONNERSTAG 09:30 bis 12:00\n") == expected


def test_sorted_and_deduplicated():
    assert parse_hours("Fr 10:00-11:00; Mo 10:00-11:00; Mo 10:00-11:00") == (
        S(0, "10:00", "11:00"), S(4, "10:00", "11:00"))


@pytest.mark.parametrize(
    "text, message",
    [
        ("09:00-12:00", "'09:00-12:00' ist keine Öffnungszeit"),
        ("Mx 09:00-12:00", "'Mx' ist kein Wochentag"),
        ("Fr-Mo 09:00-12:00", "'Fr-Mo' ist kein Bereich von Wochentagen"),
        ("Mo 09:00", "'09:00' ist keine Uhrzeit"),
        ("Mo 25:00-26:00", "'25:00-26:00' ist keine Uhrzeit"),
        ("Mo 12:00-09:00", "In '12:00-09:00' liegt die Öffnung nicht vor der Schließung"),
        ("Mo 09:00-09:00", "liegt die Öffnung nicht vor der Schließung"),
    ],
)
def test_errors_name_the_wrong_part(text, message):
    with pytest.raises(CellError, match=message):
        parse_hours(text)


def test_format_groups_consecutive_days_and_round_trips():
    slots = parse_hours("Mo-Fr 09:00-12:00; Mi 14:00-16:00; Sa 10:00-24:00")
    text = format_hours_text(slots)
    assert text == (
        "Mo-Di 09:00-12:00; Mi 09:00-12:00, 14:00-16:00; Do-Fr 09:00-12:00; Sa 10:00-24:00"
    )
    assert parse_hours(text) == slots


def test_german_display():
    slots = parse_hours("Mo-Fr 09:00-12:00")
    assert format_hours(slots) == "Mo\u2013Fr 09:00\u201312:00 Uhr"
    assert format_hours(()) == ""
    assert format_hours_text(()) == ""


def test_comma_between_entries_is_accepted():
    assert parse_hours("Mo 09:00-12:00, Di 14:00-16 Uhr, Mi-Do 8-9") == (
        S(0, "09:00", "12:00"), S(1, "14:00", "16:00"), S(2, "08:00", "09:00"),
        S(3, "08:00", "09:00"))


def test_display_in_other_weekday_names_without_uhr():
    slots = parse_hours("Mo-Fr 09:00-12:00; Mi 14:00-16:00")
    weekdays = ("Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz")
    assert format_hours(slots, suffix="", weekdays=weekdays) == (
        "Pzt–Sal 09:00–12:00; Çar 09:00–12:00, 14:00–16:00; Per–Cum 09:00–12:00"
    )
