import os

import pytest

from services.assets import JS_FILES, js_urls
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
