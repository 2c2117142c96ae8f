"""The indicator catalogue: what each poverty indicator means, its unit and direction.

Values live in the database in long form (`IndicatorValue`); this catalogue explains them.
Definitions follow the common ones of Berlin's "Monitoring Soziale Stadtentwicklung" and
Hamburg's "Sozialmonitoring" (see docs/methods.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    label: str
    unit: str  # "%" or "Anzahl"
    definition: str
    higher_is_worse: bool | None  # None: neither direction is worse (e.g. counts)
    source: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "sgb2_u15",
        "SGB-II-Quote unter 15 J.",
        "%",
        "Anteil der unter 15-Jährigen, die in SGB-II-Bedarfsgemeinschaften leben, "
        "an allen unter 15-Jährigen.",
        True,
        "Bundesagentur für Arbeit, Statistik der Grundsicherung; Stadt Bottrop, Sozialbericht",
    ),
    Indicator(
        "kinder_bg_u18",
        "Kinder und Jugendliche unter 18 in Bedarfsgemeinschaften",
        "%",
        "Anteil der unter 18-Jährigen in Bedarfsgemeinschaften (SGB II) an allen "
        "unter 18-Jährigen.",
        True,
        "Bundesagentur für Arbeit; Stadt Bottrop, Demografie- und Sozialatlas",
    ),
    Indicator(
        "alleinerziehende",
        "Alleinerziehende",
        "%",
        "Anteil der Haushalte von Alleinerziehenden an allen Haushalten mit Kindern "
        "unter 18 Jahren.",
        True,
        "Stadt Bottrop, Melderegister (Haushaltegenerierung)",
    ),
    Indicator(
        "arbeitslosenquote",
        "Arbeitslosenquote",
        "%",
        "Anteil der Arbeitslosen an den Einwohnerinnen und Einwohnern von 15 bis unter 65 "
        "Jahren (kleinräumige Näherung).",
        True,
        "Bundesagentur für Arbeit; Stadt Bottrop",
    ),
    Indicator(
        "migration_u18",
        "Migrationshintergrund 0–17 J.",
        "%",
        "Anteil der 0- bis 17-Jährigen mit Migrationshintergrund an allen 0- bis "
        "17-Jährigen. Kein Armutsmerkmal, aber wichtig für Sprach- und Beratungsangebote.",
        None,
        "Stadt Bottrop, Melderegister",
    ),
    Indicator(
        "einwohner_u18",
        "Einwohner 0–17 J.",
        "Anzahl",
        "Zahl der Einwohnerinnen und Einwohner von 0 bis 17 Jahren mit Hauptwohnsitz.",
        None,
        "Stadt Bottrop, Melderegister",
    ),
)
INDICATORS_BY_KEY: dict[str, Indicator] = {i.key: i for i in INDICATORS}
DEFAULT_INDICATOR = "sgb2_u15"


def format_value(value: float | None, indicator: Indicator) -> str:
    """German number format with unit: "28,7 %" or "1.234"; "keine Daten" for None."""
    if value is None or value != value:  # None or NaN
        return "keine Daten"
    if indicator.unit == "%":
        return f"{value:.1f}".replace(".", ",") + " %"
    return f"{value:,.0f}".replace(",", ".")
