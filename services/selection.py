"""What is selected on a page: one offer, Quartiersbüro or district, as a typed value.

The same reference travels through the URL (`auswahl=o:123`), the map's click marker
(`⟦o:123⟧` in a tooltip) and the details panel; this module is the one place that knows
its spelling, so a page never splits "o:123" by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SelectionKind = Literal["offer", "office", "district"]

PREFIX_OF_KIND: dict[SelectionKind, str] = {"offer": "o", "office": "b", "district": "d"}
KIND_OF_PREFIX: dict[str, SelectionKind] = {p: k for k, p in PREFIX_OF_KIND.items()}
MAX_ID_LENGTH = 200  # an id longer than any real one is a mangled link, not a selection


@dataclass(frozen=True, slots=True)
class Selection:
    kind: SelectionKind
    id: str

    @property
    def ref(self) -> str:
        """The short form used in URLs and click markers: "o:123", "b:q1", "d:41"."""
        return f"{PREFIX_OF_KIND[self.kind]}:{self.id}"

    @classmethod
    def parse(cls, ref: str | None) -> Selection | None:
        """The selection of a reference; None for anything malformed (links get edited)."""
        prefix, colon, item_id = (ref or "").strip().partition(":")
        if not colon or prefix not in KIND_OF_PREFIX or not item_id or len(item_id) > MAX_ID_LENGTH:
            return None
        return cls(KIND_OF_PREFIX[prefix], item_id)
