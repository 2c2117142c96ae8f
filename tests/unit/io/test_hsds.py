"""HSDS 3.0 exchange: the export is valid against the published schemas, a round trip
keeps every field, and bad input is refused with file, object and HSDS field named."""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from services import importer
from services.io import hsds
from services.io.errors import ImportFailed
from tests.factories import full_offer, sparse_offer
from tests.unit.io.helpers import centre, office

SCHEMAS = Path(__file__).parents[2] / "data" / "hsds-3"
SCHEMA_OF_FILE = {hsds.ORGANIZATIONS: "organization.json", hsds.SERVICES: "service.json",
                  hsds.TAXONOMIES: "taxonomy.json", hsds.TERMS: "taxonomy_term.json"}


def validator(schema_file: str) -> Draft202012Validator:
    """A validator of one published schema; "$ref": "phone.json" resolves to the copy."""
    resources = {
        path.name: Resource.from_contents(json.loads(path.read_text()),
                                          default_specification=DRAFT202012)
        for path in SCHEMAS.glob("*.json")
    }
    registry = Registry().with_resources(resources.items())
    return Draft202012Validator(resources[schema_file].contents, registry=registry,
                                format_checker=FormatChecker())


def schema_errors(documents: dict[str, list[dict]]) -> list[str]:
    return [
        f"{name}[{i}] {list(error.absolute_path)}: {error.message}"
        for name, objects in documents.items()
        for i, obj in enumerate(objects)
        for error in validator(SCHEMA_OF_FILE[name]).iter_errors(obj)
    ]


def records():
    """Awkward offers and offices: every field set, none set, two offices of one operator."""
    return (
        [full_offer(district_id="B2"), sparse_offer(id="o2"),
         full_offer(id="o3", status="inactive", free_of_charge=True, barrier_free=True,
                    provider="Stadt Bottrop", opening_hours=())],
        [office(district_id="A1"), office(id="b2", name="Büro Eigen", email="", phone="0204 1"),
         office(id="b3", operator="Diakonie", contact="nach Vereinbarung",
                programme="Soziale Stadt", source="Stadt", hours_note="nur dienstags",
                status="inactive")],  # an archived office: its status travels as attribute
    )


def round_trip(tmp_path: Path, offers, offices):
    hsds.write_hsds(hsds.to_hsds(offers, offices), tmp_path / "hsds")
    return hsds.read_hsds(tmp_path / "hsds")


def test_export_is_valid_against_the_published_hsds_3_schemas():
    offers, offices = records()
    documents = hsds.to_hsds(offers, offices)
    assert schema_errors(documents) == []
    assert len(documents[hsds.SERVICES]) == 3
    assert [o["name"] for o in documents[hsds.ORGANIZATIONS]] == [
        "Caritasverband Bottrop e. V.", "Diakonie", "Stadt Bottrop", "Verein"]


def test_the_schema_check_itself_catches_a_broken_export():
    documents = hsds.to_hsds(*records())
    service = documents[hsds.SERVICES][0]
    service["status"] = "temporarily_closed"  # our spelling, not HSDS's
    del service["schedules"][0]["id"]
    errors = schema_errors(documents)
    assert len(errors) == 2
    assert "'temporarily_closed' is not one of" in errors[0] + errors[1]


def test_round_trip_keeps_every_field(tmp_path):
    offers, offices = records()
    got_offers, got_offices = round_trip(tmp_path, offers, offices)
    # the district is derived again on import, like every import does
    assert got_offers == [replace(o, district_id=None) for o in offers]
    got_offices = sorted(got_offices, key=lambda o: o.id)  # grouped by organization
    assert got_offices == [replace(o, district_id=None) for o in offices]


def test_mapping_of_hsds_fields():
    documents = hsds.to_hsds([full_offer(district_id="B2")], [office()])
    service = documents[hsds.SERVICES][0]
    assert service["status"] == "temporarily closed"
    assert (service["minimum_age"], service["maximum_age"]) == (0.5, 10.75)
    assert service["assured_date"] == "2024-11-05"
    assert service["schedules"][1] | {"id": ""} == {
        "id": "", "service_id": service["id"], "freq": "WEEKLY", "wkst": "MO", "byday": "MO",
        "opens_at": "14:00", "closes_at": "16:00"}
    assert [lang["code"] for lang in service["languages"]] == ["de", "tr", "ar"]
    location = service["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "46236"
    fields = {a["taxonomy_term_id"]: a.get("value") for a in service["attributes"]}
    assert fields[hsds.term_id("fields", "bezirk")] == "B2"
    assert fields[hsds.term_id("fields", "lagegenauigkeit")] == "strasse"
    assert fields[hsds.term_id("fields", "demo")] == "ja"
    assert hsds.term_id("needs", "sprache") in fields
    organization = documents[hsds.ORGANIZATIONS][1]  # Stadt Bottrop
    assert organization["locations"][0]["contacts"][0]["email"] == "buero@example.org"


def test_ids_are_stable_uuids_of_our_ids():
    first = hsds.to_hsds([full_offer()], [office()])
    again = hsds.to_hsds([sparse_offer(id="o9"), full_offer()], [office()])
    assert first[hsds.SERVICES][0] == again[hsds.SERVICES][0]
    assert first[hsds.SERVICES][0]["id"] == hsds.hsds_id("service", "o1")
    assert first[hsds.ORGANIZATIONS][1]["id"] == hsds.organization_id("Stadt Bottrop")


def test_defunct_becomes_inactive(tmp_path):
    documents = hsds.to_hsds([full_offer()], [])
    documents[hsds.SERVICES][0]["status"] = "defunct"
    hsds.write_hsds(documents, tmp_path)
    offers, _ = hsds.read_hsds(tmp_path)
    assert offers[0].status == "inactive"


def test_foreign_hsds_without_our_attributes(tmp_path):
    """Another system's export: its ids become ours, a nested taxonomy term is understood,
    times with seconds and offsets and a byday list are read."""
    lat, lon = centre(1)
    org = {"id": "9c1a4f9e-1111-4a4a-8a8a-000000000001", "name": "AWO Bottrop",
           "description": ""}
    need = {"id": hsds.term_id("needs", "lernen"), "code": "lernen", "name": "Lernen",
            "description": "", "taxonomy_id": hsds.TAXONOMY_IDS["needs"]}
    service = {
        "id": "9c1a4f9e-1111-4a4a-8a8a-000000000002", "organization_id": org["id"],
        "name": "Lerncafé", "status": "active",
        "schedules": [{"id": "x", "freq": "WEEKLY", "byday": "MO,WE",
                       "opens_at": "09:00:00+01:00", "closes_at": "11:30Z"}],
        "attributes": [{"id": "a", "taxonomy_term_id": need["id"], "taxonomy_term": need}],
        "service_at_locations": [{"id": "s", "location": {
            "id": "l", "location_type": "physical", "latitude": lat, "longitude": lon}}],
    }
    (tmp_path / hsds.ORGANIZATIONS).write_text(json.dumps([org]), encoding="utf-8")
    (tmp_path / hsds.SERVICES).write_text(json.dumps({"contents": [service]}), encoding="utf-8")
    (offer,), offices = hsds.read_hsds(tmp_path)
    assert offices == []
    assert (offer.id, offer.provider, offer.needs) == (service["id"], "AWO Bottrop", ("lernen",))
    assert [(s.weekday, s.opens, s.closes) for s in offer.opening_hours] == [
        (0, "09:00", "11:30"), (2, "09:00", "11:30")]


def test_every_problem_names_file_object_and_hsds_field(tmp_path):
    offers, offices = records()
    documents = hsds.to_hsds(offers, offices)
    first, second, third = documents[hsds.SERVICES]
    first["service_at_locations"][0]["location"]["latitude"] = 48.1
    second["minimum_age"] = "zwölf"
    third["schedules"] = [{"id": "s", "freq": "MONTHLY", "byday": "2MO"}]
    third["status"] = "closed"
    documents[hsds.ORGANIZATIONS][2]["locations"][0]["latitude"] = "x"
    hsds.write_hsds(documents, tmp_path)
    with pytest.raises(ImportFailed) as failed:
        hsds.read_hsds(tmp_path)
    messages = sorted(map(str, failed.value.problems))
    assert messages == sorted([
        "services.json, Objekt 1, Feld 'service_at_locations[0].location.latitude': "
        "Breitengrad 48.1 liegt nicht bei Bottrop (erwartet 51,4 bis 51,7)",
        "services.json, Objekt 2, Feld 'minimum_age': 'zwölf' ist keine Zahl",
        "services.json, Objekt 3, Feld 'schedules': Nur wöchentliche Zeiten können "
        "übernommen werden (freq WEEKLY); gefunden: 'MONTHLY'",
        "services.json, Objekt 3, Feld 'status': Status 'closed' ist unbekannt; erlaubt "
        "sind: active, inactive, temporarily closed, defunct",
        "organizations.json, Objekt 3, Feld 'locations[].latitude': 'x' ist keine Zahl",
    ])


def test_unknown_need_and_missing_organization(tmp_path):
    documents = hsds.to_hsds([full_offer()], [])
    service = documents[hsds.SERVICES][0]
    service["organization_id"] = hsds.organization_id("Niemand")
    documents[hsds.TERMS] = [t for t in documents[hsds.TERMS] if t["taxonomy"] != "needs"]
    hsds.write_hsds(documents, tmp_path)
    with pytest.raises(ImportFailed) as failed:
        hsds.read_hsds(tmp_path)
    fields = sorted(p.field for p in failed.value.problems)
    assert fields == ["attributes (Bedarfe)", "organization_id", "organization_id"]


def test_unreadable_files(tmp_path):
    (tmp_path / hsds.SERVICES).write_text("[1, {", encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        hsds.read_hsds(tmp_path)
    messages = [str(p) for p in failed.value.problems]
    assert messages[0].startswith("organizations.json: Datei nicht gefunden")
    assert messages[1].startswith("services.json: Die Datei ist kein gültiges JSON")
    (tmp_path / hsds.ORGANIZATIONS).write_text("{}", encoding="utf-8")
    (tmp_path / hsds.SERVICES).write_text("[1]", encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        hsds.read_hsds(tmp_path)
    assert [str(p) for p in failed.value.problems] == [
        "organizations.json: Die Datei muss eine JSON-Liste von Objekten enthalten",
        "services.json, Objekt 1: Der Eintrag ist kein JSON-Objekt"]


def test_import_is_all_or_nothing_and_locates(districted, tmp_path):
    lat, lon = centre(2)
    good = full_offer(lat=lat, lon=lon)
    importer.export_hsds(districted, tmp_path / "empty")
    hsds.write_hsds(hsds.to_hsds([good], [office(lat=lat, lon=lon)]), tmp_path / "ok")
    result = importer.import_hsds(districted, tmp_path / "ok")
    assert (result.count, result.offices, result.outside) == (1, 1, 0)
    assert districted.get_offer("o1").district_id == "C3"
    assert districted.get_office("b1").district_id == "C3"
    version = districted.data_version()
    bad = hsds.to_hsds([replace(good, name="neu"),
                        sparse_offer(id="o2", lat=1.0)], [])
    hsds.write_hsds(bad, tmp_path / "bad")
    with pytest.raises(ImportFailed):
        importer.import_hsds(districted, tmp_path / "bad")
    assert districted.data_version() == version
    assert districted.get_offer("o1").name == good.name
    assert importer.export_hsds(districted, tmp_path / "again") == (1, 1)


def test_ids_are_exactly_uuid5_and_files_are_json_lists(tmp_path):
    for parts in [("service", "o1"), ("organization", "Caritas „Süd“"), ("x",)]:
        assert hsds.hsds_id(*parts) == str(uuid.uuid5(hsds.NAMESPACE, "/".join(parts)))
    documents = hsds.to_hsds([full_offer(), sparse_offer(id="o2")], [office()])
    hsds.write_hsds(documents, tmp_path)
    for name, objects in documents.items():
        assert json.loads((tmp_path / name).read_text("utf-8")) == objects
    hsds.write_hsds({hsds.SERVICES: []}, tmp_path / "empty")
    assert json.loads((tmp_path / "empty" / hsds.SERVICES).read_text("utf-8")) == []


def test_values_nested_around_the_json_limit_are_problems_never_a_crash(tmp_path):
    """Around the JSON reader's nesting limit a value is either an odd text (its checks
    apply) or the file is refused in German; no depth crashes the import."""
    hsds.write_hsds(hsds.to_hsds([full_offer(name="PLATZHALTER")], []), tmp_path)
    services = (tmp_path / hsds.SERVICES).read_text(encoding="utf-8")
    refused = 0
    for depth in range(sys.getrecursionlimit() - 200, sys.getrecursionlimit() + 10):
        nested = "[" * depth + "1" + "]" * depth
        (tmp_path / hsds.SERVICES).write_text(services.replace('"PLATZHALTER"', nested),
                                              encoding="utf-8")
        try:
            hsds.read_hsds(tmp_path)  # a short enough nesting is just an odd name
        except ImportFailed as failed:
            assert {p.file for p in failed.problems} == {hsds.SERVICES}
            refused += 1
    assert refused  # the depths reached the reader's limit
