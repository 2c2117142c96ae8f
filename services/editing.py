"""Editing offers and offices in the app: checked like an import, never losing an update.

- One set of rules: a form's texts go through services/io/records.parse_values, the very
  function every file row goes through, so a bad value gets the same German message.
- No lost updates: each record has a version; `save` refuses a change based on an older
  version with a `Conflict` that knows base, theirs and mine per field, and the helpers
  `take_theirs`, `keep_mine` and `merge` turn it into the next attempt.
- Every change writes its audit entry in its own transaction (services/audit.py); a
  version is restored as a new edit, rebuilt from the log and checked by the same rules.
- Nothing is deleted: archiving sets the offer's (or Quartiersbüro's) status to inactive;
  `reactivate` sets it active again. Both are logged like every other change.
No Streamlit here: the pages under pages/verwaltung/ call these functions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

import pandas as pd

from services import audit, filters, freshness
from services.geo import assign_districts
from services.importer import locate
from services.io.cells import CellError, fold
from services.io.records import parse_values, record_texts
from services.storage.audit import Action, AuditEntry, RecordKind
from services.storage.repository import Repository
from services.texts import editing as t

Side = Literal["mine", "theirs"]


class EditRefused(Exception):
    """A change that cannot be saved; `problems` maps a file column ("" for the record) to
    a German message shown at that field."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass(eq=False)
class Conflict(Exception):
    """A save based on version `base_version` while `theirs_version` is stored."""

    base: Any  # the record the editor started from
    theirs: Any  # the stored record now
    mine: Any  # what the editor wanted to save
    base_version: int
    theirs_version: int
    their_actor: str

    def their_changes(self) -> dict[str, tuple[str, str]]:
        """Column -> (base, theirs) of what the other person changed."""
        return audit.diff(self.base, self.theirs, audit.SPECS[audit.kind_of(self.theirs)])

    def my_changes(self) -> dict[str, tuple[str, str]]:
        return audit.diff(self.base, self.mine, audit.SPECS[audit.kind_of(self.mine)])

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(column, base, theirs, mine) texts of every column either side changed."""
        base, theirs, mine = (record_texts(r, audit.SPECS[audit.kind_of(r)])
                              for r in (self.base, self.theirs, self.mine))
        changed = set(self.their_changes()) | set(self.my_changes())
        return [(c, base[c], theirs[c], mine[c]) for c in base if c in changed]

    def default_choices(self) -> dict[str, Side]:
        """Per changed column: mine where only I changed it, else theirs (to be confirmed)."""
        theirs = self.their_changes()
        return {c: ("theirs" if c in theirs else "mine") for c, *_ in self.rows()}


def form_texts(record: Any, kind: RecordKind) -> dict[str, str]:
    """The form's starting texts: what a file row of this record would hold."""
    return record_texts(record, audit.SPECS[kind])


def validate(kind: RecordKind, texts: dict[str, str]) -> Any:
    """The record of a form's texts, or EditRefused naming each bad field (import rules)."""
    stripped = {column: (text or "").strip() for column, text in texts.items()}
    record, problems = parse_values(stripped, audit.SPECS[kind])
    if problems:
        raise EditRefused(dict(problems))
    return record


def save(repo: Repository, mine: Any, base_version: int | None, actor: str,
         base: Any = None, action: Action = "edit") -> AuditEntry | None:
    """Store an edited (or, with base_version None, a new) record; None when unchanged.

    Raises Conflict when the stored version is no longer `base_version`, EditRefused when
    a new record's id is taken or an edited one is gone.
    """
    kind = audit.kind_of(mine)
    with repo.writing() as tx:
        stored_version = tx.version_of(kind, mine.id)
        if base_version is None and stored_version is not None:
            raise EditRefused({"id": t.ID_TAKEN.format(id=mine.id)})
        if base_version is not None and stored_version is None:
            raise EditRefused({"": t.NOT_FOUND.format(id=mine.id)})
        if stored_version != base_version:
            theirs = _stored(tx, kind, mine.id)
            last = tx.audit_entries(kind, mine.id, limit=1)
            raise Conflict(base, theirs, mine, base_version, stored_version,
                           last[0].actor if last else audit.SYSTEM_ACTOR)
        stored = {} if base_version is None else {mine.id: _stored(tx, kind, mine.id)}
        located, _ = locate([mine], tx.districts())
        action = "create" if base_version is None else action
        result = audit.write_records(tx, located, actor, action, stored)
    return result.entries[0] if result.entries else None


def take_theirs(conflict: Conflict) -> tuple[Any, int]:
    """Drop my change: continue from the stored record and its version."""
    return conflict.theirs, conflict.theirs_version


def keep_mine(conflict: Conflict) -> tuple[Any, int]:
    """Overwrite theirs knowingly: my record, based on their version."""
    return conflict.mine, conflict.theirs_version


def merge(conflict: Conflict, choices: dict[str, Side]) -> tuple[Any, int]:
    """Field by field: each changed column from the chosen side, checked by the rules."""
    kind = audit.kind_of(conflict.mine)
    texts = form_texts(conflict.theirs, kind)
    mine = form_texts(conflict.mine, kind)
    texts.update({c: mine[c] for c, side in choices.items() if side == "mine"})
    return validate(kind, texts), conflict.theirs_version


def archive(repo: Repository, record_id: str, actor: str,
            kind: RecordKind = "offer") -> AuditEntry | None:
    """Set an offer or Quartiersbüro inactive („archiviert“): it stays in the database and
    the log, and the public views no longer show it. None when it was archived already."""
    return _change_stored(repo, kind, record_id, actor, "archive", status="inactive")


def reactivate(repo: Repository, record_id: str, actor: str,
               kind: RecordKind = "offer") -> AuditEntry | None:
    """Take an archived record back („reaktivieren“): status active, logged as „restore“.
    None when it was active already."""
    return _change_stored(repo, kind, record_id, actor, "restore", status="active")


def mark_verified(repo: Repository, offer_id: str, actor: str,
                  today: date | None = None) -> AuditEntry | None:
    """„geprüft“: last_verified = today. One field, set on the stored record, so it needs
    no version from the page and cannot overwrite anyone's edit."""
    return _change_stored(repo, "offer", offer_id, actor, "edit",
                          last_verified=today or date.today())


def _change_stored(repo: Repository, kind: RecordKind, record_id: str, actor: str,
                   action: Action, **changes: Any) -> AuditEntry | None:
    with repo.writing() as tx:
        stored = _stored(tx, kind, record_id)
        result = audit.write_records(tx, [replace(stored, **changes)], actor, action,
                                     {record_id: stored})
    return result.entries[0] if result.entries else None


def history(repo: Repository, kind: RecordKind, record_id: str) -> list[AuditEntry]:
    """Every logged change of one record, newest first."""
    return repo.audit_entries(kind, record_id)


def restore(repo: Repository, kind: RecordKind, record_id: str, version: int,
            actor: str) -> AuditEntry | None:
    """Make the record as it was at `version` again, as a new change („restore“).

    The texts are rebuilt from the stored record by undoing the logged changes after
    that version, then checked by today's import rules.
    """
    with repo.writing() as tx:
        stored = _stored(tx, kind, record_id)
        entries = tx.audit_entries(kind, record_id)
        if not any(e.version == version for e in entries):
            raise EditRefused({"": t.NO_SUCH_VERSION.format(version=version, id=record_id)})
        texts = form_texts(stored, kind)
        for entry in (e for e in entries if e.version > version):  # newest first
            texts.update({column: old for column, (old, _new) in entry.changes.items()})
        try:
            record = validate(kind, texts)
        except EditRefused as refused:
            problems = "; ".join(refused.problems.values())
            raise EditRefused({"": t.RESTORE_INVALID.format(version=version,
                                                            problems=problems)}) from None
        located, _ = locate([record], tx.districts())
        result = audit.write_records(tx, located, actor, "restore", {record_id: stored})
    return result.entries[0] if result.entries else None


def position_of(texts: dict[str, str]) -> tuple[float, float] | None:
    """The form's lat/lon as numbers (None: empty or not valid yet)."""
    try:
        lat, lon = (audit.SPECS["offer"].kind(c).parse(texts.get(c, "")) for c in ("lat", "lon"))
    except CellError:
        return None
    return None if lat is None or lon is None else (lat, lon)


def district_of(districts: Any, texts: dict[str, str]) -> str | None:
    """The id of the district the form's lat/lon lie in (None: outside, or not valid yet)."""
    position = position_of(texts)
    if position is None or not len(districts):
        return None
    return assign_districts([position[0]], [position[1]], districts)[0]


def _stored(tx: Repository, kind: RecordKind, record_id: str) -> Any:
    record = stored(tx, kind, record_id)
    if record is None:
        raise EditRefused({"": t.NOT_FOUND.format(id=record_id)})
    return record


def filter_offers(offers: pd.DataFrame, query: str, statuses: list[str],
                  stale_only: bool) -> pd.DataFrame:
    """The editors' list: free text as on the map (filters.prepare's search column), status
    and the stale flag; sorted by name."""
    shown = offers
    if query.strip():
        shown = shown.loc[shown[filters.SEARCH_COLUMN].str.contains(fold(query), regex=False)]
    if statuses:
        shown = shown.loc[shown["status"].isin(statuses)]
    if stale_only:
        shown = shown.loc[shown[freshness.STALE_COLUMN]]
    return shown.sort_values("name", key=lambda names: names.map(fold))


OFFICE_LIST_COLUMNS = ["id", "status", "name", "operator", "address"]


def filter_offices(offices: list, query: str, statuses: list[str] | None = None) -> pd.DataFrame:
    """The editors' list of Quartiersbüros (archived ones too): free text in name, operator
    or address, and the status; sorted by name."""
    wanted = fold(query.strip())
    found = [o for o in offices if wanted in fold(f"{o.name} {o.operator} {o.address or ''}")
             and (not statuses or o.status in statuses)]
    rows = pd.DataFrame([{c: getattr(o, c) for c in OFFICE_LIST_COLUMNS} for o in found],
                        columns=OFFICE_LIST_COLUMNS)
    return rows.sort_values("name", key=lambda names: names.map(fold))


def stored(repo: Repository, kind: RecordKind, record_id: str) -> Any:
    """The stored offer or Quartiersbüro (None when there is none)."""
    return repo.get_offer(record_id) if kind == "offer" else repo.get_office(record_id)


def load(repo: Repository, kind: RecordKind, record_id: str) -> tuple[Any, int | None]:
    """The stored record and its version (None, None when there is none), read in one
    transaction: the form's save compares that version, so both must belong together."""
    with repo.reading() as tx:
        record = stored(tx, kind, record_id)
        return record, tx.version_of(kind, record_id) if record is not None else None


def changes_frame(entry: AuditEntry) -> pd.DataFrame:
    """An entry's changes as rows of (field label, old, new), for the history view."""
    rows = [(t.COLUMN_LABELS.get(c, c), old, new) for c, (old, new) in entry.changes.items()]
    return pd.DataFrame(rows, columns=[t.CONFLICT_FIELD, t.CONFLICT_BASE, t.LOG_NEW])


LOG_LIMIT = 2_000  # the admins' log shows the newest entries; older ones stay stored


def audit_log(repo: Repository, limit: int = LOG_LIMIT) -> pd.DataFrame:
    """The admins' log: the newest `limit` changes of offers and offices as a table."""
    return log_frame(repo.audit_entries(limit=limit))


def log_frame(entries: list[AuditEntry]) -> pd.DataFrame:
    """The global log as a table: time, who, action, record, version, changed fields."""
    rows = [{"at": e.at, "actor": e.actor, "action": t.ACTION_LABELS[e.action],
             "record": f"{e.record_kind}:{e.record_id}", "version": e.version,
             "changes": ", ".join(t.COLUMN_LABELS.get(c, c) for c in e.changes)}
            for e in entries]  # fmt: skip
    return pd.DataFrame(rows, columns=list(t.LOG_COLUMNS)).rename(columns=t.LOG_COLUMNS)


def review_list(offers: pd.DataFrame, offices: list, today: date,
                months: int | None = None) -> pd.DataFrame:
    """The „Prüfliste“: offers (not archived) unverified for `months` (QA_STALE_MONTHS),
    with the provider and the Quartiersbüro(s) of their district, oldest check first."""
    months = freshness.stale_months() if months is None else months
    stale = freshness.stale_mask(offers["last_verified"], today, months)
    chosen = offers.loc[stale & (offers["status"] != "inactive"),
                        ["id", "name", "provider", "district_id", "last_verified"]]
    office_names: dict[str | None, list[str]] = {}
    for office in offices:
        office_names.setdefault(office.district_id, []).append(office.name)
    office = chosen["district_id"].map(lambda d: ", ".join(office_names.get(d, [])) or t.NO_OFFICE)
    never_first = chosen["last_verified"].map(lambda d: (d is not None, d or date.min))
    order = sorted(range(len(chosen)), key=lambda i: never_first.iloc[i])
    return chosen.assign(office=office).iloc[order].reset_index(drop=True)
