"""The domain model: districts, offers (Angebote), Quartiersbüros and indicator values.

Offers follow Open Referral HSDS 3.0 (service + location + schedule + language +
taxonomy attribute), flattened into one record because a neighbourhood directory has one
location per offer. Ages are years and may be decimal (0.5 = six months). An offer's
district is always derived from its position (point in polygon), never typed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ANALYSIS_CRS = "EPSG:25832"  # ETRS89 / UTM 32N, NRW's official CRS: areas, distances
WEB_CRS = "EPSG:4326"  # what Leaflet draws

PositionPrecision = Literal["exact", "street", "approximate"]
OfferStatus = Literal["active", "inactive", "temporarily_closed"]
OfficeStatus = Literal["active", "inactive"]  # inactive: archived

POSITION_PRECISIONS: tuple[PositionPrecision, ...] = ("exact", "street", "approximate")
OFFER_STATUSES: tuple[OfferStatus, ...] = ("active", "inactive", "temporarily_closed")
OFFICE_STATUSES: tuple[OfficeStatus, ...] = ("active", "inactive")
WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")  # index 0 = Monday (ISO 1)


@dataclass(frozen=True, slots=True)
class OpeningSlot:
    """One weekly opening slot (HSDS schedule: freq=WEEKLY, byday, opens_at, closes_at)."""

    weekday: int  # 0 = Monday … 6 = Sunday
    opens: str  # "HH:MM"
    closes: str  # "HH:MM"


@dataclass(frozen=True, slots=True)
class District:
    """A statistical district. The geometry lives in GeoDataFrames, not here."""

    id: str
    name: str
    stadtbezirk: str


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One figure in long form; its source and year always travel with it."""

    district_id: str
    indicator_key: str
    year: int
    value: float
    source: str
    is_demo: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """What offers and offices share: where they are, when they open, how to reach them,
    where the entry comes from (HSDS: location, address, schedule, phone). Keyword-only,
    so each subclass keeps its own fields first and positional."""

    address: str = ""
    postcode: str = ""
    city: str = "Bottrop"
    position_precision: PositionPrecision = "exact"
    district_id: str | None = None  # derived by point in polygon, never typed in
    opening_hours: tuple[OpeningSlot, ...] = ()
    hours_note: str = ""
    phone: str = ""
    email: str = ""
    source: str = ""
    is_demo: bool = False


@dataclass(frozen=True, slots=True)
class Offer(Place):
    id: str
    name: str
    provider: str
    needs: tuple[str, ...]  # codes of services.taxonomy.NEEDS, at least one
    lat: float
    lon: float
    description: str = ""
    min_age: float | None = None
    max_age: float | None = None
    audience: tuple[str, ...] = ("kinder",)  # codes of services.taxonomy.AUDIENCES
    free_of_charge: bool | None = None  # None: not known
    fee_text: str = ""
    languages: tuple[str, ...] = ("de",)  # ISO 639-1 codes
    barrier_free: bool | None = None  # None: not known
    website: str = ""
    status: OfferStatus = "active"
    valid_from: date | None = None
    valid_to: date | None = None
    last_verified: date | None = None


@dataclass(frozen=True, slots=True)
class Office(Place):
    """A Quartiersbüro or other neighbourhood contact point."""

    id: str
    name: str
    operator: str
    lat: float
    lon: float
    contact: str = ""  # e.g. "Sprechstunde nach Vereinbarung"; no personal names needed
    staff_role: str = ""  # e.g. "Lotse"
    programme: str = ""
    # archived („inactive“): kept with its history, hidden from the map, the Lotse, the
    # profiles and the gap analysis (services/snapshot.py)
    status: OfficeStatus = "active"
    # published addresses rarely come with coordinates: an office is placed roughly
    position_precision: PositionPrecision = field(default="approximate", kw_only=True)


@dataclass(frozen=True, slots=True)
class Address:
    """One building address of the offline address search (NRW Gebäudereferenzen or CSV).

    Never a family's address: these are the city's buildings, searched to find a point.
    `suffix` is the lower-case Adressierungszusatz ("a" in 13a), "" when there is none.
    """

    street: str
    house_number: int
    lat: float
    lon: float
    suffix: str = ""
    postcode: str = ""
    is_demo: bool = False

    @property
    def id(self) -> str:
        """The address as a key; two rows with one key would be one building twice."""
        return f"{self.street} {self.house_number}{self.suffix}"
