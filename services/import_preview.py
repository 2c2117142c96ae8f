"""What an import would change, before it changes anything (the upload page's preview).

The preview reads the file with the SAME readers and derivations as the import
(services/importer.py: read_offers, read_offices, read_indicators, read_districts, locate)
and compares the result with what is stored, without writing and without the write lock.
Writing is then `run_import`, which calls the very importer functions the CLI calls: there
is no second code path into the database. A file with any problem raises ImportFailed here,
exactly as the import would.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from services import importer
from services.formatting import format_compact
from services.io import columns as c
from services.io.addresses import read_addresses
from services.io.districts import read_districts
from services.io.errors import ImportProblem
from services.io.indicators import read_indicators
from services.io.limits import check_total_offers
from services.io.offers import read_offers
from services.io.offices import read_offices
from services.storage.repository import Repository
from services.texts import upload as t
from services.texts import validation as v

FIRST_ROWS = 10
NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@dataclass(frozen=True, slots=True)
class ImportKind:
    """One kind of upload: which roles may load it, which files, and whether it replaces
    everything stored (the district layer) or adds and replaces by key (the others)."""

    code: str
    roles: tuple[str, ...]
    suffixes: tuple[str, ...]
    replaces_all: bool


_TABLES = ("csv", "txt", "xlsx", "xlsm")
_EDITORS = ("admin", "redaktion")
KINDS: dict[str, ImportKind] = {
    kind.code: kind
    for kind in (
        ImportKind("offers", _EDITORS, (*_TABLES, "geojson", "json"), False),
        ImportKind("offices", _EDITORS, (*_TABLES, "geojson", "json"), False),
        ImportKind("indicators", ("admin",), _TABLES, False),
        ImportKind("districts", ("admin",), ("geojson", "json", "gpkg", "zip"), True),
        ImportKind("addresses", ("admin",), (*_TABLES, "zip"), True),
    )
}


@dataclass(frozen=True, slots=True)
class DistrictFields:
    """The attribute names of a district layer (the CLI's --id-field etc.)."""

    id_field: str = c.DISTRICT_ID_FIELD
    name_field: str = c.DISTRICT_NAME_FIELD
    stadtbezirk_field: str = c.DISTRICT_STADTBEZIRK_FIELD


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """Counts of what the import would do, its first rows, and the import's warnings.

    `removed`: stored records the import deletes (only a new district layer does that);
    `kept`: stored records the file does not mention, which stay as they are.
    """

    kind: str
    new: int
    changed: int
    unchanged: int
    removed: int
    kept: int
    first_rows: list[dict[str, str]]
    warnings: list[ImportProblem] = field(default_factory=list)


def preview(repo: Repository, kind: str, path: Path,
            fields: DistrictFields = DistrictFields()) -> ImportPreview:  # fmt: skip
    """Read and check the file as the import would; compare with the stored data."""
    if kind == "districts":
        return _preview_districts(repo, path, fields)
    if kind == "indicators":
        return _preview_indicators(repo, path)
    if kind == "addresses":
        return _preview_addresses(repo, path)
    reader, stored = (read_offers, repo.offers) if kind == "offers" else (read_offices, repo.offices)
    districts = repo.districts()
    names = dict(zip(districts["id"], districts["name"]))
    records, warnings = importer.locate(reader(path), districts, Path(path).name)
    before = {r.id: r for r in stored()}
    after = {r.id: r for r in records}
    if kind == "offers":
        check_total_offers(Path(path).name, before, after)
    return _compared(kind, before, after, warnings, lambda key, record, status: {
        t.COLUMN_ID: record.id, t.COLUMN_NAME: record.name,
        t.COLUMN_DISTRICT: names.get(record.district_id, t.NO_DISTRICT),
        t.COLUMN_STATUS: t.STATUS_LABELS[status]})  # fmt: skip


def _preview_indicators(repo: Repository, path: Path) -> ImportPreview:
    districts = repo.districts()
    names = dict(zip(districts["id"], districts["name"]))
    values, warnings = read_indicators(path, districts)
    stored = repo.indicator_values()
    before = {(r.district_id, r.indicator_key, int(r.year)): (float(r.value), r.source)
              for r in stored.itertuples()}  # fmt: skip
    after = {(v.district_id, v.indicator_key, v.year): (v.value, v.source) for v in values}
    return _compared("indicators", before, after, warnings, lambda key, value, status: {
        t.COLUMN_DISTRICT: names.get(key[0], key[0]), t.COLUMN_INDICATOR: key[1], t.COLUMN_YEAR: str(key[2]),
        t.COLUMN_VALUE: format_compact(value[0]),
        t.COLUMN_STATUS: t.STATUS_LABELS[status]})  # fmt: skip


def _preview_addresses(repo: Repository, path: Path) -> ImportPreview:
    read = read_addresses(path)

    def key(a) -> tuple:
        return (a.street, a.house_number, a.suffix)

    before = {key(a): a for a in repo.addresses()}
    after = {key(a): a for a in read.addresses}
    return _compared("addresses", before, after, read.warnings, lambda key, address, status: {
        t.COLUMN_STREET: address.street, t.COLUMN_NUMBER: f"{address.house_number}{address.suffix}",
        t.COLUMN_POSTCODE: address.postcode, t.COLUMN_STATUS: t.STATUS_LABELS[status]})  # fmt: skip


def _preview_districts(repo: Repository, path: Path, fields: DistrictFields) -> ImportPreview:
    layer, warnings = read_districts(path, fields.id_field, fields.name_field,
                                     fields.stadtbezirk_field, outline=importer.city_outline())
    stored = repo.districts()
    before = {r.id: (r.name, r.stadtbezirk, r.geometry.wkb) for r in stored.itertuples()}
    after = {r.id: (r.name, r.stadtbezirk, r.geometry.wkb) for r in layer.itertuples()}
    return _compared("districts", before, after, warnings, lambda key, value, status: {
        t.COLUMN_ID: key, t.COLUMN_NAME: value[0], t.COLUMN_STADTBEZIRK: value[1],
        t.COLUMN_STATUS: t.STATUS_LABELS[status]})  # fmt: skip


def _compared(kind: str, before: Mapping[Hashable, object], after: Mapping[Hashable, object],
              warnings: list[ImportProblem],
              row: Callable[[Hashable, object, str], dict[str, str]]) -> ImportPreview:  # fmt: skip
    """Counts by key: new, changed (any field differs), unchanged; and the stored keys the
    file does not name (removed when the kind replaces everything, else kept)."""
    status = {key: NEW if key not in before else CHANGED if before[key] != value else UNCHANGED
              for key, value in after.items()}  # fmt: skip
    absent = sum(key not in after for key in before)
    replaces = KINDS[kind].replaces_all
    first = [row(key, after[key], status[key]) for key in list(after)[:FIRST_ROWS]]
    counts = {s: sum(v == s for v in status.values()) for s in (NEW, CHANGED, UNCHANGED)}
    return ImportPreview(kind, counts[NEW], counts[CHANGED], counts[UNCHANGED],
                         absent if replaces else 0, 0 if replaces else absent, first, warnings)


def run_import(repo: Repository, kind: str, path: Path,
               fields: DistrictFields = DistrictFields()) -> importer.ImportResult:  # fmt: skip
    """The import itself: the same importer functions as `python -m services.cli import`."""
    if kind == "districts":
        return importer.import_districts(repo, path, fields.id_field, fields.name_field,
                                         fields.stadtbezirk_field)
    run = {"offers": importer.import_offers, "offices": importer.import_offices,
           "indicators": importer.import_indicators,
           "addresses": importer.import_addresses}[kind]  # fmt: skip
    return run(repo, path)


def import_summary(kind: str, result: importer.ImportResult) -> str:
    """What an import did, in German (the CLI's output and the upload page's message)."""
    if kind == "districts":
        summary = v.CLI_DONE_DISTRICTS.format(count=result.count, offers=result.offers,
                                              offices=result.offices)
        if result.outside:
            summary += "\n" + v.CLI_OUTSIDE_AFTER_SWAP.format(outside=result.outside)
        if result.notes:
            summary += "\n" + "\n".join([v.CLI_VALUES_AFTER_SWAP, *(f"  {n}" for n in result.notes)])
        return summary
    if kind == "addresses":
        gebref = result.other_municipality or result.removed
        template = v.CLI_DONE_ADDRESSES if gebref else v.CLI_DONE_ADDRESSES_TABLE
        return template.format(count=result.count, other=result.other_municipality,
                               removed=result.removed)
    if kind == "indicators":
        years = ", ".join(map(str, result.years)) or "–"
        return v.CLI_DONE_INDICATORS.format(count=result.count, districts=result.districts,
                                            years=years)
    template = v.CLI_DONE_OFFERS if kind == "offers" else v.CLI_DONE_OFFICES
    return template.format(count=result.count, outside=result.outside)
