"""A read-only snapshot of the database, prepared once per data version for the pages.

Every rerun of a page filters and draws from this snapshot; only a write to the database
(an import) bumps the data version and makes the app load a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd
import pandas as pd

from services import filters
from services.geo import to_web_crs
from services.model import Office
from services.storage.repository import Repository


@dataclass(frozen=True)
class Snapshot:
    version: int
    districts: gpd.GeoDataFrame  # EPSG:25832
    indicator_values: pd.DataFrame
    offers: pd.DataFrame  # filters.prepare()d
    offices: tuple[Office, ...]

    @cached_property
    def districts_web_geojson(self) -> dict:
        """The district layer as a GeoJSON mapping in EPSG:4326, for Leaflet."""
        return to_web_crs(self.districts[["id", "name", "geometry"]]).__geo_interface__

    @cached_property
    def district_names(self) -> dict[str, str]:
        return dict(zip(self.districts["id"], self.districts["name"]))

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

    def office(self, office_id: str) -> Office | None:
        return next((o for o in self.offices if o.id == office_id), None)

    def position_of(self, ref: str | None) -> tuple[float, float] | None:
        """Where a selected offer ("o:id") or office ("b:id") is, to ring it on the map."""
        kind, _, item_id = (ref or "").partition(":")
        if kind == "o":
            rows = self.offers.loc[self.offers["id"] == item_id, ["lat", "lon"]]
            return tuple(rows.iloc[0]) if len(rows) else None
        office = self.office(item_id) if kind == "b" else None
        return (office.lat, office.lon) if office else None

    def years(self, indicator_key: str) -> list[int]:
        values = self.indicator_values
        return sorted(values.loc[values["indicator_key"] == indicator_key, "year"].unique().tolist())


def load_snapshot(repo: Repository) -> Snapshot:
    """Read everything the pages show, in a handful of queries."""
    return Snapshot(
        version=repo.data_version(),
        districts=repo.districts(),
        indicator_values=repo.indicator_values(),
        offers=filters.prepare(repo.offers_frame()),
        offices=tuple(repo.offices()),
    )
