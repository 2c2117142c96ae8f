"""Benchmark: the map page in Chromium against a minimal streamlit-folium page and a bare
Streamlit page, interleaved, timed inside the pages.

Servers (each `streamlit run` on a free 127.0.0.1 port, all with our .streamlit/config.toml):
- ours, demo data; ours with demo + 10,000 synthetic offers; ours with demo + 50,000;
- minimal: one st_folium map with one polygon and one circle marker, the same local
  Leaflet files (static/vendor), nothing else;
- bare: a Streamlit page with one text and one checkbox.

Measured (medians over --runs, the apps taking turns in every run):
1. Warm paint: a new page in a warm browser context against a warm server, from navigation
   start to the frame in which the map shows its districts and markers (ours: >= 17
   district paths and one marker or cluster; minimal: its polygon and marker; bare: the
   text). An init script in every frame records the time (performance.timeOrigin + now()
   in a requestAnimationFrame after the DOM change); Playwright only reads it afterwards.
   Also counted: script runs per page view (BackMsg rerun_script frames the page sends).
2. Markers updated after a filter change (ours at 10,000 and 50,000 offers): from the click
   on „nur kostenlose“ (a capturing listener records it) to the last change of the map's
   marker pane (quiet for QUIET_S). Baseline: the bare page, click on its checkbox until
   its text changes (Streamlit's own round trip).
3. Cold start to first paint: from spawning the server to the first paint in a new
   browser context (ours on the demo data, already seeded; minimal; bare).
4. Idle server RSS after the warm loads (pages closed): VmRSS from /proc.

Exit 1 only when an app fails (server does not start, nothing painted) or a request leaves
127.0.0.1; figures never fail it. Timings depend on the load of the machine (printed).

Usage: python bench/bench_paint.py [--runs 7] [--cold-runs 3] [--changes 6] [--skip-50000]
                                   [--compare DIR]  (DIR: another checkout, e.g. main before)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script

from bench_page import build_synthetic_db  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from tests.e2e.appserver import free_port, wait_for_health  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 90_000
QUIET_S = 1.0
VIEWPORT = {"width": 1366, "height": 900}
FILTER_LABEL = "nur kostenlose"
# The page's „… von … Angeboten passen“ line (bare page: empty), changed by a filter rerun
COUNT_TEXT = ("Array.from(document.querySelectorAll('p')).map(p => p.innerText)"
              ".filter(t => t.includes('Angeboten passen')).join()")

MINIMAL_SCRIPT = '''
import folium
import streamlit as st
from streamlit_folium import st_folium

m = folium.Map(location=[51.53, 6.93], zoom_start=12, tiles=None)
m.default_js = [("leaflet", "/app/static/vendor/leaflet/leaflet.js")]
m.default_css = [("leaflet", "/app/static/vendor/leaflet/leaflet.css")]
folium.Polygon([[51.52, 6.90], [51.55, 6.90], [51.55, 6.96]], fill=True).add_to(m)
folium.CircleMarker([51.53, 6.94], radius=8, tooltip="Angebot").add_to(m)
st_folium(m, height=620, use_container_width=True,
          returned_objects=["last_object_clicked_tooltip"])
'''
BARE_SCRIPT = '''
import streamlit as st

free = st.checkbox("nur kostenlose")
st.markdown("Hallo – " + ("Stand: ja" if free else "Stand: nein"))
'''

# Runs in the top frame before its scripts and watches it and its iframes' documents from
# there (the map component's iframe swaps its document after init scripts ran, which drops
# timers and observers set up inside it). Records as epoch ms: the animation frame in which
# the paint condition first held, when each watched text first appeared, the last change of
# a Leaflet marker pane, and the last click.
INIT_SCRIPT = """
(() => {
  if (window !== window.top) { return; }
  const now = () => performance.timeOrigin + performance.now();
  const spec = %s;
  const qa = window.__qa = {painted: null, seen: {}, markerChange: null, click: null,
    iframe: null, leaflet: null};
  document.addEventListener("click", () => { qa.click = now(); }, true);
  const documents = () => [document].concat(Array.from(document.querySelectorAll("iframe"))
    .map(f => { try { return f.contentDocument; } catch (e) { return null; } })
    .filter(d => d && d.body));
  const painted = doc => {
    if (spec.paths) {
      const paths = doc.querySelectorAll("path.leaflet-interactive").length;
      const markers = spec.markers ? doc.querySelectorAll(spec.markers).length : 1;
      if (paths >= spec.paths && markers >= 1) { return true; }
    }
    return Boolean(spec.text && doc.body.innerText.includes(spec.text));
  };
  const frame = () => {
    const t = now();
    if (!qa.iframe && document.querySelector("iframe")) { qa.iframe = t; }
    for (const doc of documents()) {
      if (!qa.leaflet && doc.querySelector(".leaflet-container")) { qa.leaflet = t; }
      if (!doc.__qaObserved) {
        doc.__qaObserved = true;
        new MutationObserver(records => {
          if (records.some(r => r.target.closest && r.target.closest(".leaflet-marker-pane"))) {
            qa.markerChange = now();
          }
        }).observe(doc, {subtree: true, childList: true});
      }
      if (!qa.painted && painted(doc)) { qa.painted = t; }
      for (const text of spec.watch || []) {
        if (!qa.seen[text] && doc.body.innerText.includes(text)) { qa.seen[text] = t; }
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
"""


class BenchError(RuntimeError):
    """The app failed (not a timing): the figures would be meaningless."""


@dataclass
class App:
    name: str
    label: str
    cwd: Path
    script: str
    env: dict[str, str]
    spec: dict
    port: int = 0
    process: subprocess.Popen | None = None
    log: Path | None = None
    paint: list[float] = field(default_factory=list)
    runs_per_view: list[int] = field(default_factory=list)
    stages: list[list[float]] = field(default_factory=list)  # [iframe, leaflet] per view

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start(app: App, log_dir: Path) -> float:
    """Start the app's server; returns the epoch (s) at spawn."""
    app.port = free_port()
    app.log = log_dir / f"{app.name}.log"
    spawned = time.time()
    with open(app.log, "w") as log:
        app.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", app.script, "--server.port", str(app.port),
             "--server.address", "127.0.0.1"],
            cwd=app.cwd, env=app.env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        wait_for_health(app.url, app.process, timeout=120)
    except (RuntimeError, TimeoutError) as error:
        raise BenchError(f"{app.name}: {error}\n{app.log.read_text()[-2000:]}") from error
    return spawned


def stop(app: App) -> None:
    if app.process and app.process.poll() is None:
        app.process.terminate()
        app.process.wait(timeout=30)
    app.process = None


def rss_mb(app: App) -> float:
    for line in Path(f"/proc/{app.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise BenchError("VmRSS fehlt")


class Browser:
    """Chromium via Playwright; every request and websocket is checked for its host."""

    def __init__(self, playwright) -> None:
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        self.external: list[str] = []

    def page(self, context, app: App):
        from streamlit.proto.BackMsg_pb2 import BackMsg

        page = context.new_page()
        page.add_init_script(INIT_SCRIPT % _json(app.spec))
        page.reruns = 0

        def on_socket(socket_) -> None:
            self.check(socket_.url)

            def sent(payload) -> None:
                if isinstance(payload, bytes) and BackMsg.FromString(payload).WhichOneof(
                        "type") == "rerun_script":
                    page.reruns += 1
            socket_.on("framesent", sent)

        page.on("request", lambda request: self.check(request.url))
        page.on("websocket", on_socket)
        return page

    def check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("data", "blob", "about") and parts.hostname != "127.0.0.1":
            self.external.append(url)


def _json(data) -> str:
    import json
    return json.dumps(data)


def wait_painted(page, app: App, timeout_s: float = TIMEOUT_MS / 1000) -> float:
    """Epoch ms of the first paint (from whichever frame met the condition)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        stamp = page.evaluate("window.__qa && window.__qa.painted")
        if stamp:
            return stamp
        time.sleep(0.1)
    page.screenshot(path=str(app.log.with_suffix(".png")))
    raise BenchError(f"{app.name}: nichts gezeichnet nach {timeout_s:.0f} s\n"
                     f"{app.log.read_text()[-1500:]}")


def load(browser: Browser, context, app: App) -> None:
    """One page view: ms from navigation start to the paint, to the map's iframe and to its
    Leaflet container (where the time goes), and the script runs during the view."""
    page = browser.page(context, app)
    page.goto(app.url, wait_until="commit")
    painted = wait_painted(page, app)
    origin = page.evaluate("performance.timeOrigin")
    page.wait_for_timeout(1500)  # an unwanted second script run would come ~0.3 s after
    stamps = page.evaluate("[window.__qa.iframe, window.__qa.leaflet]")
    app.paint.append(painted - origin)
    app.stages.append([stamp - origin if stamp else float("nan") for stamp in stamps])
    app.runs_per_view.append(page.reruns)
    page.close()


def wait_quiet(page, read, timeout_s: float = 60) -> float:
    """The value `read()` returns once it stopped changing for QUIET_S."""
    deadline = time.monotonic() + timeout_s
    last, since = read(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        value = read()
        if value != last:
            last, since = value, time.monotonic()
        elif time.monotonic() - since >= QUIET_S:
            return last
    raise BenchError("keine Ruhe nach dem Filterwechsel")


def filter_change(browser: Browser, context, app: App, changes: int) -> list[float]:
    """ms from the click on the filter to the marker pane's last change (ours), or to the
    changed text (bare), for `changes` clicks that toggle the filter on and off."""
    page = browser.page(context, app)
    page.goto(app.url, wait_until="commit")
    wait_painted(page, app)
    page.wait_for_timeout(2000)
    times = []
    for i in range(changes):
        count_before = page.evaluate(COUNT_TEXT)
        page.get_by_text(FILTER_LABEL).first.click()
        click = page.evaluate("window.__qa.click")
        if app.spec.get("markers"):
            try:
                page.wait_for_function(f"({COUNT_TEXT}) !== {_json(count_before)} && "
                                       f"window.__qa.markerChange > {click}", timeout=30_000)
            except PlaywrightTimeout as error:
                raise BenchError(f"{app.name}: die Marker änderten sich nach dem Filter "
                                 "nicht") from error
            changed = wait_quiet(page, lambda: page.evaluate("window.__qa.markerChange"))
        else:
            text = "Stand: ja" if i % 2 == 0 else "Stand: nein"
            page.get_by_text(text).first.wait_for(timeout=TIMEOUT_MS)
            # the init script notes the text in its next animation frame, maybe after this
            page.wait_for_function(f"window.__qa.seen[{_json(text)}]", timeout=TIMEOUT_MS)
            changed = page.evaluate(f"window.__qa.seen[{_json(text)}]")
            page.evaluate("window.__qa.seen = {}")
        times.append(changed - click)
        page.wait_for_timeout(1000)
    page.close()
    return times


def med(values: list[float]) -> float:
    return statistics.median(values)


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base else "-"


def verdict(value: float, goal: float) -> str:
    return "erfüllt" if value <= goal else "VERFEHLT"


def apps(tmp: Path, skip_50k: bool, compare: Path | None) -> dict[str, App]:
    """The apps' folders, databases and environments (servers not yet started)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "QA_TILES_URL")}
    env["PYTHONUNBUFFERED"] = "1"
    side = tmp / "side"  # minimal and bare: our config and static/ beside their scripts
    (side / ".streamlit").mkdir(parents=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", side / ".streamlit" / "config.toml")
    (side / "static").symlink_to(ROOT / "static", target_is_directory=True)
    (side / "minimal.py").write_text(MINIMAL_SCRIPT, encoding="utf-8")
    (side / "bare.py").write_text(BARE_SCRIPT, encoding="utf-8")
    ours_spec = {"paths": 17, "markers": ".qa-offer, .marker-cluster"}
    result = {
        "ours": App("ours", "unsere Karte, Demo-Daten", ROOT, "app.py",
                    env | {"QA_DATA_DIR": str(tmp / "demo")}, ours_spec),
        "minimal": App("minimal", "minimale streamlit-folium-Seite", side, "minimal.py", env,
                       {"paths": 2}),
        "bare": App("bare", "leere Streamlit-Seite", side, "bare.py", env,
                    {"text": "Hallo", "watch": ["Stand: ja", "Stand: nein"]}),
    }
    sizes = (10_000,) if skip_50k else (10_000, 50_000)
    for n in sizes:
        url = build_synthetic_db(tmp / f"offers{n}.db", n)
        label = "unsere Karte, Demo + " + f"{n:,}".replace(",", ".") + " Angebote"
        result[f"ours{n}"] = App(f"ours{n}", label, ROOT, "app.py",
                                 env | {"QA_DATA_DIR": str(tmp / f"d{n}"), "DATABASE_URL": url},
                                 ours_spec)
    if compare:  # another checkout of the app, e.g. main before this work
        result["before"] = App("before", "vorher, Demo-Daten", compare, "app.py",
                               env | {"QA_DATA_DIR": str(tmp / "before")}, ours_spec)
        for n in sizes:
            url = build_synthetic_db(tmp / f"compare{n}.db", n)
            label = "vorher, Demo + " + f"{n:,}".replace(",", ".") + " Angebote"
            result[f"before{n}"] = App(f"before{n}", label, compare, "app.py",
                                       env | {"QA_DATA_DIR": str(tmp / f"b{n}"),
                                              "DATABASE_URL": url}, ours_spec)
    return result


def main() -> int:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="warme Ladevorgänge je Seite")
    parser.add_argument("--cold-runs", type=int, default=3, help="Kaltstarts je Seite")
    parser.add_argument("--changes", type=int, default=6, help="Filterwechsel je Größe")
    parser.add_argument("--skip-50000", action="store_true")
    parser.add_argument("--compare", type=Path, help="dieselbe App aus einem anderen Ordner "
                        "(z. B. dem Stand vor einer Änderung) mitmessen")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench_paint_") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        try:
            all_apps = apps(tmp, args.skip_50000, args.compare)
            for app in all_apps.values():
                stack.callback(stop, app)
                start(app, tmp)
            playwright = stack.enter_context(sync_playwright())
            browser = Browser(playwright)
            stack.callback(browser.browser.close)
            warm = [all_apps[n] for n in ("ours", "ours10000", "minimal", "bare", "before",
                                          "before10000") if n in all_apps]
            context = browser.browser.new_context(viewport=VIEWPORT, locale="de-DE")
            for app in warm:
                load(browser, context, app)  # warm-up: seeding, caches, browser cache
                app.paint, app.stages, app.runs_per_view = [], [], []
            for _ in range(args.runs):
                for app in warm:
                    load(browser, context, app)
            time.sleep(3)
            rss = {name: rss_mb(all_apps[name]) for name in ("ours", "minimal", "bare", "before")
                   if name in all_apps}

            changes = {name: filter_change(browser, context, all_apps[name], args.changes)
                       for name in ("bare", "ours10000", "before10000", "ours50000",
                                    "before50000")
                       if name in all_apps}
            context.close()

            cold: dict[str, list[float]] = {n: [] for n in ("ours", "minimal", "bare", "before")
                                            if n in all_apps}
            for _ in range(args.cold_runs):
                for name in cold:
                    app = all_apps[name]
                    stop(app)
                    spawned = start(app, tmp)
                    fresh = browser.browser.new_context(viewport=VIEWPORT, locale="de-DE")
                    page = browser.page(fresh, app)
                    page.goto(app.url, wait_until="commit")
                    cold[name].append(wait_painted(page, app) - spawned * 1000)
                    fresh.close()
        except (PlaywrightError, BenchError) as error:
            print(f"\nABBRUCH: {error}", file=sys.stderr)
            return 1

    print(f"Rechner: {os.cpu_count()} CPUs, Last (1 min) vorher {load_before:.1f}, "
          f"nachher {os.getloadavg()[0]:.1f}\n")
    minimal, bare = med(all_apps["minimal"].paint), med(all_apps["bare"].paint)
    print(f"1) Warm gezeichnet (Median von {args.runs}, abwechselnd; ms ab Navigationsbeginn)")
    print(f"{'Seite':<44} {'Median':>7} {'Max':>7} {'× minimal':>10} {'Skriptläufe/Aufruf':>19}")
    for app in warm:
        print(f"{app.label:<44} {med(app.paint):>7.0f} {max(app.paint):>7.0f} "
              f"{ratio(med(app.paint), minimal):>10} {med(app.runs_per_view):>19.0f}")
    print("   Wo die Zeit bleibt (Median, ms ab Navigationsbeginn): iframe der Karte da → "
          "Leaflet-Karte da → gezeichnet")
    for app in (a for a in warm if a.name != "bare"):
        iframe, leaflet = (med([stage[i] for stage in app.stages]) for i in (0, 1))
        print(f"   {app.label:<41} {iframe:>7.0f} → {leaflet:>5.0f} → {med(app.paint):>5.0f}")
    demo, big = med(all_apps["ours"].paint), med(all_apps["ours10000"].paint)
    print(f"   Ziel Demo ≤ 1,3× minimal: {ratio(demo, minimal)} {verdict(demo, 1.3 * minimal)};"
          f" 10.000 ≤ 2× minimal: {ratio(big, minimal)} {verdict(big, 2 * minimal)};"
          f" leere Seite: {bare:.0f} ms")

    print(f"\n2) Marker aktualisiert nach Filterwechsel (ms ab Klick, Median von {args.changes})")
    goals = {"ours10000": 500, "ours50000": 1000}
    for name, times in changes.items():
        goal = goals.get(name)
        label = "Basis: leere Seite, Text geändert" if name == "bare" else all_apps[name].label
        tail = "" if goal is None else f"  Ziel ≤ {goal} ms: {verdict(med(times), goal)}"
        print(f"{label:<44} {med(times):>7.0f} {max(times):>7.0f}{tail}")

    print(f"\n3) Kaltstart bis zum ersten Bild (Median von {args.cold_runs}; ms ab Serverstart)")
    for name, times in cold.items():
        print(f"{all_apps[name].label:<44} {med(times):>7.0f} {max(times):>7.0f} "
              f"{ratio(med(times), med(cold['minimal'])):>10}")
    ours_cold, min_cold = med(cold["ours"]), med(cold["minimal"])
    print(f"   Ziel ≤ 1,5× minimal: {ratio(ours_cold, min_cold)} "
          f"{verdict(ours_cold, 1.5 * min_cold)}")

    print("\n4) Server-RSS im Leerlauf nach den warmen Aufrufen (MB)")
    for name, value in rss.items():
        print(f"{all_apps[name].label:<44} {value:>7.0f} {ratio(value, rss['minimal']):>10}")
    print(f"   Ziel ≤ 2× minimal: {ratio(rss['ours'], rss['minimal'])} "
          f"{verdict(rss['ours'], 2 * rss['minimal'])}")
    print(f"\nAnfragen an andere Hosts als 127.0.0.1: {len(browser.external)}")
    return 1 if browser.external else 0


if __name__ == "__main__":
    sys.exit(main())
