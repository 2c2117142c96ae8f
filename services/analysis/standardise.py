"""z-scores shared by the status index, the gap score and "vergleichbare Bezirke".

The sample standard deviation (ddof=1) is used, as statistics offices' z-transformations
(and SPSS, which the Berlin MSS reports name) do. Missing values (NaN) stay missing and do
not count. When every value is the same there is no spread to compare with, so every
district gets 0 (average) instead of a division by zero.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Spread(NamedTuple):
    """Mean and standard deviation a z-score is measured against."""

    mean: float
    sd: float


def spread(values: np.ndarray) -> Spread:
    """Mean and sample standard deviation of the finite values (sd 0 with fewer than two)."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return Spread(float("nan"), 0.0)
    sd = float(finite.std(ddof=1)) if finite.size > 1 else 0.0
    return Spread(float(finite.mean()), sd)


def zscores(values: np.ndarray, reference: Spread | None = None) -> np.ndarray:
    """(value − mean) / sd; against `reference` when given (e.g. "today" in a scenario)."""
    values = np.asarray(values, dtype=float)
    mean, sd = reference if reference is not None else spread(values)
    if not sd > 1e-12:
        return np.where(np.isfinite(values), 0.0, np.nan)
    return (values - mean) / sd
