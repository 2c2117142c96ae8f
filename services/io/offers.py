"""Offer files (Angebote): CSV, XLSX or GeoJSON in the columns of services/io/columns.py.

`read_offers` checks every row and raises ImportFailed with all problems; `write_offers`
writes by extension (.csv for German Excel, .xlsx, .geojson). An offer's district is not a
column: the importer derives it from the position.
"""

from __future__ import annotations

from pathlib import Path

from services.io import fields as f
from services.io.columns import OFFER_COLUMNS, OFFER_REQUIRED
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
)


def read_offers(path: Path) -> list[Offer]:
    """All offers of a file (district_id None), or ImportFailed listing every problem."""
    return read_records(path, OFFER_SPEC)


def write_offers(offers: list[Offer], path: Path) -> None:
    """Export by extension: .csv (UTF-8 with BOM, ";" and decimal comma), .xlsx, .geojson."""
    write_records(offers, path, OFFER_SPEC)
