"""The map's JavaScript and CSS, all served from the app's own static/ folder.

The map must not ask any third-party server (CDN) for code: privacy, and it keeps working
offline. Leaflet and leaflet.markercluster are vendored by scripts/install_assets.py
(gitignored); quartiersatlas.js/.css are our own, committed glue code. Order matters:
leaflet before markercluster before our glue.
"""

from __future__ import annotations

from pathlib import Path

from services.config import STATIC_DIR, Settings

JS_FILES: tuple[str, ...] = (
    "vendor/leaflet/leaflet.js",
    "vendor/markercluster/leaflet.markercluster.js",
    "quartiersatlas.js",
)
CSS_FILES: tuple[str, ...] = (
    "vendor/leaflet/leaflet.css",
    "vendor/markercluster/MarkerCluster.css",
    "vendor/markercluster/MarkerCluster.Default.css",
    "quartiersatlas.css",
)
# Leaflet's CSS references these (layer control toggle); without them the control is blank.
IMAGE_FILES: tuple[str, ...] = ("vendor/leaflet/images/layers.png",)


def js_urls(settings: Settings) -> list[str]:
    return [f"{settings.static_url}/{path}" for path in JS_FILES]


def css_urls(settings: Settings) -> list[str]:
    return [f"{settings.static_url}/{path}" for path in CSS_FILES]


def missing_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Files the map needs but the server does not have (the page then says how to fix it)."""
    wanted = JS_FILES + CSS_FILES + IMAGE_FILES
    return [static_dir / path for path in wanted if not (static_dir / path).is_file()]
