"""Freshness of offers: when an offer counts as not verified for too long („Prüfliste“).

QA_STALE_MONTHS (default 12) sets the period. An offer never verified is stale. The flag
is a column of the snapshot's offers frame (services/snapshot.py), so the map and the
Lotse results can mark such offers without a query of their own.
"""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd

from services.config import load_settings
from services.formatting import format_date
from services.texts import ui

STALE_COLUMN = "stale"


def stale_months() -> int:
    """Months after which an offer needs checking again (QA_STALE_MONTHS, default 12)."""
    return load_settings().stale_months


def cutoff(today: date, months: int) -> date:
    """The day `months` months before `today` (clamped to the month's last day)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(today.day, last_day))


def stale_mask(last_verified: pd.Series, today: date, months: int) -> pd.Series:
    """True where an offer was never verified or last verified before the cut-off."""
    limit = cutoff(today, months)
    return last_verified.map(lambda day: day is None or day != day or day < limit).astype(bool)


def stale_note(last_verified: date | None) -> str:
    """„nicht mehr geprüft seit 12.03.2025“ (or „noch nie geprüft“): shown beside a stale
    offer wherever families and staff see it, so nobody relies on it unknowingly."""
    if last_verified is None or last_verified != last_verified:
        return ui.STALE_NEVER
    return ui.STALE_SINCE.format(date=format_date(last_verified))
