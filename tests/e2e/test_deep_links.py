"""A link straight to a page works for the very first visitor of a freshly started app.

Links to the gap page or a district profile are shared in council papers and e-mails;
after a restart, the first person to follow one must see that page, not Streamlit's
"Page not found" notice over it (scripts/serve.py explains the Streamlit legacy behind it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from services.texts import analysis
from tests.e2e.appserver import serve_app

TIMEOUT = 60_000


@pytest.fixture(scope="module")
def fresh_app(tmp_path_factory) -> Iterator[str]:
    """A new app process that no browser has visited yet (it seeds its own demo data)."""
    folder = tmp_path_factory.mktemp("deeplink")
    env = {k: v for k, v in os.environ.items() if k not in ("QA_TILES_URL", "DATABASE_URL")}
    env.update(QA_DATA_DIR=str(folder), PYTHONUNBUFFERED="1")
    with serve_app(env, folder / "streamlit.log") as url:
        yield url


def test_the_first_visit_of_a_new_process_may_come_by_a_link_to_a_page(
        browser: Browser, fresh_app: str):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE").new_page()
    page.goto(f"{fresh_app}/versorgungsluecken")
    expect(page.get_by_text(analysis.SCENARIO_NO_POSITION)).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(f"{fresh_app}/versorgungsluecken")
    # the notice would have come with the first script run, before the page's own text
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.context.close()
