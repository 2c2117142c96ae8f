"""What one import file may cost: every limit in one place, checked before the expensive work.

A hostile or broken file must not take the server's memory or hours of CPU (a 382 KB
GeoJSON once made geometry repair ask for 12.5 GB). Each limit is far above what Bottrop's
real files need (17–27 districts, a few thousand vertices per district, 50,000 offers) and
can be changed with an environment variable QA_LIMIT_<NAME> (docs/operations.md).
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path

from services.io.errors import ImportFailed, file_problem, unreadable
from services.texts import validation as t

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    file_mb: float = 100.0  # size of the file as given (50,000 demo-like offers: 17 MB)
    unpacked_mb: float = 500.0  # XLSX and zipped Shapefiles: all members unpacked
    rows: int = 250_000  # data rows of a table or features of a point GeoJSON
    columns: int = 300
    cell_chars: int = 20_000  # one cell's text
    features: int = 2_000  # polygons of a district layer
    vertices_per_feature: int = 250_000
    vertices: int = 2_000_000  # all polygons of a layer together
    repair_seconds: float = 20.0  # geometry check and repair of a layer, in a child process
    repair_mb: int = 1_024  # address space that child process may add
    reported_problems: int = 50  # problems listed; the rest only counted
    gebref_mb: float = 2_048.0  # Gebäudereferenzen (streamed): NRW's whole file is ~0.5–0.7 GB


def limits() -> Limits:
    """The limits in force: defaults, each overridable by QA_LIMIT_<NAME> (read each call)."""
    values = {}
    for f in fields(Limits):
        raw = os.environ.get(f"QA_LIMIT_{f.name.upper()}")
        if raw:
            values[f.name] = type(f.default)(float(raw))
    return Limits(**values)


def check_file_size(path: Path) -> None:
    """Refuse a file larger than the limit before reading a byte of it."""
    limit = limits().file_mb
    size = Path(path).stat().st_size
    if size > limit * MB:
        message = t.LIMIT_FILE_SIZE.format(size=_mb(size), limit=_mb(limit * MB))
        raise ImportFailed([file_problem(path, message)])


def check_unpacked_size(path: Path) -> None:
    """Refuse a ZIP container (XLSX, zipped Shapefile) that unpacks to too much.

    The sizes come from the archive's directory, so a "zip bomb" is caught unread.
    """
    limit = limits().unpacked_mb
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise unreadable(path, exc) from exc
    if size > limit * MB:
        message = t.LIMIT_UNPACKED_SIZE.format(size=_mb(size), limit=_mb(limit * MB))
        raise ImportFailed([file_problem(path, message)])


def _mb(size: float) -> str:
    return f"{size / MB:.1f}".replace(".", ",")
