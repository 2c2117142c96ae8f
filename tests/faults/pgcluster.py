"""A PostgreSQL cluster of the fault tests' own, which they may stop and start.

Never the shared test cluster (port 5433) other test runs use: this one is created with
Debian's cluster tools under its own name and a free port (5439 when free), and dropped
again afterwards. It needs root, as CI has (pg_createcluster).
"""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# One name per test process: two runs on one machine (developers side by side) must not
# create and drop each other's cluster.
NAME = f"qa_faults_{os.getpid()}"
PREFERRED_PORT = 5439


@dataclass(frozen=True)
class Cluster:
    version: str
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{NAME}:{NAME}@127.0.0.1:{self.port}/{NAME}"

    def stop(self) -> None:
        _run("pg_ctlcluster", self.version, NAME, "stop", "-m", "fast")

    def start(self) -> None:
        _run("pg_ctlcluster", self.version, NAME, "start")


def _run(*command: str, stdin: str | None = None) -> None:
    result = subprocess.run(command, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def _port() -> int:
    for port in (PREFERRED_PORT, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise AssertionError("no free port")


@pytest.fixture(scope="module")
def own_cluster() -> Iterator[Cluster]:
    if os.geteuid() != 0:
        pytest.fail("the PostgreSQL restart tests create a cluster of their own: run as root")
    versions = sorted(Path("/usr/lib/postgresql").iterdir(), key=lambda p: float(p.name))
    if not versions:
        pytest.fail("no PostgreSQL under /usr/lib/postgresql (scripts/setup.sh --dev)")
    version = versions[-1].name
    subprocess.run(["pg_dropcluster", "--stop", version, NAME], capture_output=True)  # leftover
    cluster = Cluster(version, _port())
    _run("pg_createcluster", version, NAME, "--port", str(cluster.port), "--start")
    try:
        _run("runuser", "-u", "postgres", "--", "psql", "--port", str(cluster.port),
             "--dbname", "postgres", "--quiet", "--set", "ON_ERROR_STOP=1",
             stdin=f"CREATE ROLE {NAME} LOGIN PASSWORD '{NAME}';"
                   f"CREATE DATABASE {NAME} OWNER {NAME};")
        yield cluster
    finally:
        subprocess.run(["pg_dropcluster", "--stop", version, NAME], capture_output=True)
