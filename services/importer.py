"""Imports, all or nothing: read and check the whole file, derive districts, write once.

Every import first builds everything it will write (a file with one bad row writes
nothing), then makes ONE repository call, which is one transaction. Offers and offices get
their district from their position; one outside every district keeps None and is reported
as a warning, because a contact point just beyond the city line is still worth showing.
Replacing the district layer re-derives every offer's and office's district.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, TypeVar

import geopandas as gpd

from services.config import GEODATA_DIR, Settings, load_settings
from services.geo import assign_districts
from services.io import columns as c
from services.io.addresses import read_addresses
from services.io.districts import read_districts
from services.io.errors import ImportProblem
from services.io.indicators import read_indicators
from services.io.offers import read_offers, write_offers
from services.io.offices import read_offices
from services.storage.repository import Repository, create_engine_for, migrate
from services.texts import validation as t

Located = TypeVar("Located")  # Offer or Office: both have id, name, lat, lon, district_id


@dataclass
class ImportResult:
    count: int  # records written
    warnings: list[ImportProblem] = field(default_factory=list)
    outside: int = 0  # offers/offices without a district
    offers: int = 0  # districts import: offers re-derived
    offices: int = 0  # districts import: offices re-derived
    districts: int = 0  # indicators import: districts with values
    years: tuple[int, ...] = ()  # indicators import
    other_municipality: int = 0  # addresses import: rows of other municipalities skipped
    removed: int = 0  # addresses import: removed buildings (NBA "L") left out


def locate(records: list[Located], districts: gpd.GeoDataFrame, file: str = ""):
    """Records with district_id derived from lat/lon, and a warning per record outside.

    Without any district layer every record would be "outside"; one warning says why.
    """
    if districts.empty:
        warnings = [ImportProblem(file, None, None, t.NO_DISTRICTS_TO_LOCATE)] if records else []
        return [replace(r, district_id=None) for r in records], warnings
    ids = assign_districts([r.lat for r in records], [r.lon for r in records], districts)
    located = [replace(r, district_id=d) for r, d in zip(records, ids)]
    warnings = [
        ImportProblem(file, None, None, t.OUTSIDE_DISTRICTS.format(name=r.name, id=r.id))
        for r in located
        if r.district_id is None
    ]
    return located, warnings


def import_districts(
    repo: Repository,
    path: Path,
    id_field: str = c.DISTRICT_ID_FIELD,
    name_field: str = c.DISTRICT_NAME_FIELD,
    stadtbezirk_field: str = c.DISTRICT_STADTBEZIRK_FIELD,
) -> ImportResult:
    """Replace the district layer; every stored offer and office gets its district anew."""
    layer, warnings = read_districts(path, id_field, name_field, stadtbezirk_field)
    offers, offer_warnings = locate(repo.offers(), layer)
    offices, office_warnings = locate(repo.offices(), layer)
    warnings += offer_warnings + office_warnings + _orphaned_values(repo, layer)
    repo.replace_districts(
        layer,
        {o.id: o.district_id for o in offers},
        {o.id: o.district_id for o in offices},
    )
    outside = sum(r.district_id is None for r in [*offers, *offices])
    return ImportResult(len(layer), warnings, outside, len(offers), len(offices))


def _orphaned_values(repo: Repository, layer: gpd.GeoDataFrame) -> list[ImportProblem]:
    """Indicator values are kept when their district vanishes; say which ones."""
    stored = set(repo.indicator_values()["district_id"])
    gone = sorted(stored - set(layer["id"]))
    if not gone:
        return []
    message = t.DISTRICTS_DROPPED_VALUES.format(ids=", ".join(gone))
    return [ImportProblem("", None, None, message)]


def import_indicators(repo: Repository, path: Path, today: date | None = None) -> ImportResult:
    """Add or replace indicator values; districts are matched against the database."""
    values, warnings = read_indicators(path, repo.districts(), today)
    repo.upsert_indicator_values(values)
    years = tuple(sorted({v.year for v in values}))
    districts = len({v.district_id for v in values})
    return ImportResult(len(values), warnings, districts=districts, years=years)


def _import_located(reader: Callable, write: Callable, repo: Repository, path: Path):
    records, warnings = locate(reader(path), repo.districts(), Path(path).name)
    write(records)
    outside = sum(r.district_id is None for r in records)
    return ImportResult(len(records), warnings, outside=outside)


def import_offers(repo: Repository, path: Path) -> ImportResult:
    """Add offers or replace them by id; others stay as they are."""
    return _import_located(read_offers, repo.upsert_offers, repo, path)


def import_offices(repo: Repository, path: Path) -> ImportResult:
    """Add offices or replace them by id; others stay as they are."""
    return _import_located(read_offices, repo.upsert_offices, repo, path)


def import_addresses(repo: Repository, path: Path) -> ImportResult:
    """Replace the address table with Bottrop's addresses of a gebref file or CSV."""
    read = read_addresses(path)
    repo.replace_addresses(read.addresses)
    return ImportResult(len(read.addresses), read.warnings,
                        other_municipality=read.other_municipality, removed=read.removed)


def export_offers(repo: Repository, path: Path) -> int:
    """Write all offers; the format follows the extension (.csv, .xlsx, .geojson)."""
    offers = repo.offers()
    write_offers(offers, path)
    return len(offers)


@dataclass(frozen=True)
class SeedResult:
    districts: int
    indicators: int
    offices: int
    offers: int
    addresses: int


def seed_demo(repo: Repository, geodata_dir: Path = GEODATA_DIR) -> SeedResult:
    """Clear the database and load the demo files through the same readers as imports.

    All five files are read and checked first, then written in one transaction, so a
    broken demo file or a failure half-way leaves the database as it was.
    """
    layer, _ = read_districts(geodata_dir / "districts.geojson")
    values, _ = read_indicators(geodata_dir / "indicators.csv", layer)
    offices, _ = locate(read_offices(geodata_dir / "offices.csv"), layer)
    offers, _ = locate(read_offers(geodata_dir / "offers.csv"), layer)
    addresses = read_addresses(geodata_dir / "addresses.csv").addresses
    repo.replace_all(layer, values, offices, offers, addresses)
    return SeedResult(len(layer), len(values), len(offices), len(offers), len(addresses))


def ensure_seeded(settings: Settings | None = None) -> Repository:
    """The app's repository: migrated, and seeded with demo data on the embedded default
    database's first start (never on a configured DATABASE_URL: that is real data)."""
    settings = settings or load_settings()
    engine = create_engine_for(settings.database_url)
    migrate(engine)
    repo = Repository(engine)
    if settings.is_default_database and repo.is_empty():
        seed_demo(repo)
    return repo
