"""What one import file may cost: every limit in one place, checked before the expensive work.

A hostile or broken file must not take the server's memory or hours of CPU (a 382 KB
GeoJSON once made geometry repair ask for 12.5 GB). Each limit is far above what Bottrop's
real files need (17–27 districts, a few thousand vertices per district, 50,000 offers) and
can be changed with an environment variable QA_LIMIT_<NAME> (docs/configuration.md); the
values are parsed once with the other settings (services/config.py `Limits`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from services.config import Limits, load_settings
from services.formatting import MB, format_mb
from services.io.errors import ImportFailed, file_problem, unreadable
from services.texts import validation as t


def limits() -> Limits:
    """The limits in force: defaults, each overridable by QA_LIMIT_<NAME> (services/config.py)."""
    return load_settings().limits


def check_file_size(path: Path) -> None:
    """Refuse a file larger than the limit before reading a byte of it."""
    limit = limits().file_mb
    size = Path(path).stat().st_size
    if size > limit * MB:
        message = t.LIMIT_FILE_SIZE.format(size=format_mb(size), limit=format_mb(limit * MB))
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
        message = t.LIMIT_UNPACKED_SIZE.format(size=format_mb(size), limit=format_mb(limit * MB))
        raise ImportFailed([file_problem(path, message)])

