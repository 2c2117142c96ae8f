"""Presentation mode (?modus=praesentation): one district per slide for council meetings.

No sidebar, the map of the status × dynamics groups across most of the screen, the
profile's headline figures beside it in large type, source and year in the corner and
demo data labelled. Previous/next are buttons with the arrow keys as Streamlit shortcuts
(st.button(shortcut=…)), so a presenter's clicker or keyboard steps through the districts.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import streamlit as st

from services.analysis.headlines import Headline
from services.analysis.profiles import DistrictProfile
from services.analysis.status_dynamics import StatusDynamics
from services.plaintext import isolate
from services.snapshot import Snapshot
from services.texts import profile as t
from ui import page
from ui.components.profile import status_map
from ui.components.profile_choice import end_presentation, show_district

STYLE = Path(__file__).with_name("presentation.css").read_text(encoding="utf-8")
MAP_HEIGHT = 560  # px: the first size; presentation.css fits the map to the screen height


def _figures_html(figures: Sequence[Headline]) -> str:
    """The headline figures as large cards; the last (status × dynamics) spans the row."""
    cards = []
    for i, figure in enumerate(figures):
        wide = " wide" if i == len(figures) - 1 else ""
        comparison = f'<div class="comparison">{escape(figure.comparison)}</div>' if figure.comparison else ""
        cards.append(f'<div class="qa-figure{wide}"><div class="label">{escape(figure.label)}</div>'
                     f'<div class="value">{escape(figure.value)}</div>{comparison}</div>')  # fmt: skip
    return f'<div class="qa-figures">{"".join(cards)}</div>'


def _slide_buttons(ids: Sequence[str], position: int) -> None:
    previous_id, next_id = ids[position - 1], ids[(position + 1) % len(ids)]
    back, counter, forward, end = st.columns([1, 1, 1, 1.2], vertical_alignment="center")
    back.button(f"◀ {t.PREVIOUS}", key="slide_previous", on_click=show_district,
                args=(previous_id,), shortcut="Left", width="stretch")  # fmt: skip
    counter.markdown(t.SLIDE_OF.format(n=position + 1, total=len(ids)))
    forward.button(f"{t.NEXT} ▶", key="slide_next", on_click=show_district, args=(next_id,),
                   shortcut="Right", width="stretch", type="primary")  # fmt: skip
    end.button(t.PRESENT_END, key="slide_end", on_click=end_presentation, shortcut="Esc",
               width="stretch")  # fmt: skip


def slide(snap: Snapshot, profile: DistrictProfile, classes: StatusDynamics,
          figures: Sequence[Headline]) -> None:  # fmt: skip
    """One district's slide: map left, name and figures right, source in the corner."""
    page.styles()  # the layout CSS and page language the sidebar would otherwise add
    page.setup()
    st.html(f"<style>{STYLE}</style>")
    ids = list(snap.district_names)
    map_column, text_column = st.columns([1.35, 1], gap="medium")
    with map_column:
        status_map(snap, classes, profile, key="praesentation_karte", height=MAP_HEIGHT)
    with text_column:
        demo = f'<span class="qa-demo">{escape(t.DEMO_NOTE)}</span>' if profile.is_demo else ""
        meta = t.HEADER_META.format(stadtbezirk=isolate(profile.stadtbezirk), year=profile.year)
        st.html(f'<h1 class="qa-slide-title">{escape(isolate(profile.name))}</h1>'
                f'<p class="qa-slide-meta">{escape(meta)}{demo}</p>{_figures_html(figures)}')  # fmt: skip
        _slide_buttons(ids, ids.index(profile.district_id))
    source = t.SOURCE_YEAR.format(source="; ".join(map(isolate, profile.sources)), year=profile.year)
    st.html(f'<div class="qa-corner">{escape(source)}</div>')
