"""The indicator catalogue: what each poverty indicator means, its unit and direction.

Values live in the database in long form (`IndicatorValue`); this catalogue explains them.
Definitions follow the common ones of Berlin's "Monitoring Soziale Stadtentwicklung" and
Hamburg's "Sozialmonitoring" (see docs/methods.md). The German wording (label, definition,
source) lives in services/texts/catalogue.py, keyed by indicator key, with every other
user-facing string so it can be translated in one place; the Indicator objects here are
built from it, and a key without text fails at import.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.texts.catalogue import INDICATOR_TEXTS


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    label: str
    unit: str  # "%" or "Anzahl"
    definition: str
    higher_is_worse: bool | None  # None: neither direction is worse (e.g. counts)
    source: str


# Unit and direction per indicator, in the order of the indicator picker. Label, definition
# and source are text and come from texts/catalogue.py.
_MEASURES: dict[str, tuple[str, bool | None]] = {
    "sgb2_u15": ("%", True),
    "kinder_bg_u18": ("%", True),
    "alleinerziehende": ("%", True),
    "arbeitslosenquote": ("%", True),
    "migration_u18": ("%", None),
    "einwohner_u18": ("Anzahl", None),
    "einwohner_gesamt": ("Anzahl", None),
}
INDICATORS: tuple[Indicator, ...] = tuple(
    Indicator(
        key,
        INDICATOR_TEXTS[key].label,
        unit,
        INDICATOR_TEXTS[key].definition,
        higher_is_worse,
        INDICATOR_TEXTS[key].source,
    )
    for key, (unit, higher_is_worse) in _MEASURES.items()
)
INDICATORS_BY_KEY: dict[str, Indicator] = {i.key: i for i in INDICATORS}
DEFAULT_INDICATOR = "sgb2_u15"

