"""Files of reported unmet needs: the demo set in geodata/unmet_needs.csv.

Same mechanism as offers (services/io/records.py). Every row passes the same checks as a
record from the form (services.unmet_needs.record_problems), so a file cannot smuggle an
address or a phone number in a note into the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from services.io import cells
from services.io import fields as f
from services.io.records import RecordSpec, read_records
from services.taxonomy import AGE_GROUPS
from services.texts.unmet_needs import MISSING_LABELS
from services.unmet_need import UnmetNeed, record_problems

# German file column -> model field (services.unmet_needs.UnmetNeed)
UNMET_NEED_COLUMNS: dict[str, str] = {
    "id": "id",
    "datum": "reported_on",
    "quartiersbuero": "office_id",
    "bezirk": "district_id",
    "altersgruppen": "age_groups",
    "bedarfe": "needs",
    "sprachen": "languages",
    "fehlte": "missing",
    "notiz": "note",
    "demo": "is_demo",
}
UNMET_NEED_REQUIRED = ("id", "datum", "quartiersbuero", "bedarfe", "fehlte")

_AGE_GROUP_LOOKUP = {g.code: g.code for g in AGE_GROUPS} | {g.label: g.code for g in AGE_GROUPS}
_MISSING_LOOKUP = {code: code for code in MISSING_LABELS} | {
    label: code for code, label in MISSING_LABELS.items()
}


def _check_record(values: dict[str, Any]) -> list[tuple[str, str]]:
    """The form's checks; only the note can fail here (the codes are parsed already)."""
    return [("notiz", message) for message in record_problems(UnmetNeed(**values))]


UNMET_NEED_SPEC = RecordSpec(
    model=UnmetNeed,
    columns=UNMET_NEED_COLUMNS,
    kinds={
        "datum": f.DATE,
        "altersgruppen": f.Kind(
            f.code_parser(_AGE_GROUP_LOOKUP, ", ".join(g.code for g in AGE_GROUPS)),
            cells.format_list,
        ),
        "bedarfe": f.NEEDS_LIST,
        "sprachen": f.LANGUAGES,
        "fehlte": f.Kind(f.code_parser(_MISSING_LOOKUP, ", ".join(MISSING_LABELS)),
                         cells.format_list),  # fmt: skip
        "demo": f.BOOLEAN,
    },
    required=UNMET_NEED_REQUIRED,
    checks=(_check_record,),
    sheet_title="Gemeldete Bedarfe",
)


def read_unmet_needs(path: Path) -> list[UnmetNeed]:
    """All records of a file, or ImportFailed listing every problem with row and column."""
    return read_records(path, UNMET_NEED_SPEC)

