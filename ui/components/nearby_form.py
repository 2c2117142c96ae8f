"""The Lotse's compact form: children's ages, needs, languages, cost, access, hours, distance.

Returns the criteria of a NearbyQuery; the widgets keep their values only in the session
(ui/nearby_state.py), never in the URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import Any

import streamlit as st

from services.nearest import DISTANCE_CHOICES_M, distance_choice_label
from services.opening import OpenAt
from services.taxonomy import NEEDS, NEEDS_BY_CODE
from services.texts import nearby as t
from services.texts.ui import LANGUAGE_NAMES
from ui import nearby_state as keys

CHILD_AGES = tuple(range(18))
DEFAULT_DISTANCE_M = 1500
_OPEN = {"any": t.OPEN_ANY, "now": t.OPEN_NOW, "at": t.OPEN_AT_TIME}


def _age_label(age: int) -> str:
    return t.AGE_BABY if age == 0 else t.AGE_YEARS.format(age=age)


def _language_choices(offered: Sequence[str]) -> list[str]:
    """Every language with a German name, and any other code the offers use, by name."""
    codes = set(LANGUAGE_NAMES) | set(offered)
    return sorted(codes, key=lambda c: LANGUAGE_NAMES.get(c, c))


def criteria(languages_offered: Sequence[str]) -> dict[str, Any]:
    """The form; its values as keyword arguments of NearbyQuery (without the point)."""
    left, right = st.columns(2)
    ages = left.multiselect(t.CHILD_AGES, CHILD_AGES, key=keys.AGES, format_func=_age_label,
                            help=t.CHILD_AGES_HELP, placeholder=t.AGES_PLACEHOLDER)
    needs = right.multiselect(t.NEEDS, [n.code for n in NEEDS], key=keys.NEEDS,
                              format_func=lambda c: NEEDS_BY_CODE[c].label,
                              placeholder=t.NEEDS_PLACEHOLDER)
    spoken = left.multiselect(t.LANGUAGES, _language_choices(languages_offered),
                              key=keys.LANGUAGES, format_func=lambda c: LANGUAGE_NAMES.get(c, c),
                              placeholder=t.LANGUAGES_PLACEHOLDER)
    distance = right.select_slider(t.MAX_DISTANCE, DISTANCE_CHOICES_M, value=DEFAULT_DISTANCE_M,
                                   key=keys.DISTANCE, format_func=distance_choice_label)
    required = left.checkbox(t.LANGUAGE_REQUIRED, key=keys.LANGUAGE_REQUIRED)
    only_free = right.checkbox(t.ONLY_FREE, key=keys.ONLY_FREE)
    barrier_free = right.checkbox(t.BARRIER_FREE, key=keys.BARRIER_FREE)
    return {
        "child_ages": tuple(sorted(ages)),
        "needs": tuple(needs),
        "languages": tuple(spoken),
        "language_required": required,
        "only_free": only_free,
        "barrier_free": barrier_free,
        "open_at": _open_at(),
        "max_distance_m": float(distance),
    }


def _open_at() -> OpenAt | None:
    """None (any time), now (Bottrop's local time) or a chosen weekday and time."""
    choice = st.radio(t.OPEN_AT, list(_OPEN), format_func=_OPEN.get, horizontal=True,
                      key=keys.OPEN)
    if choice == "now":
        return OpenAt.now()
    if choice != "at":
        return None
    day, clock = st.columns(2)
    weekday = day.selectbox(t.OPEN_WEEKDAY, range(7), key=keys.WEEKDAY,
                            format_func=lambda d: t.WEEKDAY_NAMES[d])
    chosen = clock.time_input(t.OPEN_TIME, value=time(15, 0), key=keys.TIME, step=900)
    return OpenAt(weekday, chosen.hour * 60 + chosen.minute)
