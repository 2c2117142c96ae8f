"""The headline figures of a district profile: the few numbers a council slide and the PDF's
first lines show, each against the city.

One function for the presentation mode and the PDF report, so the projector and the paper
never disagree. Offers per 1,000 children count every active offer with its position in the
district once (whatever its needs), against the same figure for the whole city.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.analysis import supply
from services.analysis.profiles import DistrictProfile, IndicatorRow
from services.formatting import NO_VALUE, format_number
from services.indicators import DEFAULT_INDICATOR
from services.snapshot import Snapshot
from services.texts import analysis as at
from services.texts import profile as t

HEADLINE_INDICATORS: tuple[str, ...] = (DEFAULT_INDICATOR, "kinder_bg_u18")


@dataclass(frozen=True, slots=True)
class Headline:
    """One big figure: label, the district's value, and the city's for comparison."""

    label: str
    value: str
    comparison: str  # "Stadt: 21,8 %" or the explanation of a class; "" when none


@dataclass(frozen=True, slots=True)
class OfferDensity:
    """Active offers located in the district per 1,000 children 0–17, and the city's."""

    offers: int
    per_1000: float | None
    city_per_1000: float | None


def offer_density(snapshot: Snapshot, profile: DistrictProfile) -> OfferDensity:
    """Offers of the district and of the city per 1,000 children of the profile's year."""
    active = supply.matching_offers(snapshot.offers, ())
    offers = int((active["district_id"] == profile.district_id).sum())
    values = snapshot.indicator_values
    children = supply.values_by_district(values, supply.CHILDREN_KEY, profile.year)
    city_children = float(children.sum()) if not children.empty else 0.0
    own = profile.children.value
    return OfferDensity(
        offers=offers,
        per_1000=offers / own * 1000 if own else None,
        city_per_1000=len(active) / city_children * 1000 if city_children else None,
    )


def headlines(snapshot: Snapshot, profile: DistrictProfile) -> tuple[Headline, ...]:
    """SGB-II quota and children in Bedarfsgemeinschaften against the city, children 0–17,
    offers per 1,000 children against the city, and the status × dynamics group."""
    rows = {row.indicator.key: row for row in profile.indicators}
    figures = [_indicator_headline(rows[key]) for key in HEADLINE_INDICATORS if key in rows]
    figures.append(Headline(t.HEADLINE_CHILDREN, _number(profile.children.value), ""))
    density = offer_density(snapshot, profile)
    figures.append(Headline(t.HEADLINE_OFFERS, _number(density.per_1000, 1),
                            t.HEADLINE_VERSUS.format(average=_number(density.city_per_1000, 1))))
    status = profile.status
    if status is not None and status.status is not None:
        figures.append(Headline(t.HEADLINE_STATUS, status.short, status.label))
    else:
        reason = status.label if status is not None else at.NOT_CLASSIFIED
        figures.append(Headline(t.HEADLINE_STATUS, t.NOT_CLASSIFIED_SHORT, reason))
    return tuple(figures)


def _indicator_headline(row: IndicatorRow) -> Headline:
    return Headline(row.indicator.label, row.value_text,
                    t.HEADLINE_VERSUS.format(average=row.average_text))


def _number(value: float | None, decimals: int = 0) -> str:
    return NO_VALUE if value is None else format_number(value, decimals)
