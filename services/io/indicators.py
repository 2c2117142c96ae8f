"""Indicator tables (CSV or XLSX) in long or wide form -> IndicatorValue.

Long form: one row per district, indicator and year (bezirk, indikator, jahr, wert[, quelle,
demo]). Wide form, as statistics offices publish: one row per district (column "bezirk"),
one column per indicator headed by its key or German label, the year in a "jahr" column or
in the sheet's name ("2023"); every sheet of a workbook is read. Districts are matched by id
or by name, ignoring case, umlaut spelling, spaces, hyphens and slashes. Empty cells and the
statistics placeholders ".", "-", "x" mean "no data" and are skipped, never stored as 0.
Without a "quelle" column the source becomes "Import aus <Datei> am <Datum>", and a warning
says so: a figure without a source must not look official.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from services.formatting import format_date
from services.indicators import INDICATORS, Indicator
from services.io.cells import CellError, fold, parse_bool, parse_number, parse_whole
from services.io.columns import INDICATOR_COLUMNS, INDICATOR_REQUIRED
from services.io.errors import ImportProblem, Where, file_problem, raise_if_any
from services.io.tables import Row, Table, read_sheets
from services.model import IndicatorValue
from services.texts import validation as t

NO_DATA = {"", ".", "-", "\u2013", "x", "k.a.", "ka", "n.v."}
YEAR_RANGE = (1900, 2100)
_WIDE_FIXED = ("bezirk", "jahr", "quelle", "demo")


class DistrictMatcher:
    """Finds a district id from what a table says: its id or any spelling of its name."""

    def __init__(self, districts: pd.DataFrame):
        self.ids = {str(i): str(i) for i in districts["id"]}
        self.by_key: dict[str, set[str]] = {}
        for district_id, name in zip(districts["id"], districts["name"]):
            for key in (fold(str(name)), fold(str(district_id))):
                self.by_key.setdefault(key, set()).add(str(district_id))

    def match(self, text: str) -> str:
        if text in self.ids:
            return text
        found = sorted(self.by_key.get(fold(text), ()))
        if len(found) == 1:
            return found[0]
        if found:
            raise CellError(t.AMBIGUOUS_DISTRICT.format(value=text, matches=", ".join(found)))
        raise CellError(t.UNKNOWN_DISTRICT.format(value=text))


_INDICATOR_KEYS = {fold(i.key): i for i in INDICATORS} | {fold(i.label): i for i in INDICATORS}


def match_indicator(text: str) -> Indicator:
    """An indicator by key or German label ("sgb2_u15" or "SGB-II-Quote unter 15 J.")."""
    indicator = _INDICATOR_KEYS.get(fold(text))
    if indicator is None:
        allowed = ", ".join(i.key for i in INDICATORS)
        raise CellError(t.UNKNOWN_INDICATOR.format(value=text, allowed=allowed))
    return indicator


@dataclass
class _Run:
    """State of one file's import: what was read, what went wrong, where values came from."""

    file: str
    districts: DistrictMatcher
    default_source: str
    values: list[IndicatorValue] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    first_seen: dict[tuple[str, str, int], str] = field(default_factory=dict)
    defaulted_sources: int = 0
    skipped_cells: int = 0


def read_indicators(
    path: Path, districts: pd.DataFrame, today: date | None = None,
    tables: list[Table] | None = None,
) -> tuple[list[IndicatorValue], list[ImportProblem]]:
    """(values, warnings) of a long or wide table, or ImportFailed with every problem.

    `districts` are those currently in the database (columns id, name). `tables`: the
    file's sheets when already read (the importer reads them before it takes the write
    lock, and matches districts under it).
    """
    path = Path(path)
    if districts.empty:
        raise_if_any([file_problem(path, t.NO_DISTRICTS_YET)])
    today = today or date.today()
    source = t.DEFAULT_SOURCE.format(file=path.name, date=format_date(today))
    run = _Run(path.name, DistrictMatcher(districts), source)
    warnings = _read_tables(read_sheets(path) if tables is None else tables, run)
    raise_if_any(list(dict.fromkeys(run.problems)))  # wide rows repeat a bad district per cell
    return run.values, warnings + _summary_warnings(path, run)


def _read_tables(tables: list[Table], run: _Run) -> list[ImportProblem]:
    """Read each sheet; sheets without "bezirk" are notes when another sheet has data."""
    warnings = []
    has_data = [any(c.lower() == "bezirk" for c in tb.columns) for tb in tables]
    for table, usable in zip(tables, has_data):
        if not usable and any(has_data):
            warnings.append(ImportProblem(run.file, None, None, t.SHEET_SKIPPED, table.sheet))
            continue
        run.problems += table.problems
        lower = {c.lower(): c for c in table.columns}
        if "indikator" in lower:
            _read_long(table, lower, run)
        else:
            _read_wide(table, lower, run)
    return warnings


def _missing(table: Table, lower: dict[str, str], required: list[str]) -> list[ImportProblem]:
    message = t.MISSING_COLUMN.format(available=", ".join(table.columns) or "keine")
    where = Where(table.file, None, table.sheet)
    return [where.problem(c, message) for c in required if c not in lower]


def _unknown(table: Table, lower: dict[str, str], allowed: list[str]) -> list[ImportProblem]:
    message = t.UNKNOWN_COLUMN.format(allowed=", ".join(allowed))
    where = Where(table.file, None, table.sheet)
    return [where.problem(c, message) for lc, c in lower.items() if lc not in allowed]


def _read_long(table: Table, lower: dict[str, str], run: _Run) -> None:
    sheet_year = _sheet_year(table.sheet)
    required = [c for c in INDICATOR_REQUIRED if not (c == "jahr" and sheet_year)]
    problems = _missing(table, lower, required) + _unknown(table, lower, list(INDICATOR_COLUMNS))
    for cell, where in _checked_rows(table, lower, run, problems):
        try:
            indicator = match_indicator(cell("indikator"))
        except CellError as exc:
            run.problems.append(where.problem("indikator", str(exc)))
            continue
        _add(run, where, cell, indicator, ("wert", "wert"), sheet_year)


def _read_wide(table: Table, lower: dict[str, str], run: _Run) -> None:
    where = Where(table.file, None, table.sheet)
    sheet_year = _sheet_year(table.sheet)
    problems = _missing(table, lower, ["bezirk"])
    if "jahr" not in lower and sheet_year is None:
        problems.append(where.problem(None, t.NO_YEAR))
    indicators = {}
    for lc, column in lower.items():
        if lc not in _WIDE_FIXED:
            try:
                indicators[lc] = match_indicator(column)
            except CellError as exc:
                problems.append(where.problem(column, str(exc)))
    for cell, row_where in _checked_rows(table, lower, run, problems):
        for lc, indicator in indicators.items():
            _add(run, row_where, cell, indicator, (lc, lower[lc]), sheet_year)


def _checked_rows(table: Table, lower: dict[str, str], run: _Run,
                  header_problems: list[ImportProblem]) -> Iterator[tuple[Any, Where]]:
    """Each row's cell getter and place; no rows at all when the header has problems
    (they are recorded: a table with a broken header yields only those, not one per row)."""
    run.problems += header_problems
    if header_problems:
        return
    for row in table.rows:
        yield _cells(row, lower), Where(table.file, row.line, table.sheet)


def _cells(row: Row, lower: dict[str, str]):
    """Cell text by lower-case column name ("" when the column is absent)."""
    return lambda name: row.values.get(lower.get(name, ""), "")


def _add(run: _Run, where: Where, cell, indicator: Indicator, value_column: tuple[str, str],
         sheet_year: int | None) -> None:
    """Check one value and its district, year and demo flag; collect it or its problems.

    `value_column` is (lower-case key, header as written): "wert" in long form, the
    indicator's column in wide form.
    """
    value_key, value_field = value_column
    text = cell(value_key)
    if text.strip().lower() in NO_DATA:
        run.skipped_cells += 1
        return
    problems: list[ImportProblem] = []

    def attempt(column: str, parse, *args):
        try:
            return parse(*args)
        except CellError as exc:
            problems.append(where.problem(column, str(exc)))

    parsed = {
        "bezirk": attempt("bezirk", _district, run.districts, cell("bezirk")),
        "jahr": attempt("jahr", _year, cell("jahr"), sheet_year),
        "demo": attempt("demo", _demo, cell("demo")),
        "wert": attempt(value_field, _value, text, indicator),
    }
    run.problems += problems
    if not problems:
        _collect(run, where, indicator, parsed, cell("quelle"))


def _district(matcher: DistrictMatcher, text: str) -> str:
    if not text:
        raise CellError(t.REQUIRED_VALUE)
    return matcher.match(text)


def _collect(run: _Run, where: Where, indicator: Indicator, parsed: dict, source: str) -> None:
    key = (parsed["bezirk"], indicator.key, parsed["jahr"])
    if key in run.first_seen:
        message = t.DUPLICATE_VALUE.format(
            district=key[0], indicator=key[1], year=key[2], first=run.first_seen[key]
        )
        run.problems.append(where.problem(None, message))
        return
    run.first_seen[key] = where.label()
    if not source:
        run.defaulted_sources += 1
    value = IndicatorValue(*key, parsed["wert"], source or run.default_source, parsed["demo"])
    run.values.append(value)


def _year(text: str, sheet_year: int | None = None) -> int:
    """The row's year, else the sheet's ("2023"); one of them is required."""
    if not text:
        if sheet_year is None:
            raise CellError(t.REQUIRED_VALUE)
        return sheet_year
    try:
        year = parse_whole(text)
    except CellError:
        raise CellError(t.NOT_A_YEAR.format(value=text)) from None
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise CellError(t.NOT_A_YEAR.format(value=text))
    return year


def _demo(text: str) -> bool:
    return parse_bool(text) if text else False


def _value(text: str, indicator: Indicator) -> float:
    """A number; shares lie in 0–100, counts are whole and not negative."""
    value = parse_number(text.replace("%", ""))
    if indicator.unit == "%" and not 0 <= value <= 100:
        raise CellError(t.PERCENT_RANGE.format(value=text))
    if indicator.unit != "%":
        if value < 0:
            raise CellError(t.COUNT_NEGATIVE.format(value=text))
        parse_whole(text)
    return value


def _sheet_year(sheet: str | None) -> int | None:
    match = re.search(r"(?<!\d)(19|20)\d{2}(?!\d)", sheet or "")
    return int(match.group()) if match else None


def _summary_warnings(path: Path, run: _Run) -> list[ImportProblem]:
    """Say where sources were filled in and how many cells had no data."""
    warnings = []
    source = run.default_source
    if run.defaulted_sources and run.defaulted_sources == len(run.values):
        warnings.append(file_problem(path, t.SOURCE_DEFAULTED.format(source=source)))
    elif run.defaulted_sources:
        message = t.SOURCE_PARTLY_DEFAULTED.format(count=run.defaulted_sources, source=source)
        warnings.append(file_problem(path, message))
    if run.skipped_cells:
        message = t.EMPTY_CELLS_SKIPPED.format(count=run.skipped_cells)
        warnings.append(file_problem(path, message))
    return warnings
