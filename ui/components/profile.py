"""The district profile's parts: the map of the 12 status × dynamics groups with the district
framed, the sections of figures, and the PDF downloads.

Figures come from services/analysis (profiles, headlines); every data text that reaches
Markdown goes through markdown_literal; tables are plain data frames (not Markdown).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from services.analysis import exports
from services.analysis.charts import trend_chart
from services.analysis.headlines import Headline
from services.analysis.profiles import DistrictProfile
from services.analysis.status_dynamics import StatusDynamics
from services.analysis.supply import ALL_CHOSEN
from services.config import load_settings
from services.formatting import NO_VALUE, format_date, format_number
from services.map import layers
from services.map.base import bounds_of, new_map
from services.plaintext import markdown_literal
from services.reports.district_report import (
    city_overview_pdf,
    district_report_pdf,
    office_place,
)
from services.snapshot import Snapshot
from services.texts import analysis as at
from services.texts import profile as t
from services.texts import ui
from services.unmet_needs import NeedCount, per_district
from ui.components import gap_exports
from ui.components.gap_analysis import default_supply, sample_points
from ui.components.map_frame import assets_ready, map_frame
from ui.components.profile_choice import show_district

TREND_COLUMNS = 3
CHART_HEIGHT = 170  # px of the plot area
ROW_PX = 35  # a row of st.dataframe: tables this short are shown whole, without scrolling


def status_map(snap: Snapshot, classes: StatusDynamics, profile: DistrictProfile, key: str,
               height: int) -> None:  # fmt: skip
    """The 12 groups as a map (status colour, group label), the chosen district framed with
    the Quartiersbüros in or near it; a click on a district opens it.

    The frame and the offices are the swappable layers, so stepping through districts keeps
    the map mounted; only the district's own offices are drawn, so the symbols of the
    whole city do not cover the district names. The legend sits bottom left, where the
    city's outline leaves room.
    """
    if not assets_ready():
        return
    geometries = layers.district_geometries(snap.districts_web_geojson)
    elements = [
        layers.status_layer(classes, geometries),
        layers.district_label_layer(snap.district_names, geometries),
        layers.status_group_layer(classes, geometries),
    ]
    if snap.demo_districts:  # first: in a shared bottom corner it stays at the bottom
        elements.append(layers.notice(ui.DEMO_DISTRICTS))
    elements.append(layers.status_legend(classes))
    base = new_map(load_settings(), bounds_of(geometries), elements)
    frame = layers.highlight_layer(profile.district_id, profile.name, geometries)
    offices = layers.office_layer([near.office for near in profile.offices])
    map_frame(base, [frame, offices], key=key, height=height)


def headline_metrics(figures: Sequence[Headline]) -> None:
    for figure in figures:
        st.metric(figure.label, figure.value)
        if figure.comparison:
            st.caption(markdown_literal(figure.comparison))


def status_box(profile: DistrictProfile, classes: StatusDynamics) -> None:
    """The group with its explanation; a district not classified says why."""
    with st.container(border=True):
        st.markdown(f"**{t.SECTION_STATUS}**")
        status = profile.status
        if status is not None and status.status is not None:
            st.markdown(t.STATUS_GROUP.format(short=status.short, label=status.label))
            st.caption(t.STATUS_INDEX.format(status=_index(status.status_index),
                                             dynamics=_index(status.dynamics_index)))  # fmt: skip
            if status.reason:
                st.caption(status.reason)
        else:
            st.warning(status.label if status is not None else t.NOT_CLASSIFIED_SHORT)
        st.caption(t.STATUS_EXPLANATION.format(year=classes.year, base_year=classes.base_year))
        if not classes.residents_checked:
            st.caption(at.RESIDENTS_UNCHECKED)
        st.caption(markdown_literal(t.STATUS_SOURCE.format(
            source="; ".join(classes.sources), base_year=classes.base_year, year=classes.year)))


def _index(value: float | None) -> str:
    return "–" if value is None else format_number(value, 2).replace("-", "−")


def indicator_table(profile: DistrictProfile) -> None:
    st.subheader(f"{t.SECTION_INDICATORS} {profile.year}")
    frame = pd.DataFrame(
        {
            t.COL_INDICATOR: [r.indicator.label for r in profile.indicators],
            t.COL_VALUE: [r.value_text for r in profile.indicators],
            t.COL_AVERAGE: [r.average_text for r in profile.indicators],
            t.COL_DIFFERENCE: [r.difference_text for r in profile.indicators],
            t.COL_RANK: [t.RANK_TEXT.format(rank=r.rank, of=r.ranked) if r.rank else ""
                         for r in profile.indicators],  # fmt: skip
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    sources = "; ".join(profile.indicator_sources)
    st.caption(markdown_literal(f"{t.RANK_HELP} {t.AVERAGE_WEIGHTED_HELP} "
                                + t.SOURCE_YEAR.format(source=sources, year=profile.year)))


def trend_charts(profile: DistrictProfile) -> None:
    trends = [trend for trend in profile.trends if trend.years]
    if not trends:
        return
    years = sorted({y for trend in trends for y in trend.years})
    st.subheader(t.SECTION_TRENDS.format(first=years[0], last=years[-1]))
    columns = st.columns(TREND_COLUMNS)
    for i, trend in enumerate(trends):
        with columns[i % TREND_COLUMNS]:
            st.markdown(f"**{trend.indicator.label}**")
            st.altair_chart(trend_chart(trend, profile.name, height=CHART_HEIGHT, y_title=False),
                            width="stretch", height=CHART_HEIGHT + 110)  # + axis and legend
    source = "; ".join(profile.indicator_sources)
    st.caption(markdown_literal(t.TREND_CAPTION.format(source=source, first=years[0],
                                                       last=years[-1])))  # fmt: skip


def offers_by_need(profile: DistrictProfile) -> None:
    st.subheader(t.SECTION_OFFERS)
    frame = pd.DataFrame(
        {
            t.COL_NEED: [n.label for n in profile.offers_by_need],
            t.COL_OFFERS: [n.offers for n in profile.offers_by_need],
            t.COL_PER_1000: [NO_VALUE if n.per_1000 is None else format_number(n.per_1000, 1)
                             for n in profile.offers_by_need],  # fmt: skip
        }
    )
    _whole_table(frame)
    st.caption(t.OFFERS_CAPTION.format(ages=profile.ages_label,
                                       date=format_date(profile.offers_as_of),
                                       year=profile.children.year))  # fmt: skip


def _whole_table(frame: pd.DataFrame) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", height=(len(frame) + 1) * ROW_PX + 3)


def offices(profile: DistrictProfile) -> None:
    st.subheader(t.SECTION_OFFICES)
    if not profile.offices:
        st.caption(t.NO_OFFICES)
    for near in profile.offices:
        st.markdown(f"**{markdown_literal(near.office.name)}** – {office_place(near)}")


def unmet_needs(profile: DistrictProfile, counts: Sequence[NeedCount] | None,
                demo: Sequence[NeedCount] = ()) -> None:  # fmt: skip
    """The district's reported needs per need; `demo` holds the invented ones, said below."""
    st.subheader(t.SECTION_UNMET)
    if counts is None:
        return  # the database warning is already on the page
    labels = {n.need: n.label for n in profile.offers_by_need}
    mine = [c for c in counts if c.district_id == profile.district_id]
    if not mine:
        st.caption(t.NO_UNMET)
        return
    frame = pd.DataFrame({t.COL_NEED: [labels.get(c.need, c.need) for c in mine],
                          t.COL_REPORTS: [c.count for c in mine]})  # fmt: skip
    _whole_table(frame.sort_values(t.COL_REPORTS, ascending=False))
    st.caption(t.UNMET_CAPTION)
    invented = per_district(demo).get(profile.district_id, 0)
    if invented:
        st.caption(t.UNMET_DEMO.format(count=invented))


def similar(profile: DistrictProfile) -> None:
    """The three most similar districts, each a button that opens its profile."""
    st.subheader(t.SECTION_SIMILAR)
    if not profile.similar:
        st.caption(t.NO_SIMILAR)
        return
    for other in profile.similar:
        st.button(markdown_literal(other.name), key=f"similar_{other.district_id}",
                  on_click=show_district, args=(other.district_id,))  # fmt: skip
    st.caption(markdown_literal(t.SIMILAR_CAPTION.format(year=profile.year) + " " + t.SOURCE_YEAR.format(
        source="; ".join(profile.indicator_sources), year=profile.year)))


def exports_section(snap: Snapshot, profile: DistrictProfile) -> None:
    """Tables for Excel and layers for QGIS: the profile itself, every district with its
    indicators and gap figures (all needs, 1 km, the profile's ages), the offers."""
    indicators, offers = exports.profile_tables(profile)
    with st.expander(at.EXPORT_HEADING):
        st.markdown(f"**{markdown_literal(at.EXPORT_PROFILE.format(name=profile.name))}**")
        st.caption(f"{t.SECTION_INDICATORS} {profile.year}")
        gap_exports.table_downloads(lambda: indicators,
                                    at.EXPORT_FILE_PROFILE.format(id=profile.district_id),
                                    "prof_dl_profile")  # fmt: skip
        st.caption(t.SECTION_OFFERS)
        gap_exports.table_downloads(lambda: offers,
                                    at.EXPORT_FILE_OFFERS_BY_NEED.format(id=profile.district_id),
                                    "prof_dl_need")  # fmt: skip
        gaps = at.EXPORT_PROFILE_GAPS.format(ages=profile.ages_label)
        gap_exports.analysis_downloads(snap, partial(default_supply, snap, profile.age_groups),
                                       ALL_CHOSEN, gaps, profile.year, "prof_dl")  # fmt: skip


def report_downloads(snap: Snapshot, profile: DistrictProfile,
                     counts: Sequence[NeedCount] | None) -> None:  # fmt: skip
    """The two PDFs, built only when clicked (deferred downloads, nothing kept)."""
    today = date.today()
    left, right = st.columns(2)
    left.download_button(
        t.PDF_PROFILE, data=partial(district_report_pdf, snap, profile, tuple(counts or ()), today),
        file_name=t.PDF_PROFILE_FILE.format(id=profile.district_id), mime="application/pdf",
        key="pdf_profile", help=t.PDF_PROFILE_HELP, on_click="ignore", type="primary",
    )  # fmt: skip
    right.download_button(
        t.PDF_CITY, data=partial(city_overview_pdf, snap, today, sample_points(snap)),
        file_name=t.PDF_CITY_FILE,
        mime="application/pdf", key="pdf_city", help=t.PDF_CITY_HELP, on_click="ignore",
    )  # fmt: skip
