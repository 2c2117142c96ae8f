"""The trend chart's specification: what the page and the PDF both draw."""

from __future__ import annotations

import pytest

from services.analysis.charts import trend_chart
from services.analysis.profiles import district_profile


def test_trend_chart_spec(city):
    profile = district_profile(city, "C")
    trend = next(t for t in profile.trends if t.indicator.key == "sgb2_u15")
    spec = trend_chart(trend, profile.name).to_dict()
    rows = next(iter(spec["datasets"].values()))
    by_series = {(r["series"], r["year"]): r["value"] for r in rows}
    assert len(by_series) == 6 and by_series[("Castrop-Süd", 2023)] == 30.0
    assert by_series[("Stadtdurchschnitt", 2021)] == pytest.approx(55_000 / 3_500)
    encoding = spec["encoding"]
    assert encoding["x"]["title"] == "Jahr"
    assert encoding["y"]["title"] == "SGB-II-Quote unter 15 J. (%)"
    assert encoding["color"]["scale"]["domain"] == ["Castrop-Süd", "Stadtdurchschnitt"]
    assert encoding["strokeDash"]["scale"]["range"] == [[1, 0], [5, 3]]  # not colour alone
    assert spec["config"]["locale"]["number"]["decimal"] == ","
