"""The form and the file import share one set of row rules: same value, same message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from services import editing
from services.io.errors import ImportFailed
from services.io.offers import read_offers, write_offers
from services.model import Office
from tests.factories import full_offer, sparse_offer

BAD_VALUES = {
    "lat": "6,93",  # swapped with lon
    "max_alter": "120",
    "bedarfe": "schwimmen",
    "email": "keine-adresse",
    "website": "javascript:alert(1)",
    "gueltig_von": "31.02.2024",
    "oeffnungszeiten": "Mo 9-",
    "name": "",
}


@pytest.mark.parametrize("column", BAD_VALUES)
def test_a_bad_value_gets_the_same_message_in_a_file_and_in_the_form(column, tmp_path: Path):
    texts = editing.form_texts(full_offer(), "offer") | {column: BAD_VALUES[column]}
    with pytest.raises(editing.EditRefused) as form:
        editing.validate("offer", texts)
    path = tmp_path / "angebote.csv"
    write_offers([full_offer()], path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    write_csv(path, header, {**dict(zip(header, [""] * len(header))), **texts})
    with pytest.raises(ImportFailed) as file:
        read_offers(path)
    [problem] = [p for p in file.value.problems if p.field == column]
    assert form.value.problems[column] == problem.message


def write_csv(path: Path, header: list[str], texts: dict[str, str]) -> None:
    cells = ['"' + texts.get(c, "").replace('"', '""') + '"' for c in header]
    path.write_text(";".join(header) + "\n" + ";".join(cells) + "\n", encoding="utf-8")


def test_form_texts_read_back_to_the_same_record():
    for offer in (full_offer(), sparse_offer()):
        assert editing.validate("offer", editing.form_texts(offer, "offer")) == offer


def test_the_age_order_check_is_reported_at_max_alter():
    texts = editing.form_texts(sparse_offer(), "offer") | {"min_alter": "10", "max_alter": "3"}
    with pytest.raises(editing.EditRefused) as caught:
        editing.validate("offer", texts)
    assert list(caught.value.problems) == ["max_alter"]


def test_the_review_list_holds_unverified_and_old_offers_not_archived():
    offers = pd.DataFrame([
        {"id": "new", "name": "a", "provider": "P", "district_id": "1", "status": "active",
         "last_verified": date(2026, 6, 1)},
        {"id": "old", "name": "b", "provider": "P", "district_id": "1", "status": "active",
         "last_verified": date(2025, 11, 27)},
        {"id": "never", "name": "c", "provider": "Q", "district_id": "9", "status": "active",
         "last_verified": None},
        {"id": "gone", "name": "d", "provider": "Q", "district_id": "1", "status": "inactive",
         "last_verified": None},
    ])
    office = Office(id="b1", name="Büro Mitte", operator="X", lat=51.5, lon=6.9, district_id="1")
    listed = editing.review_list(offers, [office], date(2026, 11, 28), months=12)
    assert listed["id"].tolist() == ["never", "old"]
    assert listed["office"].tolist() == ["ohne Quartiersbüro", "Büro Mitte"]
    assert editing.review_list(offers, [], date(2026, 11, 28), months=6)["id"].tolist() == [
        "never", "old"]
    assert editing.review_list(offers, [], date(2026, 11, 28), months=1)["id"].tolist() == [
        "never", "old", "new"]


def test_the_office_list_finds_name_operator_or_address_sorted_by_name():
    offices = [Office(id="b", name="Büro Welheim", operator="Caritas", lat=51.5, lon=6.9,
                      address="Welheimer Str. 1"),
               Office(id="a", name="Ärztehaus-Büro", operator="AWO", lat=51.5, lon=6.9)]
    assert editing.filter_offices(offices, "")["id"].tolist() == ["a", "b"]
    assert editing.filter_offices(offices, "caritas")["id"].tolist() == ["b"]
    assert editing.filter_offices(offices, "welheimer")["id"].tolist() == ["b"]
    assert editing.filter_offices([], "x").empty


@pytest.mark.parametrize(("texts", "expected"), [
    ({"lat": "51,5226", "lon": "6.9478"}, (51.5226, 6.9478)),
    ({"lat": "51.5226", "lon": ""}, None),
    ({"lat": "Nord", "lon": "6.9"}, None),
    ({}, None),
])
def test_the_form_position_is_read_like_the_import_reads_it(texts, expected):
    assert editing.position_of(texts) == expected
