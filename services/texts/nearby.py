"""German strings of the Lotse's address search and nearby offers (services/addresses.py,
services/nearest.py). Templates use str.format placeholders.
"""

CITY = "Bottrop"

# Address candidates (services/addresses.py, MatchKind)
MATCH_NEAREST_NUMBER = (
    "Hausnummer {requested} nicht im Adressverzeichnis – nächstgelegene Hausnummer {used}"
)
MATCH_STREET_MIDDLE = "ohne Hausnummer: Mitte der Straße"
DEMO_ADDRESSES = "Demo-Adressen (ungefähre Lage)"

# Walking distance (services/nearest.py)
DISTANCE_M = "ca. {metres} m"
DISTANCE_KM = "ca. {km} km"
WALK = "{distance}, ca. {minutes} Min. zu Fuß"
DISTANCE_CHOICE_M = "{metres} m"
DISTANCE_CHOICE_KM = "{km} km"

# Why a result fits (ReasonKind), and what does not fit
REASON_CHILD = "für das Kind ({age})"
REASON_CHILD_NOT = "nicht für das Kind ({age})"
REASON_PARENTS = "für Eltern und Familien"
REASON_NEED = "hilft bei: {label}"
REASON_LANGUAGE = "auf {language}"
REASON_LANGUAGE_MISSING = "nur {languages}"
REASON_FREE = "kostenlos"
REASON_BARRIER_FREE = "barrierefrei"
REASON_OPEN = "geöffnet {weekday} {clock} Uhr"
REASON_ON_REQUEST = "Termine nach Vereinbarung"
REASON_HOURS_UNKNOWN = "Öffnungszeiten nicht bekannt – bitte erfragen"
REASON_STALE = "zuletzt geprüft vor über {months} Monaten"
REASON_STARTS = "beginnt erst am {date}"
REASON_UNTIL = "nur bis {date}"
AGE_YEARS = "{age} J."
AGE_BABY = "unter 1 J."

# When nothing fits within the chosen distance
NOTHING_WITHIN = (
    "Im Umkreis von {distance} passt kein Angebot. Die nächsten passenden Angebote "
    "liegen weiter entfernt:"
)
NOTHING_AT_ALL = "Kein Angebot passt zu diesen Angaben – auch nicht weiter entfernt."

# The Lotse's map (services/map/nearby.py): our own constant labels only, no data text
MAP_HOME = "Ausgangspunkt"
MAP_RING = "Fußweg {distance}"
MAP_NUMBER = "Nr. {number} – siehe Liste"

# The Lotse page (pages/lotse.py, ui/components/nearby_*.py)
PAGE_TITLE = "Lotse"
PAGE_HEADING = "Lotse – Angebote in der Nähe"
PAGE_PRIVACY = (
    "Adresse und Angaben der Familie bleiben nur in dieser Sitzung: nicht in der Adresszeile, "
    "nicht in der Datenbank, nicht im Protokoll. „Neue Beratung“ löscht sie."
)
NEW_CONSULTATION = "Neue Beratung"
NEW_CONSULTATION_HELP = "Löscht Adresse, Kinder und alle Angaben dieser Beratung."
START_KIND = "Ausgangspunkt"
START_ADDRESS = "Adresse der Familie"
START_OFFICE = "Quartiersbüro"
START_OFFER = "ein Angebot"
START_MAP = "Punkt in der Karte"
MAP_POINT_HINT = "Klicken Sie in die Karte, wo die Familie wohnt (ungefähr genügt)."
MAP_POINT_LABEL = "angeklickter Punkt in der Karte"
ADDRESS_INPUT = "Straße und Hausnummer"
ADDRESS_PLACEHOLDER = "z. B. Feuerbachstr. 13"
ADDRESS_SEARCH = "Adresse suchen"
ADDRESS_CANDIDATES = "Treffer – bitte bestätigen"
ADDRESS_NONE = (
    "Keine passende Straße gefunden. Bitte Schreibweise prüfen oder ein Quartiersbüro als "
    "Ausgangspunkt wählen."
)
ADDRESS_NO_TABLE = (
    "Es sind noch keine Adressen geladen (python -m services.cli import addresses DATEI). "
    "Bitte ein Quartiersbüro oder ein Angebot als Ausgangspunkt wählen."
)
OFFICE_CHOICE = "Quartiersbüro"
OFFER_CHOICE = "Angebot"
START_CHOSEN = "Ausgangspunkt: {label}"
CHILD_AGES = "Alter der Kinder"
CHILD_AGES_HELP = "Mehrere Kinder: jedes Alter wählen (z. B. 4 und 13)."
AGES_PLACEHOLDER = "Alter wählen"
NEEDS_PLACEHOLDER = "alle – zum Eingrenzen wählen"
LANGUAGES_PLACEHOLDER = "Sprachen wählen"
NEEDS = "Bedarfe"
LANGUAGES = "Sprachen der Familie"
LANGUAGE_REQUIRED = "nur in diesen Sprachen"
ONLY_FREE = "nur kostenlose"
BARRIER_FREE = "nur barrierefreie"
OPEN_AT = "Geöffnet"
OPEN_ANY = "egal"
OPEN_NOW = "jetzt"
OPEN_AT_TIME = "am …"
OPEN_WEEKDAY = "Wochentag"
WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
OPEN_TIME = "Uhrzeit"
MAX_DISTANCE = "Höchstens (Fußweg)"
CHOOSE_START = (
    "Bitte zuerst einen Ausgangspunkt wählen: Adresse suchen und bestätigen, einen Punkt in "
    "der Karte, ein Quartiersbüro oder ein Angebot."
)
RESULTS = "Passende Angebote"
RESULTS_COUNT = "{count} passende Angebote, nach Fußweg sortiert (Luftlinie × 1,3)"
RESULTS_NEAREST_OF = (
    "die {shown} nächsten von {total} passenden Angeboten, nach Fußweg sortiert (Luftlinie × 1,3)"
)
RESULTS_MORE = "weitere anzeigen"
MY_OFFICE = "Mein Quartiersbüro"
MY_OFFICE_HELP = (
    "Sein Kontakt steht auf dem Infoblatt; für dieses Büro wird ein Bedarf angemeldet und "
    "seine gemeldeten Bedarfe werden aufgelistet. Bleibt bei „Neue Beratung“ erhalten."
)
RESULT_FITS = "passt: {reasons}"
RESULT_MISSES = "beachten: {reasons}"
RESULT_DETAILS = "Details"
REASON_SEPARATOR = " · "

# The Merkliste (shortlist) on the Lotse page, and what follows from it
SHORTLIST = "Merkliste"
SHORTLIST_ADD = "Auf die Merkliste"
SHORTLIST_ON = "✓ auf der Merkliste"
SHORTLIST_EMPTY = "Noch leer: „Auf die Merkliste“ bei einem Ergebnis anklicken."
SHORTLIST_NOTE = "Notiz zu {name} (erscheint auf dem Infoblatt)"
SHORTLIST_UP = "↑ hoch"
SHORTLIST_DOWN = "↓ runter"
SHORTLIST_REMOVE = "✕ weg"
SHORTLIST_UP_HELP = "eine Stelle nach oben"
SHORTLIST_DOWN_HELP = "eine Stelle nach unten"
SHORTLIST_REMOVE_HELP = "von der Merkliste nehmen"
SHORTLIST_GONE = "(nicht mehr im Verzeichnis)"
NEEDS_SECTION = "Bedarf anmelden und gemeldete Bedarfe"
