"""Database faults as typed errors with a German message, never SQL or row data.

SQLAlchemy's exceptions print the statement and up to kilobytes of parameters, i.e. the
rows being written. The CLI and the app show `DatabaseError.message` instead; the debug
log of this module's logger gets the exception's type, the driver's code and the SQL
statement, never the parameters or the driver's message (PostgreSQL's DETAIL quotes rows).
Engines are created with hide_parameters=True as well (services/storage/repository.py).

The classification reads the driver's error code (SQLite's extended result code, the
PostgreSQL SQLSTATE), not the English message text, so it does not depend on a locale.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from services.formatting import format_seconds
from services.texts import validation as t

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


class DatabaseError(Exception):
    """A database fault the user can act on; `message` is German and safe to show."""

    template = t.DB_FAILED

    def __init__(self, wait_seconds: float = 0):
        self.message = self.template.format(seconds=format_seconds(wait_seconds))
        super().__init__(self.message)


class DatabaseUnavailable(DatabaseError):
    """The server is down or unreachable, or the SQLite file cannot be opened."""

    template = t.DB_UNAVAILABLE


class DatabaseReadOnly(DatabaseError):
    template = t.DB_READ_ONLY


class DiskFull(DatabaseError):
    template = t.DB_DISK_FULL


class DatabaseBusy(DatabaseError):
    """Another writer held the write lock longer than this writer was willing to wait."""

    template = t.DB_BUSY


class DatabaseDamaged(DatabaseError):
    template = t.DB_DAMAGED


_SQLITE_CODES: dict[int, type[DatabaseError]] = {
    _SQLITE_BUSY: DatabaseBusy,
    _SQLITE_LOCKED: DatabaseBusy,
    _SQLITE_READONLY: DatabaseReadOnly,
    _SQLITE_IOERR: DatabaseUnavailable,
    _SQLITE_CORRUPT: DatabaseDamaged,
    _SQLITE_FULL: DiskFull,
    _SQLITE_CANTOPEN: DatabaseUnavailable,
    _SQLITE_NOTADB: DatabaseDamaged,
}
# SQLSTATE (or its two-character class) -> error type; the longest match wins.
_SQLSTATES: dict[str, type[DatabaseError]] = {
    "08": DatabaseUnavailable,  # connection exception
    "57P01": DatabaseUnavailable,  # admin shutdown
    "57P02": DatabaseUnavailable,  # crash shutdown
    "57P03": DatabaseUnavailable,  # cannot connect now (starting up)
    "53300": DatabaseUnavailable,  # too many connections
    "25006": DatabaseReadOnly,  # read-only transaction (hot standby, read-only user)
    "53100": DiskFull,
    "55P03": DatabaseBusy,  # lock not available (lock_timeout)
    "57014": DatabaseBusy,  # query canceled (statement_timeout)
    "40001": DatabaseBusy,  # serialization failure
    "40P01": DatabaseBusy,  # deadlock detected
}


def classify(exc: sa.exc.SQLAlchemyError, wait_seconds: float = 0) -> DatabaseError:
    """The typed fault for a SQLAlchemy exception (DatabaseError when nothing fits)."""
    kind = _kind(exc)
    return kind(wait_seconds)


def _kind(exc: sa.exc.SQLAlchemyError) -> type[DatabaseError]:
    if isinstance(exc, sa.exc.TimeoutError):  # no pooled connection became free
        return DatabaseBusy
    orig = getattr(exc, "orig", None)
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        return _SQLITE_CODES.get((code or 0) & 0xFF, DatabaseError)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate:
        for key in (sqlstate, sqlstate[:2]):
            if key in _SQLSTATES:
                return _SQLSTATES[key]
        return DatabaseError
    if isinstance(exc, sa.exc.DBAPIError) and (exc.connection_invalidated or orig is not None):
        # psycopg reports a refused or lost connection without SQLSTATE
        return DatabaseUnavailable if isinstance(exc, sa.exc.OperationalError) else DatabaseError
    return DatabaseError


@contextmanager
def translated(wait_seconds: float = 0) -> Iterator[None]:
    """Turn SQLAlchemy errors raised inside into DatabaseError; log the SQL at debug level.

    `from None` drops the original from the traceback, so an unhandled error cannot show
    the statement and its row data either.
    """
    try:
        yield
    except sa.exc.SQLAlchemyError as exc:
        error = classify(exc, wait_seconds)
        log.debug("database error classified as %s: %s (driver code %s) in SQL: %s",
                  type(error).__name__, type(exc).__name__, _driver_code(exc),
                  getattr(exc, "statement", None))
        raise error from None


def _driver_code(exc: sa.exc.SQLAlchemyError) -> str | int | None:
    """SQLite's result code or PostgreSQL's SQLSTATE: enough to diagnose, no row data."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlite_errorcode", None) or getattr(orig, "sqlstate", None)
