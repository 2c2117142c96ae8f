import pandas as pd

from services.filters import (
    FilterContext,
    FilterState,
    apply,
    chips,
    counts_without_each,
    filter_to_loosen,
    fold,
    prepare,
    sanitize,
)


def _offers() -> pd.DataFrame:
    rows = [
        dict(id="a", name="Hausaufgabenhilfe Welheim", provider="AWO", description="", address="Gungstr. 1",
             needs=("lernen",), min_age=6.0, max_age=13.0, audience=("kinder",), district_id="71",
             status="active", free_of_charge=True),
        dict(id="b", name="Babymassage", provider="Caritas", description="für Mütter", address="",
             needs=("fruehe_hilfen", "gesundheit"), min_age=0.25, max_age=1.0, audience=("eltern",),
             district_id="11", status="active", free_of_charge=False),
        dict(id="c", name="Sprachcafé Übungsgruppe", provider="Diakonie", description="", address="",
             needs=("sprache",), min_age=None, max_age=None, audience=("familien",), district_id="11",
             status="inactive", free_of_charge=True),
    ]
    return prepare(pd.DataFrame(rows))


def ids(frame):
    return list(frame["id"])


def test_default_shows_only_active():
    assert ids(apply(_offers(), FilterState())) == ["a", "b"]
    assert ids(apply(_offers(), FilterState(only_active=False))) == ["a", "b", "c"]


def test_need_age_district_free_and_text_filters_combine():
    offers = _offers()
    assert ids(apply(offers, FilterState(needs=("gesundheit", "lernen")))) == ["a", "b"]
    assert ids(apply(offers, FilterState(age_groups=("0-2",)))) == ["b"]
    assert ids(apply(offers, FilterState(age_groups=("eltern",), only_active=False))) == ["b", "c"]
    assert ids(apply(offers, FilterState(age_groups=("18-26",), only_active=False))) == ["c"]
    assert ids(apply(offers, FilterState(districts=("11",)))) == ["b"]
    assert ids(apply(offers, FilterState(only_free=True))) == ["a"]
    assert ids(apply(offers, FilterState(text="uebungs", only_active=False))) == ["c"]
    assert ids(apply(offers, FilterState(text="MÜTTER caritas"))) == ["b"]
    assert ids(apply(offers, FilterState(text="nichts davon"))) == []


def test_chips_list_each_active_filter_once():
    state = FilterState(age_groups=("6-9",), needs=("lernen", "sprache"), districts=("11",), text="café",
                        only_free=True, only_active=False)
    found = chips(state, FilterContext(district_names={"11": "Altstadt"}))
    assert [(c.field, c.value) for c in found] == [
        ("age_groups", "6-9"), ("needs", "lernen"), ("needs", "sprache"), ("districts", "11"),
        ("text", None), ("only_free", None), ("only_active", None),
    ]
    assert found[3].label == "Altstadt" and "café" in found[4].label
    assert chips(FilterState(), FilterContext()) == []


def test_sanitize_drops_unknown_codes():
    state = FilterState(needs=("lernen", "quatsch"), age_groups=("99-100", "3-5"), districts=("11", "zz"))
    clean = sanitize(state, FilterContext(district_names={"11": "Altstadt"}))
    assert clean.needs == ("lernen",) and clean.age_groups == ("3-5",) and clean.districts == ("11",)


def test_fold_ignores_case_and_umlaut_spelling():
    assert fold("Grüße ÄRGER") == fold("gruesse aerger")


def test_with_no_match_the_filter_removing_most_is_named():
    offers = _offers()
    # lernen only in district 71, Babymassage (fruehe_hilfen) only in 11: nothing matches
    state = FilterState(needs=("lernen", "fruehe_hilfen"), districts=("71",), only_free=True,
                        text="Babymassage")
    assert ids(apply(offers, state)) == []
    assert counts_without_each(offers, state) == {"needs": 0, "districts": 0, "text": 1, "only_free": 0}
    assert filter_to_loosen(offers, state) == ("text", 1)


def test_without_each_keeps_the_default_active_filter_and_finds_nothing_to_loosen():
    offers = _offers()
    state = FilterState(needs=("sprache",), text="Sprachcafé")  # only the inactive offer matches
    assert counts_without_each(offers, state) == {"needs": 0, "text": 0}
    assert filter_to_loosen(offers, state) is None
