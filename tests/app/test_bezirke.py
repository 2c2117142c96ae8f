"""The district profile page and its presentation mode through Streamlit's AppTest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.config import GEODATA_DIR, load_settings
from services.importer import seed_demo, shared_repository
from services.texts import analysis as at_texts
from services.texts import profile as t
from tests.unit.test_plaintext import visible
from ui import state
from ui.components.profile_choice import PICKER, YEAR_PICKER

TIMEOUT = 90
APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "pages/bezirke.py"


pytestmark = pytest.mark.usefixtures("demo_env")  # the module's demo database


def open_profile(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page(PAGE)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def title(at: AppTest) -> str:
    """The page title as the visitor reads it (the district name is shown literally)."""
    return visible(at.main.title[0].value)


def html_text(at: AppTest) -> str:
    return " ".join(str(element.proto) for element in at.get("html"))


def test_profile_from_a_link_shows_figures_against_the_city():
    at = open_profile(profil="41")
    assert not at.exception
    assert title(at) == "Batenbrock-Nord"
    assert any(t.DEMO_NOTE in w.value for w in at.warning)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["SGB-II-Quote unter 15 J."] == "21,8 %"
    assert metrics[t.HEADLINE_STATUS] == "2 −"
    indicators = at.dataframe[0].value
    row = indicators[indicators[t.COL_INDICATOR] == "Alleinerziehende"].iloc[0]
    assert (row[t.COL_VALUE], row[t.COL_AVERAGE], row[t.COL_DIFFERENCE]) == ("23,0 %", "21,6 %", "+1,4 Pp.")
    assert row[t.COL_RANK] == "6 von 17"
    markdown = " ".join(m.value for m in at.markdown)
    assert "Status mittel, Dynamik negativ" in markdown
    assert "Stadtteilbüro Batenbrock" in markdown
    captions = [c.value for c in at.caption]  # the reported needs: the demo set is invented
    assert any(c.startswith("davon Demo-Einträge (erfunden):") for c in captions)
    assert sum("Stadtdurchschnitt" in str(e.proto) for e in at.get("vega_lite_chart")) == 7
    labels = [b.label for b in at.button]
    assert t.PRESENT in labels and any("Boy" in label for label in labels)  # similar district
    assert at.query_params["profil"] == "41"


def test_picker_and_similar_districts_change_the_profile_and_the_link():
    at = open_profile(profil="41")
    at.selectbox(key=PICKER).set_value("11").run()
    assert title(at) == "Altstadt"
    assert at.query_params["profil"] == "11"
    similar = next(b for b in at.button if b.key and b.key.startswith("similar_"))
    similar.click().run()
    assert title(at) != "Altstadt"


def test_unknown_district_in_the_link_is_replaced_and_said():
    at = open_profile(profil="999")
    assert not at.exception
    assert any("„999“" in visible(i.value) for i in at.info)
    assert title(at) == "Altstadt"


def test_presentation_mode_steps_through_the_districts_without_sidebar():
    at = open_profile(profil="41")
    next(b for b in at.button if b.label == t.PRESENT).click().run()
    assert at.query_params["modus"] == "praesentation"
    assert not at.main.title and len(at.sidebar.children) == 0
    assert "Batenbrock-Nord" in html_text(at) and t.DEMO_NOTE in html_text(at)
    assert any("Folie 8 von 17" in m.value for m in at.markdown)
    at.button(key="slide_next").click().run()
    assert "Batenbrock-Süd" in html_text(at)
    assert at.query_params["profil"] == "42"
    at.button(key="slide_previous").click().run()
    at.button(key="slide_previous").click().run()
    assert "Eigen" in html_text(at)
    at.button(key="slide_end").click().run()
    assert "modus" not in at.query_params
    assert title(at) == "Eigen"


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_the_year_comes_from_the_link_and_the_picker_and_goes_into_the_link():
    at = open_profile(profil="41", jahr="2021")
    assert not at.exception
    assert any(s.value == f"{t.SECTION_INDICATORS} 2021" for s in at.subheader)
    value_2021 = at.dataframe[0].value.iloc[0][t.COL_VALUE]
    assert t.STATUS_EXPLANATION.format(year=2021, base_year=2019) in captions(at)
    at.selectbox(key=YEAR_PICKER).set_value(2023).run()
    assert at.query_params["jahr"] == "2023"
    assert any(s.value == f"{t.SECTION_INDICATORS} 2023" for s in at.subheader)
    assert at.dataframe[0].value.iloc[0][t.COL_VALUE] == "21,8 %" != value_2021


def test_an_unknown_year_in_the_link_is_replaced_and_said():
    at = open_profile(profil="41", jahr="1999")
    assert any("„1999“" in i.value for i in at.info)
    assert at.query_params["jahr"] == "2023"


def test_offers_per_1000_count_the_children_of_the_sidebars_ages():
    at = open_profile(profil="41")
    # the profile applies only the age filter, so only that one is in its sidebar
    assert [m.key for m in at.sidebar.multiselect] == [state.widget_key("age_groups")]
    offers = next(df.value for df in at.dataframe if t.COL_PER_1000 in df.value.columns)
    all_ages = offers.set_index(t.COL_NEED)[t.COL_PER_1000]
    at.sidebar.multiselect(key=state.widget_key("age_groups")).set_value(["0-2"]).run()
    offers = next(df.value for df in at.dataframe if t.COL_PER_1000 in df.value.columns)
    narrowed = offers.set_index(t.COL_NEED)[t.COL_PER_1000]
    assert (narrowed != all_ages).any()
    assert "Altersgruppen 0–2 Jahre" in captions(at)


def test_with_residents_of_all_ages_the_status_box_has_no_notice_about_them():
    at = open_profile(profil="41")
    assert at_texts.RESIDENTS_UNCHECKED not in captions(at)
    indicators = at.dataframe[0].value
    row = indicators[indicators[t.COL_INDICATOR] == "Einwohner insgesamt"].iloc[0]
    assert row[t.COL_VALUE] == "5.908"  # demo figure of Batenbrock-Nord, 2023


def test_a_city_without_residents_of_all_ages_hears_that_only_the_children_rule_was_checked(
    tmp_path, monkeypatch
):
    """The demo files without `einwohner_gesamt`, in a database of this test's own."""
    geodata = shutil.copytree(GEODATA_DIR, tmp_path / "geodata")
    lines = (geodata / "indicators.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = "".join(line for line in lines if ",einwohner_gesamt," not in line)
    (geodata / "indicators.csv").write_text(kept, encoding="utf-8")
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path))
    seed_demo(shared_repository(load_settings()), geodata)
    at = open_profile(profil="41")
    assert not at.exception
    assert at_texts.RESIDENTS_UNCHECKED in captions(at)
    assert "Status mittel, Dynamik negativ" in " ".join(m.value for m in at.markdown)


def test_the_profile_offers_tables_and_layers_for_excel_and_qgis():
    at = open_profile(profil="41")
    keys = {b.key for b in at.get("download_button")}
    assert {"prof_dl_profile_csv", "prof_dl_profile_xlsx", "prof_dl_need_csv"} <= keys
    for kind in ("districts", "offers"):
        assert {f"prof_dl_{kind}_{code}{suffix}" for code in ("25832", "4326")
                for suffix in (".geojson", ".gpkg")} <= keys  # fmt: skip


def test_a_link_straight_into_the_presentation_shows_the_slide():
    at = open_profile(profil="11", modus="praesentation")
    assert not at.exception
    assert "Altstadt" in html_text(at) and len(at.sidebar.children) == 0
    assert any("Folie 1 von 17" in m.value for m in at.markdown)
