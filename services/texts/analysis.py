"""German texts of the planning analyses (services/analysis): labels, reasons, export columns.

Keyed by the stable codes the analysis returns ("area_grid", "sehr_niedrig", …), so pages,
PDF reports and exports show the same words.
"""

from __future__ import annotations

# How children were spread over a district (supply.ChildPoints.method)
SPREAD_LABELS: dict[str, str] = {
    "addresses": "Kinder verteilt auf die Wohnadressen (jede Adresse gleich gewichtet)",
    "area_grid": (
        "Kinder gleichmäßig über die Fläche verteilt (regelmäßiges Punktraster, keine Adressdaten)"
    ),
    "mixed": (
        "Kinder verteilt auf Wohnadressen, in Bezirken ohne Adressen gleichmäßig über die Fläche"
    ),
}
ALL_CHOSEN_LABEL = "Alle gewählten Bedarfe"
UNKNOWN_NEED = "Unbekannter Bedarf „{code}“."
UNKNOWN_AGE_GROUP = "Unbekannte Altersgruppe „{code}“."
UNKNOWN_INDICATOR = "Unbekannte Kennzahl „{code}“."
NO_NEED_CHOSEN = "Bitte mindestens einen Bedarf wählen."
BAD_DISTANCE = "Die Entfernung muss größer als 0 und höchstens {maximum} m sein."
OFFERS_SOURCE = "Angebotsverzeichnis des Quartiersatlas Bottrop"
CHILDREN_ESTIMATE = (
    "Kinder der gewählten Altersgruppen geschätzt aus den Einwohnern 0–17 J. "
    "(gleichmäßige Altersverteilung)"
)

# Status × dynamics (status_dynamics.py), after Berlin's MSS
STATUS_LABELS: dict[str, str] = {
    "hoch": "hoch",
    "mittel": "mittel",
    "niedrig": "niedrig",
    "sehr_niedrig": "sehr niedrig",
}
DYNAMICS_LABELS: dict[str, str] = {"positiv": "positiv", "stabil": "stabil", "negativ": "negativ"}
GROUP_LABEL = "Status {status}, Dynamik {dynamics}"
NO_DYNAMICS = "nicht bestimmbar"
NOT_CLASSIFIED = "nicht eingeordnet"
NO_DYNAMICS_REASON = "Dynamik nicht bestimmbar: keine vollständigen Werte für {year}"
NO_CHILDREN_COUNT = "Nicht eingeordnet: keine Zahl der Kinder (0–17 J.) für {year}"
NO_RESIDENTS_COUNT = "Nicht eingeordnet: keine Einwohnerzahl (alle Altersgruppen) für {year}"
TOO_FEW_CHILDREN = (
    "Nicht eingeordnet: nur {n} Kinder (weniger als {minimum}); bei so kleinen Zahlen "
    "schwanken die Anteile zu stark"
)
TOO_FEW_RESIDENTS = (
    "Nicht eingeordnet: nur {n} Einwohner (weniger als {minimum}); bei so kleinen Zahlen "
    "schwanken die Anteile zu stark"
)
NO_INDICATOR_VALUES = "Es sind noch keine Kennzahlen importiert."
MISSING_VALUES = "Nicht eingeordnet: für {year} fehlen Werte ({labels})"
RESIDENTS_UNCHECKED = (
    "Die Einwohnerzahl aller Altersgruppen (Kennzahl „Einwohner insgesamt“) liegt für "
    "dieses Jahr nicht vor; geprüft wurde nur die Mindestzahl von 30 Kindern, nicht die "
    "von 300 Einwohnern."
)

# District profile (profiles.py)
CITY_SERIES = "Stadtdurchschnitt"
PERCENTAGE_POINTS = "Pp."

# Scenarios ("Was wäre, wenn"): hypothetical offers (model.py, scenarios.py)
SCENARIO = "Szenario"
SCENARIO_NAME_MISSING = "Das Szenario braucht einen Namen."
HYPOTHETICAL_NAME_MISSING = "Angenommenes Angebot {offer}: Der Name fehlt."
HYPOTHETICAL_NEEDS = (
    "Angenommenes Angebot {offer}: Bitte mindestens einen Bedarf aus der Liste wählen."
)
HYPOTHETICAL_AUDIENCE = "Angenommenes Angebot {offer}: Unbekannte Zielgruppe."
HYPOTHETICAL_AGES = (
    "Angenommenes Angebot {offer}: Das Alter muss zwischen 0 und 120 liegen, "
    "das Mindestalter darf nicht über dem Höchstalter liegen."
)
HYPOTHETICAL_POSITION = (
    "Angenommenes Angebot {offer}: Die Position liegt nicht auf der Erde."
)

# Exports (exports.py): metadata, sheet names, method sentences
YES, NO = "ja", "nein"
META_FIELD, META_VALUE = "feld", "wert"
META_TITLE = "Titel"
META_SOURCES = "Quellen"
META_YEAR = "Datenjahr"
META_METHOD = "Methode"
META_EXPORTED = "Exportdatum"
META_DEMO = "Demo-Daten"
META_CRS = "Koordinatensystem"
DEMO_NOTE = "ja – Demo-Daten (erfunden bzw. synthetisch), keine amtlichen Zahlen"
SCENARIO_NOTE = "„{name}“ – enthält angenommene Angebote, keine echten"
SHEET_DISTRICTS = "Bezirke"
SHEET_GAPS = "Versorgung"
SHEET_SCENARIO = "Szenario"
SHEET_OFFERS = "Angebote"
SHEET_PROFILE = "Bezirksprofil"
SHEET_OFFERS_BY_NEED = "Angebote nach Bedarf"
SHEET_METADATA = "Metadaten"
METADATA_LAYER = "metadaten"
METADATA_FILE_SUFFIX = "metadaten"
TITLE_DISTRICTS = "Quartiersatlas Bottrop: Bezirkstabelle"
TITLE_GAPS = "Quartiersatlas Bottrop: Versorgungslücken je Bezirk und Bedarf"
TITLE_SCENARIO = "Quartiersatlas Bottrop: Szenario „{name}“ im Vergleich mit heute"
TITLE_PROFILE = "Quartiersatlas Bottrop: Bezirksprofil {name}"
METHOD_PROFILE = (
    "Jede Kennzahl des Katalogs gegenüber dem Stadtdurchschnitt (Anteile gewichtet mit den "
    "Kindern 0–17 J.); Rang 1 = höchster Wert unter den Bezirken."
)
METHOD_PROFILE_OFFERS = (
    "Aktive Angebote mit Standort im Bezirk je Bedarf, Altersgruppen: {ages}; je 1.000 "
    "Kinder dieser Altersgruppen (geschätzt aus den Kindern 0–17 J. bei gleichmäßiger "
    "Altersverteilung)."
)
EXPORT_FILE_PROFILE = "bezirksprofil-{id}"
EXPORT_FILE_OFFERS_BY_NEED = "angebote-nach-bedarf-{id}"
EXPORT_PROFILE = "Bezirksprofil {name}"
EXPORT_PROFILE_GAPS = "alle Bedarfe zusammen, 1.000 m, Altersgruppen: {ages}"
TITLE_OFFERS = "Quartiersatlas Bottrop: Angebote mit Bezirk und Stadtbezirk"
METHOD_DISTRICTS = "Kennzahlen je statistischem Bezirk."
METHOD_OFFERS = (
    "Alle Angebote des Verzeichnisses (Spalte status: aktiv oder nicht); Bezirk und "
    "Stadtbezirk aus der Lage des Angebots, nur zum Lesen (beim Import ignoriert)."
)
METHOD_STATUS = (
    "Status und Dynamik nach dem Verfahren des Berliner Monitorings Soziale "
    "Stadtentwicklung (z-Werte, Klassen bei ±1 und +1,5 Standardabweichungen)."
)
METHOD_SUPPLY = (
    "Versorgung: aktive Angebote je Bedarf, Altersgruppen: {ages}; Abdeckung = Anteil der "
    "Kinder mit einem passenden Angebot in höchstens {distance} m Luftlinie; {spread}; "
    "Lückenwert = z({indicator} {year}) − z(Abdeckung)."
)
ALL_AGES = "alle (0–17 J.)"
SPREAD_SHORT: dict[str, str] = {"addresses": "Adressen", "area_grid": "Fläche", "mixed": "gemischt"}
KIND_REAL = "Angebot"
UNKNOWN_TABLE_FORMAT = "Unbekanntes Tabellenformat „{suffix}“. Möglich: {allowed}."
UNKNOWN_LAYER_FORMAT = "Unbekanntes Kartenformat „{suffix}“. Möglich: {allowed}."
UNKNOWN_CRS = "Unbekanntes Koordinatensystem {crs}. Möglich: {allowed}."

# Gap map (gap_map.py): classes of the gap score, from the smallest gap to the largest
GAP_CLASS_LABELS = (
    "deutlich kleinere Lücke als im Mittel (bis −1,5)",
    "kleinere Lücke (−1,5 bis −0,5)",
    "etwa mittlere Lücke (−0,5 bis +0,5)",
    "größere Lücke (+0,5 bis +1,5)",
    "deutlich größere Lücke als im Mittel (über +1,5)",
)
NO_GAP_DATA = "keine Daten"

# Trend chart (charts.py)
CHART_YEAR = "Jahr"
CHART_SERIES = "Reihe"

# Page „Versorgungslücken“ (pages/planung.py, ui/components/gap_*.py, scenario_editor.py)
PAGE_GAPS = "Versorgungslücken"
GAPS_INTRO = (
    "Wo ist der Bedarf hoch und sind passende Angebote fern? Je Bezirk: Kinder der gewählten "
    "Altersgruppen, Angebote, Angebote je 1.000 Kinder, Abdeckung im Fußweg und der "
    "Lückenwert. Bedarfe und Altersgruppen kommen aus den Filtern links."
)
GAPS_NEED = "Bedarf für Karte und Tabelle"
GAPS_NEED_ALL = "alle Bedarfe (ohne Filter links)"
GAPS_DISTANCE = "Fußweg (Luftlinie) bis zum Angebot, in Metern"
GAPS_INDICATOR = "Bedarf gemessen an"
GAPS_REPORTED = "Gemeldete Bedarfe"
GAPS_REPORTED_HELP = (
    "Zeigt je Bezirk, wie oft Familien in den letzten 12 Monaten einen Bedarf gemeldet haben, "
    "für den kein passendes Angebot gefunden wurde („Bedarf anmelden“, anonym)."
)
GAPS_MAP_SHOWS = "Die Karte zeigt den Lückenwert"
GAPS_MAP_TODAY = "Karte: Lücken heute"
GAPS_MAP_SCENARIO = "Karte: Lücken mit Szenario"
GAPS_METHOD = "**Methode:** {spread}. {children} Abdeckung: Luftlinie bis {distance} m."
GAPS_SOURCE = "Quellen: {sources}; Kennzahl {indicator} {year}, Kinder {children_year}."
GAPS_DEMO = "Demo-Daten: Werte und Angebote sind erfunden bzw. synthetisch, keine amtlichen Zahlen."
GAPS_NO_DISTRICTS = "Es sind noch keine Bezirke geladen; ohne Bezirke gibt es keine Versorgungsanalyse."
GAPS_RANKED = "Rangliste: größte Lücke zuerst"
GAPS_REPORTED_UNAVAILABLE = "Die gemeldeten Bedarfe sind gerade nicht abrufbar (Datenbank)."
GAPS_REPORTED_PERIOD = "{start} bis {end}"
GAPS_COLUMNS: dict[str, str] = {
    "gap_rank": "Rang",
    "district": "Bezirk",
    "children": "Kinder",
    "offers": "Angebote",
    "per_1000": "je 1.000 Kinder",
    "coverage": "Abdeckung %",
    "children_in_reach": "Kinder in Reichweite",
    "need_value": "Bedarfskennzahl",
    "gap_score": "Lückenwert",
}
COMPARE_COLUMNS: dict[str, str] = {
    "district": "Bezirk",
    "coverage_before": "Abdeckung % heute",
    "coverage_after": "Abdeckung % Szenario",
    "per_1000_before": "je 1.000 heute",
    "per_1000_after": "je 1.000 Szenario",
    "gap_score_before": "Lückenwert heute",
    "gap_score_after": "Lückenwert Szenario",
    "gap_rank_before": "Rang heute",
    "gap_rank_after": "Rang Szenario",
    "newly_in_reach": "neu erreichte Kinder",
}

# Scenario editor („Was wäre, wenn“)
SCENARIO_HEADING = "Was wäre, wenn? Szenario"
SCENARIO_HELP = (
    "Klicken Sie in die Karte oder wählen Sie einen Quartiersbüro-Standort, um ein "
    "angenommenes Angebot zu setzen. Angenommene Angebote sind keine echten: Sie erscheinen "
    "lila mit „S“ und nur auf dieser Seite."
)
SCENARIO_NAME = "Name des Szenarios"
SCENARIO_DEFAULT_NAME = "Neues Szenario"
SCENARIO_POSITION = "Standort: {lat}, {lon} ({district})"
SCENARIO_NO_POSITION = (
    "Noch kein Standort: in die Karte klicken, eine Adresse eingeben oder ein Quartiersbüro wählen."
)
SCENARIO_AT_ADDRESS = "oder Adresse (z. B. „Gladbecker Str. 50“, Eingabetaste)"
SCENARIO_ADDRESS_FOUND = "Standort: {label}"
SCENARIO_ADDRESS_NONE = "Keine passende Adresse gefunden: bitte anders schreiben oder in die Karte klicken."
SCENARIO_OUTSIDE = "außerhalb der Bezirke"
SCENARIO_AT_OFFICE = "Standort wie Quartiersbüro"
SCENARIO_OFFER_NAME = "Name des angenommenen Angebots"
SCENARIO_OFFER_DEFAULT = "Angenommenes Angebot {number}"
SCENARIO_OFFER_NEEDS = "Bedarf(e)"
SCENARIO_OFFER_AGES = "Alter von/bis (Jahre)"
SCENARIO_ADD = "Angenommenes Angebot hinzufügen"
SCENARIO_OFFERS = "Szenario „{name}“: angenommene Angebote"
SCENARIO_REMOVE = "✕ {name}"
SCENARIO_CLEAR = "Szenario leeren"
SCENARIO_SAVE = "Szenario speichern"
SCENARIO_SAVED = "Szenario „{name}“ gespeichert."
SCENARIO_SAVED_LIST = "Gespeicherte Szenarien"
SCENARIO_NONE_SAVED = "Noch keine Szenarien gespeichert."
SCENARIO_OPEN = "Öffnen"
SCENARIO_DELETE = "Löschen"
SCENARIO_DELETED = "Szenario „{name}“ gelöscht."
SCENARIO_GONE = "Dieses Szenario gibt es nicht mehr."
SCENARIO_LIST_ITEM = "{name} ({offers} Angebote, {created})"
SCENARIO_COMPARE = "Szenario „{name}“ im Vergleich mit heute: {need}"
SCENARIO_NEWLY = "**{count}** Kinder hätten neu ein passendes Angebot in Reichweite ({need})."
SCENARIO_EMPTY = "Das Szenario enthält noch keine angenommenen Angebote."

# Downloads on the page
EXPORT_HEADING = "Export für Excel und QGIS"
EXPORT_TABLE_CSV = "Tabelle als CSV (Excel)"
EXPORT_TABLE_XLSX = "Tabelle als XLSX"
EXPORT_METADATA_CSV = "Metadaten als CSV"
EXPORT_LAYER = "{format}, {crs}"  # short: four buttons share a row
EXPORT_SCENARIO_CSV = "Szenario-Vergleich als CSV"
EXPORT_SCENARIO_XLSX = "Szenario-Vergleich als XLSX"
EXPORT_SCENARIO_OFFERS = "Angebote mit Szenario als GeoJSON ({crs})"
EXPORT_FILE_GAPS = "versorgungsluecken"
EXPORT_FILE_DISTRICTS = "bezirke"
EXPORT_FILE_OFFERS = "angebote"
EXPORT_DISTRICTS = "Bezirke mit Kennzahlen, Status × Dynamik und Versorgungslücke ({need})"
EXPORT_OFFERS = "Angebote mit Bezirk und Stadtbezirk (ohne Szenario)"
EXPORT_GAP_TABLE = "Versorgungslücken je Bezirk und Bedarf"
EXPORT_FILE_SCENARIO = "szenario"
