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

    @property
    def is_default_database(self) -> bool:
        """True for the embedded SQLite file, which is seeded with demo data on first start."""
        return "DATABASE_URL" not in os.environ


def default_database_url() -> str:
    data_dir = Path(
        os.environ.get("QA_DATA_DIR", Path.home() / ".local" / "share" / "quartiersatlas")
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'quartiersatlas.db'}"


def load_settings() -> Settings:
    """Read the settings from the environment (cheap; call it where needed)."""
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or default_database_url(),
        tiles_url=os.environ.get("QA_TILES_URL") or None,
        tiles_attribution=os.environ.get("QA_TILES_ATTRIBUTION", ""),
        static_url=os.environ.get("QA_STATIC_URL", "/app/static").rstrip("/"),
    )
