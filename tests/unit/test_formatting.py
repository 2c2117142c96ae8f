"""services/formatting.py: the German display formats every screen, export and message shares."""

from __future__ import annotations

from datetime import date, datetime

from services.formatting import (
    MB,
    format_compact,
    format_date,
    format_datetime,
    format_day_month,
    format_mb,
    format_number,
    format_signed,
)


def test_numbers_use_german_separators_and_may_skip_grouping():
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(2_000_000) == "2.000.000"
    assert format_number(364512.346, 2, grouping=False) == "364512,35"


def test_compact_numbers_drop_trailing_zeros():
    assert [format_compact(v) for v in (6, 0.5, 1.5, 2.0)] == ["6", "0,5", "1,5", "2"]


def test_signed_numbers_always_carry_a_sign():
    assert format_signed(3.21, 1) == "+3,2"
    assert format_signed(-0.456, 2) == "\u22120,46"
    assert format_signed(0) == "±0"
    assert format_signed(-1234) == "\u22121.234"


def test_sizes_in_megabytes():
    assert format_mb(2 * MB) == "2,0"
    assert format_mb(0.001 * MB, 2) == "0,00"


def test_dates_and_times():
    assert format_date(date(2025, 1, 16)) == "16.01.2025"
    assert format_date(None) == "unbekannt"
    assert format_day_month(date(2025, 1, 6)) == "06.01."
    assert format_datetime(datetime(2025, 1, 16, 14, 5)) == "16.01.2025 14:05"
