"""Office files (Quartiersbüros): CSV, XLSX or GeoJSON in the columns of columns.py.

Same mechanism as offers (services/io/records.py); only the columns differ.
"""

from __future__ import annotations

from pathlib import Path

from services.io import fields as f
from services.io.columns import OFFICE_COLUMNS, OFFICE_REQUIRED
from services.io.records import RecordSpec, read_records, write_records
from services.model import Office

OFFICE_SPEC = RecordSpec(
    model=Office,
    columns=OFFICE_COLUMNS,
    kinds={**f.PLACE_KINDS, "status": f.OFFICE_STATUS},
    required=OFFICE_REQUIRED,
    sheet_title="Quartiersbueros",
)


def read_offices(path: Path) -> list[Office]:
    """All offices of a file (district_id None), or ImportFailed listing every problem."""
    return read_records(path, OFFICE_SPEC)


def write_offices(offices: list[Office], path: Path) -> None:
    """Export by extension, like services.io.offers.write_offers."""
    write_records(offices, path, OFFICE_SPEC)
