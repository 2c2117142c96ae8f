"""German strings of „Daten hochladen“ (Verwaltung): kinds, preview, problems, outcome."""

PAGE_TITLE = "Daten hochladen"
INTRO = (
    "Dieselben Dateien wie auf der Kommandozeile (`python -m services.cli import …`). "
    "Erst wird die ganze Datei geprüft und gezeigt, was sich ändert; gespeichert wird nur "
    "eine fehlerfreie Datei und erst nach „Import bestätigen“."
)
KIND = "Was wird hochgeladen?"
KIND_LABELS: dict[str, str] = {
    "offers": "Angebote",
    "offices": "Quartiersbüros",
    "indicators": "Indikatoren",
    "districts": "Bezirksebene (ersetzt alle Bezirke)",
    "addresses": "Adressen (Gebäudereferenzen oder Tabelle; ersetzt alle Adressen)",
}
FILE = "Datei"
ID_FIELD = "Feld mit der Bezirksnummer"
NAME_FIELD = "Feld mit dem Bezirksnamen"
STADTBEZIRK_FIELD = "Feld mit dem Stadtbezirk"

# progress of the check
STEP_SAVING = "Datei wird übernommen …"
STEP_CHECKING = "Datei wird gelesen und geprüft …"
STEP_DONE = "Prüfung abgeschlossen."

# preview
PREVIEW_TITLE = "Vorschau: was der Import ändert"
METRIC_NEW = "neu"
METRIC_CHANGED = "geändert"
METRIC_UNCHANGED = "unverändert"
METRIC_REMOVED = "entfernt"
KEPT_NOTE = "{count} gespeicherte Einträge stehen nicht in der Datei und bleiben unverändert."
FIRST_ROWS = "Die ersten {count} Zeilen der Datei:"
WARNINGS = "{count} Hinweise (der Import ist trotzdem möglich):"
CONFIRM = "Import bestätigen"
CANCEL = "Verwerfen"
DONE = "Import gespeichert: {summary}"
DISCARDED = "Die Datei wurde verworfen; es wurde nichts gespeichert."

# problems
INVALID = (
    "Die Datei „{file}“ hat {count} Fehler und wird nicht gespeichert. Bitte die Datei "
    "korrigieren und erneut hochladen."
)
MORE_PROBLEMS = "… und {count} weitere Fehler (die ersten {shown} sind gezeigt)."
COLUMN_FILE = "Datei"
COLUMN_ROW = "Zeile / Objekt"
COLUMN_FIELD = "Spalte / Feld"
COLUMN_MESSAGE = "Fehler"

# columns of the first rows
COLUMN_ID = "ID"
COLUMN_NAME = "Name"
COLUMN_DISTRICT = "Bezirk"
COLUMN_STADTBEZIRK = "Stadtbezirk"
COLUMN_INDICATOR = "Indikator"
COLUMN_YEAR = "Jahr"
COLUMN_VALUE = "Wert"
COLUMN_STREET = "Straße"
COLUMN_NUMBER = "Hausnummer"
COLUMN_POSTCODE = "PLZ"
COLUMN_STATUS = "Änderung"
NO_DISTRICT = "außerhalb aller Bezirke"
STATUS_LABELS: dict[str, str] = {"new": "neu", "changed": "geändert", "unchanged": "unverändert"}
