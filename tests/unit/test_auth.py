"""services/auth.py without a database: roles, claims -> roles, hashing, throttle, expiry."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from services.auth import (
    ROLES,
    Principal,
    RoleMapping,
    ThrottlePolicy,
    count_failure,
    has_role,
    hash_password,
    locked_until,
    password_problems,
    principal_from_claims,
    role_mapping,
    roles_from_claims,
    session_expired,
    throttle_keys,
    verify_password,
)
from services.config import load_settings

NOW = datetime(2026, 11, 28, 20, 0)


# roles -------------------------------------------------------------------------------


def test_a_principal_holds_only_its_roles_and_a_visitor_none():
    editor = Principal("e", frozenset({"redaktion"}), "local")
    assert has_role(editor, "redaktion")
    assert has_role(editor, "planung", "redaktion")  # any of
    for role in set(ROLES) - {"redaktion"}:
        assert not has_role(editor, role)
    assert not any(has_role(None, role) for role in ROLES)


def test_a_misspelt_role_in_a_check_is_a_programming_error_not_a_refusal():
    with pytest.raises(ValueError):
        has_role(Principal("a", frozenset(ROLES), "local"), "admn")
    with pytest.raises(ValueError):
        has_role(None)


# OIDC claims -> roles ------------------------------------------------------------------


def test_keycloak_realm_roles_in_a_nested_claim_are_mapped():
    config = {"role_claim": "realm_access.roles",
              "role_map": {"qa-redaktion": "redaktion", "qa-admin": ["admin", "redaktion"]}}
    mapping = role_mapping(config)
    claims = {"preferred_username": "m.muster", "sub": "123",
              "realm_access": {"roles": ["offline_access", "qa-admin"]}}
    principal = principal_from_claims(claims, mapping)
    assert principal == Principal("m.muster", frozenset({"admin", "redaktion"}), "oidc")


def test_entra_id_groups_map_to_roles_and_unmapped_groups_grant_nothing():
    mapping = role_mapping({"role_claim": "groups",
                            "role_map": {"6f1c-lotsen": "lotse", "a2b3-planung": "planung"}})
    claims = {"email": "x@bottrop.de", "groups": ["6f1c-lotsen", "ffff-other", "admin"]}
    assert roles_from_claims(claims, mapping) == frozenset({"lotse"})
    assert principal_from_claims(claims, mapping).name == "x@bottrop.de"


def test_without_a_map_only_claim_values_that_are_role_names_count():
    mapping = RoleMapping("roles")
    assert roles_from_claims({"roles": "lotse planung,chef"}, mapping) == {"lotse", "planung"}
    assert roles_from_claims({"other": ["admin"]}, mapping) == frozenset()
    assert roles_from_claims({"roles": {"admin": True}}, mapping) == frozenset()


def test_the_environment_overrides_the_secrets(monkeypatch):
    monkeypatch.setenv("QA_ROLE_CLAIM", "app_roles")
    monkeypatch.setenv("QA_ROLE_MAP", "QA.Lotse=lotse; QA.Alle=lotse,planung")
    settings = load_settings()
    mapping = role_mapping({"role_claim": "groups", "role_map": {"g": "admin"}},
                           settings.role_claim, settings.role_map)
    assert mapping.claim == "app_roles"
    assert roles_from_claims({"app_roles": ["QA.Alle", "g"]}, mapping) == {"lotse", "planung"}


def test_a_typo_in_the_role_map_is_refused_in_german():
    with pytest.raises(ValueError, match="unbekannte Rolle „redakteur“"):
        role_mapping({"role_map": {"g": "redakteur"}})


# passwords -----------------------------------------------------------------------------


def test_passwords_are_hashed_with_argon2id_and_salted():
    first, second = hash_password("ein langes Passwort"), hash_password("ein langes Passwort")
    assert first.startswith("$argon2id$") and first != second
    assert verify_password(first, "ein langes Passwort")
    assert not verify_password(first, "ein langes passwort")
    assert not verify_password("kein-hash", "ein langes Passwort")


def test_weak_passwords_are_refused_with_reasons():
    assert password_problems("anna", "kurz") == ["Das Passwort ist zu kurz (4 Zeichen, mindestens 12)."]
    assert password_problems("anna", "anna-ist-toll-2026") == [
        "Das Passwort darf nicht den Benutzernamen enthalten."]
    assert password_problems("anna", "x" * 2000)[0].startswith("Das Passwort ist zu lang")
    assert password_problems("anna", "korrekt pferd batterie") == []


# throttle ------------------------------------------------------------------------------

POLICY = ThrottlePolicy(per_name=3, per_client=5, window=timedelta(minutes=10),
                        lockout=timedelta(minutes=15))


def _fail(key: str, times: int, start: datetime = NOW, step: timedelta = timedelta(seconds=10)):
    record = None
    for i in range(times):
        record = count_failure(key, record, start + i * step, POLICY)
    return record


def test_a_name_is_locked_after_its_limit_within_the_window():
    assert _fail("name:anna", 2).locked_until is None
    locked = _fail("name:anna", 3)
    assert locked.locked_until == NOW + 2 * timedelta(seconds=10) + POLICY.lockout
    assert locked_until([locked], NOW + timedelta(minutes=5)) == locked.locked_until
    assert locked_until([locked], locked.locked_until) is None  # over


def test_a_client_has_its_own_higher_limit():
    client = throttle_keys("anna", "192.0.2.7")[1]
    assert _fail(client, 4).locked_until is None
    assert _fail(client, 5).locked_until is not None


def test_failures_spread_beyond_the_window_never_lock():
    assert _fail("name:anna", 10, step=timedelta(minutes=11)).locked_until is None


def test_after_a_lockout_the_count_starts_afresh():
    locked = _fail("name:anna", 3)
    later = count_failure("name:anna", locked, locked.locked_until + timedelta(seconds=1), POLICY)
    assert later.failures == 1 and later.locked_until is None


def test_the_client_address_is_kept_only_as_a_hash():
    keys = throttle_keys("anna", "192.0.2.7")
    assert keys[0] == "name:anna" and "192.0.2.7" not in keys[1]
    assert keys[1] == throttle_keys("bert", "192.0.2.7")[1] != throttle_keys("anna", "192.0.2.8")[1]


# sessions ------------------------------------------------------------------------------


def test_sessions_expire_after_their_maximum_age(monkeypatch):
    monkeypatch.delenv("QA_SESSION_HOURS", raising=False)
    age = load_settings().session_max_age
    assert age == timedelta(hours=8)
    assert not session_expired(NOW, NOW + age - timedelta(seconds=1), age)
    assert session_expired(NOW, NOW + age, age)
    assert session_expired(NOW + timedelta(minutes=1), NOW, age)  # from the future: refused
    monkeypatch.setenv("QA_SESSION_HOURS", "0.5")
    assert load_settings().session_max_age == timedelta(minutes=30)
