"""The bounded geometry repair: a fresh child process, safe in a threaded server."""

from __future__ import annotations

import threading

import pytest
from shapely.geometry import Polygon

from services.repair import RepairTooCostly, repair, repair_bounded

BOWTIE = Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])
CORNERS = [(0, 0), (1000, 0), (1000, 1000), (0, 1000)]


def in_server_like_thread(work):
    """Run `work` in a worker thread while another thread holds a lock, as Streamlit's
    server does: a plain fork would copy the held lock into the child."""
    held, release = threading.Lock(), threading.Event()

    def holder():
        with held:
            release.wait()

    threading.Thread(target=holder, daemon=True).start()
    outcome = {}

    def worker():
        try:
            outcome["result"] = work()
        except Exception as exc:  # handed to the test below
            outcome["error"] = exc

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    release.set()
    return outcome


def test_a_bowtie_is_repaired_in_the_child_from_a_threaded_caller():
    outcome = in_server_like_thread(lambda: repair_bounded([BOWTIE, None], 60, 1024))
    changes, issues = outcome["result"]
    assert [(i.position, i.reason, i.repaired) for i in issues] == [
        (0, "Self-intersection[5 5]", True), (1, "empty", False)]
    assert changes[0].is_valid and changes[0].area == pytest.approx(50) and changes[1] is None
    assert (changes, issues) == repair([BOWTIE, None])  # the same as without a child


def test_a_ring_retracing_a_square_is_stopped_by_the_memory_bound():
    ring = Polygon(CORNERS * 6_250 + CORNERS[:1])  # the issue's 382 KB probe
    outcome = in_server_like_thread(lambda: repair_bounded([ring], 600, 256))
    assert isinstance(outcome.get("error"), RepairTooCostly)
