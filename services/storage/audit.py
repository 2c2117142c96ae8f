"""The audit log: one entry per change of an offer or office, read and written here.

Entries are written on the connection of the change's own write transaction
(Repository.writing), so a change and its entry are committed or rolled back together.
Values are the file cell texts of services/io (as an import would read them), so any
version can be rebuilt and checked by the same rules as an import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa

from services.storage import schema as t

RecordKind = Literal["offer", "office"]
Action = Literal["create", "edit", "archive", "import", "restore"]
ACTIONS: tuple[Action, ...] = ("create", "edit", "archive", "import", "restore")
VERSIONED_TABLES: dict[str, sa.Table] = {"offer": t.offers, "office": t.offices}


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who changed which record when; `changes` maps a file column to (old, new) text."""

    at: datetime  # UTC, naive
    actor: str
    action: Action
    record_kind: RecordKind
    record_id: str
    version: int  # the record's version after this change
    changes: dict[str, tuple[str, str]]
    id: int | None = None  # given by the database


def entry_row(entry: AuditEntry) -> dict:
    changes = {column: list(pair) for column, pair in entry.changes.items()}
    return {
        "at": entry.at, "actor": entry.actor, "action": entry.action,
        "record_kind": entry.record_kind, "record_id": entry.record_id,
        "version": entry.version, "changes": json.dumps(changes, ensure_ascii=False),
    }  # fmt: skip


def read_entries(
    conn: sa.Connection,
    record_kind: RecordKind | None = None,
    record_id: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    """Entries newest first, of one record or (without a kind) of all."""
    c = t.audit_log.c
    query = sa.select(t.audit_log).order_by(c.id.desc())
    if record_kind is not None:
        query = query.where(c.record_kind == record_kind)
    if record_id is not None:
        query = query.where(c.record_id == record_id)
    if limit is not None:
        query = query.limit(limit)
    return [_entry(row) for row in conn.execute(query).mappings().all()]


def _entry(row: sa.RowMapping) -> AuditEntry:
    changes = {column: (old, new) for column, (old, new) in json.loads(row["changes"]).items()}
    return AuditEntry(**(dict(row) | {"changes": changes}))
