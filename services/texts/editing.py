"""German strings of the administration („Verwaltung“): editing, history, Prüfliste."""

PAGE_OFFERS = "Angebote bearbeiten"
PAGE_LOG = "Protokoll"

# form labels per file column (the same columns as the import files, docs/data-formats.md)
COLUMN_LABELS = {
    "id": "Kennung", "name": "Name", "traeger": "Träger", "beschreibung": "Beschreibung",
    "bedarfe": "Bedarfe (Codes oder Namen, mit ; getrennt)", "min_alter": "Mindestalter",
    "max_alter": "Höchstalter", "zielgruppe": "Zielgruppe (mit ; getrennt)",
    "adresse": "Adresse", "plz": "PLZ", "ort": "Ort", "lat": "Breitengrad (lat)",
    "lon": "Längengrad (lon)", "lagegenauigkeit": "Lagegenauigkeit (exakt, strasse, ungefaehr)",
    "oeffnungszeiten": "Öffnungszeiten (z. B. Mo 09:00-12:00; Mi 14:00-17:00)",
    "oeffnungszeiten_hinweis": "Hinweis zu den Öffnungszeiten", "kostenlos": "Kostenlos (ja/nein)",
    "kosten_hinweis": "Hinweis zu Kosten", "sprachen": "Sprachen (ISO-Codes, mit ; getrennt)",
    "barrierefrei": "Barrierefrei (ja/nein)", "telefon": "Telefon", "email": "E-Mail",
    "website": "Website", "status": "Status (aktiv, inaktiv, voruebergehend_geschlossen)",
    "gueltig_von": "Gültig von", "gueltig_bis": "Gültig bis",
    "zuletzt_geprueft": "Zuletzt geprüft", "quelle": "Quelle", "demo": "Demo-Eintrag (ja/nein)",
    "kontakt": "Kontakt", "rolle": "Rolle", "programm": "Programm",
}  # fmt: skip
# the form's labels per record kind: a Quartiersbüro is active or archived, never closed
FORM_LABELS = {
    "offer": COLUMN_LABELS,
    "office": COLUMN_LABELS | {"status": "Status (aktiv, inaktiv = archiviert)"},
}

ACTION_LABELS = {
    "create": "angelegt", "edit": "bearbeitet", "archive": "archiviert",
    "import": "importiert", "restore": "wiederhergestellt",
}  # fmt: skip

ID_TAKEN = "Die Kennung „{id}“ ist schon vergeben. Bitte eine andere wählen."
NOT_FOUND = "Der Eintrag „{id}“ existiert nicht (mehr)."
NO_SUCH_VERSION = "Version {version} von „{id}“ gibt es im Protokoll nicht."
RESTORE_INVALID = ("Version {version} lässt sich nicht wiederherstellen, weil sie gegen die "
                   "heutigen Regeln verstößt: {problems}")
FIX_FIELDS = "Bitte die markierten Felder korrigieren."
CONFLICT = ("Jemand anderes hat diesen Eintrag inzwischen geändert (Version {theirs}, Ihre "
            "Bearbeitung beruht auf Version {base}). Ihre Änderung wurde nicht gespeichert.")
CONFLICT_FIELD = "Feld"
CONFLICT_BASE = "Vorher"
CONFLICT_THEIRS = "Geändert von {actor}"
CONFLICT_MINE = "Ihre Eingabe"
TAKE_THEIRS = "Deren Fassung übernehmen"
KEEP_MINE = "Meine Fassung behalten"
MERGE = "Feldweise zusammenführen"
MERGE_CHOICE = "Fassung für „{field}“"
MERGE_MINE = "meine"
MERGE_THEIRS = "deren"
SAVED = "Gespeichert (Version {version})."
UNCHANGED = "Keine Änderung: nichts gespeichert."
ARCHIVED = "Archiviert: der Eintrag ist jetzt inaktiv und bleibt im Protokoll."
REACTIVATED = "Reaktiviert: der Eintrag ist wieder aktiv."
ARCHIVED_OFFICE = ("Dieses Quartiersbüro ist archiviert: Karte, Lotse, Bezirksprofile und "
                   "Versorgungslücken zeigen es nicht. Es bleibt mit seinem Verlauf erhalten.")
ARCHIVED_OFFER = "Dieses Angebot ist archiviert (inaktiv)."
VERIFIED = "Als geprüft markiert ({date})."
RESTORED = "Version {version} wiederhergestellt (als neue Version {new})."

SEARCH = "Suche"
FILTER_STATUS = "Status"
FILTER_ALL = "alle – zum Eingrenzen wählen"
OFFICE_STATUS_LABELS = {"active": "aktiv", "inactive": "archiviert"}
OFFICE_LIST_LABELS = {"id": "Kennung", "status": "Status", "name": "Name", "operator": "Träger",
                      "address": "Adresse"}
FILTER_STALE = "nur ungeprüfte (Prüfliste)"
CHOOSE = "Eintrag"
CHOICE_LABEL = "{name} ({id})"
NEW_ENTRY = "Neues Angebot"
NEW_ENTRY_BY_KIND = {"offer": NEW_ENTRY, "office": "Neues Quartiersbüro"}
SAVE = "Speichern"
ARCHIVE = "Archivieren"
REACTIVATE = "Reaktivieren"
VERIFY = "geprüft"
HISTORY = "Verlauf"
RESTORE = "Diese Version wiederherstellen"
REVIEW_LIST = "Prüfliste"
REVIEW_CAPTION = "Angebote, die seit mehr als {months} Monaten nicht geprüft wurden."
REVIEW_GROUP = "Gruppieren nach"
REVIEW_BY_PROVIDER = "Träger"
REVIEW_BY_OFFICE = "Quartiersbüro"
NO_OFFICE = "ohne Quartiersbüro"
NEVER_VERIFIED = "nie geprüft"
MAP_CLICK = "Position: in die Karte klicken oder Koordinaten eintippen"
MAP_MARK = "Position des Eintrags"
MODE = "Bearbeiten"
MODES = {"offer": "Angebote", "office": "Quartiersbüros"}
ADDRESS_SEARCH = "Position per Adresse suchen"
ADDRESS_CHOICE = "Gefundene Adressen (die gewählte setzt die Position)"
ADDRESS_NONE = "Keine passende Straße im Adressverzeichnis gefunden."
ADDRESS_DEMO_FOR_REAL = (
    "Achtung: Diese Position stammt aus den Demo-Adressen (ungefähre Lage, erfunden). Für "
    "einen echten Eintrag bitte die Lage in der Karte prüfen oder die amtlichen Adressen "
    "importieren (python -m services.cli import addresses)."
)
MAP_POSITION_TAKEN = "Position aus der Karte übernommen: {lat}, {lon}"
DISTRICT_DERIVED = "Bezirk (aus der Position abgeleitet): {name}"
OUTSIDE = "außerhalb aller Bezirke"
LOG_CAPTION = "Jede Änderung an Angeboten und Quartiersbüros, neueste zuerst."
LOG_COLUMNS = {"at": "Zeit (UTC)", "actor": "Wer", "action": "Aktion", "record": "Eintrag",
               "version": "Version", "changes": "Geänderte Felder"}
EMPTY_LOG = "Noch keine Einträge."
STALE_MARK = "seit über {months} Monaten nicht geprüft"
LOG_NEW = "Nachher"
