"""The shortlist is an immutable value: add, remove, reorder, notes."""

from __future__ import annotations

import pytest

from services.shortlist import MAX_NOTE_LENGTH, Shortlist, ShortlistEntry


def listed(*ids: str) -> Shortlist:
    shortlist = Shortlist()
    for offer_id in ids:
        shortlist = shortlist.add(offer_id)
    return shortlist


def test_add_appends_in_order_and_leaves_the_original_unchanged():
    empty = Shortlist()
    one = empty.add("a")
    two = one.add("b", note="  anrufen vor dem Besuch  ")
    assert empty.offer_ids == () and len(empty) == 0
    assert one.offer_ids == ("a",)
    assert two.offer_ids == ("a", "b")
    assert two.note("b") == "anrufen vor dem Besuch"
    assert "b" in two and "c" not in two


def test_adding_an_offer_twice_keeps_its_place_and_note():
    shortlist = listed("a", "b").with_note("a", "Montag")
    assert shortlist.add("a", note="anders") is shortlist
    assert shortlist.entries == (ShortlistEntry("a", "Montag"), ShortlistEntry("b"))


def test_remove():
    assert listed("a", "b", "c").remove("b").offer_ids == ("a", "c")
    assert listed("a").remove("x").offer_ids == ("a",)


@pytest.mark.parametrize(
    "offer_id, steps, expected",
    [
        ("c", -1, ("a", "c", "b", "d")),
        ("a", 1, ("b", "a", "c", "d")),
        ("b", -5, ("b", "a", "c", "d")),  # stops at the top
        ("b", 9, ("a", "c", "d", "b")),  # stops at the bottom
        ("d", 0, ("a", "b", "c", "d")),
    ],
)
def test_move(offer_id, steps, expected):
    original = listed("a", "b", "c", "d")
    assert original.move(offer_id, steps).offer_ids == expected
    assert original.offer_ids == ("a", "b", "c", "d")


def test_notes_travel_with_their_offer_when_moved():
    shortlist = listed("a", "b").with_note("b", "mit Kinderwagen").move("b", -1)
    assert shortlist.entries == (ShortlistEntry("b", "mit Kinderwagen"), ShortlistEntry("a"))
    assert shortlist.with_note("b", "").note("b") == ""


def test_note_is_capped():
    shortlist = listed("a").with_note("a", "x" * (MAX_NOTE_LENGTH + 50))
    assert len(shortlist.note("a")) == MAX_NOTE_LENGTH


def test_unknown_offer_cannot_be_moved_or_annotated():
    with pytest.raises(KeyError):
        listed("a").move("x", 1)
    with pytest.raises(KeyError):
        listed("a").with_note("x", "n")
    assert listed("a").note("x") == ""


def test_shortlists_compare_by_value():
    assert listed("a", "b") == listed("a", "b") != listed("b", "a")
