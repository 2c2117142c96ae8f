"""Benchmark: our offer layer in Chromium, without Streamlit: how long until the markers
of 10,000 and 50,000 offers are on the map.

A local HTML page (file://, no server, no other host) loads Leaflet, markercluster and
static/quartiersatlas.js and draws the offers the way streamlit-folium does: a new
L.featureGroup, QA.addOffers(group, data), then map.addLayer(group). The time is taken
inside the page: performance.now() before the call, and the time of the last change of the
marker pane (MutationObserver) once it has been quiet for QUIET_MS. No Playwright polling
is in the figure. Each draw runs in a freshly loaded page; the
three ways take turns (interleaved), so that other load on the machine hits each alike.

Baselines measured in the same run, with the same markers (our divIcons, no tooltips):
- plugin, cluster on the map first, then addLayers: what markercluster needs at least;
- plugin, addLayers before the cluster is on the map: markercluster's quadratic path
  (hasLayer walks the pending list for every marker), which QA.addOffers took before.

Usage: python bench/bench_offers_js.py [--runs 3] [--sizes 10000 50000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script

from bench_offer_layer import synthetic_offers  # noqa: E402

from services.assets import css_urls, js_urls  # noqa: E402
from services.config import Settings  # noqa: E402
from services.map.layers import offer_layer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
QUIET_MS = 600
SETTINGS = Settings("sqlite://", None, "", (ROOT / "static").as_uri())

# Draws in one of three ways and resolves with {ms, markers} once the marker pane is quiet.
DRAW_JS = """
([mode, data, quietMs]) => new Promise(resolve => {
  const pane = window.qaMap.getPane("markerPane");
  let last = performance.now();
  new MutationObserver(() => { last = performance.now(); })
    .observe(pane, {childList: true, subtree: true});
  const start = performance.now();
  if (mode === "qa") {
    const group = L.featureGroup();
    QA.addOffers(group, data);
    window.qaMap.addLayer(group);
  } else {
    const icons = data.needs.map(n => L.divIcon({className: "qa-offer",
      html: "<span>" + n[1] + "</span>", iconSize: [22, 22]}));
    const markers = data.rows.map(r => L.marker([r[4], r[5]], {icon: icons[r[3]]}));
    const cluster = L.markerClusterGroup({chunkedLoading: markers.length > 3000});
    if (mode === "plugin-on-map") { window.qaMap.addLayer(cluster); cluster.addLayers(markers); }
    else { cluster.addLayers(markers); window.qaMap.addLayer(cluster); }
  }
  const check = () => {
    if (performance.now() - last < quietMs || pane.childElementCount === 0) {
      setTimeout(check, 50);
      return;
    }
    resolve({ms: last - start, markers: pane.childElementCount});
  };
  setTimeout(check, 50);
})
"""
MODES = (
    ("qa", "QA.addOffers (wie streamlit-folium)"),
    ("plugin-on-map", "Basis: Plugin, Cluster zuerst auf der Karte"),
    ("plugin-off-map", "Basis: Plugin, addLayers vor der Karte"),
)


def page_html() -> str:
    links = "".join(f'<link rel="stylesheet" href="{url}">' for url in css_urls(SETTINGS))
    scripts = "".join(f'<script src="{url}"></script>' for url in js_urls(SETTINGS))
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8">{links}{scripts}'
            '</head><body style="margin:0"><div id="map" style="width:1000px;height:700px">'
            "</div><script>window.qaMap = L.map('map', {maxZoom: 18})"
            ".setView([51.55, 6.93], 12);</script></body></html>")


def offer_data(n: int) -> dict:
    """The JSON QA.addOffers gets from offer_layer, as a page sends it."""
    call = next(iter(offer_layer(synthetic_offers(n))._children.values()))
    return json.loads(call.payload)


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_offers_js_") as tmp:
        page_path = Path(tmp) / "map.html"
        page_path.write_text(page_html(), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            page.on("request", lambda r: r.url.startswith(("file:", "data:")) or
                    sys.exit(f"Anfrage an einen Server: {r.url}"))
            print(f"{'Angebote':>9}  {'Zeichnen':<46} {'Median ms':>9} {'Max ms':>8}")
            for n in args.sizes:
                data = offer_data(n)
                times: dict[str, list[float]] = {mode: [] for mode, _ in MODES}
                for _ in range(args.runs):  # interleaved: load changes hit every mode alike
                    for mode, _label in MODES:
                        page.goto(page_path.as_uri())
                        times[mode].append(page.evaluate(DRAW_JS, [mode, data, QUIET_MS])["ms"])
                for mode, label in MODES:
                    print(f"{n:>9,}  {label:<46} {statistics.median(times[mode]):>9.0f}"
                          f" {max(times[mode]):>8.0f}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
