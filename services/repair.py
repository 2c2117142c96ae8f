"""Geometry check and repair, optionally in a child process bounded in time and memory.

A ring that retraces itself thousands of times makes GEOS need minutes and gigabytes, and
std::bad_alloc would end the caller (a 382 KB GeoJSON asked for 12.5 GB). The bounded
repair therefore runs in a fresh interpreter (`python -m services.repair`) that limits its
own address space, and is killed when the time is up.

A fresh interpreter, not a fork: the upload page repairs inside Streamlit's
multi-threaded server, and a fork copies locks other threads hold at that moment, so the
child could hang and a valid layer be refused as "too costly". subprocess starts the
child with fork+exec, which is safe in threaded programs, and this module imports only
shapely, so the child starts in a fraction of a second. Geometries travel pickled
through the child's stdin and stdout.
"""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import shapely
import shapely.errors

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_EXIT_TOO_COSTLY = 3


@dataclass(frozen=True, slots=True)
class GeometryIssue:
    position: int  # 0-based row position in the GeoDataFrame
    reason: str  # GEOS' reason (English), or "empty"
    repaired: bool  # True: fixed by make_valid; False: the row has no usable geometry


class RepairTooCostly(Exception):
    """Checking or repairing the geometries took longer or more memory than allowed."""


Repaired = tuple[dict[int, object], list[GeometryIssue]]


def repair(geoms: list) -> Repaired:
    """Changed geometries by position, and an issue per change."""
    changes: dict[int, object] = {}
    issues: list[GeometryIssue] = []
    for pos, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            issues.append(GeometryIssue(pos, "empty", False))
            changes[pos] = None
        elif not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            fixed = _same_family(shapely.make_valid(geom), geom)
            usable = fixed is not None and not fixed.is_empty and fixed.is_valid
            issues.append(GeometryIssue(pos, reason, usable))
            changes[pos] = fixed if usable else None
    return changes, issues


def repair_bounded(geoms: list, seconds: float, memory_mb: int) -> Repaired:
    """repair(geoms) in a child process with `seconds` and `memory_mb` more address space;
    RepairTooCostly when it needs more (or dies trying)."""
    child = subprocess.Popen(
        [sys.executable, "-m", __name__, str(memory_mb)], cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    try:
        out, _ = child.communicate(pickle.dumps(geoms), timeout=seconds)
    except subprocess.TimeoutExpired:
        raise RepairTooCostly() from None
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    if child.returncode != 0:  # MemoryError, or an abort on std::bad_alloc
        raise RepairTooCostly()
    return pickle.loads(out)


def _same_family(fixed, original):
    """make_valid may add stray lines or points to a polygon; keep only the polygon parts."""
    if original.geom_type not in ("Polygon", "MultiPolygon"):
        return fixed
    if fixed.geom_type in ("Polygon", "MultiPolygon"):
        return fixed
    parts = [g for g in getattr(fixed, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else None


def _address_space() -> int:
    """This process' current virtual size in bytes (Linux); the limit adds to it."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(memory_mb: int) -> int:
    """The child's side: limit the address space, repair stdin's geometries to stdout."""
    if memory_mb:
        limit = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = repair(pickle.load(sys.stdin.buffer))
    except (MemoryError, shapely.errors.GEOSException):
        return _EXIT_TOO_COSTLY
    pickle.dump(result, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    from services.repair import _child as child  # pickles must name services.repair, not __main__

    sys.exit(child(int(sys.argv[1])))
