"""One problem type for every import: where in which file, and what is wrong, in German.

`row` is what a person sees: in a table the header is line 1 and the first data row is line
2 (the row number Excel shows); in a GeoJSON/GeoPackage/Shapefile it is the feature's
position counted from 1 ("Objekt 3"). Warnings use the same type so they can point at rows
too; only `ImportFailed` stops an import.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from services.texts import validation as t

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    file: str  # file name as the person knows it, e.g. "offers.csv"
    row: int | None
    field: str | None
    message: str
    sheet: str | None = None  # XLSX sheet
    kind: Literal["table", "features"] = "table"  # features: "Objekt n", "Feld 'x'"

    def __str__(self) -> str:
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(t.WHERE_SHEET.format(sheet=self.sheet))
        if self.row is not None:
            where = t.WHERE_FEATURE if self.kind == "features" else t.WHERE_ROW
            parts.append(where.format(row=self.row))
        if self.field:
            where = t.WHERE_PROPERTY if self.kind == "features" else t.WHERE_COLUMN
            parts.append(where.format(field=self.field))
        location = ", ".join(parts)
        return f"{location}: {self.message}" if location else self.message


class ImportFailed(Exception):
    """Raised with every problem a file has, so people can fix them all in one pass."""

    def __init__(self, problems: Iterable[ImportProblem]):
        self.problems: list[ImportProblem] = list(problems)
        # the first few only: a million-line message would cost more than the import
        super().__init__("\n".join(str(p) for p in self.problems[:20]))


@dataclass(frozen=True, slots=True)
class Where:
    """A row's location, handed to checks so their problems point at the right place."""

    file: str
    row: int | None = None
    sheet: str | None = None
    kind: Literal["table", "features"] = "table"

    def problem(self, field: str | None, message: str) -> ImportProblem:
        return ImportProblem(self.file, self.row, field, message, self.sheet, self.kind)

    def label(self) -> str:
        """Short German label of this row, used in messages about duplicates."""
        template = t.WHERE_FEATURE if self.kind == "features" else t.WHERE_ROW
        return template.format(row=self.row)


def file_problem(path: str | Path, message: str) -> ImportProblem:
    """A problem about a whole file (not found, unreadable, no CRS …)."""
    return ImportProblem(Path(path).name, None, None, message)


def unreadable(path: str | Path, exc: BaseException) -> ImportFailed:
    """The German error for a file a library could not read; its English reason (GDAL,
    openpyxl, zipfile internals) goes to the debug log, not to the person."""
    log.debug("cannot read %s", path, exc_info=exc)
    if isinstance(exc, json.JSONDecodeError):
        message = t.JSON_INVALID.format(line=exc.lineno, column=exc.colno)
    else:
        message = t.FILE_UNREADABLE.format(suffix=Path(path).suffix)
    return ImportFailed([file_problem(path, message)])


def load_json(path: Path, text: str):
    """The parsed JSON, or ImportFailed in German: the decoder's position, or that the file
    nests deeper than Python's recursion limit (a hostile "[[[[…" file)."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ImportFailed([file_problem(path, t.JSON_TOO_DEEP)]) from exc
    except ValueError as exc:
        raise unreadable(path, exc) from exc


def raise_if_any(problems: list[ImportProblem]) -> None:
    if problems:
        raise ImportFailed(problems)
