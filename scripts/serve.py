"""Start the app: `streamlit run app.py`, with one Streamlit legacy switched off first.

Usage: `.venv/bin/python scripts/serve.py [streamlit options, e.g. --server.port 8502]`

Why not plain `streamlit run app.py`: because of the `pages/` folder beside app.py, Streamlit
(1.67) treats the first session of a new process as an old-style multipage app. A direct
link to a page (`/versorgungsluecken`, `/bezirksprofil?profil=11`, a link shared in a
council meeting) then gets a "Page not found" notice over the right page, and a path equal
to a file name (`/lotse`) runs that file alone, without the app's menu and settings. Only
the first session is affected: the first `st.navigation` call switches the legacy mode off
for the process (streamlit/streamlit#9992). Switching it off before the server starts gives
every visitor, the first included, the navigation of app.py.

`streamlit run app.py` still works (everything else is the same); deployments use this.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(options: list[str]) -> int:
    PagesManager.uses_pages_directory = False  # app.py's st.navigation decides, from the start
    _configure_logging()
    return cli.main(["run", str(APP), *options])


def _configure_logging() -> None:
    """QA_LOG_LEVEL (e.g. DEBUG) for the app's own loggers (services.*), as the CLI does;
    Streamlit's own loggers follow its option --logger.level. Neither logs a family's data."""
    logging.basicConfig(level=os.environ.get("QA_LOG_LEVEL", "WARNING").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
