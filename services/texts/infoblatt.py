"""German strings of the Infoblatt controls on the Lotse page (the sheet's own texts, in every
language, are in texts/translations/)."""

SHEET_LANGUAGE = "Sprache der Familie (Infoblatt)"
SHEET_LANGUAGE_HELP = (
    "Das Infoblatt ist immer deutsch; dazu kommt diese Sprache. Namen und Adressen bleiben "
    "deutsch. Die Übersetzungen sind maschinell und noch ungeprüft."
)
SHEET_GERMAN_ONLY = "nur Deutsch"
SHEET_OPTION = "{name} – {german}"
SHEET_BUILD = "Infoblatt erstellen (PDF)"
SHEET_BUILD_HELP = (
    "Erstellt das Infoblatt beim Klick und lädt es herunter. Es wird nirgends gespeichert; "
    "Familiendaten stehen nur darin, wenn Sie eine Notiz eingetragen haben."
)
SHEET_EMPTY = "Setzen Sie zuerst Angebote auf die Merkliste, dann lässt sich ein Infoblatt erstellen."
SHEET_FILE_NAME = "infoblatt-{language}.pdf"
