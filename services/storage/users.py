"""The built-in accounts and the login throttle's counters (tables `users`,
`login_failures`), on SQLite and PostgreSQL alike.

Plain storage: what a valid name, role or password is, and when a client is locked out,
is decided in services/auth.py. Writes take the database's write lock like every other
write but do not bump data_version (accounts are not part of the map's snapshot).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from services.storage import schema as t
from services.storage.errors import translated
from services.storage.repository import write_transaction

ROLE_SEPARATOR = ";"
# (window_start, now): counters whose window began at or before window_start and whose
# lockout (if any) is over by now count for nothing any more and may be deleted
Expiry = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class UserRecord:
    name: str
    password_hash: str
    roles: frozenset[str]
    disabled: bool
    created_at: datetime
    password_changed_at: datetime


@dataclass(frozen=True, slots=True)
class FailureRecord:
    key: str
    failures: int
    first_failure_at: datetime
    locked_until: datetime | None


class UserStore:
    """Account access on an engine from `create_engine_for` (see Repository.users)."""

    def __init__(self, engine: sa.Engine):
        self._engine = engine

    def get(self, name: str) -> UserRecord | None:
        with translated(), self._engine.connect() as conn:
            row = conn.execute(sa.select(t.users).where(t.users.c.name == name)).mappings().first()
        return None if row is None else _user(row)

    def all(self) -> list[UserRecord]:
        with translated(), self._engine.connect() as conn:
            rows = conn.execute(sa.select(t.users)).mappings().all()
        return sorted(map(_user, rows), key=lambda u: u.name)

    def add(self, user: UserRecord) -> bool:
        """Insert a new account; False (and nothing written) when the name is taken."""
        with write_transaction(self._engine) as conn:
            if conn.scalar(sa.select(t.users.c.name).where(t.users.c.name == user.name)):
                return False
            conn.execute(sa.insert(t.users).values(_user_row(user)))
        return True

    def update(self, name: str, **values) -> bool:
        """Change columns of one account; False when there is no such account."""
        if "roles" in values:
            values["roles"] = ROLE_SEPARATOR.join(sorted(values["roles"]))
        with write_transaction(self._engine) as conn:
            done = conn.execute(sa.update(t.users).where(t.users.c.name == name).values(**values))
        return done.rowcount == 1

    def failures(self, keys: list[str]) -> dict[str, FailureRecord]:
        with translated(), self._engine.connect() as conn:
            rows = conn.execute(
                sa.select(t.login_failures).where(t.login_failures.c.key.in_(keys))
            ).mappings().all()
        return {row["key"]: FailureRecord(**row) for row in rows}

    def count_failures(
        self, keys: list[str], count: Callable[[str, FailureRecord | None], FailureRecord],
        expired: Expiry | None = None,
    ) -> list[FailureRecord]:
        """Replace each key's counter by `count(key, current)`, read and written in ONE
        write transaction, so two failed logins at the same moment both count. With
        `expired`, counters that no longer count are deleted in the same transaction."""
        with write_transaction(self._engine) as conn:
            if expired is not None:
                _delete_expired(conn, *expired)
            table = t.login_failures
            rows = conn.execute(sa.select(table).where(table.c.key.in_(keys))).mappings().all()
            current = {row["key"]: FailureRecord(**row) for row in rows}
            updated = [count(key, current.get(key)) for key in keys]
            conn.execute(sa.delete(table).where(table.c.key.in_(keys)))
            conn.execute(sa.insert(table), [_failure_row(f) for f in updated])
        return updated

    def clear_failures(self, keys: list[str], expired: Expiry | None = None) -> None:
        """Delete the keys' counters (and, with `expired`, every counter that has expired)."""
        with write_transaction(self._engine) as conn:
            if expired is not None:
                _delete_expired(conn, *expired)
            conn.execute(sa.delete(t.login_failures).where(t.login_failures.c.key.in_(keys)))

    def delete_expired_failures(self, window_start: datetime, now: datetime) -> int:
        """Delete every counter that has expired (see `Expiry`); the number deleted."""
        with write_transaction(self._engine) as conn:
            return _delete_expired(conn, window_start, now)


def _delete_expired(conn: sa.Connection, window_start: datetime, now: datetime) -> int:
    """Counters whose window is over and that hold no running lockout: a login would start
    them afresh anyway (services.auth.count_failure), so they only take up space (and
    keep a hash of a client's address longer than needed)."""
    table = t.login_failures
    done = conn.execute(sa.delete(table).where(
        table.c.first_failure_at <= window_start,
        sa.or_(table.c.locked_until.is_(None), table.c.locked_until <= now),
    ))
    return done.rowcount


def _user(row: sa.RowMapping) -> UserRecord:
    roles = frozenset(filter(None, row["roles"].split(ROLE_SEPARATOR)))
    return UserRecord(**dict(row, roles=roles))


def _user_row(user: UserRecord) -> dict:
    return {
        "name": user.name, "password_hash": user.password_hash,
        "roles": ROLE_SEPARATOR.join(sorted(user.roles)), "disabled": user.disabled,
        "created_at": user.created_at, "password_changed_at": user.password_changed_at,
    }  # fmt: skip


def _failure_row(failure: FailureRecord) -> dict:
    return {"key": failure.key, "failures": failure.failures,
            "first_failure_at": failure.first_failure_at, "locked_until": failure.locked_until}
