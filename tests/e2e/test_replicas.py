"""Two replicas of the app on one PostgreSQL database, as docs/deployment.md runs them.

An edit saved through one replica shows in the other on its next rerun, and two editors
on different replicas cannot overwrite each other: the optimistic lock lives in the
database, not in a process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from playwright.sync_api import Browser, expect

from services.texts import editing as t
from services.texts import ui
from tests.db_fixtures import fresh_schema, postgres_url  # noqa: F401 (fixture)
from tests.e2e.appserver import serve_app
from tests.e2e.conftest import EDITOR, EDITOR_PASSWORD, ROOT
from tests.e2e.test_app import open_app
from tests.e2e.test_editing import TIMEOUT, editor_session, set_field

OFFER = "real-kinderschutzbund-bottrop"  # a demo offer
NEW_NAME = "Kinderschutzbund Replik-Test"


def _cli(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    subprocess.run([sys.executable, "-m", "services.cli", *args], input=stdin, text=True,
                   cwd=ROOT, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def replicas(postgres_url: str, tmp_path_factory) -> Iterator[tuple[str, str]]:  # noqa: F811
    """Two app processes on one fresh PostgreSQL schema with the demo data and an editor."""
    folder = tmp_path_factory.mktemp("replicas")
    with fresh_schema(postgres_url) as database_url, ExitStack() as stack:
        env = {k: v for k, v in os.environ.items() if k != "QA_TILES_URL"}
        env.update(DATABASE_URL=database_url, PYTHONUNBUFFERED="1")
        _cli(env, "seed-demo")
        _cli(env, "user", "add", EDITOR, "--role", "redaktion", "--passwort-stdin",
             stdin=EDITOR_PASSWORD + "\n")
        yield tuple(stack.enter_context(serve_app(env, folder / f"{name}.log")) for name in "ab")


def test_an_edit_on_one_replica_shows_on_the_other_and_cannot_be_overwritten(
        browser: Browser, replicas: tuple[str, str]):
    replica_a, replica_b = replicas
    first = editor_session(browser, replica_a, OFFER)
    second = editor_session(browser, replica_b, OFFER)  # loaded before the first one saves

    set_field(first, "name", NEW_NAME)
    first.get_by_role("button", name=t.SAVE, exact=True).click()
    expect(first.get_by_text(t.SAVED.format(version=2))).to_be_visible(timeout=TIMEOUT)

    visitor = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  locale="de-DE").new_page()
    open_app(visitor, replica_b)
    search = visitor.locator('[data-testid="stSidebar"]').get_by_role(
        "textbox", name=ui.FILTER_TEXT, exact=True)
    search.fill("Replik-Test")
    search.press("Enter")
    expect(visitor.get_by_text("Angeboten passen")).to_have_text(re.compile(r"^\s*1\b"),
                                                                timeout=TIMEOUT)

    set_field(second, "telefon", "02041 7070")
    second.get_by_role("button", name=t.SAVE, exact=True).click()
    expect(second.get_by_text(t.CONFLICT.split(" (")[0])).to_be_visible(timeout=TIMEOUT)
    expect(second.get_by_text(t.MERGE_CHOICE.format(field=t.COLUMN_LABELS["name"]))).to_be_visible(
        timeout=TIMEOUT)
    for page in (first, second, visitor):
        page.context.close()
