"""CRS handling, point-in-district assignment and geometry repair.

Areas and containment are computed in ETRS89/UTM 32N (EPSG:25832), NRW's official CRS, and
drawn in WGS84 (EPSG:4326). An offer's district is never typed in: it follows from its
position, so it is derived here whenever offers or the district layer change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from services.model import ANALYSIS_CRS, WEB_CRS


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


@dataclass(frozen=True, slots=True)
class GeometryIssue:
    position: int  # 0-based row position in the GeoDataFrame
    reason: str  # GEOS' reason (English), or "empty"
    repaired: bool  # True: fixed by make_valid; False: the row has no usable geometry


def repair_geometries(
    gdf: gpd.GeoDataFrame,
) -> tuple[gpd.GeoDataFrame, list[GeometryIssue]]:
    """Fix invalid geometries with make_valid and report every change.

    Official layers often carry small self-intersections that break containment tests;
    make_valid keeps the area. Rows with an empty or unrepairable geometry get None, and
    the caller decides whether that is an error.
    """
    geoms = list(gdf.geometry.values)
    issues: list[GeometryIssue] = []
    for pos, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            issues.append(GeometryIssue(pos, "empty", False))
            geoms[pos] = None
        elif not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            fixed = _same_family(shapely.make_valid(geom), geom)
            usable = fixed is not None and not fixed.is_empty and fixed.is_valid
            issues.append(GeometryIssue(pos, reason, usable))
            geoms[pos] = fixed if usable else None
    repaired = gdf.copy()
    repaired = repaired.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs))
    return repaired, issues


def _same_family(fixed, original):
    """make_valid may add stray lines or points to a polygon; keep only the polygon parts."""
    if original.geom_type not in ("Polygon", "MultiPolygon"):
        return fixed
    if fixed.geom_type in ("Polygon", "MultiPolygon"):
        return fixed
    parts = [g for g in getattr(fixed, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else None
