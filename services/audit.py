"""Writing offers and offices together with their audit entries and versions.

Every path that changes an offer or office (the file and HSDS imports, the editing pages)
goes through `write_records` inside ONE write transaction (Repository.writing): the new
versions and the audit entries are derived from what is stored at that moment and written
with the records, so a failed write leaves neither a change nor an entry behind.
Entries hold field diffs as file cell texts (services/io/records.record_texts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from services.io.offers import OFFER_SPEC
from services.io.offices import OFFICE_SPEC
from services.io.records import RecordSpec, column_text, record_texts
from services.storage.audit import Action, AuditEntry, RecordKind
from services.storage.repository import Repository

SPECS: dict[RecordKind, RecordSpec] = {"offer": OFFER_SPEC, "office": OFFICE_SPEC}
SYSTEM_ACTOR = "system"  # the command line and the demo seeding


@dataclass(frozen=True, slots=True)
class WriteResult:
    entries: tuple[AuditEntry, ...]  # one per created or changed record
    unchanged: int  # records identical to the stored ones (not written)


def kind_of(record: Any) -> RecordKind:
    return "offer" if record.__class__ is OFFER_SPEC.model else "office"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def diff(old: Any | None, new: Any, spec: RecordSpec) -> dict[str, tuple[str, str]]:
    """Column -> (old text, new text) of every column that differs; all columns for a new record.

    Values are compared first and only differing ones turned into text: an import of
    10,000 changed offers would otherwise format every cell twice.
    """
    if old is None:
        return {c: ("", text) for c, text in record_texts(new, spec).items() if text}
    changes = {}
    for column, field in spec.columns.items():
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            changes[column] = (column_text(spec, column, before),
                               column_text(spec, column, after))
    return changes


def write_records(
    tx: Repository,
    records: Sequence[Any],
    actor: str,
    action: Action,
    stored: dict[str, Any] | None = None,
) -> WriteResult:
    """Write offers (or offices, not mixed) with new versions and one audit entry each.

    `tx` must be a repository from `writing()`. Records equal to the stored ones are
    skipped; a record whose only difference is its derived district is written without an
    entry or new version. `stored` (id -> stored record) saves re-reading them when the
    caller has them already.
    """
    if not records:
        return WriteResult((), 0)
    kind = kind_of(records[0])
    spec = SPECS[kind]
    if stored is None:
        stored = {r.id: r for r in (tx.offers() if kind == "offer" else tx.offices())}
    versions = tx.versions(kind)
    at = utc_now()
    written, new_versions, entries = [], {}, []
    for record in records:
        old = stored.get(record.id)
        if old == record:
            continue
        written.append(record)
        changes = diff(old, record, spec)
        version = versions.get(record.id, 0) + (1 if changes else 0)
        new_versions[record.id] = version
        if changes:
            entries.append(AuditEntry(at, actor, action, kind, record.id, version, changes))
    upsert = tx.upsert_offers if kind == "offer" else tx.upsert_offices
    upsert(written, new_versions)
    tx.add_audit(entries)
    return WriteResult(tuple(entries), len(records) - len(written))
