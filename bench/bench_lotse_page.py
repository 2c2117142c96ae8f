"""Benchmark: the Lotse page's script run (AppTest), on the demo data and with 10,000 more.

The whole app (app.py -> pages/lotse.py) under Streamlit's AppTest, with a search set up as
a Lotse would: the Quartiersbüro Feuerbachstraße as starting point, children of 4 and 13,
the need "Lernen". The first run after switching to the page warms up (migration, seeding,
snapshot, address and offer index); then RUNS plain reruns and RUNS reruns that change the
distance (1 km and 1,5 km alternately), as a click on the slider does. On (a) the demo data
and (b) the demo data plus 10,000 synthetic offers (built as in bench_page.py). Baseline:
the same AppTest rerun of a one-line Streamlit script.

Usage: python bench/bench_lotse_page.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_page's helpers

import bench_page as shared  # noqa: E402

from ui import nearby_state as keys  # noqa: E402

FEUERBACH = "real-quartiersbuero-feuerbachstrasse"
BUDGET_DEMO, BUDGET_SYNTHETIC = 0.3, 0.6  # seconds, medians; as the map page's


def lotse_runs(runs: int) -> tuple[list[float], list[float], int]:
    """(plain reruns, distance-change reruns, results shown) of the Lotse page."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(shared.APP), default_timeout=120).run()
    at.switch_page("pages/lotse.py").run()
    at.radio(key=keys.START_KIND).set_value("office").run()
    at.selectbox(key=keys.OFFICE).set_value(FEUERBACH).run()
    at.multiselect(key=keys.AGES).set_value([4, 13]).run()
    at.multiselect(key=keys.NEEDS).set_value(["lernen"]).run()
    shared.check(at)
    shown = sum(m.value.startswith("**") and ". " in m.value[:6] for m in at.markdown)
    if not shown:
        raise shared.BenchError("Die Lotsen-Seite zeigt keine Ergebnisse")
    plain = shared.timed(at.run, runs)
    changed = []
    for i in range(runs):
        slider = at.select_slider(key=keys.DISTANCE).set_value((1000, 1500)[i % 2])
        start = time.perf_counter()
        slider.run()
        changed.append(time.perf_counter() - start)
        shared.check(at)
    return plain, changed, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.chdir(shared.ROOT)
    for name in ("DATABASE_URL", "QA_TILES_URL"):
        os.environ.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="bench_lotse_") as tmp:
        tmp = Path(tmp)
        baseline = shared.trivial_baseline(args.runs, tmp)
        base = statistics.median(baseline)
        os.environ["QA_DATA_DIR"] = str(tmp / "demo")
        demo_plain, demo_change, demo_shown = lotse_runs(args.runs)
        os.environ["DATABASE_URL"] = shared.build_synthetic_db(tmp / "synthetic.db")
        big_plain, big_change, big_shown = lotse_runs(args.runs)
        del os.environ["DATABASE_URL"]
    big = shared.number(shared.SYNTHETIC)
    print(f"Rechner: {os.cpu_count()} CPUs, Last (1 min) vor dem Lauf {shared.LOAD_BEFORE:.1f}\n")
    print(f"Skriptlauf der Lotsen-Seite (AppTest; Aufwärmen, dann je {args.runs} Läufe)")
    print(shared.HEADER)
    print(shared.row("Basis: einzeiliges Skript, Rerun", baseline))
    print(shared.row(f"(a) Demo, Rerun ({demo_shown} Ergebnisse)", demo_plain, BUDGET_DEMO, base))
    print(shared.row("(a) Demo, Entfernung geändert", demo_change, BUDGET_DEMO, base))
    print(shared.row(f"(b) Demo + {big}, Rerun ({big_shown} Ergebnisse)", big_plain,
                     BUDGET_SYNTHETIC, base))
    print(shared.row(f"(b) Demo + {big}, Entfernung geändert", big_change, BUDGET_SYNTHETIC,
                     base))
    print(f"   Basis = Median des einzeiligen Skripts. Last (1 min) jetzt {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
