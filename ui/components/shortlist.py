"""The Merkliste on the Lotse page: add from the results, reorder, remove, a note per offer.

The list is a services.shortlist.Shortlist value in the session (ui/nearby_state.py), so
„Neue Beratung“ forgets it with everything else; nothing of it is stored anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from services.model import Offer
from services.plaintext import markdown_literal
from services.reports.referral_sheet import SheetOffer, sheet_offers
from services.shortlist import MAX_NOTE_LENGTH, Shortlist
from services.texts import nearby as t
from ui import nearby_state as keys


def current() -> Shortlist:
    return st.session_state.get(keys.SHORTLIST, Shortlist())


def _change(step: Callable[[Shortlist], Shortlist]) -> None:
    st.session_state[keys.SHORTLIST] = step(current())


def _note_key(offer_id: str) -> str:
    return f"{keys.PREFIX}note_{offer_id}"


def _store_note(offer_id: str) -> None:
    note = st.session_state.get(_note_key(offer_id), "")
    _change(lambda s: s.with_note(offer_id, note) if offer_id in s else s)


def add_button(offer_id: str) -> None:
    """Beside a result: put it on the Merkliste, or say that it is on it."""
    if offer_id in current():
        st.caption(t.SHORTLIST_ON)
        return
    st.button(t.SHORTLIST_ADD, key=f"{keys.PREFIX}add_{offer_id}",
              on_click=_change, args=(lambda s: s.add(offer_id),))


def shortlist_panel(offers: Mapping[str, Offer], distances: Mapping[str, str]) -> list[SheetOffer]:
    """The list with its controls; returns what the Infoblatt prints, in this order."""
    st.subheader(t.SHORTLIST)
    shortlist = current()
    if not shortlist.entries:
        st.caption(t.SHORTLIST_EMPTY)
    for number, entry in enumerate(shortlist.entries, start=1):
        offer = offers.get(entry.offer_id)
        name = offer.name if offer else entry.offer_id
        gone = "" if offer else f" {t.SHORTLIST_GONE}"
        st.markdown(f"**{number}.** {markdown_literal(name)}{gone}")
        up, down, remove = st.columns(3)
        up.button(t.SHORTLIST_UP, key=f"{keys.PREFIX}up_{entry.offer_id}", help=t.SHORTLIST_UP_HELP,
                  on_click=_change, args=(lambda s, i=entry.offer_id: s.move(i, -1),))
        down.button(t.SHORTLIST_DOWN, key=f"{keys.PREFIX}down_{entry.offer_id}",
                    help=t.SHORTLIST_DOWN_HELP,
                    on_click=_change, args=(lambda s, i=entry.offer_id: s.move(i, 1),))
        remove.button(t.SHORTLIST_REMOVE, key=f"{keys.PREFIX}remove_{entry.offer_id}",
                      help=t.SHORTLIST_REMOVE_HELP,
                      on_click=_change, args=(lambda s, i=entry.offer_id: s.remove(i),))
        st.text_input(t.SHORTLIST_NOTE.format(name=markdown_literal(name)), value=entry.note,
                      key=_note_key(entry.offer_id), max_chars=MAX_NOTE_LENGTH,
                      on_change=_store_note, args=(entry.offer_id,))
    return sheet_offers(shortlist, offers, distances)
