"""German strings of the app's pages and sidebar: one place, so they can be translated.

Templates use str.format placeholders. Map-internal strings are in texts/mapping.py, import
and validation messages in texts/validation.py.
"""

APP_TITLE = "Quartiersatlas Bottrop"
APP_SUBTITLE = "Kinderarmut und Hilfsangebote in Bottrops Stadtteilen – auf einer Karte"
PAGE_MAP = "Karte"

# Demo labels: shown wherever demo data is on screen
DEMO_BANNER = (
    "**Demo-Daten.** Angebote, Kennzahlen und Bezirksgrenzen sind zum großen Teil erfunden "
    "und dienen nur zur Vorführung. Echte Anlaufstellen sind als „echt“ gekennzeichnet."
)
DEMO_DISTRICTS = "Demo-Gliederung, schematische Grenzen"
DEMO_VALUES = "Demo-Werte (synthetisch), keine amtlichen Zahlen"
DEMO_ITEM = "Demo-Eintrag (erfunden)"
REAL_ITEM = "echte Anlaufstelle"

# Sidebar filters
SIDEBAR_FILTERS = "Angebote filtern"
FILTER_AGE = "Altersgruppe"
FILTER_NEED = "Bedarf"
FILTER_DISTRICT = "Bezirk"
FILTER_LANGUAGE = "Sprache des Angebots"
FILTER_TEXT = "Freitext"
CHOOSE = "alle – zum Eingrenzen wählen"
FILTER_TEXT_HELP = (
    "Sucht in Name, Träger, Beschreibung, Adresse, Bedarfen, Sprachen und Bezirk – "
    "z. B. „Arabisch“ oder „Welheim“."
)
FILTER_FREE = "nur kostenlose"
FILTER_ACTIVE = "nur aktive"
FILTER_RESET = "Alle Filter zurücksetzen"
ACTIVE_FILTERS = "Aktive Filter (zum Entfernen anklicken):"
CHIP_TEXT = "Suche: „{text}“"
CHIP_FREE = "nur kostenlose"
CHIP_INACTIVE = "auch inaktive"
CHIP_REMOVE_HELP = "Filter entfernen"

# Map page
MAP_INDICATOR = "Kennzahl"
MAP_YEAR = "Jahr"
MAP_CLASSIFICATION = "Klassen"
CLASSIFICATION_LABELS = {
    "quantile": "Quantile (gleich viele Bezirke je Klasse)",
    "jenks": "Natürliche Brüche (Fisher-Jenks)",
    "gleich": "Gleiche Intervalle",
}
MAP_CLASS_SCOPE = "Klassengrenzen"
CLASS_SCOPE_LABELS = {
    "alle": "fest über alle Jahre (Jahre vergleichbar)",
    "jahr": "je Jahr neu (nur dieses Jahr)",
}
MAP_COUNT = "**{shown}** von {total} Angeboten passen zu den Filtern"
EMPTY_DATABASE = (
    "Die Datenbank ist noch leer. Laden Sie die Bezirke, Kennzahlen und Angebote mit der "
    "Kommandozeile, z. B. `python -m services.cli import districts bezirke.gpkg` – oder "
    "`python -m services.cli seed-demo` für die Demo-Daten (siehe README)."
)
MAP_NO_INDICATOR_DATA = "Für diese Kennzahl liegen noch keine Werte vor – die Bezirke sind grau."
MAP_ASSETS_MISSING = (
    "Die Kartenbibliothek fehlt auf dem Server: bitte einmal "
    "`python scripts/install_assets.py` ausführen. Fehlende Dateien: {files}"
)
MAP_NEED_KEY = "Legende der Angebote"
MAP_CLICK_HINT = "Klicken Sie auf ein Angebot oder ein Quartiersbüro, um Details zu sehen."
MAP_DEFINITION = "Definition"
MAP_SOURCE = "Quelle: {source} · Stand {year}"
NOTICE_UNKNOWN_INDICATOR = (
    "Die Kennzahl „{value}“ aus dem Link gibt es nicht – angezeigt wird „{replacement}“."
)
NOTICE_UNKNOWN_YEAR = "Für das Jahr {value} aus dem Link gibt es keine Werte – angezeigt wird {replacement}."
# Other link values that do not exist (services/urlstate.link_notices)
NOTICE_UNKNOWN_CLASSES = (
    "Die Klasseneinteilung „{value}“ aus dem Link gibt es nicht – angezeigt wird „{replacement}“."
)
NOTICE_UNKNOWN_SCOPE = (
    "Die Klassengrenzen „{value}“ aus dem Link gibt es nicht – angezeigt wird „{replacement}“."
)
NOTICE_INVALID_FLAG = (
    "Der Wert „{value}“ für „{field}“ im Link ist ungültig – angezeigt wird „{replacement}“."
)
NOTICE_UNKNOWN_VALUES = "Unbekannte Werte für „{field}“ aus dem Link weggelassen: {values}."

# Details panel
DETAILS_TITLE = "Details"
DETAILS_CLOSE = "Schließen"
DETAILS_PROVIDER = "Träger"
DETAILS_NEEDS = "Bedarfe"
DETAILS_AGES = "Alter"
DETAILS_AUDIENCE = "Zielgruppe"
DETAILS_HOURS = "Öffnungszeiten"
DETAILS_ADDRESS = "Adresse"
DETAILS_CONTACT = "Kontakt"
DETAILS_COSTS = "Kosten"
DETAILS_LANGUAGES = "Sprachen"
DETAILS_BARRIER_FREE = "Barrierefrei"
DETAILS_STATUS = "Status"
DETAILS_VERIFIED = "Zuletzt geprüft"
# An offer not verified within QA_STALE_MONTHS (services/freshness.py)
STALE_SINCE = "nicht mehr geprüft seit {date}"
STALE_NEVER = "noch nie geprüft"
DETAILS_SOURCE = "Quelle"
DETAILS_DISTRICT = "Bezirk"
DETAILS_ROLE = "Ansprechperson"
DETAILS_PROGRAMME = "Programm"
DETAILS_NOT_FOUND = "Dieser Eintrag ist nicht (mehr) vorhanden."
DETAILS_POSITION_APPROX = "Lage auf der Karte ungefähr"
DETAILS_POSITION_STREET = "Lage auf der Karte straßengenau"
DISTRICT_VALUE = "{value} (Stadtdurchschnitt {average})"
DISTRICT_OFFERS = "{count} passende Angebote in diesem Bezirk"
DETAILS_OFFERS = "Angebote"

AGES_ALL = "alle Altersgruppen (keine Altersangabe)"
AGES_RANGE = "{lo} bis {hi} Jahre"
AGES_FROM = "ab {lo} Jahren"
AGES_UP_TO = "bis {hi} Jahre"
FREE = "kostenlos"
NOT_FREE = "kostenpflichtig"
COSTS_UNKNOWN = "nicht bekannt"
YES = "ja"
NO = "nein"
UNKNOWN = "unbekannt"
STATUS_LABELS = {
    "active": "aktiv",
    "inactive": "inaktiv",
    "temporarily_closed": "vorübergehend geschlossen",
}
LANGUAGE_NAMES = {
    "de": "Deutsch", "en": "Englisch", "tr": "Türkisch", "ar": "Arabisch", "ru": "Russisch",
    "pl": "Polnisch", "uk": "Ukrainisch", "ku": "Kurdisch", "fa": "Persisch", "ro": "Rumänisch",
    "bg": "Bulgarisch", "it": "Italienisch", "fr": "Französisch", "es": "Spanisch",
    "el": "Griechisch", "sq": "Albanisch", "sr": "Serbisch", "hr": "Kroatisch", "bs": "Bosnisch",
    "ti": "Tigrinya", "so": "Somali", "prs": "Dari", "ps": "Paschtu",
}

# Offer list under the map (services/offer_table.py, ui/components/offer_table.py)
TABLE_TITLE = "Passende Angebote als Liste"
FRAME_NAMES = {  # accessible names of component frames, by the title Streamlit gives them
    "streamlit_folium.st_folium": "Karte der Stadtteile mit Angeboten und Quartiersbüros",
}
SKIP_MAP = "Karte überspringen – zur Angebotsliste"
TABLE_HINT = "Zeile wählen: Angebot auf der Karte markieren und Details zeigen. Spaltenkopf: sortieren."
TABLE_ALT = "Passende Angebote; eine Zeile wählen zeigt das Angebot auf der Karte"
TABLE_NAME = "Name"
TABLE_NEEDS = "Bedarfe"
TABLE_AGES = "Alter"
TABLE_DISTRICT = "Bezirk"
TABLE_ADDRESS = "Adresse"
TABLE_LANGUAGES = "Sprachen"
TABLE_COSTS = "Kosten"
TABLE_STATUS = "Status"
TABLE_VERIFIED = "Prüfung"
TABLE_SHEET = "Angebote"
TABLE_FILE = "quartiersatlas-angebote"
DOWNLOAD_CSV = "Liste als CSV (Excel)"
DOWNLOAD_XLSX = "Liste als XLSX"

# No offer matches
NO_RESULTS = "Kein Angebot passt zu allen Filtern."
NO_RESULTS_LOOSEN = "Ohne den Filter „{field}“ wären es {count}."
NO_RESULTS_NOTHING = "Auch ohne einzelne Filter passt nichts – bitte alle Filter zurücksetzen."
LOOSEN_BUTTON = "Filter „{field}“ entfernen"
# Database outage (the message itself comes from services/texts/validation.py)
DATABASE_RETRYING = "Die Seite versucht es alle {seconds} Sekunden erneut und lädt sich selbst neu."
