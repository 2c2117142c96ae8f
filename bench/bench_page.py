"""Benchmark: the map page as a whole, server side (script run) and in a real browser.

1. Script run: the whole app (app.py -> pages/karte.py) under Streamlit's AppTest. The first
   run is a warm-up (seeding, st.cache_resource); then RUNS plain reruns and RUNS reruns
   that change the "Bedarf" filter (["lernen"] and back), as a user clicking does. On
   (a) the demo data (an embedded SQLite under a temp QA_DATA_DIR, seeded by the app) and
   (b) the demo data plus 10,000 synthetic offers spread over Bottrop (a temp SQLite built
   with seed_demo + Repository.upsert_offers, given as DATABASE_URL). Baseline: the same
   AppTest rerun of a one-line Streamlit script, the framework's own floor.
2. Browser: `streamlit run app.py` on a free port (temp QA_DATA_DIR, demo data), Debian's
   Chromium via Playwright. One load warms the server; then BROWSER_RUNS times a new page
   (same browser context: a returning visitor, browser cache warm) and BROWSER_RUNS times a
   new context (first visit, cold browser cache), each timed from goto() until, inside the
   st_folium iframe, >= 17 district paths and >= 1 offer marker or cluster are visible.
   Baseline from the same loads: time until the page shows its first text ("Angeboten
   passen", the app shell without the map). Requests are only recorded (page.on), never
   intercepted: page.route() slows Streamlit's lazily loaded chunks badly. Every request
   to a host other than 127.0.0.1 is counted; there must be none.

Medians are judged against the budgets; timings never fail the script (exit 0). It exits 1
only when the app itself fails (exception, server does not start, map never drawn) or a
request left 127.0.0.1.

Timings depend on the machine's load (other processes): the load average is printed.

Usage: python bench/bench_page.py [--runs 20] [--browser-runs 10] [--skip-browser]
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script

from services.importer import locate, seed_demo  # noqa: E402
from services.model import Offer, OpeningSlot  # noqa: E402
from services.storage.repository import Repository, create_engine_for, migrate  # noqa: E402
from services.taxonomy import NEEDS  # noqa: E402
from tests.e2e.appserver import free_port, wait_for_health  # noqa: E402

APP = ROOT / "app.py"
CHROMIUM = "/usr/bin/chromium"
NEED_KEY = "f_bedarf"  # ui.state.widget_key("needs")
SYNTHETIC = 10_000
BUDGET_DEMO, BUDGET_SYNTHETIC, BUDGET_BROWSER = 0.3, 0.6, 2.0  # seconds, medians
DISTRICTS, FIRST_TEXT = 17, "Angeboten passen"
IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
MARKERS = ".qa-offer, .marker-cluster"
BROWSER_TIMEOUT_MS = 60_000
LOAD_BEFORE = os.getloadavg()[0]
TRIVIAL_SCRIPT = 'import streamlit as st; st.markdown("Hallo")\n'

WORDS = ("Hausaufgabenhilfe", "Sprachcafé", "Elterntreff", "Krabbelgruppe", "Lerntreff",
         "Beratung", "Sportgruppe", "Mittagstisch", "Familienzentrum", "Jugendtreff")
PLACES = ("Altstadt", "Eigen", "Fuhlenbrock", "Batenbrock", "Welheim", "Boy", "Kirchhellen")
PROVIDERS = tuple(f"{org} {place}" for org in ("AWO", "Caritas", "Diakonie", "DRK", "Stadt")
                  for place in PLACES)


class BenchError(RuntimeError):
    """The app failed (not a timing): the figures would be meaningless."""


# --- output ---------------------------------------------------------------------------

def verdict(value: float, budget: float) -> str:
    return "OK" if value <= budget else "ÜBER BUDGET"


def row(label: str, times: list[float], budget: float | None = None,
        baseline: float | None = None) -> str:
    """One table line; without a budget (a baseline or a share) there is no verdict."""
    median = statistics.median(times)
    budget_text = "-" if budget is None else f"{budget:.2f}"
    baseline_text = "-" if baseline is None else f"{baseline:.3f}"
    result = "" if budget is None else verdict(median, budget)
    return (f"{label:<{WIDTH}} {median:>8.3f} {max(times):>8.3f} {budget_text:>8}"
            f" {baseline_text:>8}  {result}").rstrip()


def number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


WIDTH = 46
HEADER = (f"{'Messung':<{WIDTH}} {'Median s':>8} {'Max s':>8} {'Budget s':>8} {'Basis s':>8}"
          "  Ergebnis")


# --- 1. script run under AppTest ------------------------------------------------------

def timed(step: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return times


def check(at) -> None:
    if at.exception:
        raise BenchError(f"Ausnahme in der App: {at.exception[0].value}")


def offer_count(at) -> tuple[int, int]:
    text = next((m.value for m in at.markdown if FIRST_TEXT in m.value), None)
    if text is None:
        raise BenchError("Die Karte zeigt keine Angebotszahl")
    shown, total = re.findall(r"\d+", text.replace(".", "").replace(",", ""))[:2]
    return int(shown), int(total)


def quiet_streamlit() -> None:
    """AppTest touches the main thread outside a script run, and Streamlit warns about it."""
    name = "streamlit.runtime.scriptrunner_utils.script_run_context"
    logging.getLogger(name).addFilter(lambda record: "missing ScriptRunContext" not in
                                      record.getMessage())


def trivial_baseline(runs: int, workdir: Path) -> list[float]:
    from streamlit.testing.v1 import AppTest

    script = workdir / "trivial.py"
    script.write_text(TRIVIAL_SCRIPT, encoding="utf-8")
    quiet_streamlit()
    at = AppTest.from_file(str(script), default_timeout=120)
    at.run()
    check(at)
    return timed(at.run, runs)


def page_runs(runs: int) -> tuple[list[float], list[float], int]:
    """(plain reruns, filter-change reruns, offers in the database) of the map page."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()  # warm-up: migration, seeding, snapshot cache
    check(at)
    everything, total = offer_count(at)
    plain = timed(at.run, runs)
    check(at)
    values = [["lernen"], []]
    filtered = []
    for i in range(runs):
        widget = at.multiselect(key=NEED_KEY).set_value(values[i % 2])
        start = time.perf_counter()
        widget.run()
        filtered.append(time.perf_counter() - start)
        check(at)
        if i == 0 and not 0 < offer_count(at)[0] < everything:
            raise BenchError("Der Bedarfsfilter ändert die Angebotszahl nicht")
    return plain, filtered, total


def synthetic_offers(n: int, seed: int = 11) -> list[Offer]:
    """n offers scattered over Bottrop, with texts and optional fields of realistic size."""
    rng = np.random.default_rng(seed)
    codes = [need.code for need in NEEDS]
    lats, lons = rng.uniform(51.50, 51.56, n), rng.uniform(6.88, 6.99, n)
    offers = []
    for i in range(n):
        min_age = float(rng.integers(0, 12))
        word, place = WORDS[i % len(WORDS)], PLACES[i % len(PLACES)]
        offers.append(Offer(
            id=f"bench-{i:05d}",
            name=f"{word} {place} Nr. {i}",
            provider=PROVIDERS[int(rng.integers(0, len(PROVIDERS)))],
            needs=tuple(rng.choice(codes, size=int(rng.integers(1, 4)), replace=False)),
            lat=float(lats[i]), lon=float(lons[i]),
            description=f"{word} für Kinder und Familien in {place}, offen für alle, "
                        "ohne Anmeldung; Eltern sind willkommen.",
            min_age=min_age, max_age=min_age + float(rng.integers(2, 8)),
            audience=("kinder", "eltern") if i % 3 else ("familien",),
            address=f"Musterstraße {i % 200 + 1}", postcode="46236",
            opening_hours=(OpeningSlot(i % 5, "14:00", "17:00"),),
            free_of_charge=bool(i % 4), languages=("de", "tr") if i % 5 == 0 else ("de",),
            status="active" if i % 20 else "inactive",
            source="bench_page.py (synthetisch)", is_demo=True,
        ))
    return offers


def build_synthetic_db(path: Path, n: int = SYNTHETIC) -> str:
    """An SQLite database with the demo data plus n synthetic offers; returns its URL."""
    url = f"sqlite:///{path}"
    engine = create_engine_for(url)
    migrate(engine)
    repo = Repository(engine)
    seed_demo(repo)
    offers, _ = locate(synthetic_offers(n), repo.districts())
    repo.upsert_offers(offers)
    engine.dispose()
    return url


def bench_script_runs(runs: int) -> None:
    os.chdir(ROOT)
    for name in ("DATABASE_URL", "QA_TILES_URL"):
        os.environ.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="bench_page_") as tmp:
        tmp = Path(tmp)
        baseline = trivial_baseline(runs, tmp)
        base_median = statistics.median(baseline)

        os.environ["QA_DATA_DIR"] = str(tmp / "demo")
        demo_plain, demo_filter, demo_total = page_runs(runs)

        start = time.perf_counter()
        os.environ["DATABASE_URL"] = build_synthetic_db(tmp / "synthetic.db")
        setup = time.perf_counter() - start
        big_plain, big_filter, big_total = page_runs(runs)
        del os.environ["DATABASE_URL"]

    print(f"Rechner: {os.cpu_count()} CPUs, Last (1 min) vor dem Lauf {LOAD_BEFORE:.1f}\n")
    print(f"1) Skriptlauf der Kartenseite (AppTest; 1 Aufwärmlauf, dann je {runs} Läufe)")
    print(HEADER)
    print(row("Basis: einzeiliges Skript, Rerun", baseline))
    print(row(f"(a) Demo ({number(demo_total)} Angebote), Rerun", demo_plain, BUDGET_DEMO,
              base_median))
    print(row("(a) Demo, Filterwechsel", demo_filter, BUDGET_DEMO, base_median))
    print(row(f"(b) Demo + {number(SYNTHETIC)} ({number(big_total)}), Rerun", big_plain,
              BUDGET_SYNTHETIC, base_median))
    print(row(f"(b) Demo + {number(SYNTHETIC)}, Filterwechsel", big_filter, BUDGET_SYNTHETIC,
              base_median))
    print(f"   Basis = Median des einzeiligen Skripts. Datenbank (b) gebaut in {setup:.1f} s."
          f" Last (1 min) jetzt {os.getloadavg()[0]:.1f}")


# --- 2. browser -----------------------------------------------------------------------

class RequestLog:
    """Every request (and WebSocket) a page opens; those leaving 127.0.0.1 are 'external'."""

    def __init__(self) -> None:
        self.total = 0
        self.external: list[str] = []

    def watch(self, page) -> None:
        page.on("request", lambda request: self.add(request.url))
        page.on("websocket", lambda socket_: self.add(socket_.url))

    def add(self, url: str) -> None:
        self.total += 1
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.hostname != "127.0.0.1":
            self.external.append(url)


def load_page(page, url: str, log: RequestLog) -> tuple[float, float]:
    """Seconds from goto() to the first text, and to districts + markers painted."""
    log.watch(page)
    frame = page.frame_locator(IFRAME)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.get_by_text(FIRST_TEXT).first.wait_for(state="visible", timeout=BROWSER_TIMEOUT_MS)
    first_text = time.perf_counter() - start
    frame.locator("path.leaflet-interactive").nth(DISTRICTS - 1).wait_for(
        state="visible", timeout=BROWSER_TIMEOUT_MS)
    frame.locator(MARKERS).first.wait_for(state="visible", timeout=BROWSER_TIMEOUT_MS)
    painted = time.perf_counter() - start
    paths = frame.locator("path.leaflet-interactive").count()
    if paths < DISTRICTS:  # can't happen after the wait; guards a changed selector
        raise BenchError(f"nur {paths} Bezirksflächen gezeichnet")
    return first_text, painted


def bench_browser(runs: int) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise BenchError(f"{CHROMIUM} fehlt (apt-get install chromium)")
    viewport = {"width": 1400, "height": 1000}
    with tempfile.TemporaryDirectory(prefix="bench_page_srv_") as data_dir:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "QA_TILES_URL")}
        env.update(QA_DATA_DIR=data_dir, PYTHONUNBUFFERED="1")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log_path = Path(data_dir) / "streamlit.log"
        with open(log_path, "w") as server_log:
            server = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                 "--server.address", "127.0.0.1", "--server.headless", "true"],
                cwd=ROOT, env=env, stdout=server_log, stderr=subprocess.STDOUT,
            )
            try:
                try:
                    wait_for_health(url, server)
                except (RuntimeError, TimeoutError) as error:
                    raise BenchError(str(error)) from error
                requests = RequestLog()
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                         args=["--no-sandbox"])
                    try:
                        shared = browser.new_context(viewport=viewport, locale="de-DE")
                        page = shared.new_page()
                        load_page(page, url, requests)  # warm-up: seeding, caches
                        page.close()
                        returning = []
                        for _ in range(runs):
                            page = shared.new_page()
                            returning.append(load_page(page, url, requests))
                            page.close()
                        first_visit = []
                        for _ in range(runs):
                            context = browser.new_context(viewport=viewport, locale="de-DE")
                            first_visit.append(load_page(context.new_page(), url, requests))
                            context.close()
                        shared.close()
                    except PlaywrightError as error:
                        raise BenchError(f"Browser: {error}") from error
                    finally:
                        browser.close()
            except BenchError:
                server_log.flush()
                print(log_path.read_text(encoding="utf-8")[-3000:], file=sys.stderr)
                raise
            finally:
                server.terminate()
                server.wait(timeout=20)

    print(f"\n2) Chromium: Bezirke + Marker gezeichnet, Demo-Daten, Server warm "
          f"(1 Aufwärmladen, dann je {runs} Ladevorgänge)")
    print(HEADER)
    for label, loads in (("neue Seite, Cache warm", returning),
                         ("neuer Kontext, Erstbesuch", first_visit)):
        texts, maps = [t for t, _ in loads], [m for _, m in loads]
        base = statistics.median(texts)
        print(row(f"Erster Text ({label})", texts, BUDGET_BROWSER, base))
        print(row(f"Karte gezeichnet ({label})", maps, BUDGET_BROWSER, base))
        print(row("  davon Karte nach dem ersten Text", [m - t for t, m in loads]))
    print(f"   Basis = Median bis zum ersten Text \"{FIRST_TEXT}\" (die App ohne Karte)."
          f" Last (1 min) jetzt {os.getloadavg()[0]:.1f}")
    external = requests.external
    print(f"Anfragen gesamt: {requests.total}, an andere Hosts als 127.0.0.1: {len(external)}"
          f"  {'OK' if not external else 'FEHLER'}")
    for request_url in sorted(set(external))[:10]:
        print(f"   extern: {request_url}")
    if external:
        raise BenchError(f"{len(external)} Anfragen verließen 127.0.0.1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="AppTest-Läufe je Messung")
    parser.add_argument("--browser-runs", type=int, default=10, help="Ladevorgänge je Messung")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    try:
        bench_script_runs(args.runs)
        if not args.skip_browser:
            bench_browser(args.browser_runs)
    except BenchError as error:
        print(f"\nABBRUCH: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
