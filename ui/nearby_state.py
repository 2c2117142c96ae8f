"""The Lotse page's session state: its widget keys, and forgetting them all at once.

Everything a Lotse enters about a family (the typed address, the chosen candidate, the
children's ages, needs, languages) lives only in these widget keys of the session: never in
the URL, the database, a log line or a cache key. „Neue Beratung“ deletes every one.
"""

from __future__ import annotations

import streamlit as st

PREFIX = "lotse_"
START_KIND = f"{PREFIX}start_kind"
ADDRESS = f"{PREFIX}address"
CANDIDATE = f"{PREFIX}candidate"
OFFICE = f"{PREFIX}office"
OFFER = f"{PREFIX}offer"
AGES = f"{PREFIX}ages"
NEEDS = f"{PREFIX}needs"
LANGUAGES = f"{PREFIX}languages"
LANGUAGE_REQUIRED = f"{PREFIX}language_required"
ONLY_FREE = f"{PREFIX}free"
BARRIER_FREE = f"{PREFIX}barrier_free"
OPEN = f"{PREFIX}open"
WEEKDAY = f"{PREFIX}weekday"
TIME = f"{PREFIX}time"
DISTANCE = f"{PREFIX}distance"
MORE = f"{PREFIX}more"  # the button „weitere anzeigen“
LIMIT = f"{PREFIX}limit"  # how many results are listed („weitere anzeigen“ raises it)
SHORTLIST = f"{PREFIX}shortlist"
SHEET = f"{PREFIX}infoblatt"  # key prefix of the Infoblatt controls
NEED_FORM = f"{PREFIX}bedarf"  # key prefix of the „Bedarf anmelden“ form
NEED_LISTING = f"{PREFIX}bedarfe"
MAP_POINT = f"{PREFIX}map_point"  # a point clicked on the map as the starting point
PICK_MAP = f"{PREFIX}pick_map"  # key of the map that takes that click


def forget_candidate() -> None:
    """A new search invalidates the confirmed candidate of the previous one."""
    st.session_state.pop(CANDIDATE, None)


def new_consultation() -> None:
    """Callback of „Neue Beratung“: every trace of the family leaves the session."""
    # PREFIX anywhere: the map frame's memory of the last click is "_last_click_lotse_…"
    for key in [k for k in st.session_state if PREFIX in str(k)]:
        del st.session_state[key]
