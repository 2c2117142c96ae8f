"""Classes and colours of the gap score for the map layer, its legend and the PDF.

The gap score is a difference of z-scores centred on 0 (the average district), so it gets a
diverging scheme with fixed bounds instead of the indicator map's quantiles: the same score
has the same colour whatever the need, age group or scenario, and a scenario's map can be
compared with today's. ColorBrewer RdYlBu (Cynthia A. Brewer, colorbrewer2.org, Apache-2.0,
marked colour-blind safe): blue where the gap is smaller than average, red where larger.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from services.choropleth import NO_DATA_COLOUR
from services.texts import analysis as t

if TYPE_CHECKING:  # a type only: supply brings scipy (~0.4 s), which the map page never needs
    from services.analysis.supply import SupplyResult

BOUNDS = (-1.5, -0.5, 0.5, 1.5)  # upper bounds of the first four classes (inclusive)
RDYLBU_REVERSED = ("#2c7bb6", "#abd9e9", "#ffffbf", "#fdae61", "#d7191c")


@dataclass(frozen=True, slots=True)
class GapShade:
    district_id: str
    district: str
    gap_score: float | None
    rank: int | None
    colour: str
    label: str  # the class label, or "keine Daten"


def gap_class(score: float | None) -> int | None:
    """Class index 0–4 of a gap score (bounds belong to the lower class); None when missing."""
    if score is None or not np.isfinite(score):
        return None
    return int(np.searchsorted(BOUNDS, score, side="left"))


def gap_shades(result: SupplyResult, need: str) -> tuple[GapShade, ...]:
    """One shade per district for one need (or ALL_CHOSEN), in the layer's district order."""
    rows = result.table[result.table["need"] == need]
    shades = []
    for row in rows.itertuples(index=False):
        score = None if np.isnan(row.gap_score) else float(row.gap_score)
        index = gap_class(score)
        shades.append(
            GapShade(
                district_id=row.district_id,
                district=row.district,
                gap_score=score,
                rank=None if index is None else int(row.gap_rank),  # ranked when scored
                colour=NO_DATA_COLOUR if index is None else RDYLBU_REVERSED[index],
                label=t.NO_GAP_DATA if index is None else t.GAP_CLASS_LABELS[index],
            )
        )
    return tuple(shades)


def legend() -> tuple[tuple[str, str], ...]:
    """(colour, German label) from the smallest gap to the largest, then "keine Daten"."""
    return (*zip(RDYLBU_REVERSED, t.GAP_CLASS_LABELS), (NO_DATA_COLOUR, t.NO_GAP_DATA))
