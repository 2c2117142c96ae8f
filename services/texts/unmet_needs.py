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
NOTE_HAS_NAME = "Die Notiz enthält einen Namen („{found}“)."
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

# The form „Bedarf anmelden“ and the office's listing (ui/components/unmet_needs.py)
FORM_TITLE = "Bedarf anmelden"
FORM_INTRO = (
    "Für diesen Bedarf gibt es kein passendes Angebot? Melden Sie ihn anonym – ohne Namen "
    "und ohne Anschrift. Die Meldungen helfen bei der Planung neuer Angebote."
)
FORM_OFFICE = "Quartiersbüro"
FORM_DISTRICT = "Bezirk"
FORM_DISTRICT_FROM_POINT = "Bezirk: {name} (aus der Lage berechnet, die Adresse wird nicht gespeichert)"
FORM_DISTRICT_UNKNOWN = "unbekannt / außerhalb"
FORM_AGE_GROUPS = "Altersgruppen der Kinder"
FORM_NEEDS = "Bedarfe"
FORM_LANGUAGES = "Sprachen der Familie"
FORM_MISSING = "Was fehlte?"
FORM_NOTE = "Notiz (freiwillig, ohne Namen und Adressen)"
FORM_DATE = "Datum"
FORM_SUBMIT = "Bedarf anmelden"
FORM_CHOOSE = "bitte wählen"
FORM_SAVED = "Der Bedarf wurde anonym gespeichert. Danke!"
FORM_REFUSED = "Nicht gespeichert:"
LISTING_TITLE = "Gemeldete Bedarfe dieses Büros"
LISTING_COUNT = "{label} ({start} – {end}): {count} Meldungen"
LISTING_EMPTY = "Keine Meldungen in diesem Zeitraum."
LISTING_DEMO = "Enthält Demo-Einträge (erfunden)."
EXPORT_CSV = "CSV (Excel)"
EXPORT_XLSX = "XLSX"
EXPORT_FILE_NAME = "gemeldete-bedarfe-{start}"

# Without the role „Lotse“ the form is not shown
FORM_LOGIN_REQUIRED = "„Bedarf anmelden“ steht angemeldeten Lotsinnen und Lotsen zur Verfügung."
