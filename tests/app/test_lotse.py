"""The Lotse page through Streamlit's AppTest: address search and confirmation, results that
change with ages, needs and distance, other starting points, and „Neue Beratung“."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.texts import nearby as t
from services.texts import unmet_needs as need_text
from tests.app.accounts import create_accounts, log_in
from ui import nearby_state as keys
from ui.components.consultation import MY_OFFICE, MY_OFFICE_WIDGET

TIMEOUT = 60
APP = str(Path(__file__).resolve().parents[2] / "app.py")
SEARCH = "FormSubmitter:lotse_address_form-Adresse suchen"


@pytest.fixture(scope="module", autouse=True)
def demo_database(demo_env):
    """The module's demo database (tests/app/conftest.py) with an account per role."""
    create_accounts()


def lotse_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    return at.switch_page("pages/lotse.py").run()


def search_address(at: AppTest, text: str) -> AppTest:
    at.text_input(key=keys.ADDRESS).input(text)
    return at.button(key=SEARCH).click().run()


def results(at: AppTest) -> list[str]:
    """The numbered result headings, e.g. "**1. …**"."""
    return [m.value for m in at.markdown if m.value.startswith("**") and ". " in m.value[:6]]


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.fixture
def at_feuerbach() -> AppTest:
    at = search_address(lotse_page(), "Feuerbachstr. 13")
    at.radio(key=keys.CANDIDATE).set_value(0).run()
    return at


def test_without_a_starting_point_the_page_asks_for_one():
    at = lotse_page()
    assert not at.exception
    assert [i.value for i in at.info] == [t.CHOOSE_START]
    assert results(at) == []
    assert any(h.value == t.PAGE_HEADING for h in at.header)


def test_address_candidates_must_be_confirmed_and_say_demo():
    at = search_address(lotse_page(), "gladbecker str 50")
    radio = at.radio(key=keys.CANDIDATE)
    assert radio.value is None and len(radio.options) == 1
    assert "Gladbecker Straße" in radio.options[0]
    assert results(at) == []  # nothing before the Lotse confirms
    notes = radio.proto.captions[0]  # Markdown-escaped
    assert "Hausnummer 50 nicht im Adressverzeichnis" in notes and "ungefähre Lage" in notes
    radio.set_value(0).run()
    assert t.DEMO_ADDRESSES in captions(at)
    assert len(results(at)) == 10
    assert results(at)[0].startswith("**1. ")


def test_unknown_street_says_so():
    at = search_address(lotse_page(), "Zollvereinstraße 3")
    assert [w.value for w in at.warning if w.value == t.ADDRESS_NONE]


def test_results_change_with_ages_needs_and_distance(at_feuerbach):
    at = at_feuerbach
    everything = results(at)
    at.multiselect(key=keys.NEEDS).set_value(["lernen"]).run()
    learning = results(at)
    assert learning != everything and 0 < len(learning) <= len(everything)
    assert "hilft bei: Lernen & Hausaufgaben" in captions(at)
    at.multiselect(key=keys.AGES).set_value([4, 13]).run()
    assert "für das Kind (13 J.)" in captions(at)
    at.multiselect(key=keys.AGES).set_value([1]).run()  # homework help is not for toddlers
    assert "Im Umkreis von" in " ".join(i.value for i in at.info) or results(at) != learning
    at.multiselect(key=keys.AGES).set_value([]).run()
    at.select_slider(key=keys.DISTANCE).set_value(500).run()
    near = results(at)
    at.select_slider(key=keys.DISTANCE).set_value(5000).run()
    assert len(results(at)) >= len(near)
    assert not at.exception


def test_nothing_within_the_distance_shows_the_nearest_beyond(at_feuerbach):
    at = at_feuerbach
    at.multiselect(key=keys.NEEDS).set_value(["ausbildung"]).run()
    at.multiselect(key=keys.AGES).set_value([1]).run()
    at.select_slider(key=keys.DISTANCE).set_value(500).run()
    notes = " ".join(i.value for i in at.info)
    assert "Im Umkreis von ca. 500 m passt kein Angebot" in notes
    assert 1 <= len(results(at)) <= 3


def test_languages_and_hours_are_explained(at_feuerbach):
    at = at_feuerbach
    at.multiselect(key=keys.LANGUAGES).set_value(["ro"]).run()
    assert "nur Deutsch" in captions(at)
    at.radio(key=keys.OPEN).set_value("at").run()
    at.selectbox(key=keys.WEEKDAY).set_value(2).run()
    assert "Öffnungszeiten nicht bekannt – bitte erfragen" in captions(at)  # real contact points
    assert not at.exception


def test_an_office_can_be_the_starting_point():
    at = lotse_page()
    at.radio(key=keys.START_KIND).set_value("office").run()
    at.selectbox(key=keys.OFFICE).set_value("real-quartiersbuero-feuerbachstrasse").run()
    assert any("Quartiersbüro Feuerbachstraße" in s.value for s in at.success)
    assert len(results(at)) == 10


def test_new_consultation_forgets_the_family(at_feuerbach):
    at = at_feuerbach
    at.multiselect(key=keys.AGES).set_value([4, 13]).run()
    assert results(at)
    next(b for b in at.button if b.label == t.NEW_CONSULTATION).click().run()
    assert results(at) == []
    assert [i.value for i in at.info] == [t.CHOOSE_START]
    assert at.text_input(key=keys.ADDRESS).value == ""
    assert at.multiselect(key=keys.AGES).value == []


def test_the_family_never_reaches_the_url(at_feuerbach):
    at = at_feuerbach
    at.multiselect(key=keys.AGES).set_value([4]).run()
    url = " ".join(f"{k}={v}" for k, v in at.query_params.items())
    assert "Feuerbach" not in url and "51.52" not in url and "alter" not in url


def plain(markdown: str) -> str:
    """Markdown-escaped data text (services.plaintext) back to what a person reads."""
    return re.sub(r"\\(.)", r"\1", markdown.translate(dict.fromkeys(map(ord, "\u2060\u2068\u2069"))))


def shortlist_names(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if re.match(r"\*\*\d+\.\*\* ", m.value)]


def test_shortlist_add_reorder_note_remove_and_the_sheet_button(at_feuerbach):
    at = at_feuerbach
    sheet = at.get("download_button")[0]
    assert sheet.proto.disabled  # nothing on the Merkliste yet
    adds = [b for b in at.button if b.label == t.SHORTLIST_ADD]
    adds[0].click().run()
    next(b for b in at.button if b.label == t.SHORTLIST_ADD).click().run()
    first, second = shortlist_names(at)
    assert first.startswith("**1.**") and second.startswith("**2.**")
    assert not at.get("download_button")[0].proto.disabled
    assert t.SHORTLIST_ON in captions(at)
    down = [b for b in at.button if b.label == t.SHORTLIST_DOWN]
    down[0].click().run()
    assert [n[7:] for n in shortlist_names(at)] == [second[7:], first[7:]]
    note = next(ti for ti in at.text_input if ti.key and ti.key.startswith("lotse_note_"))
    note.input("Dienstags mit der Mutter").run()
    assert "Dienstags mit der Mutter" in [e.note for e in at.session_state[keys.SHORTLIST].entries]
    next(b for b in at.button if b.label == t.SHORTLIST_REMOVE).click().run()
    assert len(shortlist_names(at)) == 1
    next(b for b in at.button if b.label == t.NEW_CONSULTATION).click().run()
    assert keys.SHORTLIST not in at.session_state


def test_without_login_the_search_works_but_no_need_can_be_recorded(at_feuerbach):
    at = at_feuerbach
    assert results(at)
    assert need_text.FORM_LOGIN_REQUIRED in [c.value for c in at.caption]
    assert not [b for b in at.button if b.label == "Bedarf anmelden"]
    for role in ("redaktion", "planung", "admin"):
        log_in(at, f"nur-{role}")
        assert not [b for b in at.button if b.label == "Bedarf anmelden"]
        at.sidebar.button(key="auth_logout").click().run()


def test_need_is_recorded_with_the_district_of_the_point(at_feuerbach):
    at = log_in(at_feuerbach, "nur-lotse")
    at.multiselect(key=keys.NEEDS).set_value(["ausbildung"]).run()
    shown = [plain(c.value) for c in at.caption]
    assert any("Bezirk: Batenbrock-Süd (aus der Lage berechnet" in c for c in shown), shown
    assert at.multiselect(key=f"{keys.NEED_FORM}_needs").value == ["ausbildung"]
    at.multiselect(key=f"{keys.NEED_FORM}_missing").set_value(["zu_weit"])  # in the form:
    next(b for b in at.button if b.label == "Bedarf anmelden").click().run()  # sent on submit
    assert not at.exception
    saved = [s.value for s in at.success]
    assert "Der Bedarf wurde anonym gespeichert. Danke!" in saved, [e.value for e in at.error]


def test_a_point_clicked_on_the_map_is_a_starting_point_and_new_consultation_forgets_it():
    at = lotse_page()
    at.radio(key=keys.START_KIND).set_value("map").run()
    assert t.MAP_POINT_HINT in [i.value for i in at.info]
    assert results(at) == []
    at.session_state[keys.MAP_POINT] = (51.5245, 6.9466)  # what a click on the map stores
    at.run()
    assert not at.exception
    assert any(t.MAP_POINT_LABEL in s.value for s in at.success)
    assert len(results(at)) == 10
    next(b for b in at.button if b.label == t.NEW_CONSULTATION).click().run()
    assert keys.MAP_POINT not in at.session_state
    assert results(at) == []


def test_a_result_not_checked_for_a_year_says_so():
    at = search_address(lotse_page(), "Heidestraße 133")  # demo-063, last checked 16.01.2025
    at.radio(key=keys.CANDIDATE).set_value(0).run()
    assert any("Willkommensbesuch für Neugeborene" in r for r in results(at))
    assert "zuletzt geprüft vor über 12 Monaten" in captions(at)


def test_an_offer_can_be_the_starting_point():
    at = lotse_page()
    at.radio(key=keys.START_KIND).set_value("offer").run()
    at.selectbox(key=keys.OFFER).set_value("demo-063").run()
    assert not at.exception
    assert any("Willkommensbesuch für Neugeborene" in plain(s.value) for s in at.success)
    assert len(results(at)) >= 2  # an outlying offer: few others within 1.5 km
    first = plain(results(at)[0])
    assert "1. Willkommensbesuch für Neugeborene" in first  # the offer itself, at the point
    assert "ca. 10 m, ca. 1 Min. zu Fuß" in first


def test_the_ten_nearest_say_how_many_fit_and_more_can_be_shown(at_feuerbach):
    at = at_feuerbach
    line = next(c.value for c in at.caption if c.value.startswith("die 10 nächsten von "))
    total = int(line.split(" von ")[1].split()[0])
    assert total > 10
    assert len(results(at)) == 10
    at.button(key=keys.MORE).click().run()
    assert len(results(at)) == min(20, total)
    while keys.MORE in [b.key for b in at.button]:
        at.button(key=keys.MORE).click().run()
    assert len(results(at)) == total  # all of them listed, and no button any more
    assert t.RESULTS_COUNT.format(count=total) in captions(at)


def test_my_office_is_prefilled_chosen_kept_and_used_for_form_sheet_and_listing():
    at = log_in(lotse_page(), "nur-lotse")
    mine = at.selectbox(key=MY_OFFICE_WIDGET)
    assert mine.index == 0  # no family yet: the first office
    assert any(m.value.startswith(need_text.PERIOD_THIS_MONTH) for m in at.markdown)  # listing
    search_address(at, "Horster Straße 228").radio(key=keys.CANDIDATE).set_value(0).run()
    assert at.selectbox(key=MY_OFFICE_WIDGET).value == "real-stadtteilbuero-batenbrock"  # nearest
    at.selectbox(key=MY_OFFICE_WIDGET).set_value("real-quartiersbuero-morianstrasse").run()
    assert at.selectbox(key=f"{keys.NEED_FORM}_office").value == "real-quartiersbuero-morianstrasse"
    assert at.session_state[MY_OFFICE] == "real-quartiersbuero-morianstrasse"
    next(b for b in at.button if b.label == t.NEW_CONSULTATION).click().run()
    assert at.selectbox(key=MY_OFFICE_WIDGET).value == "real-quartiersbuero-morianstrasse"  # kept
