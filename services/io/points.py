"""Read a GeoJSON file of Point features as a table: properties + lat/lon from the geometry.

Read with the json module, not GDAL, so property texts reach validation exactly as written
(GDAL would guess types and turn "2024-05-31" into a date). A legacy "crs" member (e.g.
EPSG:25832, as some GIS tools still write) is honoured and the points are reprojected to
WGS84; without it the file is WGS84 as RFC 7946 says.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError, ProjError

from services.io.cells import cell_number_text
from services.io.errors import ImportFailed, ImportProblem, Where, file_problem, load_json
from services.io.limits import check_file_size, limits
from services.io.tables import Row, Table, cell_problem, cell_text, decode
from services.model import WEB_CRS
from services.texts import validation as t

log = logging.getLogger(__name__)


def read_point_table(path: Path) -> Table:
    """Every feature's properties and WGS84 position as a row; a feature of the wrong JSON
    shape (a number, properties as a list …) is a problem naming it and its member."""
    path = Path(path)
    features, transform = _load(path)
    table = Table(path.name, [], [], kind="features")
    columns: dict[str, None] = {}
    cell_limit = limits().cell_chars
    for number, feature in enumerate(features, start=1):
        where = Where(path.name, number, kind="features")
        shape = _shape_problem(feature, where)
        if shape:
            table.problems.append(shape)
            continue
        try:
            values = {str(k).strip(): cell_text(v)
                      for k, v in (feature.get("properties") or {}).items()}
        except RecursionError:  # a list in a list … just under the JSON reader's limit
            table.problems.append(where.problem("properties", t.JSON_VALUE_TOO_DEEP))
            continue
        values.pop("lat", None), values.pop("lon", None)  # the geometry is the position
        columns.update(dict.fromkeys(values))
        table.problems += [where.problem(name, message) for name, text in values.items()
                           if (message := cell_problem(text, cell_limit))]
        try:
            lon, lat = transform(*_point_xy(feature.get("geometry")))
        except ValueError as exc:
            table.problems.append(where.problem(None, str(exc)))
            continue
        position = {"lat": _exact(lat), "lon": _exact(lon)}  # German, as messages quote them
        table.rows.append(Row(number, values | position))
    table.columns = list(columns | {"lat": None, "lon": None})
    return table


def _shape_problem(feature, where: Where) -> ImportProblem | None:
    """A feature that is no JSON object, or whose properties or geometry are none."""
    if not isinstance(feature, dict):
        return where.problem(None, t.FEATURE_NOT_AN_OBJECT.format(kind=_json_kind(feature)))
    for member in ("properties", "geometry"):
        value = feature.get(member)
        if value is not None and not isinstance(value, dict):
            return where.problem(member, _not_an_object(value))
    return None


def _json_kind(value: object) -> str:
    """What a JSON value is, in German words ("eine Liste"), for shape errors."""
    return t.JSON_KINDS.get(type(value).__name__, t.JSON_KIND_OTHER)


def _not_an_object(value: object) -> str:
    return t.JSON_NOT_AN_OBJECT.format(kind=_json_kind(value))


def _load(path: Path):
    if not path.is_file():
        raise ImportFailed([file_problem(path, t.FILE_NOT_FOUND.format(path=path))])
    check_file_size(path)
    doc = load_json(path, decode(path.read_bytes(), path))
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
    name = _crs_name(path, doc.get("crs"))
    if not name:
        return lambda x, y: (x, y)
    try:
        source = CRS.from_user_input(name)
        transform = Transformer.from_crs(source, WEB_CRS, always_xy=True).transform
    except (CRSError, ProjError) as exc:  # PROJ's English reason goes to the debug log
        log.debug("unusable CRS in %s", path, exc_info=exc)
        message = t.CRS_UNUSABLE.format(crs=name[:80])
        raise ImportFailed([_crs_problem(path, message)]) from None
    if not source.is_projected:
        return transform

    def checked(x: float, y: float) -> tuple[float, float]:
        """Degrees under a metric CRS would land near the equator: say so once."""
        if abs(x) <= 180 and abs(y) <= 90:
            message = t.POINTS_DEGREES_AS_METRES.format(crs=name)
            raise ImportFailed([file_problem(path, message)])
        return transform(x, y)

    return checked


def _crs_name(path: Path, crs) -> str | None:
    """The legacy "crs" member's name ({"type": "name", "properties": {"name": …}})."""
    if crs is None:
        return None
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    if not isinstance(crs, dict) or not isinstance(properties, dict):
        raise ImportFailed([_crs_problem(path, _not_an_object(properties or crs))])
    if name is not None and not isinstance(name, str):
        raise ImportFailed([_crs_problem(path, t.CRS_UNUSABLE.format(crs=str(name)[:80]))])
    return name


def _crs_problem(path: Path, message: str) -> ImportProblem:
    return ImportProblem(path.name, None, "crs", message, kind="features")


def _point_xy(geometry: dict | None) -> tuple[float, float]:
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
