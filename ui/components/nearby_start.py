"""Where the search starts: the family's address (searched offline, then confirmed), a
point clicked on the map, a Quartiersbüro or an offer. Returns the point; nothing of it is
stored outside the session."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from services.addresses import AddressIndex, candidate_label, candidate_notes
from services.plaintext import isolate, markdown_literal
from services.snapshot import Snapshot
from services.texts import nearby as t
from ui import nearby_state as keys

_KINDS = {"address": t.START_ADDRESS, "map": t.START_MAP, "office": t.START_OFFICE,
          "offer": t.START_OFFER}


@dataclass(frozen=True, slots=True)
class Start:
    lat: float
    lon: float
    label: str  # shown on the page only
    notes: tuple[str, ...] = ()  # e.g. nearest house number, „Demo-Adressen (ungefähre Lage)“
    office_id: str | None = None  # set when a Quartiersbüro is the starting point


def starting_point(snap: Snapshot, addresses: AddressIndex) -> Start | None:
    """The chosen starting point, or None while there is none."""
    kind = st.radio(t.START_KIND, list(_KINDS), format_func=_KINDS.get, horizontal=True,
                    key=keys.START_KIND)
    if kind == "office":
        return _office(snap)
    if kind == "offer":
        return _offer(snap)
    if kind == "map":
        return _map_point()
    return _address(addresses)


def picks_on_map() -> bool:
    """True when the starting point is a click on the map (the page then lets the map take it)."""
    return st.session_state.get(keys.START_KIND) == "map"


def take_map_click(position: tuple[float, float] | None) -> None:
    """A new click on the map becomes the starting point (kept in the session only)."""
    if position is not None:
        st.session_state[keys.MAP_POINT] = position
        st.rerun()


def _map_point() -> Start | None:
    point = st.session_state.get(keys.MAP_POINT)
    if point is None:
        st.info(t.MAP_POINT_HINT)
        return None
    return Start(point[0], point[1], t.MAP_POINT_LABEL)


def _address(addresses: AddressIndex) -> Start | None:
    if addresses.count == 0:
        st.info(t.ADDRESS_NO_TABLE)
        return None
    with st.form("lotse_address_form", border=False):
        st.text_input(t.ADDRESS_INPUT, key=keys.ADDRESS, placeholder=t.ADDRESS_PLACEHOLDER)
        st.form_submit_button(t.ADDRESS_SEARCH, on_click=keys.forget_candidate)
    typed = st.session_state.get(keys.ADDRESS, "")
    if not typed.strip():
        return None
    candidates = addresses.search(typed)
    if not candidates:
        st.warning(t.ADDRESS_NONE)
        return None
    chosen = st.radio(
        t.ADDRESS_CANDIDATES, range(len(candidates)), index=None, key=keys.CANDIDATE,
        format_func=lambda i: markdown_literal(candidate_label(candidates[i])),
        captions=[markdown_literal(" · ".join(candidate_notes(c))) for c in candidates],
    )
    if chosen is None or chosen >= len(candidates):
        return None
    picked = candidates[chosen]
    return Start(picked.lat, picked.lon, candidate_label(picked), tuple(candidate_notes(picked)))


def _office(snap: Snapshot) -> Start | None:
    offices = {o.id: o for o in snap.offices}
    chosen = st.selectbox(t.OFFICE_CHOICE, list(offices), key=keys.OFFICE,
                          format_func=lambda i: isolate(offices[i].name))
    office = offices.get(chosen)
    return Start(office.lat, office.lon, office.name, office_id=office.id) if office else None


def _offer(snap: Snapshot) -> Start | None:
    names = dict(zip(snap.offers["id"], snap.offers["name"]))
    chosen = st.selectbox(t.OFFER_CHOICE, sorted(names, key=names.get), key=keys.OFFER,
                          format_func=lambda i: isolate(names[i]))
    offer = snap.offer(chosen) if chosen else None
    return Start(offer.lat, offer.lon, offer.name) if offer else None
