"""German texts of the district profile („Bezirksprofil“): page, presentation mode, PDF reports.

The figures' own words (status labels, reasons, city average) are in analysis.py; here is
what frames them on screen and on paper.
"""

from __future__ import annotations

PAGE_TITLE = "Bezirksprofil"
PICKER = "Bezirk"
YEAR = "Datenjahr"
OPEN_PROFILE = "Bezirksprofil öffnen"
UNKNOWN_DISTRICT = "Den Bezirk „{id}“ gibt es nicht; gezeigt wird {name}."
UNKNOWN_YEAR = "Für das Jahr „{year}“ gibt es keine Kennzahlen; gezeigt wird {shown}."
NO_DISTRICTS = "Es sind noch keine Bezirke importiert."
HEADER = "{name}"
HEADER_META = "Stadtbezirk {stadtbezirk} · Datenjahr {year}"
DEMO_NOTE = "Demo-Daten (synthetisch), keine amtlichen Zahlen"

# Sections
SECTION_INDICATORS = "Kennzahlen im Vergleich zur Stadt"
SECTION_TRENDS = "Entwicklung {first}–{last} gegenüber der Stadt"
SECTION_OFFERS = "Angebote nach Bedarf"
SECTION_OFFICES = "Quartiersbüros im oder am Bezirk"
SECTION_UNMET = "Gemeldete Bedarfe (Lotsen)"
SECTION_SIMILAR = "Vergleichbare Bezirke"
SECTION_STATUS = "Status und Dynamik"
SECTION_MAP = "Lage im Stadtgebiet"
SECTION_SOURCES = "Quellen"

# Table columns
COL_INDICATOR = "Kennzahl"
COL_VALUE = "Bezirk"
COL_AVERAGE = "Stadt"
COL_DIFFERENCE = "Differenz"
COL_RANK = "Rang"
COL_NEED = "Bedarf"
COL_OFFERS = "Angebote"
COL_PER_1000 = "je 1.000 Kinder"
COL_REPORTS = "Meldungen"
COL_DISTRICT = "Bezirk"
COL_GROUP = "Status × Dynamik"
COL_CHILDREN = "Kinder 0–17"
COL_COVERAGE = "Abdeckung"
COL_GAP = "Lückenwert"
COL_SIMILARITY = "Abstand"
RANK_TEXT = "{rank} von {of}"
RANK_HELP = "Rang 1 = höchster Wert unter den Bezirken."
AVERAGE_WEIGHTED_HELP = "Stadtdurchschnitt gewichtet mit den Kindern 0–17 der Bezirke."

CHILDREN = "Kinder und Jugendliche 0–17 J."
CHILDREN_VALUE = "{value} ({year})"
OFFERS_CAPTION = (
    "Aktive Angebote für die Altersgruppen {ages} mit Standort im Bezirk, Stand {date}; je "
    "1.000 Kinder dieser Altersgruppen im Bezirk ({year}). Ein Angebot mit mehreren Bedarfen "
    "zählt bei jedem."
)
OFFICE_INSIDE = "im Bezirk"
OFFICE_NEAR = "ca. {metres} m außerhalb"
NO_OFFICES = "Kein Quartiersbüro im Bezirk oder bis 500 m davon entfernt."
UNMET_CAPTION = (
    "Von Lotsinnen und Lotsen anonym gemeldete Bedarfe, für die kein passendes Angebot "
    "gefunden wurde (alle Meldungen bisher). Eine Meldung mit zwei Bedarfen zählt bei beiden."
)
NO_UNMET = "Aus diesem Bezirk wurden noch keine Bedarfe gemeldet."
UNMET_DEMO = "davon Demo-Einträge (erfunden): {count} Nennungen"
SIMILAR_CAPTION = (
    "Die drei Bezirke mit dem ähnlichsten Profil der Anteilswerte {year} "
    "(standardisierte Werte, kleinster Abstand zuerst)."
)
NO_SIMILAR = "Für diesen Bezirk fehlen Werte für einen Vergleich."
STATUS_GROUP = "Gruppe {short}: {label}"
STATUS_EXPLANATION = (
    "Nach dem Verfahren des Berliner Monitorings Soziale Stadtentwicklung: Der Status fasst "
    "SGB-II-Quote unter 15 J., Kinder in Bedarfsgemeinschaften, Alleinerziehende und "
    "Arbeitslosenquote {year} als standardisierten Index zusammen (hoch = wenig Armut, "
    "sehr niedrig = viel Armut). Die Dynamik ist die Veränderung derselben Kennzahlen von "
    "{base_year} bis {year} gegenüber der Stadt (positiv = Armut nimmt ab). "
    "Details: docs/methods.md."
)
STATUS_INDEX = "Statusindex {status} · Dynamikindex {dynamics}"
TREND_CAPTION = "Quelle: {source}; {first}–{last}."
SOURCE_YEAR = "Quelle: {source} · {year}"

# Map layer of the 12 groups
LAYER_STATUS = "Status × Dynamik"
LEGEND_STATUS_TITLE = "Status × Dynamik"
# Short lines: the legend box is narrow and cuts longer ones
LEGEND_STATUS_LINES = (
    "Farbe und Zahl: Status {year}",
    "Zeichen: Dynamik {base_year}–{year}",
    "+ positiv · +/− stabil · − negativ",
)
LAYER_STATUS_GROUPS = "Gruppe (Status, Dynamik)"
LAYER_HIGHLIGHT = "Gewählter Bezirk"
MAP_STATUS_LINE = "Status × Dynamik {year}: {label}"

# Downloads (PDF)
PDF_PROFILE = "Bezirksprofil als PDF"
PDF_PROFILE_FILE = "bezirksprofil-{id}.pdf"
PDF_PROFILE_HELP = "Zwei A4-Seiten: Karte, Kennzahlen, Entwicklung, Angebote, Status und Dynamik."
PDF_CITY = "Stadtübersicht als PDF"
PDF_CITY_FILE = "stadtuebersicht.pdf"
PDF_CITY_HELP = "Alle Bezirke im Vergleich und die Versorgungslücken je Bezirk."

# Presentation mode
PRESENT = "Präsentation starten"
PRESENT_HELP = "Vollbild für Beamer: ein Bezirk je Folie, Pfeiltasten blättern."
PRESENT_END = "Beenden"
PREVIOUS = "Zurück"
NEXT = "Weiter"
SLIDE_OF = "Folie {n} von {total}"
HEADLINE_CHILDREN = "Kinder 0–17 J."
HEADLINE_OFFERS = "Angebote je 1.000 Kinder"
HEADLINE_STATUS = "Status × Dynamik"
HEADLINE_VERSUS = "Stadt: {average}"
NOT_CLASSIFIED_SHORT = "nicht eingeordnet"

# PDF reports
REPORT_TITLE = "Bezirksprofil {name}"
REPORT_CITY_TITLE = "Stadtübersicht: Bezirke im Vergleich"
REPORT_CREATED = "Erstellt am {date}"
REPORT_FOOTER = "Quartiersatlas Bottrop"
REPORT_MAP_CAPTION = (
    "Bezirk {name} (hervorgehoben) mit Quartiersbüros (Q). Grenzen: {source}; "
    "Quartiersbüros: {offices}; Stand {date}."
)
OFFICES_SOURCE = "Verzeichnis der Quartiersbüros des Quartiersatlas Bottrop"
OFFICES_MORE = "und {n} weitere"
STATUS_SOURCE = "Quelle: {source} · {base_year}–{year}"
REPORT_RANKED = "Alle Bezirke nach {indicator} {year}"
REPORT_GAPS = "Versorgungslücken je Bezirk (alle Bedarfe zusammen)"
REPORT_GAPS_CAPTION = (
    "Lückenwert = Bedarf ({indicator} {year}, standardisiert) minus Abdeckung "
    "(standardisiert); Abdeckung = Anteil der Kinder mit einem passenden Angebot in höchstens "
    "{distance} m Luftlinie. {spread}. Rang 1 = größte Lücke."
)
DISTRICT_BOUNDARIES = "Bezirksgrenzen des Quartiersatlas"
DISTRICT_BOUNDARIES_DEMO = "Demo-Gliederung, schematische Grenzen"
COL_STADTBEZIRK = "Stadtbezirk"
# Short column heads of the city overview's ranking (the full labels are in the catalogue)
SHORT_LABELS: dict[str, str] = {"sgb2_u15": "SGB-II-Quote u. 15 J.", "kinder_bg_u18": "Kinder in BG u. 18 J."}
