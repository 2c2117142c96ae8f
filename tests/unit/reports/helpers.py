"""A sample Infoblatt shared by the sheet tests, also run in a subprocess (fonts hidden)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import geopandas as gpd

from services.config import GEODATA_DIR
from services.io.districts import read_districts
from services.model import Office, OpeningSlot
from services.reports.referral_sheet import SheetOffer, referral_sheet_pdf
from tests.factories import full_offer, sparse_offer

CREATED = date(2026, 11, 28)


def districts() -> gpd.GeoDataFrame:
    return read_districts(GEODATA_DIR / "districts.geojson")[0]


def office() -> Office:
    return Office(
        id="real-qb", name="Quartiersbüro Feuerbachstraße", operator="Stadt Bottrop",
        lat=51.5226, lon=6.9478, address="Feuerbachstraße 13", postcode="46238",
        opening_hours=(OpeningSlot(1, "09:00", "12:00"),), phone="02041 70-0",
        email="quartier@example.org", contact="Bedarfe können hier angemeldet werden",
    )  # fmt: skip


def entries() -> list[SheetOffer]:
    """Three offers: demo with website, real with phone only, one without any contact."""
    return [
        SheetOffer(full_offer(lat=51.5237, lon=6.9430), "ca. 650 m", ""),
        SheetOffer(
            full_offer(id="o2", name="Stadtteilbüro Batenbrock", is_demo=False, website="",
                       needs=("teilhabe",), free_of_charge=True, fee_text="",
                       opening_hours=(), hours_note="nach Vereinbarung"),
            "ca. 1.200 m",
            "",
        ),  # fmt: skip
        SheetOffer(sparse_offer(id="o3", name="Familienzentrum Rappelkiste", lat=51.531,
                                lon=6.962, languages=("de", "ar")), "ca. 2,4 km", ""),  # fmt: skip
    ]


def write_sheet(language: str, path: str) -> None:
    Path(path).write_bytes(referral_sheet_pdf(entries(), office(), districts(), language, CREATED))


if __name__ == "__main__":  # python -m tests.unit.reports.helpers LANGUAGE OUT.pdf
    write_sheet(sys.argv[1], sys.argv[2])
