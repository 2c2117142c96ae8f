"""The app under a bench: one server with demo data (+ N synthetic offers), and visitors
without a browser that speak Streamlit's own protocol.

Shared by bench_load.py (filter changes under many sessions) and bench_memory.py (the
server's memory while imports replace the data). A visitor sends protobuf BackMsgs and reads
ForwardMsgs over /_stcore/stream with the `websockets` package that Streamlit itself depends
on; it reports the hashes of the large messages it already holds, as the browser's message
cache does. Nothing is rendered.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script

from bench_page import build_synthetic_db  # noqa: E402

from services.texts.ui import FILTER_FREE  # noqa: E402
from tests.e2e.appserver import app_process  # noqa: E402

COUNT_TEXT = "Angeboten passen"  # the map page's „… von … Angeboten passen“
RUN_TIMEOUT = 60.0  # a script run that takes longer counts as an error
STARTUP_TIMEOUT = 120.0


class AppFailed(RuntimeError):
    """The server did not start or failed while measured (message ends with its log)."""


@dataclass(frozen=True)
class App:
    address: str  # host:port
    process: subprocess.Popen
    env: dict[str, str]  # DATABASE_URL / QA_DATA_DIR: what a CLI run against it needs


@contextmanager
def served_app(offers: int = 0, root: Path = ROOT) -> Iterator[App]:
    """scripts/serve.py of `root` on a free 127.0.0.1 port with a temp QA_DATA_DIR: the demo
    data, plus (offers > 0) that many synthetic offers in a temp SQLite given as
    DATABASE_URL. ~/.local/share/quartiersatlas and a DATABASE_URL set outside stay untouched.

    A RuntimeError or TimeoutError inside (or at the start) becomes AppFailed with the end of
    the server's log: the reader sees why at once."""
    with tempfile.TemporaryDirectory(prefix="bench_app_") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "QA_TILES_URL")}
        env["QA_DATA_DIR"] = tmp
        if offers:
            env["DATABASE_URL"] = build_synthetic_db(Path(tmp) / "offers.db", offers)
        log = Path(tmp) / "streamlit.log"
        try:
            with app_process(env, log, root=root, timeout=STARTUP_TIMEOUT) as (url, process):
                yield App(url.removeprefix("http://"), process, env)
        except (RuntimeError, TimeoutError) as error:
            raise AppFailed(f"{error}\n{log.read_text(encoding='utf-8')[-2000:]}") from error


def connect(address: str):
    """A websocket to the app at host:port, as the browser opens it."""
    return websockets.connect(f"ws://{address}/_stcore/stream", subprotocols=["streamlit"],
                              max_size=None, open_timeout=RUN_TIMEOUT)


class Session:
    """One visitor of one page: its websocket and what it knows of the page (the id of the
    toggle it clicks, the count text, the large messages it holds).

    `page` is the page's URL path („versorgungsluecken“; "" for the map, the default page),
    sent with every rerun as the browser does after a direct link.
    """

    def __init__(self, socket_, page: str = "", toggle: str = FILTER_FREE) -> None:
        self.socket = socket_
        self.page = page
        self.toggle = toggle
        self.checkbox: str | None = None  # the toggle's widget id, once seen
        self.shown_page: str | None = None  # URL path of the page the app ran ("" default)
        self.count = ""
        self.cached: set[str] = set()

    async def rerun(self, widgets: dict[str, bool]) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = ""
        state.page_name = self.page
        for widget_id, value in widgets.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            widget.bool_value = value
        state.cached_message_hashes.extend(sorted(self.cached))
        await self.socket.send(msg.SerializeToString())

    async def read_run(self, on_count: Callable[[], object] | None = None) -> None:
        """Read ForwardMsgs until the script run finished; call on_count at a new count.
        An exception shown on the page raises RuntimeError (the app failed)."""
        while True:
            msg = ForwardMsg.FromString(await self.socket.recv())
            if msg.metadata.cacheable and msg.hash:
                self.cached.add(msg.hash)
            kind = msg.WhichOneof("type")
            if kind == "script_finished":
                return
            if kind == "navigation":
                self.shown_page = _url_path(msg.navigation)
            if kind != "delta" or msg.delta.WhichOneof("type") != "new_element":
                continue
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                raise RuntimeError(f"Ausnahme in der App: {element.exception.type}")
            if which == "checkbox" and element.checkbox.label == self.toggle:
                self.checkbox = element.checkbox.id
            elif (which == "markdown" and COUNT_TEXT in element.markdown.body
                  and element.markdown.body != self.count):
                self.count = element.markdown.body
                if on_count:
                    on_count()


def _url_path(navigation) -> str | None:
    """The URL path of the page st.navigation runs ("" for the default page)."""
    page = next((p for p in navigation.app_pages
                 if p.page_script_hash == navigation.page_script_hash), None)  # fmt: skip
    if page is None:
        return None
    return "" if page.is_default else page.url_pathname
