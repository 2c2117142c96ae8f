"""German message templates of import, validation and the admin CLI, all in one place.

People fix their files from these messages, so each one names what was found and what is
expected. Templates use str.format placeholders; code never builds German text elsewhere.
"""

from __future__ import annotations

# --- where a problem is (services/io/errors.py) ------------------------------------------
WHERE_SHEET = "Blatt '{sheet}'"
WHERE_ROW = "Zeile {row}"
WHERE_FEATURE = "Objekt {row}"
WHERE_COLUMN = "Spalte '{field}'"
WHERE_PROPERTY = "Feld '{field}'"

# --- files and tables --------------------------------------------------------------------
FILE_NOT_FOUND = "Datei nicht gefunden: {path}"
UNSUPPORTED_FORMAT = (
    "Dateiformat '{suffix}' wird nicht unterstützt; erlaubt sind: {allowed}"
)
FILE_UNREADABLE = (
    "Datei lässt sich nicht lesen: sie ist beschädigt oder hat nicht das Format, das ihre "
    "Endung '{suffix}' verspricht"
)
JSON_INVALID = "Die Datei ist kein gültiges JSON (Zeile {line}, Spalte {column})"
JSON_TOO_DEEP = (
    "Die Datei ist zu tief verschachtelt, um sie als JSON zu lesen; bitte die Datei prüfen"
)
JSON_VALUE_TOO_DEEP = (
    "Ein Wert ist zu tief verschachtelt; erwartet wird ein Text, eine Zahl oder eine Liste davon"
)
JSON_NOT_AN_OBJECT = "Erwartet wird ein JSON-Objekt (Namen mit Werten), gefunden: {kind}"
FEATURE_NOT_AN_OBJECT = (
    "Der Eintrag ist kein GeoJSON-Feature (ein JSON-Objekt mit „geometry“ und „properties“), "
    "sondern {kind}"
)
JSON_KINDS = {"list": "eine Liste", "str": "ein Text", "int": "eine Zahl", "float": "eine Zahl",
              "bool": "ein Wahrheitswert", "NoneType": "null"}
JSON_KIND_OTHER = "ein anderer Wert"
FILE_EMPTY = "Die Datei enthält keine Daten"
SHEET_SKIPPED = "Blatt ohne Spalte 'bezirk' wurde übersprungen"
EMPTY_HEADER = "Spalte {position} hat keine Überschrift, enthält aber Werte"
DUPLICATE_HEADER = "Die Spaltenüberschrift kommt mehrfach vor"
MISSING_COLUMN = "Pflichtspalte fehlt (vorhandene Spalten: {available})"
UNKNOWN_COLUMN = "Unbekannte Spalte (Tippfehler?); erlaubt sind: {allowed}"
NO_FEATURES = "Die Datei enthält keine Objekte"

# --- cell values ---------------------------------------------------------------------------
REQUIRED_VALUE = "Wert fehlt (Pflichtfeld)"
NOT_A_NUMBER = "'{value}' ist keine Zahl"
NOT_A_WHOLE_NUMBER = "'{value}' ist keine ganze Zahl (Tausenderpunkte bitte weglassen)"
NOT_A_YEAR = "'{value}' ist keine Jahreszahl (erwartet z. B. 2023)"
NOT_A_DATE = "'{value}' ist kein Datum (erwartet 2024-05-31 oder 31.05.2024)"
NOT_A_BOOLEAN = "'{value}' ist kein Ja/Nein-Wert (erwartet ja, nein, true, false, 1, 0 oder x)"
OUT_OF_RANGE = "{value} liegt nicht zwischen {low} und {high}"
LAT_OUTSIDE = "Breitengrad {value} liegt nicht bei Bottrop (erwartet {low} bis {high})"
LON_OUTSIDE = "Längengrad {value} liegt nicht bei Bottrop (erwartet {low} bis {high})"
LAT_LON_SWAPPED = " – sind lat und lon vertauscht?"
AGE_ORDER = "min_alter ({low}) ist größer als max_alter ({high})"
DATE_ORDER = "gueltig_von ({start}) liegt nach gueltig_bis ({end})"
UNKNOWN_CODE = "'{value}' ist unbekannt; erlaubt sind: {allowed}"
EMPTY_LIST = "Mindestens ein Wert nötig"
BAD_LANGUAGE = "'{value}' ist kein Sprachcode (2–3 Buchstaben, z. B. de, tr, ar)"
BAD_EMAIL = "'{value}' ist keine E-Mail-Adresse (ein @ fehlt)"
BAD_WEBSITE = "'{value}' muss mit http:// oder https:// beginnen"
DUPLICATE_ID = "Die ID '{value}' kommt mehrfach vor (zuerst in {first})"

# --- opening hours (services/io/hours.py) ------------------------------------------------
HOURS_BAD_ENTRY = (
    "'{value}' ist keine Öffnungszeit (erwartet z. B. 'Mo 09:00-12:00; "
    "Mo-Fr 14:00-16:00')"
)
HOURS_BAD_DAY = "'{value}' ist kein Wochentag (erwartet Mo, Di, Mi, Do, Fr, Sa, So)"
HOURS_BAD_TIME = "'{value}' ist keine Uhrzeit (erwartet z. B. 09:00)"
HOURS_ORDER = "In '{value}' liegt die Öffnung nicht vor der Schließung"
HOURS_BAD_DAY_RANGE = "'{value}' ist kein Bereich von Wochentagen (z. B. Mo-Fr)"

# --- geometries (services/io/districts.py, services/io/records.py) ------------------------
NO_CRS = (
    "Die Datei hat kein Koordinatenbezugssystem; bitte mit Bezugssystem speichern "
    "(z. B. EPSG:25832)"
)
CRS_UNUSABLE = (
    "Das Koordinatenbezugssystem „{crs}“ ist unbekannt oder lässt sich nicht umrechnen; "
    "bitte z. B. EPSG:25832 oder EPSG:4326 angeben"
)
NO_GEOMETRY = "Objekt ohne Geometrie"
NOT_A_POINT = "Geometrie ist ein {kind}, erwartet wird ein Punkt"
NOT_A_POLYGON = "Geometrie ist ein {kind}, erwartet wird eine Fläche (Polygon)"
GEOMETRY_EMPTY = "Die Geometrie ist leer"
GEOMETRY_REPAIRED = "Ungültige Geometrie ({reason}) wurde repariert"
GEOMETRY_UNREPAIRABLE = "Ungültige Geometrie ({reason}) lässt sich nicht reparieren"
GEOMETRY_REASONS = {
    "Ring Self-intersection": "Ring überschneidet sich selbst",
    "Self-intersection": "Umring überschneidet sich selbst",
    "Too few points": "zu wenige Punkte",
    "Hole lies outside shell": "Loch liegt außerhalb der Fläche",
    "Holes are nested": "Löcher liegen ineinander",
    "Interior is disconnected": "Innenraum ist zerteilt",
    "Nested shells": "Flächen liegen ineinander",
    "Duplicate Rings": "doppelte Ringe",
    "Invalid Coordinate": "ungültige Koordinate",
    "Ring is not closed": "Ring ist nicht geschlossen",
}
GEOMETRY_REASON_OTHER = "Geometriefehler"
FIELD_MISSING = "Feld fehlt in der Datei (vorhandene Felder: {available})"
DUPLICATE_DISTRICT_ID = "Die Bezirks-ID '{value}' kommt mehrfach vor (zuerst in Objekt {first})"
DUPLICATE_DISTRICT_NAME = (
    "Der Bezirksname '{value}' kommt mehrfach vor (zuerst in Objekt {first})"
)

# --- indicators (services/io/indicators.py) ----------------------------------------------
NO_DISTRICTS_YET = (
    "Es sind noch keine Bezirke geladen; bitte zuerst "
    "'python -m services.cli import districts DATEI' ausführen"
)
UNKNOWN_DISTRICT = "Bezirk '{value}' ist unbekannt (weder ID noch Name eines Bezirks)"
AMBIGUOUS_DISTRICT = "Bezirk '{value}' passt auf mehrere Bezirke: {matches}"
UNKNOWN_INDICATOR = "Indikator '{value}' ist unbekannt; erlaubt sind: {allowed}"
NO_YEAR = (
    "Kein Jahr angegeben: bitte eine Spalte 'jahr' einfügen oder das Blatt nach dem "
    "Jahr benennen (z. B. '2023')"
)
PERCENT_RANGE = "{value} liegt nicht zwischen 0 und 100 (Prozentwert)"
COUNT_NEGATIVE = "{value} ist negativ (Anzahl)"
DUPLICATE_VALUE = (
    "Wert für Bezirk '{district}', Indikator '{indicator}', Jahr {year} kommt mehrfach vor "
    "(zuerst in {first})"
)
DEFAULT_SOURCE = "Import aus {file} am {date}"
SOURCE_DEFAULTED = (
    "Keine Quelle angegeben (Spalte 'quelle' fehlt oder ist leer); als Quelle wird "
    "'{source}' eingetragen"
)
SOURCE_PARTLY_DEFAULTED = (
    "{count} Zeilen ohne Quelle; dort wird '{source}' eingetragen"
)
EMPTY_CELLS_SKIPPED = "{count} Zellen ohne Wert wurden übersprungen (keine Daten)"

# --- addresses (services/io/addresses.py, services/io/gebref.py) ------------------------
BAD_HOUSE_NUMBER = (
    "'{value}' ist keine Hausnummer (eine ganze Zahl ab 1; einen Zusatz wie „a“ bitte in "
    "die Spalte 'zusatz')"
)
BAD_SUFFIX = "'{value}' ist kein Hausnummernzusatz (erwartet Buchstaben wie a oder b)"
DUPLICATE_ADDRESS = "Die Adresse '{value}' kommt mehrfach vor (zuerst in {first})"
GEBREF_WIDTH = (
    "Die Zeile hat {count} Felder; erwartet werden {expected} (Gebäudereferenzen, durch ';' "
    "getrennt)"
)
GEBREF_LAYOUT = (
    "Unbekanntes Format: die erste Zeile hat {count} Felder. Erwartet werden die "
    "Gebäudereferenzen NRW mit 21 Feldern (EPSG:25832) oder 15 Feldern "
    "(NBA;OI;QUA;LAN;RBZ;KRS;GMD;OTT;SSS;HNR;ADZ;E;N;STN;Datum, EPSG:4647) oder eine "
    "Adresstabelle mit der Kopfzeile strasse;hausnummer;zusatz;plz;lat;lon (Spalte demo "
    "freiwillig)"
)
# a file of 6 or 7 fields without a header: most likely an address table that lost it
GEBREF_LAYOUT_NO_HEADER = (
    " – hat die Adresstabelle ihre Kopfzeile verloren? Bitte als erste Zeile "
    "strasse;hausnummer;zusatz;plz;lat;lon einfügen"
)
GEBREF_NO_MEMBER = (
    "Im ZIP-Archiv fehlt die Datei gebref.txt (enthalten: {members})"
)
GEBREF_COORDINATE = (
    "Koordinate {east} / {north} liegt nicht bei Bottrop (Ostwert und Nordwert in "
    "EPSG:25832 erwartet, beim 15-Felder-Format mit vorangestellter Zone 32)"
)
GEBREF_NO_ROWS = (
    "Die Datei enthält keine Adressen der Gemeinde {key} (Bottrop); {other} Zeilen anderer "
    "Gemeinden wurden übersprungen"
)
GEBREF_DUPLICATES = "{count} doppelte Adressen wurden nur einmal übernommen (z. B. {example})"
GEBREF_MORE_PROBLEMS = "… und {count} weitere Probleme in dieser Datei (nicht mehr einzeln erfasst)"
LIMIT_GEBREF_SIZE = (
    "Die Gebäudereferenzen umfassen {size} MB (ZIP-Dateien entpackt gerechnet); erlaubt sind "
    "höchstens {limit} MB (Grenze QA_LIMIT_GEBREF_MB)"
)

# --- importer (services/importer.py) -----------------------------------------------------
OUTSIDE_DISTRICTS = (
    "'{name}' (ID {id}) liegt in keinem Bezirk; der Eintrag wird ohne Bezirk gespeichert"
)
NO_DISTRICTS_TO_LOCATE = (
    "Es sind noch keine Bezirke geladen; alle Einträge werden ohne Bezirk gespeichert und "
    "beim Laden der Bezirke zugeordnet"
)
VALUES_KEPT = "Bezirk {id} „{name}“: {count} Indikatorwert(e) behalten (ID und Name gleich)"
VALUES_DROPPED_RENAMED = (
    "Bezirk {id}: {count} Indikatorwert(e) verworfen – die ID hieß bisher „{old}“, jetzt "
    "„{new}“; die Werte gehören zur alten Gliederung (Karte: „keine Daten“)"
)
VALUES_DROPPED_GONE = (
    "Bezirk {id} „{old}“: {count} Indikatorwert(e) verworfen – die neue Bezirksebene "
    "enthält diese ID nicht"
)
LAYER_NOT_BOTTROP = (
    "Die Bezirksebene passt nicht zu Bottrop: sie deckt {covered} % des Stadtgebiets ab "
    "(nötig: mindestens {min_covered} %) und reicht {beyond} km² über die Stadt hinaus "
    "(erlaubt: {max_beyond} km²). {location} {cause}"
)
LAYER_LOCATION = (
    "Die Flächen liegen um {lat}° N, {lon}° O, etwa {distance} km vom Bottroper Rathaus "
    "entfernt."
)
LAYER_NOWHERE = (
    "Die Bezirksebene passt nicht zu Bottrop: ihre Koordinaten ergeben keinen gültigen Ort "
    "auf der Erde. {cause}"
)
CAUSE_DEGREES_AS_METRES = (
    "Wahrscheinliche Ursache: die Koordinaten sind Längen-/Breitengrade (WGS84), die Datei "
    "gibt aber ein metrisches Bezugssystem ({crs}) an – bitte das Bezugssystem EPSG:4326 "
    "zuweisen statt umzurechnen."
)
POINTS_DEGREES_AS_METRES = (
    "Die Koordinaten sind Längen-/Breitengrade (WGS84), die Datei gibt aber ein metrisches "
    "Bezugssystem ({crs}) an; bitte den Eintrag 'crs' entfernen oder EPSG:4326 angeben"
)
CAUSE_METRES_AS_DEGREES = (
    "Wahrscheinliche Ursache: die Koordinaten sind Meter (z. B. EPSG:25832), die Datei gibt "
    "aber Längen-/Breitengrade ({crs}) an – bitte das richtige Bezugssystem zuweisen."
)
CAUSE_WRONG_FILE = (
    "Wahrscheinliche Ursache: eine falsche Datei (andere Stadt oder Ebene) oder ein falsches "
    "Bezugssystem ({crs})."
)
CAUSE_PARTIAL = (
    "Wahrscheinliche Ursache: die Datei enthält nur einen Teil der Stadt oder eine größere "
    "Region; bitte die Ebene der statistischen Bezirke Bottrops verwenden."
)

# --- CLI (services/cli.py) ---------------------------------------------------------------
CLI_DESCRIPTION = (
    "Verwaltung des Quartiersatlas Bottrop: Daten importieren und exportieren. "
    "Die Datenbank kommt aus DATABASE_URL (ohne Angabe: die eingebaute SQLite-Datei)."
)
CLI_USAGE_PREFIX = "Aufruf: "
CLI_POSITIONALS = "Argumente"
CLI_OPTIONALS = "Optionen"
CLI_COMMANDS = "Befehle"
CLI_HELP = "diese Hilfe anzeigen und beenden"
CLI_IMPORT = "eine Datei in die Datenbank laden (alles oder nichts)"
CLI_IMPORT_KIND = "was importiert wird"
CLI_IMPORT_DISTRICTS = (
    "Bezirksgrenzen laden (GeoJSON, GeoPackage oder gezipptes Shapefile); ersetzt die "
    "bisherige Bezirksebene und ordnet alle Angebote und Büros neu zu"
)
CLI_IMPORT_INDICATORS = "Indikatorwerte laden (CSV oder XLSX, lange oder breite Form)"
CLI_IMPORT_OFFERS = "Angebote laden oder aktualisieren (CSV, XLSX oder GeoJSON)"
CLI_IMPORT_OFFICES = "Quartiersbüros laden oder aktualisieren (CSV, XLSX oder GeoJSON)"
CLI_IMPORT_ADDRESSES = (
    "Adressen für die Adresssuche laden: Gebäudereferenzen NRW (gebref.txt, auch als ZIP) "
    "oder CSV (strasse; hausnummer; zusatz; plz; lat; lon); ersetzt alle Adressen"
)
CLI_EXPORT = "Daten aus der Datenbank in eine Datei schreiben"
CLI_EXPORT_KIND = "was exportiert wird"
CLI_EXPORT_OFFERS = "alle Angebote exportieren; Format nach Endung: .csv, .xlsx, .geojson"
CLI_EXPORT_DISTRICTS = (
    "Bezirkstabelle (alle Kennzahlen, Status und Dynamik, Versorgungslücke für alle Bedarfe "
    "zusammen oder --bedarf, 1 km Fußweg, alle Altersgruppen) exportieren; Format nach "
    "Endung: .csv, .xlsx (Tabelle mit Metadaten), .geojson, .gpkg (Karte für QGIS)"
)
CLI_EXPORT_GAPS = (
    "Versorgungslücken je Bezirk und Bedarf (1 km Fußweg, alle Altersgruppen) exportieren; "
    "Format nach Endung: .csv, .xlsx, .geojson, .gpkg"
)
CLI_YEAR = "Datenjahr (Standard: das neueste)"
CLI_NEED = "nur dieser Bedarf (Code, z. B. lernen; Standard: alle)"
CLI_CRS = "Koordinatensystem der Karte: 25832 (UTM, Standard) oder 4326 (WGS84)"
CLI_EXPORT_FORMAT = "Unbekanntes Format „{suffix}“. Möglich: {allowed}."
CLI_NO_FOLDER = "Der Ordner {folder} existiert nicht."
CLI_NO_DISTRICTS = "Es sind keine Bezirke geladen; erst `import districts` ausführen."
CLI_NO_YEAR = "Für das Jahr {year} gibt es keine Kennzahlen. Vorhanden: {years}."
CLI_DONE_EXPORT_DISTRICTS = "{count} Bezirke nach {path} geschrieben."
CLI_DONE_EXPORT_GAPS = "{count} Zeilen (Bezirk × Bedarf) nach {path} geschrieben."
CLI_SEED_DEMO = (
    "Datenbank leeren und die Demo-Daten aus geodata/ laden (nur für Test und Vorführung)"
)
CLI_FILE = "Pfad der Datei"
CLI_ID_FIELD = "Feld mit der Bezirks-ID (Standard: {default})"
CLI_NAME_FIELD = "Feld mit dem Bezirksnamen (Standard: {default})"
CLI_STADTBEZIRK_FIELD = "Feld mit dem Stadtbezirk (Standard: {default}, optional)"
CLI_ERROR = "Fehler: {message}"
CLI_ARGPARSE_ERRORS = (  # (argparse's English message as regex, German template)
    (r"the following arguments are required: (.*)", "Es fehlen Angaben: {}"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
     "{}: {} ist nicht möglich (erlaubt: {})"),
    (r"unrecognized arguments: (.*)", "Unbekannte Angaben: {}"),
    (r"argument (.*?): expected one argument", "{}: ein Wert fehlt"),
    (r"argument (.*?): invalid int value: (.*)", "{}: {} ist keine ganze Zahl"),
)
CLI_INVALID_INPUT = (
    "{count} Problem(e) gefunden; die Datenbank wurde nicht verändert:"
)
CLI_UNEXPECTED = "Unerwarteter Fehler: {message}"
CLI_INTERRUPTED = "Abgebrochen; die Datenbank wurde nicht verändert."
CLI_DONE_DISTRICTS = (
    "{count} Bezirke geladen; {offers} Angebote und {offices} Büros neu zugeordnet."
)
CLI_DONE_INDICATORS = "{count} Indikatorwerte geladen ({districts} Bezirke, Jahre {years})."
CLI_DONE_OFFERS = "{count} Angebote geladen ({outside} ohne Bezirk)."
CLI_DONE_OFFICES = "{count} Büros geladen ({outside} ohne Bezirk)."
CLI_DONE_ADDRESSES_TABLE = "{count} Adressen geladen."
CLI_DONE_ADDRESSES = (
    "{count} Adressen geladen ({other} Zeilen anderer Gemeinden übersprungen, "
    "{removed} entfallene Gebäude ausgelassen)."
)
CLI_DONE_EXPORT = "{count} Angebote nach {path} geschrieben."
CLI_DONE_SEED = (
    "Demo-Daten geladen: {districts} Bezirke, {indicators} Indikatorwerte, "
    "{offices} Büros, {offers} Angebote, {unmet_needs} gemeldete Bedarfe, {addresses} Adressen."
)
CLI_WARNINGS = "{count} Hinweis(e):"
CLI_OUTSIDE_AFTER_SWAP = (
    "Achtung: {outside} Angebote und Büros liegen in keinem Bezirk der neuen Ebene "
    "(einzeln in den Hinweisen); die Karte zeigt sie ohne Bezirk."
)
CLI_VALUES_AFTER_SWAP = "Indikatorwerte nach dem Wechsel der Bezirksebene:"
CLI_DATABASE_FAULT = "Datenbankfehler: {message}"

# --- database faults (services/storage/errors.py); shown by the CLI and the app ----------
# No SQL, no parameters, no driver text: those go to the debug log only.
DB_UNAVAILABLE = (
    "Die Datenbank ist gerade nicht erreichbar. Bitte in einigen Minuten erneut versuchen; "
    "hält der Zustand an, bitte die Administration benachrichtigen."
)
DB_READ_ONLY = (
    "Die Datenbank ist schreibgeschützt: es kann nur gelesen, nichts gespeichert werden. "
    "Bitte die Schreibrechte der Datenbank (bzw. der SQLite-Datei und ihres Ordners) prüfen."
)
DB_DISK_FULL = (
    "Der Speicherplatz der Datenbank ist voll; es wurde nichts gespeichert. "
    "Bitte Platz schaffen und den Vorgang wiederholen."
)
DB_BUSY = (
    "Die Datenbank ist durch eine andere Änderung (z. B. einen laufenden Import) belegt; "
    "nach {seconds} Warten wurde abgebrochen, es wurde nichts gespeichert. "
    "Bitte später erneut versuchen."
)
DB_DAMAGED = (
    "Die Datenbankdatei ist beschädigt oder keine SQLite-Datenbank. Bitte aus einer "
    "Sicherung wiederherstellen (siehe docs/operations.md)."
)
DB_FAILED = (
    "Die Datenbank hat einen unerwarteten Fehler gemeldet; es wurde nichts gespeichert. "
    "Einzelheiten stehen im Debug-Protokoll (Umgebungsvariable QA_LOG_LEVEL=DEBUG)."
)

# --- limits and damaged files (services/io/limits.py, services/io/tables.py) -------------
LIMIT_FILE_SIZE = (
    "Die Datei ist {size} MB groß; erlaubt sind höchstens {limit} MB (Grenze QA_LIMIT_FILE_MB)"
)
LIMIT_UNPACKED_SIZE = (
    "Die Datei entpackt sich auf {size} MB; erlaubt sind höchstens {limit} MB "
    "(Grenze QA_LIMIT_UNPACKED_MB)"
)
LIMIT_ROWS = (
    "Die Datei hat mehr als {limit} Datenzeilen; bitte aufteilen (Grenze QA_LIMIT_ROWS)"
)
LIMIT_COLUMNS = "Die Tabelle hat {count} Spalten; erlaubt sind höchstens {limit} (Grenze QA_LIMIT_COLUMNS)"
LIMIT_CELL = (
    "Der Text ist {length} Zeichen lang; erlaubt sind höchstens {limit} Zeichen "
    "(Grenze QA_LIMIT_CELL_CHARS)"
)
LIMIT_FEATURES = (
    "Die Datei hat {count} Objekte; eine Bezirksebene darf höchstens {limit} haben "
    "(Grenze QA_LIMIT_FEATURES)"
)
LIMIT_VERTICES_FEATURE = (
    "Die Fläche hat {count} Stützpunkte; erlaubt sind höchstens {limit} "
    "(Grenze QA_LIMIT_VERTICES_PER_FEATURE); bitte im GIS vereinfachen"
)
LIMIT_VERTICES = (
    "Die Flächen haben zusammen {count} Stützpunkte; erlaubt sind höchstens {limit} "
    "(Grenze QA_LIMIT_VERTICES); bitte im GIS vereinfachen"
)
LIMIT_SHP_SIZE = (
    "Die Geometrien der Shapefile ({member}) sind {size} MB groß; mit höchstens {vertices} "
    "Stützpunkten (Grenze QA_LIMIT_VERTICES) sind es höchstens {limit} MB; bitte im GIS "
    "vereinfachen"
)
LIMIT_SHARED_STRINGS = (
    "Der Textteil {part} der Excel-Datei entpackt sich auf {size} MB; erlaubt sind höchstens "
    "{limit} MB (Grenze QA_LIMIT_SHARED_STRINGS_MB)"
)
LIMIT_FAR_COLUMN = (
    "Die Tabelle hat eine Zelle {cell} jenseits der erlaubten {limit} Spalten (Grenze "
    "QA_LIMIT_COLUMNS); bitte die Spalten rechts der Daten löschen"
)
LIMIT_OFFERS = (
    "Nach dem Import wären {count} Angebote in der Datenbank; erlaubt sind höchstens {limit} "
    "(Grenze QA_LIMIT_OFFERS); es wurde nichts gespeichert"
)
SECONDS_ONE = "{count} Sekunde"
SECONDS_MANY = "{count} Sekunden"
REPAIR_TOO_COSTLY = (
    "Die ungültigen Geometrien ließen sich nicht in {seconds} und {mb} MB Speicher "
    "reparieren (Grenzen QA_LIMIT_REPAIR_SECONDS, QA_LIMIT_REPAIR_MB); bitte die Flächen im "
    "GIS prüfen und reparieren"
)
ENCODING_UNSUPPORTED = (
    "Kodierung nicht unterstützt ({encoding}); bitte als „CSV UTF-8“ oder „CSV "
    "(Trennzeichen-getrennt)“ speichern"
)
NUL_CHARACTER = "Der Text enthält ein Nullzeichen (Steuerzeichen \\0); bitte entfernen"
CSV_BROKEN = (
    "Die CSV-Struktur ist fehlerhaft; bitte Anführungszeichen und Zeilenumbrüche in dieser "
    "Zeile prüfen"
)
FORMULA_WITHOUT_VALUE = (
    "Formel ohne gespeicherten Wert; bitte die Datei in Excel öffnen, neu berechnen und "
    "speichern (oder die Formel durch ihren Wert ersetzen)"
)
EXCEL_ERROR_VALUE = "Die Zelle enthält den Excel-Fehler {value}"
MORE_PROBLEMS = "… und {count} weitere Problem(e) (nur die ersten {shown} sind aufgeführt)"

# --- settings from the environment (services/config.py) ---------------------------------
SETTING_INVALID = "Die Umgebungsvariable {name} muss {kind} größer als 0 sein, nicht „{value}“"
SETTING_NUMBER = "eine Zahl"
SETTING_WHOLE_NUMBER = "eine ganze Zahl"
SETTING_LOG_LEVEL = "Die Umgebungsvariable QA_LOG_LEVEL muss einer von {levels} sein, nicht „{value}“"
