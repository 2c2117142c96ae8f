"""The Infoblatt's small map: district outlines and numbered points, drawn as SVG data.

No tiles and no web map: the sheet must print in black and white, offline, without asking
any server. Positions are projected to EPSG:25832 (metres, NRW's CRS) and scaled linearly
into the drawing, which at city scale is as good as any map projection. The result is plain
numbers and names; the template draws them, and Jinja escapes the names.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import geopandas as gpd
import shapely
from pyproj import Transformer

from services.formatting import format_number
from services.model import ANALYSIS_CRS, WEB_CRS

MarkerKind = Literal["offer", "office"]

WIDTH, HEIGHT = 680.0, 230.0  # drawing units; the template scales them to the page
PADDING_M = 250.0  # room around the outermost points, so numbers are not cut off
MIN_SPAN_M = 1000.0  # a single nearby offer still shows its surroundings
MARKER_RADIUS = 9.0
MIN_LABEL_AREA = 2500.0  # drawing units²: smaller district pieces get no name
SCALE_STEPS_M = (100, 200, 250, 500, 1000, 2000, 2500, 5000)

_TO_METRIC = Transformer.from_crs(WEB_CRS, ANALYSIS_CRS, always_xy=True)


@dataclass(frozen=True, slots=True)
class MapPoint:
    label: str  # "1", "2", … or "Q"
    lat: float
    lon: float
    kind: MarkerKind = "offer"


@dataclass(frozen=True, slots=True)
class Marker:
    label: str
    x: float
    y: float
    kind: MarkerKind


@dataclass(frozen=True, slots=True)
class AreaLabel:
    name: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class SheetMap:
    width: float
    height: float
    outlines: tuple[str, ...]  # SVG path data
    names: tuple[AreaLabel, ...]
    markers: tuple[Marker, ...]
    scale_length: float  # drawing units of the scale bar
    scale_text: str  # e.g. "500 m"
    radius: float = MARKER_RADIUS
    highlight: str = ""  # SVG path data of one district drawn emphasised (district profile)


class _Frame:
    """Metres in EPSG:25832 -> drawing units, north up, the points' extent filling it."""

    def __init__(
        self, xs: Sequence[float], ys: Sequence[float], width: float = WIDTH, height: float = HEIGHT
    ):
        min_x, max_x = min(xs) - PADDING_M, max(xs) + PADDING_M
        min_y, max_y = min(ys) - PADDING_M, max(ys) + PADDING_M
        span_x = max(max_x - min_x, MIN_SPAN_M)
        span_y = max(max_y - min_y, MIN_SPAN_M)
        self.width, self.height = width, height
        self.scale = min(width / span_x, height / span_y)
        centre_x, centre_y = (min_x + max_x) / 2, (min_y + max_y) / 2
        self.min_x = centre_x - width / self.scale / 2
        self.max_y = centre_y + height / self.scale / 2
        self.box = (self.min_x, self.max_y - height / self.scale,
                    self.min_x + width / self.scale, self.max_y)  # fmt: skip

    def x(self, metres: float) -> float:
        return round((metres - self.min_x) * self.scale, 1)

    def y(self, metres: float) -> float:
        return round((self.max_y - metres) * self.scale, 1)


def build_sheet_map(points: Sequence[MapPoint], districts: gpd.GeoDataFrame) -> SheetMap:
    """The map of the numbered points, with the district outlines that lie around them."""
    if not points:
        raise ValueError("a sheet map needs at least one point")
    xs, ys = _TO_METRIC.transform([p.lon for p in points], [p.lat for p in points])
    frame = _Frame(xs, ys)
    outlines, names = _districts(districts, frame)
    markers = _spread(
        [Marker(p.label, frame.x(x), frame.y(y), p.kind) for p, x, y in zip(points, xs, ys)]
    )
    return _sheet_map(frame, outlines, names, markers)


def build_district_map(
    district_id: str,
    districts: gpd.GeoDataFrame,
    points: Sequence[MapPoint] = (),
    width: float = WIDTH,
    height: float = HEIGHT,
) -> SheetMap:
    """One district emphasised in its surroundings (the district profile's map), with the
    points that fall into the drawing (e.g. Quartiersbüros as „Q“)."""
    chosen = districts.loc[districts["id"].astype(str) == district_id]
    if chosen.empty:
        raise KeyError(district_id)
    geometry = chosen.to_crs(ANALYSIS_CRS).geometry.iloc[0]
    west, south, east, north = geometry.bounds
    frame = _Frame([west, east], [south, north], width, height)
    outlines, names = _districts(districts, frame)
    xs, ys = _TO_METRIC.transform([p.lon for p in points], [p.lat for p in points])
    inside = [
        Marker(p.label, frame.x(x), frame.y(y), p.kind)
        for p, x, y in zip(points, xs, ys)
        if 0 <= frame.x(x) <= width and 0 <= frame.y(y) <= height
    ]
    sheet = _sheet_map(frame, outlines, names, _spread(inside))
    return replace(sheet, highlight=_path(geometry, frame))


def _sheet_map(frame: _Frame, outlines, names, markers: Sequence[Marker]) -> SheetMap:
    scale_m = _scale_step(frame.width / frame.scale)
    return SheetMap(frame.width, frame.height, outlines, names, tuple(markers),
                    round(scale_m * frame.scale, 1), f"{format_number(scale_m)} m")  # fmt: skip


def _districts(
    districts: gpd.GeoDataFrame, frame: _Frame
) -> tuple[tuple[str, ...], tuple[AreaLabel, ...]]:
    """Outlines clipped to the frame, and a name for each piece big enough to hold one."""
    if districts.empty:
        return (), ()
    layer = districts.to_crs(ANALYSIS_CRS)
    outlines, names = [], []
    for name, geometry in zip(layer["name"], layer.geometry):
        clipped = shapely.clip_by_rect(geometry, *frame.box)
        if clipped.is_empty:
            continue
        outlines.append(_path(clipped, frame))
        if clipped.area * frame.scale**2 >= MIN_LABEL_AREA:
            anchor = clipped.point_on_surface()
            names.append(AreaLabel(str(name), frame.x(anchor.x), frame.y(anchor.y)))
    return tuple(outlines), tuple(names)


def _path(geometry: shapely.Geometry, frame: _Frame) -> str:
    """SVG path data of every ring of a (multi)polygon."""
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = " L".join(f"{frame.x(x)} {frame.y(y)}" for x, y in ring.coords)
            parts.append(f"M{coords} Z")
    return " ".join(parts)


def _spread(markers: list[Marker]) -> list[Marker]:
    """Nudge markers that would cover each other around a small circle, so every number
    stays readable (offers in one building share a position)."""
    placed: list[Marker] = []
    for marker in markers:
        x, y, step = marker.x, marker.y, 0
        while any(math.dist((x, y), (m.x, m.y)) < 1.9 * MARKER_RADIUS for m in placed):
            step += 1
            angle = step * 2.4  # golden-angle steps spread evenly
            reach = 2 * MARKER_RADIUS * math.sqrt(step)
            x = round(marker.x + reach * math.cos(angle), 1)
            y = round(marker.y + reach * math.sin(angle), 1)
        placed.append(Marker(marker.label, x, y, marker.kind))
    return placed


def _scale_step(width_m: float) -> int:
    """The largest round length that takes at most a quarter of the map's width."""
    return max((s for s in SCALE_STEPS_M if s <= width_m / 4), default=SCALE_STEPS_M[0])
