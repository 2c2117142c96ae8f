"""A cold start pays for every module the first page imports: the map page must not load
what only other pages or rare tasks need (scipy for the Lotse and the gap analysis,
Alembic for migrations, openpyxl and pyogrio for uploads, rapidfuzz for the address
search). bench/bench_paint.py measures the time; this guards the cause."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_ON_THE_MAP_PAGE = ("scipy", "alembic", "openpyxl", "pyogrio", "rapidfuzz")


def _module_imports(path: Path) -> list[str]:
    """The modules a page script imports at its top (it cannot be imported itself: it
    draws the page)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_map_page_loads_no_module_it_does_not_need():
    modules = ["services.heap", "ui.navigation", *_module_imports(ROOT / "pages" / "karte.py")]
    code = (f"import importlib, sys\nfor name in {modules!r}: importlib.import_module(name)\n"
            f"print(','.join(m for m in {NOT_ON_THE_MAP_PAGE!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == ""
