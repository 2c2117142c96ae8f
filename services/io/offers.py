"""Offer files (Angebote): CSV, XLSX or GeoJSON in the columns of services/io/columns.py.

`read_offers` checks every row and raises ImportFailed with all problems; `write_offers`
writes by extension (.csv for German Excel, .xlsx, .geojson). An offer's district is not a
column on import: the importer derives it from the position. The export adds the read-only
columns `bezirk_id`, `bezirk` and `stadtbezirk` for the reader (Excel, QGIS); an import ignores them, so an
exported file imports again unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from services.io import fields as f
from services.io.columns import OFFER_COLUMNS, OFFER_READ_ONLY, OFFER_REQUIRED
from services.io.records import RecordSpec, read_records, write_records
from services.model import Offer

OFFER_SPEC = RecordSpec(
    model=Offer,
    columns=OFFER_COLUMNS,
    kinds={
        **f.PLACE_KINDS,
        "bedarfe": f.NEEDS_LIST,
        "min_alter": f.AGE,
        "max_alter": f.AGE,
        "zielgruppe": f.AUDIENCE_LIST,
        "kostenlos": f.BOOLEAN,
        "sprachen": f.LANGUAGES,
        "barrierefrei": f.BOOLEAN,
        "website": f.WEBSITE,
        "status": f.STATUS,
        "gueltig_von": f.DATE,
        "gueltig_bis": f.DATE,
        "zuletzt_geprueft": f.DATE,
    },
    required=OFFER_REQUIRED,
    checks=(f.check_age_order, f.check_date_order),
    sheet_title="Angebote",
    read_only=OFFER_READ_ONLY,
)


def read_offers(path: Path) -> list[Offer]:
    """All offers of a file (district_id None), or ImportFailed listing every problem."""
    return read_records(path, OFFER_SPEC)


def write_offers(
    offers: list[Offer],
    path: Path,
    district_names: Mapping[str, str] | None = None,
    stadtbezirke: Mapping[str, str] | None = None,
) -> None:
    """Export by extension: .csv (UTF-8 with BOM, ";" and decimal comma), .xlsx, .geojson.

    With `district_names` (id -> name) and `stadtbezirke` (id -> Stadtbezirk), each row
    also says its district and Stadtbezirk (read-only)."""
    extra = None
    if district_names is not None:
        extra = [{"bezirk_id": o.district_id, "bezirk": district_names.get(o.district_id or ""),
                  "stadtbezirk": (stadtbezirke or {}).get(o.district_id or "")}
                 for o in offers]  # fmt: skip
    write_records(offers, path, OFFER_SPEC, extra)
