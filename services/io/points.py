"""Read a GeoJSON file of Point features as a table: properties + lat/lon from the geometry.

Read with the json module, not GDAL, so property texts reach validation exactly as written
(GDAL would guess types and turn "2024-05-31" into a date). A legacy "crs" member (e.g.
EPSG:25832, as some GIS tools still write) is honoured and the points are reprojected to
WGS84; without it the file is WGS84 as RFC 7946 says.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from services.io.cells import cell_number_text
from services.io.errors import ImportFailed, ImportProblem, file_problem, unreadable
from services.io.limits import check_file_size, limits
from services.io.tables import Row, Table, cell_problem, cell_text, decode
from services.model import WEB_CRS
from services.texts import validation as t


def read_point_table(path: Path) -> Table:
    path = Path(path)
    features, transform = _load(path)
    table = Table(path.name, [], [], kind="features")
    columns: dict[str, None] = {}
    cell_limit = limits().cell_chars
    for number, feature in enumerate(features, start=1):
        props = (feature or {}).get("properties") or {}
        values = {str(k).strip(): cell_text(v) for k, v in props.items()}
        values.pop("lat", None), values.pop("lon", None)  # the geometry is the position
        columns.update(dict.fromkeys(values))
        for name, text in values.items():
            message = cell_problem(text, cell_limit)
            if message:
                table.problems.append(
                    ImportProblem(path.name, number, name, message, None, "features"))
        try:
            lon, lat = transform(*_point_xy(feature))
        except ValueError as exc:
            problem = ImportProblem(path.name, number, None, str(exc), None, "features")
            table.problems.append(problem)
            continue
        position = {"lat": _exact(lat), "lon": _exact(lon)}  # German, as messages quote them
        table.rows.append(Row(number, values | position))
    table.columns = list(columns | {"lat": None, "lon": None})
    return table


def _load(path: Path):
    if not path.is_file():
        raise ImportFailed([file_problem(path, t.FILE_NOT_FOUND.format(path=path))])
    check_file_size(path)
    try:
        doc = json.loads(decode(path.read_bytes(), path))
    except ValueError as exc:
        raise unreadable(path, exc) from exc
    if not isinstance(doc, dict):
        raise ImportFailed([file_problem(path, t.NO_FEATURES)])
    features = [doc] if doc.get("type") == "Feature" else doc.get("features")
    if not features or not isinstance(features, list):
        raise ImportFailed([file_problem(path, t.NO_FEATURES)])
    if len(features) > limits().rows:
        raise ImportFailed([file_problem(path, t.LIMIT_ROWS.format(limit=limits().rows))])
    return features, _transform_to_wgs84(path, doc)


def _exact(value: float) -> str:
    return cell_number_text(float(value), decimal_comma=True)


def _transform_to_wgs84(path: Path, doc: dict):
    name = ((doc.get("crs") or {}).get("properties") or {}).get("name")
    if not name:
        return lambda x, y: (x, y)
    try:
        source = CRS.from_user_input(name)
    except CRSError as exc:
        raise ImportFailed([file_problem(path, t.CRS_UNUSABLE.format(reason=exc))]) from exc
    transform = Transformer.from_crs(source, WEB_CRS, always_xy=True).transform
    if not source.is_projected:
        return transform

    def checked(x: float, y: float) -> tuple[float, float]:
        """Degrees under a metric CRS would land near the equator: say so once."""
        if abs(x) <= 180 and abs(y) <= 90:
            message = t.POINTS_DEGREES_AS_METRES.format(crs=name)
            raise ImportFailed([file_problem(path, message)])
        return transform(x, y)

    return checked


def _point_xy(feature: dict) -> tuple[float, float]:
    geometry = (feature or {}).get("geometry")
    if not geometry:
        raise ValueError(t.NO_GEOMETRY)
    if geometry.get("type") != "Point":
        raise ValueError(t.NOT_A_POINT.format(kind=geometry.get("type")))
    coords = geometry.get("coordinates") or []
    if not isinstance(coords, list) or len(coords) < 2:
        raise ValueError(t.GEOMETRY_EMPTY)
    try:
        x, y = float(coords[0]), float(coords[1])
    except (TypeError, ValueError):
        raise ValueError(t.NOT_A_NUMBER.format(value=coords[:2])) from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValueError(t.NOT_A_NUMBER.format(value=coords[:2]))
    return x, y
