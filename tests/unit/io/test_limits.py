"""The limits themselves: settings, the XLSX parts and .shp budget read from the directory."""

from __future__ import annotations

import pytest

from services.config import SettingsError
from services.io.errors import ImportFailed
from services.io.limits import (
    check_shp_size,
    check_xlsx_parts,
    limits,
    shown_problems,
    shp_budget,
)
from tests.unit.io.helpers import shapefile_zip, shp_file, xlsx_by_hand


@pytest.mark.parametrize("raw", ["viel", "0", "-3", "nan", "1e999999"])
def test_a_setting_that_is_no_positive_number_is_a_german_error(monkeypatch, raw):
    monkeypatch.setenv("QA_LIMIT_ROWS", raw)
    with pytest.raises(SettingsError) as failed:
        limits()
    assert str(failed.value) == (
        f"Die Umgebungsvariable QA_LIMIT_ROWS muss eine ganze Zahl größer als 0 sein, nicht „{raw}“")
    assert shown_problems() == 50  # the list of problems still shows


def test_settings_take_a_decimal_comma_and_whole_numbers_stay_whole(monkeypatch):
    monkeypatch.setenv("QA_LIMIT_FILE_MB", "1,5")
    monkeypatch.setenv("QA_LIMIT_REPORTED_PROBLEMS", "7")
    assert (limits().file_mb, shown_problems()) == (1.5, 7)


def test_a_huge_content_type_list_is_refused_unparsed(tmp_path, monkeypatch):
    path = xlsx_by_hand(tmp_path / "t.xlsx", [], ["x"])
    monkeypatch.setenv("QA_LIMIT_SHARED_STRINGS_MB", "0.0001")
    with pytest.raises(ImportFailed) as failed:
        check_xlsx_parts(path)
    assert str(failed.value).startswith("t.xlsx: Der Textteil [Content_Types].xml der "
                                        "Excel-Datei entpackt sich auf 0,0 MB")


def test_an_xlsx_without_content_types_is_unreadable_not_a_crash(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(shapefile_zip(tmp_path / "z.zip", 200).read_bytes())
    with pytest.raises(ImportFailed, match="Datei lässt sich nicht lesen"):
        check_xlsx_parts(path)


def test_the_shp_budget_and_a_plain_shp_file(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_LIMIT_VERTICES", "1000")
    monkeypatch.setenv("QA_LIMIT_FEATURES", "10")
    assert shp_budget(5) == 100 + 10 * 84 + 1000 * 17
    assert shp_budget(15) == 100 + 10 * 84 + 1000 * 33
    check_shp_size(shapefile_zip(tmp_path / "b.zip", shp_budget(5)))  # exactly: allowed
    plain = tmp_path / "b.shp"
    plain.write_bytes(shp_file(shp_budget(5) + 1))
    with pytest.raises(ImportFailed) as failed:
        check_shp_size(plain)
    assert str(failed.value) == (
        "b.shp: Die Geometrien der Shapefile (b.shp) sind 0,0 MB groß; mit höchstens 1000 "
        "Stützpunkten (Grenze QA_LIMIT_VERTICES) sind es höchstens 0,0 MB; bitte im GIS "
        "vereinfachen")
