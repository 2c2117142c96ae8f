"""The Lotse's shortlist („Merkliste“): the offers chosen for one family, in order, with notes.

A value, not a store: every operation returns a new Shortlist, so the page can keep it in
session state and nothing of a consultation reaches the database, a log or the URL. Offers
are kept by id; the page looks them up when it builds the Infoblatt. A note is the only
place where a Lotse may type something about the family, so its length is capped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MAX_NOTE_LENGTH = 300  # a line or two on the sheet, not a case file


@dataclass(frozen=True, slots=True)
class ShortlistEntry:
    offer_id: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Shortlist:
    entries: tuple[ShortlistEntry, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, offer_id: object) -> bool:
        return any(e.offer_id == offer_id for e in self.entries)

    @property
    def offer_ids(self) -> tuple[str, ...]:
        return tuple(e.offer_id for e in self.entries)

    def note(self, offer_id: str) -> str:
        """The note of an offer on the list ("" when it has none or is not on the list)."""
        return next((e.note for e in self.entries if e.offer_id == offer_id), "")

    def add(self, offer_id: str, note: str = "") -> Shortlist:
        """Append an offer; one already on the list keeps its place and its note."""
        if offer_id in self:
            return self
        return Shortlist((*self.entries, ShortlistEntry(offer_id, _clean(note))))

    def remove(self, offer_id: str) -> Shortlist:
        return Shortlist(tuple(e for e in self.entries if e.offer_id != offer_id))

    def move(self, offer_id: str, steps: int) -> Shortlist:
        """Move an offer up (negative steps) or down the list, stopping at either end."""
        index = self._index(offer_id)
        target = min(max(index + steps, 0), len(self.entries) - 1)
        entries = list(self.entries)
        entries.insert(target, entries.pop(index))
        return Shortlist(tuple(entries))

    def with_note(self, offer_id: str, note: str) -> Shortlist:
        """Set (or with "" clear) the note of an offer on the list."""
        index = self._index(offer_id)
        entries = list(self.entries)
        entries[index] = replace(entries[index], note=_clean(note))
        return Shortlist(tuple(entries))

    def _index(self, offer_id: str) -> int:
        for index, entry in enumerate(self.entries):
            if entry.offer_id == offer_id:
                return index
        raise KeyError(offer_id)


def _clean(note: str) -> str:
    """Trimmed and capped, so a pasted text cannot flood the sheet."""
    return note.strip()[:MAX_NOTE_LENGTH]
