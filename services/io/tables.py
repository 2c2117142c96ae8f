"""Read CSV and XLSX tables the way German offices write them, every cell as text.

German Excel saves "CSV" with ";" between cells, a decimal comma and Windows-1252 encoding;
newer versions offer "CSV UTF-8" (with a byte order mark), and other tools write "," and
UTF-8. All of these are read. Cells stay text so that validation can quote exactly what a
person typed. Row numbers are those Excel shows: the header is row 1.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pandas as pd

from services.io.cells import restore_formula_text
from services.io.errors import ImportFailed, ImportProblem, file_problem, unreadable
from services.io.limits import (
    check_file_size,
    check_unpacked_size,
    check_xlsx_parts,
    limits,
)
from services.texts import validation as t

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_DELIMITERS = (";", ",", "\t")
log = logging.getLogger(__name__)


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
    """Every non-empty sheet of an XLSX file (a CSV file is one sheet).

    Size limits are checked before reading, the row limit while reading (services/io/limits.py).
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFailed([file_problem(path, t.FILE_NOT_FOUND.format(path=path))])
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        allowed = ", ".join(CSV_SUFFIXES + XLSX_SUFFIXES)
        raise ImportFailed(
            [file_problem(path, t.UNSUPPORTED_FORMAT.format(suffix=suffix, allowed=allowed))]
        )
    check_file_size(path)
    if suffix in CSV_SUFFIXES:
        return [_table(path.name, None, _csv_records(path))]
    check_unpacked_size(path)
    check_xlsx_parts(path)
    return _xlsx_tables(path, first_only)


# Byte order marks and NUL patterns of encodings German Excel users meet but cannot be read
# as text here; "Unicode-Text" in Excel is UTF-16.
_UNSUPPORTED_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)  # fmt: skip


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as German Excel writes it.

    UTF-16/32 would decode as Windows-1252 into garbage with a NUL between all letters,
    and give one confusing message per cell; they are refused once, by name.
    """
    encoding = _unsupported_encoding(data)
    if encoding:
        message = t.ENCODING_UNSUPPORTED.format(encoding=encoding)
        raise ImportFailed([file_problem(path, message)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")  # never fails; odd bytes show up in messages


def _unsupported_encoding(data: bytes) -> str | None:
    for bom, name in _UNSUPPORTED_BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    if head and head.count(0) > len(head) // 4:  # UTF-16 without BOM: every other byte NUL
        return "UTF-16"
    return None


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
    text = decode(path.read_bytes(), path)
    hint = re.match(r"sep=(.)[ \t]*\r?\n", text)
    delimiter = hint.group(1) if hint else sniff_delimiter(text)
    text = text[hint.end():] if hint else text
    reader = csv.reader(_narrow_lines(path, text, delimiter), delimiter=delimiter)
    max_records = limits().rows + 1  # and the header
    records = []
    try:
        for record in reader:
            records.append([restore_formula_text(cell) for cell in record])
            if len(records) > max_records:
                _too_many_rows(path)
    except csv.Error as exc:  # a field over csv's own limit (128 KiB) or broken quoting
        problem = ImportProblem(path.name, reader.line_num, None, _csv_error(exc))
        raise ImportFailed([problem]) from exc
    return records


def _narrow_lines(path: Path, text: str, delimiter: str) -> Iterator[str]:
    """The lines of the text, refusing one with more cells than the column limit before
    csv splits it: one 10 MB line of 5 million empty cells cost 285 MB as a record.

    A plain count of separators is cheap; only a line over the limit is counted again
    outside quotes (a quoted text may hold ";"), with the quote state carried over from
    the lines before (a quoted cell may span lines).
    """
    limit = limits().columns
    quoted = False
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if line.count(delimiter) >= limit:
            cells = _cells_outside_quotes(line, delimiter, quoted)
            if cells > limit:
                message = t.LIMIT_COLUMNS.format(count=cells, limit=limit)
                raise ImportFailed([ImportProblem(path.name, number, None, message)])
        quoted ^= line.count('"') % 2 == 1
        yield line


def _cells_outside_quotes(line: str, delimiter: str, quoted: bool) -> int:
    """Cells of one line: separators between quotes ("a;b") do not split."""
    pieces = line.split('"')
    outside = pieces[1::2] if quoted else pieces[::2]
    return sum(piece.count(delimiter) for piece in outside) + 1


def _csv_error(exc: csv.Error) -> str:
    """csv's English reason in German (the original goes to the debug log)."""
    if "field larger than field limit" in str(exc):
        return t.LIMIT_CELL.format(length=f"mehr als {csv.field_size_limit()}",
                                   limit=limits().cell_chars)
    log.debug("broken CSV", exc_info=exc)
    return t.CSV_BROKEN


def _too_many_rows(path: Path) -> None:
    raise ImportFailed([file_problem(path, t.LIMIT_ROWS.format(limit=limits().rows))])


def _xlsx_tables(path: Path, first_only: bool) -> list[Table]:
    """Sheets read in openpyxl's streaming mode: memory stays flat for large sheets."""
    import openpyxl  # only needed for XLSX

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise unreadable(path, exc) from exc
    try:
        sheets = book.worksheets[:1] if first_only else book.worksheets
        tables = [_sheet_table(path, book, ws) for ws in sheets]
    except ImportFailed:
        raise
    except Exception as exc:  # damaged sheet XML
        raise unreadable(path, exc) from exc
    finally:
        book.close()
    tables = [tb for tb in tables if tb.columns or first_only]
    if not tables:
        raise ImportFailed([file_problem(path, t.FILE_EMPTY)])
    return tables


def _sheet_table(path: Path, book, ws) -> Table:
    """One sheet; error values (#DIV/0! …) and formulas never calculated are problems."""
    ws.reset_dimensions()  # a wrong stored size would pad every row to it
    bounds = limits()
    max_records = bounds.rows + 1
    with book._archive.open(ws._worksheet_path) as source:
        excess = sheet_excess(source, max_records, bounds.columns)
    if excess.rows:
        _too_many_rows(path)
    if excess.far_cell:
        message = t.LIMIT_FAR_COLUMN.format(cell=excess.far_cell, limit=bounds.columns)
        raise ImportFailed([ImportProblem(path.name, None, None, message, ws.title)])
    records: list[list[str]] = []
    bad_cells: dict[tuple[int, int], str] = {}
    used = 0  # rows with a value: formatted but empty rows do not count against the limit
    for line, row in enumerate(ws.iter_rows(), start=1):
        if all(cell.value is None for cell in row):
            records.append([])  # keeps the line numbers, costs nothing
            continue
        used += 1
        if used > max_records:
            _too_many_rows(path)
        if len(row) > bounds.columns:  # before a text per cell is made
            message = t.LIMIT_COLUMNS.format(count=len(row), limit=bounds.columns)
            raise ImportFailed([ImportProblem(path.name, line, None, message, ws.title)])
        record = []
        for position, cell in enumerate(row):
            if cell.data_type == "e":
                bad_cells[(line, position)] = t.EXCEL_ERROR_VALUE.format(value=cell.value)
            record.append(cell_text(cell.value, cell.number_format))
        records.append(record)
    for line, position in _uncalculated_formulas(book, ws):
        bad_cells[(line, position)] = t.FORMULA_WITHOUT_VALUE
    return _table(path.name, ws.title, records, bad_cells)


_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_FORMULA_TAG = re.compile(rb"<(\w+:)?f[ >/]")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_CELL_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)[ >]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\s[^<>]*$")  # an open <c …> tag up to this point


@dataclass(frozen=True, slots=True)
class SheetExcess:
    """What a byte scan of a sheet's XML found beyond the limits."""

    rows: bool = False  # more rows with a value than allowed
    far_cell: str | None = None  # a cell reference beyond the column limit, e.g. "XFD1"


def sheet_excess(source, max_rows: int, max_columns: int, chunk: int = 1 << 20) -> SheetExcess:
    """Rows with a value, and cells farther right than the column limit, by a byte scan.

    Streaming 250,000 rows through openpyxl took 100 s on two busy cores before the limit
    refused a 400,000-row file; with this scan first the refusal takes 14 s (mostly the
    scan's inflating and splitting), and files within the limit pay one extra pass. Rows
    with formatting only (no <v>, no inline string) do not count, as in the read itself.
    openpyxl pads every row up to its last cell, so a 43 KB file with a cell in column XFD
    per row cost 30 s and 1.5 GB: a cell reference with more letters than the limit's
    column has (3 letters: beyond column 702) is refused here, unread.
    """
    far = _far_cell_pattern(max_columns)
    count, tail = 0, b""
    while block := source.read(chunk):
        text = tail + block
        cell = _far_cell(far, text) if far else None
        if cell:
            return SheetExcess(far_cell=cell)
        rows = _ROW_END.split(text)
        tail = rows.pop()  # the row still open at the end of this block
        count += sum(1 for row in rows if _CELL_VALUE.search(row))
        if count > max_rows:
            return SheetExcess(rows=True)
    return SheetExcess()


def _far_cell_pattern(max_columns: int) -> re.Pattern | None:
    """Cell references with more letters than column `max_columns` (A–Z, AA–ZZ, AAA–)."""
    letters = 1 if max_columns <= 26 else 2 if max_columns <= 702 else 3
    if letters == 3:
        return None
    return re.compile(rb"r\s*=\s*[\"']([A-Z]{%d,3}[0-9]+)" % (letters + 1))


def _far_cell(pattern: re.Pattern, text: bytes) -> str | None:
    """The first reference the pattern finds in the r attribute of a <c> tag (a cell's
    text may hold the same letters)."""
    for match in pattern.finditer(text):
        if _CELL_TAG.search(text, max(0, match.start() - 256), match.start()):
            return match.group(1).decode("ascii")
    return None


def _uncalculated_formulas(book, ws) -> list[tuple[int, int]]:
    """(row, 0-based column) of formula cells without a cached value.

    Tools other than Excel (scripts, some exports) write formulas without results; read
    with cached values they would import as empty cells. A quick byte scan skips sheets
    without any formula; only others are parsed a second time.
    """
    from openpyxl.utils.cell import coordinate_to_tuple  # openpyxl: only for XLSX files

    with book._archive.open(ws._worksheet_path) as source:
        if not _has_formula(source):
            return []
    found = []
    with book._archive.open(ws._worksheet_path) as source:
        for _, element in ElementTree.iterparse(source):
            if element.tag == f"{_SHEET_NS}c":
                if _uncalculated(element) and element.get("r"):
                    row, column = coordinate_to_tuple(element.get("r"))
                    found.append((row, column - 1))
                element.clear()
    return found


def _uncalculated(cell: ElementTree.Element) -> bool:
    """A formula without <v>, or with an empty one in a cell not typed as text (openpyxl
    writes <v/>; Excel writes an empty <v> only for text results, with t="str")."""
    if cell.find(f"{_SHEET_NS}f") is None:
        return False
    value = cell.find(f"{_SHEET_NS}v")
    return value is None or (not value.text and cell.get("t", "n") not in ("str", "s"))


def _has_formula(source, chunk: int = 1 << 20) -> bool:
    tail = b""
    while block := source.read(chunk):
        if _FORMULA_TAG.search(tail + block):
            return True
        tail = block[-16:]
    return False


def _table(file: str, sheet: str | None, records: list[list[str]],
           bad_cells: dict[tuple[int, int], str] | None = None) -> Table:
    """Header = first non-empty record; empty records are skipped but keep their number."""
    numbered = [(i, [c.strip() for c in rec]) for i, rec in enumerate(records, start=1)]
    numbered = [(i, rec) for i, rec in numbered if any(rec)]
    table = Table(file, [], [], sheet)
    if not numbered:
        return table
    (header_line, header), body = numbered[0], numbered[1:]
    width = max(len(rec) for _, rec in numbered)
    if width > limits().columns:
        message = t.LIMIT_COLUMNS.format(count=width, limit=limits().columns)
        raise ImportFailed([ImportProblem(file, header_line, None, message, sheet)])
    header = header + [""] * (width - len(header))
    table.columns = _check_header(table, header_line, header, body)
    bad_cells = dict(bad_cells or {})
    cell_limit = limits().cell_chars
    for line, rec in body:
        cells = rec + [""] * (width - len(rec))
        bad_cells.update(_cell_problems(line, cells, cell_limit))
        values = {h: c for h, c in zip(header, cells) if h}
        table.rows.append(Row(line, values))
    for (line, position), message in sorted(bad_cells.items()):
        name = header[position] if position < len(header) and header[position] else None
        table.problems.append(ImportProblem(file, line, name, message, sheet))
    return table


def _cell_problems(line: int, cells: list[str], limit: int) -> dict[tuple[int, int], str]:
    found = {}
    for position, cell in enumerate(cells):
        message = cell_problem(cell, limit)
        if message:
            found[(line, position)] = message
    return found


def cell_problem(text: str, limit: int) -> str | None:
    """A cell too long to be meant, or holding NUL (PostgreSQL refuses it, SQLite cuts at it)."""
    if len(text) > limit:
        return t.LIMIT_CELL.format(length=len(text), limit=limit)
    if "\x00" in text:
        return t.NUL_CHARACTER
    return None


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
    if type(value) is str:  # most cells: skip the checks below
        return value.strip()
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
        text = _number_text(float(value), "%" in (number_format or ""))
        return _zero_padded(text, number_format)
    return str(value).strip()


def _zero_padded(text: str, number_format: str | None) -> str:
    """Excel shows 1 formatted "00" as "01": ids like district "01" keep their zero."""
    if number_format and re.fullmatch(r"0+", number_format) and text.isdigit():
        return text.zfill(len(number_format))
    return text


def _number_text(value: float, percent: bool) -> str:
    """Excel stores 28,7 % as 0.287; give back what the person saw."""
    if percent:
        value = round(value * 100, 10)
    text = str(int(value)) if value.is_integer() else repr(value)
    return f"{text} %" if percent else text
