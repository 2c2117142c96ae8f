import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from services.assets import JS_FILES, js_urls, prune, publish
from services.config import Settings

SETTINGS = Settings("sqlite://", None, "", "/app/static")


@pytest.fixture
def static_dir(tmp_path):
    for number, path in enumerate(JS_FILES):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f"var part{number} = {number};\n", encoding="utf-8")
    return tmp_path


def test_the_map_scripts_come_as_one_bundle_in_their_order(static_dir):
    (url,) = js_urls(SETTINGS, static_dir)
    assert url.startswith("/app/static/vendor/bundle/map-") and url.endswith(".js")
    text = (static_dir / url.removeprefix("/app/static/")).read_text(encoding="utf-8")
    assert [text.index(f"var part{n}") for n in range(3)] == sorted(
        text.index(f"var part{n}") for n in range(3))


def test_a_changed_script_gets_a_new_bundle(static_dir):
    (before,) = js_urls(SETTINGS, static_dir)
    path = static_dir / JS_FILES[-1]
    path.write_text("var changed = 1;\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    (after,) = js_urls(SETTINGS, static_dir)
    assert after != before
    assert "var changed" in (static_dir / after.removeprefix("/app/static/")).read_text()


def test_separate_files_when_the_bundle_cannot_be_written(static_dir):
    (static_dir / "vendor" / "bundle").write_text("not a folder", encoding="utf-8")
    assert js_urls(SETTINGS, static_dir) == [f"/app/static/{path}" for path in JS_FILES]


def test_published_data_is_named_by_its_content_and_written_once(tmp_path):
    name = publish(tmp_path, "generated", "offers", ".json", b'{"rows":[]}')
    assert name.startswith("generated/offers-") and name.endswith(".json")
    assert (tmp_path / name).read_bytes() == b'{"rows":[]}'
    assert publish(tmp_path, "generated", "offers", ".json", b'{"rows":[]}') == name
    assert publish(tmp_path, "generated", "offers", ".json", b'{"rows":[1]}') != name


def test_parallel_writers_leave_one_whole_file_and_no_temporary_ones(tmp_path):
    data = b"x" * 3_000_000  # large enough for writes to overlap
    with ThreadPoolExecutor(8) as pool:
        names = set(pool.map(lambda _: publish(tmp_path, "generated", "offers", ".json", data),
                             range(16)))
    (name,) = names
    assert (tmp_path / name).read_bytes() == data
    assert [p.name for p in (tmp_path / "generated").iterdir()] == [name.split("/")[1]]


def test_a_deleted_file_is_published_again(tmp_path):
    name = publish(tmp_path, "generated", "offers", ".json", b"1")
    (tmp_path / name).unlink()
    assert publish(tmp_path, "generated", "offers", ".json", b"1") == name
    assert (tmp_path / name).read_bytes() == b"1"


def test_nothing_is_published_where_the_folder_cannot_be_written(tmp_path):
    (tmp_path / "generated").write_text("not a folder", encoding="utf-8")
    assert publish(tmp_path, "generated", "offers", ".json", b"1") is None


def test_pruning_removes_other_files_older_than_a_day_only(tmp_path):
    old, recent, current = (publish(tmp_path, "generated", "offers", ".json", data)
                            for data in (b"old", b"recent", b"current"))
    (tmp_path / "generated" / "other.txt").write_text("not ours", encoding="utf-8")
    two_days_ago = time.time() - 2 * 86_400
    for name in (old, current):
        os.utime(tmp_path / name, (two_days_ago, two_days_ago))
    prune(tmp_path, "generated", "offers", keep=current)
    left = sorted(p.name for p in (tmp_path / "generated").iterdir())
    assert left == sorted(["other.txt", recent.split("/")[1], current.split("/")[1]])


def test_a_deleted_bundle_is_written_again(static_dir):
    (url,) = js_urls(SETTINGS, static_dir)
    (static_dir / url.removeprefix("/app/static/")).unlink()
    assert js_urls(SETTINGS, static_dir) == [url]
    assert (static_dir / url.removeprefix("/app/static/")).is_file()
