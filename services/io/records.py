"""The one row-validation mechanism of offers and offices, and their file formats.

A `RecordSpec` says which German column feeds which model field and how (services/io/
fields.py). `read_records` reads CSV, XLSX or GeoJSON, checks every row and raises
`ImportFailed` with all problems; `write_records` writes the same three formats so that an
exported file imports again unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.io import writers
from services.io.cells import CellError, value_text
from services.io.errors import ImportFailed, ImportProblem, Where, file_problem, raise_if_any
from services.io.fields import TEXT, Kind
from services.io.points import read_point_table
from services.io.tables import CSV_SUFFIXES, XLSX_SUFFIXES, Row, Table, read_table
from services.texts import validation as t

GEOJSON_SUFFIXES = (".geojson", ".json")
Check = Callable[[dict[str, Any]], list[tuple[str, str]]]  # -> [(column, message)]


@dataclass(frozen=True, slots=True)
class RecordSpec:
    model: type  # Offer or Office
    columns: dict[str, str]  # German column -> model field (services/io/columns.py)
    kinds: dict[str, Kind]  # German column -> field kind; TEXT when absent
    required: tuple[str, ...]
    checks: tuple[Check, ...] = ()
    sheet_title: str = "Daten"
    # written on export for the reader's information, ignored on import (e.g. an offer's
    # district, which the importer derives from the position)
    read_only: tuple[str, ...] = ()
    id_column: str = "id"  # where a duplicate id is reported
    duplicate_message: str = t.DUPLICATE_ID  # {value}, {first}

    def kind(self, column: str) -> Kind:
        return self.kinds.get(column, TEXT)


def read_records(path: Path, spec: RecordSpec) -> list:
    """Every record of a CSV, XLSX or GeoJSON file, or ImportFailed with all problems."""
    path = Path(path)
    table = read_point_table(path) if path.suffix.lower() in GEOJSON_SUFFIXES else read_table(path)
    records, problems = parse_table(table, spec)
    raise_if_any(problems)
    return records


def parse_table(table: Table, spec: RecordSpec) -> tuple[list, list[ImportProblem]]:
    """Check columns, then every row; a row with problems yields no record."""
    missing = _missing_columns(table, spec)
    problems = list(table.problems) + missing + _unknown_columns(table, spec)
    if missing:
        return [], problems  # else "Wert fehlt" would repeat on every row
    lookup = {c.lower(): c for c in table.columns}
    records, first_seen = [], {}
    for row in table.rows:
        where = Where(table.file, row.line, table.sheet, table.kind)
        record, row_problems = _parse_row(row, lookup, spec, where)
        if record is not None:
            row_problems += _duplicate_id(record.id, where, first_seen, spec)
        problems += row_problems
        if not row_problems:
            records.append(record)
    return records, problems


def _duplicate_id(
    record_id: str, where: Where, first_seen: dict[str, str], spec: RecordSpec
) -> list:
    """Two rows with one id would silently overwrite each other in the database."""
    if record_id in first_seen:
        message = spec.duplicate_message.format(value=record_id, first=first_seen[record_id])
        return [where.problem(spec.id_column, message)]
    first_seen[record_id] = where.label()
    return []


def _missing_columns(table: Table, spec: RecordSpec) -> list[ImportProblem]:
    where = Where(table.file, None, table.sheet, table.kind)
    present = {c.lower() for c in table.columns}
    message = t.MISSING_COLUMN.format(available=", ".join(table.columns) or "keine")
    return [where.problem(col, message) for col in spec.required if col not in present]


def _unknown_columns(table: Table, spec: RecordSpec) -> list[ImportProblem]:
    """Typo protection: a misspelt "max_alterr" would otherwise be dropped silently."""
    where = Where(table.file, None, table.sheet, table.kind)
    message = t.UNKNOWN_COLUMN.format(allowed=", ".join(spec.columns))
    known = {*spec.columns, *spec.read_only}
    return [where.problem(col, message) for col in table.columns if col.lower() not in known]


def _parse_row(row: Row, lookup: dict[str, str], spec: RecordSpec, where: Where):
    texts = {column: row.values.get(lookup.get(column, ""), "") for column in spec.columns}
    record, found = parse_values(texts, spec)
    return record, [where.problem(column, message) for column, message in found]


def parse_values(texts: dict[str, str], spec: RecordSpec) -> tuple[Any, list[tuple[str, str]]]:
    """THE row rules: German column -> cell text to a record, or [(column, message)].

    A file row and a form in the app (services/editing.py) both go through here, so the
    same bad value gets the same German message in both.
    """
    values: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for column, field in spec.columns.items():
        text = texts.get(column, "")
        if not text:
            if column in spec.required:
                problems.append((column, t.REQUIRED_VALUE))
            continue
        try:
            values[field] = spec.kind(column).parse(text)
        except CellError as exc:
            problems.append((column, str(exc)))
    if problems:
        return None, problems
    for check in spec.checks:
        problems += check(values)
    return (None if problems else spec.model(**values)), problems


def record_cells(record: Any, spec: RecordSpec) -> dict[str, Any]:
    """German column -> value for writers: text, float, date or None."""
    out: dict[str, Any] = {}
    for column, field in spec.columns.items():
        value = getattr(record, field)
        out[column] = None if value is None else spec.kind(column).dump(value)
    return out


def record_texts(record: Any, spec: RecordSpec) -> dict[str, str]:
    """German column -> the cell text a file would hold ("" for none): what parse_values
    reads back to the same record (form defaults, audit values)."""
    texts = {}
    for column, field in spec.columns.items():
        value = getattr(record, field)
        # most columns are plain TEXT: skip the calls (an import logs 10,000 new records)
        plain = value.__class__ is str and column not in spec.kinds
        texts[column] = value if plain else column_text(spec, column, value)
    return texts


def column_text(spec: RecordSpec, column: str, value: Any) -> str:
    """One model value as the text of its column's cell."""
    return value_text(None if value is None else spec.kind(column).dump(value), decimal_comma=False)


def write_records(
    records: list, path: Path, spec: RecordSpec, read_only: list[dict[str, Any]] | None = None
) -> None:
    """Write by extension: .csv (German Excel), .xlsx or .geojson.

    `read_only`: per record, the values of `spec.read_only` (columns after the others)."""
    path = Path(path)
    suffix = path.suffix.lower()
    rows = [record_cells(r, spec) for r in records]
    columns = list(spec.columns)
    if read_only is not None:
        rows = [row | extra for row, extra in zip(rows, read_only, strict=True)]
        columns += list(spec.read_only)
    if suffix in CSV_SUFFIXES:
        writers.write_csv(rows, columns, path)
    elif suffix in XLSX_SUFFIXES:
        writers.write_xlsx(rows, columns, path, spec.sheet_title)
    elif suffix in GEOJSON_SUFFIXES:
        writers.write_point_geojson(rows, columns, path)
    else:
        allowed = ", ".join(CSV_SUFFIXES + XLSX_SUFFIXES + GEOJSON_SUFFIXES)
        message = t.UNSUPPORTED_FORMAT.format(suffix=suffix, allowed=allowed)
        raise ImportFailed([file_problem(path, message)])

