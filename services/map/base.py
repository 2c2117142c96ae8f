"""The map itself: our own JS/CSS only, optional tiles, the city in view; and the map
page's composition of layers (`build_base_map`). Other pages compose their own from
services/map/layers.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import folium
import pandas as pd
import shapely
from branca.element import Element
from shapely.geometry import shape

from services.assets import css_urls, js_urls
from services.config import Settings
from services.map import layers
from services.map.jsbridge import QaCall
from services.model import Office
from services.texts import mapping as texts

MAX_ZOOM = 18
BOTTROP_BOUNDS = [[51.47, 6.84], [51.64, 7.02]]  # EPSG:4326, rounded outward
FIT_PADDING = (6, 6)  # px around the city at load: it fills the map, the edge stays visible
Bounds = list[list[float]]


class LocalMap(folium.Map):
    """A folium.Map that loads only our own JS/CSS, never folium's CDN defaults."""

    def __init__(self, settings: Settings, **kwargs: Any):
        # markercluster needs the map's maxZoom, which otherwise only a tile layer sets
        super().__init__(tiles=None, maxZoom=MAX_ZOOM, **kwargs)
        self.default_js = [(url, url) for url in js_urls(settings)]
        self.default_css = [(url, url) for url in css_urls(settings)]


def bounds_of(geometries: Mapping[str, dict]) -> Bounds:
    """[[south, west], [north, east]] of GeoJSON geometries; Bottrop's outline without any."""
    if not geometries:
        return BOTTROP_BOUNDS
    shapes = [shape(g) for g in geometries.values()]
    west, south, east, north = shapely.total_bounds(shapes).tolist()
    return [[south, west], [north, east]]


def _localise(bounds: Bounds) -> QaCall:
    """German zoom titles and layer-control name, metric scale, lang="de" in the map's
    frame; the bounds to show again when the frame is resized before the user moved."""
    return QaCall("localise", {
        "lang": "de", "zoomIn": texts.ZOOM_IN, "zoomOut": texts.ZOOM_OUT,
        "layers": texts.LAYER_CONTROL, "attribution": texts.ATTRIBUTION_PREFIX,
        "bounds": bounds, "padding": list(FIT_PADDING),
    })


def new_map(settings: Settings, bounds: Bounds, elements: Iterable[Element] = ()) -> folium.Map:
    """An empty German map fitted to bounds, with the configured tiles (none: plain background)."""
    (south, west), (north, east) = bounds
    # Quarter zoom steps: whole ones leave tall, narrow Bottrop at half the map's height.
    m = LocalMap(settings, location=[(south + north) / 2, (west + east) / 2], zoom_start=12,
                 zoom_snap=0.25, zoom_delta=0.5, font_size="13px")
    m.add_child(_localise(bounds))
    if settings.tiles_url:
        folium.TileLayer(settings.tiles_url, attr=settings.tiles_attribution, max_zoom=MAX_ZOOM,
                         name=texts.LAYER_TILES, control=False).add_to(m)
    for element in elements:
        m.add_child(element)
    m.fit_bounds(bounds, padding=FIT_PADDING)
    return m


def build_base_map(
    districts_web_geojson: Mapping[str, Any],
    district_names: Mapping[str, str],
    offices: Iterable[Office],
    settings: Settings,
    notice: str | None = None,
    offers: pd.DataFrame | None = None,
    version: int = 0,
) -> folium.Map:
    """The map page's base, constant per data version: district names, Quartiersbüros, an
    optional notice and, given `offers` (all of them) and their data `version`, the offer
    store. What changes with the view comes as dynamic layers: the choropleth and legend
    (`layers.choropleth_layer`), the chosen district, and the offers shown
    (`layers.offer_selection`, only a bitmask). So changing the indicator or a filter never
    remounts the map: the user's zoom stays, and the offers are sent once."""
    geometries = layers.district_geometries(districts_web_geojson)
    elements: list[Element] = [
        layers.district_label_layer(district_names, geometries),
        layers.office_layer(list(offices)),
    ]
    if notice:
        elements.append(layers.notice(notice))
    if offers is not None:
        elements.append(layers.offer_store(offers, version, settings.static_url))
    return new_map(settings, bounds_of(geometries), elements)


def layer_control() -> folium.LayerControl:
    return folium.LayerControl(collapsed=False)
