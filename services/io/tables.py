"""Read CSV and XLSX tables the way German offices write them, every cell as text.

German Excel saves "CSV" with ";" between cells, a decimal comma and Windows-1252 encoding;
newer versions offer "CSV UTF-8" (with a byte order mark), and other tools write "," and
UTF-8. All of these are read. Cells stay text so that validation can quote exactly what a
person typed. Row numbers are those Excel shows: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import numpy as np
import pandas as pd

from services.io.cells import restore_formula_text
from services.io.errors import ImportFailed, ImportProblem, file_problem
from services.texts import validation as t

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # 1-based, as Excel or an editor shows it
    values: dict[str, str]  # stripped header -> cell text ("" when empty)


@dataclass(slots=True)
class Table:
    file: str  # file name for messages
    columns: list[str]  # stripped headers, in file order
    rows: list[Row]
    sheet: str | None = None
    kind: str = "table"  # "features" for rows that are GeoJSON features
    problems: list[ImportProblem] = field(default_factory=list)  # header problems


def read_table(path: Path) -> Table:
    """The first sheet of an XLSX file, or a CSV file."""
    return read_sheets(path, first_only=True)[0]


def read_sheets(path: Path, first_only: bool = False) -> list[Table]:
    """Every non-empty sheet of an XLSX file (a CSV file is one sheet)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed([file_problem(path, t.FILE_NOT_FOUND.format(path=path))])
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return [_table(path.name, None, _csv_records(path))]
    if suffix in XLSX_SUFFIXES:
        return _xlsx_tables(path, first_only)
    allowed = ", ".join(CSV_SUFFIXES + XLSX_SUFFIXES)
    raise ImportFailed(
        [file_problem(path, t.UNSUPPORTED_FORMAT.format(suffix=suffix, allowed=allowed))]
    )


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as German Excel writes it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")  # never fails; odd bytes show up in messages


def sniff_delimiter(text: str) -> str:
    """The separator used most often in the header line, outside quotes (";" on a tie)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie


def _csv_records(path: Path) -> list[list[str]]:
    """All records; a first line "sep=;" (Excel's hint) sets the separator and is dropped,
    as Excel does not show it as a row either."""
    text = decode(path.read_bytes())
    hint = re.match(r"sep=(.)[ \t]*\r?\n", text)
    delimiter = hint.group(1) if hint else sniff_delimiter(text)
    text = text[hint.end():] if hint else text
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [[restore_formula_text(cell) for cell in record] for record in records]


def _xlsx_tables(path: Path, first_only: bool) -> list[Table]:
    import openpyxl  # only needed for XLSX

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise ImportFailed([file_problem(path, t.FILE_UNREADABLE.format(reason=exc))]) from exc
    sheets = book.worksheets[:1] if first_only else book.worksheets
    tables = [_table(path.name, ws.title, _sheet_records(ws)) for ws in sheets]
    tables = [tb for tb in tables if tb.columns or first_only]
    if not tables:
        raise ImportFailed([file_problem(path, t.FILE_EMPTY)])
    return tables


def _sheet_records(ws) -> list[list[str]]:
    return [[cell_text(c.value, c.number_format) for c in row] for row in ws.iter_rows()]


def _table(file: str, sheet: str | None, records: list[list[str]]) -> Table:
    """Header = first non-empty record; empty records are skipped but keep their number."""
    numbered = [(i, [c.strip() for c in rec]) for i, rec in enumerate(records, start=1)]
    numbered = [(i, rec) for i, rec in numbered if any(rec)]
    table = Table(file, [], [], sheet)
    if not numbered:
        return table
    (header_line, header), body = numbered[0], numbered[1:]
    width = max(len(rec) for _, rec in numbered)
    header = header + [""] * (width - len(header))
    table.columns = _check_header(table, header_line, header, body)
    for line, rec in body:
        cells = rec + [""] * (width - len(rec))
        values = {h: c for h, c in zip(header, cells) if h}
        table.rows.append(Row(line, values))
    return table


def _check_header(table: Table, line: int, header: list[str], body) -> list[str]:
    seen: set[str] = set()
    for pos, name in enumerate(header):
        if not name and any(pos < len(rec) and rec[pos] for _, rec in body):
            message = t.EMPTY_HEADER.format(position=pos + 1)
            table.problems.append(_header_problem(table, line, None, message))
        elif name and name.lower() in seen:
            table.problems.append(_header_problem(table, line, name, t.DUPLICATE_HEADER))
        seen.add(name.lower())
    return [h for h in header if h]


def _header_problem(table: Table, line: int, field: str | None, message: str) -> ImportProblem:
    return ImportProblem(table.file, line, field, message, table.sheet)


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell or property value as the text a person would have typed."""
    if isinstance(value, (np.generic, np.ndarray)):
        value = value.tolist()
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, (int, float)):
        return _number_text(float(value), "%" in (number_format or ""))
    return str(value).strip()


def _number_text(value: float, percent: bool) -> str:
    """Excel stores 28,7 % as 0.287; give back what the person saw."""
    if percent:
        value = round(value * 100, 10)
    text = str(int(value)) if value.is_integer() else repr(value)
    return f"{text} %" if percent else text
