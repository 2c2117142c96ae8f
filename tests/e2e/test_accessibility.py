"""axe-core (static/vendor/axe-core, installed by scripts/install_assets.py, loaded only
here) on the map page and inside the map's frame: no serious or critical violation that
our code causes. What Streamlit itself causes is listed in docs/accessibility.md and
excluded here by rule id and element, each with its reason there."""

from __future__ import annotations

from playwright.sync_api import Frame, Page, expect

from services.config import STATIC_DIR
from tests.e2e.test_app import MAP, TIMEOUT, open_app, shown_count, wait_for_markers

AXE = STATIC_DIR / "vendor" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")
RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ")) }));
}"""
# Streamlit's own markup, outside our reach (docs/accessibility.md says why each is here).
STREAMLIT_OWN: dict[str, tuple[str, ...]] = {}


def _violations(target: Page | Frame) -> list[dict]:
    assert AXE.is_file(), "axe-core fehlt: python scripts/install_assets.py"
    target.add_script_tag(path=str(AXE))
    found = target.evaluate(RUN_AXE)
    return [v for v in found if v["impact"] in SERIOUS
            and not all(any(mark in node for mark in STREAMLIT_OWN.get(v["id"], ())) for node in v["nodes"])]


def test_no_serious_violation_on_the_page_or_in_the_map(page: Page, app_url: str):
    frame = open_app(page, app_url)
    wait_for_markers(frame, shown_count(page))
    # a rerun fades the page (stale elements): axe would measure the faded colours
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=TIMEOUT)
    page.wait_for_timeout(1000)
    assert _violations(page) == []
    map_frame = page.locator(MAP).element_handle().content_frame()
    assert _violations(map_frame) == []
