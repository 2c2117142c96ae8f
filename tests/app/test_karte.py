"""The map page through Streamlit's AppTest: filters, URL state, demo labels, details."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.formatting import format_date
from services.importer import demo_shift
from services.texts import ui
from ui import state

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[2] / "app.py")


pytestmark = pytest.mark.usefixtures("demo_env")  # the module's demo database


def run_app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def shown_count(at: AppTest) -> tuple[int, int]:
    text = next(m.value for m in at.markdown if "Angeboten passen" in m.value)
    shown, total = re.findall(r"\d+", text)[:2]
    return int(shown), int(total)


def test_start_page_shows_map_count_and_demo_labels():
    at = run_app()
    assert not at.exception
    shown, total = shown_count(at)
    assert total >= 150 and 0 < shown <= total
    assert any("Demo-Daten" in w.value for w in at.sidebar.warning)
    captions = " ".join(c.value for c in at.caption)
    assert ui.DEMO_VALUES in captions


def test_filters_change_the_count_and_chips_remove_them():
    at = run_app()
    everything, total = shown_count(at)
    at.multiselect(key=state.widget_key("needs")).set_value(["fruehe_hilfen"]).run()
    only_early = shown_count(at)[0]
    assert 0 < only_early < everything
    at.multiselect(key=state.widget_key("age_groups")).set_value(["14-17"]).run()
    assert shown_count(at)[0] < only_early
    chip = next(b for b in at.button if b.label.startswith("✕") and "14–17" in b.label)
    chip.click().run()
    assert shown_count(at)[0] == only_early
    assert at.multiselect(key=state.widget_key("age_groups")).value == []
    at.checkbox(key=state.widget_key("only_active")).uncheck().run()
    assert shown_count(at)[0] >= only_early
    assert shown_count(at)[1] == total


def test_url_round_trips_the_view():
    at = run_app(bedarf="lernen,sprache", alter="6-9", kostenlos="1", indikator="alleinerziehende",
                 jahr="2021", klassen="jenks", grenzen="jahr")
    assert not at.exception
    assert at.multiselect(key=state.widget_key("needs")).value == ["lernen", "sprache"]
    assert at.multiselect(key=state.widget_key("age_groups")).value == ["6-9"]
    assert at.checkbox(key=state.widget_key("only_free")).value is True
    assert at.selectbox(key=state.INDICATOR).value == "alleinerziehende"
    assert at.selectbox(key=state.YEAR).value == 2021
    assert at.selectbox(key=state.CLASSIFICATION).value == "jenks"
    assert at.selectbox(key=state.CLASS_SCOPE).value == "jahr"
    params = {k: at.query_params[k] for k in at.query_params}
    assert params["bedarf"] in ("lernen,sprache", ["lernen,sprache"])
    at.multiselect(key=state.widget_key("needs")).set_value(["gesundheit"]).run()
    assert "gesundheit" in str(at.query_params["bedarf"])


def test_bad_link_values_fall_back_instead_of_failing():
    at = run_app(bedarf="quatsch,lernen", indikator="gibtsnicht", jahr="1900", klassen="x")
    assert not at.exception
    assert at.multiselect(key=state.widget_key("needs")).value == ["lernen"]
    assert at.selectbox(key=state.INDICATOR).value == "sgb2_u15"
    assert at.selectbox(key=state.YEAR).value == 2023
    notices = " ".join(i.value for i in at.info)
    assert "gibtsnicht" in notices and "1900" in notices
    at.run()
    assert not any("1900" in i.value for i in at.info)  # said once, not on every rerun


def test_other_bad_link_values_are_said_too():
    at = run_app(grenzen="kaputt", bedarf="zaubern", aktiv="vielleicht")
    assert not at.exception
    assert at.selectbox(key=state.CLASS_SCOPE).value == "alle"
    notices = " ".join(i.value for i in at.info)
    assert "kaputt" in notices and "zaubern" in notices and "vielleicht" in notices


def test_class_scope_comes_from_the_link_and_goes_back_into_it():
    at = run_app(grenzen="jahr")
    assert at.selectbox(key=state.CLASS_SCOPE).value == "jahr"
    at.selectbox(key=state.CLASS_SCOPE).set_value("alle").run()
    assert "grenzen" not in at.query_params  # the default is left out of the link


def test_language_filter_and_free_text_find_offers_in_arabic():
    at = run_app()
    everything = shown_count(at)[0]
    at.multiselect(key=state.widget_key("languages")).set_value(["ar"]).run()
    in_arabic = shown_count(at)[0]
    assert 0 < in_arabic < everything
    assert "sprache=ar" in "&".join(f"{k}={at.query_params[k]}" for k in at.query_params)
    at.multiselect(key=state.widget_key("languages")).set_value([]).run()
    at.text_input(key=state.widget_key("text")).input("Arabisch").run()
    assert shown_count(at)[0] == in_arabic


def test_selection_in_the_link_opens_the_details_panel():
    at = run_app(auswahl="o:demo-001")
    assert not at.exception
    texts = " ".join(m.value for m in at.markdown)
    assert "Träger" in texts and "Bedarfe" in texts
    close = next(b for b in at.button if b.label == ui.DETAILS_CLOSE)
    close.click().run()
    assert "auswahl" not in at.query_params


def test_a_selected_district_shows_its_figure_beside_the_city_average():
    at = run_app(auswahl="d:11")
    texts = " ".join(m.value for m in at.markdown)
    assert "Altstadt" in texts and "Stadtdurchschnitt" in texts and "passende Angebote" in texts


def test_unknown_selection_says_so():
    at = run_app(auswahl="o:gibt-es-nicht")
    assert any(ui.DETAILS_NOT_FOUND in w.value for w in at.warning)


def test_an_empty_production_database_explains_how_to_load_data(tmp_path, monkeypatch):
    """A PostgreSQL/SQLite database given by DATABASE_URL is never seeded with demo data."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    at = run_app()
    assert not at.exception
    assert any(ui.EMPTY_DATABASE in i.value for i in at.info)
    assert shown_count(at) == (0, 0)
    assert not at.sidebar.warning  # no demo banner without demo data


def test_an_unreachable_database_gets_a_german_notice_and_no_traceback(monkeypatch):
    """PostgreSQL down (nothing listens on the port): the page says so and waits."""
    from tests.e2e.appserver import free_port

    monkeypatch.setenv("DATABASE_URL", f"postgresql+psycopg://qa:qa@127.0.0.1:{free_port()}/qa")
    at = run_app()
    assert not at.exception
    assert any("nicht erreichbar" in e.value for e in at.error)
    assert not any("Angeboten passen" in m.value for m in at.markdown)


def test_the_details_of_an_offer_not_checked_for_a_year_say_so():
    at = run_app(auswahl="o:demo-063")  # demo data: last checked 16.01.2025, moved to today
    texts = " ".join(m.value for m in at.markdown)
    checked = format_date(date(2025, 1, 16) + demo_shift(date.today()))
    assert f"nicht mehr geprüft seit {checked}".replace(".", r"\.") in texts  # Markdown-escaped
