"""Write rows of German columns as CSV, XLSX or GeoJSON (Point features).

CSV is written for German Excel: UTF-8 with a byte order mark (without it Excel reads
Windows-1252 and garbles "ü"), ";" between cells and a decimal comma, so a double click
opens correct columns and numbers. Our reader accepts this and the English variants.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from services.io.cells import defuse_formula, value_text

DATE_FORMAT_XLSX = "DD.MM.YYYY"


def _csv_text(value: Any) -> str:
    return value_text(value, decimal_comma=True, text=defuse_formula)


def csv_bytes(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    """The CSV file's bytes (with BOM), for a download that never touches the disk."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_csv_text(row.get(c)) for c in columns] for row in rows)
    return text.getvalue().encode("utf-8-sig")


def write_csv(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    Path(path).write_bytes(csv_bytes(rows, columns))


def xlsx_bytes(rows: list[dict[str, Any]], columns: list[str], title: str) -> bytes:
    """The XLSX file's bytes, for a download."""
    buffer = io.BytesIO()
    write_xlsx(rows, columns, buffer, title)
    return buffer.getvalue()


def write_xlsx(rows: list[dict[str, Any]], columns: list[str], path: Path | BinaryIO, title: str) -> None:
    """Numbers stay numbers and dates dates, so Excel can sort and filter them."""
    write_xlsx_sheets([(title, columns, rows)], path)


def write_xlsx_sheets(sheets: list[tuple[str, list[str], list[dict[str, Any]]]], path: Path) -> None:
    """One workbook with a sheet per (title, columns, rows), e.g. a table and its metadata."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([row.get(c) for c in columns])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, date):
                    cell.number_format = DATE_FORMAT_XLSX
                elif cell.data_type == "f":  # openpyxl takes any text starting with "=" as formula
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
    book.save(path)


def write_point_geojson(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    """RFC 7946 GeoJSON in WGS84; lat/lon become the Point, the rest properties."""
    features = []
    for row in rows:
        props = {c: _json_value(row.get(c)) for c in columns if c not in ("lat", "lon")}
        geometry = {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    collection = {"type": "FeatureCollection", "features": features}
    Path(path).write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
