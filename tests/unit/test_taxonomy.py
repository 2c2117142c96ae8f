import pytest

from services.taxonomy import (
    AGE_GROUPS_BY_CODE,
    NEEDS,
    age_groups_of,
    matches_age_groups,
    need_labels,
    overlaps_age_group,
)


@pytest.mark.parametrize(
    ("group", "lo", "hi", "expected"),
    [
        ("0-2", 0.5, 1.5, True),
        ("0-2", 2.5, 4, True),  # a 2.5-year-old is still in "0–2"
        ("3-5", 0, 2.9, False),
        ("3-5", 0, 3, True),
        ("6-9", 10, 13, False),
        ("14-17", 16, None, True),  # open upper end
        ("18-26", None, 6, False),  # open lower end
        ("10-13", None, None, True),  # no ages: matches every group
    ],
)
def test_age_group_overlap(group, lo, hi, expected):
    assert overlaps_age_group(AGE_GROUPS_BY_CODE[group], lo, hi) is expected


def test_parents_group_matches_by_audience_not_age():
    assert matches_age_groups(["eltern"], 0, 3, ["eltern"])
    assert matches_age_groups(["eltern"], None, None, ["familien"])
    assert not matches_age_groups(["eltern"], None, None, ["kinder"])


def test_any_of_several_groups_and_empty_choice():
    assert matches_age_groups(["0-2", "14-17"], 15, 16, ["kinder"])
    assert matches_age_groups([], 15, 16, ["kinder"])


def test_need_codes_are_unique_and_labels_in_taxonomy_order():
    assert len({n.code for n in NEEDS}) == len(NEEDS) == 11
    assert need_labels(["sprache", "lernen"]) == ["Lernen & Hausaufgaben", "Sprachförderung"]


def test_age_groups_of_several_children():
    assert age_groups_of([4, 13]) == ("3-5", "10-13")
    assert age_groups_of([0, 2.5, 17]) == ("0-2", "14-17")
    assert age_groups_of([]) == ()
    assert age_groups_of([40]) == ()
