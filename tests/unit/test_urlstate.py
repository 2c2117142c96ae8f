from services.filters import FilterState
import pytest

from services.urlstate import ViewState, checked_view, from_params, to_params


def test_round_trip_of_a_full_view():
    view = ViewState(
        filters=FilterState(age_groups=("0-2", "eltern"), needs=("lernen",), districts=("11", "41"),
                            text="Café & Co", only_free=True, only_active=False),
        indicator="alleinerziehende", year=2021, classification="jenks", selected="o:demo-007",
        class_scope="jahr",
    )
    assert from_params(to_params(view)) == view


def test_defaults_make_an_empty_link():
    assert to_params(ViewState()) == {}
    assert from_params({}) == ViewState()


def test_malformed_values_fall_back_to_defaults():
    view = from_params({"jahr": "zwanzig", "klassen": "bogus", "aktiv": "vielleicht", "bedarf": ",,lernen,lernen"})
    assert view.year is None and view.classification == "quantile"
    assert view.filters.only_active is True
    assert view.filters.needs == ("lernen",)

    assert from_params({"grenzen": "jahrzehnt"}).class_scope == "alle"


def test_classes_fixed_over_all_years_are_the_default_and_left_out():
    assert ViewState().class_scope == "alle"
    assert to_params(ViewState(class_scope="jahr")) == {"grenzen": "jahr"}


YEARS = {"sgb2_u15": [2019, 2021, 2023], "alleinerziehende": [2021]}
DISTRICTS = {"11", "41"}


def _checked(params, selectable=None):
    return checked_view(params, YEARS, DISTRICTS, selectable)


def test_a_valid_link_gives_no_notice():
    params = {"indikator": "alleinerziehende", "jahr": "2021", "klassen": "jenks",
              "grenzen": "jahr", "bedarf": "lernen", "bezirk": "41", "aktiv": "0",
              "auswahl": "d:41"}
    view, notices = _checked(params, selectable=lambda ref: ref == "d:41")
    assert notices == ()
    assert view == from_params(params)
    assert _checked({}) == (ViewState(), ())


def test_a_year_without_values_is_replaced_by_the_latest_and_said():
    view, notices = _checked({"jahr": "1800"})
    assert view.year is None  # None: the latest year
    assert notices == ("Für „SGB-II-Quote unter 15 J.“ gibt es keine Werte aus dem Jahr "
                       "„1800“ – gezeigt wird 2023.",)
    assert _checked({"jahr": "zwanzig"})[0].year is None
    # the year is checked against the indicator of the link
    assert _checked({"indikator": "alleinerziehende", "jahr": "2019"})[1][0].endswith(
        "gezeigt wird 2021.")


def test_an_unknown_indicator_is_replaced_by_the_default_and_said():
    view, notices = _checked({"indikator": "<b>armut</b>", "jahr": "2019"})
    assert view.indicator is None and view.year == 2019
    assert notices == ("Die Kennzahl „<b>armut</b>“ aus dem Link gibt es nicht – gezeigt "
                       "wird „SGB-II-Quote unter 15 J.“.",)


def test_an_indicator_without_values_names_no_year():
    notices = _checked({"indikator": "einwohner_u18", "jahr": "2023"})[1]
    assert notices == ("Für „Einwohner 0–17 J.“ gibt es keine Werte aus dem Jahr „2023“ – "
                       "gezeigt wird keines (noch keine Werte).",)


@pytest.mark.parametrize("params,notice", [
    ({"klassen": "bogus"}, "Die Klasseneinteilung „bogus“ aus dem Link gibt es nicht – "
                           "gezeigt wird „Quantile (gleich viele Bezirke je Klasse)“."),
    ({"grenzen": "x"}, "Die Klassengrenzen „x“ aus dem Link gibt es nicht – gezeigt wird "
                       "„fest über alle Jahre (Jahre vergleichbar)“."),
    ({"aktiv": "vielleicht"}, "Der Wert „vielleicht“ für „nur aktive“ im Link ist ungültig – "
                              "gezeigt wird „ja“."),
    ({"kostenlos": "?"}, "Der Wert „?“ für „nur kostenlose“ im Link ist ungültig – gezeigt "
                         "wird „nein“."),
    ({"bedarf": "lernen,zaubern,fliegen"}, "Unbekannte Werte im Link für „Bedarf“ "
                                           "weggelassen: „zaubern“, „fliegen“."),
    ({"alter": "0-2,99-100"}, "Unbekannte Werte im Link für „Altersgruppe“ weggelassen: "
                              "„99-100“."),
    ({"bezirk": "11,77"}, "Unbekannte Werte im Link für „Bezirk“ weggelassen: „77“."),
])
def test_each_replaced_value_is_said(params, notice):
    view, notices = _checked(params)
    assert notices == (notice,)
    assert to_params(view).keys() <= params.keys()


def test_an_unknown_selection_is_dropped_and_long_values_are_cut():
    view, notices = _checked({"auswahl": "o:" + "x" * 100}, selectable=lambda ref: False)
    assert view.selected is None
    assert notices == ("Die Auswahl „o:" + "x" * 37 + "…“ aus dem Link gibt es nicht (mehr) "
                       "– nichts ausgewählt.",)
    assert _checked({"auswahl": "o:x"})[0].selected == "o:x"  # not checked without selectable


def test_several_replacements_give_one_notice_each():
    view, notices = _checked({"indikator": "foo", "jahr": "1800", "bezirk": "99"})
    assert len(notices) == 3
    assert view.filters.districts == () and view.indicator is None and view.year is None
