"""Issue 7: any websocket client can send Streamlit's "clear cache" message. The heavy
shared state (engine, migration check, snapshot) is held by the services, outside
Streamlit's caches, so that message cannot make the server rebuild it for everyone; and
the menu entry that sends it is hidden."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from services.config import PROJECT_ROOT, load_settings
from services.importer import shared_repository
from ui import data

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(scope="module", autouse=True)
def demo_database(demo_env):
    """The module's demo database (tests/app/conftest.py)."""


def test_clearing_streamlits_caches_keeps_the_shared_repository_and_snapshot():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    repo = shared_repository(load_settings())
    snap = data.snapshot()  # what every page reads
    st.cache_data.clear()  # what the ClearCache back-message does
    st.cache_resource.clear()
    at.run()
    assert not at.exception
    assert shared_repository(load_settings()) is repo
    assert data.snapshot() is snap


def test_the_menu_with_clear_cache_is_hidden():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["client"]["toolbarMode"] == "minimal"
