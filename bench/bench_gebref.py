"""Benchmark: importing Bottrop's addresses from a state-wide Gebäudereferenzen file.

Writes a synthetic gebref.txt of NRW's size into a temp folder (default 4.2 million rows,
about 550 MB; 30,000 of them Bottrop's, spread through the file as in a real one; the
other rows belong to 395 invented municipalities), then measures, each in a fresh Python
process (time and peak resident memory, ru_maxrss):

- baseline: reading every line of the file and nothing else (the I/O floor);
- services.io.gebref.read_gebref: parse, keep Bottrop's rows, reproject;
- the whole CLI import, `python -m services.cli import addresses FILE`, into a temp SQLite
  database (reading + checks + one transaction);
- the same CLI import from the file zipped (the form it is published in), unless --no-zip;
- the CLI import of the 15-field layout (EPSG:4647, decimal comma, BOM), unless --no-15.

Goal: Bottrop's rows in under 2 minutes and under 500 MB of memory.

Usage: python bench/bench_gebref.py [--rows 4200000] [--no-zip] [--no-15] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOTTROP_ROWS = 30_000
GOAL_SECONDS, GOAL_MB = 120.0, 500.0
STREETS = ("Feuerbachstraße", "Gladbecker Straße", "Horster Straße", "Prosperstraße",
           "Hansastraße", "Hochstraße", "Kirchhellener Straße", "Osterfelder Straße")
TOWN = ("Nordrhein-Westfalen", "Münster", "Bottrop")

# Runs in the child process: one measured step, then time and peak memory as JSON.
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "max_rss_mb": resource.getrusage(
    resource.RUSAGE_SELF).ru_maxrss / 1024, "result": result}}))
"""
BASELINE = """
with open({path!r}, "rb") as handle:
    result = sum(1 for _ in handle)
"""
READ = """
from services.io.gebref import read_gebref
read = read_gebref({path!r})
result = len(read.addresses)
"""
CLI_IMPORT = """
import contextlib, io, os
os.environ["DATABASE_URL"] = {url!r}
from services import cli
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = cli.main(["import", "addresses", {path!r}])
result = out.getvalue().strip() if code == 0 else f"exit {{code}}"
"""


def write_file(path: Path, rows: int, layout: int, seed: int = 1) -> None:
    """rows lines; Bottrop's 30,000 at random positions among the others."""
    rng = random.Random(seed)
    bottrop = set(rng.sample(range(rows), min(BOTTROP_ROWS, rows)))
    kept = 0  # Bottrop's rows so far: their addresses are unique, as in the real file
    with path.open("w", encoding="utf-8", newline="\n") as out:
        if layout == 15:
            out.write("\ufeff")
        batch = []
        for i in range(rows):
            if i in bottrop:
                key = ("05", "5", "12", "000")
                east = rng.uniform(351_000, 361_000)
                north = rng.uniform(5_707_000, 5_720_000)
                street = f"{STREETS[kept % len(STREETS)]} {kept // 1200}"
                number, suffix = 1 + (kept // len(STREETS)) % 150, ""
                kept += 1
            else:
                town = 1 + i % 395
                key = ("05", str(1 + town % 5), f"{town % 60:02d}", f"{town:03d}")
                east, north = 300_000 + i % 200_000, 5_600_000 + i % 250_000
                street = STREETS[i % len(STREETS)]
                number, suffix = 1 + i % 180, "a" if i % 37 == 0 else ""
            nba = "L" if i % 500 == 0 else "N"
            batch.append(_line(layout, nba, i, key, street, number, suffix, east, north))
            if len(batch) == 50_000:
                out.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            out.write("\n".join(batch) + "\n")


def _line(layout, nba, i, key, street, number, suffix, east, north) -> str:
    land, rbz, krs, gmd = key
    oid = f"DENW{i:012d}"
    if layout == 21:
        return (f"{nba};{oid};A;{land};{TOWN[0]};{rbz};{TOWN[1]};{krs};{TOWN[2]};{gmd};"
                f"{TOWN[2]};0001;Ortsteil;{i % 9000:05d};{street};{number};{suffix};32;"
                f"{east:.2f};{north:.2f};2024-03-01")
    e = f"{32_000_000 + east:.3f}".replace(".", ",")
    n = f"{north:.3f}".replace(".", ",")
    return (f"{nba};{oid};A;{land};{rbz};{krs};{gmd};0001;{i % 9000:05d};{number};{suffix};"
            f"{e};{n};{street};01.03.2024")


def measure(body: str) -> dict:
    code = CHILD.format(root=str(ROOT), body=body)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=os.environ | {"PYTHONIOENCODING": "utf-8"})
    if done.returncode != 0:
        raise SystemExit(f"Messung fehlgeschlagen:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def row(label: str, figures: dict, goal: bool) -> None:
    verdict = ""
    if goal:
        ok = figures["seconds"] < GOAL_SECONDS and figures["max_rss_mb"] < GOAL_MB
        verdict = "OK" if ok else "ÜBER ZIEL"
    print(f"{label:<46} {figures['seconds']:>8.1f} {figures['max_rss_mb']:>9.0f}  "
          f"{verdict:<9} {figures['result']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4_200_000)
    parser.add_argument("--no-zip", action="store_true")
    parser.add_argument("--no-15", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qa-bench-gebref-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        plain = folder / "gebref.txt"
        start = time.perf_counter()
        write_file(plain, args.rows, 21)
        size_mb = plain.stat().st_size / 1e6
        print(f"Rechner: {os.cpu_count()} CPUs, Last (1 min) {os.getloadavg()[0]:.1f}")
        print(f"Datei: {args.rows:,} Zeilen, {size_mb:,.0f} MB (21 Felder), davon "
              f"{BOTTROP_ROWS:,} in Bottrop; erzeugt in {time.perf_counter() - start:.0f} s\n")
        print(f"{'Messung':<46} {'Zeit s':>8} {'Spitze MB':>9}  {'Ziel':<9} Ergebnis")
        row("Basis: nur alle Zeilen lesen", measure(BASELINE.format(path=str(plain))), False)
        row("read_gebref (parsen, Bottrop behalten)", measure(READ.format(path=str(plain))),
            False)
        url = f"sqlite:///{folder / 'bench.db'}"
        row("CLI-Import, gebref.txt (21 Felder)",
            measure(CLI_IMPORT.format(url=url, path=str(plain))), True)
        if not args.no_zip:
            archive = folder / "gebref.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
                z.write(plain, "gebref.txt")
            row(f"CLI-Import, ZIP ({archive.stat().st_size / 1e6:,.0f} MB)",
                measure(CLI_IMPORT.format(url=url, path=str(archive))), True)
        if not args.no_15:
            write_file(plain, args.rows, 15)
            row(f"CLI-Import, 15 Felder ({plain.stat().st_size / 1e6:,.0f} MB)",
                measure(CLI_IMPORT.format(url=url, path=str(plain))), True)
    print(f"Last (1 min) jetzt {os.getloadavg()[0]:.1f}")
    print(f"\nZiel: unter {GOAL_SECONDS:.0f} s und unter {GOAL_MB:.0f} MB Spitzenspeicher "
          "(ru_maxrss des Prozesses, Python und Bibliotheken eingeschlossen).")


if __name__ == "__main__":
    main()
