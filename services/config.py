"""Settings from the environment. Nothing here reaches a third-party server by default.

- DATABASE_URL: SQLAlchemy URL. Default: a SQLite file under QA_DATA_DIR, created and seeded
  with the demo data on first start. Production: postgresql+psycopg://user:pw@host/db.
- QA_DATA_DIR: where the default SQLite file lives (default ~/.local/share/quartiersatlas).
- QA_TILES_URL / QA_TILES_ATTRIBUTION: an XYZ tile server, e.g. basemap.de (see
  docs/configuration.md). Unset: the map draws on a plain background and asks no server.
- QA_STATIC_URL: URL path under which the app's static/ folder is served
  (default "/app/static", Streamlit's `server.enableStaticServing`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GEODATA_DIR = PROJECT_ROOT / "geodata"
STATIC_DIR = PROJECT_ROOT / "static"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    tiles_url: str | None
    tiles_attribution: str
    static_url: str
    # True for the embedded SQLite file, which is seeded with demo data on first start
    is_default_database: bool = False


_VARIABLES = ("DATABASE_URL", "QA_DATA_DIR", "QA_TILES_URL", "QA_TILES_ATTRIBUTION", "QA_STATIC_URL")


def default_database_url(data_dir: str | None = None) -> str:
    folder = Path(data_dir) if data_dir else Path.home() / ".local" / "share" / "quartiersatlas"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'quartiersatlas.db'}"


def load_settings() -> Settings:
    """The settings of the current environment, parsed once per distinct configuration
    (the app calls this on every rerun; tests change the environment between runs)."""
    return _settings(tuple(os.environ.get(name) for name in _VARIABLES))


@lru_cache(maxsize=8)
def _settings(values: tuple[str | None, ...]) -> Settings:
    env = dict(zip(_VARIABLES, values))
    return Settings(
        database_url=env["DATABASE_URL"] or default_database_url(env["QA_DATA_DIR"]),
        tiles_url=env["QA_TILES_URL"] or None,
        tiles_attribution=env["QA_TILES_ATTRIBUTION"] or "",
        static_url=(env["QA_STATIC_URL"] or "/app/static").rstrip("/"),
        is_default_database=not env["DATABASE_URL"],
    )
