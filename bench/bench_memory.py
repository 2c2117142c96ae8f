"""Benchmark: the app server's memory while imports replace all offers under live sessions.

Issue 7: while an import replaced 60,000 offers under 5 users, the app grew to 2.6–3.4 GB
and stayed there. This script measures whether memory comes back down now:

1. The app (scripts/serve.py, bench/app_sessions.py) on demo data + --offers synthetic
   offers (temp SQLite as DATABASE_URL, temp QA_DATA_DIR).
2. --sessions websocket sessions speaking Streamlit's protocol: every other one on the map
   page (toggling „nur kostenlose“), the others on the gap page /versorgungsluecken (toggling
   „Gemeldete Bedarfe“); each changes its toggle every 3–5 s (random).
3. --imports times `python -m services.cli import offers FILE` against the same DATABASE_URL:
   a CSV with the same ids and new names (an import replaces offers by id), so every import
   replaces all synthetic offers. After each import the script waits until every session
   has finished two runs started after the import (the first one loads the new snapshot, the
   second collects and freezes again, services/heap.py).

The server's RSS (VmRSS from /proc, children included) is sampled every 0.5 s. Printed:
the RSS before any session and after the first session alone (the naive figure: what the
modules and one snapshot cost), the baseline (all sessions loaded, one change each), the
peak, the RSS after each import settled, the final RSS (20 s of further changes after the
last import) and final/baseline against the goal ≤ 1.5×. Baseline, settled and final are
medians over 10–20 s of samples: a single sample swings by ±100 MB with what the runs of
that instant hold. No timing is judged.

Exit 1 when the server fails or no measurement could be taken; a missed goal exits 0.

Usage: python bench/bench_memory.py [--offers 60000] [--sessions 5] [--imports 3]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from app_sessions import ROOT, RUN_TIMEOUT, App, AppFailed, Session, connect, served_app
from bench_page import number, synthetic_offers  # these two put the project on sys.path

from services.io.offers import write_offers
from services.texts.analysis import GAPS_REPORTED
from services.texts.ui import FILTER_FREE

PAGES = (("", FILTER_FREE), ("versorgungsluecken", GAPS_REPORTED))  # (URL path, toggle)
INTERVAL = (3.0, 5.0)  # seconds between two changes of one session
SAMPLE_SECONDS = 0.5
SETTLE_RUNS = 2  # runs per session after an import before its RSS is read
SETTLE_TIMEOUT = 600.0
WINDOW = 10.0  # seconds of samples behind the baseline and each settled figure (median)
FINAL_SECONDS = 20.0  # further changes after the last import settled (median)
GOAL = 1.5  # final RSS / baseline RSS


# --- memory ---------------------------------------------------------------------------

def process_tree(pid: int) -> list[int]:
    """The process and all its descendants (from /proc/<pid>/task/*/children)."""
    pids = [pid]
    for parent in pids:
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                pids.extend(int(child) for child in children.read_text().split())
            except OSError:  # the thread or process ended meanwhile
                continue
    return pids


def rss_mb(pid: int) -> float:
    """VmRSS of the process and its children, in MB."""
    kilobytes = 0
    for member in process_tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        kilobytes += next((int(line.split()[1]) for line in status.splitlines()
                           if line.startswith("VmRSS:")), 0)  # fmt: skip
    return kilobytes / 1024


class Sampler(threading.Thread):
    """RSS every SAMPLE_SECONDS in a thread of its own: the event loop of the sessions is
    busy decoding large messages and would sample unevenly."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.samples: list[tuple[float, float]] = []  # (monotonic, MB)
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_SECONDS):
            self.now()

    def now(self) -> float:
        """Take a sample at once (also recorded) and return it."""
        value = rss_mb(self.pid)
        self.samples.append((time.monotonic(), value))
        return value

    def peak(self, since: float = 0.0) -> float:
        return max(mb for at, mb in self.samples if at >= since)

    async def median(self, seconds: float) -> float:
        """The median of the next `seconds` of samples: one sample swings by ±100 MB with
        what the sessions' runs hold at that instant."""
        since = time.monotonic()
        await asyncio.sleep(seconds)
        return statistics.median(mb for at, mb in self.samples if at >= since)


# --- sessions -------------------------------------------------------------------------

@dataclass
class Visitor:
    page: str  # URL path, "" for the map
    toggle: str
    sent: list[float] = field(default_factory=list)  # when each finished run was sent
    error: str | None = None


async def visit(address: str, visitor: Visitor, stop: asyncio.Event, delay: float) -> None:
    """Load the page, then flip its toggle every few seconds until `stop`."""
    await asyncio.sleep(delay)
    try:
        async with connect(address) as socket_:
            session = Session(socket_, visitor.page, visitor.toggle)
            await run(session, visitor, {})
            if session.shown_page != visitor.page:
                raise RuntimeError(f"/{visitor.page} zeigt die Seite /{session.shown_page}")
            if not session.checkbox:
                raise RuntimeError(f"Seite /{visitor.page} ohne „{visitor.toggle}“")
            on = False
            while not stop.is_set():
                try:
                    await asyncio.wait_for(stop.wait(), random.uniform(*INTERVAL))
                except TimeoutError:
                    on = not on
                    await run(session, visitor, {session.checkbox: on})
    except (TimeoutError, OSError, RuntimeError, websockets.exceptions.WebSocketException) as error:
        visitor.error = f"/{visitor.page}: {type(error).__name__}: {error}"


async def run(session: Session, visitor: Visitor, widgets: dict[str, bool]) -> None:
    sent = time.monotonic()
    await session.rerun(widgets)
    await asyncio.wait_for(session.read_run(), RUN_TIMEOUT)
    visitor.sent.append(sent)


async def runs_after(visitors: list[Visitor], since: float, runs: int, app: App) -> float:
    """Wait until every visitor finished `runs` runs sent after `since`; seconds waited."""
    start = time.monotonic()
    while any(sum(sent > since for sent in v.sent) < runs for v in visitors):
        check(visitors, app)
        if time.monotonic() - start > SETTLE_TIMEOUT:
            raise TimeoutError(f"Sitzungen nach {SETTLE_TIMEOUT:.0f} s nicht neu gelaufen")
        await asyncio.sleep(0.25)
    return time.monotonic() - start


def check(visitors: list[Visitor], app: App) -> None:
    """RuntimeError when a session failed or the server ended: no figure would mean much."""
    failed = next((v.error for v in visitors if v.error), None)
    if failed:
        raise RuntimeError(failed)
    if app.process.poll() is not None:
        raise RuntimeError(f"Server beendet mit Code {app.process.returncode}")


# --- imports --------------------------------------------------------------------------

def import_files(folder: Path, offers: int, imports: int) -> list[Path]:
    """One CSV per import: the synthetic offers of the database (same ids), new names."""
    base = synthetic_offers(offers)
    files = []
    for k in range(1, imports + 1):
        path = folder / f"angebote_{k}.csv"
        write_offers([dataclasses.replace(o, name=f"{o.name} (Stand {k})") for o in base], path)
        files.append(path)
    return files


async def import_offers(app: App, path: Path) -> float:
    """The import CLI against the app's database; seconds it took."""
    start = time.monotonic()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.cli", "import", "offers", str(path), cwd=ROOT,
        env=app.env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"Import {path.name}: Code {process.returncode}\n"
                           f"{(out + err).decode(errors='replace')[-1500:]}")
    return time.monotonic() - start


# --- the run --------------------------------------------------------------------------

@dataclass
class Figures:
    idle: float = 0.0  # MB before any session
    first: float = 0.0  # after the first session alone
    baseline: float = 0.0
    imports: list[tuple[float, float, float, float]] = field(default_factory=list)
    # per import: (seconds of the CLI, seconds until settled, peak MB, MB settled)
    final: float = 0.0
    peak: float = 0.0
    runs: int = 0


async def measure(app: App, files: list[Path], sessions: int) -> Figures:
    figures, sampler = Figures(), Sampler(app.process.pid)
    sampler.start()
    stop, tasks = asyncio.Event(), []
    visitors = [Visitor(*PAGES[i % len(PAGES)]) for i in range(sessions)]
    try:
        await asyncio.sleep(2.0)
        figures.idle = sampler.now()
        tasks.append(asyncio.create_task(visit(app.address, visitors[0], stop, 0.0)))
        await runs_after(visitors[:1], 0.0, 1, app)
        figures.first = sampler.now()
        tasks += [asyncio.create_task(visit(app.address, v, stop, random.uniform(0, INTERVAL[0])))
                  for v in visitors[1:]]  # fmt: skip
        await runs_after(visitors, 0.0, 2, app)  # page loaded and one change each
        start = time.monotonic()
        figures.baseline = await sampler.median(WINDOW)
        for path in files:
            began = time.monotonic()
            seconds = await import_offers(app, path)
            settle = await runs_after(visitors, time.monotonic(), SETTLE_RUNS, app)
            figures.imports.append((seconds, settle, sampler.peak(began),
                                    await sampler.median(WINDOW)))  # fmt: skip
        figures.final = await sampler.median(FINAL_SECONDS)
        check(visitors, app)
        figures.peak = sampler.peak(start)
        figures.runs = sum(len(v.sent) for v in visitors)
    finally:
        stop.set()
        sampler.stopped.set()
        await asyncio.gather(*tasks, return_exceptions=True)
    return figures


def report(figures: Figures, args: argparse.Namespace, load_before: float) -> None:
    base = figures.baseline
    maps = (args.sessions + 1) // 2
    print(f"Rechner: {os.cpu_count()} CPUs, Last (1 min) vorher {load_before:.1f}, nachher "
          f"{os.getloadavg()[0]:.1f}")
    print(f"App (scripts/serve.py): Demo-Daten + {number(args.offers)} synthetische Angebote; "
          f"{args.sessions} Sitzungen ({maps} Karte, {args.sessions - maps} Versorgungslücken), "
          f"je ein Wechsel alle {INTERVAL[0]:.0f}–{INTERVAL[1]:.0f} s; {args.imports} Importe, "
          f"die alle {number(args.offers)} Angebote ersetzen (CLI, neue Namen)\n")
    print(f"{'Messung':<52} {'RSS MB':>8} {'× Basis':>8}")
    print(f"{'Server vor der ersten Sitzung':<52} {figures.idle:>8.0f}")
    print(f"{'nach der ersten Sitzung allein':<52} {figures.first:>8.0f}")
    print(f"{'  naiv: was Module + ein Snapshot kosten (Differenz)':<52} "
          f"{figures.first - figures.idle:>8.0f}")
    print(f"{f'Basis: alle geladen, je ein Wechsel ({WINDOW:.0f} s Median)':<52} {base:>8.0f}"
          f" {1:>8.2f}")
    for k, (seconds, settle, peak, settled) in enumerate(figures.imports, 1):
        label = f"Import {k} ({seconds:.0f} s, Sitzungen neu nach {settle:.0f} s): Spitze"
        print(f"{label:<52} {peak:>8.0f} {peak / base:>8.2f}")
        print(f"{f'  Import {k} danach ({WINDOW:.0f} s Median)':<52} {settled:>8.0f}"
              f" {settled / base:>8.2f}")
    print(f"{'Spitze ab der Basis':<52} {figures.peak:>8.0f} {figures.peak / base:>8.2f}")
    print(f"{f'Ende ({FINAL_SECONDS:.0f} s weitere Wechsel, Median)':<52} {figures.final:>8.0f} "
          f"{figures.final / base:>8.2f}")
    ratio = figures.final / base
    print(f"\nEnde / Basis = {ratio:.2f}; Ziel ≤ {GOAL}×: "
          f"{'erfüllt' if ratio <= GOAL else 'VERFEHLT'}. Skriptläufe gesamt: {figures.runs}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=60_000, help="synthetische Angebote")
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--imports", type=int, default=3)
    args = parser.parse_args()
    if args.offers < 1 or args.sessions < 1 or args.imports < 1:
        parser.error("--offers, --sessions und --imports müssen ≥ 1 sein")
    random.seed(7)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench_memory_") as folder:
        files = import_files(Path(folder), args.offers, args.imports)
        try:
            with served_app(args.offers) as app:
                figures = asyncio.run(measure(app, files, args.sessions))
        except AppFailed as error:
            print(f"ABBRUCH: {error}", file=sys.stderr)
            return 1
    if not figures.baseline or len(figures.imports) != args.imports:
        print("keine Messung", file=sys.stderr)
        return 1
    report(figures, args, load_before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
