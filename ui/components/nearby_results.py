"""The numbered result list beside the Lotse's map: walking distance, why each offer fits,
what to mind, and its details. Every data text is escaped before it reaches Markdown."""

from __future__ import annotations

import streamlit as st

from services.details import offer_rows
from services.nearest import (
    DEFAULT_LIMIT,
    NearbyOffer,
    NearbyResult,
    format_walk,
    reason_text,
    result_note,
)
from services.plaintext import markdown_literal
from services.snapshot import Snapshot
from services.texts import nearby as t
from services.texts import ui
from ui import nearby_state as keys
from ui.components.shortlist import add_button


def _reasons(template: str, reasons) -> str | None:
    if not reasons:
        return None
    return template.format(reasons=t.REASON_SEPARATOR.join(reason_text(r) for r in reasons))


def _result(number: int, found: NearbyOffer, snap: Snapshot) -> None:
    badge = ui.DEMO_ITEM if found.is_demo else ui.REAL_ITEM
    st.markdown(f"**{number}. {markdown_literal(found.name)}**  \n{format_walk(found.walking_m)}"
                f" · {badge}")
    for line in (_reasons(t.RESULT_FITS, found.fits), _reasons(t.RESULT_MISSES, found.misses)):
        if line:
            st.caption(line)
    add_button(found.offer_id)
    offer = snap.offer(found.offer_id)
    if offer is not None:
        with st.expander(t.RESULT_DETAILS):
            district = snap.district_names.get(offer.district_id)
            rows = offer_rows(offer, district, snap.is_stale(offer.id))
            st.markdown("  \n".join(f"**{label}:** {markdown_literal(value)}" for label, value in rows))


def _more() -> None:
    """„weitere anzeigen“: ten more results, in the session like the rest of the search."""
    st.session_state[keys.LIMIT] = result_limit() + DEFAULT_LIMIT


def result_limit() -> int:
    """How many results the Lotse has asked to see (ten, then ten more per click)."""
    return int(st.session_state.get(keys.LIMIT, DEFAULT_LIMIT))


def result_list(result: NearbyResult, max_distance_m: float, snap: Snapshot, total: int) -> None:
    """Numbered like the markers on the map; a note when they lie beyond the distance.
    `total` is how many fit within the distance: more than listed offers „weitere anzeigen“."""
    st.subheader(t.RESULTS)
    note = result_note(result, max_distance_m)
    shown = len(result.offers)
    if note:
        st.info(note)
    elif total > shown:
        st.caption(t.RESULTS_NEAREST_OF.format(shown=shown, total=total))
    else:
        st.caption(t.RESULTS_COUNT.format(count=shown))
    for number, found in enumerate(result.offers, start=1):
        _result(number, found, snap)
    if not note and total > shown:
        st.button(t.RESULTS_MORE, key=keys.MORE, on_click=_more)
