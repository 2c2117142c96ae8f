"""The app's data for the pages: the repository and the snapshot of the current data version.

Both are held per process by the services (services.importer.shared_repository,
services.snapshot.shared_snapshot), not in Streamlit's cache: any websocket client can send
"clear cache", which would make the server rebuild them for everyone. Only the latest
snapshot is kept, so memory stays flat while imports replace the data.

This is the one ui module that knows storage: it turns a database outage into a German
notice that waits for the database and reruns the page when it is back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd
import streamlit as st

from services import editing
from services.analysis.supply import address_table
from services.auth import Accounts, LoginRefused, Principal
from services.config import load_settings
from services.import_preview import DistrictFields, ImportPreview, preview, run_import
from services.importer import ImportResult, shared_repository
from services.io.errors import ImportFailed, ImportProblem
from services.scenario import Scenario
from services.snapshot import Snapshot, shared_snapshot
from services.storage.audit import AuditEntry, RecordKind
from services.storage.errors import DatabaseError
from services.storage.repository import Repository
from services.storage.scenarios import ScenarioSummary
from services.texts import auth as auth_text
from services.texts import ui
from services.unmet_needs import NeedCount, Period, UnmetNeed, office_listing

if TYPE_CHECKING:  # imported where the Lotse needs them: scipy's KD-tree alone takes ~0.25 s
    from services.addresses import AddressIndex
    from services.nearest import OfferIndex

RETRY_SECONDS = 5
T = TypeVar("T")


def _repository():
    return shared_repository(load_settings())


def _load() -> Snapshot:
    return shared_snapshot(_repository())


@st.fragment(run_every=RETRY_SECONDS)
def _wait_for_database(probe: Callable[[], object]) -> None:
    """Polls quietly by repeating the failed read; the whole page reruns as soon as it
    works again."""
    try:
        probe()
    except DatabaseError:
        return
    st.rerun(scope="app")


def _outage(error: DatabaseError, probe: Callable[[], object]) -> None:
    """The German notice of a database fault, and the retry every few seconds."""
    st.error(error.message)
    st.caption(ui.DATABASE_RETRYING.format(seconds=RETRY_SECONDS))
    _wait_for_database(probe)


def snapshot() -> Snapshot:
    """The data as of the current data version (shared, read-only: never mutate it).

    When the database cannot be reached, the page shows why in German, retries every few
    seconds by itself, and renders nothing else (st.stop) until it is back.
    """
    return _required(_load)


def _required(read: Callable[[], T]) -> T:
    """A read the page cannot do without; on a database fault the German notice, its
    retry, and nothing else of the page (st.stop)."""
    result = _or_notice(read)
    if result is None:
        st.stop()
    return result


def _fresh(read: Callable[[Repository], T]) -> T | None:
    """A read the snapshot does not hold (logs, scenarios, reported needs); on a database
    fault None, after the same German notice and retry as snapshot() (the page goes on)."""
    return _or_notice(lambda: read(_repository()))


def _or_notice(read: Callable[[], T]) -> T | None:
    """`read()`, or None after the German notice of its database fault (which retries)."""
    try:
        return read()
    except DatabaseError as error:
        _outage(error, read)
        return None


def attempt(action: Callable[[Repository], T]) -> tuple[T | None, str | None]:
    """Run an editing action (or a read inside a widget callback) on the shared repository:
    (its result, None), or (None, the German message of the database fault: unreachable,
    read-only, disk full, locked). Other errors (EditRefused, Conflict) pass through."""
    try:
        return action(_repository()), None
    except DatabaseError as error:
        return None, error.message


@dataclass(frozen=True)
class NearbyIndexes:
    """The Lotse's search structures of one data version (built once, shared, read-only)."""

    version: int
    addresses: AddressIndex
    offers: OfferIndex


_NEARBY: dict[str, NearbyIndexes] = {}
_NEARBY_LOCK = threading.Lock()


def nearby_indexes(snap: Snapshot) -> NearbyIndexes:
    """Address and offer index for the snapshot's data version, per process like the
    snapshot itself (a family's search never reaches this key: it holds only the data)."""
    return _required(lambda: _nearby_indexes(snap))


def _nearby_indexes(snap: Snapshot) -> NearbyIndexes:
    from services.addresses import AddressIndex
    from services.nearest import OfferIndex

    settings = load_settings()
    with _NEARBY_LOCK:
        current = _NEARBY.get(settings.database_url)
        if current is None or current.version != snap.version:
            addresses = AddressIndex(shared_repository(settings).addresses())
            current = NearbyIndexes(snap.version, addresses, OfferIndex(snap.offers))
            _NEARBY[settings.database_url] = current
        return current


_ADDRESS_POINTS: dict[str, tuple[int, pd.DataFrame]] = {}


def address_points(snap: Snapshot) -> pd.DataFrame:
    """WGS84 `lat`/`lon` of the stored building addresses, where the gap analysis spreads
    children (services/analysis/supply.child_points); read once per data version."""
    return _required(lambda: _address_points(snap))


def _address_points(snap: Snapshot) -> pd.DataFrame:
    settings = load_settings()
    with _NEARBY_LOCK:
        kept = _ADDRESS_POINTS.get(settings.database_url)
        if kept is None or kept[0] != snap.version:
            kept = (snap.version, address_table(shared_repository(settings).addresses()))
            _ADDRESS_POINTS[settings.database_url] = kept
    return kept[1]


def add_unmet_need(record: UnmetNeed) -> str | None:
    """Store a reported need („Bedarf anmelden“): None when stored, else the German message
    of the database fault (the form shows it and keeps its fields)."""
    return attempt(lambda repo: repo.add_unmet_need(record))[1]


def office_unmet_needs(office_id: str, today: date) -> list[tuple[Period, list[UnmetNeed]]]:
    """An office's reported needs of this and last month, read fresh (not in the snapshot);
    none after the German notice when the database cannot answer."""
    return _fresh(lambda repo: office_listing(repo, office_id, today)) or []


def unmet_need_counts(
    start: date | None = None, end: date | None = None, only_demo: bool = False
) -> list[NeedCount] | None:
    """Reported needs per district and need (in a period; with `only_demo` the invented
    ones), read fresh (a small indexed query, not in the snapshot); None with a German
    warning when the database cannot answer (the layer or figure is then left out)."""
    try:
        return _repository().unmet_need_counts(start, end, only_demo)
    except DatabaseError as error:
        st.warning(error.message)
        return None


def saved_scenarios() -> list[ScenarioSummary] | None:
    """The stored planning scenarios, newest first (read fresh: few and small); None after
    the German notice when the database cannot answer."""
    return _fresh(lambda repo: repo.scenarios.list())


def open_scenario(scenario_id: str) -> tuple[Scenario | None, str | None]:
    """(the stored scenario or None when it is gone, None), or (None, the German message of
    the database fault)."""
    return attempt(lambda repo: repo.scenarios.get(scenario_id))


def save_scenario(scenario: Scenario) -> tuple[Scenario | None, str | None]:
    """(the stored scenario, None), or (None, the German message of the database fault)."""
    return attempt(lambda repo: repo.scenarios.save(scenario))


def delete_scenario(scenario_id: str) -> str | None:
    """None when deleted, else the German message of the database fault."""
    return attempt(lambda repo: repo.scenarios.delete(scenario_id))[1]


def audit_log() -> pd.DataFrame | None:
    """The admins' log of changes, newest first; None after the German notice when the
    database cannot answer."""
    return _fresh(editing.audit_log)


def stored_record(kind: RecordKind, record_id: str) -> tuple[Any, int | None] | None:
    """The stored offer or Quartiersbüro and its version, for the editing form; None after
    the German notice when the database cannot answer."""
    return _fresh(lambda repo: editing.load(repo, kind, record_id))


def record_history(kind: RecordKind, record_id: str) -> list[AuditEntry] | None:
    """Every logged change of one record, newest first; None after the German notice."""
    return _fresh(lambda repo: editing.history(repo, kind, record_id))


def _accounts() -> Accounts:
    return Accounts(_repository().users)


def login(name: str, password: str, client: str | None) -> Principal | str:
    """The built-in login: the Principal, or the German reason why not (wrong name or
    password, locked, database unreachable)."""
    try:
        return _accounts().login(name, password, client)
    except LoginRefused as refused:
        return refused.message
    except DatabaseError as error:
        return auth_text.LOGIN_DATABASE_FAULT.format(message=error.message)


def account_principal(name: str) -> Principal | None:
    """The account's current Principal; None when it is disabled or cannot be read (a
    session must not keep rights the database cannot confirm)."""
    try:
        return _accounts().principal(name)
    except DatabaseError:
        return None


def import_preview(kind: str, path: Path, fields: DistrictFields) -> ImportPreview:
    """What importing `path` would change (ImportFailed with every problem of the file);
    a database fault arrives as one more problem, so the page has one way to show it."""
    with _faults_as_problems(path):
        return preview(_repository(), kind, path, fields)


def import_file(kind: str, path: Path, fields: DistrictFields) -> ImportResult:
    """The import itself, through the same importer functions as the CLI."""
    with _faults_as_problems(path):
        return run_import(_repository(), kind, path, fields)


@contextmanager
def _faults_as_problems(path: Path) -> Iterator[None]:
    try:
        yield
    except DatabaseError as error:
        raise ImportFailed([ImportProblem(Path(path).name, None, None, error.message)]) from error
