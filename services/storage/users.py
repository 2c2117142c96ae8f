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
        self, keys: list[str], count: Callable[[str, FailureRecord | None], FailureRecord]
    ) -> list[FailureRecord]:
        """Replace each key's counter by `count(key, current)`, read and written in ONE
        write transaction, so two failed logins at the same moment both count."""
        with write_transaction(self._engine) as conn:
            table = t.login_failures
            rows = conn.execute(sa.select(table).where(table.c.key.in_(keys))).mappings().all()
            current = {row["key"]: FailureRecord(**row) for row in rows}
            updated = [count(key, current.get(key)) for key in keys]
            conn.execute(sa.delete(table).where(table.c.key.in_(keys)))
            conn.execute(sa.insert(table), [_failure_row(f) for f in updated])
        return updated

    def clear_failures(self, keys: list[str]) -> None:
        with write_transaction(self._engine) as conn:
            conn.execute(sa.delete(t.login_failures).where(t.login_failures.c.key.in_(keys)))


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
