import gc
import weakref

from services import heap


def test_freezes_once_after_a_collection(monkeypatch):
    monkeypatch.setattr(heap, "_frozen", False)
    collected = []
    monkeypatch.setattr(heap.gc, "collect", lambda *args: collected.append(args) or 0)
    gc.unfreeze()
    try:
        heap.freeze_after_startup()
        frozen = gc.get_freeze_count()
        heap.freeze_after_startup()  # a second page run: nothing more is frozen or collected
        assert frozen > 0 and len(collected) == 1
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


class _Cycle:
    """Garbage that only the collector can free: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


def test_thaw_lets_the_collector_free_cyclic_garbage_that_was_frozen(monkeypatch):
    monkeypatch.setattr(heap, "_frozen", False)
    gc.unfreeze()
    try:
        garbage = _Cycle()
        watched = weakref.ref(garbage)
        heap.freeze_after_startup()
        del garbage
        gc.collect()
        assert watched() is not None  # frozen cyclic garbage is never collected …
        heap.thaw()
        heap.freeze_after_startup()  # … until thawed: the next page run collects it
        assert watched() is None
    finally:
        gc.unfreeze()


def test_a_new_data_version_thaws_the_heap_once(monkeypatch, tmp_path):
    from services.snapshot import shared_snapshot
    from services.storage import Repository, create_engine_for, migrate

    engine = create_engine_for(f"sqlite:///{tmp_path / 'qa.db'}")
    migrate(engine)
    repo = Repository(engine)
    thawed = []
    monkeypatch.setattr(heap, "thaw", lambda: thawed.append(True))
    shared_snapshot(repo)
    shared_snapshot(repo)  # the same version: nothing to release
    assert thawed == []
    with repo.writing():
        pass
    shared_snapshot(repo)  # the old snapshot is replaced: it may sit in the frozen heap
    assert thawed == [True]
