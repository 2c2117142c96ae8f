"""The app's data, cached per process: the repository and the snapshot of one data version.

A snapshot is shared by every session and rebuilt only when an import bumps the data
version; older versions are dropped (max_entries), so memory stays flat while data changes.
"""

from __future__ import annotations

import streamlit as st

from services.config import load_settings
from services.importer import ensure_seeded
from services.snapshot import Snapshot, load_snapshot
from services.storage.repository import Repository


@st.cache_resource(show_spinner=False)
def _repository(database_url: str) -> Repository:
    return ensure_seeded(load_settings())


def repository() -> Repository:
    """The app's repository; the embedded database is created and seeded on first use."""
    return _repository(load_settings().database_url)


@st.cache_resource(show_spinner=False, max_entries=2)
def _snapshot(database_url: str, version: int) -> Snapshot:
    return load_snapshot(repository())


def snapshot() -> Snapshot:
    """The data as of the current data version (shared, read-only: never mutate it)."""
    return _snapshot(load_settings().database_url, repository().data_version())
