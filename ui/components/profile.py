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

from services.analysis.charts import trend_chart
from services.analysis.headlines import Headline
from services.analysis.profiles import DistrictProfile
from services.analysis.status_dynamics import StatusDynamics
from services.config import load_settings
from services.formatting import NO_VALUE, format_number
from services.map import layers
from services.map.base import bounds_of, new_map
from services.plaintext import markdown_literal
from services.reports.district_report import (
    city_overview_pdf,
    district_report_pdf,
    office_place,
)
from services.snapshot import Snapshot
from services.texts import profile as t
from services.texts import ui
from services.unmet_needs import NeedCount, per_district
from ui.components.map_frame import assets_ready, map_frame
from ui.components.profile_choice import show_district

TREND_COLUMNS = 3
CHART_HEIGHT = 170  # px of the plot area


def status_map(snap: Snapshot, classes: StatusDynamics, district_id: str, key: str,
               height: int) -> None:  # fmt: skip
    """The 12 groups as a map, the chosen district framed; a click on a district opens it.

    The frame is the swappable layer, so stepping through districts keeps the map mounted.
    """
    if not assets_ready():
        return
    geometries = layers.district_geometries(snap.districts_web_geojson)
    elements = [
        layers.status_layer(classes, geometries),
        layers.district_label_layer(snap.district_names, geometries),
        layers.office_layer(list(snap.offices)),
        layers.status_legend(classes),
    ]
    if snap.demo_districts:
        elements.append(layers.notice(ui.DEMO_DISTRICTS))
    base = new_map(load_settings(), bounds_of(geometries), elements)
    frame = layers.highlight_layer(district_id, snap.district_names[district_id], geometries)
    map_frame(base, [frame], key=key, height=height)


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
    sources = "; ".join(profile.sources)
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
                            width="stretch", height=CHART_HEIGHT + 90)  # + axis and legend
    source = "; ".join(profile.sources)
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
    st.dataframe(frame, hide_index=True, width="stretch")
    st.caption(t.OFFERS_CAPTION.format(date=profile.offers_as_of.strftime("%d.%m.%Y"),
                                       year=profile.children.year))  # fmt: skip


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
    st.dataframe(frame.sort_values(t.COL_REPORTS, ascending=False), hide_index=True,
                 width="stretch")  # fmt: skip
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
    st.caption(t.SIMILAR_CAPTION.format(year=profile.year))


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
        t.PDF_CITY, data=partial(city_overview_pdf, snap, today), file_name=t.PDF_CITY_FILE,
        mime="application/pdf", key="pdf_city", help=t.PDF_CITY_HELP, on_click="ignore",
    )  # fmt: skip
