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
