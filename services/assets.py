"""The map's JavaScript and CSS, all served from the app's own static/ folder.

The map must not ask any third-party server (CDN) for code: privacy, and it keeps working
offline. Leaflet and leaflet.markercluster are vendored by scripts/install_assets.py
(gitignored); quartiersatlas.js/.css are our own, committed glue code. Order matters:
leaflet before markercluster before our glue.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
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
GENERATED_DIR = "generated"  # data files the app writes (offers per data version), gitignored
STALE_AFTER_S = 24 * 3600  # an old generated file is removed only after a day (see prune)


def publish(static_dir: Path, folder: str, stem: str, suffix: str, data: bytes) -> str | None:
    """`data` as `<folder>/<stem>-<hash of data><suffix>` under static_dir; returns that path.

    Named by content, so several processes (or replicas sharing the folder) that write the
    same data write the same name, and a browser may cache it for good. Written through a
    temporary file of this process and renamed: a parallel writer or reader never sees half
    a file. Checked on every call (a stat), so a deleted file is written again. None when
    the folder is not writable (the caller then embeds the data instead)."""
    name = f"{folder}/{stem}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    target = static_dir / name
    if target.is_file():
        return name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(partial, 0o644)  # mkstemp's 0600 would hide it from a separate web server
            os.replace(partial, target)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    except OSError:
        return None
    return name


def prune(static_dir: Path, folder: str, stem: str, keep: str, older_than_s: float = STALE_AFTER_S) -> None:
    """Removes `<folder>/<stem>-*` files other than `keep` that are older than a day.

    Every data version writes a new offer file (3.6 MB at 50,000 offers). The grace period
    spares the file of another process that still serves an older version for a moment;
    should one be removed all the same, `publish` writes it again on that process's next
    run."""
    cutoff = time.time() - older_than_s
    for path in (static_dir / folder).glob(f"{stem}-*"):
        try:
            if path.name != Path(keep).name and path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:  # gone already, or not ours to remove
            continue


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
    return publish(static_dir, BUNDLE_DIR, "map", ".js", b"\n;\n".join(parts))


def _stamps(static_dir: Path) -> tuple[int, ...]:
    return tuple((static_dir / path).stat().st_mtime_ns if (static_dir / path).exists() else 0
                 for path in JS_FILES)


def js_urls(settings: Settings, static_dir: Path = STATIC_DIR) -> list[str]:
    """The map's scripts in order: one bundle of JS_FILES where it can be written."""
    bundle = _bundle(static_dir, _stamps(static_dir))
    if bundle and not (static_dir / bundle).is_file():  # deleted since: write it again
        _bundle.cache_clear()
        bundle = _bundle(static_dir, _stamps(static_dir))
    paths = [bundle] if bundle else list(JS_FILES)
    return [f"{settings.static_url}/{path}" for path in paths]


def css_urls(settings: Settings) -> list[str]:
    return [f"{settings.static_url}/{path}" for path in CSS_FILES]


def missing_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Files the map needs but the server does not have (the page then says how to fix it)."""
    wanted = JS_FILES + CSS_FILES + IMAGE_FILES
    return [static_dir / path for path in wanted if not (static_dir / path).is_file()]
