"""Keeps Python's garbage collector off the long-lived heap of a server process.

After the first page run the process holds ~2,600 imported modules (pandas, geopandas,
folium, SQLAlchemy, Streamlit) and the cached data snapshot. A full collection walks all of
it (~0.1 s holding the GIL, while other sessions wait for their websocket messages), yet
none of it ever becomes garbage. gc.freeze() moves these objects out of the collector's
sight; later collections only walk what the page runs allocate.

A frozen object that later becomes cyclic garbage is never collected, though: the first
page run's session objects refer to the data snapshot in cycles, so after an import the
first snapshot would stay in memory for the life of the process. When a new data version
replaces the snapshot, `thaw()` hands the frozen heap back to the collector; the next page
run collects it and freezes again (one full collection per data version).
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_after_startup() -> None:
    """Collect once, then freeze everything alive; later calls do nothing.

    Call it after the first page run (every module imported, caches filled). The
    collect first, so that no cycle of that run's garbage is frozen (never freed).
    """
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Give the frozen heap back to the collector (the data it held was replaced), so the
    next freeze_after_startup() collects what became garbage and freezes again."""
    global _frozen
    if _frozen:
        _frozen = False
        gc.unfreeze()
