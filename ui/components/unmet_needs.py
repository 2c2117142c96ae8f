"""„Bedarf anmelden“: the anonymous form, and the office's listing of this and last month.

The form saves in its submit callback (before the page reruns), so a saved report clears
the note and what was missing at once and a second click cannot store it twice; a refused
one keeps every field, so the Lotse only has to fix the note. The district comes from the
page (derived from the family's point) or, for a report without a consultation, from a
choice of districts; an address is never asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

import streamlit as st

from services.auth import role_labels
from services.formatting import format_date, format_day_month
from services.plaintext import isolate, markdown_literal
from services.snapshot import Snapshot
from services.taxonomy import AGE_GROUPS, NEEDS
from services.texts import auth as auth_text
from services.texts import unmet_needs as t
from services.texts.ui import LANGUAGE_NAMES
from services.unmet_need import MISSING_REASONS, NOTE_MAX_LENGTH, UnmetNeedRefused, known_street_problems
from services.unmet_needs import export_bytes, listing_rows, new_unmet_need
from ui import data
from ui.auth import allowed

_AGE_LABELS = {g.code: g.label for g in AGE_GROUPS}
_NEED_LABELS = {n.code: n.label for n in NEEDS}
_FIELDS = ("office", "district", "age_groups", "needs", "languages", "missing", "note")
RECORDING_ROLES = ("lotse",)  # „Bedarf anmelden“
LISTING_ROLES = ("lotse", "planung")  # the office's listing and its exports


@dataclass(frozen=True, slots=True)
class NeedContext:
    """What the page already knows from the consultation, to fill the form in."""

    office_id: str | None = None
    district_id: str | None = None
    district_from_point: bool = False  # True: the district is fixed (derived from the point)
    age_groups: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


def _key(key: str, field: str) -> str:
    return f"{key}_{field}"


def _prefill(key: str, context: NeedContext, office_ids: list[str]) -> None:
    """Put the page's context into the form once per consultation (when it changes)."""
    if st.session_state.get(_key(key, "context")) == context:
        return
    st.session_state[_key(key, "context")] = context
    office = context.office_id if context.office_id in office_ids else office_ids[0]
    values = {"office": office, "district": context.district_id, "age_groups": list(context.age_groups),
              "needs": list(context.needs), "languages": list(context.languages), "missing": [],
              "note": ""}  # fmt: skip
    for field, value in values.items():
        st.session_state[_key(key, field)] = value


def _submit(key: str, today: date) -> None:
    """Check and store the report; the outcome is shown by the next run.

    The role is checked here too: a callback runs whatever the page drew before.
    """
    if not allowed(*RECORDING_ROLES):
        st.session_state[_key(key, "outcome")] = [
            auth_text.ACTION_REFUSED.format(roles=role_labels(RECORDING_ROLES))]
        return
    value = {field: st.session_state.get(_key(key, field)) for field in _FIELDS}
    streets = data.nearby_indexes(data.snapshot()).addresses.names_a_street
    problems = known_street_problems(value["note"] or "", streets)
    try:
        record = new_unmet_need(
            office_id=value["office"] or "", district_id=value["district"],
            age_groups=value["age_groups"] or (), needs=value["needs"] or (),
            languages=value["languages"] or (), missing=value["missing"] or (),
            note=value["note"] or "", reported_on=today,
        )  # fmt: skip
    except UnmetNeedRefused as refused:
        problems = [*refused.messages, *problems]
    if problems:
        st.session_state[_key(key, "outcome")] = list(dict.fromkeys(problems))
        return
    fault = data.add_unmet_need(record)
    if fault:
        st.session_state[_key(key, "outcome")] = [fault]
        return
    st.session_state[_key(key, "outcome")] = []
    st.session_state[_key(key, "missing")] = []
    st.session_state[_key(key, "note")] = ""


def _show_outcome(key: str) -> None:
    messages = st.session_state.pop(_key(key, "outcome"), None)
    if messages is None:
        return
    if not messages:
        st.success(t.FORM_SAVED)
        return
    lines = [t.FORM_REFUSED] + [f"- {markdown_literal(m)}" for m in messages]
    st.error("\n".join(lines) + f"\n\n{t.NOTE_EXPLANATION}")


def unmet_need_form(snap: Snapshot, context: NeedContext, today: date, key: str = "bedarf") -> None:
    """The form „Bedarf anmelden“, filled in from the consultation where possible; only
    for Lotsen (others see a hint to log in)."""
    offices = {o.id: o.name for o in snap.offices}
    if not offices:
        return
    if not allowed(*RECORDING_ROLES):
        _show_outcome(key)
        st.caption(t.FORM_LOGIN_REQUIRED)
        return
    _prefill(key, context, list(offices))
    st.subheader(t.FORM_TITLE)
    st.caption(t.FORM_INTRO)
    _show_outcome(key)
    with st.form(_key(key, "form"), enter_to_submit=False):
        st.selectbox(t.FORM_OFFICE, list(offices), key=_key(key, "office"),
                     format_func=lambda i: isolate(offices[i]))
        if context.district_from_point:
            name = snap.district_names.get(context.district_id, t.FORM_DISTRICT_UNKNOWN)
            st.caption(markdown_literal(t.FORM_DISTRICT_FROM_POINT.format(name=name)))
        else:
            names = snap.district_names
            st.selectbox(t.FORM_DISTRICT, [None, *sorted(names, key=names.get)], key=_key(key, "district"),
                         format_func=lambda d: t.FORM_DISTRICT_UNKNOWN if d is None else isolate(names[d]))
        st.multiselect(t.FORM_AGE_GROUPS, list(_AGE_LABELS), key=_key(key, "age_groups"),
                       format_func=_AGE_LABELS.get, placeholder=t.FORM_CHOOSE)
        st.multiselect(t.FORM_NEEDS, list(_NEED_LABELS), key=_key(key, "needs"),
                       format_func=_NEED_LABELS.get, placeholder=t.FORM_CHOOSE)
        st.multiselect(t.FORM_LANGUAGES, list(LANGUAGE_NAMES), key=_key(key, "languages"),
                       format_func=LANGUAGE_NAMES.get, placeholder=t.FORM_CHOOSE)
        st.multiselect(t.FORM_MISSING, list(MISSING_REASONS), key=_key(key, "missing"),
                       format_func=t.MISSING_LABELS.get, placeholder=t.FORM_CHOOSE)
        st.text_area(t.FORM_NOTE, key=_key(key, "note"), max_chars=NOTE_MAX_LENGTH,
                     help=t.NOTE_EXPLANATION)
        st.form_submit_button(t.FORM_SUBMIT, type="primary", on_click=_submit, args=(key, today))


def unmet_needs_listing(snap: Snapshot, office_id: str, today: date, key: str = "bedarfe") -> None:
    """The office's reports of this month and last month, each exportable as CSV and XLSX;
    only for Lotsen and Planung (nothing at all for others)."""
    if not allowed(*LISTING_ROLES):
        return
    st.subheader(t.LISTING_TITLE)
    for period, records in data.office_unmet_needs(office_id, today):
        st.markdown(t.LISTING_COUNT.format(label=period.label, start=format_day_month(period.start),
                                           end=format_date(period.end), count=len(records)))
        if not records:
            st.caption(t.LISTING_EMPTY)
            continue
        rows = listing_rows(records, snap.district_names, snap.office_names)
        shown = [{k: isolate(v) if isinstance(v, str) else v for k, v in row.items()
                  if k != t.COLUMN_OFFICE} for row in rows]  # fmt: skip
        st.dataframe(shown, hide_index=True,
                     column_config={t.COLUMN_DATE: st.column_config.DateColumn(format="DD.MM.YYYY")})
        if any(r.is_demo for r in records):
            st.caption(t.LISTING_DEMO)
        left, right = st.columns(2)
        name = t.EXPORT_FILE_NAME.format(start=period.start.strftime("%Y-%m"))
        for column, label, suffix, mime in (
            (left, t.EXPORT_CSV, ".csv", "text/csv"),
            (right, t.EXPORT_XLSX, ".xlsx",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ):  # fmt: skip
            column.download_button(label, data=partial(_export, rows, suffix),
                                   file_name=name + suffix, mime=mime, on_click="ignore",
                                   key=f"{key}_{period.start:%Y%m}{suffix}")


def _export(rows: list[dict], suffix: str) -> bytes:
    """The export, built when its button is clicked: the role is checked again then."""
    if not allowed(*LISTING_ROLES):
        return b""
    return export_bytes(rows, suffix)
