"""The council's PDF reports: what they say, that each page is labelled demo, two A4 pages."""

from __future__ import annotations

import dataclasses
import subprocess
from datetime import date

import pytest

from services.analysis.headlines import headlines, offer_density
from services.analysis.profiles import district_profile
from services.analysis.supply import matching_offers
from services.reports.district_report import (
    city_overview_html,
    city_overview_pdf,
    district_report_html,
    district_report_pdf,
    printed_size,
)
from services.reports.sheet_map import MapPoint, build_district_map
from services.texts import profile as t
from services.unmet_needs import NeedCount
from tests.unit.analysis.city import demo_snapshot

CREATED = date(2026, 11, 28)
UNMET = [NeedCount("41", "sprache", 4), NeedCount("41", "lernen", 2), NeedCount("12", "gesundheit", 9)]


@pytest.fixture(scope="module")
def demo():
    return demo_snapshot()


def pdf_pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_district_report_is_two_a4_pages_each_labelled_demo(demo, tmp_path):
    profile = district_profile(demo, "41", today=CREATED)
    pages = pdf_pages(district_report_pdf(demo, profile, UNMET, CREATED), tmp_path)
    assert len(pages) == 2
    assert all(t.DEMO_NOTE in page for page in pages)
    text = " ".join(" ".join(page.split()) for page in pages)
    assert "Bezirksprofil Batenbrock-Nord" in text
    assert "SGB-II-Quote unter 15 J." in text and "Stadt: 21,8 %" in text
    assert "Gruppe 2 −: Status mittel, Dynamik negativ" in text
    assert "Entwicklung 2019–2023 gegenüber der Stadt" in text
    assert "Stadtteilbüro Batenbrock – im Bezirk" in text
    assert "Sprachförderung: 4" in text and "Lernen & Hausaufgaben: 2" in text
    assert "Gesundheit: 9" not in text  # another district's report
    assert "Quelle: Demo-Daten" in text


def test_district_report_escapes_data_and_says_why_a_district_is_not_classified(demo):
    layer = demo.districts.copy()
    layer.loc[layer["id"] == "41", "name"] = "<script>alert(1)</script>"
    values = demo.indicator_values.copy()
    values.loc[(values["district_id"] == "41") & (values["indicator_key"] == "einwohner_u18"),
               "value"] = 12.0  # fmt: skip
    small = dataclasses.replace(demo, districts=layer, indicator_values=values)
    profile = district_profile(small, "41", today=CREATED)
    html = district_report_html(small, profile, [], CREATED)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "nur 12 Kinder (weniger als 30)" in html
    assert t.NO_UNMET in html


def test_city_overview_ranks_every_district_and_has_the_gap_table(demo, tmp_path):
    pages = pdf_pages(city_overview_pdf(demo, CREATED), tmp_path)
    assert all(t.DEMO_NOTE in page for page in pages)
    text = "\n".join(pages)
    for name in demo.districts["name"]:
        assert text.count(name.split("/")[0]) >= 2  # in the ranking and in the gap table
    assert t.REPORT_GAPS in text
    html = city_overview_html(demo, CREATED)
    ranking = html.split(t.REPORT_GAPS)[0]
    assert ranking.index("Altstadt") < ranking.index("Kirchhellen-Nord")  # 54,0 % before 5,3 %


def test_printed_size_keeps_the_proportions():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
    assert printed_size(svg, 50) == (
        '<svg xmlns="http://www.w3.org/2000/svg" width="50mm" height="25.0mm" viewBox="0 0 200 100">'
    )


def test_district_map_frames_the_district_and_keeps_only_points_inside(demo):
    far_away = MapPoint("Q", 51.62, 6.99, "office")  # Kirchhellen, far from Batenbrock
    near = MapPoint("Q", 51.526, 6.955, "office")
    sheet = build_district_map("41", demo.districts, [far_away, near], 400, 400)
    assert sheet.highlight.startswith("M") and len(sheet.markers) == 1
    assert (sheet.width, sheet.height) == (400, 400)
    with pytest.raises(KeyError):
        build_district_map("999", demo.districts)


def test_headlines_compare_with_the_city(demo):
    profile = district_profile(demo, "41", today=CREATED)
    density = offer_density(demo, profile)
    active = matching_offers(demo.offers, ())
    assert density.offers == int((active["district_id"] == "41").sum())
    assert density.per_1000 == pytest.approx(density.offers / 1040 * 1000)
    figures = {h.label: h for h in headlines(demo, profile)}
    assert figures["SGB-II-Quote unter 15 J."].value == "21,8 %"
    assert figures[t.HEADLINE_STATUS].value == "2 −"
    assert figures[t.HEADLINE_CHILDREN].value == "1.040"
