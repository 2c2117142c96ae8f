"""Checks of the committed demo data in geodata/, written by scripts/make_demo_data.py."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import Point, shape

from services.addresses import AddressIndex, MatchKind
from services.indicators import INDICATORS
from services.io.addresses import ADDRESS_COLUMNS, read_addresses
from services.io.columns import INDICATOR_COLUMNS, OFFER_COLUMNS, OFFICE_COLUMNS
from services.io.unmet_needs import read_unmet_needs
from services.model import ANALYSIS_CRS, WEB_CRS
from services.taxonomy import AGE_GROUPS, AUDIENCES, NEEDS, PARENTS_GROUP, matches_age_groups

ROOT = Path(__file__).resolve().parents[2]
GEODATA = ROOT / "geodata"
SCRIPT = ROOT / "scripts" / "make_demo_data.py"
GENERATED = (
    "outline.geojson",
    "districts.geojson",
    "indicators.csv",
    "offices.csv",
    "offers.csv",
    "unmet_needs.csv",
    "addresses.csv",
)
YEARS = {"2019", "2020", "2021", "2022", "2023"}
PUBLISHED_CITY_AVERAGE = 20.4
HOURS_PATTERN = re.compile(
    r"^(Mo|Di|Mi|Do|Fr|Sa|So) \d\d:\d\d-\d\d:\d\d(; (Mo|Di|Mi|Do|Fr|Sa|So) \d\d:\d\d-\d\d:\d\d)*$"
)
TO_METRIC = Transformer.from_crs(WEB_CRS, ANALYSIS_CRS, always_xy=True)


def metric(geometry: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geometry, TO_METRIC.transform, interleaved=False)


def read_csv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (GEODATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def districts() -> list[tuple[dict, shapely.Geometry]]:
    data = json.loads((GEODATA / "districts.geojson").read_text(encoding="utf-8"))
    return [(f["properties"], shape(f["geometry"])) for f in data["features"]]


@pytest.fixture(scope="module")
def outline() -> shapely.Geometry:
    data = json.loads((GEODATA / "outline.geojson").read_text(encoding="utf-8"))
    return shapely.union_all([shape(f["geometry"]) for f in data["features"]])


@pytest.fixture(scope="module")
def offers() -> list[dict[str, str]]:
    return read_csv("offers.csv")[1]


@pytest.fixture(scope="module")
def offices() -> list[dict[str, str]]:
    return read_csv("offices.csv")[1]


@pytest.fixture(scope="module")
def indicators() -> list[dict[str, str]]:
    return read_csv("indicators.csv")[1]


def district_of(row: dict[str, str], districts) -> str | None:
    point = Point(float(row["lon"]), float(row["lat"]))
    for props, geometry in districts:
        if geometry.covers(point):
            return props["id"]
    return None


def values(indicators, key: str, year: str) -> dict[str, float]:
    return {
        r["bezirk"]: float(r["wert"])
        for r in indicators
        if r["indikator"] == key and r["jahr"] == year
    }


def city_average(indicators, key: str, year: str) -> float:
    rates, weights = values(indicators, key, year), values(indicators, "einwohner_u18", year)
    return sum(rates[d] * weights[d] for d in rates) / sum(weights.values())


# Districts ----------------------------------------------------------------------------


def test_seventeen_valid_districts(districts):
    assert len(districts) == 17
    ids = [props["id"] for props, _ in districts]
    assert len(set(ids)) == 17
    for props, geometry in districts:
        assert re.fullmatch(r"\d\d", props["id"])
        assert props["name"] and props["stadtbezirk"] in {"Mitte", "Süd", "Kirchhellen"}
        assert props["demo"] == "ja"
        assert geometry.geom_type in ("Polygon", "MultiPolygon")
        assert geometry.is_valid, props["name"]


def test_known_district_numbers(districts):
    names = {props["id"]: props["name"] for props, _ in districts}
    assert names["31"] == "Stadtwald"
    assert names["32"] == "Eigen"
    assert names["41"] == "Batenbrock-Nord"
    assert names["61"] == "Ebel/Welheimer Mark"


def test_districts_cover_the_outline_without_overlap(districts, outline):
    cells = [metric(geometry) for _, geometry in districts]
    union = shapely.union_all(cells)
    city = metric(outline)
    assert abs(union.area - city.area) / city.area < 0.01
    assert union.symmetric_difference(city).area / city.area < 0.01
    assert abs(sum(c.area for c in cells) - union.area) / union.area < 0.001


# Offers and offices ----------------------------------------------------------------------


def test_files_have_the_documented_columns():
    assert read_csv("offers.csv")[0] == list(OFFER_COLUMNS)
    assert read_csv("offices.csv")[0] == list(OFFICE_COLUMNS)
    assert read_csv("indicators.csv")[0] == list(INDICATOR_COLUMNS)


def test_every_offer_and_office_lies_in_a_district(offers, offices, districts):
    for row in offers + offices:
        assert district_of(row, districts) is not None, row["id"]


def test_every_district_has_at_least_two_offers(offers, districts):
    counts = {props["id"]: 0 for props, _ in districts}
    for row in offers:
        counts[district_of(row, districts)] += 1
    assert min(counts.values()) >= 2, counts


def test_enough_demo_offers_with_valid_codes(offers):
    assert sum(r["demo"] == "ja" for r in offers) >= 170
    ids = [r["id"] for r in offers]
    assert len(ids) == len(set(ids))
    need_codes = {n.code for n in NEEDS}
    for row in offers:
        needs = row["bedarfe"].split(";")
        assert 1 <= len(needs) <= 3 and set(needs) <= need_codes, row["id"]
        assert set(row["zielgruppe"].split(";")) <= set(AUDIENCES), row["id"]
        assert row["status"] in {"aktiv", "inaktiv", "voruebergehend_geschlossen"}
        assert row["lagegenauigkeit"] in {"exakt", "strasse", "ungefaehr"}
        assert row["kostenlos"] in {"ja", "nein", ""}
        assert row["kostenlos"] != "nein" or row["kosten_hinweis"], row["id"]
        assert not row["oeffnungszeiten"] or HOURS_PATTERN.match(row["oeffnungszeiten"])
        assert len(row["lat"].split(".")[1]) == 6 and len(row["lon"].split(".")[1]) == 6


def test_all_needs_are_represented(offers):
    used = {code for r in offers for code in r["bedarfe"].split(";")}
    assert used == {n.code for n in NEEDS}


@pytest.mark.parametrize("group", AGE_GROUPS, ids=lambda g: g.code)
def test_all_age_groups_are_represented(offers, group):
    # Offers without ages match every group; count only offers that state their ages.
    def ages(row):
        return (
            float(row["min_alter"]) if row["min_alter"] else None,
            float(row["max_alter"]) if row["max_alter"] else None,
        )

    if group.code == PARENTS_GROUP:
        candidates = offers
    else:
        candidates = [r for r in offers if r["min_alter"] and r["max_alter"]]
    assert any(
        matches_age_groups([group.code], *ages(r), r["zielgruppe"].split(";"))
        for r in candidates
    )


def test_some_babies_and_some_offers_without_ages(offers):
    assert any(r["min_alter"] and 0 < float(r["min_alter"]) < 1 for r in offers)
    without_ages = [r for r in offers if not r["min_alter"] and not r["max_alter"]]
    assert 0.02 <= len(without_ages) / len(offers) <= 0.10


def test_demo_rows_are_marked_and_real_rows_are_not(offers, offices, indicators, districts):
    assert all(r["demo"] == "ja" for r in indicators)
    assert all(props["demo"] == "ja" for props, _ in districts)
    for row in offers:
        if row["id"].startswith("demo-"):
            assert row["demo"] == "ja" and row["quelle"] == "Demo-Daten (synthetisch)"
        else:
            assert row["id"].startswith("real-") and row["demo"] == "nein", row["id"]
            assert row["quelle"] and "Demo" not in row["quelle"]
    for row in offices:
        assert row["id"].startswith("real-") and row["demo"] == "nein"


def test_real_places_have_no_invented_contacts(offers, offices):
    real = [r for r in offers + offices if r["demo"] == "nein"]
    assert len(real) >= 9
    for row in real:
        assert row["lagegenauigkeit"] == "ungefaehr"
        assert row["telefon"] == "" and row["email"] == "" and row.get("website", "") == ""
        assert row["oeffnungszeiten"] == "" and row["oeffnungszeiten_hinweis"]
        assert row.get("zuletzt_geprueft", "") == ""


def test_demo_contacts_are_fictitious(offers):
    for row in offers:
        if row["demo"] == "ja":
            assert not row["telefon"] or row["telefon"].startswith("02041 99")
            assert not row["email"] or row["email"].endswith("@example.org")
            assert not row["website"] or row["website"].startswith("https://example.org/")


def test_no_personal_name_in_any_file():
    for name in GENERATED:
        assert "Zimmermann" not in (GEODATA / name).read_text(encoding="utf-8"), name


# Addresses ------------------------------------------------------------------------------


def test_addresses_are_demo_inside_the_city_and_include_every_numbered_place(
    offers, offices, outline
):
    header, rows = read_csv("addresses.csv")
    assert header == list(ADDRESS_COLUMNS)
    assert 400 <= len(rows) <= 1500 and all(r["demo"] == "ja" for r in rows)
    city = metric(outline)
    for row in rows:
        assert city.contains(metric(Point(float(row["lon"]), float(row["lat"])))), row
    listed = {(r["strasse"], r["hausnummer"] + r["zusatz"]): r for r in rows}
    first_place = {}  # two demo offers may share an address: the first one's position counts
    for place in offices + offers:
        street, _, number = place["adresse"].rpartition(" ")
        if number.isdigit():  # "Borsigweg" has no number
            first_place.setdefault((street, number), place)
    for key, place in first_place.items():
        assert (listed[key]["lat"], listed[key]["lon"]) == (place["lat"], place["lon"]), key


def test_demo_addresses_answer_the_lotses_examples():
    index = AddressIndex(read_addresses(GEODATA / "addresses.csv").addresses)
    assert index.is_demo
    office = index.search("Feuerbachstr. 13")[0]
    assert (office.street, office.house_number, office.match) == (
        "Feuerbachstraße", 13, MatchKind.EXACT)
    gladbecker = index.search("gladbecker str 50")[0]
    assert (gladbecker.street, gladbecker.match) == ("Gladbecker Straße", MatchKind.NEAREST_NUMBER)
    assert gladbecker.house_number % 2 == 0  # the same side of the street as 50
    assert any(c.suffix for c in (index.search(f"Feuerbachstraße {n}a")[0] for n in range(60)))
    assert index.search("Borsigweg")[0].match is MatchKind.STREET_MIDDLE


# Reported unmet needs -------------------------------------------------------------------


def test_demo_unmet_needs_read_and_point_to_real_offices_and_districts(offices, districts):
    records = read_unmet_needs(GEODATA / "unmet_needs.csv")
    assert len(records) >= 100
    assert all(r.is_demo and r.id.startswith("demo-bedarf-") for r in records)
    assert {r.office_id for r in records} <= {o["id"] for o in offices}
    assert {r.district_id for r in records} <= {props["id"] for props, _ in districts}
    dates = [r.reported_on for r in records]
    assert dates == sorted(dates) and (dates[-1] - dates[0]).days > 300
    assert all(r.needs and r.missing and r.languages and r.age_groups for r in records)
    assert any(r.note for r in records) and sum(bool(r.note) for r in records) < len(records) / 2


def test_demo_unmet_needs_gather_where_child_poverty_is_highest(districts):
    counts = Counter(r.district_id for r in read_unmet_needs(GEODATA / "unmet_needs.csv"))
    names = {props["id"]: props["name"] for props, _ in districts}
    top = [names[d] for d, _ in counts.most_common(3)]
    assert set(top) == {"Batenbrock-Süd", "Batenbrock-Nord", "Altstadt"}


# Indicators -----------------------------------------------------------------------------


def test_indicator_coverage(indicators, districts):
    keys = {(r["bezirk"], r["indikator"], r["jahr"]) for r in indicators}
    assert len(keys) == len(indicators) == 17 * len(INDICATORS) * 5
    assert {k[0] for k in keys} == {props["id"] for props, _ in districts}
    assert {k[1] for k in keys} == {i.key for i in INDICATORS}
    assert {k[2] for k in keys} == YEARS


def test_altstadt_has_more_than_twice_the_city_average(indicators, districts):
    altstadt = next(props["id"] for props, _ in districts if props["name"] == "Altstadt")
    rates = values(indicators, "kinder_bg_u18", "2023")
    assert rates[altstadt] > 2 * city_average(indicators, "kinder_bg_u18", "2023")


def test_city_average_is_near_the_published_figure(indicators):
    for year in YEARS:
        average = city_average(indicators, "kinder_bg_u18", year)
        assert abs(average - PUBLISHED_CITY_AVERAGE) < 1.0, (year, average)


def test_kirchhellen_districts_stay_below_ten_percent(indicators, districts):
    kirchhellen = {p["id"] for p, _ in districts if p["stadtbezirk"] == "Kirchhellen"}
    assert len(kirchhellen) == 4
    for year in YEARS:
        rates = values(indicators, "kinder_bg_u18", year)
        assert all(rates[d] < 10 for d in kirchhellen), year


def test_under_18_total_is_about_twenty_thousand(indicators):
    total = sum(values(indicators, "einwohner_u18", "2023").values())
    assert 19_000 <= total <= 21_000


def test_residents_add_up_to_bottrop_and_hold_the_children(indicators):
    """118,705 residents (31.12.2023); children 15–20 % of each district in every year."""
    total = sum(values(indicators, "einwohner_gesamt", "2023").values())
    assert abs(total - 118_705) <= 100
    for year in YEARS:
        children = values(indicators, "einwohner_u18", year)
        residents = values(indicators, "einwohner_gesamt", year)
        shares = {d: children[d] / residents[d] for d in residents}
        assert all(0.15 <= share <= 0.20 for share in shares.values()), (year, shares)
        assert max(shares.values()) - min(shares.values()) > 0.02  # varies by district


# Reproducibility ------------------------------------------------------------------------


def test_generator_reproduces_the_committed_files(tmp_path):
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True, cwd=tmp_path
    )
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (GEODATA / name).read_bytes(), name
