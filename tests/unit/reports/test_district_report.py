"""The council's PDF reports: what they say, that each page is labelled demo, two A4 pages."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import date

import pytest

from services.analysis.headlines import headlines, offer_density
from services.analysis.profiles import district_profile
from services.analysis.status_dynamics import status_dynamics
from services.analysis.supply import (
    ALL_CHOSEN,
    SupplyOptions,
    address_table,
    analyse_supply,
    child_points,
    matching_offers,
)
from services.config import GEODATA_DIR
from services.formatting import format_number
from services.io.addresses import read_addresses
from services.reports.district_report import (
    MAX_OFFICES,
    city_overview_html,
    city_overview_pdf,
    district_report_html,
    district_report_pdf,
    printed_size,
)
from services.reports.sheet_map import MapPoint, build_district_map
from services.taxonomy import NEEDS
from services.texts import analysis as at
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
    assert "Einwohner insgesamt" in text  # a row of the table, but no chart (two pages)
    html = district_report_html(demo, profile, UNMET, CREATED)
    assert html.count('<div class="chart">') == 6 and "<h3>Einwohner 0–17 J.</h3>" in html


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


A4_RIGHT_PT = (210 - 13) / 25.4 * 72  # the right page margin (report.css) in PDF points


def pdf_words(pdf: bytes, tmp_path) -> list[tuple[str, float]]:
    """Every word of the PDF with its right edge (pdftotext -bbox)."""
    path = tmp_path / "words.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    found = re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)
    return [(word, float(x_max)) for x_max, word in found]


def demo_points(snapshot):
    """The demo's building addresses as the gap page spreads children over them."""
    addresses = read_addresses(GEODATA_DIR / "addresses.csv").addresses
    return child_points(snapshot.districts, address_table(addresses))


def test_city_overview_heads_are_whole_and_stay_inside_the_page(demo, tmp_path):
    pdf = city_overview_pdf(demo, CREATED, demo_points(demo))
    text = " ".join(" ".join(page.split()) for page in pdf_pages(pdf, tmp_path))
    heads = [t.COL_RANK, t.COL_DISTRICT, t.COL_STADTBEZIRK, *t.SHORT_LABELS.values(),
             t.COL_CHILDREN, t.HEADLINE_OFFERS, t.COL_GROUP, t.COL_OFFERS, t.COL_PER_1000,
             t.COL_COVERAGE, t.COL_GAP]  # fmt: skip
    words = " ".join(word for word, _ in pdf_words(pdf, tmp_path))
    for head in heads:  # a wrapped head is still all there, word by word
        assert all(part in words.split() for part in head.split()), head
    assert "Status × Dynamik" in text or "Status ×" in text
    assert max(right for _, right in pdf_words(pdf, tmp_path)) <= A4_RIGHT_PT + 0.5


def test_city_overview_spreads_children_over_the_addresses_like_the_gap_page(demo):
    points = demo_points(demo)
    html = city_overview_html(demo, CREATED, points)
    assert at.SPREAD_LABELS["addresses"] in html and at.SPREAD_LABELS["area_grid"] not in html
    page = analyse_supply(demo, SupplyOptions(combined=True), points).for_need(ALL_CHOSEN)
    eigen = page.set_index("district")["coverage"]["Eigen"]
    row = html.split(t.REPORT_GAPS)[1].split(">Eigen</td>")[1].split("</tr>")[0]
    assert f"{format_number(eigen * 100, 0)} %" in row
    assert at.RESIDENTS_UNCHECKED not in html  # the demo data has residents of all ages


def test_every_figure_of_the_district_report_names_source_and_year(demo):
    profile = district_profile(demo, "41", today=CREATED)
    html = " ".join(district_report_html(demo, profile, UNMET, CREATED).split())
    boundaries = t.DISTRICT_BOUNDARIES_DEMO
    assert f"Grenzen: {boundaries}; Quartiersbüros: {t.OFFICES_SOURCE}; Stand 28.11.2026." in html
    sources = "; ".join(profile.indicator_sources)
    status_sources = "; ".join(profile.classes.sources)
    assert t.STATUS_SOURCE.format(source=status_sources, base_year=2021, year=2023) in html
    assert t.SOURCE_YEAR.format(source=t.OFFICES_SOURCE, year="28.11.2026") in html
    similar = f"{t.SIMILAR_CAPTION.format(year=2023)} {t.SOURCE_YEAR.format(source=sources, year=2023)}"
    assert " ".join(similar.split()) in html
    table_source = html.split(t.AVERAGE_WEIGHTED_HELP)[1].split("</p>")[0]
    assert sources in table_source and at.OFFERS_SOURCE not in table_source
    assert at.RESIDENTS_UNCHECKED not in html  # the demo data has residents of all ages


def test_both_reports_say_when_a_city_has_no_residents_of_all_ages(demo):
    values = demo.indicator_values
    city = dataclasses.replace(
        demo, indicator_values=values[values["indicator_key"] != "einwohner_gesamt"])
    profile = district_profile(city, "41", today=CREATED)
    assert at.RESIDENTS_UNCHECKED in district_report_html(city, profile, UNMET, CREATED)
    assert at.RESIDENTS_UNCHECKED in city_overview_html(city, CREATED)


def test_the_status_text_follows_the_classification_year_not_the_profile_year(demo):
    classes = status_dynamics(demo, 2023)
    profile = district_profile(demo, "41", year=2021, classes=classes, today=CREATED)
    html = " ".join(district_report_html(demo, profile, [], CREATED).split())
    assert " ".join(t.STATUS_EXPLANATION.format(year=2023, base_year=2021).split()) in html


def test_district_report_stays_two_pages_with_many_nearby_offices(demo, tmp_path):
    office = next(o for o in demo.offices if o.name == "Stadtteilbüro Batenbrock")
    extra = tuple(dataclasses.replace(office, id=f"x{i}", name=f"Quartiersbüro Beispielstraße {i}")
                  for i in range(8))  # fmt: skip
    crowded = dataclasses.replace(demo, offices=demo.offices + extra)
    profile = district_profile(crowded, "41", today=CREATED)
    assert len(profile.offices) >= 9
    every_need = [NeedCount("41", need.code, i + 1) for i, need in enumerate(NEEDS)]
    pdf = district_report_pdf(crowded, profile, every_need, CREATED)
    path = tmp_path / "crowded.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.MULTILINE)
    text = " ".join(" ".join(page.split()) for page in pdf_pages(pdf, tmp_path))
    assert t.OFFICES_MORE.format(n=len(profile.offices) - MAX_OFFICES) in text
