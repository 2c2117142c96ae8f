"""The map's JavaScript and CSS, all served from the app's own static/ folder.

The map must not ask any third-party server (CDN) for code: privacy, and it keeps working
offline. Leaflet and leaflet.markercluster are vendored by scripts/install_assets.py
(gitignored); quartiersatlas.js/.css are our own, committed glue code. Order matters:
leaflet before markercluster before our glue.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
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


BUNDLE_DIR = "vendor/bundle"  # generated, gitignored with the rest of vendor/


def _read_js(static_dir: Path) -> list[bytes] | None:
    try:
        return [(static_dir / path).read_bytes() for path in JS_FILES]
    except OSError:  # missing files: the page says so (missing_assets)
        return None


@lru_cache(maxsize=4)
def _bundle(static_dir: Path, stamps: tuple[int, ...]) -> str | None:
    """JS_FILES as one file named by its content hash, written once (per change of a file).

    streamlit-folium loads a map's scripts one after the other, each waiting for the last:
    three files cost three round trips before the map can start. None when the folder is
    not writable (the files are then loaded one by one, as before)."""
    parts = _read_js(static_dir)
    if parts is None:
        return None
    text = b"\n;\n".join(parts)
    name = f"{BUNDLE_DIR}/map-{hashlib.sha256(text).hexdigest()[:16]}.js"
    target = static_dir / name
    try:
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            partial.write_bytes(text)
            partial.replace(target)  # atomic: a parallel session never serves half a file
    except OSError:
        return None
    return name


def _stamps(static_dir: Path) -> tuple[int, ...]:
    return tuple((static_dir / path).stat().st_mtime_ns if (static_dir / path).exists() else 0
                 for path in JS_FILES)


def js_urls(settings: Settings, static_dir: Path = STATIC_DIR) -> list[str]:
    """The map's scripts in order: one bundle of JS_FILES where it can be written."""
    bundle = _bundle(static_dir, _stamps(static_dir))
    paths = [bundle] if bundle else list(JS_FILES)
    return [f"{settings.static_url}/{path}" for path in paths]


def css_urls(settings: Settings) -> list[str]:
    return [f"{settings.static_url}/{path}" for path in CSS_FILES]


def missing_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Files the map needs but the server does not have (the page then says how to fix it)."""
    wanted = JS_FILES + CSS_FILES + IMAGE_FILES
    return [static_dir / path for path in wanted if not (static_dir / path).is_file()]
