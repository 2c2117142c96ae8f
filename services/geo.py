"""CRS handling, point-in-district assignment and geometry repair.

Areas and containment are computed in ETRS89/UTM 32N (EPSG:25832), NRW's official CRS, and
drawn in WGS84 (EPSG:4326). An offer's district is never typed in: it follows from its
position, so it is derived here whenever offers or the district layer change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod, Transformer

from services.model import ANALYSIS_CRS, WEB_CRS
from services.repair import GeometryIssue, repair, repair_bounded


def to_analysis_crs(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Reproject to EPSG:25832; a layer without CRS cannot be placed, so it is refused."""
    if gdf.crs is None:
        raise ValueError("GeoDataFrame has no CRS")
    return gdf.to_crs(ANALYSIS_CRS)


def to_web_crs(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326 for Leaflet and GeoJSON files."""
    if gdf.crs is None:
        raise ValueError("GeoDataFrame has no CRS")
    return gdf.to_crs(WEB_CRS)


def assign_districts(
    lats: Sequence[float], lons: Sequence[float], districts_gdf: gpd.GeoDataFrame
) -> list[str | None]:
    """The id of the district containing each WGS84 point, None outside all districts.

    Points on a shared boundary touch two districts; they get the smallest id of those, so
    the answer never depends on row order. Uses one STRtree query for all points.
    """
    lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    result: list[str | None] = [None] * len(lats)
    if len(lats) == 0 or districts_gdf.empty:
        return result
    if districts_gdf.crs is None:
        raise ValueError("district layer has no CRS")
    x, y = Transformer.from_crs(WEB_CRS, districts_gdf.crs, always_xy=True).transform(lons, lats)
    points = shapely.points(x, y)
    tree = shapely.STRtree(districts_gdf.geometry.values)
    point_idx, district_idx = tree.query(points, predicate="intersects")
    ids = districts_gdf["id"].astype(str).to_numpy()
    pairs = pd.DataFrame({"point": point_idx, "id": ids[district_idx]})
    for point, district_id in pairs.groupby("point")["id"].min().items():
        result[int(point)] = district_id
    return result


def repair_geometries(
    gdf: gpd.GeoDataFrame, seconds: float | None = None, memory_mb: int | None = None
) -> tuple[gpd.GeoDataFrame, list[GeometryIssue]]:
    """Fix invalid geometries with make_valid and report every change.

    Official layers often carry small self-intersections that break containment tests;
    make_valid keeps the area. Rows with an empty or unrepairable geometry get None, and
    the caller decides whether that is an error.

    With `seconds`, the check and repair run in a child process limited to that time and
    to `memory_mb` more address space (services/repair.py says why).
    """
    geoms = list(gdf.geometry.values)
    if seconds is None:
        changes, issues = repair(geoms)
    else:
        changes, issues = repair_bounded(geoms, seconds, memory_mb or 0)
    for pos, geom in changes.items():
        geoms[pos] = geom
    repaired = gdf.copy()
    repaired = repaired.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs))
    return repaired, issues


# Bottrop's Rathaus (Ernst-Wilczok-Platz), the reference for "how far away is this layer".
CITY_CENTRE_LAT_LON = (51.5241, 6.9249)
_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True, slots=True)
class Coverage:
    """How a district layer lies against the city outline."""

    covered: float  # share of the outline's area inside the layer, 0–1
    beyond_km2: float  # layer area farther than the margin outside the outline
    centre: tuple[float, float] | None  # (lat, lon) of the layer's extent; None: not on earth
    distance_km: float | None  # from the Rathaus to that centre


def city_coverage(layer: gpd.GeoDataFrame, outline: gpd.GeoDataFrame,
                  margin_m: float) -> Coverage:
    """Compare a layer with the outline, both in any CRS (computed in EPSG:25832)."""
    city = shapely.union_all(to_analysis_crs(outline).geometry.values)
    geoms = to_analysis_crs(layer).geometry.values
    bounds = np.asarray(shapely.total_bounds(geoms), dtype=float)
    if not np.isfinite(bounds).all():
        return Coverage(0.0, float("inf"), None, None)
    area = shapely.union_all(geoms)
    covered = area.intersection(city).area / city.area
    beyond = area.difference(city.buffer(margin_m)).area / 1e6
    centre_x, centre_y = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    lon, lat = Transformer.from_crs(ANALYSIS_CRS, WEB_CRS, always_xy=True).transform(
        centre_x, centre_y)
    if not (np.isfinite(lat) and np.isfinite(lon)):
        return Coverage(covered, beyond, None, None)
    _, _, metres = _GEOD.inv(CITY_CENTRE_LAT_LON[1], CITY_CENTRE_LAT_LON[0], lon, lat)
    return Coverage(covered, beyond, (float(lat), float(lon)), metres / 1000)
