"""Benchmark: backup/restore and HSDS export/import against the offers CSV export/import.

The demo data (185 offers) and 10,000 offers (the demo offers repeated with new ids) on
SQLite in a temp folder. Baseline, in the same run: `export offers` to CSV and `import
offers` of that CSV, the existing path for the same records. One run each (the steps are
seconds, not milliseconds); the figures are wall-clock seconds and file sizes.

Usage: python bench/bench_exchange.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a plain script

from services import importer  # noqa: E402
from services.storage import backup  # noqa: E402
from services.storage.repository import Repository, create_engine_for, migrate  # noqa: E402

SIZES = (185, 10_000)


def database(path: Path) -> tuple[sa.Engine, Repository]:
    engine = create_engine_for(f"sqlite:///{path}")
    migrate(engine)
    return engine, Repository(engine)


def timed(step) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size


def measure(n: int, folder: Path) -> dict[str, tuple[float, int]]:
    source, repo = database(folder / "source.db")
    importer.seed_demo(repo)
    demo = repo.offers()
    offers = [replace(demo[i % len(demo)], id=f"x{i:05d}") for i in range(n)]
    repo.replace_all(repo.districts(), [], repo.offices(), offers)
    target_engine, target = database(folder / "target.db")
    target.replace_districts(repo.districts(), {}, {})
    figures = {}
    steps = {
        "CSV-Export (Basis)": (lambda: importer.export_offers(repo, folder / "o.csv"),
                               folder / "o.csv"),
        "CSV-Import (Basis)": (lambda: importer.import_offers(target, folder / "o.csv"), None),
        "HSDS-Export": (lambda: importer.export_hsds(repo, folder / "hsds"), folder / "hsds"),
        "HSDS-Import": (lambda: importer.import_hsds(target, folder / "hsds"), None),
        "Sicherung": (lambda: backup.backup(source, folder / "b.zip"), folder / "b.zip"),
        "Wiederherstellung": (lambda: backup.restore(target_engine, folder / "b.zip"), None),
    }
    for name, (step, output) in steps.items():
        seconds, _ = timed(step)
        figures[name] = (seconds, size(output) if output else 0)
    assert target.offers() == repo.offers()  # the restore gave the source back
    return figures


def main() -> None:
    print(f"{'Schritt':<22}" + "".join(f"{n:>12} Angebote" for n in SIZES))
    results = {}
    for n in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            results[n] = measure(n, Path(folder))
    for name in results[SIZES[0]]:
        cells = []
        for n in SIZES:
            seconds, size_bytes = results[n][name]
            cells.append(f"{seconds:>8.2f} s" + (f" {size_bytes / 1e6:5.1f} MB" if size_bytes else " " * 9))
        print(f"{name:<22}" + "".join(f"{c:>21}" for c in cells))


if __name__ == "__main__":
    main()
