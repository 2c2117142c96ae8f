"""Benchmark: many concurrent sessions on one app process, each changing a filter.

Starts the app (scripts/serve.py) on a free 127.0.0.1 port (temp QA_DATA_DIR, demo data; or
demo + N synthetic offers with --offers N) and opens --sessions websocket sessions to it,
speaking Streamlit's own protocol (bench/app_sessions.py: protobuf BackMsg/ForwardMsg over
/_stcore/stream). Each session loads the map page like a browser (a rerun_script BackMsg; it
reports the hashes of large messages it already has, as the browser's message cache does),
then toggles the filter „nur kostenlose“ every ~9 s (8–10 s, random) until --seconds have
passed, and stops by itself. Measured per change: the time from sending the rerun until the
page's new count („… von … Angeboten passen“) arrives. The sessions start
spread over the first interval, as visitors do.

Nothing is rendered: no browser, no map drawing. This is the server's share of a filter
change under load (script runs, Python's GIL, serialising and sending the messages), which is
what 30 simultaneous users contend for on one process.

Prints p50/p95/max, the number of changes and errors, and the server's CPU seconds.
Exit 1 when the server fails or no change could be measured.

Usage: python bench/bench_load.py [--sessions 30] [--seconds 120] [--offers 0]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from app_sessions import ROOT, RUN_TIMEOUT, AppFailed, Session, connect, served_app

INTERVAL = (8.0, 10.0)  # seconds between two changes of one session


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def visitor(url: str, deadline: float, start_delay: float, results: Results) -> None:
    await asyncio.sleep(start_delay)
    try:
        async with connect(url) as socket_:
            session = Session(socket_)
            await session.rerun({})
            await asyncio.wait_for(session.read_run(), RUN_TIMEOUT)
            if not session.checkbox or not session.count:
                raise RuntimeError("Seite ohne Filter oder Angebotszahl")
            free = False
            while time.monotonic() + INTERVAL[1] < deadline:
                await asyncio.sleep(random.uniform(*INTERVAL))
                free = not free
                arrived: list[float] = []
                sent = time.perf_counter()
                await session.rerun({session.checkbox: free})
                await asyncio.wait_for(
                    session.read_run(lambda arrived=arrived, sent=sent:
                                     arrived.append(time.perf_counter() - sent)),
                    RUN_TIMEOUT)
                if not arrived:
                    results.errors.append("Angebotszahl unverändert")
                else:
                    results.latencies.append(arrived[0])
    except (TimeoutError, OSError, RuntimeError, websockets.exceptions.WebSocketException) as error:
        results.errors.append(f"{type(error).__name__}: {error}")


async def run_load(url: str, sessions: int, seconds: float, spread: float) -> Results:
    """Sessions starting at random within `spread` seconds, all stopping at the deadline."""
    results = Results()
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(visitor(url, deadline, random.uniform(0, spread), results)
                           for _ in range(sessions)))
    return results


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--offers", type=int, default=0, help="synthetische Angebote dazu")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="die App aus diesem Ordner starten (z. B. ein älterer Stand)")
    args = parser.parse_args()
    random.seed(6)
    load_before = os.getloadavg()[0]
    try:
        with served_app(args.offers, args.root) as app:
            warm = asyncio.run(run_load(app.address, 1, 0, 0))  # seeding, caches: not measured
            if warm.errors:
                raise RuntimeError(warm.errors[0])
            cpu_before, start = cpu_seconds(app.process.pid), time.monotonic()
            results = asyncio.run(run_load(app.address, args.sessions, args.seconds, INTERVAL[0]))
            cpu, wall = cpu_seconds(app.process.pid) - cpu_before, time.monotonic() - start
    except AppFailed as error:
        print(f"ABBRUCH: {error}", file=sys.stderr)
        return 1

    data = "Demo-Daten" + (f" + {args.offers:,} Angebote".replace(",", ".") if args.offers else "")
    print(f"Rechner: {os.cpu_count()} CPUs, Last (1 min) vorher {load_before:.1f}, nachher "
          f"{os.getloadavg()[0]:.1f}")
    print(f"App aus {args.root}")
    print(f"{args.sessions} Sitzungen auf einem App-Prozess, {data}, je ein Filterwechsel alle "
          f"{INTERVAL[0]:.0f}–{INTERVAL[1]:.0f} s, {args.seconds:.0f} s lang")
    if not results.latencies:
        print(f"keine Messung; Fehler: {results.errors[:5]}", file=sys.stderr)
        return 1
    times = sorted(results.latencies)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"Filterwechsel bis zur neuen Angebotszahl: p50 {statistics.median(times):.2f} s, "
          f"p95 {p95:.2f} s, max {times[-1]:.2f} s (n = {len(times)}); Ziel p95 ≤ 1,5 s: "
          f"{'erfüllt' if p95 <= 1.5 else 'VERFEHLT'}")
    print(f"Fehler: {len(results.errors)}" +
          (f" (z. B. {results.errors[0]})" if results.errors else ""))
    print(f"Server-CPU: {cpu:.1f} s in {wall:.0f} s ({cpu / max(len(times), 1):.2f} s je Wechsel)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
