"""German texts of data exchange and safety: HSDS export/import and backup/restore.

Kept apart from validation.py so the exchange vocabulary (taxonomy names that travel in
exported files, refusal messages of a restore) is found in one place.
"""

from __future__ import annotations

# --- HSDS 3.0 (services/io/hsds.py) -------------------------------------------------------
# Names and descriptions of our taxonomies as they appear in taxonomies.json/taxonomy_terms.json
HSDS_TAXONOMY_NEEDS = "Quartiersatlas Bottrop: Bedarfe"
HSDS_TAXONOMY_NEEDS_DESCRIPTION = "Wobei ein Angebot Familien hilft (feste Codes, siehe Glossar)."
HSDS_TAXONOMY_AUDIENCE = "Quartiersatlas Bottrop: Zielgruppen"
HSDS_TAXONOMY_AUDIENCE_DESCRIPTION = "Für wen ein Angebot gedacht ist."
HSDS_TAXONOMY_FIELDS = "Quartiersatlas Bottrop: Felder"
HSDS_TAXONOMY_FIELDS_DESCRIPTION = (
    "Angaben des Quartiersatlas, für die HSDS kein eigenes Feld hat; der Wert steht im "
    "Attribut (value), geschrieben wie in den Import-Dateien (docs/data-formats.md)."
)
HSDS_FIELD_DESCRIPTIONS: dict[str, str] = {
    "id": "Eigene, stabile ID des Datensatzes im Quartiersatlas",
    "lagegenauigkeit": "Genauigkeit der Position: exakt, strasse oder ungefaehr",
    "bezirk": "Statistischer Bezirk (aus der Position abgeleitet; beim Import neu bestimmt)",
    "oeffnungszeiten_hinweis": "Hinweis zu den Öffnungszeiten",
    "kostenlos": "Kostenlos: ja oder nein (fehlt: nicht bekannt)",
    "barrierefrei": "Barrierefrei: ja oder nein (fehlt: nicht bekannt)",
    "gueltig_von": "Angebot gilt ab (Datum)",
    "gueltig_bis": "Angebot gilt bis (Datum)",
    "quelle": "Quelle der Angaben",
    "demo": "Demo-Datensatz (ja/nein): erfundene Daten zum Vorführen",
    "kontakt": "Kontaktweg, z. B. Sprechstunde nach Vereinbarung",
    "rolle": "Rolle der Ansprechperson, z. B. Lotse",
    "programm": "Förderprogramm des Büros",
    "status": "Status des Quartiersbüros: aktiv oder inaktiv (archiviert)",
}
HSDS_NOT_A_LIST = "Die Datei muss eine JSON-Liste von Objekten enthalten"
HSDS_NOT_AN_OBJECT = "Der Eintrag ist kein JSON-Objekt"
HSDS_LOCATIONS = (
    "Ein Angebot braucht genau einen Ort (service_at_locations mit location); "
    "gefunden: {count}"
)
HSDS_UNKNOWN_ORGANIZATION = "Organisation '{value}' fehlt in organizations.json"
HSDS_BAD_STATUS = "Status '{value}' ist unbekannt; erlaubt sind: {allowed}"
HSDS_BAD_FREQ = (
    "Nur wöchentliche Zeiten können übernommen werden (freq WEEKLY); gefunden: '{value}'"
)
HSDS_BAD_BYDAY = "'{value}' ist kein Wochentag (erwartet MO, TU, WE, TH, FR, SA, SU)"

# --- backup and restore (services/storage/backup.py) -------------------------------------
BACKUP_DAMAGED = "Die Sicherung {file} ist beschädigt oder unvollständig: {reason}"
BACKUP_NOT_FOUND = "Sicherungsdatei nicht gefunden: {file}"
BACKUP_FOREIGN = "{file} ist keine Sicherung des Quartiersatlas"
BACKUP_NEWER_SCHEMA = (
    "Die Sicherung {file} hat einen neueren Datenbank-Stand ({revisions}) als diese "
    "Programmversion kennt. Bitte zuerst die App aktualisieren, dann wiederherstellen."
)
BACKUP_NEWER_FORMAT = (
    "Die Sicherung {file} hat Format-Version {version}; diese Programmversion liest nur "
    "bis Version {known}. Bitte zuerst die App aktualisieren."
)
BACKUP_REASON_CHECKSUM = "Prüfsumme der Tabelle {table} stimmt nicht"
BACKUP_REASON_ROWS = "Tabelle {table} hat {found} statt {expected} Zeilen"
BACKUP_REASON_MISSING = "Tabelle {table} fehlt"
BACKUP_REASON_UNEXPECTED = "Tabelle {table} gehört nicht zum Datenbank-Stand der Sicherung"
BACKUP_REASON_ROW = "Tabelle {table}, Zeile {row} ist nicht lesbar"
BACKUP_REASON_MANIFEST = "Inhaltsverzeichnis (manifest.json) fehlt oder ist nicht lesbar"
BACKUP_REASON_ZIP = "kein lesbares ZIP-Archiv"

# --- CLI (services/cli.py) ----------------------------------------------------------------
CLI_IMPORT_HSDS = (
    "Angebote und Büros aus einem HSDS-3.0-Verzeichnis laden oder aktualisieren "
    "(organizations.json, services.json, taxonomy_terms.json …)"
)
CLI_EXPORT_HSDS = "alle Angebote und Büros als HSDS-3.0-Verzeichnis (JSON-Dateien) schreiben"
CLI_DIRECTORY = "Pfad des Verzeichnisses"
CLI_BACKUP = "die ganze Datenbank in eine Sicherungsdatei (.zip) schreiben"
CLI_RESTORE = (
    "die ganze Datenbank aus einer Sicherungsdatei wiederherstellen (ersetzt alle Daten; "
    "alles oder nichts)"
)
CLI_DONE_HSDS_IMPORT = (
    "{offers} Angebote und {offices} Büros aus HSDS geladen ({outside} ohne Bezirk)."
)
CLI_DONE_HSDS_EXPORT = "{offers} Angebote und {offices} Büros als HSDS nach {path} geschrieben."
CLI_DONE_BACKUP = "Sicherung {path} geschrieben: {tables} Tabellen, {rows} Zeilen."
CLI_DONE_RESTORE = (
    "Sicherung {path} vom {created} wiederhergestellt: {tables} Tabellen, {rows} Zeilen."
)
