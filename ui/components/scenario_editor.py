"""„Was wäre, wenn“: place hypothetical offers, name the scenario, save, reopen, delete.

The scenario being edited lives in session state only (planning objects, never offers);
saving writes it to its own tables through ui/data.py. Every change happens in a widget
callback, before the page runs, so the map and the before/after tables of the same run
already show it.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from services.addresses import candidate_label, candidate_notes
from services.auth import role_labels
from services.formatting import format_datetime
from services.geo import assign_districts
from services.plaintext import isolate, markdown_filled, markdown_literal
from services.scenario import HypotheticalOffer, Scenario, scenario_problems
from services.snapshot import Snapshot
from services.taxonomy import NEEDS, NEEDS_BY_CODE
from services.texts import analysis as t
from services.texts import auth as auth_text
from ui import data
from ui.auth import allowed

NAME, OFFERS, ID, CREATED = "plan_scenario_name", "plan_offers", "plan_scenario_id", "plan_created"
POSITION, OFFICE, ADDRESS = "plan_position", "plan_office", "plan_address"
OFFER_NAME, OFFER_NEEDS, OFFER_AGES = "plan_offer_name", "plan_offer_needs", "plan_offer_ages"
SAVED, MESSAGES = "plan_saved", "plan_messages"
PLANNING = ("planung",)  # may save, open and delete stored scenarios
AGE_RANGE = (0, 26)


def current() -> Scenario:
    """The scenario being edited (possibly without offers)."""
    session = st.session_state
    name = session.get(NAME) or t.SCENARIO_DEFAULT_NAME
    return Scenario(name, tuple(session.get(OFFERS, ())), id=session.get(ID),
                    created=session.get(CREATED))  # fmt: skip


def place(position: tuple[float, float]) -> None:
    """A click on the map: where the next hypothetical offer goes."""
    st.session_state[POSITION] = position


def _office_chosen(snap: Snapshot) -> None:
    office = snap.office(st.session_state.get(OFFICE) or "")
    if office is not None:
        place((office.lat, office.lon))


def _address_typed(snap: Snapshot) -> None:
    """The best match of the typed address is the position (the planner sees which one)."""
    candidates = data.nearby_indexes(snap).addresses.search(st.session_state.get(ADDRESS) or "")
    if not candidates:
        st.session_state[MESSAGES] = ("error", [t.SCENARIO_ADDRESS_NONE])
        return
    best = candidates[0]
    place((best.lat, best.lon))
    found = markdown_filled(t.SCENARIO_ADDRESS_FOUND, label=candidate_label(best))
    notes = [markdown_literal(note) for note in candidate_notes(best)]  # nearest number, demo
    st.session_state[MESSAGES] = ("success", [found, *notes])


def _add() -> None:
    session = st.session_state
    low, high = session.get(OFFER_AGES, AGE_RANGE)
    lat, lon = session[POSITION]
    offer = HypotheticalOffer(name=(session.get(OFFER_NAME) or "").strip(),
                              needs=tuple(session.get(OFFER_NEEDS) or ()), lat=lat, lon=lon,
                              min_age=float(low), max_age=float(high))  # fmt: skip
    problems = scenario_problems(Scenario(t.SCENARIO_DEFAULT_NAME, (offer,)))
    if problems:
        session[MESSAGES] = ("error", problems)
        return
    session[OFFERS] = (*session.get(OFFERS, ()), offer)
    session[POSITION] = None
    session[OFFER_NAME] = ""


def _remove(index: int) -> None:
    offers = list(st.session_state.get(OFFERS, ()))
    del offers[index]
    st.session_state[OFFERS] = tuple(offers)


def _clear() -> None:
    for key in (OFFERS, ID, CREATED, POSITION):
        st.session_state.pop(key, None)
    st.session_state[NAME] = t.SCENARIO_DEFAULT_NAME


def _refused() -> bool:
    """Saving, opening and deleting stored scenarios is Planung's: checked in each callback
    (a callback runs whatever was drawn), not only where the buttons are drawn."""
    if allowed(*PLANNING):
        return False
    st.session_state[MESSAGES] = ("error", [auth_text.ACTION_REFUSED.format(
        roles=role_labels(PLANNING))])  # fmt: skip
    return True


def _save() -> None:
    if _refused():
        return
    stored, fault = data.save_scenario(replace(current(), name=current().name.strip()))
    if fault:
        st.session_state[MESSAGES] = ("error", [fault])
        return
    st.session_state.update({ID: stored.id, CREATED: stored.created})
    st.session_state[MESSAGES] = ("success", [markdown_filled(t.SCENARIO_SAVED, name=stored.name)])


def _open() -> None:
    if _refused():
        return
    scenario, fault = data.open_scenario(st.session_state.get(SAVED) or "")
    if scenario is None:
        st.session_state[MESSAGES] = ("error", [fault or t.SCENARIO_GONE])
        return
    st.session_state.update({NAME: scenario.name, OFFERS: scenario.offers, ID: scenario.id,
                             CREATED: scenario.created, POSITION: None})  # fmt: skip


def _delete(names: dict[str, str]) -> None:
    if _refused():
        return
    chosen = st.session_state.get(SAVED) or ""
    fault = data.delete_scenario(chosen)
    if fault:
        st.session_state[MESSAGES] = ("error", [fault])
        return
    if st.session_state.get(ID) == chosen:
        st.session_state.pop(ID, None)
        st.session_state.pop(CREATED, None)
    deleted = markdown_filled(t.SCENARIO_DELETED, name=names.get(chosen, ""))
    st.session_state[MESSAGES] = ("success", [deleted])


def scenario_editor(snap: Snapshot, need: str) -> None:
    """The side panel: placing, the list of hypothetical offers, saving and the saved ones."""
    st.subheader(t.SCENARIO_HEADING)
    st.caption(t.SCENARIO_HELP)
    _messages()
    st.session_state.setdefault(NAME, t.SCENARIO_DEFAULT_NAME)
    st.text_input(t.SCENARIO_NAME, key=NAME)
    _placing(snap, need)
    _offer_list()
    _saved_list()


def _messages() -> None:
    kind, lines = st.session_state.pop(MESSAGES, (None, []))
    for line in lines:
        (st.error if kind == "error" else st.success)(line)


def _placing(snap: Snapshot, need: str) -> None:
    offices = {o.id: o.name for o in snap.offices}
    st.selectbox(t.SCENARIO_AT_OFFICE, [None, *offices], key=OFFICE,
                 format_func=lambda k: "–" if k is None else isolate(offices[k]),
                 on_change=_office_chosen, args=(snap,))  # fmt: skip
    st.text_input(t.SCENARIO_AT_ADDRESS, key=ADDRESS, on_change=_address_typed, args=(snap,))
    position = st.session_state.get(POSITION)
    if position is None:
        st.info(t.SCENARIO_NO_POSITION)
        return
    district = assign_districts([position[0]], [position[1]], snap.districts)[0]
    where = snap.district_names.get(district, t.SCENARIO_OUTSIDE) if district else t.SCENARIO_OUTSIDE
    st.markdown(markdown_filled(t.SCENARIO_POSITION, lat=f"{position[0]:.5f}",
                                lon=f"{position[1]:.5f}", district=where))  # fmt: skip
    if need in NEEDS_BY_CODE:
        st.session_state.setdefault(OFFER_NEEDS, [need])
    if not st.session_state.get(OFFER_NAME):
        number = len(st.session_state.get(OFFERS, ())) + 1
        st.session_state[OFFER_NAME] = t.SCENARIO_OFFER_DEFAULT.format(number=number)
    st.text_input(t.SCENARIO_OFFER_NAME, key=OFFER_NAME)
    st.multiselect(t.SCENARIO_OFFER_NEEDS, [n.code for n in NEEDS], key=OFFER_NEEDS,
                   format_func=lambda c: NEEDS_BY_CODE[c].label)  # fmt: skip
    st.slider(t.SCENARIO_OFFER_AGES, *AGE_RANGE, value=(0, 17), key=OFFER_AGES)
    st.button(t.SCENARIO_ADD, on_click=_add, type="primary", key="plan_add")


def _offer_list() -> None:
    scenario = current()
    if not scenario.offers:
        st.caption(t.SCENARIO_EMPTY)
        return
    st.markdown(markdown_filled(t.SCENARIO_OFFERS, name=scenario.name))
    for index, offer in enumerate(scenario.offers):
        st.button(markdown_filled(t.SCENARIO_REMOVE, name=offer.name), key=f"plan_remove_{index}",
                  on_click=_remove, args=(index,))  # fmt: skip
    left, right = st.columns(2)
    if allowed(*PLANNING):
        left.button(t.SCENARIO_SAVE, on_click=_save, key="plan_save", type="primary")
    right.button(t.SCENARIO_CLEAR, on_click=_clear, key="plan_clear")


def _saved_list() -> None:
    st.markdown(f"**{t.SCENARIO_SAVED_LIST}**")
    if not allowed(*PLANNING):
        st.caption(auth_text.SCENARIOS_LOGIN_REQUIRED)
        return
    saved = data.saved_scenarios()
    if saved is None:  # the database did not answer: the notice says so and retries
        return
    if not saved:
        st.caption(t.SCENARIO_NONE_SAVED)
        return
    labels = {s.id: t.SCENARIO_LIST_ITEM.format(name=isolate(s.name), offers=s.offers,
                                                created=format_datetime(s.created))
              for s in saved}  # fmt: skip
    st.selectbox(t.SCENARIO_SAVED_LIST, list(labels), key=SAVED, format_func=labels.get,
                 label_visibility="collapsed")  # fmt: skip
    left, right = st.columns(2)
    left.button(t.SCENARIO_OPEN, on_click=_open, key="plan_open")
    right.button(t.SCENARIO_DELETE, on_click=_delete, args=({s.id: s.name for s in saved},),
                 key="plan_delete")  # fmt: skip
