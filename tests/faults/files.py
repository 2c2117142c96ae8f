"""Builders of the import files the fault tests need, made in tmp_path."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from services.io.offers import write_offers
from services.model import Offer
from tests.unit.io.helpers import OFFER_HEADER, csv_text, outline, write_text

_OFFER_ROW_TAIL = ["Träger e. V.", "lernen"]


def points_in_city(count: int, seed: int = 7) -> list[tuple[float, float]]:
    """`count` (lat, lon) pairs spread over the box around Bottrop's outline."""
    west, south, east, north = outline().total_bounds
    rng = np.random.default_rng(seed)
    lats = rng.uniform(south, north, count).round(6)
    lons = rng.uniform(west, east, count).round(6)
    return list(zip(lats.tolist(), lons.tolist()))


def offers_csv(path: Path, count: int, prefix: str = "o") -> Path:
    """A valid offers CSV of `count` rows (German Excel style)."""
    rows = [
        [f"{prefix}{i}", f"Angebot {i}", *_OFFER_ROW_TAIL, _de(lat), _de(lon), "6", "12"]
        for i, (lat, lon) in enumerate(points_in_city(count), start=1)
    ]
    return write_text(path, csv_text(OFFER_HEADER, rows))


def offer_records(count: int) -> list[Offer]:
    return [Offer(id=f"s{i}", name=f"Angebot {i}", provider="Träger", needs=("lernen",),
                  lat=lat, lon=lon)
            for i, (lat, lon) in enumerate(points_in_city(count, seed=3), start=1)]


def offers_xlsx(path: Path, count: int) -> Path:
    write_offers(offer_records(count), path)
    return path


def _de(value: float) -> str:
    return str(value).replace(".", ",")

