"""Exports of the planning analyses for QGIS and Excel.

Tables (district table, gap table, scenario comparison) go to CSV for German Excel
(services/io/writers: BOM, ";" and decimal comma) or to XLSX with a "Metadaten" sheet;
layers (districts with indicator, status and gap figures; offers with their district and
Stadtbezirk; a scenario's hypothetical offers) go to GeoJSON or GeoPackage in EPSG:25832
or EPSG:4326 with the same metadata (a "metadaten" table in the GeoPackage, a "metadaten"
member in GeoJSON). The metadata names source, year, method, export date and whether the
data is demo data; a scenario export says „Szenario“ in its title and in every row.
Column names are short ASCII (QGIS and Shapefile-friendly); German labels are in texts.
"""

from __future__ import annotations

import json
import math
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from services.analysis.profiles import DistrictProfile
from services.analysis.scenarios import ScenarioComparison, hypothetical_offers_frame
from services.analysis.status_dynamics import StatusDynamics, status_dynamics
from services.analysis.supply import ALL_CHOSEN, SupplyResult, ages_label, analyse_supply
from services.formatting import format_date, format_number
from services.indicators import INDICATORS
from services.io.columns import STATUS_CODES
from services.io.writers import write_csv, write_xlsx_sheets
from services.model import ANALYSIS_CRS, WEB_CRS
from services.snapshot import Snapshot
from services.taxonomy import need_labels
from services.texts import analysis as t

LAYER_CRS = (ANALYSIS_CRS, WEB_CRS)
TABLE_SUFFIXES = (".csv", ".xlsx")
LAYER_SUFFIXES = (".geojson", ".gpkg")
Rows = list[dict[str, Any]]
_GERMAN_STATUS = {model: german for german, model in STATUS_CODES.items()}  # as offer files say
EXPORT_STEM = "export"  # file name inside the temporary folder of a download


@dataclass(frozen=True)
class Table:
    """Rows under ASCII column names, with the metadata that travels with them."""

    title: str  # sheet / layer name
    columns: list[str]
    rows: Rows
    metadata: list[tuple[str, str]]


def _clean(value: Any, digits: int | None = None) -> Any:
    """None for missing values (never "nan" in a cell), plain Python numbers, rounded."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (np.integer, int)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, (np.floating, float)):
        if math.isnan(value):
            return None
        return round(float(value), digits) if digits is not None else float(value)
    return value


def _yes_no(flag: bool) -> str:
    return t.YES if flag else t.NO


def metadata(
    title: str,
    sources: tuple[str, ...],
    year: int | None,
    method: str,
    is_demo: bool,
    today: date | None = None,
    crs: str | None = None,
    scenario: str | None = None,
) -> list[tuple[str, str]]:
    """(field, value) pairs in German, for the metadata sheet or table."""
    pairs = [
        (t.META_TITLE, title),
        (t.META_SOURCES, "; ".join(sources)),
        (t.META_YEAR, "" if year is None else str(year)),
        (t.META_METHOD, method),
        (t.META_EXPORTED, format_date(today or date.today())),
        (t.META_DEMO, t.DEMO_NOTE if is_demo else t.NO),
    ]
    if crs:
        pairs.append((t.META_CRS, crs))
    if scenario:
        pairs.append((t.SCENARIO, t.SCENARIO_NOTE.format(name=scenario)))
    return pairs


def district_table(
    snapshot: Snapshot,
    year: int,
    classes: StatusDynamics | None = None,
    supply: SupplyResult | None = None,
    today: date | None = None,
    gap_need: str | None = None,
) -> Table:
    """One row per district: every indicator of `year`, status × dynamics, gap figures per
    need of `supply` (offers, per 1,000 children, coverage in %, gap score, rank), or of
    `gap_need` alone (a need code or ALL_CHOSEN)."""
    values = snapshot.indicator_values
    this_year = values[values["year"] == year]
    wide = this_year.pivot_table(index="district_id", columns="indicator_key", values="value")
    keys = [i.key for i in INDICATORS]
    columns = ["bezirk_id", "bezirk", "stadtbezirk", "jahr", *keys]
    rows: Rows = []
    for district in snapshot.districts.itertuples():
        row = {"bezirk_id": district.id, "bezirk": district.name,
               "stadtbezirk": getattr(district, "stadtbezirk", ""), "jahr": year}  # fmt: skip
        for key in keys:
            row[key] = (
                _clean(wide.at[district.id, key], 2)
                if key in wide and district.id in wide.index
                else None
            )
        rows.append(row)
    if classes is not None:
        columns += _add_classes(rows, classes)
    if supply is not None:
        columns += _add_supply(rows, supply, gap_need)
    columns.append("demo")
    for row in rows:
        row["demo"] = _yes_no(snapshot.any_demo)
    sources = tuple(sorted(set(this_year["source"]) | set(supply.sources if supply else ())))
    method = t.METHOD_DISTRICTS + (f" {status_method(classes)}" if classes else "")
    method += f" {supply_method(supply)}" if supply else ""
    meta = metadata(t.TITLE_DISTRICTS, sources, year, method, snapshot.any_demo, today)
    return Table(t.SHEET_DISTRICTS, columns, rows, meta)


def status_method(classes: StatusDynamics) -> str:
    """The status × dynamics method sentence; says when only the children rule was checked."""
    unchecked = "" if classes.residents_checked else f" {t.RESIDENTS_UNCHECKED}"
    return t.METHOD_STATUS + unchecked


def _add_classes(rows: Rows, classes: StatusDynamics) -> list[str]:
    for row in rows:
        found = classes.of(row["bezirk_id"])
        row["statusindex"] = _clean(found.status_index, 3) if found else None
        row["status"] = t.STATUS_LABELS.get(found.status, "") if found and found.status else ""
        row["dynamikindex"] = _clean(found.dynamics_index, 3) if found else None
        row["dynamik"] = (
            t.DYNAMICS_LABELS.get(found.dynamics, "") if found and found.dynamics else ""
        )
        row["einordnung"] = found.label if found else ""
    return ["statusindex", "status", "dynamikindex", "dynamik", "einordnung"]


def _add_supply(rows: Rows, supply: SupplyResult, only: str | None) -> list[str]:
    columns: list[str] = []
    by_key = supply.table.set_index(["district_id", "need"])
    for need in dict.fromkeys(supply.table["need"]):
        if only is not None and need != only:
            continue
        short = "alle" if need == ALL_CHOSEN else need
        names = [
            f"ang_{short}",
            f"je1000_{short}",
            f"abd_{short}",
            f"luecke_{short}",
            f"rang_{short}",
        ]
        columns += names
        for row in rows:
            key = (row["bezirk_id"], need)
            found = by_key.loc[key] if key in by_key.index else None
            figures = _supply_figures(found)
            row.update(dict(zip(names, figures)))
    return columns


def _supply_figures(found) -> list[Any]:
    if found is None:
        return [None] * 5
    return [
        _clean(found["offers"]),
        _clean(found["per_1000"], 2),
        _clean(found["coverage"] * 100, 1),
        _clean(found["gap_score"], 3),
        _clean(found["gap_rank"]),
    ]


def supply_method(supply: SupplyResult) -> str:
    """The method sentence of a gap export: distance, ages, spread, indicator."""
    options = supply.options
    return t.METHOD_SUPPLY.format(
        distance=format_number(options.distance_m),
        ages=ages_label(options.age_groups),
        spread=supply.spread_label,
        indicator=supply.indicator.label,
        year=supply.year,
    )


def profile_tables(profile: DistrictProfile, today: date | None = None) -> tuple[Table, Table]:
    """One district's profile as two tables: every indicator against the city, and the
    offers by need per 1,000 children of the profile's ages."""
    base = {"bezirk_id": profile.district_id, "bezirk": profile.name, "jahr": profile.year}
    indicators = [base | {
        "kennzahl": row.indicator.key, "kennzahl_name": row.indicator.label,
        "einheit": row.indicator.unit, "wert": _clean(row.value.value, 2),
        "stadt": _clean(row.city_average, 2), "differenz": _clean(row.difference, 2),
        "rang": row.rank, "von": row.ranked,
    } for row in profile.indicators]  # fmt: skip
    offers = [base | {
        "bedarf": need.need, "bedarf_name": need.label, "altersgruppen": profile.ages_label,
        "angebote": need.offers, "kinder": _clean(need.children.value, 0),
        "je_1000_kinder": _clean(need.per_1000, 2),
    } for need in profile.offers_by_need]  # fmt: skip
    title = t.TITLE_PROFILE.format(name=profile.name)
    meta = metadata(title, profile.indicator_sources, profile.year, t.METHOD_PROFILE,
                    profile.is_demo, today)  # fmt: skip
    offers_meta = metadata(title, (*profile.indicator_sources, t.OFFERS_SOURCE), profile.year,
                           t.METHOD_PROFILE_OFFERS.format(ages=profile.ages_label),
                           profile.is_demo, today)  # fmt: skip
    return (Table(t.SHEET_PROFILE, list(indicators[0]), indicators, meta),
            Table(t.SHEET_OFFERS_BY_NEED, list(offers[0]), offers, offers_meta))  # fmt: skip


def gap_table(supply: SupplyResult, today: date | None = None) -> Table:
    """The supply analysis in long form: one row per district × need."""
    columns = ["bezirk_id", "bezirk", "bedarf", "bedarf_name", "kinder", "angebote",
               "je_1000_kinder", "abdeckung_prozent", "kinder_in_reichweite", "bedarfswert",
               "z_bedarf", "z_abdeckung", "lueckenwert", "rang", "verteilung"]  # fmt: skip
    rows = [_gap_row(r) for r in supply.table.to_dict("records")]
    meta = metadata(t.TITLE_GAPS, supply.sources, supply.year, supply_method(supply),
                    supply.is_demo, today)  # fmt: skip
    return Table(t.SHEET_GAPS, columns, rows, meta)


def _gap_row(r: dict) -> dict:
    return {
        "bezirk_id": r["district_id"], "bezirk": r["district"], "bedarf": r["need"],
        "bedarf_name": r["need_label"], "kinder": _clean(r["children"], 0),
        "angebote": _clean(r["offers"]), "je_1000_kinder": _clean(r["per_1000"], 2),
        "abdeckung_prozent": _clean(r["coverage"] * 100, 1),
        "kinder_in_reichweite": _clean(r["children_in_reach"], 0),
        "bedarfswert": _clean(r["need_value"], 2), "z_bedarf": _clean(r["need_z"], 3),
        "z_abdeckung": _clean(r["coverage_z"], 3), "lueckenwert": _clean(r["gap_score"], 3),
        "rang": _clean(r["gap_rank"]), "verteilung": t.SPREAD_SHORT[r["spread_method"]],
    }  # fmt: skip


def scenario_table(comparison: ScenarioComparison, today: date | None = None) -> Table:
    """Today and the scenario side by side; „Szenario“ in the title and in every row."""
    name = comparison.scenario.name
    pairs = [("angebote", "offers", None), ("je_1000", "per_1000", 2), ("abdeckung", "coverage", 1),
             ("luecke", "gap_score", 3), ("rang", "gap_rank", None)]  # fmt: skip
    columns = ["szenario", "bezirk_id", "bezirk", "bedarf", "bedarf_name"]
    for short, _, _ in pairs:
        columns += [f"{short}_heute", f"{short}_szenario"]
    columns.append("neu_erreichte_kinder")
    rows = []
    for r in comparison.table.to_dict("records"):
        row = {"szenario": f"{t.SCENARIO}: {name}", "bezirk_id": r["district_id"],
               "bezirk": r["district"], "bedarf": r["need"],
               "bedarf_name": r["need_label"]}  # fmt: skip
        for short, key, digits in pairs:
            scale = 100 if key == "coverage" else 1
            for suffix, when in (("heute", "before"), ("szenario", "after")):
                value = r[f"{key}_{when}"]
                row[f"{short}_{suffix}"] = _clean(
                    value * scale if value is not None else None, digits
                )
        row["neu_erreichte_kinder"] = _clean(r["newly_in_reach"], 0)
        rows.append(row)
    after = comparison.after
    meta = metadata(t.TITLE_SCENARIO.format(name=name), after.sources, after.year,
                    supply_method(after), after.is_demo, today, scenario=name)  # fmt: skip
    return Table(t.SHEET_SCENARIO, columns, rows, meta)


def write_table(table: Table, path: Path) -> None:
    """CSV (plus `<name>_metadaten.csv` beside it) or XLSX (plus a "Metadaten" sheet)."""
    path = Path(path)
    meta_rows = [{t.META_FIELD: k, t.META_VALUE: v} for k, v in table.metadata]
    meta_columns = [t.META_FIELD, t.META_VALUE]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(table.rows, table.columns, path)
        write_csv(meta_rows, meta_columns, metadata_path(path))
    elif suffix == ".xlsx":
        write_xlsx_sheets([(table.title, table.columns, table.rows),
                           (t.SHEET_METADATA, meta_columns, meta_rows)], path)  # fmt: skip
    else:
        raise ValueError(
            t.UNKNOWN_TABLE_FORMAT.format(suffix=path.suffix, allowed=", ".join(TABLE_SUFFIXES))
        )


def metadata_path(path: Path) -> Path:
    """Where the metadata of a CSV export go: `bezirke.csv` -> `bezirke_metadaten.csv`."""
    return path.with_name(f"{path.stem}_{t.METADATA_FILE_SUFFIX}{path.suffix}")


def district_layer(snapshot: Snapshot, table: Table) -> gpd.GeoDataFrame:
    """The district table's rows on the district polygons (EPSG:25832)."""
    frame = _typed(pd.DataFrame(table.rows, columns=table.columns, dtype=object))
    geometry = snapshot.districts.set_index("id").geometry
    return gpd.GeoDataFrame(frame, geometry=list(geometry.loc[frame["bezirk_id"]]),
                            crs=snapshot.districts.crs)  # fmt: skip


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns of Python values typed for the layer: numbers with gaps as nullable Int64 or
    Float64 (a GeoPackage would store an object column of numbers and None as text, and
    pandas alone would turn whole numbers with a gap into floats); text stays text."""
    for column in frame.columns:
        values = [v for v in frame[column] if v is not None]
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values) and values:
            frame[column] = pd.array(frame[column], dtype="Int64")
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            frame[column] = pd.array(frame[column], dtype="Float64")
    return frame


def offers_layer(
    snapshot: Snapshot, comparison: ScenarioComparison | None = None
) -> gpd.GeoDataFrame:
    """Real offers with their district and Stadtbezirk (EPSG:4326 points); a scenario's
    hypothetical offers, when given, follow with art = „Szenario: …“, never passing as real."""
    offers = snapshot.offers
    parts = [offers.assign(art=t.KIND_REAL)]
    if comparison is not None:
        extra = hypothetical_offers_frame(comparison.scenario, snapshot)
        parts.append(extra.assign(art=f"{t.SCENARIO}: {comparison.scenario.name}", provider="",
                                  is_demo=False))  # fmt: skip
    frame = pd.concat(parts, ignore_index=True)
    districts = snapshot.districts.set_index("id")
    ids = frame["district_id"]
    return gpd.GeoDataFrame(
        {
            "id": frame["id"],
            "name": frame["name"],
            "art": frame["art"],
            "traeger": frame["provider"].fillna(""),
            "bedarfe": ["; ".join(need_labels(n)) for n in frame["needs"]],
            "min_alter": [_clean(v) for v in frame["min_age"]],
            "max_alter": [_clean(v) for v in frame["max_age"]],
            "status": frame["status"].map(_GERMAN_STATUS),
            "bezirk_id": ids,
            "bezirk": ids.map(districts["name"]),
            "stadtbezirk": ids.map(districts["stadtbezirk"]),
            "demo": [_yes_no(bool(v)) for v in frame["is_demo"].fillna(False)],
        },  # fmt: skip
        geometry=gpd.points_from_xy(frame["lon"], frame["lat"]),
        crs=WEB_CRS,
    )


def offers_table(snapshot: Snapshot, today: date | None = None) -> Table:
    """The real offers with district and Stadtbezirk as rows, with their metadata (the
    attribute table of `offers_layer`; also the metadata of its layer downloads)."""
    layer = offers_layer(snapshot)
    columns = [c for c in layer.columns if c != "geometry"]
    rows = [{k: _clean(v) for k, v in row.items()} for row in layer[columns].to_dict("records")]
    meta = metadata(t.TITLE_OFFERS, (t.OFFERS_SOURCE,), None, t.METHOD_OFFERS,
                    snapshot.any_demo, today)  # fmt: skip
    return Table(t.SHEET_OFFERS, columns, rows, meta)


def write_layer(layer: gpd.GeoDataFrame, path: Path, crs: str, meta: list[tuple[str, str]],
                name: str) -> None:  # fmt: skip
    """GeoJSON or GeoPackage in `crs` (EPSG:25832 or EPSG:4326), metadata included."""
    if crs not in LAYER_CRS:
        raise ValueError(t.UNKNOWN_CRS.format(crs=crs, allowed=", ".join(LAYER_CRS)))
    path = Path(path)
    layer = layer.to_crs(crs)
    meta = [*meta, (t.META_CRS, crs)]
    suffix = path.suffix.lower()
    if suffix == ".geojson":
        collection = json.loads(layer.to_json(na="null", drop_id=True))
        collection["name"] = name
        if crs != WEB_CRS:  # RFC 7946 knows only WGS84; QGIS reads this legacy member
            code = crs.split(":")[1]
            collection["crs"] = {
                "type": "name",
                "properties": {"name": f"urn:ogc:def:crs:EPSG::{code}"},
            }
        collection["metadaten"] = dict(meta)
        path.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix == ".gpkg":
        path.unlink(missing_ok=True)
        pyogrio.write_dataframe(layer, path, layer=name, driver="GPKG")
        table = pd.DataFrame(meta, columns=[t.META_FIELD, t.META_VALUE])
        pyogrio.write_dataframe(table, path, layer=t.METADATA_LAYER, driver="GPKG")
    else:
        raise ValueError(
            t.UNKNOWN_LAYER_FORMAT.format(suffix=path.suffix, allowed=", ".join(LAYER_SUFFIXES))
        )


def full_district_table(
    snapshot: Snapshot,
    year: int | None = None,
    supply: SupplyResult | None = None,
    gap_need: str | None = None,
    today: date | None = None,
) -> Table:
    """The district table of `year` (default: the newest) with its status × dynamics and,
    when `supply` is given, the gap figures: what the CLI and the pages export."""
    year = year or int(snapshot.indicator_values["year"].max())
    return district_table(snapshot, year, status_dynamics(snapshot, year), supply, today, gap_need)


def export_districts(
    snapshot: Snapshot,
    path: Path,
    year: int | None = None,
    crs: str = ANALYSIS_CRS,
    supply: SupplyResult | None = None,
    gap_need: str | None = None,
    today: date | None = None,
) -> int:
    """The district table or layer, by extension (.csv, .xlsx, .geojson, .gpkg); gap
    figures when `supply` is given (of `gap_need` alone when set). Returns the number of
    districts written."""
    table = full_district_table(snapshot, year, supply, gap_need, today)
    _write(table, Path(path), crs, lambda: district_layer(snapshot, table))
    return len(table.rows)


def export_gaps(
    snapshot: Snapshot,
    path: Path,
    supply: SupplyResult | None = None,
    crs: str = ANALYSIS_CRS,
    today: date | None = None,
) -> int:
    """The gap table (district × need) or layer (one polygon per row, filter by `bedarf`
    in QGIS). Without `supply`, the default analysis. Returns the rows written."""
    table = gap_table(supply or analyse_supply(snapshot), today)
    _write(table, Path(path), crs, lambda: district_layer(snapshot, table))
    return len(table.rows)


def _write(table: Table, path: Path, crs: str, layer) -> None:
    if path.suffix.lower() in LAYER_SUFFIXES:
        write_layer(layer(), path, crs, table.metadata, table.title)
    else:
        write_table(table, path)


def table_bytes(table: Table, suffix: str) -> bytes:
    """The table as a download (".csv" or ".xlsx"). A CSV download carries no metadata
    file; offer `metadata_bytes` beside it (the XLSX has its "Metadaten" sheet)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{EXPORT_STEM}{suffix}"
        write_table(table, path)
        return path.read_bytes()


def metadata_bytes(table: Table) -> bytes:
    """The metadata of a table as a CSV for German Excel."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{EXPORT_STEM}.csv"
        write_table(table, path)
        return metadata_path(path).read_bytes()


def layer_bytes(layer: gpd.GeoDataFrame, suffix: str, crs: str, table: Table) -> bytes:
    """A layer as a download (".geojson" or ".gpkg") in `crs`, with the table's metadata."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{EXPORT_STEM}{suffix}"
        write_layer(layer, path, crs, table.metadata, table.title)
        return path.read_bytes()
