"""Data text stays plain text on the profile, the presentation and the planning page: a
district whose name and Stadtbezirk hold a Markdown link, an icon code, a bare URL, an
e-mail address and a right-to-left override (U+202E) is shown as exactly that text, and
the override ends with the name instead of reversing the app's words after it."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.config import GEODATA_DIR, load_settings
from services.geo import to_web_crs
from services.importer import import_districts, shared_repository
from services.plaintext import isolate, markdown_filled, markdown_literal
from services.snapshot import shared_snapshot
from services.texts import analysis
from services.texts import profile as t
from ui.components import scenario_editor as editor

APP = str(Path(__file__).resolve().parents[2] / "app.py")
DISTRICT = "93"
TRAPS = "[Hier klicken](https://evil.example) :material/warning: www.example.org info@example.org"
NAME = f"{TRAPS} \u202eOst"
STADTBEZIRK = f"{TRAPS} \u202eMitte"


@pytest.fixture(scope="module", autouse=True)
def hostile_district(demo_env, tmp_path_factory):
    """The demo data, with district 93 renamed by a district import."""
    AppTest.from_file(APP, default_timeout=60).run()  # seeds the module's demo database
    layer = json.loads((GEODATA_DIR / "districts.geojson").read_text(encoding="utf-8"))
    for feature in layer["features"]:
        if feature["properties"]["id"] == DISTRICT:
            feature["properties"].update(name=NAME, stadtbezirk=STADTBEZIRK)
    path = tmp_path_factory.mktemp("hostile") / "bezirke.geojson"
    path.write_text(json.dumps(layer), encoding="utf-8")
    import_districts(shared_repository(load_settings()), path)


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(page)
    at.query_params.update(params)
    return at.run()


def test_the_profile_shows_name_and_stadtbezirk_as_plain_isolated_text():
    at = open_page("pages/bezirke.py", profil=DISTRICT)
    assert not at.exception
    assert at.main.title[0].value == markdown_literal(NAME)
    meta = markdown_filled(t.HEADER_META, stadtbezirk=STADTBEZIRK, year=2023)
    assert meta in [c.value for c in at.main.caption]
    assert meta.endswith(" · Datenjahr \u20682023\u2069")  # outside the name's isolate


def test_an_unknown_district_in_the_link_is_named_as_plain_text():
    at = open_page("pages/bezirke.py", profil=DISTRICT)
    link = "[klick](https://evil.example)"
    at.query_params["profil"] = link
    at.run()
    assert not at.exception
    assert [i.value for i in at.info] == [markdown_filled(t.UNKNOWN_DISTRICT, id=link, name=NAME)]


def test_the_presentation_escapes_and_isolates_name_and_stadtbezirk():
    at = open_page("pages/bezirke.py", profil=DISTRICT, modus="praesentation")
    assert not at.exception
    html = " ".join(element.proto.body for element in at.get("html"))
    assert f'<h1 class="qa-slide-title">{escape(isolate(NAME))}</h1>' in html
    assert f"Stadtbezirk {escape(isolate(STADTBEZIRK))} · Datenjahr" in html


def test_the_scenario_editor_shows_district_and_names_as_plain_text():
    snap = shared_snapshot(shared_repository(load_settings()))
    inside = to_web_crs(snap.districts.set_index("id")).representative_point()[DISTRICT]
    at = open_page("pages/planung.py")
    at.session_state[editor.NAME] = NAME
    at.session_state[editor.POSITION] = (inside.y, inside.x)
    at.run()
    position = markdown_filled(analysis.SCENARIO_POSITION, lat=f"{inside.y:.5f}",
                               lon=f"{inside.x:.5f}", district=NAME)
    assert position in [m.value for m in at.markdown]
    at.text_input(key=editor.OFFER_NAME).set_value(NAME)
    at.multiselect(key=editor.OFFER_NEEDS).set_value(["lernen"])
    at.button(key="plan_add").click().run()
    assert not at.exception
    assert markdown_filled(analysis.SCENARIO_OFFERS, name=NAME) in [m.value for m in at.markdown]
    assert markdown_filled(analysis.SCENARIO_REMOVE, name=NAME) in [b.label for b in at.button]
