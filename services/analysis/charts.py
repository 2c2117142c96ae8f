"""The profile's trend chart as an Altair (Vega-Lite) specification.

One builder for the page (st.altair_chart) and the PDF (vl-convert renders the same spec to
SVG), so screen and paper show the same chart. German axis titles; the district in dark
blue, the city average dashed in grey (told apart by line style as well as colour); the
source and demo note go into the caption.
"""

from __future__ import annotations

import altair as alt

from services.analysis.profiles import Trend
from services.texts import analysis as t

DISTRICT_COLOUR = "#08519c"  # ColorBrewer Blues, darkest of 5
CITY_COLOUR = "#737373"
# d3-format locale: decimal comma and dot for thousands, as everywhere else in the app
GERMAN_NUMBERS = alt.NumberLocale(decimal=",", thousands=".", grouping=[3], currency=["", " €"])


def trend_chart(
    trend: Trend, district_name: str, width: int = 420, height: int = 220, y_title: bool = True
) -> alt.Chart:
    """Lines over the years: the district against the city average. Small multiples (the
    PDF) leave out the value axis' title (`y_title`): the heading above names it."""
    frame = trend.frame(district_name)
    unit = trend.indicator.unit
    value_title = f"{trend.indicator.label} ({unit})" if unit == "%" else trend.indicator.label
    series = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=[district_name, t.CITY_SERIES], range=[DISTRICT_COLOUR, CITY_COLOUR]),
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0),  # never cut
    )
    dash = alt.StrokeDash(
        "series:N",
        scale=alt.Scale(domain=[district_name, t.CITY_SERIES], range=[[1, 0], [5, 3]]),
        legend=None,
    )
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=t.CHART_YEAR, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=value_title if y_title else None,
                    scale=alt.Scale(zero=unit != "%")),
            color=series,
            strokeDash=dash,
            tooltip=[
                alt.Tooltip("series:N", title=t.CHART_SERIES),
                alt.Tooltip("year:O", title=t.CHART_YEAR),
                alt.Tooltip("value:Q", title=value_title, format=",.1f"),
            ],
        )
        .properties(width=width, height=height)
        .configure(locale=alt.Locale(number=GERMAN_NUMBERS))
    )


def chart_svg(chart: alt.Chart) -> str:
    """The chart as SVG text for the PDF, rendered offline by vl-convert (bundled Vega, no
    browser, nothing fetched), so paper shows the very chart of the page."""
    import vl_convert  # imported late: only the PDF reports need it

    return vl_convert.vegalite_to_svg(chart.to_dict())
