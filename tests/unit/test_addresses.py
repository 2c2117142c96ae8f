"""The offline address search: street keys, query parsing, typos, suffixes, unknown numbers."""

from __future__ import annotations

import pytest

from services.addresses import (
    AddressIndex,
    AddressQuery,
    MatchKind,
    candidate_label,
    candidate_notes,
    parse_query,
    street_key,
)
from services.model import Address


def address(street: str, number: int, suffix: str = "", lat: float = 51.52, lon: float = 6.94,
            postcode: str = "46238", is_demo: bool = False) -> Address:
    return Address(street, number, lat, lon, suffix, postcode, is_demo)


@pytest.fixture(scope="module")
def index() -> AddressIndex:
    feuerbach = [address("Feuerbachstraße", n, lat=51.5200 + n * 1e-4) for n in (9, 11, 13, 14, 15, 17)]
    gladbecker = [address("Gladbecker Straße", n, lon=6.92 + n * 1e-4, postcode="46236")
                  for n in (44, 47, 48, 52, 53)]  # fmt: skip
    return AddressIndex([
        *feuerbach, address("Feuerbachstraße", 13, "a", lat=51.5214),
        *gladbecker, address("Ernst-Wilczok-Platz", 1, postcode="46236"),
        address("Hochstraße", 3), address("Am Eigenen Markt", 2, postcode="46240"),
        address("Hans-Böckler-Straße", 20),
    ])


@pytest.mark.parametrize("typed", [
    "Gladbecker Straße", "gladbecker str", "Gladbecker Str.", "GLADBECKER STRASSE",
    "Gladbeckerstraße", "gladbecker-strasse", "Gladbecker  Str",
])
def test_street_key_ignores_case_abbreviations_hyphens_and_spaces(typed):
    assert street_key(typed) == "gladbeckerstr"


def test_street_key_folds_umlauts_and_sharp_s():
    assert street_key("Hans-Böckler-Straße") == street_key("hans boeckler strasse")
    assert street_key("Ernst-Wilczok-Pl.") == street_key("Ernst-Wilczok-Platz")


@pytest.mark.parametrize(("typed", "expected"), [
    ("Feuerbachstr. 13", AddressQuery("Feuerbachstr", 13)),
    ("feuerbachstraße 13a", AddressQuery("feuerbachstraße", 13, "a")),
    ("Feuerbachstr.13 A", AddressQuery("Feuerbachstr", 13, "a")),
    ("Gladbecker Str 50, 46236 Bottrop", AddressQuery("Gladbecker Str", 50)),
    ("Hochstraße 3-5", AddressQuery("Hochstraße", 3)),
    ("Am Eigenen Markt", AddressQuery("Am Eigenen Markt")),
])
def test_parse_query(typed, expected):
    assert parse_query(typed) == expected


def test_exact_address(index):
    best = index.search("Feuerbachstr. 13")[0]
    assert (best.street, best.house_number, best.suffix, best.match) == (
        "Feuerbachstraße", 13, "", MatchKind.EXACT)
    assert best.lat == pytest.approx(51.5213)
    assert candidate_label(best) == "Feuerbachstraße 13, 46238 Bottrop"
    assert candidate_notes(best) == []


def test_suffix_is_found_and_a_missing_suffix_falls_back_to_the_plain_number(index):
    best = index.search("feuerbachstrasse 13 a")[0]
    assert (best.house_number, best.suffix, best.match) == (13, "a", MatchKind.EXACT)
    assert best.lat == pytest.approx(51.5214)
    other = index.search("Feuerbachstraße 13b")[0]
    assert (other.house_number, other.suffix, other.match) == (13, "", MatchKind.NEAREST_NUMBER)
    assert candidate_notes(other) == [
        "Hausnummer 13b nicht im Adressverzeichnis – nächstgelegene Hausnummer 13"]


@pytest.mark.parametrize("typo", ["Fuerbachstr 13", "Feuerbahcstraße 13", "Feuerbachstrase 13",
                                  "feuerbach 13"])
def test_typos_still_find_the_street(index, typo):
    best = index.search(typo)[0]
    assert (best.street, best.house_number, best.match) == ("Feuerbachstraße", 13, MatchKind.EXACT)
    assert 80 <= best.score < 100


def test_unknown_number_takes_the_nearest_on_the_same_side(index):
    best = index.search("gladbecker str 50")[0]
    # 48 and 52 are both 2 away on the same side; 47 and 53 are nearer across the street
    assert (best.street, best.house_number, best.match) == (
        "Gladbecker Straße", 48, MatchKind.NEAREST_NUMBER)
    assert best.requested == "50"
    assert candidate_label(best) == "Gladbecker Straße 48, 46236 Bottrop"


def test_without_number_the_street_middle_is_used(index):
    best = index.search("Feuerbachstraße")[0]
    assert (best.house_number, best.match) == (None, MatchKind.STREET_MIDDLE)
    assert best.lat == pytest.approx(51.5213)  # the address nearest the street's mean
    assert candidate_label(best) == "Feuerbachstraße, 46238 Bottrop"
    assert candidate_notes(best) == ["ohne Hausnummer: Mitte der Straße"]


def test_exact_street_ranks_first_and_weak_matches_are_dropped(index):
    assert [c.street for c in index.search("Hochstraße 3")] == ["Hochstraße"]
    assert index.search("Zollvereinstraße 3") == []
    assert index.search("13") == []
    assert index.search("") == []


def test_demo_addresses_say_so():
    demo = AddressIndex([address("Feuerbachstraße", 13, is_demo=True)])
    assert demo.is_demo and demo.count == 1
    best = demo.search("Feuerbachstraße 12")[0]
    assert candidate_notes(best) == [
        "Hausnummer 12 nicht im Adressverzeichnis – nächstgelegene Hausnummer 13",
        "Demo-Adressen (ungefähre Lage)",
    ]


def test_empty_index_finds_nothing():
    empty = AddressIndex([])
    assert (empty.count, empty.is_demo, empty.search("Feuerbachstraße 13")) == (0, False, [])
