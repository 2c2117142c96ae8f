import gc

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
