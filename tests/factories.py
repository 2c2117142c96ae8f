"""Offer builders shared by the file tests (tests/unit/io) and the storage tests.

One full and one sparse offer, so a round trip through a file or a database is checked
against the same tricky values everywhere. Pass `**changes` for what a test depends on.
"""

from __future__ import annotations

from datetime import date

from services.model import Offer, OpeningSlot


def full_offer(**changes) -> Offer:
    """An offer with every field set to something other than its default, except district_id.

    district_id stays None because files never carry it (it is derived from the position on
    import); tests that store an offer directly pass `district_id=` themselves. The values
    are awkward on purpose: decimals, umlauts, quotes, separators, a line break, needs not in
    alphabetical order, two slots on one day, one closing at 24:00.
    """
    values = dict(
        id="o1",
        name="Hausaufgabenhilfe „Lernstübchen“ für Grundschüler",
        provider="Caritasverband Bottrop e. V.",
        needs=("sprache", "lernen", "notlagen"),  # order matters: not alphabetical on purpose
        lat=51.5237,
        lon=6.9285,
        description="Umlaute äöüß ÄÖÜ; Semikolon, Anführungszeichen \"x\" und 'y'\n"
        "zweite Zeile",
        min_age=0.5,
        max_age=10.75,
        audience=("kinder", "eltern"),
        address="Gladbecker Straße 12",
        postcode="46236",
        city="Bottrop-Kirchhellen",
        position_precision="street",
        opening_hours=(OpeningSlot(0, "09:00", "12:00"), OpeningSlot(0, "14:00", "16:00"),
                       OpeningSlot(1, "09:00", "12:00"), OpeningSlot(2, "14:30", "17:00"),
                       OpeningSlot(4, "08:30", "24:00")),
        hours_note="nicht in den Schulferien",
        free_of_charge=False,
        fee_text="5 € im Monat",
        languages=("de", "tr", "ar"),
        barrier_free=False,
        phone="02041 123456",
        email="lernen@example.org",
        website="https://example.org/lernen",
        status="temporarily_closed",
        valid_from=date(2024, 1, 1),
        valid_to=date(2025, 12, 31),
        last_verified=date(2024, 11, 5),
        source="Befragung der Träger 2024",
        is_demo=True,
    )
    return Offer(**(values | changes))


def sparse_offer(**changes) -> Offer:
    """An offer with only the required fields: the optional ones stay None or default."""
    values = dict(id="o2", name="Spielgruppe", provider="Verein", needs=("freizeit",),
                  lat=51.55, lon=6.95)  # fmt: skip
    return Offer(**(values | changes))
