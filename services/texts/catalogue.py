"""German names and explanations of the fixed catalogues: needs, audiences, age groups, indicators.

Keyed by the stable codes of services/taxonomy.py and services/indicators.py, which build
their objects from these dicts; codes, colours, symbols, units and directions stay there
because they are not text. Only the wording lives here, so it can be translated in one place.
Labels are also accepted as input in import files (services/io/fields.py, io/indicators.py):
renaming one means old files with the old label no longer match.
"""

from __future__ import annotations

from typing import NamedTuple

# Needs (Bedarfe), in the taxonomy's order
NEED_LABELS: dict[str, str] = {
    "lernen": "Lernen & Hausaufgaben",
    "sprache": "Sprachförderung",
    "fruehe_hilfen": "Frühe Hilfen",
    "familienberatung": "Familienberatung & Erziehung",
    "gesundheit": "Gesundheit",
    "ernaehrung": "Ernährung",
    "bewegung": "Bewegung & Sport",
    "freizeit": "Freizeit & Kultur",
    "notlagen": "Beratung in Notlagen (Geld, Wohnen, Leistungen)",
    "ausbildung": "Ausbildung & Arbeit",
    "teilhabe": "Begegnung & Teilhabe",
}

# Audiences (Zielgruppen): who an offer is for
AUDIENCE_LABELS: dict[str, str] = {
    "kinder": "Kinder und Jugendliche",
    "eltern": "Eltern",
    "familien": "ganze Familien",
}

# Age groups (Altersgruppen) of the filter
AGE_GROUP_LABELS: dict[str, str] = {
    "0-2": "0–2 Jahre",
    "3-5": "3–5 Jahre",
    "6-9": "6–9 Jahre",
    "10-13": "10–13 Jahre",
    "14-17": "14–17 Jahre",
    "18-26": "18–26 Jahre",
    "eltern": "Eltern/Familien",
}


class IndicatorText(NamedTuple):
    """What people read about an indicator (Kennzahl)."""

    label: str
    definition: str
    source: str


INDICATOR_TEXTS: dict[str, IndicatorText] = {
    "sgb2_u15": IndicatorText(
        label="SGB-II-Quote unter 15 J.",
        definition="Anteil der unter 15-Jährigen, die in SGB-II-Bedarfsgemeinschaften leben, "
        "an allen unter 15-Jährigen.",
        source="Bundesagentur für Arbeit, Statistik der Grundsicherung; "
        "Stadt Bottrop, Sozialbericht",
    ),
    "kinder_bg_u18": IndicatorText(
        label="Kinder und Jugendliche unter 18 in Bedarfsgemeinschaften",
        definition="Anteil der unter 18-Jährigen in Bedarfsgemeinschaften (SGB II) an allen "
        "unter 18-Jährigen.",
        source="Bundesagentur für Arbeit; Stadt Bottrop, Demografie- und Sozialatlas",
    ),
    "alleinerziehende": IndicatorText(
        label="Alleinerziehende",
        definition="Anteil der Haushalte von Alleinerziehenden an allen Haushalten mit Kindern "
        "unter 18 Jahren.",
        source="Stadt Bottrop, Melderegister (Haushaltegenerierung)",
    ),
    "arbeitslosenquote": IndicatorText(
        label="Arbeitslosenquote",
        definition="Anteil der Arbeitslosen an den Einwohnerinnen und Einwohnern von 15 bis "
        "unter 65 Jahren (kleinräumige Näherung).",
        source="Bundesagentur für Arbeit; Stadt Bottrop",
    ),
    "migration_u18": IndicatorText(
        label="Migrationshintergrund 0–17 J.",
        definition="Anteil der 0- bis 17-Jährigen mit Migrationshintergrund an allen 0- bis "
        "17-Jährigen. Kein Armutsmerkmal, aber wichtig für Sprach- und Beratungsangebote.",
        source="Stadt Bottrop, Melderegister",
    ),
    "einwohner_u18": IndicatorText(
        label="Einwohner 0–17 J.",
        definition="Zahl der Einwohnerinnen und Einwohner von 0 bis 17 Jahren mit "
        "Hauptwohnsitz.",
        source="Stadt Bottrop, Melderegister",
    ),
    "einwohner_gesamt": IndicatorText(
        label="Einwohner insgesamt",
        definition="Zahl der Einwohnerinnen und Einwohner aller Altersgruppen mit "
        "Hauptwohnsitz. Kein Armutsmerkmal; zeigt, ob ein Bezirk groß genug für die "
        "Einordnung nach Status und Dynamik ist.",
        source="Stadt Bottrop, Melderegister",
    ),
}

# A formatted indicator value that is missing (indicators.format_value)
NO_VALUE = "keine Daten"
