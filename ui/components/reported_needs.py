"""The optional map layer „Gemeldete Bedarfe“: the Lotse's anonymous reports per district.

Shared by the map page and the gap page. Counts are read fresh for the last twelve months
(Repository.unmet_need_counts, a small indexed query; not part of the snapshot, see
docs/architecture.md), so a report shows up at the next rerun.
"""

from __future__ import annotations

from datetime import date, timedelta

import folium
import streamlit as st

from services.formatting import format_date
from services.map.layers import ReportedNeeds, district_geometries, reported_needs_layer
from services.snapshot import Snapshot
from services.texts import analysis as t
from ui import data

PERIOD_DAYS = 365


def reported_toggle(key: str) -> bool:
    """The checkbox that shows the layer (off by default: it is an extra on both maps)."""
    return st.toggle(t.GAPS_REPORTED, key=key, help=t.GAPS_REPORTED_HELP)


def reported_layer(
    snap: Snapshot, need: str | None = None, today: date | None = None
) -> folium.FeatureGroup | None:
    """Counts of the last twelve months, of one need or (None) all, with the demo set's share;
    None (with a German note) when the database cannot answer."""
    end = today or date.today()
    start = end - timedelta(days=PERIOD_DAYS)
    counts = data.unmet_need_counts(start, end)
    demo = data.unmet_need_counts(start, end, only_demo=True) if counts is not None else None
    if counts is None or demo is None:
        st.caption(t.GAPS_REPORTED_UNAVAILABLE)
        return None
    period = t.GAPS_REPORTED_PERIOD.format(start=format_date(start), end=format_date(end))
    geometries = district_geometries(snap.districts_web_geojson)
    return reported_needs_layer(ReportedNeeds.of(counts, demo, need), snap.district_names,
                                geometries, period)  # fmt: skip
