"""The council's PDF reports: a district profile on two A4 pages and a city overview.

Built from the same services as the page (profiles, headlines, status_dynamics, supply,
charts), so paper and screen show the same figures. The map is the tile-free SVG of
sheet_map.py, the trend charts are the page's Altair charts rendered to SVG by vl-convert;
nothing is fetched (render.py refuses any URL). Every figure carries its source and year,
and demo data says so in the head of every page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from markupsafe import Markup

from services.analysis import supply
from services.analysis.charts import chart_svg, trend_chart
from services.analysis.headlines import HEADLINE_INDICATORS, Headline, headlines, offer_density
from services.analysis.profiles import (
    DistrictProfile,
    NearbyOffice,
    city_averages,
    district_profile,
)
from services.analysis.status_dynamics import RESIDENTS_KEY, status_dynamics
from services.formatting import NO_VALUE, format_date, format_number
from services.indicators import DEFAULT_INDICATOR, INDICATORS_BY_KEY
from services.model import Office
from services.reports.render import ENVIRONMENT, render_pdf
from services.reports.sheet_map import MapPoint, build_district_map
from services.snapshot import Snapshot
from services.texts import analysis as at
from services.texts import profile as t
from services.unmet_needs import NeedCount

MAP_WIDTH, MAP_HEIGHT = 400.0, 400.0  # drawing units of the district map (square)
CHART_WIDTH, CHART_HEIGHT = 190, 95  # Vega-Lite px of one trend chart on paper
CHART_MM = 57.0  # printed width of one chart: three side by side
# Two pages hold two rows of three charts. The total population is context (the size rule
# of status × dynamics), so the table shows it and it gets no chart of its own.
UNCHARTED = frozenset({RESIDENTS_KEY})
_SVG_SIZE = re.compile(r'^(<svg[^>]*?) width="([\d.]+)" height="([\d.]+)"')
OFFICE_LABEL = "Q"
MAX_OFFICES = 4  # listed by name; more would push the profile onto a third page


@dataclass(frozen=True, slots=True)
class Report:
    """The figures of one district report, ready for the template."""

    profile: DistrictProfile
    headlines: tuple[Headline, ...]
    unmet: tuple[tuple[str, int], ...]  # (need label, mentions), most first
    created: date


def district_report_html(
    snapshot: Snapshot, profile: DistrictProfile, unmet: Sequence[NeedCount], created: date
) -> str:
    """The profile's HTML (what the PDF shows; for tests and a preview)."""
    labels = {n.need: n.label for n in profile.offers_by_need}
    mine = sorted(((labels.get(c.need, c.need), c.count) for c in unmet
                   if c.district_id == profile.district_id), key=lambda item: -item[1])  # fmt: skip
    report = Report(profile, headlines(snapshot, profile), tuple(mine), created)
    offices, more = _listed_offices(profile)
    boundaries = t.DISTRICT_BOUNDARIES_DEMO if snapshot.demo_districts else t.DISTRICT_BOUNDARIES
    return ENVIRONMENT.get_template("district_profile.html").render(
        t=t, at=at, r=report, p=profile, c=profile.classes,
        created=format_date(created),
        map=_district_map(snapshot, profile),
        map_caption=t.REPORT_MAP_CAPTION.format(name=profile.name, source=boundaries,
                                                offices=t.OFFICES_SOURCE,
                                                date=format_date(created)),
        charts=[_chart(profile, trend) for trend in profile.trends
                if trend.years and trend.indicator.key not in UNCHARTED],  # fmt: skip
        offers_as_of=format_date(profile.offers_as_of),
        trends_title=_trends_title(profile),
        offices=offices,
        more_offices=t.OFFICES_MORE.format(n=more) if more else "",
        per_1000=lambda value: _fmt(value, 1),
    )


def _listed_offices(profile: DistrictProfile) -> tuple[list[tuple[str, str]], int]:
    """The nearest MAX_OFFICES offices (name, where) and how many more there are."""
    listed = [(near.office.name, office_place(near)) for near in profile.offices[:MAX_OFFICES]]
    return listed, max(len(profile.offices) - MAX_OFFICES, 0)


def district_report_pdf(
    snapshot: Snapshot, profile: DistrictProfile, unmet: Sequence[NeedCount], created: date
) -> bytes:
    """The district profile as a two-page A4 PDF."""
    html = district_report_html(snapshot, profile, unmet, created)
    return render_pdf(html, "report.css", "Bezirksprofil")


def office_place(near: NearbyOffice) -> str:
    """„im Bezirk“ or „ca. 490 m außerhalb“ (rounded to 10 m: a border is no exact line)."""
    if near.inside:
        return t.OFFICE_INSIDE
    return t.OFFICE_NEAR.format(metres=format_number(round(near.distance_m, -1)))


def _trends_title(profile: DistrictProfile) -> str:
    years = sorted({year for trend in profile.trends for year in trend.years})
    return t.SECTION_TRENDS.format(first=years[0], last=years[-1]) if years else ""


def printed_size(svg: str, width_mm: float) -> str:
    """The SVG's pixel size replaced by millimetres, keeping its proportions (WeasyPrint
    would otherwise print it at its pixel size)."""
    def size(match: re.Match) -> str:
        height_mm = width_mm * float(match[3]) / float(match[2])
        return f'{match[1]} width="{width_mm}mm" height="{height_mm:.1f}mm"'

    return _SVG_SIZE.sub(size, svg, count=1)


def _district_map(snapshot: Snapshot, profile: DistrictProfile):
    offices: Sequence[Office] = snapshot.offices
    points = [MapPoint(OFFICE_LABEL, o.lat, o.lon, "office") for o in offices]
    return build_district_map(profile.district_id, snapshot.districts, points, MAP_WIDTH, MAP_HEIGHT)


def _chart(profile: DistrictProfile, trend) -> dict:
    chart = trend_chart(trend, profile.name, CHART_WIDTH, CHART_HEIGHT, y_title=False)
    source = next((row.value.source for row in profile.indicators
                   if row.indicator.key == trend.indicator.key), "")  # fmt: skip
    return {
        "title": trend.indicator.label,
        "svg": Markup(printed_size(chart_svg(chart), CHART_MM)),  # Vega escapes its labels
        "caption": t.TREND_CAPTION.format(source=source or NO_VALUE,
                                          first=trend.years[0], last=trend.years[-1]),
    }


@dataclass(frozen=True, slots=True)
class OverviewRow:
    rank: int
    name: str
    stadtbezirk: str
    values: tuple[str, ...]  # the headline indicators, formatted
    children: str
    offers_per_1000: str
    group: str  # status × dynamics, "2 −" or "nicht eingeordnet"


def city_overview_html(
    snapshot: Snapshot, created: date, points: supply.ChildPoints | None = None
) -> str:
    """All districts ranked by the default indicator, and the gap table of all needs.

    `points`: where children live (supply.child_points of the stored addresses), the same
    the gap page uses; without them children are spread over the area."""
    classes = status_dynamics(snapshot)
    averages = city_averages(snapshot.indicator_values)
    profiles = [district_profile(snapshot, str(d), classes=classes, averages=averages,
                                 today=created) for d in snapshot.districts["id"]]  # fmt: skip
    key = DEFAULT_INDICATOR
    ranked = sorted(profiles, key=lambda p: _rank_of(p, key))
    gaps = supply.analyse_supply(snapshot, supply.SupplyOptions(combined=True), points)
    return ENVIRONMENT.get_template("city_overview.html").render(
        t=t, at=at,
        created=format_date(created),
        year=ranked[0].year if ranked else None,
        is_demo=snapshot.any_demo,
        indicator=INDICATORS_BY_KEY[key],
        header=[t.SHORT_LABELS.get(k, INDICATORS_BY_KEY[k].label) for k in HEADLINE_INDICATORS],
        rows=[_overview_row(snapshot, p) for p in ranked],
        classes=classes,
        gaps=_gap_rows(gaps),
        gap_caption=t.REPORT_GAPS_CAPTION.format(
            indicator=gaps.indicator.label, year=gaps.year,
            distance=format_number(gaps.options.distance_m), spread=gaps.spread_label),
        sources=sorted({*classes.sources, *gaps.sources}),
    )  # fmt: skip


def city_overview_pdf(
    snapshot: Snapshot, created: date, points: supply.ChildPoints | None = None
) -> bytes:
    html = city_overview_html(snapshot, created, points)
    return render_pdf(html, "report.css", "Stadtübersicht")


def _rank_of(profile: DistrictProfile, key: str) -> tuple[float, str]:
    row = next(r for r in profile.indicators if r.indicator.key == key)
    return (row.rank if row.rank is not None else float("inf"), profile.name)  # no value: last


def _overview_row(snapshot: Snapshot, profile: DistrictProfile) -> OverviewRow:
    rank = next(r.rank for r in profile.indicators if r.indicator.key == DEFAULT_INDICATOR)
    density = offer_density(snapshot, profile)
    status = profile.status
    return OverviewRow(
        rank=rank or 0,
        name=profile.name,
        stadtbezirk=profile.stadtbezirk,
        values=tuple(r.value_text for r in profile.indicators if r.indicator.key in HEADLINE_INDICATORS),
        children=NO_VALUE if profile.children.value is None else format_number(profile.children.value),
        offers_per_1000=NO_VALUE if density.per_1000 is None else format_number(density.per_1000, 1),
        group=status.short if status and status.short else t.NOT_CLASSIFIED_SHORT,
    )


def _gap_rows(gaps: supply.SupplyResult) -> list[dict]:
    rows = gaps.for_need(supply.ALL_CHOSEN)
    return [
        {
            "rank": NO_VALUE if pd.isna(row.gap_rank) else int(row.gap_rank),
            "district": row.district,
            "children": _fmt(row.children, 0),
            "offers": int(row.offers),
            "per_1000": _fmt(row.per_1000, 1),
            "coverage": _fmt(row.coverage * 100, 0, " %"),
            "gap": _fmt(row.gap_score, 2).replace("-", "−"),
        }
        for row in rows.itertuples(index=False)
    ]


def _fmt(value: float | None, decimals: int, unit: str = "") -> str:
    if value is None or value != value:
        return NO_VALUE
    return format_number(value, decimals) + unit
