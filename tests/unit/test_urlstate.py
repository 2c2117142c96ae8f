import pytest

from services.filters import FilterContext, FilterState
from services.selection import Selection
from services.urlstate import ViewState, from_params, link_notices, to_params, valid_map_choice


def test_round_trip_of_a_full_view():
    view = ViewState(
        filters=FilterState(age_groups=("0-2", "eltern"), needs=("lernen",), districts=("11", "41"),
                            text="Café & Co", only_free=True, only_active=False),
        indicator="alleinerziehende", year=2021, classification="jenks",
        selected=Selection("offer", "demo-007"),
    )
    assert from_params(to_params(view)) == view


def test_defaults_make_an_empty_link():
    assert to_params(ViewState()) == {}
    assert from_params({}) == ViewState()


def test_malformed_values_fall_back_to_defaults():
    view = from_params({"jahr": "zwanzig", "klassen": "bogus", "aktiv": "vielleicht",
                        "bedarf": ",,lernen,lernen"})
    assert view.year is None and view.classification == "quantile"
    assert view.filters.only_active is True
    assert view.filters.needs == ("lernen",)


def test_class_scope_round_trips_and_all_years_is_the_default():
    assert ViewState().class_scope == "alle"
    assert to_params(ViewState(class_scope="jahr")) == {"grenzen": "jahr"}
    assert from_params({"grenzen": "jahr"}).class_scope == "jahr"
    assert from_params({"grenzen": "jahrzehnt"}).class_scope == "alle"


def test_valid_map_choice_keeps_a_valid_class_scope():
    view = ViewState(indicator="sgb2_u15", year=2021, class_scope="jahr")
    choice = valid_map_choice(view, lambda key: [2019, 2021])
    assert (choice.year, choice.class_scope, choice.notices) == (2021, "jahr", ())


CONTEXT = FilterContext(district_names={"11": "Altstadt", "41": "Eigen"}, languages=("de", "ar"))


def test_a_valid_link_gives_no_notice():
    params = {"indikator": "alleinerziehende", "jahr": "2021", "klassen": "jenks",
              "grenzen": "jahr", "bedarf": "lernen", "bezirk": "41", "aktiv": "0",
              "kostenlos": "ja", "suche": "Café"}
    assert link_notices(params, CONTEXT) == ()
    assert link_notices({}, CONTEXT) == ()


@pytest.mark.parametrize("params,notice", [
    ({"klassen": "bogus"}, "Die Klasseneinteilung „bogus“ aus dem Link gibt es nicht – "
                           "angezeigt wird „Quantile (gleich viele Bezirke je Klasse)“."),
    ({"grenzen": "x"}, "Die Klassengrenzen „x“ aus dem Link gibt es nicht – angezeigt wird "
                       "„fest über alle Jahre (Jahre vergleichbar)“."),
    ({"aktiv": "vielleicht"}, "Der Wert „vielleicht“ für „nur aktive“ im Link ist ungültig – "
                              "angezeigt wird „ja“."),
    ({"kostenlos": "?"}, "Der Wert „?“ für „nur kostenlose“ im Link ist ungültig – angezeigt "
                         "wird „nein“."),
    ({"bedarf": "lernen,zaubern,fliegen"}, "Unbekannte Werte für „Bedarf“ aus dem Link "
                                           "weggelassen: „zaubern“, „fliegen“."),
    ({"alter": "0-2,99-100"}, "Unbekannte Werte für „Altersgruppe“ aus dem Link weggelassen: "
                              "„99-100“."),
    ({"bezirk": "11,77"}, "Unbekannte Werte für „Bezirk“ aus dem Link weggelassen: „77“."),
])
def test_each_silently_replaced_value_gets_a_notice(params, notice):
    assert link_notices(params, CONTEXT) == (notice,)


def test_long_values_are_cut_in_the_notice():
    (notice,) = link_notices({"klassen": "x" * 100}, CONTEXT)
    assert "„" + "x" * 39 + "…“" in notice
