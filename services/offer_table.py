"""The matching offers as a list: the table under the map and its CSV/XLSX download.

One read model for both, so the download holds exactly the rows and texts on screen. The
table is also the keyboard and screen-reader route to the offers, so every cell is plain
German text (formatted as in the details panel).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from services import freshness
from services.details import cost_label, language_names
from services.formatting import format_ages
from services.io.writers import csv_bytes, xlsx_bytes
from services.plaintext import isolate
from services.taxonomy import need_labels
from services.texts import ui

COLUMNS: tuple[str, ...] = (
    ui.TABLE_NAME, ui.TABLE_NEEDS, ui.TABLE_AGES, ui.TABLE_DISTRICT, ui.TABLE_ADDRESS,
    ui.TABLE_LANGUAGES, ui.TABLE_COSTS, ui.TABLE_STATUS, ui.TABLE_VERIFIED,
)


def _known(value: object) -> object:
    """None for pandas' missing values (None, NaN), the value otherwise."""
    return None if value is None or pd.isna(value) else value


def _address(offers: pd.DataFrame) -> pd.Series:
    """"Hauptstraße 1, 46236 Bottrop": street, then postcode and town where known."""
    def one(street: object, postcode: object, city: object) -> str:
        town = " ".join(str(p) for p in (postcode, city) if p)
        return ", ".join(str(p) for p in (street, town) if p)

    return pd.Series(map(one, offers["address"], offers["postcode"], offers["city"]),
                     index=offers.index, dtype=object)


def _verified(offers: pd.DataFrame) -> pd.Series:
    """Empty for offers checked in time, „nicht mehr geprüft seit …“ for stale ones."""
    stale = offers.get(freshness.STALE_COLUMN, pd.Series(False, index=offers.index))
    return pd.Series([freshness.stale_note(day) if flag else "" for day, flag
                      in zip(offers["last_verified"], stale)], index=offers.index, dtype=object)


def offer_table(offers: pd.DataFrame, district_names: Mapping[str, str]) -> pd.DataFrame:
    """One row of display texts per offer, indexed by offer id, in the given order."""
    ages = [format_ages(_known(lo), _known(hi)) for lo, hi in zip(offers["min_age"], offers["max_age"])]
    table = pd.DataFrame(
        {
            ui.TABLE_NAME: offers["name"],
            ui.TABLE_NEEDS: offers["needs"].map(lambda codes: ", ".join(need_labels(codes))),
            ui.TABLE_AGES: ages,
            ui.TABLE_DISTRICT: offers["district_id"].map(district_names).fillna(""),
            ui.TABLE_ADDRESS: _address(offers),
            ui.TABLE_LANGUAGES: offers["languages"].map(language_names),
            ui.TABLE_COSTS: offers["free_of_charge"].map(lambda v: cost_label(_known(v))),
            ui.TABLE_STATUS: offers["status"].map(lambda s: ui.STATUS_LABELS.get(s, s)),
            ui.TABLE_VERIFIED: _verified(offers),
        },
        index=offers.index,
    )
    table.index = pd.Index(offers["id"].astype(str), name="id")
    return table


_DATA_TEXT = (ui.TABLE_NAME, ui.TABLE_ADDRESS, ui.TABLE_DISTRICT)


def on_screen(table: pd.DataFrame) -> pd.DataFrame:
    """The list as shown: data text isolated (services/plaintext), so a right-to-left
    override in a name cannot reverse its neighbours. The downloads keep the plain text."""
    return table.assign(**{column: table[column].map(isolate) for column in _DATA_TEXT})


def table_csv(table: pd.DataFrame) -> bytes:
    """The list for German Excel: ";", UTF-8 with BOM, formulas defused (services/io/writers)."""
    return csv_bytes(table.to_dict("records"), list(COLUMNS))


def table_xlsx(table: pd.DataFrame) -> bytes:
    return xlsx_bytes(table.to_dict("records"), list(COLUMNS), ui.TABLE_SHEET)
