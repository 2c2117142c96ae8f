"""What one import file may cost: every limit in one place, checked before the expensive work.

A hostile or broken file must not take the server's memory or hours of CPU (a 382 KB
GeoJSON once made geometry repair ask for 12.5 GB). Each limit is far above what Bottrop's
real files need (17–27 districts, a few thousand vertices per district, 50,000 offers) and
can be changed with an environment variable QA_LIMIT_<NAME> (docs/configuration.md); the
values are parsed once with the other settings (services/config.py `Limits`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

from services.config import Limits, SettingsError, load_settings
from services.formatting import MB, format_mb
from services.io.errors import ImportFailed, ImportProblem, file_problem, unreadable
from services.texts import validation as t


def limits() -> Limits:
    """The limits in force: defaults, each overridable by QA_LIMIT_<NAME> (services/config.py)."""
    return load_settings().limits


def shown_problems() -> int:
    """How many problems a list shows: the limit, or its default while a QA_LIMIT_* value
    is invalid (the list then shows that very error, so it must not fail again)."""
    try:
        return limits().reported_problems
    except SettingsError:
        return Limits().reported_problems


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


# openpyxl parses these XLSX parts whole, unlike the streamed worksheets: a 141 KB file
# with a 57 MB shared-strings table took 31 s and 545 MB before its header was read.
_CONTENT_TYPES = "[Content_Types].xml"
_SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"


def check_xlsx_parts(path: Path) -> None:
    """Refuse an XLSX whose text table (or the content-type list naming it) is too large,
    from the archive's directory, before openpyxl parses either."""
    limit = limits().shared_strings_mb * MB
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = {info.filename: info.file_size for info in archive.infolist()}
            small = sizes.get(_CONTENT_TYPES, 0) <= limit
            root = ElementTree.fromstring(archive.read(_CONTENT_TYPES)) if small else None
    except Exception as exc:  # zipfile and the XML parser raise many types for broken files
        raise unreadable(path, exc) from exc
    if root is None:
        _refuse_part(path, _CONTENT_TYPES, sizes[_CONTENT_TYPES], limit)
    for override in root.iter(_OVERRIDE):
        part = override.get("PartName", "").lstrip("/")
        if override.get("ContentType") == _SHARED_STRINGS_TYPE and sizes.get(part, 0) > limit:
            _refuse_part(path, part, sizes[part], limit)


def _refuse_part(path: Path, part: str, size: int, limit: float) -> None:
    message = t.LIMIT_SHARED_STRINGS.format(part=part, size=format_mb(size), limit=format_mb(limit))
    raise ImportFailed([file_problem(path, message)])


# A Shapefile stores each vertex as 16 (XY), 24 (M) or 32 (Z) bytes, plus per record a
# header, bounding box and part offsets: the vertex limit therefore bounds the .shp size.
_SHP_HEADER_BYTES = 100
_SHP_RECORD_BYTES = 8 + 44 + 32  # record header, type/box/counts, Z and M ranges
_SHP_VERTEX_BYTES = {5: 16, 15: 32, 25: 24}  # Polygon, PolygonZ, PolygonM
_SHP_MAX_VERTEX_BYTES = 32


def shp_budget(shape_type: int) -> int:
    """The largest .shp a layer within the feature and vertex limits can need, in bytes.

    Parts cost 4 bytes each and a ring has at least 4 vertices, hence the extra byte.
    """
    bounds = limits()
    per_vertex = _SHP_VERTEX_BYTES.get(shape_type, _SHP_MAX_VERTEX_BYTES) + 1
    return (_SHP_HEADER_BYTES + bounds.features * _SHP_RECORD_BYTES
            + bounds.vertices * per_vertex)


def check_shp_size(path: Path) -> None:
    """Refuse a Shapefile (plain or zipped) whose .shp is larger than the vertex limit
    allows, before GDAL reads a geometry: a 1.4 MB ZIP held a 480 MB .shp."""
    for member, size, header in _shp_members(path):
        budget = shp_budget(int.from_bytes(header[32:36], "little") if len(header) == 36 else 0)
        if size > budget:
            message = t.LIMIT_SHP_SIZE.format(member=member, size=format_mb(size), limit=format_mb(budget),
                                              vertices=limits().vertices)
            raise ImportFailed([file_problem(path, message)])


def _shp_members(path: Path) -> list[tuple[str, int, bytes]]:
    """(name, size, first 36 bytes) of each .shp: the file itself, or those in its ZIP."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".shp":
            with path.open("rb") as handle:
                return [(path.name, path.stat().st_size, handle.read(36))]
        if suffix != ".zip":
            return []
        with zipfile.ZipFile(path) as archive:
            return [(info.filename, info.file_size, _head(archive, info))
                    for info in archive.infolist() if info.filename.lower().endswith(".shp")]
    except Exception as exc:  # zipfile raises many types for broken or odd archives
        raise unreadable(path, exc) from exc


def _head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as member:
        return member.read(36)


def check_total_offers(file: str, stored: Iterable[str], imported: Iterable[str]) -> None:
    """Refuse an import after which the database would hold more offers than the limit.

    The row limit is per file and offers imports add by id, so four files could store a
    million offers; the app holds all of them in memory (one million took it to 3.4 GB).
    """
    count = len(set(stored) | set(imported))
    limit = limits().offers
    if count > limit:
        message = t.LIMIT_OFFERS.format(count=count, limit=limit)
        raise ImportFailed([ImportProblem(file, None, None, message)])
