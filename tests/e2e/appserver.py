"""Starting the app under test: a free port and waiting until Streamlit answers.

Shared by the end-to-end fixtures (conftest.py, test_replicas.py) and the bench scripts.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")


@contextmanager
def app_process(env: dict[str, str], log: Path, options: tuple[str, ...] = (),
                port: int | None = None, root: Path = ROOT,
                timeout: float = 60) -> Iterator[tuple[str, subprocess.Popen]]:  # fmt: skip
    """The app of `root` as deployments start it (scripts/serve.py) on `port` (default: a
    free one); yields its URL and the process (the benches read its memory and CPU time).
    `options` are further Streamlit options, e.g. ("--logger.level", "debug")."""
    port = port or free_port()
    with log.open("w") as handle:
        process = subprocess.Popen(
            [sys.executable, "scripts/serve.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *options],
            cwd=root, env=env, stdout=handle, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for_health(url, process, timeout)
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=20)


@contextmanager
def serve_app(env: dict[str, str], log: Path, options: tuple[str, ...] = (),
              port: int | None = None) -> Iterator[str]:  # fmt: skip
    """The app (scripts/serve.py) on `port` (default: a free one); yields its URL."""
    with app_process(env, log, options, port) as (url, _):
        yield url
