"""Every repository path the docs name in backticks exists, so stale references cannot
come back (a renamed module, a moved page, a deleted script)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
TOPS = ("app.py", "services", "ui", "pages", "scripts", "bench", "docs", "tests", "static",
        "deploy", "geodata")
_CODE = re.compile(r"`([^`\n]+)`")
_PATH = re.compile(rf"(?<![\w./<-])((?:{'|'.join(TOPS)})(?:/[\w.-]+)*/?)")
_PLACEHOLDER = re.compile(r"[<>*{}…]")


def _ignored() -> tuple[str, ...]:
    """What .gitignore keeps out of a checkout: generated and installed files, secrets."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip("/") for line in lines if line.startswith("/"))


def references(doc: Path) -> list[str]:
    """The repository paths in the doc's backticked spans (placeholders like <name> skipped)."""
    found = []
    for span in _CODE.findall(doc.read_text(encoding="utf-8")):
        for word in span.split():
            if not _PLACEHOLDER.search(word):
                found += [m.rstrip(".,;:") for m in _PATH.findall(word)]
    return found


def exists(reference: str) -> bool:
    """A file or folder, or `module.attribute` (services/filters.FIELDS) of an existing module."""
    if reference.startswith(_ignored()) or (ROOT / reference).exists():
        return True
    module, dot, _attribute = reference.partition(".")
    return bool(dot) and (ROOT / f"{module}.py").exists()


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_backticked_path_exists(doc):
    assert [r for r in references(doc) if not exists(r)] == []


def test_the_extraction_finds_paths_and_skips_placeholders(tmp_path):
    doc = tmp_path / "x.md"
    doc.write_text("`services/gone.py`, `python scripts/serve.py --x`, `pages/<name>.py`, "
                   "`services/filters.FIELDS`, `DATABASE_URL`", encoding="utf-8")
    assert references(doc) == ["services/gone.py", "scripts/serve.py", "services/filters.FIELDS"]
    assert [exists(r) for r in references(doc)] == [False, True, True]
