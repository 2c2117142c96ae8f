"""German strings of „Bedarf anmelden“: what was missing, the note check, listing and export.

The codes of what was missing are stable identifiers (database, files); only the labels here
may change.
"""

# What was missing (fehlte), code -> label, in the order of the form
MISSING_LABELS: dict[str, str] = {
    "kein_angebot": "kein passendes Angebot",
    "zu_weit": "zu weit entfernt",
    "voll": "Angebot voll / Warteliste",
    "sprache": "nicht in der Sprache der Familie",
    "zeit": "Zeiten passen nicht",
    "kosten": "zu teuer",
}

# The note check: a record stays anonymous
NOTE_EXPLANATION = (
    "Gemeldete Bedarfe bleiben anonym: bitte keine Namen, Adressen, Telefonnummern oder "
    "E-Mail-Adressen in die Notiz schreiben, nur was gefehlt hat (z. B. „Kita-Platz ab 7 Uhr“)."
)
NOTE_HAS_EMAIL = "Die Notiz enthält eine E-Mail-Adresse („{found}“)."
NOTE_HAS_PHONE = "Die Notiz enthält eine Telefonnummer („{found}“)."
NOTE_HAS_ADDRESS = "Die Notiz enthält eine Anschrift („{found}“)."
NOTE_TOO_LONG = "Die Notiz ist zu lang ({length} Zeichen, höchstens {limit})."

# Checks of a new record
NEED_REQUIRED = "Bitte mindestens einen Bedarf wählen."
MISSING_REQUIRED = "Bitte angeben, was gefehlt hat."
OFFICE_REQUIRED = "Bitte das Quartiersbüro angeben."
UNKNOWN_CODES = "Unbekannte Angabe bei „{field}“: {codes}."
FIELD_AGE_GROUPS = "Altersgruppen"
FIELD_NEEDS = "Bedarfe"
FIELD_LANGUAGES = "Sprachen"
FIELD_MISSING = "Was fehlte"

# Listing for the office and its export (column headers)
PERIOD_THIS_MONTH = "dieser Monat"
PERIOD_LAST_MONTH = "letzter Monat"
OUTSIDE_DISTRICTS = "außerhalb der Bezirke"
COLUMN_DATE = "Datum"
COLUMN_OFFICE = "Quartiersbüro"
COLUMN_DISTRICT = "Bezirk"
COLUMN_AGE_GROUPS = "Altersgruppen"
COLUMN_NEEDS = "Bedarfe"
COLUMN_LANGUAGES = "Sprachen"
COLUMN_MISSING = "Was fehlte"
COLUMN_NOTE = "Notiz"
COLUMN_DEMO = "Demo"
EXPORT_SHEET_TITLE = "Gemeldete Bedarfe"
EXPORT_UNKNOWN_FORMAT = "Unbekanntes Exportformat „{suffix}“ (möglich: .csv, .xlsx)."
