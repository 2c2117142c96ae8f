"""Builders for test files and a tiny district layer, all made in code (tmp_path).

The offer builders (full_offer, sparse_offer) are shared with the storage tests and live
in tests/factories.py.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import geopandas as gpd
from pyproj import Transformer
from shapely.geometry import box

from services.config import GEODATA_DIR
from services.model import ANALYSIS_CRS, WEB_CRS, Office, OpeningSlot

# Three 2 km squares side by side near Bottrop's centre (EPSG:25832).
ORIGIN_X, ORIGIN_Y, SIDE = 354_000.0, 5_709_000.0, 2_000.0
DISTRICTS = (
    ("A1", "Altstadt", "Mitte"), ("B2", "Batenbrock-Süd", "Süd"), ("C3", "Welheim", "Süd")
)
_TO_WGS84 = Transformer.from_crs(ANALYSIS_CRS, WEB_CRS, always_xy=True)


def layer(ids=DISTRICTS, shift: float = 0.0) -> gpd.GeoDataFrame:
    """The squares in EPSG:25832; `shift` moves every border east by that many metres."""
    rows = [
        {"id": i, "name": n, "stadtbezirk": sb, "is_demo": False,
         "geometry": box(ORIGIN_X + k * SIDE + shift, ORIGIN_Y,
                         ORIGIN_X + (k + 1) * SIDE + shift, ORIGIN_Y + SIDE)}
        for k, (i, n, sb) in enumerate(ids)
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=ANALYSIS_CRS)


def city_layer(shift: float = 0.0) -> gpd.GeoDataFrame:
    """A layer covering Bottrop, as imports demand: squares A1 and B2, and C3 the rest of
    the city outline (which holds square C3 of `layer`)."""
    squares = layer(shift=shift)
    city = outline().to_crs(ANALYSIS_CRS).union_all()
    rest = city.difference(squares.geometry.iloc[0]).difference(squares.geometry.iloc[1])
    return squares.set_geometry([squares.geometry.iloc[0], squares.geometry.iloc[1], rest],
                                crs=ANALYSIS_CRS)


def outline() -> gpd.GeoDataFrame:
    return gpd.read_file(GEODATA_DIR / "outline.geojson")


def lat_lon(x: float, y: float) -> tuple[float, float]:
    lon, lat = _TO_WGS84.transform(x, y)
    return round(lat, 6), round(lon, 6)


def centre(k: int, dx: float = 0.0) -> tuple[float, float]:
    """lat/lon of square k's centre, moved `dx` metres east."""
    return lat_lon(ORIGIN_X + (k + 0.5) * SIDE + dx, ORIGIN_Y + SIDE / 2)


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def csv_text(header: list[str], rows: list[list[str]], sep: str = ";") -> str:
    """CSV as Excel writes it: cells holding the separator are quoted."""
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue()


LONG_HEADER = ["bezirk", "indikator", "jahr", "wert", "quelle"]
OFFER_HEADER = ["id", "name", "traeger", "bedarfe", "lat", "lon", "min_alter", "max_alter"]


def offer_row(i: int, lat: float = 51.52, lon: float = 6.93, max_age: str = "12") -> list[str]:
    return [f"o{i}", f"Angebot {i}", "Träger e. V.", "lernen", _de(lat), _de(lon), "6", max_age]


def _de(value: float) -> str:
    return str(value).replace(".", ",")


def office(**changes) -> Office:
    values = dict(id="b1", name="Quartiersbüro Feuerbachstraße", operator="Stadt Bottrop",
                  lat=51.5226, lon=6.9478, opening_hours=(OpeningSlot(2, "10:00", "12:00"),),
                  email="buero@example.org", staff_role="Lotse", is_demo=True)
    return Office(**(values | changes))


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/>{strings}</Types>')
_STRINGS_TYPE = ('<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-'
                 'officedocument.spreadsheetml.sharedStrings+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
         'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats'
             '.org/officeDocument/2006/relationships"><sheets><sheet name="Angebote" sheetId="1" '
             'r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    'sheet1.xml"/>{strings}</Relationships>')
_STRINGS_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/sharedStrings" Target="/{part}"/>')


def xlsx_by_hand(path: Path, rows: list[str], strings: list[str] | None = None,
                 strings_part: str = "xl/sharedStrings.xml") -> Path:
    """An XLSX written part by part, as a hostile tool could: `rows` are <row> elements,
    `strings` the shared-strings table (stored under `strings_part`)."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(rows)
             + "</sheetData></worksheet>")
    with_strings = strings is not None
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
            strings=_STRINGS_TYPE.format(part=strings_part) if with_strings else ""))
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(
            strings=_STRINGS_REL.format(part=strings_part) if with_strings else ""))
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        if with_strings:
            archive.writestr(strings_part, '<?xml version="1.0" encoding="UTF-8"?><sst xmlns='
                             '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                             + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    return path


def shp_file(size: int, shape_type: int = 5) -> bytes:
    """A .shp of `size` bytes: a valid header, then zeros (they pack to almost nothing)."""
    header = bytearray(100)
    header[0:4] = (9994).to_bytes(4, "big")
    header[24:28] = (size // 2).to_bytes(4, "big")
    header[28:32] = (1000).to_bytes(4, "little")
    header[32:36] = shape_type.to_bytes(4, "little")
    return bytes(header) + bytes(size - len(header))


def shapefile_zip(path: Path, shp_bytes: int, shape_type: int = 5) -> Path:
    """A ZIP whose .shp has `shp_bytes` (the issue's 140 KB archive held a 48 MB .shp)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bezirke.shp", shp_file(shp_bytes, shape_type))
        archive.writestr("bezirke.shx", shp_file(100, shape_type))
        archive.writestr("bezirke.dbf", b"")
    return path
