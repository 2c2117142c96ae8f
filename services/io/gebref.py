"""Streaming reader of NRW's "Gebäudereferenzen" (gebref.txt): Bottrop's building addresses.

The state-wide file has over 4 million rows (~500 MB), so it is read line by line, plain or
straight out of its ZIP archive, and only Bottrop's rows are kept: memory stays flat
whatever the file's size. Two layouts are published, both ";"-separated without header:

- 21 fields: nba; oid; qua; landschl; land; regbezschl; regbez; kreisschl; kreis; gmdschl;
  gmd; ottschl; ott; strschl; str; hnr; adz; zone; ostwert; nordwert; datum, EPSG:25832;
- 15 fields: NBA;OI;QUA;LAN;RBZ;KRS;GMD;OTT;SSS;HNR;ADZ;E;N;STN;Datum, EPSG:4647: the
  easting carries the UTM zone "32" in front (minus 32,000,000 gives EPSG:25832).

Rows of other municipalities are skipped by the municipality key (Land + Regierungsbezirk +
Kreis + Gemeinde = 05512000); removed buildings (NBA "L") are dropped. Coordinates may use a
decimal comma; the file may start with a UTF-8 byte order mark. Problems name the line and
the field as the layout calls it; the import is all or nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
from pyproj import Transformer

from services.formatting import MB, format_mb, format_number
from services.io.cells import CellError, parse_number
from services.io.errors import ImportFailed, ImportProblem, file_problem
from services.io.fields import LAT_RANGE, LON_RANGE
from services.io.limits import limits
from services.model import ANALYSIS_CRS, WEB_CRS, Address
from services.texts import validation as t

BOTTROP_KEY = "05512000"
ZONE_PREFIX = 32_000_000.0  # EPSG:4647 eastings = "32" + the EPSG:25832 easting
MAX_KEPT_PROBLEMS = 1_000  # a broken state-wide file must not hold millions of problems
MAX_LINE_BYTES = 64 * 1024  # a real line has ~150 bytes; a file without line breaks is cut
REMOVED = b"L"  # NBA of a removed building
_TO_WGS84 = Transformer.from_crs(ANALYSIS_CRS, WEB_CRS, always_xy=True)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each needed field sits in one of the two published layouts."""

    names: tuple[str, ...]  # field names for messages, in file order
    land: int
    rbz: int
    krs: int
    gmd: int
    street: int
    number: int
    suffix: int
    east: int
    north: int

    @property
    def width(self) -> int:
        return len(self.names)


LAYOUT_21 = Layout(
    names=("nba", "oid", "qua", "landschl", "land", "regbezschl", "regbez", "kreisschl",
           "kreis", "gmdschl", "gmd", "ottschl", "ott", "strschl", "str", "hnr", "adz",
           "zone", "ostwert", "nordwert", "datum"),
    land=3, rbz=5, krs=7, gmd=9, street=14, number=15, suffix=16, east=18, north=19,
)  # fmt: skip
LAYOUT_15 = Layout(
    names=("NBA", "OI", "QUA", "LAN", "RBZ", "KRS", "GMD", "OTT", "SSS", "HNR", "ADZ", "E",
           "N", "STN", "Datum"),
    land=3, rbz=4, krs=5, gmd=6, street=13, number=9, suffix=10, east=11, north=12,
)  # fmt: skip
LAYOUTS = {layout.width: layout for layout in (LAYOUT_21, LAYOUT_15)}


@dataclass
class GebrefRead:
    """Bottrop's addresses of one file and what was left out on the way."""

    addresses: list[Address]
    warnings: list[ImportProblem] = field(default_factory=list)
    other_municipality: int = 0  # rows of other municipalities, skipped
    removed: int = 0  # Bottrop's rows with NBA "L", dropped


@dataclass
class _Pending:
    """Bottrop's parsed rows, before the one vectorised reprojection at the end."""

    lines: list[int] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    suffixes: list[str] = field(default_factory=list)
    east: list[float] = field(default_factory=list)
    north: list[float] = field(default_factory=list)


class _Problems:
    """Collects problems, keeping the first MAX_KEPT_PROBLEMS and counting the rest."""

    def __init__(self, file: str):
        self.file = file
        self.listed: list[ImportProblem] = []
        self.unlisted = 0

    def add(self, line: int | None, field_name: str | None, message: str) -> None:
        if len(self.listed) < MAX_KEPT_PROBLEMS:
            self.listed.append(ImportProblem(self.file, line, field_name, message))
        else:
            self.unlisted += 1

    def raise_if_any(self) -> None:
        if self.unlisted:
            more = t.GEBREF_MORE_PROBLEMS.format(count=self.unlisted)
            self.listed.append(ImportProblem(self.file, None, None, more))
        if self.listed:
            raise ImportFailed(self.listed)


def read_gebref(path: Path, municipality_key: str = BOTTROP_KEY) -> GebrefRead:
    """Bottrop's addresses from gebref.txt or a ZIP holding it; ImportFailed on any problem."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed([file_problem(path, t.FILE_NOT_FOUND.format(path=path))])
    with _open_lines(path) as (name, handle):
        problems = _Problems(name)
        pending, other, removed = _scan(handle, municipality_key, problems)
    addresses = _locate(pending, problems)
    problems.raise_if_any()
    if not addresses and not removed:
        message = t.GEBREF_NO_ROWS.format(key=municipality_key, other=other)
        raise ImportFailed([ImportProblem(name, None, None, message)])
    unique, warnings = _unique(addresses, name)
    return GebrefRead(unique, warnings, other, removed)


@contextmanager
def _open_lines(path: Path) -> Iterator[tuple[str, Iterator[bytes]]]:
    """The lines of the file, or of gebref.txt inside a ZIP (streamed, never unpacked)."""
    if not zipfile.is_zipfile(path):
        _check_size(path, path.stat().st_size)
        with path.open("rb") as handle:
            yield path.name, _lines(handle)
        return
    with zipfile.ZipFile(path) as archive:
        member = _gebref_member(archive, path)
        _check_size(path, archive.getinfo(member).file_size)
        with archive.open(member) as raw:
            buffered = io.BufferedReader(raw, buffer_size=1 << 20)
            yield f"{path.name}/{member}", _lines(buffered)


def _lines(handle: BinaryIO) -> Iterator[bytes]:
    """Lines of at most MAX_LINE_BYTES: a file without line breaks never sits in memory."""
    return iter(lambda: handle.readline(MAX_LINE_BYTES), b"")


def _check_size(path: Path, size: int) -> None:
    """Streaming keeps memory flat, but time grows with the size: refuse absurd files."""
    limit = limits().gebref_mb
    if size > limit * MB:
        message = t.LIMIT_GEBREF_SIZE.format(size=format_mb(size, 2), limit=format_number(limit, 2))
        raise ImportFailed([file_problem(path, message)])


def _gebref_member(archive: zipfile.ZipFile, path: Path) -> str:
    """gebref.txt (in any folder of the archive); the key file beside it is not wanted."""
    names = [n for n in archive.namelist() if not n.endswith("/")]
    wanted = [n for n in names if n.rsplit("/", 1)[-1].lower() == "gebref.txt"]
    if len(wanted) != 1:
        message = t.GEBREF_NO_MEMBER.format(members=", ".join(names) or "nichts")
        raise ImportFailed([file_problem(path, message)])
    return wanted[0]


def _decode(raw: bytes) -> str:
    """UTF-8 as published today; older files were Windows-1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _scan(
    lines: Iterator[bytes], key: str, problems: _Problems
) -> tuple[_Pending, int, int]:
    """One pass over the lines: skip other municipalities cheaply, parse Bottrop's rows.

    The municipality test works on the undecoded bytes and only slices and compares,
    because it runs for every one of the state's 4 million rows; only the few ten thousand
    kept rows are decoded and parsed further.
    """
    pending, other, removed, layout = _Pending(), 0, 0, None
    wanted = key.encode("ascii")
    for line_number, raw in enumerate(lines, start=1):
        line = raw.rstrip(b"\r\n")
        if line_number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # UTF-8 byte order mark
        if not line.strip():
            continue
        width = line.count(b";") + 1
        if layout is None:
            layout = LAYOUTS.get(width)
            if layout is None:
                hint = t.GEBREF_LAYOUT_NO_HEADER if width in (6, 7) else ""
                problems.add(line_number, None, t.GEBREF_LAYOUT.format(count=width) + hint)
                break
            if line[:3].upper() == b"NBA":  # a header line some exports carry
                continue
        if width != layout.width:
            message = t.GEBREF_WIDTH.format(count=width, expected=layout.width)
            problems.add(line_number, None, message)
            continue
        head = line.split(b";", layout.gmd + 1)  # only as far as the municipality key
        if _municipality(head, layout) != wanted:
            other += 1
        elif head[0].strip().upper() == REMOVED:
            removed += 1
        else:
            parts = [_decode(part) for part in line.split(b";")]
            _parse_row(parts, layout, line_number, pending, problems)
    return pending, other, removed


def _municipality(parts: list[bytes], layout: Layout) -> bytes:
    """Land (2) + Regierungsbezirk (1) + Kreis (2) + Gemeinde (3 digits), e.g. 05512000.

    Some files write the Gemeinde field as the full 8-digit key; its last 3 digits count.
    """
    return (
        parts[layout.land].strip().zfill(2)
        + parts[layout.rbz].strip()
        + parts[layout.krs].strip().zfill(2)
        + parts[layout.gmd].strip()[-3:].zfill(3)
    )


def _parse_row(
    parts: list[str], layout: Layout, line: int, pending: _Pending, problems: _Problems
) -> None:
    street = parts[layout.street].strip()
    fields = {}
    if not street:
        problems.add(line, layout.names[layout.street], t.REQUIRED_VALUE)
    elif "\x00" in street:  # SQLite would cut the name there, PostgreSQL refuse it
        problems.add(line, layout.names[layout.street], t.NUL_CHARACTER)
        street = ""
    try:
        fields["number"] = parse_house_number(parts[layout.number])
    except CellError as exc:
        problems.add(line, layout.names[layout.number], str(exc))
    try:
        fields["suffix"] = parse_suffix(parts[layout.suffix])
    except CellError as exc:
        problems.add(line, layout.names[layout.suffix], str(exc))
    for name, index in (("east", layout.east), ("north", layout.north)):
        try:
            fields[name] = parse_number(parts[index]) if parts[index].strip() else None
        except CellError as exc:
            problems.add(line, layout.names[index], str(exc))
            continue
        if fields[name] is None:
            problems.add(line, layout.names[index], t.REQUIRED_VALUE)
    if street and len(fields) == 4 and None not in fields.values():
        east = fields["east"]
        pending.lines.append(line)
        pending.streets.append(street)
        pending.numbers.append(fields["number"])
        pending.suffixes.append(fields["suffix"])
        pending.east.append(east - ZONE_PREFIX if east >= ZONE_PREFIX else east)
        pending.north.append(fields["north"])


def parse_house_number(text: str) -> int:
    """A house number: a whole number from 1 (Gebäudereferenzen and CSV alike)."""
    stripped = text.strip()
    if not stripped.isdigit() or int(stripped) < 1:
        raise CellError(t.BAD_HOUSE_NUMBER.format(value=text.strip()))
    return int(stripped)


def parse_suffix(text: str) -> str:
    """The Adressierungszusatz in lower case ("A" and "a" are one address), "" for none."""
    stripped = text.strip().lower()
    if stripped and not stripped.isalpha():
        raise CellError(t.BAD_SUFFIX.format(value=text.strip()))
    return stripped


def _locate(pending: _Pending, problems: _Problems) -> list[Address]:
    """Reproject all kept rows at once and refuse positions far from Bottrop."""
    if not pending.lines:
        return []
    lon, lat = _TO_WGS84.transform(np.asarray(pending.east), np.asarray(pending.north))
    inside = (
        (lat >= LAT_RANGE[0]) & (lat <= LAT_RANGE[1])
        & (lon >= LON_RANGE[0]) & (lon <= LON_RANGE[1])
    )  # fmt: skip
    addresses = []
    for i, line in enumerate(pending.lines):
        if not inside[i]:
            east, north = (_coordinate(pending.east[i]), _coordinate(pending.north[i]))
            problems.add(line, None, t.GEBREF_COORDINATE.format(east=east, north=north))
            continue
        addresses.append(
            Address(pending.streets[i], pending.numbers[i], round(float(lat[i]), 7),
                    round(float(lon[i]), 7), pending.suffixes[i])
        )  # fmt: skip
    return addresses


def _coordinate(value: float) -> str:
    return format_number(value, 2, grouping=False)


def _unique(addresses: list[Address], file: str) -> tuple[list[Address], list[ImportProblem]]:
    """One address once: the file lists some twice (e.g. one entrance, two buildings)."""
    seen: dict[str, Address] = {}
    for address in addresses:
        seen.setdefault(address.id, address)
    duplicates = len(addresses) - len(seen)
    if not duplicates:
        return addresses, []
    first_twice = next(a.id for i, a in enumerate(addresses) if seen[a.id] is not a)
    message = t.GEBREF_DUPLICATES.format(count=duplicates, example=first_twice)
    return list(seen.values()), [ImportProblem(file, None, None, message)]
