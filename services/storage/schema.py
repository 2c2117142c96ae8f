"""The database tables as SQLAlchemy Core objects: what the repository reads and writes.

This is the current shape of the schema; the migrations in ./migrations create it, and a
test checks that both agree. Change a table only together with a new migration.

`district_id` on offers, offices and indicator values has no foreign key on purpose: a new
district layer replaces the old one, and the importer decides (and reports) which rows
still belong to the new layer, inside the same transaction (services/importer.py).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

# Deterministic constraint names, so later migrations can refer to them on every backend.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

districts = Table(
    "districts",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("stadtbezirk", String, nullable=False),
    Column("geometry_wkb", LargeBinary, nullable=False),  # EPSG:25832 (ANALYSIS_CRS)
    Column("is_demo", Boolean, nullable=False),
)

indicator_values = Table(
    "indicator_values",
    metadata,
    Column("district_id", String, primary_key=True),
    Column("indicator_key", String, primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("value", Float, nullable=False),
    Column("source", String, nullable=False),
    Column("is_demo", Boolean, nullable=False),
)

def _place_columns() -> list[Column]:
    """The columns of services.model.Place, shared by offers and offices (new objects per
    table: a Column belongs to one table)."""
    return [
        Column("lat", Float, nullable=False),
        Column("lon", Float, nullable=False),
        Column("address", String, nullable=False),
        Column("postcode", String, nullable=False),
        Column("city", String, nullable=False),
        Column("position_precision", String, nullable=False),
        Column("district_id", String),
        Column("opening_hours", Text, nullable=False),  # JSON list of [weekday, opens, closes]
        Column("hours_note", String, nullable=False),
        Column("phone", String, nullable=False),
        Column("email", String, nullable=False),
        Column("source", String, nullable=False),
        Column("is_demo", Boolean, nullable=False),
    ]


offers = Table(
    "offers",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("provider", String, nullable=False),
    Column("description", Text, nullable=False),
    Column("min_age", Float),
    Column("max_age", Float),
    Column("free_of_charge", Boolean, nullable=True),
    Column("fee_text", String, nullable=False),
    Column("barrier_free", Boolean),  # NULL: not known
    Column("website", String, nullable=False),
    Column("status", String, nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("last_verified", Date),
    *_place_columns(),
    Column("version", Integer, nullable=False, server_default="1"),  # optimistic locking
    Index(None, "district_id"),
    Index(None, "status"),
)


def _offer_codes(name: str, code_column: str) -> Table:
    """A list-valued Offer field; `position` keeps the order the tuple had."""
    return Table(
        name,
        metadata,
        Column(
            "offer_id",
            String,
            ForeignKey("offers.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(code_column, String, primary_key=True),
        Column("position", Integer, nullable=False),
    )


offer_needs = _offer_codes("offer_needs", "need_code")
offer_audiences = _offer_codes("offer_audiences", "audience_code")
offer_languages = _offer_codes("offer_languages", "language_code")

offices = Table(
    "offices",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("operator", String, nullable=False),
    Column("contact", String, nullable=False),
    Column("staff_role", String, nullable=False),
    Column("programme", String, nullable=False),
    *_place_columns(),
    Column("version", Integer, nullable=False, server_default="1"),  # optimistic locking
    # "active" or "inactive" (archived: kept, but shown to nobody outside the editing page)
    Column("status", String, nullable=False, server_default="active"),
)

# Needs that no offer met („Bedarf anmelden“), anonymous: no name, no address, no point.
# Code lists are stored ";"-joined: they are only ever read whole or counted in Python.
unmet_needs = Table(
    "unmet_needs",
    metadata,
    Column("id", String, primary_key=True),
    Column("reported_on", Date, nullable=False),
    Column("office_id", String, nullable=False),
    Column("district_id", String),  # NULL: outside every district
    Column("age_groups", String, nullable=False),
    Column("needs", String, nullable=False),
    Column("languages", String, nullable=False),
    Column("missing", String, nullable=False),
    Column("note", Text, nullable=False),
    Column("is_demo", Boolean, nullable=False),
    Index(None, "reported_on"),
    Index(None, "office_id"),
)

# Building addresses for the Lotse's offline address search (migration 0002). No family's
# address is ever stored: these are the city's buildings (Gebäudereferenzen or demo).
addresses = Table(
    "addresses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("street", String, nullable=False),
    Column("house_number", Integer, nullable=False),
    Column("suffix", String, nullable=False),
    Column("postcode", String, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("is_demo", Boolean, nullable=False),
)

# Key/value pairs about the data as a whole; `data_version` counts the writes.
meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

DATA_VERSION_KEY = "data_version"

# Planning scenarios ("Was wäre, wenn"): hypothetical offers in tables of their own, never
# mixed with `offers`. Writing them does not bump data_version: they are not part of the
# snapshot the map caches.
scenarios = Table(
    "scenarios",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("description", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),  # UTC, naive
)

scenario_offers = Table(
    "scenario_offers",
    metadata,
    Column(
        "scenario_id",
        String,
        ForeignKey("scenarios.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("position", Integer, primary_key=True),
    Column("name", String, nullable=False),
    Column("needs", String, nullable=False),  # need codes joined by ";"
    Column("min_age", Float),
    Column("max_age", Float),
    Column("audience", String, nullable=False),  # audience codes joined by ";"
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
)

# Every change of an offer or office (create, edit, archive, import, restore): written in
# the transaction of the change itself. `changes` is JSON {field: [old, new]} with the
# values as file cell text (services/io), so a version can be restored through the same
# rules as an import. `version` is the record's version after the change.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),  # UTC, naive
    Column("actor", String, nullable=False),
    Column("action", String, nullable=False),  # create, edit, archive, import, restore
    Column("record_kind", String, nullable=False),  # offer, office
    Column("record_id", String, nullable=False),
    Column("version", Integer, nullable=False),
    Column("changes", Text, nullable=False),
    Index(None, "record_kind", "record_id"),
    Index(None, "at"),
)

# Built-in accounts (services/auth.py) for installs without the city's identity provider.
# Only argon2id hashes are stored; roles are ";"-joined codes of services.auth.ROLES.
users = Table(
    "users",
    metadata,
    Column("name", String, primary_key=True),  # lower case (services.auth.normalise_name)
    Column("password_hash", String, nullable=False),
    Column("roles", String, nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),  # UTC, naive
    Column("password_changed_at", DateTime, nullable=False),  # UTC, naive
)

# Failed logins per account name and per client (a hash of the address, never the address):
# the throttle of services.auth reads and writes them; a success clears the account's row.
login_failures = Table(
    "login_failures",
    metadata,
    Column("key", String, primary_key=True),  # "name:<name>" or "client:<hash>"
    Column("failures", Integer, nullable=False),
    Column("first_failure_at", DateTime, nullable=False),  # UTC, naive
    Column("locked_until", DateTime),  # UTC, naive; NULL: not locked
)
