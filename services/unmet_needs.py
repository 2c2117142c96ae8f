"""„Bedarf anmelden“: an anonymous record of a need that no offer met, for planning.

The record itself, its checks (nothing may identify a family) and the counts live in
services/unmet_need.py, which storage imports; this feature module builds a new record
from the form, and the listing for an office, its export (CSV for German Excel, XLSX) and the counts per
district and need for the planners' map layer „Gemeldete Bedarfe“ are built here.
"""

from __future__ import annotations

import tempfile
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from services.io import writers
from services.taxonomy import need_labels
from services.texts import unmet_needs as t
from services.texts.catalogue import AGE_GROUP_LABELS
from services.texts.ui import LANGUAGE_NAMES
from services.unmet_need import NeedCount, UnmetNeed, UnmetNeedRefused, need_counts, record_problems

if TYPE_CHECKING:
    from services.storage.repository import Repository

LIST_SEPARATOR = ", "


# A new record --------------------------------------------------------------------------


def new_unmet_need(
    *,
    office_id: str,
    district_id: str | None,
    age_groups: Iterable[str],
    needs: Iterable[str],
    languages: Iterable[str],
    missing: Iterable[str],
    note: str = "",
    reported_on: date,
) -> UnmetNeed:
    """A checked record with a fresh random id, or UnmetNeedRefused with every problem."""
    record = UnmetNeed(
        id=uuid.uuid4().hex,
        reported_on=reported_on,
        office_id=office_id.strip(),
        district_id=district_id,
        age_groups=tuple(dict.fromkeys(age_groups)),
        needs=tuple(dict.fromkeys(needs)),
        languages=tuple(dict.fromkeys(languages)),
        missing=tuple(dict.fromkeys(missing)),
        note=note.strip(),
    )
    problems = record_problems(record)
    if problems:
        raise UnmetNeedRefused(problems)
    return record


# Listing, export, counts ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    start: date  # first day, inclusive
    end: date  # last day, inclusive
    label: str


def month_period(today: date, months_back: int = 0, label: str = "") -> Period:
    """The calendar month `months_back` months before today's."""
    month_index = today.year * 12 + today.month - 1 - months_back
    start = date(month_index // 12, month_index % 12 + 1, 1)
    next_month = month_index + 1
    end = date(next_month // 12, next_month % 12 + 1, 1) - timedelta(days=1)
    return Period(start, end, label or start.strftime("%m/%Y"))


def office_periods(today: date) -> tuple[Period, Period]:
    """This month and last month: what an office looks back on."""
    return (
        month_period(today, 0, t.PERIOD_THIS_MONTH),
        month_period(today, 1, t.PERIOD_LAST_MONTH),
    )


def office_listing(
    repo: Repository, office_id: str, today: date
) -> list[tuple[Period, list[UnmetNeed]]]:
    """An office's reports of this month and of last month, oldest first in each."""
    return [(p, repo.unmet_needs(p.start, p.end, office_id)) for p in office_periods(today)]


LISTING_COLUMNS = [
    t.COLUMN_DATE, t.COLUMN_OFFICE, t.COLUMN_DISTRICT, t.COLUMN_AGE_GROUPS, t.COLUMN_NEEDS,
    t.COLUMN_LANGUAGES, t.COLUMN_MISSING, t.COLUMN_NOTE, t.COLUMN_DEMO,
]  # fmt: skip


def listing_rows(
    records: Iterable[UnmetNeed],
    district_names: Mapping[str, str],
    office_names: Mapping[str, str],
) -> list[dict[str, object]]:
    """One row per record with German headers and labels, newest first; dates stay dates."""
    rows = []
    for r in sorted(records, key=lambda r: (r.reported_on, r.id), reverse=True):
        district = district_names.get(r.district_id, r.district_id) if r.district_id else ""
        rows.append({
            t.COLUMN_DATE: r.reported_on,
            t.COLUMN_OFFICE: office_names.get(r.office_id, r.office_id),
            t.COLUMN_DISTRICT: district or t.OUTSIDE_DISTRICTS,
            t.COLUMN_AGE_GROUPS: _labels(r.age_groups, AGE_GROUP_LABELS),
            t.COLUMN_NEEDS: LIST_SEPARATOR.join(need_labels(r.needs)),
            t.COLUMN_LANGUAGES: _labels(r.languages, LANGUAGE_NAMES),
            t.COLUMN_MISSING: _labels(r.missing, t.MISSING_LABELS),
            t.COLUMN_NOTE: r.note,
            t.COLUMN_DEMO: "ja" if r.is_demo else "nein",
        })  # fmt: skip
    return rows


def _labels(codes: tuple[str, ...], labels: Mapping[str, str]) -> str:
    return LIST_SEPARATOR.join(labels.get(c, c) for c in codes)


def export_unmet_needs(rows: list[dict[str, object]], path: Path) -> None:
    """Listing rows as CSV (German Excel) or XLSX, by the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        writers.write_csv(rows, LISTING_COLUMNS, path)
    elif suffix == ".xlsx":
        writers.write_xlsx(rows, LISTING_COLUMNS, path, t.EXPORT_SHEET_TITLE)
    else:
        raise ValueError(t.EXPORT_UNKNOWN_FORMAT.format(suffix=suffix))


def export_bytes(rows: list[dict[str, object]], suffix: str) -> bytes:
    """The export as bytes, for a download button (the writers write files)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bedarfe{suffix}"
        export_unmet_needs(rows, path)
        return path.read_bytes()


def count_by_district_and_need(records: Iterable[UnmetNeed]) -> list[NeedCount]:
    """Counts per (district, need); a record with two needs counts once for each."""
    counts = Counter((r.district_id, need) for r in records for need in r.needs)
    return need_counts(counts)


def per_district(counts: Iterable[NeedCount], need: str | None = None) -> dict[str | None, int]:
    """Mentions per district, of one need or (None) of all: the figure a map layer shades.

    With all needs, a report naming two needs counts twice: the layer shows how often a
    need was reported, not how many families came.
    """
    totals: Counter[str | None] = Counter()
    for count in counts:
        if need is None or count.need == need:
            totals[count.district_id] += count.count
    return dict(totals)
