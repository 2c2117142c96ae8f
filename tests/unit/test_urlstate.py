from services.filters import FilterState
from services.selection import Selection
from services.urlstate import ViewState, from_params, to_params


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
