"""Downloads of the gap page: the tables for Excel (CSV, XLSX) and the layers for QGIS
(GeoJSON, GeoPackage in EPSG:25832 and 4326), each with its metadata
(services/analysis/exports.py). Built only when clicked (deferred download callables).
"""

from __future__ import annotations

from functools import partial

import streamlit as st

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


def _table_buttons(columns, table: exports.Table, stem: str, labels: tuple[str, str],
                   key: str) -> None:
    """The table for Excel, as CSV and as XLSX, in the first two of `columns`."""
    for column, label, suffix, mime in zip(columns, labels, (".csv", ".xlsx"), (CSV, XLSX)):
        _button(column, label, partial(exports.table_bytes, table, suffix), f"{stem}{suffix}",
                mime, f"{key}{suffix[1:]}")  # fmt: skip


def _layer_bytes(snap: Snapshot, table: exports.Table, suffix: str, crs: str) -> bytes:
    return exports.layer_bytes(exports.district_layer(snap, table), suffix, crs, table)


def gap_downloads(snap: Snapshot, result: SupplyResult) -> None:
    """The gap table (district × chosen needs) and its layer."""
    table = exports.gap_table(result)
    stem = t.EXPORT_FILE_GAPS
    columns = st.columns(3)
    _table_buttons(columns, table, stem, (t.EXPORT_TABLE_CSV, t.EXPORT_TABLE_XLSX), "plan_dl_")
    _button(columns[2], t.EXPORT_METADATA_CSV, partial(exports.metadata_bytes, table),
            f"{stem}_{t.METADATA_FILE_SUFFIX}.csv", CSV, "plan_dl_meta")  # fmt: skip
    columns = st.columns(4)
    slots = iter(columns)
    for suffix, label, mime in LAYER_FORMATS:
        for crs in (ANALYSIS_CRS, WEB_CRS):
            code = crs.split(":")[1]
            _button(next(slots), t.EXPORT_LAYER.format(format=label, crs=crs),
                    partial(_layer_bytes, snap, table, suffix, crs), f"{stem}_{code}{suffix}", mime,
                    f"plan_dl_{code}{suffix}")  # fmt: skip


def scenario_downloads(snap: Snapshot, comparison: ScenarioComparison) -> None:
    """The scenario against today („Szenario“ in every row) and the offers with the
    hypothetical ones marked as such."""
    table = exports.scenario_table(comparison)
    stem = t.EXPORT_FILE_SCENARIO
    columns = st.columns(3)
    _table_buttons(columns, table, stem, (t.EXPORT_SCENARIO_CSV, t.EXPORT_SCENARIO_XLSX),
                   "plan_dl_sc_")
    layer = partial(_offers_bytes, snap, comparison, table)
    _button(columns[2], t.EXPORT_SCENARIO_OFFERS.format(crs=WEB_CRS), layer,
            f"{stem}_angebote.geojson", "application/geo+json", "plan_dl_sc_offers")  # fmt: skip


def _offers_bytes(snap: Snapshot, comparison: ScenarioComparison, table: exports.Table) -> bytes:
    return exports.layer_bytes(exports.offers_layer(snap, comparison), ".geojson", WEB_CRS, table)
