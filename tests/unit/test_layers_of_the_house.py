"""The house's import rules (docs/architecture.md), checked on the source, not by review.

- services never import streamlit, ui or pages;
- pages and ui never import storage (only ui/data.py holds the cached repository);
- the lower service layers (model, taxonomy, the record types of scenarios and unmet
  needs, storage, io) never import the upper ones (snapshot, map, details, urlstate,
  filters, choropleth, the feature modules of analyses and unmet needs).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UPPER_SERVICES = ("services.snapshot", "services.map", "services.details", "services.urlstate",
                  "services.filters", "services.choropleth", "services.analysis",
                  "services.unmet_needs")
LOWER_SERVICES = ("services/model.py", "services/taxonomy.py", "services/scenario.py",
                  "services/unmet_need.py", "services/storage", "services/io")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _offending(paths: list[Path], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        bad = sorted(n for n in _imports(path) if n.split(".")[0] in forbidden or n.startswith(forbidden))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found


def test_services_import_no_streamlit_ui_or_pages():
    assert _offending(_sources("services"), ("streamlit", "streamlit_folium", "ui", "pages")) == {}


def test_pages_and_ui_never_touch_storage():
    paths = [p for p in _sources("pages", "ui") if p != ROOT / "ui" / "data.py"]
    assert _offending(paths, ("services.storage", "sqlalchemy")) == {}


def test_pages_import_no_other_page():
    assert _offending(_sources("pages"), ("pages",)) == {}


@pytest.mark.parametrize("lower", LOWER_SERVICES)
def test_lower_services_do_not_import_upper_ones(lower):
    target = ROOT / lower
    paths = sorted(target.rglob("*.py")) if target.is_dir() else [target]
    assert _offending(paths, UPPER_SERVICES) == {}
