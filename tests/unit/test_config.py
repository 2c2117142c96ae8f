"""services/config.py: every variable is read and parsed there, once per configuration,
and a mistyped value is named in German instead of failing somewhere later."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest

from services.config import Limits, SettingsError, load_settings


def test_the_defaults_hold_without_any_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    for name in ("QA_LOG_LEVEL", "QA_DB_WRITE_WAIT_SECONDS", "QA_STALE_MONTHS", "QA_ROLE_CLAIM",
                 "QA_ROLE_MAP", "QA_SESSION_HOURS",
                 *(f"QA_LIMIT_{f.name.upper()}" for f in fields(Limits))):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert (settings.log_level, settings.write_wait_seconds, settings.stale_months) == (
        "WARNING", 120.0, 12)
    assert settings.limits == Limits()
    assert (settings.role_claim, settings.role_map) == (None, None)
    assert settings.session_max_age == timedelta(hours=8)


def test_each_variable_reaches_its_setting(monkeypatch):
    monkeypatch.setenv("QA_LOG_LEVEL", "debug")
    monkeypatch.setenv("QA_DB_WRITE_WAIT_SECONDS", "2,5")
    monkeypatch.setenv("QA_STALE_MONTHS", "6")
    monkeypatch.setenv("QA_LIMIT_ROWS", "1000")
    monkeypatch.setenv("QA_LIMIT_GEBREF_MB", "0.5")
    settings = load_settings()
    assert (settings.log_level, settings.write_wait_seconds, settings.stale_months) == (
        "DEBUG", 2.5, 6)
    assert (settings.limits.rows, settings.limits.gebref_mb) == (1000, 0.5)
    assert type(settings.limits.rows) is int
    assert load_settings() is settings  # parsed once per configuration


@pytest.mark.parametrize(("name", "value", "message"), [
    ("QA_LIMIT_ROWS", "abc",
     "Die Umgebungsvariable QA_LIMIT_ROWS muss eine ganze Zahl größer als 0 sein, nicht „abc“"),
    ("QA_LIMIT_ROWS", "1.5", "QA_LIMIT_ROWS muss eine ganze Zahl größer als 0 sein"),
    ("QA_DB_WRITE_WAIT_SECONDS", "x",
     "Die Umgebungsvariable QA_DB_WRITE_WAIT_SECONDS muss eine Zahl größer als 0 sein, nicht „x“"),
    ("QA_STALE_MONTHS", "-3", "QA_STALE_MONTHS muss eine ganze Zahl größer als 0 sein"),
    ("QA_SESSION_HOURS", "nan", "QA_SESSION_HOURS muss eine Zahl größer als 0 sein"),
    ("QA_LIMIT_GEBREF_MB", "viel", "QA_LIMIT_GEBREF_MB muss eine Zahl größer als 0 sein"),
    ("QA_LOG_LEVEL", "laut",
     "QA_LOG_LEVEL muss einer von DEBUG, INFO, WARNING, ERROR, CRITICAL sein, nicht „laut“"),
])
def test_a_mistyped_value_is_named_in_german(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert message in str(raised.value)
