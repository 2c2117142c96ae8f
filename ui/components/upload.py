"""„Daten hochladen“: pick a kind, upload a file, see what would change, then confirm.

The uploaded bytes are written under their own file name into a temporary folder (the
readers choose the format by extension and name the file in every problem) and handed to
services.import_preview: the preview uses the import's readers, the confirmation the
importer functions the CLI calls. Nothing is written before the confirmation, and the
confirmation's callback checks the role again and reads the file again (all or nothing).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from services.auth import Principal, role_labels
from services.import_preview import KINDS, DistrictFields, ImportPreview, import_summary
from services.io.errors import ImportFailed, ImportProblem
from services.io.limits import shown_problems
from services.plaintext import isolate, markdown_literal
from services.texts import auth as auth_text
from services.texts import upload as t
from ui import data
from ui.auth import allowed

_KIND, _GENERATION = "upload_kind", "upload_generation"
_CHECKED, _OUTCOME = "upload_checked", "upload_outcome"
_FIELD_KEYS = ("upload_id_field", "upload_name_field", "upload_stadtbezirk_field")


@dataclass(frozen=True, slots=True)
class _Checked:
    """The outcome of checking one uploaded file (kept while the same file is shown)."""

    signature: tuple
    preview: ImportPreview | None
    problems: list[ImportProblem]


def _file_key() -> str:
    """A new key after each import or discard, so the uploader starts empty again."""
    return f"upload_file_{st.session_state.get(_GENERATION, 0)}"


@contextmanager
def _saved(name: str, content: bytes) -> Iterator[Path]:
    """The upload as a file of its own name in a folder that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="qa-upload-") as folder:
        path = Path(folder) / (Path(name).name or "upload")
        path.write_bytes(content)
        yield path


def _fields() -> DistrictFields:
    defaults = DistrictFields()
    values = [st.session_state.get(key) or default
              for key, default in zip(_FIELD_KEYS, (defaults.id_field, defaults.name_field,
                                                    defaults.stadtbezirk_field))]  # fmt: skip
    return DistrictFields(*values)


def upload_panel(principal: Principal) -> None:
    """The page's body: kind, file, progress of the check, problems or preview, confirm."""
    outcome = st.session_state.pop(_OUTCOME, None)
    if outcome:
        getattr(st, outcome[0])(markdown_literal(outcome[1]))
    kinds = [code for code, kind in KINDS.items() if principal.has(*kind.roles)]
    kind = st.selectbox(t.KIND, kinds, key=_KIND, format_func=t.KIND_LABELS.get)
    if kind == "districts":
        defaults = DistrictFields()
        for key, label, default in zip(_FIELD_KEYS, (t.ID_FIELD, t.NAME_FIELD, t.STADTBEZIRK_FIELD),
                                       (defaults.id_field, defaults.name_field, defaults.stadtbezirk_field)):
            st.text_input(label, value=default, key=key)
    uploaded = st.file_uploader(t.FILE, type=list(KINDS[kind].suffixes), key=_file_key())
    if uploaded is None:
        return
    checked = _check(kind, uploaded.name, uploaded.file_id, uploaded.getvalue())
    if checked.problems:
        _show_problems(uploaded.name, checked.problems)
        return
    _show_preview(checked.preview)
    left, right = st.columns(2)
    left.button(t.CONFIRM, type="primary", key="upload_confirm", on_click=_confirm, args=(kind,))
    right.button(t.CANCEL, key="upload_cancel", on_click=_finish, args=("info", t.DISCARDED))


def _check(kind: str, name: str, file_id: str, content: bytes) -> _Checked:
    """Check the file once per (kind, file, field names); reruns reuse the outcome."""
    signature = (kind, file_id, _fields())
    checked = st.session_state.get(_CHECKED)
    if checked is not None and checked.signature == signature:
        return checked
    progress = st.progress(0.1, text=t.STEP_SAVING)
    with _saved(name, content) as path:
        progress.progress(0.3, text=t.STEP_CHECKING)
        try:
            checked = _Checked(signature, data.import_preview(kind, path, _fields()), [])
        except ImportFailed as failed:
            checked = _Checked(signature, None, failed.problems)
    progress.progress(1.0, text=t.STEP_DONE)
    st.session_state[_CHECKED] = checked
    return checked


def _show_problems(name: str, problems: list[ImportProblem]) -> None:
    st.error(markdown_literal(t.INVALID.format(file=name, count=len(problems))))
    shown = shown_problems()
    st.dataframe([{t.COLUMN_FILE: isolate(p.file), t.COLUMN_ROW: p.row,
                   t.COLUMN_FIELD: isolate(p.field or ""), t.COLUMN_MESSAGE: isolate(p.message)}
                  for p in problems[:shown]], hide_index=True)  # fmt: skip
    if len(problems) > shown:
        st.caption(t.MORE_PROBLEMS.format(count=len(problems) - shown, shown=shown))


def _show_preview(preview: ImportPreview) -> None:
    st.subheader(t.PREVIEW_TITLE)
    for column, label, value in zip(
        st.columns(4), (t.METRIC_NEW, t.METRIC_CHANGED, t.METRIC_UNCHANGED, t.METRIC_REMOVED),
        (preview.new, preview.changed, preview.unchanged, preview.removed),
    ):  # fmt: skip
        column.metric(label, value)
    if preview.kept:
        st.caption(t.KEPT_NOTE.format(count=preview.kept))
    st.caption(t.FIRST_ROWS.format(count=len(preview.first_rows)))
    st.dataframe([{k: isolate(v) for k, v in row.items()} for row in preview.first_rows],
                 hide_index=True)
    if preview.warnings:
        with st.expander(t.WARNINGS.format(count=len(preview.warnings))):
            st.text("\n".join(str(w) for w in preview.warnings[: shown_problems()]))


def _confirm(kind: str) -> None:
    """Import the file shown in the preview. The role is checked here again: a callback
    runs whatever was drawn before, so the check must not live only in the page."""
    if not allowed(*KINDS[kind].roles):
        _finish("error", auth_text.ACTION_REFUSED.format(roles=role_labels(KINDS[kind].roles)))
        return
    uploaded = st.session_state.get(_file_key())
    if uploaded is None:
        return
    with _saved(uploaded.name, uploaded.getvalue()) as path:
        try:
            result = data.import_file(kind, path, _fields())
        except ImportFailed as failed:
            lines = [t.INVALID.format(file=uploaded.name, count=len(failed.problems))]
            _finish("error", "\n\n".join(lines + [str(p) for p in failed.problems[:20]]))
            return
    _finish("success", t.DONE.format(summary=import_summary(kind, result)))


def _finish(level: str, message: str) -> None:
    """Show `message` on the next run and empty the uploader and the preview."""
    st.session_state[_OUTCOME] = (level, message)
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    st.session_state.pop(_CHECKED, None)
