"""Chromium for the browser tests (tests/e2e and the app's fault tests in tests/faults):
one Playwright and one browser per test session, shared by every folder (two sync
Playwright instances cannot run in one thread), and a fresh page per test.

No test downloads a browser and no request may leave 127.0.0.1: Chromium resolves every
other host to nothing, and every request a page makes is recorded so that the tests can
assert that none went elsewhere. The fixtures are registered in tests/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "ws://localhost",
         "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} fehlt: apt-get install chromium (bash scripts/setup.sh --dev)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Guard:
    """Records what a page tried to reach outside localhost and any JS dialog it opened."""

    def __init__(self, page: Page) -> None:
        self.external: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", self._request)
        page.on("dialog", self._dialog)

    def _request(self, request) -> None:
        if not request.url.startswith(LOCAL):
            self.external.append(request.url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's outcome on the test item, for the page fixture's failure screenshot."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _save_failure_screenshot(request: pytest.FixtureRequest, page: Page) -> None:
    """A failed browser test leaves a screenshot in $QA_E2E_ARTIFACTS (when set): what the
    page showed is often the quickest way to a flaky test's cause."""
    folder = os.environ.get("QA_E2E_ARTIFACTS")
    report = getattr(request.node, "report_call", None)
    if folder and report is not None and report.failed:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{request.node.name}.png"), full_page=True)


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    page = context.new_page()
    page.guard = Guard(page)
    yield page
    _save_failure_screenshot(request, page)
    context.close()
