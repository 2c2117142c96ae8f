"""Imports, all or nothing: read and check the whole file, derive districts, write once.

Every import first builds everything it will write (a file with one bad row writes
nothing), then writes in ONE transaction. Offers and offices get
their district from their position; one outside every district keeps None and is reported
as a warning, because a contact point just beyond the city line is still worth showing.
Replacing the district layer re-derives every offer's and office's district.

Everything an import derives from the database (districts of offers, district ids of
indicator values) is read and written inside one write transaction (Repository.writing),
so two imports started together run one after the other and never mix their states.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import pandas as pd

from services import audit
from services.config import GEODATA_DIR, Settings, load_settings
from services.geo import assign_districts
from services.io import columns as c
from services.io.addresses import read_addresses
from services.io.cells import fold
from services.io.districts import read_districts
from services.io.errors import ImportProblem
from services.io.hsds import ORGANIZATIONS, SERVICES, read_hsds, to_hsds, write_hsds
from services.io.indicators import read_indicators
from services.io.limits import check_total_offers
from services.io.offers import read_offers, write_offers
from services.io.offices import read_offices
from services.io.tables import read_sheets
from services.io.unmet_needs import read_unmet_needs
from services.storage.repository import Repository, create_engine_for, migrate
from services.texts import validation as t

log = logging.getLogger(__name__)
Located = TypeVar("Located")  # Offer or Office: both have id, name, lat, lon, district_id
Dated = TypeVar("Dated")  # Offer or UnmetNeed: has is_demo and date fields


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
    notes: list[str] = field(default_factory=list)  # districts import: values kept/dropped


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
    """Replace the district layer; every stored offer and office gets its district anew.

    The file is read and checked (also against the city's outline) before the write lock
    is taken; the offers and offices are then read, located and written inside ONE
    transaction, so an offers import running at the same time cannot slip in between.
    Indicator values stay only where the district keeps its id AND its name: values belong
    to the division they were measured on.
    """
    layer, warnings = read_districts(path, id_field, name_field, stadtbezirk_field,
                                     outline=city_outline())
    with repo.writing() as tx:
        offers, offer_warnings = locate(tx.offers(), layer)
        offices, office_warnings = locate(tx.offices(), layer)
        kept, dropped = match_values(tx.districts(), tx.indicator_values(), layer)
        tx.replace_districts(
            layer,
            {o.id: o.district_id for o in offers},
            {o.id: o.district_id for o in offices},
        )
        tx.delete_indicator_values([d.district_id for d in dropped])
    outside = sum(r.district_id is None for r in [*offers, *offices])
    notes = [k.note() for k in kept] + [d.note() for d in dropped]
    result = ImportResult(len(layer), warnings + offer_warnings + office_warnings, outside,
                          len(offers), len(offices), notes=notes)
    return _logged(path, result)


@lru_cache(maxsize=1)
def city_outline() -> gpd.GeoDataFrame:
    """Bottrop's outline (geodata/outline.geojson), against which a layer is checked."""
    return gpd.read_file(GEODATA_DIR / "outline.geojson")


@dataclass(frozen=True)
class ValueMatch:
    """What a district layer swap does to the indicator values of one old district id."""

    district_id: str
    old_name: str | None  # None: the id was no district of the old layer
    new_name: str | None  # None: the id is no district of the new layer
    values: int  # indicator values stored for this id

    @property
    def kept(self) -> bool:
        return self.old_name is not None and self.new_name is not None and (
            fold(self.old_name) == fold(self.new_name))

    def note(self) -> str:
        if self.kept:
            return t.VALUES_KEPT.format(id=self.district_id, name=self.new_name,
                                        count=self.values)
        if self.new_name is None:
            return t.VALUES_DROPPED_GONE.format(id=self.district_id, count=self.values,
                                                old=self.old_name or "?")
        return t.VALUES_DROPPED_RENAMED.format(id=self.district_id, count=self.values,
                                               old=self.old_name or "?", new=self.new_name)


def match_values(old: pd.DataFrame, values: pd.DataFrame, new: pd.DataFrame):
    """(kept, dropped) districts with indicator values, by id AND normalised name.

    A real 27-district layer numbered 1–27 shares ids with the demo's, but district 11
    "Eigen-Nord" is not the old 11 "Altstadt": its values must not move over.
    """
    old_names = dict(zip(old["id"], old["name"]))
    new_names = dict(zip(new["id"], new["name"]))
    counts = values["district_id"].value_counts().to_dict() if len(values) else {}
    matches = [
        ValueMatch(district_id, old_names.get(district_id), new_names.get(district_id), count)
        for district_id, count in sorted(counts.items())
    ]
    return [m for m in matches if m.kept], [m for m in matches if not m.kept]


def import_indicators(repo: Repository, path: Path, today: date | None = None) -> ImportResult:
    """Add or replace indicator values; districts are matched against the database.

    The file is read first; matching and writing happen in one transaction, so a district
    layer swapped in meanwhile cannot receive values meant for the old one.
    """
    tables = read_sheets(path)
    with repo.writing() as tx:
        values, warnings = read_indicators(path, tx.districts(), today, tables)
        tx.upsert_indicator_values(values)
    years = tuple(sorted({v.year for v in values}))
    districts = len({v.district_id for v in values})
    return _logged(path, ImportResult(len(values), warnings, districts=districts, years=years))


def _logged(path: Path, result: ImportResult) -> ImportResult:
    """One log line per import: file name and counts only, never row contents."""
    log.info("imported %s: %d records, %d warnings", Path(path).name, result.count, len(result.warnings))
    return result


def _import_located(reader: Callable, repo: Repository, path: Path, actor: str):
    """Read and check the file first; locate and write (with audit entries) under the lock."""
    records = reader(path)
    with repo.writing() as tx:
        if records and audit.kind_of(records[0]) == "offer":
            check_total_offers(Path(path).name, tx.versions("offer"), (r.id for r in records))
        records, warnings = locate(records, tx.districts(), Path(path).name)
        audit.write_records(tx, records, actor, "import")
    outside = sum(r.district_id is None for r in records)
    return _logged(Path(path), ImportResult(len(records), warnings, outside=outside))


def import_offers(repo: Repository, path: Path, actor: str = audit.SYSTEM_ACTOR) -> ImportResult:
    """Add offers or replace them by id; others stay as they are. Changed ones are logged."""
    return _import_located(read_offers, repo, path, actor)


def import_offices(repo: Repository, path: Path, actor: str = audit.SYSTEM_ACTOR) -> ImportResult:
    """Add offices or replace them by id; others stay as they are. Changed ones are logged."""
    return _import_located(read_offices, repo, path, actor)


def import_addresses(repo: Repository, path: Path) -> ImportResult:
    """Replace the address table with Bottrop's addresses of a gebref file or CSV."""
    read = read_addresses(path)
    repo.replace_addresses(read.addresses)
    return ImportResult(len(read.addresses), read.warnings,
                        other_municipality=read.other_municipality, removed=read.removed)


def export_offers(repo: Repository, path: Path) -> int:
    """Write all offers with their district (read-only columns); the format follows the
    extension (.csv, .xlsx, .geojson)."""
    offers = repo.offers()
    districts = repo.districts()
    ids = districts["id"].astype(str)
    stadtbezirke = dict(zip(ids, districts["stadtbezirk"])) if "stadtbezirk" in districts else None
    write_offers(offers, path, dict(zip(ids, districts["name"])), stadtbezirke)
    return len(offers)


@dataclass(frozen=True)
class SeedResult:
    districts: int
    indicators: int
    offices: int
    offers: int
    unmet_needs: int
    addresses: int


# The day the demo files were written for (geodata/README.md): their dates (reports,
# last checks, course periods) are moved by the days between it and the seeding day.
DEMO_REFERENCE_DAY = date(2026, 11, 28)
_OFFER_DATES = ("last_verified", "valid_from", "valid_to")
_REPORT_DATES = ("reported_on",)


def demo_shift(today: date) -> timedelta:
    """How far the demo files' dates move when the demo is seeded on `today`."""
    return today - DEMO_REFERENCE_DAY


def _shifted(records: list[Dated], fields: tuple[str, ...], shift: timedelta) -> list[Dated]:
    """Demo records with their dates moved by `shift`, so a demo seeded any day has
    reports in this and last month and the same share of stale offers as on the
    reference day; real records stay as they are."""
    def move(record: Dated) -> Dated:
        dates = {f: getattr(record, f) for f in fields}
        return replace(record, **{f: d + shift for f, d in dates.items() if d is not None})

    return [move(r) if r.is_demo and shift else r for r in records]


def seed_demo(repo: Repository, geodata_dir: Path = GEODATA_DIR,
              today: date | None = None) -> SeedResult:
    """Clear the database and load the demo files through the same readers as imports.

    All files are read and checked first, then written in one transaction, so a
    broken demo file or a failure half-way leaves the database as it was. The demo
    records' dates are moved to `today` (default: the real day), see demo_shift.
    """
    shift = demo_shift(today or date.today())
    layer, _ = read_districts(geodata_dir / "districts.geojson", outline=city_outline())
    values, _ = read_indicators(geodata_dir / "indicators.csv", layer)
    offices, _ = locate(read_offices(geodata_dir / "offices.csv"), layer)
    offers, _ = locate(read_offers(geodata_dir / "offers.csv"), layer)
    offers = _shifted(offers, _OFFER_DATES, shift)
    unmet_needs = _shifted(read_unmet_needs(geodata_dir / "unmet_needs.csv"), _REPORT_DATES, shift)
    addresses = read_addresses(geodata_dir / "addresses.csv").addresses
    repo.replace_all(layer, values, offices, offers, unmet_needs, addresses)
    return SeedResult(len(layer), len(values), len(offices), len(offers), len(unmet_needs),
                      len(addresses))


_SHARED: dict[str, Repository] = {}
_SHARED_LOCK = threading.Lock()


def shared_repository(settings: Settings | None = None) -> Repository:
    """The process-wide repository of the app, one per database URL.

    Held here, not in Streamlit's cache: any websocket client can clear that cache, which
    would make the server rebuild engine, migration check and seeding for everyone. This
    is built once per process (under a lock, so concurrent first sessions build it once);
    a failure (database down) is not kept, so the next call simply tries again.
    """
    settings = settings or load_settings()
    with _SHARED_LOCK:
        repo = _SHARED.get(settings.database_url)
        if repo is None:
            repo = _SHARED[settings.database_url] = ensure_seeded(settings)
        return repo


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


def import_hsds(
    repo: Repository, directory: Path, actor: str = audit.SYSTEM_ACTOR
) -> ImportResult:
    """Add or replace offers and offices from an HSDS 3.0 directory, in ONE transaction.

    `count` is the number of offers, `offices` that of offices; both are located like
    the file imports.
    """
    offers, offices = read_hsds(directory)
    with repo.writing() as tx:
        check_total_offers(SERVICES, tx.versions("offer"), (o.id for o in offers))
        districts = tx.districts()
        offers, offer_warnings = locate(offers, districts, SERVICES)
        offices, office_warnings = locate(offices, districts, ORGANIZATIONS)
        audit.write_records(tx, offices, actor, "import")
        audit.write_records(tx, offers, actor, "import")
    outside = sum(r.district_id is None for r in [*offers, *offices])
    return ImportResult(len(offers), offer_warnings + office_warnings, outside=outside,
                        offices=len(offices))


def export_hsds(repo: Repository, directory: Path) -> tuple[int, int]:
    """Write all offers and offices as an HSDS 3.0 directory; (offers, offices) counts."""
    offers, offices = repo.offers(), repo.offices()
    write_hsds(to_hsds(offers, offices), directory)
    return len(offers), len(offices)
