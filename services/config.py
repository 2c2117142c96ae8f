"""Settings from the environment, all read and parsed here. Nothing here reaches a
third-party server by default. docs/configuration.md lists every variable.

- DATABASE_URL: SQLAlchemy URL. Default: a SQLite file under QA_DATA_DIR, created and seeded
  with the demo data on first start. Production: postgresql+psycopg://user:pw@host/db.
- QA_DATA_DIR: where the default SQLite file lives (default ~/.local/share/quartiersatlas).
- QA_TILES_URL / QA_TILES_ATTRIBUTION: an XYZ tile server, e.g. basemap.de (see
  docs/configuration.md). Unset: the map draws on a plain background and asks no server.
- QA_STATIC_URL: URL path under which the app's static/ folder is served
  (default "/app/static", Streamlit's `server.enableStaticServing`).
- QA_LOG_LEVEL: the CLI's log level (default WARNING).
- QA_DB_WRITE_WAIT_SECONDS: how long a writer waits for the write lock (default 120).
- QA_STALE_MONTHS: months after which an offer needs checking again (default 12).
- QA_LIMIT_<NAME>: what one import file may cost (services/io/limits.py, `Limits`).
- QA_ROLE_CLAIM / QA_ROLE_MAP: override `[auth]` role_claim / role_map (services/auth.py).
- QA_SESSION_HOURS: how long a built-in login lasts (default 8).

A mistyped value raises SettingsError with a German message naming the variable: the CLI
prints it and exits 2, the app shows it instead of a page.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, fields
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from services.texts import validation as t

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GEODATA_DIR = PROJECT_ROOT / "geodata"
STATIC_DIR = PROJECT_ROOT / "static"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
N = TypeVar("N", int, float)
DEFAULT_WRITE_WAIT_SECONDS = 120.0
DEFAULT_STALE_MONTHS = 12
DEFAULT_SESSION_HOURS = 8.0  # one working day


class SettingsError(ValueError):
    """A variable of the environment holds a value that cannot be used (German message)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """What one import file may cost; each is QA_LIMIT_<NAME> (services/io/limits.py)."""

    file_mb: float = 100.0  # size of the file as given (50,000 demo-like offers: 17 MB)
    unpacked_mb: float = 500.0  # XLSX and zipped Shapefiles: all members unpacked
    rows: int = 250_000  # data rows of a table or features of a point GeoJSON
    columns: int = 300
    cell_chars: int = 20_000  # one cell's text
    features: int = 2_000  # polygons of a district layer
    vertices_per_feature: int = 250_000
    vertices: int = 2_000_000  # all polygons of a layer together
    repair_seconds: float = 20.0  # geometry check and repair of a layer, in a child process
    repair_mb: int = 1_024  # address space that child process may add
    reported_problems: int = 50  # problems listed; the rest only counted
    gebref_mb: float = 2_048.0  # Gebäudereferenzen (streamed): NRW's whole file is ~0.5–0.7 GB
    shared_strings_mb: float = 64.0  # XLSX text table, parsed whole (50,000 offers: est. 20 MB)
    offers: int = 100_000  # offers in the database after an import (the app holds them all)


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    tiles_url: str | None
    tiles_attribution: str
    static_url: str
    # True for the embedded SQLite file, which is seeded with demo data on first start
    is_default_database: bool = False
    log_level: str = "WARNING"
    write_wait_seconds: float = DEFAULT_WRITE_WAIT_SECONDS
    stale_months: int = DEFAULT_STALE_MONTHS
    limits: Limits = field(default_factory=Limits)
    role_claim: str | None = None  # None: `[auth]` role_claim of secrets.toml decides
    role_map: str | None = None  # "value=role;value=role,role"; None: `[auth]` role_map
    session_max_age: timedelta = timedelta(hours=DEFAULT_SESSION_HOURS)


def _limit_variable(name: str) -> str:
    return f"QA_LIMIT_{name.upper()}"


_LIMIT_VARIABLES = tuple(_limit_variable(f.name) for f in fields(Limits))
_VARIABLES = ("DATABASE_URL", "QA_DATA_DIR", "QA_TILES_URL", "QA_TILES_ATTRIBUTION", "QA_STATIC_URL",
              "QA_LOG_LEVEL", "QA_DB_WRITE_WAIT_SECONDS", "QA_STALE_MONTHS", "QA_ROLE_CLAIM",
              "QA_ROLE_MAP", "QA_SESSION_HOURS", *_LIMIT_VARIABLES)  # fmt: skip


def default_database_url(data_dir: str | None = None) -> str:
    folder = Path(data_dir) if data_dir else Path.home() / ".local" / "share" / "quartiersatlas"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'quartiersatlas.db'}"


def load_settings() -> Settings:
    """The settings of the current environment, parsed once per distinct configuration
    (the app calls this on every rerun; tests change the environment between runs).

    Raises SettingsError when a variable holds an unusable value.
    """
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
        log_level=_log_level(env["QA_LOG_LEVEL"]),
        write_wait_seconds=_number(env, "QA_DB_WRITE_WAIT_SECONDS", DEFAULT_WRITE_WAIT_SECONDS),
        stale_months=_number(env, "QA_STALE_MONTHS", DEFAULT_STALE_MONTHS),
        limits=_limits(env),
        role_claim=env["QA_ROLE_CLAIM"] or None,
        role_map=env["QA_ROLE_MAP"] or None,
        session_max_age=timedelta(hours=_number(env, "QA_SESSION_HOURS", DEFAULT_SESSION_HOURS)),
    )


def _limits(env: dict[str, str | None]) -> Limits:
    return Limits(**{f.name: _number(env, _limit_variable(f.name), f.default)
                     for f in fields(Limits)})  # fmt: skip


def _number(env: dict[str, str | None], name: str, default: N) -> N:
    """The positive number in `name` (of `default`'s type), or `default` when unset."""
    raw = (env[name] or "").strip()
    if not raw:
        return default
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0 or (isinstance(default, int) and not value.is_integer()):
        kind = t.SETTING_WHOLE_NUMBER if isinstance(default, int) else t.SETTING_NUMBER
        raise SettingsError(t.SETTING_INVALID.format(name=name, value=raw, kind=kind))
    return type(default)(value)


def _log_level(raw: str | None) -> str:
    level = (raw or "WARNING").strip().upper()
    if level not in LOG_LEVELS:
        raise SettingsError(t.SETTING_LOG_LEVEL.format(value=raw, levels=", ".join(LOG_LEVELS)))
    return level

