"""The page „Versorgungslücken“ through Streamlit's AppTest: filters change table and map,
a scenario is placed, compared, saved, reopened and deleted."""

from __future__ import annotations

import csv
import gc
import json
import os
import subprocess
import sys
import weakref
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.analysis.supply import ALL_CHOSEN, address_table, child_points
from services.config import PROJECT_ROOT, load_settings
from services.formatting import format_number
from services.importer import shared_repository
from services.plaintext import markdown_filled
from services.reports.district_report import city_overview_html
from services.snapshot import load_snapshot, shared_snapshot
from services.storage.errors import DatabaseUnavailable
from services.storage.repository import Repository, create_engine_for
from services.storage.scenarios import ScenarioStore
from services.taxonomy import NEEDS_BY_CODE
from services.texts import analysis as t
from services.texts import auth as auth_text
from services.texts import profile as profile_text
from services.texts import validation
from tests.app.accounts import create_accounts, log_in
from tests.unit.test_plaintext import visible
from ui import state
from ui.components import scenario_editor as editor

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[2] / "app.py")
ALTSTADT = (51.53785, 6.92825)  # inside the demo district Altstadt


@pytest.fixture(scope="module", autouse=True)
def demo_database(demo_env):
    """The module's demo database (tests/app/conftest.py) with an account per role."""
    create_accounts()


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/planung.py")
    return at.run()


def ranked(at: AppTest):
    """The ranked table (the last table on the page)."""
    return at.dataframe[-1].value


def map_args(at: AppTest) -> dict:
    """What the page handed to the map component: base script and swapped layers."""
    (component,) = at.get("component_instance")
    return json.loads(component.proto.json_args)


def test_page_shows_ranked_gaps_method_and_map():
    at = open_page()
    assert not at.exception
    table = ranked(at)
    assert list(table.columns) == list(t.GAPS_COLUMNS.values())
    assert len(table) == 17 and table["Rang"].tolist()[0] == 1
    assert table["Lückenwert"].is_monotonic_decreasing
    captions = " ".join(c.value for c in at.caption)
    assert t.SPREAD_LABELS["addresses"] in captions and t.GAPS_DEMO in captions  # demo addresses
    assert "addDistricts" in map_args(at)["script"]


def test_need_and_age_filters_change_table_and_map():
    at = open_page()
    before, script = ranked(at), map_args(at)["script"]
    at.selectbox(key="plan_need").set_value("sprache").run()
    assert not ranked(at).equals(before)
    assert map_args(at)["script"] != script
    assert NEEDS_BY_CODE["sprache"].label in map_args(at)["script"].replace("\\u0026", "&")
    children = ranked(at).set_index("Bezirk")["Kinder"]
    at.multiselect(key=state.widget_key("age_groups")).set_value(["14-17"]).run()
    fewer = ranked(at).set_index("Bezirk")["Kinder"]
    assert (fewer.loc[children.index] < children).all()
    assert "14–17" in map_args(at)["script"]
    at.multiselect(key=state.widget_key("needs")).set_value(["lernen", "bewegung"]).run()
    assert at.selectbox(key="plan_need").options == [
        NEEDS_BY_CODE["lernen"].label, NEEDS_BY_CODE["bewegung"].label, t.ALL_CHOSEN_LABEL]


def test_distance_slider_changes_coverage():
    at = open_page()
    near = ranked(at)["Abdeckung %"].sum()
    at.slider(key="plan_distance").set_value(2500).run()
    assert ranked(at)["Abdeckung %"].sum() > near


def place_offer(at: AppTest, name: str) -> AppTest:
    """A click on the map, as position_map_frame reports it, then „hinzufügen“."""
    at.session_state[editor.POSITION] = ALTSTADT
    at.run()
    assert any("Altstadt" in m.value for m in at.markdown if m.value.startswith("Standort"))
    at.text_input(key=editor.OFFER_NAME).set_value(name)
    at.multiselect(key=editor.OFFER_NEEDS).set_value(["lernen"])
    return at.button(key="plan_add").click().run()


def test_saving_scenarios_is_refused_without_the_planning_role():
    at = open_page()
    place_offer(at, "Lernwerkstatt")
    assert not [b for b in at.button if b.key in ("plan_save", "plan_open", "plan_delete")]
    assert auth_text.SCENARIOS_LOGIN_REQUIRED in [c.value for c in at.caption]
    for role in ("lotse", "redaktion", "admin"):
        log_in(at, f"nur-{role}")
        assert not [b for b in at.button if b.key == "plan_save"]
        at.sidebar.button(key="auth_logout").click().run()


def test_scenario_placed_saved_reopened_and_deleted():
    at = log_in(open_page(), "nur-planung")
    today = ranked(at)
    place_offer(at, "Lernwerkstatt <b>Altstadt</b>")
    assert not at.exception
    compare = at.dataframe[0].value
    assert list(compare.columns) == list(t.COMPARE_COLUMNS.values())
    newly = next(m.value for m in at.markdown if "neu ein passendes Angebot" in m.value)
    assert not newly.startswith("**0**")
    assert ranked(at).equals(today)  # today's ranking never mixes with the scenario
    layers = json.dumps(map_args(at)["feature_group"])
    assert "addMarks" in layers and "qa-scenario" in layers and t.SCENARIO in layers

    at.text_input(key=editor.NAME).set_value("Lernorte Süd").run()
    at.button(key="plan_save").click().run()
    assert [s.value for s in at.success] == [markdown_filled(t.SCENARIO_SAVED, name="Lernorte Süd")]
    at.button(key="plan_clear").click().run()
    assert len(at.dataframe) == 1 and at.text_input(key=editor.NAME).value == t.SCENARIO_DEFAULT_NAME

    saved = at.selectbox(key=editor.SAVED)
    assert visible(saved.options[0]).startswith("Lernorte Süd (1 Angebote")
    at.button(key="plan_open").click().run()
    assert at.text_input(key=editor.NAME).value == "Lernorte Süd"
    assert len(at.dataframe) == 2  # the comparison is back
    at.button(key="plan_delete").click().run()
    assert [s.value for s in at.success] == [markdown_filled(t.SCENARIO_DELETED, name="Lernorte Süd")]
    assert t.SCENARIO_NONE_SAVED in [c.value for c in at.caption]


def test_a_hypothetical_offer_without_need_is_refused():
    at = open_page()
    at.session_state[editor.POSITION] = ALTSTADT
    at.run()
    at.multiselect(key=editor.OFFER_NEEDS).set_value([])
    at.button(key="plan_add").click().run()
    assert any("mindestens einen Bedarf" in e.value for e in at.error)
    assert len(at.dataframe) == 1


def test_reported_needs_layer_on_this_page_and_the_map_page():
    at = open_page()
    at.toggle(key="plan_reported").set_value(True).run()
    assert "qa-reported" in json.dumps(map_args(at)["feature_group"])
    karte = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert "qa-reported" not in json.dumps(map_args(karte).get("feature_group"))
    karte.toggle(key="karte_reported").set_value(True).run()
    assert "qa-reported" in json.dumps(map_args(karte)["feature_group"])


def test_the_map_page_layer_counts_the_one_need_of_the_bedarf_filter():
    karte = AppTest.from_file(APP, default_timeout=TIMEOUT)
    karte.query_params["bedarf"] = "lernen"
    karte.run()
    karte.toggle(key="karte_reported").set_value(True).run()
    layer = map_args(karte)["feature_group"]  # JS; "&" is written \u0026 in its JSON
    assert "Gemeldete Bedarfe „Lernen \\u0026 Hausaufgaben“: " in layer
    assert "davon Demo-Einträge (erfunden): " in layer


def test_a_typed_address_places_the_hypothetical_offer():
    at = open_page()
    at.text_input(key=editor.ADDRESS).input("Feuerbachstr. 13").run()
    assert not at.exception
    assert any("Feuerbachstraße 13" in visible(s.value) for s in at.success)
    notes = " ".join(s.value.replace("\\", "") for s in at.success)  # Markdown-escaped
    assert "Demo-Adressen (ungefähre Lage)" in notes  # said, as on the Lotse page
    assert at.session_state[editor.POSITION] is not None
    assert any("Batenbrock-Süd" in visible(m.value) for m in at.markdown)  # the position's district
    at.text_input(key=editor.ADDRESS).input("Zollvereinstraße 3").run()
    assert [e.value for e in at.error] == [t.SCENARIO_ADDRESS_NONE]


def cli_export(tmp_path, *args: str) -> dict[str, dict[str, str]]:
    """`python -m services.cli export …` on the module's database, rows by district name."""
    path = tmp_path / "export.csv"
    done = subprocess.run([sys.executable, "-m", "services.cli", "export", args[0], str(path),
                           *args[1:]], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          env=os.environ.copy())  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";")
    return {row["bezirk"]: row for row in rows}


def test_page_pdf_and_cli_give_the_same_coverage(tmp_path):
    """All three spread the children over the imported addresses (not the area grid)."""
    district = "Kirchhellen-Ost/Overhagen"  # a large district: addresses and grid differ most
    at = open_page()
    at.selectbox(key="plan_need").set_value("lernen").run()
    page = ranked(at).set_index("Bezirk")["Abdeckung %"]
    cli = cli_export(tmp_path, "gaps", "--bedarf", "lernen")
    assert page[district] == pytest.approx(float(cli[district]["abdeckung_prozent"].replace(",", ".")))

    at.multiselect(key=state.widget_key("needs")).set_value(list(NEEDS_BY_CODE)).run()
    at.selectbox(key="plan_need").set_value(ALL_CHOSEN).run()
    page = ranked(at).set_index("Bezirk")["Abdeckung %"]
    cli = cli_export(tmp_path, "districts")
    assert page[district] == pytest.approx(float(cli[district]["abd_alle"].replace(",", ".")))
    repo = Repository(create_engine_for(load_settings().database_url))
    snapshot = load_snapshot(repo)
    points = child_points(snapshot.districts, address_table(repo.addresses()))
    pdf = city_overview_html(snapshot, date.today(), points).split(profile_text.REPORT_GAPS)[1]
    row = pdf.split(f">{district}</td>")[1].split("</tr>")[0]
    assert f">{format_number(page[district], 0)} %<" in row


def test_an_old_snapshot_is_released_after_an_import_and_a_rerun():
    """Issue 7: a session that opened the gap analysis must not keep the data of an old
    version alive (memory stayed at gigabytes after imports)."""
    repo = shared_repository(load_settings())
    at = open_page()
    new_data_version(repo)  # the snapshot watched below is built after app.py's gc.freeze()
    at.run()
    old = weakref.ref(shared_snapshot(repo))
    new_data_version(repo)
    at.run()
    assert not at.exception
    gc.collect()
    assert old() is None
    assert shared_snapshot(repo).version == repo.data_version()


def new_data_version(repo) -> None:
    """A write as an import makes it: the data version moves on (the data stay the same)."""
    with repo.writing():
        pass


def test_saved_scenarios_that_cannot_be_read_get_the_german_notice(monkeypatch):
    def unavailable(_store):
        raise DatabaseUnavailable

    monkeypatch.setattr(ScenarioStore, "list", unavailable)
    at = log_in(open_page(), "nur-planung")
    assert not at.exception
    assert [e.value for e in at.error] == [validation.DB_UNAVAILABLE]
    assert len(ranked(at)) == 17  # the rest of the page is there
