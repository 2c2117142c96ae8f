"""German texts of the planning analyses (services/analysis): labels, reasons, export columns.

Keyed by the stable codes the analysis returns ("area_grid", "sehr_niedrig", …), so pages,
PDF reports and exports show the same words.
"""

from __future__ import annotations

# How children were spread over a district (supply.ChildPoints.method)
SPREAD_LABELS: dict[str, str] = {
    "addresses": "Kinder verteilt auf die Wohnadressen (jede Adresse gleich gewichtet)",
    "area_grid": "Kinder gleichmäßig über die Fläche verteilt (Raster 100 m, keine Adressdaten)",
    "mixed": "Kinder verteilt auf Wohnadressen, in Bezirken ohne Adressen gleichmäßig über die Fläche",
}
ALL_CHOSEN_LABEL = "Alle gewählten Bedarfe"
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
TOO_FEW_CHILDREN = (
    "Nicht eingeordnet: nur {n} Kinder (weniger als {minimum}); bei so kleinen Zahlen "
    "schwanken die Anteile zu stark"
)
TOO_FEW_RESIDENTS = (
    "Nicht eingeordnet: nur {n} Einwohner (weniger als {minimum}); bei so kleinen Zahlen "
    "schwanken die Anteile zu stark"
)
MISSING_VALUES = "Nicht eingeordnet: für {year} fehlen Werte ({labels})"
RESIDENTS_UNCHECKED = (
    "Die Einwohnerzahl aller Altersgruppen liegt nicht vor; geprüft wurde nur die "
    "Mindestzahl von 30 Kindern."
)

# District profile (profiles.py)
CITY_SERIES = "Stadtdurchschnitt"
PERCENTAGE_POINTS = "Pp."

# Scenarios ("Was wäre, wenn"): hypothetical offers (model.py, scenarios.py)
SCENARIO = "Szenario"
SCENARIO_NAME_MISSING = "Das Szenario braucht einen Namen."
HYPOTHETICAL_NAME_MISSING = "Angenommenes Angebot {number}: Der Name fehlt."
HYPOTHETICAL_NEEDS = (
    "Angenommenes Angebot {number} ({name}): Bitte mindestens einen Bedarf aus der Liste wählen."
)
HYPOTHETICAL_AUDIENCE = "Angenommenes Angebot {number} ({name}): Unbekannte Zielgruppe."
HYPOTHETICAL_AGES = (
    "Angenommenes Angebot {number} ({name}): Das Alter muss zwischen 0 und 120 liegen, "
    "das Mindestalter darf nicht über dem Höchstalter liegen."
)
HYPOTHETICAL_POSITION = "Angenommenes Angebot {number} ({name}): Die Position liegt nicht auf der Erde."
