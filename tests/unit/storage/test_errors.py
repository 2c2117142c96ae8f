"""Database faults become typed German errors; the SQL and its rows never reach the message."""

from __future__ import annotations

import logging
import sqlite3

import pytest
import sqlalchemy as sa

from services.storage.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseError,
    DatabaseReadOnly,
    DatabaseUnavailable,
    DiskFull,
    classify,
    translated,
)
from services.storage.repository import create_engine_for

SECRET_ROW = "Familie Mustermann, Feuerbachstraße 13"


class FakePgError(Exception):
    def __init__(self, sqlstate: str | None):
        super().__init__("server said no")
        self.sqlstate = sqlstate


def wrapped(orig: Exception, kind=sa.exc.OperationalError) -> sa.exc.DBAPIError:
    return kind("INSERT INTO offers (name) VALUES (?)", [SECRET_ROW], orig)


def sqlite_error(code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError("sqlite says no")
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(("orig", "expected"), [
    (FakePgError("08006"), DatabaseUnavailable),  # connection failure
    (FakePgError("57P01"), DatabaseUnavailable),  # admin shutdown
    (FakePgError("25006"), DatabaseReadOnly),
    (FakePgError("53100"), DiskFull),
    (FakePgError("55P03"), DatabaseBusy),
    (FakePgError("22021"), DatabaseError),  # e.g. NUL in a text: no special type
    (FakePgError(None), DatabaseUnavailable),  # refused before any SQLSTATE
    (sqlite_error(8 | (3 << 8)), DatabaseReadOnly),  # SQLITE_READONLY_DBMOVED (extended)
    (sqlite_error(13), DiskFull),
    (sqlite_error(5), DatabaseBusy),
    (sqlite_error(14), DatabaseUnavailable),
    (sqlite_error(26), DatabaseDamaged),
    (sqlite_error(1), DatabaseError),
])
def test_classification_by_driver_code(orig, expected):
    assert type(classify(wrapped(orig))) is expected


def test_translated_hides_the_sql_and_rows_and_logs_them_at_debug(caplog):
    caplog.set_level(logging.DEBUG, logger="services.storage.errors")
    with pytest.raises(DiskFull) as raised, translated():
        raise wrapped(sqlite_error(13))
    error = raised.value
    assert error.__cause__ is None and error.__suppress_context__
    assert SECRET_ROW not in str(error) and "INSERT" not in str(error)
    assert "INSERT INTO offers" in caplog.text  # the SQL is in the debug log only
    assert "Feuerbachstraße 13" not in caplog.text  # its row values are not
    assert "sqlite says no" not in caplog.text  # nor the driver's message (may quote rows)
    assert "DiskFull: OperationalError (driver code 13)" in caplog.text


def test_the_engine_keeps_row_values_out_of_its_exceptions(tmp_path):
    engine = create_engine_for(f"sqlite:///{tmp_path / 'e.db'}")
    with pytest.raises(sa.exc.DBAPIError) as raised, engine.connect() as connection:
        connection.execute(sa.text("INSERT INTO nowhere VALUES (:row)"), {"row": SECRET_ROW})
    assert "INSERT INTO nowhere" in str(raised.value) and SECRET_ROW not in str(raised.value)


def test_busy_says_how_long_it_waited():
    assert "nach 120 Sekunden Warten" in classify(wrapped(sqlite_error(5)), 120).message
    assert "nach 1 Sekunde Warten" in classify(wrapped(sqlite_error(5)), 1).message
