"""PostgreSQL stopped and started under the running app (scripts/serve.py) in Chromium:
visitors get the German notice instead of an exception box, and the open page comes back
by itself once the server is up again (the notice retries every few seconds; no reload)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from services.texts import ui
from services.texts import validation as v
from tests.e2e.appserver import ROOT, serve_app
from tests.e2e.test_app import open_app, shown_count
from tests.faults.pgcluster import Cluster, own_cluster  # noqa: F401  (fixture)
from ui.data import RETRY_SECONDS

pytestmark = [pytest.mark.browser, pytest.mark.postgres]
TIMEOUT = 60_000
OUTAGE = v.DB_UNAVAILABLE.split(".")[0]  # „Die Datenbank ist gerade nicht erreichbar“


@pytest.fixture(scope="module")
def app_on_postgres(own_cluster: Cluster, tmp_path_factory) -> Iterator[str]:  # noqa: F811
    """The demo data on the cluster of this module, and the app serving it."""
    env = {k: v for k, v in os.environ.items() if k != "QA_TILES_URL"}
    env.update(DATABASE_URL=own_cluster.url, PYTHONUNBUFFERED="1")
    subprocess.run([sys.executable, "-m", "services.cli", "seed-demo"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    with serve_app(env, tmp_path_factory.mktemp("outage") / "streamlit.log") as url:
        yield url


def test_the_page_says_so_in_german_and_recovers_by_itself(
    page: Page, app_on_postgres: str, own_cluster: Cluster  # noqa: F811
):
    open_app(page, app_on_postgres)
    offers = shown_count(page)
    own_cluster.stop()
    try:
        page.reload()  # a visitor arriving while the server is down
        expect(page.get_by_text(OUTAGE)).to_be_visible(timeout=TIMEOUT)
        retrying = ui.DATABASE_RETRYING.format(seconds=RETRY_SECONDS)
        expect(page.get_by_text(retrying)).to_be_visible()
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("Angeboten passen").count() == 0
    finally:
        own_cluster.start()
    # no reload: the notice's retry reruns the page once the server answers
    expect(page.get_by_text("Angeboten passen")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(OUTAGE)).to_have_count(0)
    assert shown_count(page) == offers
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.guard.dialogs == [] and page.guard.external == []
