"""The view <-> st.query_params: read once per session, written after every run.

Seeding from the URL happens once, so that later the widgets lead; writing touches the
URL only when it changed (avoids history noise).
"""

from __future__ import annotations

import streamlit as st

from services.filters import FilterContext, sanitize
from services.urlstate import ViewState, from_params, to_params
from ui import state

_URL_LOADED = "_url_loaded"
_FRESH = "_url_fresh"  # set on the run that read the URL, taken by `from_link_this_run`


def load_view_from_url(context: FilterContext) -> None:
    """Seed the widgets from the URL once per session (later the widgets lead)."""
    if st.session_state.get(_URL_LOADED):
        return
    view = from_params(st.query_params.to_dict())
    state.set_filters(sanitize(view.filters, context))
    st.session_state.update({
        state.INDICATOR: view.indicator, state.YEAR: view.year,
        state.CLASSIFICATION: view.classification, state.SELECTED: view.selected,
        state.CLASS_SCOPE: view.class_scope,
        _URL_LOADED: True, _FRESH: True,
    })


def from_link_this_run() -> bool:
    """True once, on the run that read the view from the URL (to explain replacements)."""
    return bool(st.session_state.pop(_FRESH, False))


def current_view(context: FilterContext) -> ViewState:
    session = st.session_state
    return ViewState(
        filters=state.current_filters(context),
        indicator=session.get(state.INDICATOR),
        year=session.get(state.YEAR),
        classification=session.get(state.CLASSIFICATION) or ViewState().classification,
        class_scope=session.get(state.CLASS_SCOPE) or ViewState().class_scope,
        selected=state.selection(),
    )


def write_view_to_url(view: ViewState) -> None:
    """Mirror the view into the URL; touch it only when it changed."""
    params = to_params(view)
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
