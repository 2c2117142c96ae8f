"""Open Referral HSDS 3.0 exchange: offers and offices <-> a directory of JSON files.

The directory mirrors the collection endpoints of the HSDS 3.0 API (openapi.json), one
JSON list per file, each element a full object valid against the published schema:
  organizations.json   organization (from provider/operator names) with its offices as
                       `locations` (addresses, phones, schedules, contacts, attributes)
  services.json        one service per offer: phones, schedules, languages, attributes and
                       exactly one service_at_location with its nested location
  taxonomies.json      our three taxonomies: needs, audiences, fields
  taxonomy_terms.json  their terms
JSON, not the tabular CSV package: the published 3.0 schemas are JSON schemas of these
nested objects (the CSV package is derived from them), the API that HSDS 3.0 tools consume
speaks this JSON, and nesting keeps an offer and its location together.

Fields HSDS has no place for (our id, position precision, district, free of charge, …)
travel as `attribute`s of the term of our "fields" taxonomy whose code is the German column
name of the import files; `value` holds the text the import files would hold. Import turns
every service/location back into such a row and runs the SAME row rules as a CSV import
(services/io/records.parse_table), so a value HSDS lets through but our rules do not is
refused with file, object and HSDS field named. Ids are UUIDv5 of our ids (stable across
exports); organizations' ids come from their names.

Status: ours active/inactive/temporarily_closed <-> HSDS active/inactive/"temporarily
closed"; an imported "defunct" service becomes inactive (we archive, never delete). An
HSDS location has no status: an office's (aktiv/inaktiv) travels as a field attribute.
Opening hours: one WEEKLY schedule per slot, byday MO…SU, opens_at/closes_at in local time
(Europe/Berlin, without offset: a weekly slot keeps its wall-clock time across DST).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from services.io.cells import cell_number_text
from services.io.errors import (
    ImportFailed,
    ImportProblem,
    file_problem,
    load_json,
    raise_if_any,
)
from services.io.limits import check_file_size, limits
from services.io.offers import OFFER_SPEC
from services.io.offices import OFFICE_SPEC
from services.io.records import RecordSpec, parse_table, record_cells
from services.io.tables import Row, Table, cell_problem, decode
from services.model import WEEKDAYS, Offer, Office, OpeningSlot
from services.taxonomy import AUDIENCES, NEEDS
from services.texts import exchange as t
from services.texts import validation as v
from services.texts.ui import LANGUAGE_NAMES

NAMESPACE = uuid.UUID("6f1f7f4e-2f43-5c39-9a57-6b0a7d1e0b17")  # never change: ids derive
_NAMESPACE_BYTES = NAMESPACE.bytes
ORGANIZATIONS, SERVICES = "organizations.json", "services.json"
TAXONOMIES, TERMS = "taxonomies.json", "taxonomy_terms.json"
STATE, COUNTRY = "Nordrhein-Westfalen", "DE"

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index = OpeningSlot.weekday
STATUS_TO_HSDS = {"active": "active", "inactive": "inactive",
                  "temporarily_closed": "temporarily closed"}
STATUS_FROM_HSDS = {hsds: ours for ours, hsds in STATUS_TO_HSDS.items()} | {"defunct": "inactive"}

# German columns that travel as attributes of the fields taxonomy ("bezirk" is exported for
# readers but derived again from the position on import, like every import does).
OFFER_FIELDS = ("id", "lagegenauigkeit", "bezirk", "oeffnungszeiten_hinweis", "kostenlos",
                "barrierefrei", "gueltig_von", "gueltig_bis", "quelle", "demo")
OFFICE_FIELDS = ("id", "lagegenauigkeit", "bezirk", "oeffnungszeiten_hinweis", "kontakt",
                 "rolle", "programm", "status", "quelle", "demo")
FIELD_CODES = tuple(dict.fromkeys(OFFER_FIELDS + OFFICE_FIELDS))

_LOCATION = "service_at_locations[0].location"
_ADDRESS = f"{_LOCATION}.addresses[0]"
# Where each German column lives in a service (for messages naming the HSDS field).
OFFER_PLACES = {
    "name": "name", "traeger": "organization_id", "beschreibung": "description",
    "bedarfe": "attributes (Bedarfe)", "zielgruppe": "attributes (Zielgruppen)",
    "min_alter": "minimum_age", "max_alter": "maximum_age",
    "adresse": f"{_ADDRESS}.address_1", "plz": f"{_ADDRESS}.postal_code",
    "ort": f"{_ADDRESS}.city", "lat": f"{_LOCATION}.latitude", "lon": f"{_LOCATION}.longitude",
    "oeffnungszeiten": "schedules", "kosten_hinweis": "fees_description",
    "sprachen": "languages", "telefon": "phones", "email": "email", "website": "url",
    "status": "status", "zuletzt_geprueft": "assured_date",
}
OFFICE_PLACES = {
    "name": "locations[].name", "traeger": "name",
    "adresse": "locations[].addresses[0].address_1",
    "plz": "locations[].addresses[0].postal_code", "ort": "locations[].addresses[0].city",
    "lat": "locations[].latitude", "lon": "locations[].longitude",
    "oeffnungszeiten": "locations[].schedules", "telefon": "locations[].phones",
    "email": "locations[].contacts[0].email",
}
_TIME = re.compile(r"(\d{1,2}:\d{2})(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?")


def hsds_id(*parts: str) -> str:
    """A stable UUID for one of our things: the same record gets the same id every time.

    Exactly uuid.uuid5(NAMESPACE, "/".join(parts)), computed without building UUID
    objects: an export makes ~30 ids per offer, and uuid.UUID() was most of its time.
    """
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


TAXONOMY_IDS = {key: hsds_id("taxonomy", key) for key in ("needs", "audience", "fields")}


@lru_cache(maxsize=256)
def term_id(taxonomy: str, code: str) -> str:
    return hsds_id("taxonomy_term", taxonomy, code)


# --- export ----------------------------------------------------------------------------


def to_hsds(offers: Iterable[Offer], offices: Iterable[Office]) -> dict[str, list[dict]]:
    """File name -> list of HSDS objects, sorted for stable output."""
    offers = sorted(offers, key=lambda o: o.id)
    offices = sorted(offices, key=lambda o: o.id)
    names = sorted({o.provider for o in offers} | {o.operator for o in offices})
    locations: dict[str, list[dict]] = {name: [] for name in names}
    for office in offices:
        locations[office.operator].append(_office_location(office))
    organizations = [
        {"id": organization_id(name), "name": name, "description": "",
         **({"locations": locations[name]} if locations[name] else {})}
        for name in names
    ]
    return {ORGANIZATIONS: organizations, SERVICES: [_service(o) for o in offers],
            TAXONOMIES: _taxonomies(), TERMS: _terms()}


def write_hsds(documents: dict[str, list[dict]], directory: Path) -> None:
    """Write the files (UTF-8) into `directory`, creating it when needed.

    One compact object per line: a third smaller and three times faster than indented
    JSON for 10,000 offers, and a diff of two exports still shows which records changed.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name, objects in documents.items():
        lines = (json.dumps(o, ensure_ascii=False, separators=(",", ":")) for o in objects)
        (directory / name).write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")


def organization_id(name: str) -> str:
    return hsds_id("organization", name)


def _service(offer: Offer) -> dict:
    sid = hsds_id("service", offer.id)
    location = _location(hsds_id("location", "offer", offer.id), offer)
    return {
        "id": sid, "organization_id": organization_id(offer.provider), "name": offer.name,
        "description": offer.description, "status": STATUS_TO_HSDS[offer.status],
        **_present(url=offer.website, email=offer.email, fees_description=offer.fee_text,
                   minimum_age=offer.min_age, maximum_age=offer.max_age,
                   assured_date=offer.last_verified and offer.last_verified.isoformat()),
        "phones": _phones("service_id", sid, offer.phone),
        "schedules": _schedules("service_id", sid, offer.opening_hours),
        "languages": [
            {"id": hsds_id("language", sid, code), "service_id": sid, "code": code,
             **_present(name=LANGUAGE_NAMES.get(code))}
            for code in offer.languages
        ],
        "attributes": [
            *(_attribute(sid, "service", "needs", code) for code in offer.needs),
            *(_attribute(sid, "service", "audience", code) for code in offer.audience),
            *_field_attributes(sid, "service", record_cells(offer, OFFER_SPEC), offer,
                               OFFER_FIELDS),
        ],
        "service_at_locations": [{
            "id": hsds_id("service_at_location", offer.id), "service_id": sid,
            "location_id": location["id"], "location": location,
        }],
    }


def _office_location(office: Office) -> dict:
    lid = hsds_id("location", "office", office.id)
    location = _location(lid, office)
    location["organization_id"] = organization_id(office.operator)
    location["phones"] = _phones("location_id", lid, office.phone)
    location["schedules"] = _schedules("location_id", lid, office.opening_hours)
    if office.email:
        location["contacts"] = [{"id": hsds_id("contact", lid), "location_id": lid,
                                 "email": office.email}]
    cells = record_cells(office, OFFICE_SPEC)
    location["attributes"] = list(_field_attributes(lid, "location", cells, office,
                                                    OFFICE_FIELDS))
    return location


def _location(lid: str, record: Offer | Office) -> dict:
    address = {
        "id": hsds_id("address", lid), "location_id": lid, "address_1": record.address,
        "city": record.city, "state_province": STATE, "postal_code": record.postcode,
        "country": COUNTRY, "address_type": "physical",
    }
    return {"id": lid, "location_type": "physical", "name": record.name,
            "latitude": record.lat, "longitude": record.lon, "addresses": [address]}


def _phones(owner_key: str, owner: str, number: str) -> list[dict]:
    return [{"id": hsds_id("phone", owner), owner_key: owner, "number": number}] if number else []


def _schedules(owner_key: str, owner: str, slots: tuple[OpeningSlot, ...]) -> list[dict]:
    return [
        {"id": hsds_id("schedule", owner, str(i)), owner_key: owner, "freq": "WEEKLY",
         "wkst": "MO", "byday": BYDAY[s.weekday], "opens_at": s.opens, "closes_at": s.closes}
        for i, s in enumerate(slots)
    ]


def _attribute(link_id: str, entity: str, taxonomy: str, code: str, value: str | None = None):
    return {"id": hsds_id("attribute", link_id, taxonomy, code), "link_id": link_id,
            "link_type": taxonomy, "link_entity": entity,
            "taxonomy_term_id": term_id(taxonomy, code), **_present(value=value)}


def _field_attributes(link_id: str, entity: str, cells: dict[str, Any],
                      record: Offer | Office, codes: tuple[str, ...]):
    """Our fields without an HSDS place, as attributes holding the import-file text."""
    cells = cells | {"bezirk": record.district_id}
    for code in codes:
        if cells.get(code) not in (None, ""):
            yield _attribute(link_id, entity, "fields", code, str(cells[code]))


def _present(**values: Any) -> dict:
    """Only the values that are set: HSDS omits unknown fields rather than sending ""."""
    return {k: val for k, val in values.items() if val not in (None, "")}


def _taxonomies() -> list[dict]:
    texts = {"needs": (t.HSDS_TAXONOMY_NEEDS, t.HSDS_TAXONOMY_NEEDS_DESCRIPTION),
             "audience": (t.HSDS_TAXONOMY_AUDIENCE, t.HSDS_TAXONOMY_AUDIENCE_DESCRIPTION),
             "fields": (t.HSDS_TAXONOMY_FIELDS, t.HSDS_TAXONOMY_FIELDS_DESCRIPTION)}
    return [{"id": TAXONOMY_IDS[key], "name": name, "description": description,
             "version": "1"} for key, (name, description) in texts.items()]


def _terms() -> list[dict]:
    catalogue = {
        "needs": [(n.code, n.label, n.label) for n in NEEDS],
        "audience": [(code, label, label) for code, label in AUDIENCES.items()],
        "fields": [(code, code, t.HSDS_FIELD_DESCRIPTIONS[code]) for code in FIELD_CODES],
    }
    return [
        {"id": term_id(key, code), "code": code, "name": name, "description": description,
         "taxonomy": key, "taxonomy_id": TAXONOMY_IDS[key], "language": "de"}
        for key, terms in catalogue.items()
        for code, name, description in terms
    ]


# --- import ----------------------------------------------------------------------------


def read_hsds(directory: Path) -> tuple[list[Offer], list[Office]]:
    """Offers and offices of an HSDS directory (district_id None), or ImportFailed.

    organizations.json and services.json are required; taxonomy_terms.json is read when
    present (attributes may also nest their taxonomy_term). Every problem of every file
    is collected before anything is refused.
    """
    directory = Path(directory)
    problems: list[ImportProblem] = []
    organizations = _load(directory / ORGANIZATIONS, problems)
    services = _load(directory / SERVICES, problems)
    terms = _load(directory / TERMS, problems) if (directory / TERMS).exists() else []
    raise_if_any(problems)
    lookup = _term_lookup(terms)
    org_names = {_key(o.get("id")): str(o.get("name") or "") for o in organizations}
    offer_rows = [_offer_row(i, s, org_names, lookup, problems)
                  for i, s in enumerate(services, 1)]
    taken = {_key(_location_of(s).get("id")) for s in services} - {None}
    office_rows = [
        _office_row(i, org, location, lookup, problems)
        for i, org in enumerate(organizations, 1)
        for location in _objects(org.get("locations"))
        if _key(location.get("id")) not in taken
    ]
    offers = _parse(SERVICES, offer_rows, OFFER_SPEC, OFFER_PLACES, problems)
    offices = _parse(ORGANIZATIONS, office_rows, OFFICE_SPEC, OFFICE_PLACES, problems)
    raise_if_any(problems)
    return offers, offices


def _load(path: Path, problems: list[ImportProblem]) -> list[dict]:
    """The objects of one file; a page of the HSDS API ({"contents": [...]}) also works.

    The same limits as every import: file size and number of records before reading on.
    """
    if not path.is_file():
        problems.append(file_problem(path, v.FILE_NOT_FOUND.format(path=path)))
        return []
    try:
        check_file_size(path)
        data = load_json(path, decode(path.read_bytes(), path))
    except ImportFailed as failed:
        problems.extend(failed.problems)
        return []
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if not isinstance(data, list):
        problems.append(file_problem(path, t.HSDS_NOT_A_LIST))
        return []
    if len(data) > limits().rows:
        problems.append(file_problem(path, v.LIMIT_ROWS.format(limit=limits().rows)))
        return []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            problems.append(ImportProblem(path.name, i, None, t.HSDS_NOT_AN_OBJECT,
                                          kind="features"))
    return [item if isinstance(item, dict) else {} for item in data]


def _key(value: Any) -> Any:
    """A JSON value usable as an id to look up; a list or object (never an id) is None."""
    return None if isinstance(value, (list, dict)) else value


def _objects(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _term_lookup(terms: list[dict]) -> dict[str, tuple[str, str]]:
    """Term id -> (our taxonomy key, code) for the terms of our three taxonomies."""
    keys = {tid: key for key, tid in TAXONOMY_IDS.items()}
    return {_key(term.get("id")): (keys[_key(term.get("taxonomy_id"))], str(term.get("code") or ""))
            for term in terms if _key(term.get("taxonomy_id")) in keys}


def _codes(attributes: list[dict], lookup: dict[str, tuple[str, str]]) -> dict[str, list]:
    """Our taxonomy key -> [(code, value)] of the attributes, in their order."""
    found: dict[str, list] = {"needs": [], "audience": [], "fields": []}
    for attribute in attributes:
        nested = attribute.get("taxonomy_term")
        if isinstance(nested, dict) and _key(nested.get("id")) not in lookup:
            lookup = lookup | _term_lookup([nested])
        key, code = lookup.get(_key(attribute.get("taxonomy_term_id")), (None, None))
        if key is not None:
            found[key].append((code, _text(attribute.get("value"))))
    return found


def _offer_row(line: int, service: dict, org_names: dict, lookup: dict,
               problems: list[ImportProblem]) -> Row:
    """One service as the German columns of an offers file (cell texts)."""
    def problem(field: str, message: str) -> None:
        problems.append(ImportProblem(SERVICES, line, field, message, kind="features"))

    places = _objects(service.get("service_at_locations"))
    if len(places) != 1 or not isinstance(places[0].get("location"), dict):
        problem("service_at_locations", t.HSDS_LOCATIONS.format(count=len(places)))
    location = _location_of(service)
    codes = _codes(_objects(service.get("attributes")), lookup)
    org = service.get("organization_id")
    provider = org_names.get(_key(org))
    if provider is None and isinstance(service.get("organization"), dict):
        provider = _text(service["organization"].get("name"))
    if provider is None and org not in (None, ""):
        problem("organization_id", t.HSDS_UNKNOWN_ORGANIZATION.format(value=org))
    status = _text(service.get("status"))
    if status and status not in STATUS_FROM_HSDS:
        allowed = ", ".join(STATUS_FROM_HSDS)
        problem("status", t.HSDS_BAD_STATUS.format(value=status, allowed=allowed))
    values = {
        "id": _text(service.get("id")), "name": _text(service.get("name")),
        "traeger": provider or "", "beschreibung": _text(service.get("description")),
        "bedarfe": "; ".join(code for code, _ in codes["needs"]),
        "zielgruppe": "; ".join(code for code, _ in codes["audience"]),
        "min_alter": _text(service.get("minimum_age")),
        "max_alter": _text(service.get("maximum_age")),
        **_place_values(location),
        "oeffnungszeiten": _hours(service.get("schedules"), problem),
        "kosten_hinweis": _text(service.get("fees_description")),
        "sprachen": "; ".join(_text(lang.get("code"))
                              for lang in _objects(service.get("languages"))),
        "telefon": _phone_text(service.get("phones")),
        "email": _text(service.get("email")), "website": _text(service.get("url")),
        "status": STATUS_FROM_HSDS.get(status, ""),
        "zuletzt_geprueft": _text(service.get("assured_date")),
    }
    return Row(line, values | _field_values(codes, OFFER_FIELDS))


def _office_row(line: int, org: dict, location: dict, lookup: dict,
                problems: list[ImportProblem]) -> Row:
    """One office location of an organization as the German columns of an offices file."""
    def problem(field: str, message: str) -> None:
        problems.append(ImportProblem(ORGANIZATIONS, line, f"locations[].{field}", message,
                                      kind="features"))

    codes = _codes(_objects(location.get("attributes")), lookup)
    contacts = _objects(location.get("contacts"))
    values = {
        "id": _text(location.get("id")), "name": _text(location.get("name")),
        "traeger": _text(org.get("name")), **_place_values(location),
        "oeffnungszeiten": _hours(location.get("schedules"), problem),
        "telefon": _phone_text(location.get("phones")),
        "email": next((_text(c.get("email")) for c in contacts if c.get("email")), ""),
    }
    return Row(line, values | _field_values(codes, OFFICE_FIELDS))


def _location_of(service: dict) -> dict:
    places = _objects(service.get("service_at_locations"))
    location = places[0].get("location") if places else None
    return location if isinstance(location, dict) else {}


def _place_values(location: dict) -> dict[str, str]:
    addresses = _objects(location.get("addresses"))
    address = addresses[0] if addresses else {}
    return {"adresse": _text(address.get("address_1")),
            "plz": _text(address.get("postal_code")), "ort": _text(address.get("city")),
            "lat": _text(location.get("latitude")), "lon": _text(location.get("longitude"))}


def _field_values(codes: dict[str, list], columns: tuple[str, ...]) -> dict[str, str]:
    """Our field attributes as column texts; the id attribute wins over the HSDS id."""
    values = {code: value for code, value in codes["fields"] if code in columns}
    values.pop("bezirk", None)  # derived from the position, as in every import
    return {k: val for k, val in values.items() if val}


def _hours(schedules: Any, problem) -> str:
    """WEEKLY schedules as the opening-hours text of the import files ("Mo 09:00-12:00")."""
    entries = []
    for schedule in _objects(schedules):
        freq = _text(schedule.get("freq"))
        if freq.upper() != "WEEKLY":
            problem("schedules", t.HSDS_BAD_FREQ.format(value=freq))
            continue
        opens, closes = (_clock(schedule.get(k)) for k in ("opens_at", "closes_at"))
        for day in _text(schedule.get("byday")).split(","):
            day = day.strip().upper()
            if day not in BYDAY:
                problem("schedules", t.HSDS_BAD_BYDAY.format(value=day))
                continue
            entries.append(f"{WEEKDAYS[BYDAY.index(day)]} {opens}-{closes}")
    return "; ".join(entries)


def _clock(value: Any) -> str:
    """HH:MM from "09:00", "09:00:00" or "09:00+01:00"; anything else is left for the rule."""
    text = _text(value)
    match = _TIME.fullmatch(text)
    return match.group(1) if match else text


def _phone_text(phones: Any) -> str:
    return " / ".join(_text(p.get("number")) for p in _objects(phones) if p.get("number"))


def _text(value: Any) -> str:
    """A JSON value as cell text: numbers without ".0", booleans ja/nein, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, (int, float)):
        return cell_number_text(value, decimal_comma=False)
    return str(value).strip()


def _parse(file: str, rows: list[Row], spec: RecordSpec, places: dict[str, str],
           problems: list[ImportProblem]) -> list:
    """The rows through the import files' rules; problems name the HSDS field.

    Cells are checked as a table's are (NUL, length): SQLite would cut a name at NUL,
    PostgreSQL refuse it.
    """
    if len(rows) > limits().rows:
        problems.append(file_problem(file, v.LIMIT_ROWS.format(limit=limits().rows)))
        return []
    table = Table(file, list(spec.columns), rows, kind="features")
    cell_limit = limits().cell_chars
    table.problems = [ImportProblem(file, row.line, name, message, kind="features")
                      for row in rows for name, text in row.values.items()
                      if (message := cell_problem(text, cell_limit))]
    records, found = parse_table(table, spec)
    problems.extend(
        replace(p, field=places.get(p.field, f"attributes ({p.field})")) if p.field else p
        for p in found
    )
    return records

