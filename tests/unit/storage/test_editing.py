"""Editing on SQLite and PostgreSQL: versions, conflicts, audit in the same transaction,
history, restore, archive, „geprüft“ and imports' audit entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from services import editing
from services.importer import import_offers
from services.io.offers import write_offers
from services.storage import Repository, migrate
from tests.factories import full_offer, sparse_offer


@pytest.fixture
def repo(engine: sa.Engine) -> Repository:
    migrate(engine)
    repo = Repository(engine)
    editing.save(repo, sparse_offer(id="o2"), None, "anna")
    return repo


def test_a_new_record_starts_at_version_one_with_a_create_entry(repo):
    assert repo.version_of("offer", "o2") == 1
    [entry] = editing.history(repo, "offer", "o2")
    assert (entry.action, entry.actor, entry.version) == ("create", "anna", 1)
    assert entry.changes["name"] == ("", "Spielgruppe")


def test_an_edit_bumps_the_version_and_logs_old_and_new_values(repo):
    base = repo.get_offer("o2")
    entry = editing.save(repo, replace(base, name="Krabbelgruppe"), 1, "ben", base=base)
    assert (entry.action, entry.version, entry.changes) == (
        "edit", 2, {"name": ("Spielgruppe", "Krabbelgruppe")})
    assert repo.version_of("offer", "o2") == 2
    assert [e.version for e in editing.history(repo, "offer", "o2")] == [2, 1]


def test_the_form_loads_a_record_with_its_version_and_the_log_lists_changes(repo):
    base = repo.get_offer("o2")
    editing.save(repo, replace(base, name="Krabbelgruppe"), 1, "ben", base=base)
    record, version = editing.load(repo, "offer", "o2")
    assert (record.name, version) == ("Krabbelgruppe", 2)
    assert editing.load(repo, "office", "o2") == (None, None)
    log = editing.audit_log(repo)
    assert len(log) == 2 and log.iloc[0].tolist()[1:5] == ["ben", "bearbeitet", "offer:o2", 2]


def test_saving_unchanged_writes_no_entry_and_keeps_the_version(repo):
    base = repo.get_offer("o2")
    assert editing.save(repo, base, 1, "ben", base=base) is None
    assert repo.version_of("offer", "o2") == 1
    assert len(editing.history(repo, "offer", "o2")) == 1


def test_a_save_on_an_old_version_is_refused_with_their_changes(repo):
    base = repo.get_offer("o2")
    editing.save(repo, replace(base, name="Von Anna"), 1, "anna", base=base)
    mine = replace(base, description="Von Ben")
    with pytest.raises(editing.Conflict) as caught:
        editing.save(repo, mine, 1, "ben", base=base)
    conflict = caught.value
    assert (conflict.base_version, conflict.theirs_version, conflict.their_actor) == (1, 2, "anna")
    assert conflict.their_changes() == {"name": ("Spielgruppe", "Von Anna")}
    assert conflict.my_changes() == {"beschreibung": ("", "Von Ben")}
    assert repo.get_offer("o2").description == ""  # nothing of Ben's got in
    merged, version = editing.merge(conflict, conflict.default_choices())
    assert (merged.name, merged.description, version) == ("Von Anna", "Von Ben", 2)
    editing.save(repo, merged, version, "ben", base=conflict.theirs)
    assert repo.get_offer("o2") == merged


def test_take_theirs_and_keep_mine(repo):
    base = repo.get_offer("o2")
    editing.save(repo, replace(base, name="Von Anna"), 1, "anna", base=base)
    with pytest.raises(editing.Conflict) as caught:
        editing.save(repo, replace(base, name="Von Ben"), 1, "ben", base=base)
    assert editing.take_theirs(caught.value)[0].name == "Von Anna"
    mine, version = editing.keep_mine(caught.value)
    editing.save(repo, mine, version, "ben", base=caught.value.theirs)
    assert repo.get_offer("o2").name == "Von Ben"


def test_a_new_record_with_a_taken_id_is_refused_at_the_id_field(repo):
    with pytest.raises(editing.EditRefused) as caught:
        editing.save(repo, sparse_offer(id="o2", name="Doppelt"), None, "ben")
    assert set(caught.value.problems) == {"id"}


def test_a_failing_write_leaves_neither_the_change_nor_its_entry(repo, monkeypatch):
    """The audit entry is written in the change's transaction: a crash after it rolls
    both back."""
    base = repo.get_offer("o2")

    def crash(self, offers, versions=None):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Repository, "upsert_offers", crash)
    with pytest.raises(RuntimeError):
        editing.save(repo, replace(base, name="Neu"), 1, "ben", base=base)
    monkeypatch.undo()
    assert repo.get_offer("o2").name == "Spielgruppe"
    assert len(editing.history(repo, "offer", "o2")) == 1


def test_an_entry_that_cannot_be_written_rolls_back_the_change(repo, monkeypatch):
    base = repo.get_offer("o2")

    def crash(self, entries):
        raise RuntimeError("audit table gone")

    monkeypatch.setattr(Repository, "add_audit", crash)
    with pytest.raises(RuntimeError):
        editing.save(repo, replace(base, name="Neu"), 1, "ben", base=base)
    monkeypatch.undo()
    assert (repo.get_offer("o2").name, repo.version_of("offer", "o2")) == ("Spielgruppe", 1)


def test_restore_brings_back_an_old_version_as_a_new_edit(repo):
    base = repo.get_offer("o2")
    editing.save(repo, replace(base, name="Zwei", min_age=3.0), 1, "anna", base=base)
    second = repo.get_offer("o2")
    editing.save(repo, replace(second, name="Drei", phone="0204 1"), 2, "anna", base=second)
    entry = editing.restore(repo, "offer", "o2", 1, "ben")
    assert (entry.action, entry.version) == ("restore", 4)
    assert replace(repo.get_offer("o2"), district_id=None) == sparse_offer(id="o2")
    editing.restore(repo, "offer", "o2", 2, "ben")
    assert repo.get_offer("o2").name == "Zwei" and repo.get_offer("o2").phone == ""


def test_archive_sets_inactive_and_verified_sets_today(repo):
    assert editing.archive(repo, "o2", "ben").action == "archive"
    assert repo.get_offer("o2").status == "inactive"
    entry = editing.mark_verified(repo, "o2", "ben", today=date(2026, 11, 28))
    assert entry.changes == {"zuletzt_geprueft": ("", "2026-11-28")}
    assert repo.get_offer("o2").last_verified == date(2026, 11, 28)


def test_an_import_logs_one_entry_per_changed_record(repo, tmp_path: Path):
    path = tmp_path / "angebote.csv"
    offers = [full_offer(id="o1"), sparse_offer(id="o2"), sparse_offer(id="o3")]
    write_offers(offers, path)
    import_offers(repo, path, actor="cli")
    entries = repo.audit_entries("offer")
    assert sorted(e.record_id for e in entries if e.action == "import") == ["o1", "o3"]
    write_offers([replace(offers[0], name="Umbenannt"), *offers[1:]], path)
    import_offers(repo, path, actor="cli")
    latest = repo.audit_entries(limit=1)[0]
    assert (latest.record_id, latest.version, latest.changes["name"][1]) == ("o1", 2, "Umbenannt")
    assert repo.versions("offer") == {"o1": 2, "o2": 1, "o3": 1}
