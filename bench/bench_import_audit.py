"""Benchmark: a 10,000-offer CSV import with versions and audit entries (services/audit.py).

Baseline, in the same run: the path without audit (read, locate, `upsert_offers`), as the
importer wrote before editing came. Then the audited import into an empty table (10,000
"import" entries), the same file again (nothing changed: no writes) and a file in which
every offer changed (10,000 diffs). SQLite in a temp folder; wall-clock seconds, one run each.

Usage: python bench/bench_import_audit.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a plain script

from services import importer  # noqa: E402
from services.io.offers import read_offers, write_offers  # noqa: E402
from services.storage.repository import Repository, create_engine_for, migrate  # noqa: E402

N = 10_000


def fresh(path: Path, districts) -> Repository:
    engine = create_engine_for(f"sqlite:///{path}")
    migrate(engine)
    repo = Repository(engine)
    repo.replace_districts(districts, {}, {})
    return repo


def timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def unaudited_import(repo: Repository, path: Path) -> None:
    """The importer's path before audit: read, locate, upsert (the baseline)."""
    records = read_offers(path)
    with repo.writing() as tx:
        located, _ = importer.locate(records, tx.districts())
        tx.upsert_offers(located)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo_repo = Repository(create_engine_for(f"sqlite:///{folder / 'demo.db'}"))
        migrate(demo_repo._engine)
        importer.seed_demo(demo_repo)
        demo, districts = demo_repo.offers(), demo_repo.districts()
        offers = [replace(demo[i % len(demo)], id=f"x{i:05d}", district_id=None) for i in range(N)]
        same, changed = folder / "same.csv", folder / "changed.csv"
        write_offers(offers, same)
        write_offers([replace(o, name=o.name + " (neu)") for o in offers], changed)
        baseline = fresh(folder / "baseline.db", districts)
        audited = fresh(folder / "audited.db", districts)
        rows = [
            ("Import ohne Protokoll, leer (Basis)", timed(lambda: unaudited_import(baseline, same))),
            ("Import ohne Protokoll, alle geändert (Basis)",
             timed(lambda: unaudited_import(baseline, changed))),
            ("Import mit Protokoll, leer", timed(lambda: importer.import_offers(audited, same))),
            ("Import mit Protokoll, unverändert",
             timed(lambda: importer.import_offers(audited, same))),
            ("Import mit Protokoll, alle geändert",
             timed(lambda: importer.import_offers(audited, changed))),
        ]
        print(f"{N:,} Angebote (SQLite)".replace(",", "."))
        for label, seconds in rows:
            print(f"  {label:<48} {seconds:6.2f} s")
        print(f"  Protokolleinträge: {len(audited.audit_entries())}")


if __name__ == "__main__":
    main()
