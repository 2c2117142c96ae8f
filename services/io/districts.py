"""District layers from GeoJSON, GeoPackage or a zipped Shapefile, in any CRS.

The city's GIS exports its statistical districts in EPSG:25832 or older CRS, often as a
Shapefile in a .zip, with its own field names; `id_field` and `name_field` pick them
(case-insensitively: Shapefiles like upper case). The result is always EPSG:25832 with
columns id, name, stadtbezirk, is_demo, geometry. Repaired geometries come back as warnings,
everything that would make the layer wrong as problems.
"""

from __future__ import annotations

import logging
from pathlib import Path

import geopandas as gpd
import shapely
import shapely.errors

from services.formatting import format_number, format_seconds
from services.geo import Coverage, city_coverage, repair_geometries, to_analysis_crs
from services.io import columns as c
from services.io.cells import CellError, parse_bool
from services.io.errors import (
    ImportFailed,
    ImportProblem,
    Where,
    file_problem,
    raise_if_any,
    unreadable,
)
from services.io.limits import check_file_size, check_shp_size, check_unpacked_size, limits
from services.io.tables import cell_text
from services.repair import GeometryIssue, RepairTooCostly
from services.texts import validation as t

DISTRICT_SUFFIXES = (".geojson", ".json", ".gpkg", ".zip", ".shp")
POLYGONAL = ("Polygon", "MultiPolygon")
log = logging.getLogger(__name__)


def read_districts(
    path: Path,
    id_field: str = c.DISTRICT_ID_FIELD,
    name_field: str = c.DISTRICT_NAME_FIELD,
    stadtbezirk_field: str = c.DISTRICT_STADTBEZIRK_FIELD,
    outline: gpd.GeoDataFrame | None = None,
) -> tuple[gpd.GeoDataFrame, list[ImportProblem]]:
    """(districts in EPSG:25832, warnings), or ImportFailed with every problem.

    With `outline` (the city's), a layer that does not cover the city is refused.
    """
    path = Path(path)
    raw = _read_layer(path)
    problems = [file_problem(path, t.NO_CRS)] if raw.crs is None else []
    fields = {name: _field(raw, name) for name in (id_field, name_field)}
    problems += [_missing_field(path, raw, name) for name, col in fields.items() if col is None]
    raise_if_any(problems)
    layer = _attributes(raw, fields[id_field], fields[name_field], _field(raw, stadtbezirk_field))
    problems += _unique(path, layer["id"], id_field, t.DUPLICATE_DISTRICT_ID)
    problems += _unique(path, layer["name"], name_field, t.DUPLICATE_DISTRICT_NAME)
    layer["is_demo"], demo_problems = _demo_flags(path, layer.pop("demo_text"))
    problems += demo_problems
    layer, warnings, geometry_problems = _geometries(path, layer)
    raise_if_any(problems + geometry_problems)
    if outline is not None:
        raise_if_any(city_problems(path, raw, layer, outline))
    return layer, warnings


# A layer must cover most of the city and may reach only a little beyond it (the outline in
# geodata/ is simplified at 100 m, hence the margin).
MIN_CITY_COVERED = 0.8
BEYOND_MARGIN_M = 500.0
MAX_BEYOND_KM2 = 10.0
NEAR_CITY_KM = 30.0


def city_problems(path: Path, raw: gpd.GeoDataFrame, layer: gpd.GeoDataFrame,
                  outline: gpd.GeoDataFrame) -> list[ImportProblem]:
    """Refuse a layer elsewhere (Munich, the equator) or of the wrong extent, saying where
    it lies and the likely cause: a CRS that does not fit the numbers, or a wrong file."""
    try:
        cover = city_coverage(layer, outline, BEYOND_MARGIN_M)
    except shapely.errors.GEOSException:  # coordinates too extreme to intersect
        cover = Coverage(0.0, float("inf"), None, None)
    if cover.covered >= MIN_CITY_COVERED and cover.beyond_km2 <= MAX_BEYOND_KM2:
        return []
    cause = _likely_cause(raw, cover)
    if cover.centre is None:
        return [file_problem(path, t.LAYER_NOWHERE.format(cause=cause))]
    location = t.LAYER_LOCATION.format(lat=format_number(cover.centre[0], 2),
                                       lon=format_number(cover.centre[1], 2),
                                       distance=format_number(cover.distance_km, 0))
    message = t.LAYER_NOT_BOTTROP.format(
        covered=format_number(cover.covered * 100, 0), min_covered=format_number(MIN_CITY_COVERED * 100, 0),
        beyond=format_number(cover.beyond_km2, 1), max_beyond=format_number(MAX_BEYOND_KM2, 0),
        location=location, cause=cause)
    return [file_problem(path, message)]


def _likely_cause(raw: gpd.GeoDataFrame, cover: Coverage) -> str:
    crs = raw.crs.to_string() if raw.crs is not None else "?"
    x0, y0, x1, y1 = raw.total_bounds
    looks_like_degrees = -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90
    if raw.crs is not None and raw.crs.is_projected and looks_like_degrees:
        return t.CAUSE_DEGREES_AS_METRES.format(crs=crs)
    if raw.crs is not None and raw.crs.is_geographic and not looks_like_degrees:
        return t.CAUSE_METRES_AS_DEGREES.format(crs=crs)
    if cover.distance_km is not None and cover.distance_km <= NEAR_CITY_KM:
        return t.CAUSE_PARTIAL
    return t.CAUSE_WRONG_FILE.format(crs=crs)


def _read_layer(path: Path) -> gpd.GeoDataFrame:
    """The file's features, after size and feature-count limits that need no full read."""
    if not path.is_file():
        raise ImportFailed([file_problem(path, t.FILE_NOT_FOUND.format(path=path))])
    if path.suffix.lower() not in DISTRICT_SUFFIXES:
        allowed = ", ".join(DISTRICT_SUFFIXES)
        message = t.UNSUPPORTED_FORMAT.format(suffix=path.suffix, allowed=allowed)
        raise ImportFailed([file_problem(path, message)])
    check_file_size(path)
    if path.suffix.lower() == ".zip":
        check_unpacked_size(path)
    check_shp_size(path)
    import pyogrio  # as geopandas does: only when a file is read, not when the app starts

    try:
        count = pyogrio.read_info(path)["features"]
        if count > limits().features:
            message = t.LIMIT_FEATURES.format(count=count, limit=limits().features)
            raise ImportFailed([file_problem(path, message)])
        layer = gpd.read_file(path)
    except ImportFailed:
        raise
    except Exception as exc:  # GDAL reports broken files with many exception types
        raise unreadable(path, exc) from exc
    if layer.empty:
        raise ImportFailed([file_problem(path, t.NO_FEATURES)])
    return layer.reset_index(drop=True)


def _field(layer: gpd.GeoDataFrame, name: str) -> str | None:
    """The layer's column for a field name, matched exactly or ignoring case."""
    if name in layer.columns:
        return name
    matches = [col for col in layer.columns if str(col).lower() == name.lower()]
    return matches[0] if matches else None


def _missing_field(path: Path, layer: gpd.GeoDataFrame, name: str) -> ImportProblem:
    available = ", ".join(str(col) for col in layer.columns if col != layer.geometry.name)
    message = t.FIELD_MISSING.format(available=available)
    return ImportProblem(path.name, None, name, message, None, "features")


def _texts(raw: gpd.GeoDataFrame, col: str | None) -> list[str]:
    return [cell_text(v) for v in raw[col]] if col else [""] * len(raw)


def _attributes(raw: gpd.GeoDataFrame, id_col: str, name_col: str, sb_col: str | None):
    return gpd.GeoDataFrame(
        {
            "id": _texts(raw, id_col),
            "name": _texts(raw, name_col),
            "stadtbezirk": _texts(raw, sb_col),
            "demo_text": _texts(raw, _field(raw, "demo")),
        },
        geometry=raw.geometry.values,
        crs=raw.crs,
    )


def _unique(path: Path, values, field: str, duplicate: str) -> list[ImportProblem]:
    """Ids and names must be present and unique (ignoring case): both are used to match."""
    problems, first = [], {}
    for number, value in enumerate(values, start=1):
        where = Where(path.name, number, kind="features")
        if not value:
            problems.append(where.problem(field, t.REQUIRED_VALUE))
        elif value.lower() in first:
            message = duplicate.format(value=value, first=first[value.lower()])
            problems.append(where.problem(field, message))
        else:
            first[value.lower()] = number
    return problems


def _demo_flags(path: Path, texts) -> tuple[list[bool], list[ImportProblem]]:
    """The optional "demo" property as booleans; texts that are no yes/no are problems."""
    flags, problems = [], []
    for number, text in enumerate(texts, start=1):
        try:
            flags.append(parse_bool(text) if text else False)
        except CellError as exc:
            flags.append(False)
            problems.append(Where(path.name, number, kind="features").problem("demo", str(exc)))
    return flags, problems


def _geometries(path: Path, layer: gpd.GeoDataFrame):
    """Reproject to EPSG:25832, then repair: validity matters in the CRS we compute in."""
    problems = [
        Where(path.name, n, kind="features").problem(None, t.NOT_A_POLYGON.format(kind=g.geom_type))
        for n, g in enumerate(layer.geometry, start=1)
        if g is not None and g.geom_type not in POLYGONAL
    ]
    problems += _vertex_problems(path, layer)
    if layer.crs is None or problems:
        return layer, [], problems
    try:
        layer = to_analysis_crs(layer)
    except Exception as exc:  # pyproj raises several types for odd CRS; English goes to the log
        log.debug("unusable CRS in %s", path, exc_info=exc)
        message = t.CRS_UNUSABLE.format(crs=layer.crs.to_string()[:80])
        return layer, [], [file_problem(path, message)]
    bounds = limits()
    try:
        layer, issues = repair_geometries(layer, bounds.repair_seconds, bounds.repair_mb)
    except RepairTooCostly:
        message = t.REPAIR_TOO_COSTLY.format(seconds=format_seconds(bounds.repair_seconds),
                                             mb=bounds.repair_mb)
        return layer, [], [file_problem(path, message)]
    warnings = [_issue(path, i) for i in issues if i.repaired]
    problems = [_issue(path, i) for i in issues if not i.repaired]
    return layer[["id", "name", "stadtbezirk", "is_demo", "geometry"]], warnings, problems


def _vertex_problems(path: Path, layer: gpd.GeoDataFrame) -> list[ImportProblem]:
    """Vertices per feature and in all: checked before validity, which can cost O(n²)."""
    bounds = limits()
    counts = shapely.get_num_coordinates(layer.geometry.values)
    problems = [
        Where(path.name, n, kind="features").problem(
            None, t.LIMIT_VERTICES_FEATURE.format(count=int(k), limit=bounds.vertices_per_feature))
        for n, k in enumerate(counts, start=1)
        if k > bounds.vertices_per_feature
    ]
    total = int(counts.sum())
    if total > bounds.vertices and not problems:
        message = t.LIMIT_VERTICES.format(count=total, limit=bounds.vertices)
        problems.append(file_problem(path, message))
    return problems


def _issue(path: Path, issue: GeometryIssue) -> ImportProblem:
    where = Where(path.name, issue.position + 1, kind="features")
    if issue.reason == "empty":
        return where.problem(None, t.GEOMETRY_EMPTY)
    template = t.GEOMETRY_REPAIRED if issue.repaired else t.GEOMETRY_UNREPAIRABLE
    return where.problem(None, template.format(reason=german_reason(issue.reason)))


def german_reason(reason: str) -> str:
    """GEOS' English reason ("Self-intersection[3 4]") in German words."""
    head = reason.split("[")[0].strip()
    return t.GEOMETRY_REASONS.get(head, t.GEOMETRY_REASON_OTHER)
