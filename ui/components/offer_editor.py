"""„Angebote bearbeiten“: list, form, position map, conflict panel, history, Prüfliste.

Everything is decided in services/editing.py; this module keeps the form's state in
st.session_state and shows the results. Data text is shown through st.dataframe, widget
values or markdown_literal: never as Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import folium
import pandas as pd
import streamlit as st

from services import editing, freshness
from services.addresses import AddressCandidate, candidate_label, candidate_notes
from services.audit import SPECS
from services.config import load_settings
from services.formatting import format_date
from services.io.cells import TRUE_WORDS
from services.map.base import bounds_of, new_map
from services.map.layers import (
    district_geometries,
    district_label_layer,
    plain_district_layer,
    point_mark,
)
from services.model import OFFER_STATUSES, OFFICE_STATUSES
from services.plaintext import markdown_literal
from services.snapshot import Snapshot
from services.texts import editing as t
from services.texts.ui import STATUS_LABELS
from ui import data
from ui.components.map_frame import assets_ready, position_map_frame

MODE = "ed_kind"  # "offer" or "office": what the page edits
LONG_TEXT = ("beschreibung",)
SELECTED, LOADED, BASE, VERSION = "ed_selected", "ed_loaded", "ed_base", "ed_version"
PROBLEMS, CONFLICT, NOTICE = "ed_problems", "ed_conflict", "ed_notice"
SELECT_NEXT = "ed_select_next"
ADDRESS, ADDRESS_CHOICE, ADDRESS_USED = "ed_address", "ed_address_choice", "ed_address_used"
NEW = ""  # the selectbox option of a new offer


def field_key(column: str) -> str:
    return f"ed_f_{column}"


def kind() -> str:
    """What the page edits now: offers or Quartiersbüros (the radio of mode_choice)."""
    return st.session_state.get(MODE, "offer")


def _columns() -> tuple[str, ...]:
    return tuple(SPECS[kind()].columns)


def mode_choice() -> None:
    """„Angebote | Quartiersbüros“: same form, conflict, history and restore for both."""
    st.radio(t.MODE, list(t.MODES), key=MODE, horizontal=True, format_func=t.MODES.get,
             on_change=st.session_state.update, kwargs={SELECTED: NEW})


def offer_list(snap: Snapshot) -> None:
    """Search and filters over the snapshot's offers (or offices, archived ones too); the
    choice loads the form."""
    query = st.text_input(t.SEARCH, key="ed_search")
    if kind() == "office":
        statuses = st.multiselect(t.FILTER_STATUS, list(OFFICE_STATUSES), key="ed_office_status",
                                  format_func=t.OFFICE_STATUS_LABELS.get, placeholder=t.FILTER_ALL)
        offices = editing.filter_offices(list(snap.all_offices), query, statuses)
        columns = {c: st.column_config.TextColumn(label, width="small" if c != "name" else None)
                   for c, label in t.OFFICE_LIST_LABELS.items()}
        st.dataframe(offices.assign(status=offices["status"].map(t.OFFICE_STATUS_LABELS)),
                     hide_index=True, width="stretch", column_config=columns)
        _choice(offices["id"], {office.id: office.name for office in snap.all_offices})
        return
    left, right = st.columns(2)
    statuses = left.multiselect(t.FILTER_STATUS, list(OFFER_STATUSES), key="ed_status",
                                format_func=STATUS_LABELS.get, placeholder=t.FILTER_ALL)
    stale_only = right.checkbox(t.FILTER_STALE, key="ed_stale")
    offers = editing.filter_offers(snap.offers, query, statuses, stale_only)
    st.dataframe(offers[["id", "name", "provider", "status", "last_verified", "stale"]],
                 hide_index=True, width="stretch")
    _choice(offers["id"], dict(zip(snap.offers["id"], snap.offers["name"], strict=True)))


def _choice(ids: pd.Series, names: dict[str, str]) -> None:
    """The record to edit, shown as „Name (Kennung)“; a filtered-out choice stays listed."""
    if SELECT_NEXT in st.session_state:  # set before the selectbox exists in this run
        st.session_state[SELECTED] = st.session_state.pop(SELECT_NEXT)
    options = [NEW, *ids]
    if st.session_state.get(SELECTED, NEW) not in options:  # filtered out: keep it listed
        options.append(st.session_state[SELECTED])

    def label(record_id: str) -> str:
        if record_id == NEW:
            return t.NEW_ENTRY_BY_KIND[kind()]
        name = names.get(record_id)
        return t.CHOICE_LABEL.format(name=name, id=record_id) if name else record_id

    st.selectbox(t.CHOOSE, options, key=SELECTED, format_func=label)


def _load(offer_id: str) -> None:
    """Fill the form from the stored offer (or empty for a new one) and remember its version."""
    loaded = data.stored_record(kind(), offer_id) if offer_id else (None, None)
    if loaded is None:  # the database did not answer: the notice says so and retries
        st.stop()
    record, version = loaded
    texts = editing.form_texts(record, kind()) if record else dict.fromkeys(_columns(), "")
    st.session_state.update({field_key(c): texts[c] for c in _columns()})
    st.session_state.update({LOADED: (kind(), offer_id), BASE: record, PROBLEMS: {},
                             CONFLICT: None, VERSION: version})


def _texts() -> dict[str, str]:
    return {c: st.session_state.get(field_key(c), "") for c in _columns()}


def address_position(snap: Snapshot) -> None:
    """Position by address: the Lotse's address index ranks candidates; the chosen one
    fills lat/lon (before the form is drawn), like a click on the map."""
    text = st.text_input(t.ADDRESS_SEARCH, key=ADDRESS)
    if not text.strip():
        return
    found = data.nearby_indexes(snap).addresses.search(text)
    if not found:
        st.caption(t.ADDRESS_NONE)
        return
    choice = st.selectbox(t.ADDRESS_CHOICE, range(len(found)), index=None, key=ADDRESS_CHOICE,
                          format_func=lambda i: candidate_label(found[i]))
    chosen: AddressCandidate | None = found[choice] if choice is not None and choice < len(found) else None
    if chosen is None:
        return
    for note in candidate_notes(chosen):  # nearest number, street middle, demo addresses
        st.caption(markdown_literal(note))
    if chosen.is_demo and st.session_state.get(field_key("demo"), "").strip().lower() not in TRUE_WORDS:
        st.warning(t.ADDRESS_DEMO_FOR_REAL)
    if chosen != st.session_state.get(ADDRESS_USED):
        st.session_state[ADDRESS_USED] = chosen
        st.session_state[field_key("lat")] = f"{chosen.lat:.6f}"
        st.session_state[field_key("lon")] = f"{chosen.lon:.6f}"


def position_map(snap: Snapshot) -> None:
    """A small map: a click puts its coordinates into lat/lon (before the form is drawn)."""
    st.caption(t.MAP_CLICK)
    geometries = district_geometries(snap.districts_web_geojson)
    orientation = [plain_district_layer(snap.district_names, geometries),
                   district_label_layer(snap.district_names, geometries)]
    position = editing.position_of(_texts())
    mark = folium.FeatureGroup(name=t.MAP_MARK, control=False)
    if position:
        mark.add_child(point_mark(position, "✎", t.MAP_MARK))
    if assets_ready():
        base = new_map(load_settings(), bounds_of(geometries), orientation)
        click = position_map_frame(base, [mark], key="ed_map", height=260)
        if click:
            st.session_state[field_key("lat")] = f"{click[0]:.6f}"
            st.session_state[field_key("lon")] = f"{click[1]:.6f}"
            st.rerun()  # the mark drawn above still shows the old position
    district = editing.district_of(snap.districts, _texts())
    name = snap.district_names.get(district, t.OUTSIDE) if district else t.OUTSIDE
    st.caption(markdown_literal(t.DISTRICT_DERIVED.format(name=name)))


def offer_form(actor: str) -> None:
    """The form; a save goes through the import's rules and the version check."""
    problems = st.session_state.get(PROBLEMS) or {}
    with st.form("ed_form"):
        for column in _columns():
            widget = st.text_area if column in LONG_TEXT else st.text_input
            widget(t.FORM_LABELS[kind()][column], key=field_key(column),
                   disabled=column == "id" and st.session_state.get(BASE) is not None)
            if column in problems:
                st.error(markdown_literal(problems[column]))
        if "" in problems:
            st.error(markdown_literal(problems[""]))
        submitted = st.form_submit_button(t.SAVE, type="primary", key="ed_save")
    if submitted:
        _save(actor)


def _save(actor: str) -> None:
    try:
        record = editing.validate(kind(), _texts())
        entry, fault = data.attempt(lambda repo: editing.save(
            repo, record, st.session_state.get(VERSION), actor, base=st.session_state.get(BASE)))
    except editing.EditRefused as refused:
        st.session_state[PROBLEMS] = refused.problems
        st.session_state[NOTICE] = ("error", t.FIX_FIELDS)
    except editing.Conflict as conflict:
        st.session_state[CONFLICT] = conflict
    else:
        if fault:  # the form keeps what was typed
            st.session_state[NOTICE] = ("error", fault)
        else:
            st.session_state[NOTICE] = ("success", t.SAVED.format(version=entry.version)
                                        if entry else t.UNCHANGED)
            st.session_state[LOADED] = None  # reload the stored record and version
            st.session_state[SELECT_NEXT] = record.id  # a new offer: choose it in the list
    st.rerun()


def conflict_panel() -> None:
    """What the other person changed, and the three ways on."""
    conflict: editing.Conflict | None = st.session_state.get(CONFLICT)
    if conflict is None:
        return
    st.error(t.CONFLICT.format(theirs=conflict.theirs_version, base=conflict.base_version))
    their = t.CONFLICT_THEIRS.format(actor=conflict.their_actor)
    rows = pd.DataFrame(conflict.rows(), columns=[t.CONFLICT_FIELD, t.CONFLICT_BASE, their,
                                                  t.CONFLICT_MINE])
    rows[t.CONFLICT_FIELD] = rows[t.CONFLICT_FIELD].map(t.COLUMN_LABELS)
    st.dataframe(rows, hide_index=True, width="stretch")
    choices = {}
    for column, side in conflict.default_choices().items():
        choices[column] = st.radio(t.MERGE_CHOICE.format(field=t.COLUMN_LABELS[column]),
                                   ["mine", "theirs"], index=["mine", "theirs"].index(side),
                                   horizontal=True, key=f"ed_merge_{column}",
                                   format_func={"mine": t.MERGE_MINE,
                                                "theirs": t.MERGE_THEIRS}.get)
    left, middle, right = st.columns(3)
    if left.button(t.TAKE_THEIRS, key="ed_take_theirs"):
        _continue_from(conflict, editing.take_theirs(conflict))
    if middle.button(t.KEEP_MINE, key="ed_keep_mine"):
        _continue_from(conflict, editing.keep_mine(conflict))
    if right.button(t.MERGE, key="ed_merge"):
        _continue_from(conflict, editing.merge(conflict, choices))


def _continue_from(conflict: editing.Conflict, resolved) -> None:
    """Put the resolved record into the form, based on their version: save again to store."""
    record, version = resolved
    texts = editing.form_texts(record, kind())
    st.session_state.update({field_key(c): texts[c] for c in _columns()})
    st.session_state.update({BASE: conflict.theirs, VERSION: version, CONFLICT: None,
                             PROBLEMS: {}})
    st.rerun()


def record_actions(actor: str) -> None:
    """„geprüft“ (offers) and „Archivieren“ or „Reaktivieren“ on the stored record (each one
    click, logged)."""
    base = st.session_state.get(BASE)
    if base is None:
        return
    archived = base.status == "inactive"
    if archived:
        st.info(t.ARCHIVED_OFFICE if kind() == "office" else t.ARCHIVED_OFFER)
    left, right = st.columns(2)
    if kind() == "offer" and left.button(t.VERIFY, key="ed_verify", icon="✅"):
        _done(lambda repo: editing.mark_verified(repo, base.id, actor),
              t.VERIFIED.format(date=format_date(date.today())))
    if archived and right.button(t.REACTIVATE, key="ed_reactivate"):
        _done(lambda repo: editing.reactivate(repo, base.id, actor, kind()), t.REACTIVATED)
    if not archived and right.button(t.ARCHIVE, key="ed_archive"):
        _done(lambda repo: editing.archive(repo, base.id, actor, kind()), t.ARCHIVED)


def _done(action: Callable[..., object], message: str) -> None:
    """Run a one-click action (a function of the repository, through data.attempt) on the
    stored record and show how it went."""
    _result, fault = data.attempt(action)
    _finish(fault, message)


def _finish(fault: str | None, message: str) -> None:
    """The German success message, or the database fault's (read-only, disk full, locked);
    either way the form reloads the stored record."""
    st.session_state[NOTICE] = ("error", fault) if fault else ("success", message)
    st.session_state[LOADED] = None
    st.rerun()


def history_view(actor: str) -> None:
    """Every logged change of the offer, newest first, each with „wiederherstellen“."""
    base = st.session_state.get(BASE)
    if base is None:
        return
    st.subheader(t.HISTORY)
    entries = data.record_history(kind(), base.id) or []
    for entry in entries:
        with st.expander(f"{entry.version} · {entry.at:%d.%m.%Y %H:%M} UTC · "
                         f"{t.ACTION_LABELS[entry.action]}"):
            st.caption(markdown_literal(entry.actor))
            st.dataframe(editing.changes_frame(entry), hide_index=True, width="stretch")
            if entry is not entries[0] and st.button(t.RESTORE, key=f"ed_restore_{entry.version}"):
                _restore(entry.version, actor)


def _restore(version: int, actor: str) -> None:
    try:
        restored, fault = data.attempt(
            lambda repo: editing.restore(repo, kind(), st.session_state[BASE].id, version, actor))
    except editing.EditRefused as refused:
        st.error(markdown_literal("; ".join(refused.problems.values())))
        return
    _finish(fault, t.RESTORED.format(version=version,
                                     new=restored.version if restored else version))


def review_list(snap: Snapshot) -> None:
    """The „Prüfliste“, grouped by provider or Quartiersbüro."""
    months = freshness.stale_months()
    st.subheader(t.REVIEW_LIST)
    st.caption(t.REVIEW_CAPTION.format(months=months))
    listed = editing.review_list(snap.offers, list(snap.offices), date.today(), months)
    by = st.radio(t.REVIEW_GROUP, ["provider", "office"], horizontal=True, key="ed_review_by",
                  format_func={"provider": t.REVIEW_BY_PROVIDER, "office": t.REVIEW_BY_OFFICE}.get)
    for group, rows in listed.groupby(by, sort=True):
        with st.expander(f"{markdown_literal(str(group))} ({len(rows)})"):
            st.dataframe(rows[["id", "name", "last_verified"]], hide_index=True, width="stretch",
                         use_container_width=True)


def notice() -> None:
    kind_message = st.session_state.pop(NOTICE, None)
    if kind_message:
        getattr(st, kind_message[0])(kind_message[1])


def ensure_loaded() -> None:
    """Load the form when another offer was chosen (or after a save)."""
    chosen = st.session_state.get(SELECTED, NEW)
    if st.session_state.get(LOADED) != (kind(), chosen):
        _load(chosen)
