"""Downloads of the gap and profile pages: the tables for Excel (CSV, XLSX) and the layers for QGIS
(GeoJSON, GeoPackage in EPSG:25832 and 4326), each with its metadata
(services/analysis/exports.py). Built only when clicked (deferred download callables).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st
from geopandas import GeoDataFrame

from services.analysis import exports
from services.analysis.scenarios import ScenarioComparison
from services.analysis.supply import SupplyResult
from services.model import ANALYSIS_CRS, WEB_CRS
from services.snapshot import Snapshot
from services.texts import analysis as t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"
LAYER_FORMATS = ((".geojson", "GeoJSON", "application/geo+json"),
                 (".gpkg", "GeoPackage", "application/geopackage+sqlite3"))  # fmt: skip


def _button(column, label: str, data, name: str, mime: str, key: str) -> None:
    column.download_button(label, data=data, file_name=name, mime=mime, on_click="ignore",
                           key=key)  # fmt: skip


Deferred = Callable[[], exports.Table]  # a table built only when a download is clicked


def _layer_bytes(layer: Callable[[], GeoDataFrame], table: Deferred, suffix: str,
                 crs: str) -> bytes:  # fmt: skip
    return exports.layer_bytes(layer(), suffix, crs, table())


def _table_bytes(table: Deferred, suffix: str) -> bytes:
    return exports.table_bytes(table(), suffix)


def _metadata_bytes(table: Deferred) -> bytes:
    return exports.metadata_bytes(table())


def _layer_buttons(layer: Callable[[], GeoDataFrame], table: Deferred, stem: str,
                   key: str) -> None:  # fmt: skip
    """GeoJSON and GeoPackage, each in EPSG:25832 and 4326, with the table's metadata."""
    slots = iter(st.columns(4))
    for suffix, label, mime in LAYER_FORMATS:
        for crs in (ANALYSIS_CRS, WEB_CRS):
            code = crs.split(":")[1]
            _button(next(slots), t.EXPORT_LAYER.format(format=label, crs=crs),
                    partial(_layer_bytes, layer, table, suffix, crs), f"{stem}_{code}{suffix}",
                    mime, f"{key}_{code}{suffix}")  # fmt: skip


def _table_buttons(columns, table: Deferred, stem: str, labels: tuple[str, str],
                   key: str) -> None:  # fmt: skip
    """The table for Excel, as CSV and as XLSX, in the first two of `columns`."""
    for column, label, suffix, mime in zip(columns, labels, (".csv", ".xlsx"), (CSV, XLSX)):
        _button(column, label, partial(_table_bytes, table, suffix), f"{stem}{suffix}",
                mime, f"{key}{suffix[1:]}")  # fmt: skip


def table_downloads(table: Deferred, stem: str, key: str) -> None:
    """The table as CSV (German Excel) and XLSX, and the CSV's metadata beside it."""
    columns = st.columns(3)
    _table_buttons(columns, table, stem, (t.EXPORT_TABLE_CSV, t.EXPORT_TABLE_XLSX), f"{key}_")
    _button(columns[2], t.EXPORT_METADATA_CSV, partial(_metadata_bytes, table),
            f"{stem}_{t.METADATA_FILE_SUFFIX}.csv", CSV, f"{key}_meta")  # fmt: skip


def gap_downloads(snap: Snapshot, result: SupplyResult) -> None:
    """The gap table (district × chosen needs) and its layer."""
    table = exports.gap_table(result)
    table_downloads(lambda: table, t.EXPORT_FILE_GAPS, "plan_dl")
    _layer_buttons(partial(exports.district_layer, snap, table), lambda: table,
                   t.EXPORT_FILE_GAPS, "plan_dl")  # fmt: skip


def scenario_downloads(snap: Snapshot, comparison: ScenarioComparison) -> None:
    """The scenario against today („Szenario“ in every row) and the offers with the
    hypothetical ones marked as such."""
    table = exports.scenario_table(comparison)
    stem = t.EXPORT_FILE_SCENARIO
    columns = st.columns(3)
    _table_buttons(columns, lambda: table, stem, (t.EXPORT_SCENARIO_CSV, t.EXPORT_SCENARIO_XLSX),
                   "plan_dl_sc_")
    layer = partial(_offers_bytes, snap, comparison, table)
    _button(columns[2], t.EXPORT_SCENARIO_OFFERS.format(crs=WEB_CRS), layer,
            f"{stem}_angebote.geojson", "application/geo+json", "plan_dl_sc_offers")  # fmt: skip


def _offers_bytes(snap: Snapshot, comparison: ScenarioComparison, table: exports.Table) -> bytes:
    return exports.layer_bytes(exports.offers_layer(snap, comparison), ".geojson", WEB_CRS, table)


def district_downloads(snap: Snapshot, table: Deferred, need_label: str, key: str) -> None:
    """Every district with its indicator values, status × dynamics and gap figures
    (exports.district_table): the table and the layer."""
    st.markdown(f"**{t.EXPORT_DISTRICTS.format(need=need_label)}**")
    table_downloads(table, t.EXPORT_FILE_DISTRICTS, key)
    _layer_buttons(lambda: exports.district_layer(snap, table()), table,
                   t.EXPORT_FILE_DISTRICTS, key)  # fmt: skip


def offers_downloads(snap: Snapshot, key: str) -> None:
    """The real offers with district and Stadtbezirk, as a table and a layer (no scenario:
    its hypothetical offers are exported with the scenario, marked „Szenario“)."""
    table = partial(exports.offers_table, snap)
    st.markdown(f"**{t.EXPORT_OFFERS}**")
    table_downloads(table, t.EXPORT_FILE_OFFERS, key)
    _layer_buttons(partial(exports.offers_layer, snap), table, t.EXPORT_FILE_OFFERS, key)


def analysis_downloads(snap: Snapshot, supply: Callable[[], SupplyResult], need: str,
                       need_text: str, year: int | None, key: str) -> None:  # fmt: skip
    """The districts with indicators of `year` and the gap figures of `need` in `supply`
    (built when clicked; `need_text` says which), and the offers: the layers a planner
    takes into QGIS."""
    def table() -> exports.Table:
        return exports.full_district_table(snap, year, supply(), need)

    district_downloads(snap, table, need_text, f"{key}_districts")
    offers_downloads(snap, f"{key}_offers")
