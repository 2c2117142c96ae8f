"""Address files for the offline address search: NRW Gebäudereferenzen or a plain CSV.

The plain CSV has a header and the columns of ADDRESS_COLUMNS (strasse; hausnummer; zusatz;
plz; lat; lon; demo), read and checked like every other table (services/io/records.py).
`read_addresses` tells the two apart by content, not by name: a gebref.txt has no header,
and the city's files are often renamed.
"""

from __future__ import annotations

from pathlib import Path

from services.io import fields as f
from services.io.cells import fold
from services.io.gebref import GebrefRead, parse_house_number, parse_suffix, read_gebref
from services.io.records import RecordSpec, read_records
from services.io.tables import decode
from services.model import Address
from services.texts import validation as t

ADDRESS_COLUMNS: dict[str, str] = {
    "strasse": "street",
    "hausnummer": "house_number",
    "zusatz": "suffix",
    "plz": "postcode",
    "lat": "lat",
    "lon": "lon",
    "demo": "is_demo",
}
ADDRESS_REQUIRED = ("strasse", "hausnummer", "lat", "lon")


ADDRESS_SPEC = RecordSpec(
    model=Address,
    columns=ADDRESS_COLUMNS,
    kinds={
        "hausnummer": f.Kind(parse_house_number, str),
        "zusatz": f.Kind(parse_suffix, str),
        "lat": f.NUMBER_LAT,
        "lon": f.NUMBER_LON,
        "demo": f.BOOLEAN,
    },
    required=ADDRESS_REQUIRED,
    sheet_title="Adressen",
    id_column="hausnummer",
    duplicate_message=t.DUPLICATE_ADDRESS,
)


def read_addresses(path: Path) -> GebrefRead:
    """Bottrop's addresses from a gebref file (plain or ZIP) or an address CSV/XLSX."""
    path = Path(path)
    if _is_address_table(path):
        return GebrefRead(read_records(path, ADDRESS_SPEC))
    return read_gebref(path)


def _is_address_table(path: Path) -> bool:
    """True for a table whose header names the column 'strasse' (gebref has no header)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    if not path.is_file() or path.suffix.lower() == ".zip":
        return False
    with path.open("rb") as handle:
        first = decode(handle.readline(4096), path)  # bounded: gebref may have no line breaks
    return any(fold(cell) == "strasse" for cell in first.replace(",", ";").split(";"))
