"""Builders of the import files the fault tests need, made in tmp_path."""

from __future__ import annotations

import zipfile
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


def shapefile_zip(path: Path, shp_bytes: int, shape_type: int = 5) -> Path:
    """A ZIP whose .shp claims `shp_bytes` (zeros after a valid header: it packs to a few
    KB, as the issue's 140 KB archive held a 48 MB .shp)."""
    header = bytearray(100)
    header[0:4] = (9994).to_bytes(4, "big")
    header[24:28] = (shp_bytes // 2).to_bytes(4, "big")
    header[28:32] = (1000).to_bytes(4, "little")
    header[32:36] = shape_type.to_bytes(4, "little")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bezirke.shp", bytes(header) + bytes(shp_bytes - len(header)))
        archive.writestr("bezirke.shx", bytes(header))
        archive.writestr("bezirke.dbf", b"")
    return path
