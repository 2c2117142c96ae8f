"""Reading and writing the app's data; SQLite and PostgreSQL behave the same.

Every write is one transaction (all or nothing) and bumps `data_version`, which the app
caches on. Upserts delete the old rows and insert the new ones inside that transaction:
dialect-neutral, and child rows of a replaced offer go with it (ON DELETE CASCADE).
Lists are sorted in Python, not SQL, because PostgreSQL's collation would order ids
differently from SQLite's.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd
import shapely
import sqlalchemy as sa

from services.config import load_settings
from services.model import ANALYSIS_CRS, Address, IndicatorValue, Offer, Office, OpeningSlot
from services.storage import schema as t
from services.storage.audit import (
    VERSIONED_TABLES,
    AuditEntry,
    RecordKind,
    entry_row,
    read_entries,
)
from services.storage.errors import translated
from services.unmet_need import (
    NeedCount,
    UnmetNeed,
    UnmetNeedRefused,
    need_counts,
    record_problems,
)

if TYPE_CHECKING:
    from services.storage.scenarios import ScenarioStore
    from services.storage.users import UserStore

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_LOCK_ID = int.from_bytes(b"qa-migr")  # PostgreSQL advisory lock key
# Writers lock (WRITE_LOCK_SPACE, hash of the schema): one writer per schema, and tests on
# schemas of one shared database do not queue behind each other.
WRITE_LOCK_SPACE = int.from_bytes(b"qaw")
_WRITER = "qa_writer"  # execution option marking the connection of a write transaction

OFFER_FIELDS = tuple(f.name for f in fields(Offer))
OFFICE_FIELDS = tuple(f.name for f in fields(Office))
UNMET_NEED_LISTS = ("age_groups", "needs", "languages", "missing")
INDICATOR_FIELDS = tuple(f.name for f in fields(IndicatorValue))
ADDRESS_FIELDS = tuple(f.name for f in fields(Address))
DISTRICT_COLUMNS = ("id", "name", "stadtbezirk", "is_demo")
# list-valued Offer field -> (child table, code column)
OFFER_CODES: dict[str, tuple[sa.Table, str]] = {
    "needs": (t.offer_needs, "need_code"),
    "audience": (t.offer_audiences, "audience_code"),
    "languages": (t.offer_languages, "language_code"),
}
# offers_frame columns that may hold None, tuples or dates: kept as Python objects so
# that None never turns into NaN (taxonomy.matches_age_groups expects None, not NaN).
OFFER_OBJECT_COLUMNS = frozenset(
    ("min_age", "max_age", "district_id", "barrier_free", "opening_hours", "valid_from",
     "valid_to", "last_verified", *OFFER_CODES)
)  # fmt: skip


def write_wait_seconds() -> float:
    """Seconds a writer waits for another one (an import) to finish before giving up with
    DatabaseBusy (QA_DB_WRITE_WAIT_SECONDS, default 120); readers never wait (SQLite WAL,
    PostgreSQL MVCC). See docs/operations.md."""
    return load_settings().write_wait_seconds


def create_engine_for(url: str) -> sa.Engine:
    """An engine for a database URL, with SQLite made to honour transactions and FKs.

    pool_pre_ping replaces connections a restarted PostgreSQL server has dropped, so the
    app recovers by itself once the server is back. hide_parameters keeps row data (names,
    addresses) out of every exception SQLAlchemy raises, and so out of any log.
    """
    sqlite = sa.make_url(url).get_backend_name() == "sqlite"
    connect_args = {"timeout": write_wait_seconds()} if sqlite else {}
    engine = sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args,
                              hide_parameters=True)
    if sqlite:
        _take_over_sqlite_transactions(engine)
    return engine


def _take_over_sqlite_transactions(engine: sa.Engine) -> None:
    """Let SQLAlchemy emit BEGIN, switch foreign keys and WAL on, for every connection.

    Python's sqlite3 (legacy transaction control) opens no transaction for DDL or SELECT,
    so a migration or a read-then-write would not be atomic; this is the recipe from
    SQLAlchemy's SQLite docs and works the same on Python versions before and after 3.12.
    SQLite ignores foreign keys (and ON DELETE CASCADE) unless each connection asks.
    WAL lets readers (the app) read the last committed data while an import writes; the
    `timeout` connect argument is SQLite's busy timeout, so a second writer waits.
    Writers begin IMMEDIATE: they take the write lock first, before they read anything.
    """

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        _enable_wal(dbapi_connection)

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        writer = connection.get_execution_options().get(_WRITER, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def _enable_wal(dbapi_connection) -> None:
    """WAL mode is stored in the file, so this writes only once per database.

    A read-only file cannot be switched; it is still read (in its journal mode) and any
    write fails later with a clear DatabaseReadOnly.
    """
    try:
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        log.debug("could not switch SQLite to WAL mode", exc_info=True)


_REVISION = re.compile(r"^revision\b[^=\n]*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\b[^=\n]*=(.*)$", re.MULTILINE)


@lru_cache(maxsize=1)
def migration_heads() -> frozenset[str] | None:
    """The newest revisions in MIGRATIONS_DIR, read from the files' `revision` and
    `down_revision` lines; None when a file does not have them as expected (then Alembic
    decides).

    Alembic itself costs ~0.2 s to import (it loads SQLAlchemy's PostgreSQL dialect) and
    imports every migration to find the heads: on a cold start that is paid before the
    first page can be shown, although the schema is up to date almost always."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            return None
        revisions.add(revision[1])
        parents.update(re.findall(r"[\"']([^\"']+)[\"']", down[1]))
    return frozenset(revisions - parents) or None


def _stored_heads(connection: sa.Connection) -> set[str] | None:
    """The revisions Alembic recorded in the database; None before the first migration."""
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    return set(connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration; does nothing when it is already there.

    The check reads only, so a read-only database that is up to date still opens; an
    upgrade runs as a writer (serialised with imports and other app instances). Alembic is
    imported only when the quick check (`migration_heads`) does not find the database up
    to date.
    """
    heads = migration_heads()
    with translated(), engine.connect() as connection:
        if heads is not None and _stored_heads(connection) == heads:
            return
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with translated(), engine.connect() as connection:
        if set(MigrationContext.configure(connection).get_current_heads()) == heads:
            return
    with write_transaction(engine, migration=True) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def write_lock_key() -> tuple[sa.ColumnElement, ...]:
    """Arguments of pg_advisory_xact_lock for this connection's schema."""
    return sa.literal(WRITE_LOCK_SPACE), sa.func.hashtext(sa.func.current_schema())


@contextmanager
def write_transaction(engine: sa.Engine, migration: bool = False) -> Iterator[sa.Connection]:
    """A transaction that first takes the database's write lock: one writer at a time.

    SQLite: BEGIN IMMEDIATE (waits up to the busy timeout). PostgreSQL: an advisory lock
    held until commit, with lock_timeout as the wait. Everything read after that sees the
    last committed state and cannot change before this transaction commits, so whatever
    is derived from it (offers' districts) stays true.
    """
    wait = write_wait_seconds()
    with translated(wait), engine.connect() as conn:
        conn.execution_options(**{_WRITER: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(wait * 1000)}ms'")
                key = (MIGRATION_LOCK_ID,) if migration else write_lock_key()
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(*key)))
            yield conn


class Repository:
    """All database access of the app, on an engine from `create_engine_for`.

    A repository from `writing()` is bound to one write transaction: its reads and writes
    all happen inside it, so an import reads, derives and writes as one unit.
    """

    def __init__(self, engine: sa.Engine, bound: sa.Connection | None = None):
        self._engine = engine
        self._bound = bound

    @contextmanager
    def _connect(self) -> Iterator[sa.Connection]:
        if self._bound is not None:
            yield self._bound
            return
        with translated(), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Repository]:
        """This repository bound to ONE transaction holding the write lock (all or nothing).

        The data version is bumped once, first; nested writes join the same transaction.
        """
        if self._bound is not None:
            yield self
            return
        started = time.monotonic()
        with write_transaction(self._engine) as conn:
            conn.execute(_DATA_VERSION_BUMP)
            yield Repository(self._engine, conn)
        log.info("write transaction committed in %.2f s", time.monotonic() - started)

    @contextmanager
    def reading(self) -> Iterator[Repository]:
        """This repository bound to ONE read transaction: every read inside sees the same
        committed state, even when an import commits meanwhile (the snapshot's data and
        its data version must belong together).

        SQLite (WAL): a deferred BEGIN keeps the snapshot of its first read.
        PostgreSQL: REPEATABLE READ, whose snapshot is likewise taken at the first read.
        """
        if self._bound is not None:
            yield self
            return
        with translated(), self._engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield Repository(self._engine, conn)

    @property
    def scenarios(self) -> ScenarioStore:
        """Planning scenarios: tables of their own, never mixed with the offers."""
        # imported here: the store uses this module's write_transaction
        from services.storage.scenarios import ScenarioStore

        return ScenarioStore(self._engine)

    @property
    def users(self) -> UserStore:
        """The built-in accounts and login throttle (services/auth.py decides the rules)."""
        # imported here: the store uses this module's write_transaction
        from services.storage.users import UserStore

        return UserStore(self._engine)

    # reads

    def data_version(self) -> int:
        with self._connect() as conn:
            return int(conn.scalar(_DATA_VERSION_SELECT))

    def is_empty(self) -> bool:
        """True before the first import: no districts and no offers."""
        with self._connect() as conn:
            return all(
                conn.scalar(sa.select(table.c.id).limit(1)) is None
                for table in (t.districts, t.offers)
            )

    def districts(self) -> gpd.GeoDataFrame:
        with self._connect() as conn:
            rows = sorted(conn.execute(sa.select(t.districts)).all(), key=lambda r: r.id)
        frame = {c: [getattr(r, c) for r in rows] for c in DISTRICT_COLUMNS}
        geometry = shapely.from_wkb([r.geometry_wkb for r in rows])
        return gpd.GeoDataFrame(frame, geometry=geometry, crs=ANALYSIS_CRS)

    def indicator_values(self, indicator_key: str | None = None) -> pd.DataFrame:
        query = sa.select(*(t.indicator_values.c[f] for f in INDICATOR_FIELDS))
        if indicator_key is not None:
            query = query.where(t.indicator_values.c.indicator_key == indicator_key)
        with self._connect() as conn:
            rows = conn.execute(query).all()
        rows.sort(key=itemgetter(0, 1, 2))  # district_id, indicator_key, year
        return pd.DataFrame(rows, columns=list(INDICATOR_FIELDS))

    def offers(self) -> list[Offer]:
        return _offers_from_columns(self._offer_columns())

    def offers_frame(self) -> pd.DataFrame:
        """All offers, one row each; optional fields hold None (never NaN), lists tuples."""
        return pd.DataFrame(
            {
                name: pd.Series(values, dtype=_frame_dtype(name))
                for name, values in self._offer_columns().items()
            }
        )

    def get_offer(self, offer_id: str) -> Offer | None:
        found = _offers_from_columns(self._offer_columns(offer_id))
        return found[0] if found else None

    def offices(self) -> list[Office]:
        return self._offices()

    def get_office(self, office_id: str) -> Office | None:
        found = self._offices(office_id)
        return found[0] if found else None

    def addresses(self) -> list[Address]:
        """Every stored building address, sorted by street, number and suffix."""
        query = sa.select(*(t.addresses.c[f] for f in ADDRESS_FIELDS))
        with self._connect() as conn:
            rows = conn.execute(query).all()
        addresses = [Address(*row) for row in rows]
        addresses.sort(key=lambda a: (a.street, a.house_number, a.suffix))
        return addresses

    def _offer_columns(self, offer_id: str | None = None) -> dict[str, list]:
        """Offers column by column (Offer field order), sorted by id, in two queries.

        Column-wise because per-row dicts or row mappings make 10,000 offers slow to load.
        """
        query = sa.select(t.offers)
        if offer_id is not None:
            query = query.where(t.offers.c.id == offer_id)
        with self._connect() as conn:
            result = conn.execute(query)
            names = list(result.keys())
            rows = sorted(result.all(), key=itemgetter(names.index("id")))
            codes = _offer_codes(conn, offer_id)
        columns = {name: list(values) for name, values in zip(names, zip(*rows))}
        columns = columns or {name: [] for name in names}
        columns["opening_hours"] = list(map(_slots_from_json, columns["opening_hours"]))
        for name, by_offer in codes.items():
            columns[name] = [tuple(by_offer.get(i, ())) for i in columns["id"]]
        return {name: columns[name] for name in OFFER_FIELDS}

    def _offices(self, office_id: str | None = None) -> list[Office]:
        query = sa.select(t.offices)
        if office_id is not None:
            query = query.where(t.offices.c.id == office_id)
        with self._connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            Office(**{n: row[n] for n in OFFICE_FIELDS}
                   | {"opening_hours": _slots_from_json(row["opening_hours"])})
            for row in sorted(rows, key=lambda r: r["id"])
        ]

    # versions and the audit log (services/audit.py decides what an entry says)

    def versions(self, kind: RecordKind) -> dict[str, int]:
        """Every stored offer's (or office's) version, by id: one small query."""
        table = VERSIONED_TABLES[kind]
        with self._connect() as conn:
            return dict(conn.execute(sa.select(table.c.id, table.c.version)).all())

    def version_of(self, kind: RecordKind, record_id: str) -> int | None:
        """The stored version of one record; None when there is no such record."""
        table = VERSIONED_TABLES[kind]
        with self._connect() as conn:
            return conn.scalar(sa.select(table.c.version).where(table.c.id == record_id))

    def audit_entries(
        self, kind: RecordKind | None = None, record_id: str | None = None,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        """The log newest first: of one record, of one kind, or (no arguments) of all."""
        with self._connect() as conn:
            return read_entries(conn, kind, record_id, limit)

    def add_audit(self, entries: list[AuditEntry]) -> None:
        """Store entries in the current write transaction (with the change they describe)."""
        with self._write() as conn:
            _insert(conn, t.audit_log, [entry_row(e) for e in entries])

    # unmet needs („Bedarf anmelden“)

    def unmet_needs(
        self, start: date | None = None, end: date | None = None, office_id: str | None = None
    ) -> list[UnmetNeed]:
        """Records reported from `start` to `end` (both inclusive, open when None), oldest first."""
        query = _in_period(sa.select(t.unmet_needs), start, end)
        if office_id is not None:
            query = query.where(t.unmet_needs.c.office_id == office_id)
        with self._connect() as conn:
            rows = conn.execute(query).mappings().all()
        return sorted(map(_unmet_need, rows), key=lambda n: (n.reported_on, n.id))

    def unmet_need_counts(
        self, start: date | None = None, end: date | None = None, only_demo: bool = False
    ) -> list[NeedCount]:
        """Reports per district and need, for the map layer „Gemeldete Bedarfe“; with
        `only_demo` those of the invented demo set, which the layer labels as such.

        The database groups by district and need list; the lists are split here, so a
        report of two needs counts once for each.
        """
        c = t.unmet_needs.c
        query = sa.select(c.district_id, c.needs, sa.func.count()).group_by(c.district_id, c.needs)
        if only_demo:
            query = query.where(c.is_demo.is_(True))
        with self._connect() as conn:
            rows = conn.execute(_in_period(query, start, end)).all()
        counts: Counter[tuple[str | None, str]] = Counter()
        for district_id, needs, count in rows:
            for need in needs.split(";"):
                counts[district_id, need] += count
        return need_counts(counts)

    def add_unmet_need(self, need: UnmetNeed) -> None:
        """Store one checked record (checked again here: nothing identifying gets in).

        It does not bump data_version: the cached snapshot of offers and districts does not
        hold unmet needs, and one report must not make every open page rebuild it.
        """
        problems = record_problems(need)
        if problems:
            raise UnmetNeedRefused(problems)
        rows = [_unmet_need_row(need)]
        if self._bound is not None:
            _insert(self._bound, t.unmet_needs, rows)
            return
        with write_transaction(self._engine) as conn:  # serialised with imports, no bump
            _insert(conn, t.unmet_needs, rows)

    # writes

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """The connection of this write's transaction (the bound one inside `writing`)."""
        with self.writing() as bound:
            yield bound._bound

    def replace_districts(
        self,
        districts: gpd.GeoDataFrame,
        offer_districts: dict[str, str | None],
        office_districts: dict[str, str | None],
    ) -> None:
        """Replace the district layer and set every offer's and office's district_id.

        The mappings must name exactly the stored offers and offices, and point only to
        districts of the new layer. Indicator values are not touched here: the importer
        decides which of them still belong to the new layer (delete_indicator_values).
        """
        with self._write() as conn:
            _replace_districts(conn, districts, offer_districts, office_districts)

    def upsert_indicator_values(self, values: list[IndicatorValue]) -> None:
        with self._write() as conn:
            _upsert_indicator_values(conn, values)

    def delete_indicator_values(self, district_ids: list[str]) -> None:
        """Delete every indicator value of these districts (all indicators and years)."""
        with self._write() as conn:
            _delete_keys(conn, t.indicator_values, ("district_id",),
                         [{"district_id": d} for d in district_ids])

    def upsert_offers(self, offers: list[Offer], versions: dict[str, int] | None = None) -> None:
        """Insert offers or replace them (with their needs, audience, languages) by id.

        `versions` gives the version each offer is stored with (1 for ids it lacks);
        services/audit.py computes them with the audit entries of the same change.
        """
        with self._write() as conn:
            _upsert_offers(conn, offers, versions or {})

    def upsert_offices(self, offices: list[Office], versions: dict[str, int] | None = None) -> None:
        """Like upsert_offers, for offices."""
        with self._write() as conn:
            _upsert_offices(conn, offices, versions or {})

    def replace_addresses(self, addresses: list[Address]) -> None:
        """Replace the whole address table: an import is always the city's complete set."""
        with self._write() as conn:
            _replace_addresses(conn, addresses)

    def clear(self) -> None:
        """Delete all data; data_version keeps counting up so no cache sees stale data."""
        with self._write() as conn:
            _clear(conn)

    def replace_all(
        self,
        districts: gpd.GeoDataFrame,
        values: list[IndicatorValue],
        offices: list[Office],
        offers: list[Offer],
        unmet_needs: Sequence[UnmetNeed] = (),
        addresses: Sequence[Address] = (),
    ) -> None:
        """Replace everything in ONE transaction (seed-demo, a full reload): if any part
        fails, the old data stays. Offers and offices carry their district_id already."""
        with self._write() as conn:
            _clear(conn)
            _replace_districts(conn, districts, {}, {})
            _upsert_indicator_values(conn, values)
            _upsert_offices(conn, offices, {})
            _upsert_offers(conn, offers, {})
            _require_unique("unmet need", [n.id for n in unmet_needs])
            _insert(conn, t.unmet_needs, [_unmet_need_row(n) for n in unmet_needs])
            _replace_addresses(conn, addresses)


# The writes, each on a connection inside Repository._write's transaction. Uniqueness is
# checked before the first statement, so a bad batch changes nothing.


def _replace_districts(
    conn: sa.Connection,
    districts: gpd.GeoDataFrame,
    offer_districts: dict[str, str | None],
    office_districts: dict[str, str | None],
) -> None:
    rows = _district_rows(districts)
    layer = {row["id"] for row in rows}
    conn.execute(sa.delete(t.districts))
    _insert(conn, t.districts, rows)
    _reassign_districts(conn, t.offers, offer_districts, layer)
    _reassign_districts(conn, t.offices, office_districts, layer)


def _upsert_indicator_values(conn: sa.Connection, values: list[IndicatorValue]) -> None:
    rows = [{f: getattr(v, f) for f in INDICATOR_FIELDS} for v in values]
    key = ("district_id", "indicator_key", "year")
    _require_unique("indicator value", [tuple(r[k] for k in key) for r in rows])
    _delete_keys(conn, t.indicator_values, key, rows)
    _insert(conn, t.indicator_values, rows)


def _upsert_offers(conn: sa.Connection, offers: list[Offer], versions: dict[str, int]) -> None:
    _require_unique("offer", [o.id for o in offers])
    rows = [_offer_row(o) | {"version": versions.get(o.id, 1)} for o in offers]
    _delete_keys(conn, t.offers, ("id",), rows)
    _insert(conn, t.offers, rows)
    for name, (table, code_column) in OFFER_CODES.items():
        _insert(conn, table, _code_rows(offers, name, code_column))


def _upsert_offices(conn: sa.Connection, offices: list[Office], versions: dict[str, int]) -> None:
    _require_unique("office", [o.id for o in offices])
    rows = [_office_row(o) | {"version": versions.get(o.id, 1)} for o in offices]
    _delete_keys(conn, t.offices, ("id",), rows)
    _insert(conn, t.offices, rows)


def _replace_addresses(conn: sa.Connection, addresses: Sequence[Address]) -> None:
    _require_unique("address", [a.id for a in addresses])
    conn.execute(sa.delete(t.addresses))
    _insert(conn, t.addresses, [{f: getattr(a, f) for f in ADDRESS_FIELDS} for a in addresses])


def _clear(conn: sa.Connection) -> None:
    for table in (t.offers, t.offices, t.indicator_values, t.districts, t.unmet_needs,
                  t.addresses):
        conn.execute(sa.delete(table))  # offers' code lists go by cascade


_DATA_VERSION_SELECT = sa.select(t.meta.c.value).where(t.meta.c.key == t.DATA_VERSION_KEY)
_DATA_VERSION_BUMP = (
    sa.update(t.meta)
    .where(t.meta.c.key == t.DATA_VERSION_KEY)
    .values(value=sa.cast(sa.cast(t.meta.c.value, sa.Integer) + 1, sa.String))
)


def _offer_codes(conn: sa.Connection, offer_id: str | None) -> dict[str, dict[str, list]]:
    """All three code lists in one query: field -> offer id -> codes in stored order."""
    parts = []
    for name, (table, code_column) in OFFER_CODES.items():
        part = sa.select(
            sa.literal_column(f"'{name}'").label("field"),
            table.c.offer_id,
            table.c[code_column].label("code"),
            table.c.position,
        )
        if offer_id is not None:
            part = part.where(table.c.offer_id == offer_id)
        parts.append(part)
    codes: dict[str, dict[str, list]] = {name: defaultdict(list) for name in OFFER_CODES}
    query = sa.union_all(*parts).order_by(sa.column("position"))
    for name, owner, code, _ in conn.execute(query).all():  # fetchall: iterating is slow
        codes[name][owner].append(code)
    return codes


def _frame_dtype(name: str) -> type | None:
    return object if name in OFFER_OBJECT_COLUMNS else None  # None: let pandas infer


def _offers_from_columns(columns: dict[str, list]) -> list[Offer]:
    names = list(columns)
    return [Offer(**dict(zip(names, values))) for values in zip(*columns.values())]


def _slots_to_json(slots: Iterable[OpeningSlot]) -> str:
    return json.dumps([[s.weekday, s.opens, s.closes] for s in slots])


@lru_cache(maxsize=1024)  # many offers share their hours, "[]" above all
def _slots_from_json(text: str) -> tuple[OpeningSlot, ...]:
    return tuple(OpeningSlot(*slot) for slot in json.loads(text))


def _offer_row(offer: Offer) -> dict:
    row = {f: getattr(offer, f) for f in OFFER_FIELDS if f not in OFFER_CODES}
    row["opening_hours"] = _slots_to_json(offer.opening_hours)
    return row


def _office_row(office: Office) -> dict:
    row = {f: getattr(office, f) for f in OFFICE_FIELDS}
    row["opening_hours"] = _slots_to_json(office.opening_hours)
    return row


def _code_rows(offers: list[Offer], name: str, code_column: str) -> list[dict]:
    return [
        {"offer_id": offer.id, code_column: code, "position": position}
        for offer in offers
        for position, code in enumerate(getattr(offer, name))
    ]


def _unmet_need_row(need: UnmetNeed) -> dict:
    row = {f.name: getattr(need, f.name) for f in fields(UnmetNeed)}
    return row | {name: ";".join(row[name]) for name in UNMET_NEED_LISTS}


def _unmet_need(row: sa.RowMapping) -> UnmetNeed:
    lists = {name: tuple(filter(None, row[name].split(";"))) for name in UNMET_NEED_LISTS}
    return UnmetNeed(**(dict(row) | lists))


def _in_period(query: sa.Select, start: date | None, end: date | None) -> sa.Select:
    if start is not None:
        query = query.where(t.unmet_needs.c.reported_on >= start)
    if end is not None:
        query = query.where(t.unmet_needs.c.reported_on <= end)
    return query


def _district_rows(districts: gpd.GeoDataFrame) -> list[dict]:
    """Rows for the districts table, the geometry as WKB in the analysis CRS."""
    missing = set(DISTRICT_COLUMNS) - set(districts.columns)
    if missing:
        raise ValueError(f"district layer lacks columns: {sorted(missing)}")
    if districts.crs is None:
        raise ValueError("district layer has no CRS; areas would be meaningless")
    projected = districts.to_crs(ANALYSIS_CRS)
    rows = projected[list(DISTRICT_COLUMNS)].to_dict("records")
    for row, wkb in zip(rows, shapely.to_wkb(projected.geometry.values)):
        row["geometry_wkb"] = wkb
    _require_unique("district", [row["id"] for row in rows])
    return rows


def _reassign_districts(
    conn: sa.Connection, table: sa.Table, mapping: dict[str, str | None], layer: set[str]
) -> None:
    """Set district_id of every row of `table` from `mapping`, after checking it fits."""
    stored = set(conn.scalars(sa.select(table.c.id)))
    if stored != set(mapping):
        raise ValueError(
            f"{table.name}: district mapping must name exactly the stored ids; "
            f"missing {sorted(stored - set(mapping))[:5]}, "
            f"unknown {sorted(set(mapping) - stored)[:5]}"
        )
    outside = sorted({d for d in mapping.values() if d is not None} - layer)
    if outside:
        raise ValueError(f"{table.name}: districts not in the new layer: {outside[:5]}")
    statement = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("key_id", type_=table.c.id.type))
        .values(district_id=sa.bindparam("new_district_id", type_=table.c.district_id.type))
    )
    _execute_many(conn, statement, [{"key_id": k, "new_district_id": v}
                                    for k, v in mapping.items()])


def _delete_keys(
    conn: sa.Connection, table: sa.Table, key: tuple[str, ...], rows: list[dict]
) -> None:
    """Delete the rows whose key columns equal those of `rows` (one executemany)."""
    where = [table.c[k] == sa.bindparam(f"key_{k}", type_=table.c[k].type) for k in key]
    _execute_many(conn, sa.delete(table).where(*where),
                  [{f"key_{k}": row[k] for k in key} for row in rows])


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if rows:
        values = {n: sa.bindparam(n, type_=table.c[n].type) for n in rows[0]}
        _execute_many(conn, sa.insert(table).values(values), rows)


def _execute_many(conn: sa.Connection, statement: sa.Executable, rows: list[dict]) -> None:
    """One executemany of the compiled statement, with the parameters' own bind conversions.

    Handing the rows to the driver directly skips SQLAlchemy's per-row parameter
    processing, which took two thirds of the time of a 50,000-offer import. Every
    bindparam of `statement` must carry its column's type.
    """
    if not rows:
        return
    compiled = statement.compile(dialect=conn.dialect)
    order = compiled.positiontup if compiled.positional else list(compiled.binds)
    convert = [(n, compiled.binds[n].type.bind_processor(conn.dialect)) for n in order]
    params = [tuple(f(row[n]) if f else row[n] for n, f in convert) for row in rows]
    if not compiled.positional:
        params = [dict(zip(order, values)) for values in params]
    conn.exec_driver_sql(compiled.string, params)


def _require_unique(kind: str, keys: list) -> None:
    """Reject a batch naming one record twice: which of the two would win is arbitrary."""
    duplicates = sorted((k for k, n in Counter(keys).items() if n > 1), key=str)
    if duplicates:
        raise ValueError(f"{kind} given more than once in one batch: {duplicates[:5]}")
