"""A read-only snapshot of the database, prepared once per data version for the pages.

Every rerun of a page filters, draws and shows details from this snapshot; only a write to
the database (an import) bumps the data version and makes the app load a new one. Pages
never query the database themselves.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property

import geopandas as gpd
import pandas as pd

from services import filters, freshness, heap
from services.geo import to_web_crs
from services.model import Offer, Office
from services.offer_table import offer_table
from services.selection import Selection
from services.storage.repository import Repository

_OFFER_FIELDS = tuple(f.name for f in fields(Offer))


@dataclass(frozen=True)
class Snapshot:
    version: int
    districts: gpd.GeoDataFrame  # EPSG:25832
    indicator_values: pd.DataFrame
    offers: pd.DataFrame  # filters.prepare()d
    offices: tuple[Office, ...]  # the active ones: what every public view shows
    # archived Quartiersbüros: only the editing page lists them (and old reports name them)
    archived_offices: tuple[Office, ...] = ()

    @cached_property
    def districts_web_geojson(self) -> dict:
        """The district layer as a GeoJSON mapping in EPSG:4326, for Leaflet."""
        return to_web_crs(self.districts[["id", "name", "geometry"]]).__geo_interface__

    @cached_property
    def district_names(self) -> dict[str, str]:
        return dict(zip(self.districts["id"], self.districts["name"]))

    @cached_property
    def offer_rows(self) -> pd.DataFrame:
        """Every offer as a row of the offer list (by id), formatted once per data version:
        the page slices it by the filter result (formatting 10,000 rows takes ~0.3 s)."""
        return offer_table(self.offers, self.district_names)

    @cached_property
    def filter_context(self) -> filters.FilterContext:
        """The filter choices this data offers (districts, languages)."""
        return filters.context_of(self.offers, self.district_names)

    @property
    def demo_districts(self) -> bool:
        return bool(self.districts["is_demo"].any())

    @property
    def demo_values(self) -> bool:
        return bool(self.indicator_values["is_demo"].any())

    @property
    def demo_offers(self) -> bool:
        return bool(self.offers["is_demo"].any()) or any(o.is_demo for o in self.offices)

    @property
    def any_demo(self) -> bool:
        return self.demo_districts or self.demo_values or self.demo_offers

    def offer(self, offer_id: str) -> Offer | None:
        """One offer as a model object, read from the snapshot (no query per rerun)."""
        rows = self.offers.loc[self.offers["id"] == offer_id]
        if rows.empty:
            return None
        row = rows.iloc[0]
        return Offer(**{name: _plain(row[name]) for name in _OFFER_FIELDS})

    def is_stale(self, offer_id: str) -> bool:
        """Whether the offer was not verified within QA_STALE_MONTHS (the `stale` column)."""
        rows = self.offers.loc[self.offers["id"] == offer_id, freshness.STALE_COLUMN]
        return bool(rows.iloc[0]) if len(rows) else False

    def office(self, office_id: str) -> Office | None:
        """An active Quartiersbüro; an archived one is not found (as if it were gone)."""
        return next((o for o in self.offices if o.id == office_id), None)

    @property
    def all_offices(self) -> tuple[Office, ...]:
        """Active and archived Quartiersbüros, by id (the editing page's list)."""
        return tuple(sorted((*self.offices, *self.archived_offices), key=lambda o: o.id))

    @cached_property
    def office_names(self) -> dict[str, str]:
        """Every office's name by id, archived ones too: a need reported at an office that
        was archived later still names it."""
        return {o.id: o.name for o in self.all_offices}

    def position_of(self, selection: Selection | None) -> tuple[float, float] | None:
        """Where a selected offer or office is, to ring it on the map."""
        if selection is None:
            return None
        if selection.kind == "offer":
            rows = self.offers.loc[self.offers["id"] == selection.id, ["lat", "lon"]]
            return (float(rows.iloc[0, 0]), float(rows.iloc[0, 1])) if len(rows) else None
        office = self.office(selection.id) if selection.kind == "office" else None
        return (office.lat, office.lon) if office else None

    def years(self, indicator_key: str) -> list[int]:
        values = self.indicator_values
        return sorted(values.loc[values["indicator_key"] == indicator_key, "year"].unique().tolist())


def _plain(value: object) -> object:
    """pandas' missing values back to None, numpy scalars to Python ones."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def load_snapshot(repo: Repository, today: date | None = None) -> Snapshot:
    """Read everything the pages show, in a handful of queries of ONE read transaction:
    an import committing meanwhile cannot mix its data into a snapshot labelled with
    another data version.

    Offers get a `stale` column (services/freshness.py): not verified within
    QA_STALE_MONTHS, for the map and the Lotse to mark. Archived Quartiersbüros are kept
    apart (`archived_offices`), so no public view can show them by mistake.
    """
    with repo.reading() as tx:
        version = tx.data_version()
        districts = tx.districts()
        offers = tx.offers_frame()
        offices = tx.offices()
        values = tx.indicator_values()
    names = dict(zip(districts["id"], districts["name"]))
    stale = freshness.stale_mask(offers["last_verified"], today or date.today(),
                                 freshness.stale_months())
    return Snapshot(
        version=version,
        districts=districts,
        indicator_values=values,
        offers=filters.prepare(offers.assign(**{freshness.STALE_COLUMN: stale}), names),
        offices=tuple(o for o in offices if o.status == "active"),
        archived_offices=tuple(o for o in offices if o.status != "active"),
    )


class _LatestSnapshot:
    """The newest snapshot per database, built once per data version under a lock.

    Older versions are released as soon as a newer one is built; a reader that still holds
    one keeps it alive only as long as its script run.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: dict[int, Snapshot] = {}  # id(repository) -> snapshot

    def get(self, repo: Repository) -> Snapshot:
        version = repo.data_version()
        with self._lock:
            current = self._latest.get(id(repo))
            if current is None or current.version != version:
                if current is not None:
                    heap.thaw()  # the old snapshot may sit in the frozen heap (services/heap.py)
                current = self._latest[id(repo)] = load_snapshot(repo)
            return current


_SHARED = _LatestSnapshot()


def shared_snapshot(repo: Repository) -> Snapshot:
    """The process-wide snapshot of the repository's current data version."""
    return _SHARED.get(repo)
