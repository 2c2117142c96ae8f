"""Archiving Quartiersbüros on SQLite and PostgreSQL: the status column of migration 0008,
archive and reactivate with their audit entries in the same transaction, the snapshot
keeping archived offices out of every public view, and imports carrying the status."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from services import editing
from services.importer import import_offices
from services.io.errors import ImportFailed
from services.io.offices import read_offices, write_offices
from services.snapshot import load_snapshot
from services.storage import Repository, migrate, schema
from services.storage.repository import MIGRATIONS_DIR
from tests.unit.io.helpers import office


@pytest.fixture
def repo(engine: sa.Engine) -> Repository:
    migrate(engine)
    repo = Repository(engine)
    editing.save(repo, office(id="b1"), None, "anna")
    editing.save(repo, office(id="b2", name="Quartiersbüro Eigen"), None, "anna")
    return repo


def test_0008_keeps_every_existing_office_active(engine: sa.Engine):
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0007")
    row = {c.name: "x" for c in schema.offices.columns if c.name not in ("status", "version")}
    row |= {"lat": 51.5, "lon": 6.9, "is_demo": False, "district_id": None,
            "opening_hours": "[]", "position_precision": "exact"}
    with engine.begin() as conn:
        conn.execute(sa.insert(sa.table("offices", *(sa.column(n) for n in row))), [row])
    migrate(engine)
    stored = Repository(engine).get_office("x")
    assert (stored.status, Repository(engine).version_of("office", "x")) == ("active", 1)


def test_new_offices_are_active(repo: Repository):
    assert [o.status for o in repo.offices()] == ["active", "active"]


def test_archive_and_reactivate_are_logged_with_a_new_version(repo: Repository):
    entry = editing.archive(repo, "b1", "ben", "office")
    assert (entry.action, entry.actor, entry.record_kind, entry.version, entry.changes) == (
        "archive", "ben", "office", 2, {"status": ("aktiv", "inaktiv")})
    assert repo.get_office("b1").status == "inactive"
    assert editing.archive(repo, "b1", "ben", "office") is None  # archived already: no entry
    entry = editing.reactivate(repo, "b1", "carla", "office")
    assert (entry.action, entry.version, entry.changes) == (
        "restore", 3, {"status": ("inaktiv", "aktiv")})
    assert [e.action for e in editing.history(repo, "office", "b1")] == [
        "restore", "archive", "create"]
    assert repo.get_office("b2").status == "active"  # the other office is untouched


def test_archiving_an_unknown_office_is_refused_in_german(repo: Repository):
    with pytest.raises(editing.EditRefused) as caught:
        editing.archive(repo, "gibt-es-nicht", "ben", "office")
    assert caught.value.problems == {"": "Der Eintrag „gibt-es-nicht“ existiert nicht (mehr)."}


def test_an_archive_whose_entry_fails_leaves_the_office_active(repo, monkeypatch):
    def crash(self, entries):
        raise RuntimeError("audit table gone")

    monkeypatch.setattr(Repository, "add_audit", crash)
    with pytest.raises(RuntimeError):
        editing.archive(repo, "b1", "ben", "office")
    monkeypatch.undo()
    assert (repo.get_office("b1").status, repo.version_of("office", "b1")) == ("active", 1)
    assert len(editing.history(repo, "office", "b1")) == 1


def test_restoring_the_version_before_the_archive_reactivates(repo: Repository):
    editing.archive(repo, "b1", "ben", "office")
    editing.restore(repo, "office", "b1", 1, "carla")
    assert repo.get_office("b1").status == "active"


def test_the_snapshot_keeps_archived_offices_out_of_the_public_views(repo: Repository):
    editing.archive(repo, "b2", "ben", "office")
    snap = load_snapshot(repo)
    assert [o.id for o in snap.offices] == ["b1"]
    assert [o.id for o in snap.archived_offices] == ["b2"]
    assert snap.office("b2") is None and snap.office("b1") is not None
    assert [o.id for o in snap.all_offices] == ["b1", "b2"]
    assert snap.office_names["b2"] == "Quartiersbüro Eigen"  # old reports still name it


def test_a_file_import_carries_the_status_and_logs_it(repo: Repository, tmp_path: Path):
    path = tmp_path / "bueros.csv"
    write_offices([repo.get_office("b1"), replace(repo.get_office("b2"), status="inactive")],
                  path)
    assert "inaktiv" in path.read_text(encoding="utf-8-sig")
    import_offices(repo, path, actor="cli")
    assert [o.status for o in repo.offices()] == ["active", "inactive"]
    [entry] = [e for e in editing.history(repo, "office", "b2") if e.action == "import"]
    assert entry.changes == {"status": ("aktiv", "inaktiv")}


def test_an_office_file_without_a_status_column_imports_active(tmp_path: Path):
    path = tmp_path / "bueros.csv"
    write_offices([office()], path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    keep = [i for i, column in enumerate(header) if column != "status"]
    path.write_text("\n".join(";".join(line.split(";")[i] for i in keep) for line in lines),
                    encoding="utf-8")
    assert [o.status for o in read_offices(path)] == ["active"]


def test_a_bad_status_is_refused_naming_the_column(tmp_path: Path):
    path = tmp_path / "bueros.csv"
    write_offices([office()], path)
    text = path.read_text(encoding="utf-8-sig").replace(";aktiv;", ";geschlossen;")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_offices(path)
    [problem] = caught.value.problems
    assert problem.field == "status"
    assert "geschlossen" in problem.message and "aktiv, inaktiv" in problem.message
