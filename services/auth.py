"""Who may do what: roles, the Principal of a session, the city's identity provider's
claims mapped to roles, and the built-in accounts for installs without one.

No Streamlit here (ui/auth.py is the glue): the CLI, the app and the tests share it.
- Roles: `lotse` (record needs, referral sheets), `redaktion` (edit offers and offices),
  `planung` (scenarios, exports of unmet needs), `admin` (users, imports, backups).
- OIDC (st.login): roles come from one configurable claim (e.g. Keycloak's
  `realm_access.roles`, Entra ID's `roles` or `groups`) through a mapping of claim values
  to roles; values without a mapping grant nothing.
- Built-in accounts: argon2id hashes; a login is throttled per account name and per client
  (a hash of the address) with a lockout window; sessions expire after a fixed age.
  Counters older than the window (and not locked) are deleted with every login attempt
  that writes, and by `python -m services.cli user prune`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, Literal

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from services.storage.users import FailureRecord, UserRecord, UserStore
from services.texts import auth as t

ROLES: tuple[str, ...] = ("lotse", "redaktion", "planung", "admin")
Source = Literal["oidc", "local"]

PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 1024  # hashing a megabyte per attempt would be a cheap attack
DEFAULT_ROLE_CLAIM = "roles"
_NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,63}")

# argon2id with argon2-cffi's defaults (RFC 9106's second recommended profile, 64 MiB)
HASHER = PasswordHasher(type=Type.ID)


@dataclass(frozen=True, slots=True)
class Principal:
    """The person behind a session: a name, the roles, and where the login came from."""

    name: str
    roles: frozenset[str]
    source: Source

    def has(self, *roles: str) -> bool:
        """True when the principal holds at least one of `roles`."""
        return not self.roles.isdisjoint(roles)


def has_role(principal: Principal | None, *roles: str) -> bool:
    """The one role check of the app: anonymous visitors hold no role."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"unknown or no roles: {sorted(unknown)}")
    return principal is not None and principal.has(*roles)


def role_labels(roles: Iterable[str]) -> str:
    """German names of roles, in the order of ROLES (for refusals and the sidebar)."""
    chosen = set(roles)
    return ", ".join(t.ROLE_LABELS[r] for r in ROLES if r in chosen)


class AccountRefused(ValueError):
    """A change of an account was refused; `messages` say why in German."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


class LoginRefused(Exception):
    """A login failed (wrong name or password, disabled, locked); `message` is German."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- OIDC: claims -> roles --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoleMapping:
    """Which claim carries the roles, and which claim value grants which roles.

    Without `values`, a claim value that is itself a role name (`redaktion`) grants it.
    """

    claim: str = DEFAULT_ROLE_CLAIM
    values: Mapping[str, frozenset[str]] = field(default_factory=dict)


def role_mapping(config: Mapping[str, Any], claim: str | None = None,
                 role_map: str | None = None) -> RoleMapping:
    """The mapping from `[auth]` of .streamlit/secrets.toml (`role_claim`, `role_map`),
    overridden by `claim` and `role_map` ("value=role;value=role,role"), i.e. the settings
    QA_ROLE_CLAIM and QA_ROLE_MAP (services/config.py).

    An unknown role in the mapping raises ValueError: a typo must not silently grant
    nothing (or fall through to a default).
    """
    claim = claim or str(config.get("role_claim") or DEFAULT_ROLE_CLAIM)
    raw: Mapping[str, Any] = config.get("role_map") or {}
    if role_map:
        pairs = (item.partition("=") for item in role_map.split(";") if item.strip())
        raw = {key.strip(): value.split(",") for key, _, value in pairs}
    values = {str(key): _roles_of(value) for key, value in raw.items()}
    return RoleMapping(claim, values)


def _roles_of(value: str | Iterable[str]) -> frozenset[str]:
    names = [value] if isinstance(value, str) else list(value)
    roles = frozenset(name.strip() for name in names if name.strip())
    unknown = sorted(roles - set(ROLES))
    if unknown:
        raise ValueError(t.ROLE_MAP_INVALID.format(role=unknown[0], roles=", ".join(ROLES)))
    return roles


def claim_values(claims: Mapping[str, Any], path: str) -> list[str]:
    """The values of a claim; `path` may be dotted (Keycloak: `realm_access.roles`).

    A string claim is split at spaces and commas (some providers send "a b" or "a,b").
    """
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    if isinstance(value, str):
        return [v for v in re.split(r"[\s,]+", value) if v]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


def roles_from_claims(claims: Mapping[str, Any], mapping: RoleMapping) -> frozenset[str]:
    """The roles the identity provider's claims grant; unmapped values grant nothing."""
    granted: set[str] = set()
    for value in claim_values(claims, mapping.claim):
        if mapping.values:
            granted |= mapping.values.get(value, frozenset())
        elif value in ROLES:
            granted.add(value)
    return frozenset(granted)


def principal_from_claims(claims: Mapping[str, Any], mapping: RoleMapping) -> Principal:
    """The Principal of an OIDC login (st.user's claims)."""
    name = next((str(claims[k]) for k in ("preferred_username", "email", "name", "sub")
                 if claims.get(k)), "?")  # fmt: skip
    return Principal(name, roles_from_claims(claims, mapping), "oidc")


# --- sessions ---------------------------------------------------------------------------


def session_expired(logged_in_at: datetime, now: datetime, max_age: timedelta) -> bool:
    """True once a login is older than `max_age` (or dated in the future: a tampered clock)."""
    return not timedelta(0) <= now - logged_in_at < max_age


# --- throttle ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """After `per_name` failed logins for one account name (or `per_client` from one
    client) within `window`, further logins are refused for `lockout`."""

    per_name: int = 5
    per_client: int = 20
    window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=15)

    def limit(self, key: str) -> int:
        return self.per_client if key.startswith("client:") else self.per_name


def throttle_keys(name: str, client: str | None) -> list[str]:
    """The counters a login touches. The client's address is kept only as a hash."""
    client_hash = hashlib.sha256((client or "unbekannt").encode()).hexdigest()[:24]
    return [f"name:{name}", f"client:{client_hash}"]


def locked_until(failures: Iterable[FailureRecord], now: datetime) -> datetime | None:
    """The latest running lockout among the counters, or None."""
    running = [f.locked_until for f in failures if f.locked_until and f.locked_until > now]
    return max(running, default=None)


def count_failure(
    key: str, current: FailureRecord | None, now: datetime, policy: ThrottlePolicy
) -> FailureRecord:
    """The counter after one more failed login: a new window once the old one (or a
    lockout) is over; a lockout once the limit is reached within the window."""
    fresh = current is None or now - current.first_failure_at >= policy.window or (
        current.locked_until is not None and current.locked_until <= now)
    failures = 1 if fresh else current.failures + 1
    first = now if fresh else current.first_failure_at
    lock = now + policy.lockout if failures >= policy.limit(key) else None
    return FailureRecord(key, failures, first, lock)


# --- built-in accounts ------------------------------------------------------------------


def utcnow() -> datetime:
    """Now in UTC, naive (as stored in the database)."""
    return datetime.now(UTC).replace(tzinfo=None)


def normalise_name(name: str) -> str:
    return name.strip().casefold()


def hash_password(password: str, hasher: PasswordHasher = HASHER) -> str:
    return hasher.hash(password)


def verify_password(password_hash: str, password: str, hasher: PasswordHasher = HASHER) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """Verified when the account does not exist, so that a wrong name costs as long as a
    wrong password and the answer time does not tell which names exist."""
    return hasher.hash("quartiersatlas-no-such-account")


def password_problems(name: str, password: str) -> list[str]:
    """Why a new password is refused (German), empty when it is acceptable."""
    problems = []
    if len(password) < PASSWORD_MIN_LENGTH:
        problems.append(t.PASSWORD_TOO_SHORT.format(length=len(password),
                                                    minimum=PASSWORD_MIN_LENGTH))
    if len(password) > PASSWORD_MAX_LENGTH:
        problems.append(t.PASSWORD_TOO_LONG.format(maximum=PASSWORD_MAX_LENGTH))
    if name and name in password.casefold():
        problems.append(t.PASSWORD_IS_NAME)
    return problems


def _checked_roles(roles: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(roles)
    problems = [t.ROLE_UNKNOWN.format(role=r, roles=", ".join(ROLES))
                for r in sorted(chosen - set(ROLES))]  # fmt: skip
    if not chosen:
        problems.append(t.ROLE_REQUIRED)
    if problems:
        raise AccountRefused(problems)
    return chosen


class Accounts:
    """The built-in accounts: create, change password, disable, list, and log in.

    `hasher` is argon2id with the defaults; tests pass a cheaper argon2id profile.
    """

    def __init__(self, store: UserStore, policy: ThrottlePolicy = ThrottlePolicy(),
                 clock: Callable[[], datetime] = utcnow, hasher: PasswordHasher = HASHER):
        self._store = store
        self._policy = policy
        self._clock = clock
        self._hasher = hasher

    def add(self, name: str, roles: Iterable[str], password: str) -> UserRecord:
        name = normalise_name(name)
        problems = [] if _NAME.fullmatch(name) else [t.NAME_INVALID.format(name=name)]
        try:
            chosen = _checked_roles(roles)
        except AccountRefused as refused:
            problems += refused.messages
        problems += password_problems(name, password)
        if problems:
            raise AccountRefused(problems)
        now = self._clock()
        user = UserRecord(name, hash_password(password, self._hasher), chosen, False, now, now)
        if not self._store.add(user):
            raise AccountRefused([t.USER_EXISTS.format(name=name)])
        return user

    def set_password(self, name: str, password: str) -> None:
        name = normalise_name(name)
        problems = password_problems(name, password)
        if problems:
            raise AccountRefused(problems)
        self._update(name, password_hash=hash_password(password, self._hasher),
                     password_changed_at=self._clock())

    def disable(self, name: str) -> None:
        self._update(normalise_name(name), disabled=True)

    def enable(self, name: str) -> None:
        """Let a disabled account log in again; a lockout of its name is lifted too (the
        administrator vouches for it), a client's is not."""
        name = normalise_name(name)
        self._update(name, disabled=False)
        self._store.clear_failures(throttle_keys(name, None)[:1])

    def set_roles(self, name: str, roles: Iterable[str]) -> frozenset[str]:
        """Replace an account's roles (at least one, each known); the roles now held.
        They count from the account's next page view on (roles are read on every run)."""
        chosen = _checked_roles(roles)
        self._update(normalise_name(name), roles=chosen)
        return chosen

    def prune_failures(self) -> int:
        """Delete the throttle's counters that no longer count; how many were deleted."""
        return self._store.delete_expired_failures(*self._expiry(self._clock()))

    def _expiry(self, now: datetime) -> tuple[datetime, datetime]:
        return now - self._policy.window, now

    def _update(self, name: str, **values) -> None:
        if not self._store.update(name, **values):
            raise AccountRefused([t.USER_UNKNOWN.format(name=name)])

    def all(self) -> list[UserRecord]:
        return self._store.all()

    def principal(self, name: str) -> Principal | None:
        """The current Principal of an active account (roles as stored now), else None."""
        user = self._store.get(name)
        if user is None or user.disabled:
            return None
        return Principal(user.name, user.roles, "local")

    def login(self, name: str, password: str, client: str | None) -> Principal:
        """Check name and password under the throttle; LoginRefused says why in German.

        A locked name or client is refused before the password is even checked. The
        message for a wrong name, a wrong password and a disabled account is the same.
        """
        name = normalise_name(name)
        keys = throttle_keys(name, client)
        now = self._clock()
        lock = locked_until(self._store.failures(keys).values(), now)
        if lock is not None:
            raise LoginRefused(_locked_message(lock, now))
        user = self._store.get(name)
        stored = user.password_hash if user else _dummy_hash(self._hasher)
        matches = verify_password(stored, password, self._hasher)
        if not matches or user is None or user.disabled:
            counted = self._store.count_failures(
                keys, lambda key, current: count_failure(key, current, now, self._policy),
                self._expiry(now))
            lock = locked_until(counted, now)
            raise LoginRefused(_locked_message(lock, now) if lock else t.LOGIN_FAILED)
        self._store.clear_failures(keys[:1], self._expiry(now))
        if self._hasher.check_needs_rehash(user.password_hash):
            self._store.update(name, password_hash=hash_password(password, self._hasher))
        return Principal(user.name, user.roles, "local")


def _locked_message(lock: datetime, now: datetime) -> str:
    minutes = max(1, -(-int((lock - now).total_seconds()) // 60))
    return t.LOGIN_LOCKED.format(minutes=minutes)
