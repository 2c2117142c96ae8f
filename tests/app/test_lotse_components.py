"""The Lotse page's components through AppTest: „Infoblatt erstellen“ and „Bedarf anmelden“.

Each test runs a small script that draws one component on the demo database, as the Lotse
page does; the page itself lives on another branch.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from services.importer import DEMO_REFERENCE_DAY, seed_demo, shared_repository
from services.texts import auth as auth_text
from services.texts import infoblatt as sheet_text
from services.texts import unmet_needs as t
from services.texts.translations import SHEET_LANGUAGES, sheet_texts
from tests.app.accounts import logged_in

TIMEOUT = 60
INVISIBLE = dict.fromkeys(map(ord, "\u2060\u2068\u2069"))
OFFICE = "real-quartiersbuero-feuerbachstrasse"
TODAY = DEMO_REFERENCE_DAY  # the demo reports end on 2026-11-25 when seeded on this day


@pytest.fixture(scope="module", autouse=True)
def demo_database(demo_accounts):
    """The module's demo database (tests/app/conftest.py) seeded as on TODAY before the app
    would seed it, so the listing's months are known whatever day the tests run."""
    seed_demo(shared_repository(), today=TODAY)


# Infoblatt ------------------------------------------------------------------------------


def sheet_script():
    import streamlit as st

    from services.reports.referral_sheet import SheetOffer
    from ui import data
    from ui.components.referral_sheet import referral_sheet_button

    snap = data.snapshot()
    ids = st.session_state.get("ids", list(snap.offers["id"][:3]))
    entries = [SheetOffer(snap.offer(i), "ca. 500 m") for i in ids]
    chosen = referral_sheet_button(entries, snap.office("real-quartiersbuero-feuerbachstrasse"),
                                   snap.districts)
    st.session_state["chosen"] = chosen


def run_sheet(ids: list[str] | None = None) -> AppTest:
    at = AppTest.from_function(sheet_script, default_timeout=TIMEOUT)
    if ids is not None:
        at.session_state["ids"] = ids
    return at.run()


def test_sheet_language_picker_offers_every_language_in_its_own_script():
    at = run_sheet()
    assert not at.exception
    picker = at.selectbox(key="infoblatt_language")
    assert picker.options[0] == sheet_text.SHEET_GERMAN_ONLY
    assert len(picker.options) == len(SHEET_LANGUAGES)
    assert "العربية – Arabisch" in picker.options and "Türkçe – Türkisch" in picker.options
    picker.set_value("ar").run()
    assert at.session_state["chosen"] == "ar"
    button = at.get("download_button")[0]
    assert button.proto.label == sheet_text.SHEET_BUILD and not button.proto.disabled


def test_sheet_button_is_disabled_while_the_shortlist_is_empty():
    at = run_sheet(ids=[])
    assert not at.exception
    assert at.get("download_button")[0].proto.disabled
    assert sheet_text.SHEET_EMPTY in [c.value for c in at.caption]


def test_sheet_builder_makes_the_pdf_on_click(tmp_path):
    """What the button calls: the PDF of exactly the listed offers, in the chosen language."""
    from services.reports.referral_sheet import SheetOffer
    from ui import data
    from ui.components.referral_sheet import sheet_builder

    snap = data.snapshot()
    offers = [snap.offer(i) for i in snap.offers["id"][:2]]
    build = sheet_builder([SheetOffer(o, "ca. 300 m") for o in offers], snap.offices[0],
                          snap.districts, "tr")
    path = tmp_path / "infoblatt.pdf"
    path.write_bytes(build())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    text = " ".join(text.translate(INVISIBLE).split())
    assert sheet_texts("tr").title in text
    assert all(o.name in text for o in offers)


# Bedarf anmelden ------------------------------------------------------------------------


def needs_script():
    from datetime import date

    from ui import data
    from ui.components.unmet_needs import NeedContext, unmet_need_form, unmet_needs_listing

    snap = data.snapshot()
    context = NeedContext(office_id="real-quartiersbuero-feuerbachstrasse", district_id="42",
                          district_from_point=True, age_groups=("3-5",), needs=("lernen",),
                          languages=("ar",))  # fmt: skip
    unmet_need_form(snap, context, date(2026, 11, 28))
    unmet_needs_listing(snap, "real-quartiersbuero-feuerbachstrasse", date(2026, 11, 28))


def needs_page(name: str | None) -> AppTest:
    at = AppTest.from_function(needs_script, default_timeout=TIMEOUT)
    return (at if name is None else logged_in(at, name)).run()


def this_month_count(at: AppTest) -> int:
    line = next(m.value for m in at.markdown if m.value.startswith(t.PERIOD_THIS_MONTH))
    return int(line.rsplit(": ", 1)[1].split()[0])


def error_text(at: AppTest) -> str:
    """The error as read on screen: without Markdown escapes and invisible bidi isolates."""
    return re.sub(r"\\(.)", r"\1", at.error[0].value).translate(INVISIBLE)


def submit(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == t.FORM_SUBMIT).click().run()


def stored_reports() -> list:
    return shared_repository().unmet_needs(office_id=OFFICE, start=date(2026, 11, 1))


def test_form_is_filled_from_the_consultation_and_names_the_district_not_the_address():
    at = needs_page("nur-lotse")
    assert not at.exception
    assert at.multiselect(key="bedarf_needs").value == ["lernen"]
    assert at.multiselect(key="bedarf_age_groups").value == ["3-5"]
    assert at.multiselect(key="bedarf_languages").value == ["ar"]
    assert at.selectbox(key="bedarf_office").value == OFFICE
    assert any("Batenbrock" in c.value and "aus der Lage" in c.value for c in at.caption)


def test_a_report_is_refused_until_it_is_anonymous_then_stored_once():
    at = needs_page("nur-lotse")
    before = this_month_count(at)
    stored = len(stored_reports())

    submit(at)  # nothing said about what was missing
    assert t.MISSING_REQUIRED in error_text(at)
    at.multiselect(key="bedarf_missing").set_value(["zu_weit", "sprache"])
    at.text_area(key="bedarf_note").input("Familie wohnt Feuerbachstraße 13")
    submit(at)
    assert "Anschrift („Feuerbachstraße 13“)" in error_text(at)
    assert t.NOTE_EXPLANATION in error_text(at)
    assert at.text_area(key="bedarf_note").value == "Familie wohnt Feuerbachstraße 13"  # kept
    at.text_area(key="bedarf_note").input("wohnt feuerbach 13")  # a street of the address table
    submit(at)
    assert "Anschrift („feuerbach 13“)" in error_text(at)
    assert len(stored_reports()) == stored

    at.text_area(key="bedarf_note").input("Kita-Platz ab 7 Uhr gesucht")
    submit(at)
    assert not at.error and at.success[0].value == t.FORM_SAVED
    assert this_month_count(at) == before + 1
    assert at.text_area(key="bedarf_note").value == ""  # cleared: a second click stores nothing
    assert at.multiselect(key="bedarf_missing").value == []
    newest = max(stored_reports(), key=lambda r: r.reported_on)
    assert (newest.district_id, newest.needs, newest.missing, newest.note) == (
        "42", ("lernen",), ("zu_weit", "sprache"), "Kita-Platz ab 7 Uhr gesucht")
    assert newest.reported_on == TODAY and not newest.is_demo
    submit(at)  # the second click
    assert t.MISSING_REQUIRED in error_text(at) and this_month_count(at) == before + 1


def test_listing_shows_this_and_last_month_with_exports():
    at = needs_page("nur-lotse")
    months = [m.value for m in at.markdown if m.value.startswith((t.PERIOD_THIS_MONTH,
                                                                  t.PERIOD_LAST_MONTH))]  # fmt: skip
    assert len(months) == 2 and months[1].startswith("letzter Monat (01.10. – 31.10.2026)")
    assert len(at.dataframe) == 2  # the demo set has reports in both months
    assert t.LISTING_DEMO in [c.value for c in at.caption]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [t.EXPORT_CSV, t.EXPORT_XLSX] * 2


def standalone_script():
    from datetime import date

    from ui import data
    from ui.components.unmet_needs import NeedContext, unmet_need_form

    unmet_need_form(data.snapshot(), NeedContext(), date(2026, 11, 28), key="solo")


def test_a_report_without_a_consultation_picks_office_and_district_from_lists():
    at = logged_in(AppTest.from_function(standalone_script, default_timeout=TIMEOUT), "nur-lotse").run()
    assert not at.exception
    district = at.selectbox(key="solo_district")
    assert district.value is None and t.FORM_DISTRICT_UNKNOWN in district.options
    assert "\u2068Altstadt\u2069" in district.options  # names (bidi-isolated), never addresses
    stored = len(stored_reports())
    district.set_value("11")
    at.selectbox(key="solo_office").set_value(OFFICE)
    at.multiselect(key="solo_needs").set_value(["bewegung"])
    at.multiselect(key="solo_missing").set_value(["kein_angebot"])
    submit(at)
    assert at.success[0].value == t.FORM_SAVED
    reports = stored_reports()
    assert len(reports) == stored + 1
    assert any((r.district_id, r.needs, r.missing, r.is_demo) == ("11", ("bewegung",),
               ("kein_angebot",), False) for r in reports)  # fmt: skip


@pytest.mark.parametrize("who", [None, "nur-redaktion", "nur-admin", "nur-planung"])
def test_without_the_lotse_role_there_is_no_form(who):
    at = needs_page(who)
    assert not at.exception
    assert t.FORM_LOGIN_REQUIRED in [c.value for c in at.caption]
    assert not at.text_area and not [b for b in at.button if b.label == t.FORM_SUBMIT]


@pytest.mark.parametrize("who", [None, "nur-redaktion", "nur-admin"])
def test_listing_and_exports_only_for_lotse_and_planung(who):
    at = needs_page(who)
    assert not at.dataframe and not at.get("download_button")
    assert not [m for m in at.markdown if m.value.startswith(t.PERIOD_THIS_MONTH)]
    planner = needs_page("nur-planung")
    assert len(planner.get("download_button")) == 4 and len(planner.dataframe) == 2


def test_the_submit_checks_the_role_again():
    at = needs_page("nur-lotse")
    stored = len(stored_reports())
    at.multiselect(key="bedarf_missing").set_value(["zu_weit"])
    at.session_state["auth_name"] = "nur-planung"  # the role changed after the form was drawn
    submit(at)
    assert len(stored_reports()) == stored
    assert auth_text.ACTION_REFUSED.format(roles="Lotse") in error_text(at)
