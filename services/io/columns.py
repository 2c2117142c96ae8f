"""The file formats' column names (German, as the city's staff write them) and codes.

One table per record type maps the German column in CSV/XLSX files and GeoJSON properties to
the model's field. Import and export both use these tables, so an exported file imports
again unchanged. docs/data-formats.md describes each column for people.

List values (needs, audience, languages) are separated by ";". Opening hours are written
"Mo 09:00-12:00; Mi 14:00-17:00" (see services/io/hours.py). Dates as 2024-05-31 or
31.05.2024. Booleans as ja/nein (also true/false, 1/0, x).
"""

from __future__ import annotations

# The columns of services.model.Place, shared by offer and office files: where, when, source.
PLACE_COLUMNS: dict[str, str] = {
    "adresse": "address",
    "plz": "postcode",
    "ort": "city",
    "lat": "lat",
    "lon": "lon",
    "lagegenauigkeit": "position_precision",
    "oeffnungszeiten": "opening_hours",
    "oeffnungszeiten_hinweis": "hours_note",
}
CONTACT_COLUMNS: dict[str, str] = {"telefon": "phone", "email": "email"}
PROVENANCE_COLUMNS: dict[str, str] = {"quelle": "source", "demo": "is_demo"}

# German file column -> model field (services.model.Offer)

OFFER_COLUMNS: dict[str, str] = {
    "id": "id",
    "name": "name",
    "traeger": "provider",
    "beschreibung": "description",
    "bedarfe": "needs",
    "min_alter": "min_age",
    "max_alter": "max_age",
    "zielgruppe": "audience",
    **PLACE_COLUMNS,
    "kostenlos": "free_of_charge",
    "kosten_hinweis": "fee_text",
    "sprachen": "languages",
    "barrierefrei": "barrier_free",
    **CONTACT_COLUMNS,
    "website": "website",
    "status": "status",
    "gueltig_von": "valid_from",
    "gueltig_bis": "valid_to",
    "zuletzt_geprueft": "last_verified",
    **PROVENANCE_COLUMNS,
}
OFFER_REQUIRED = ("id", "name", "traeger", "bedarfe", "lat", "lon")
OFFER_READ_ONLY = ("bezirk_id", "bezirk", "stadtbezirk")  # written by the export, ignored on import

# German file column -> model field (services.model.Office)
OFFICE_COLUMNS: dict[str, str] = {
    "id": "id",
    "name": "name",
    "traeger": "operator",
    **PLACE_COLUMNS,
    **CONTACT_COLUMNS,
    "kontakt": "contact",
    "rolle": "staff_role",
    "programm": "programme",
    "status": "status",  # optional: aktiv (default) or inaktiv (archived)
    **PROVENANCE_COLUMNS,
}
OFFICE_REQUIRED = ("id", "name", "traeger", "lat", "lon")

# Long indicator tables: one row per district, indicator and year.
INDICATOR_COLUMNS: dict[str, str] = {
    "bezirk": "district",  # district id or name
    "indikator": "indicator_key",
    "jahr": "year",
    "wert": "value",
    "quelle": "source",
    "demo": "is_demo",
}
INDICATOR_REQUIRED = ("bezirk", "indikator", "jahr", "wert")

# Default property names of a district layer (selectable on import).
DISTRICT_ID_FIELD = "id"
DISTRICT_NAME_FIELD = "name"
DISTRICT_STADTBEZIRK_FIELD = "stadtbezirk"

# German file codes <-> model codes
PRECISION_CODES: dict[str, str] = {
    "exakt": "exact",
    "strasse": "street",
    "ungefaehr": "approximate",
}
STATUS_CODES: dict[str, str] = {
    "aktiv": "active",
    "inaktiv": "inactive",
    "voruebergehend_geschlossen": "temporarily_closed",
}
OFFICE_STATUS_CODES: dict[str, str] = {"aktiv": "active", "inaktiv": "inactive"}
