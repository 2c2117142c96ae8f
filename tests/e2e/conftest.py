"""End-to-end fixtures: the real app under `streamlit run` (scripts/serve.py), driven by Debian's Chromium.

No test downloads a browser and no request may leave 127.0.0.1: Chromium resolves every
other host to nothing, and every request a page makes is recorded so that the tests can
assert that none went elsewhere. (Requests are observed, not intercepted: Playwright's
request interception slows Streamlit's lazily loaded widgets so much that they stay grey.)
Chromium itself and the `page` fixture live in tests/browser.py, shared with tests/faults.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, LOCAL, Guard  # noqa: F401  (used by e2e modules)
from tests.e2e.appserver import ROOT, serve_app

EVIL_NAMES = ("<img src=x onerror=alert(1)>", "${alert(1)}")
ADMIN = ("e2e-admin", "korrekt pferd batterie")  # a built-in account with the role admin
EVIL_DISTRICT = "42"  # the demo district renamed to an evil name
# Text that Streamlit's Markdown would turn into a link, an icon or reversed text
RLO_NAME = "Treff \u202eStand 2030"
MARKDOWN_TRAPS = {"website": "https://example.org/x", "email": "info@example.org",
                  "fee": ":material/warning: :red[rot] $x^2$"}
# A district whose name and Stadtbezirk hold a Markdown link, an icon code, a bare URL, an
# e-mail address and a right-to-left override (the profile and presentation show both).
HOSTILE_DISTRICT = "93"
HOSTILE_TRAPS = "[Hier klicken](https://evil.example) :material/warning: www.example.org info@example.org"
HOSTILE_NAME, HOSTILE_STADTBEZIRK = f"{HOSTILE_TRAPS} \u202eOst", f"{HOSTILE_TRAPS} \u202eMitte"


# The map's iframe. While a rerun replaces the component (new arguments), Streamlit briefly
# keeps the old iframe (height 0) before the new one: the newest is the last.
MAP = 'iframe[title="streamlit_folium.st_folium"] >> nth=-1'


def _write_evil_files(folder: Path) -> tuple[Path, Path]:
    """Offers and a district layer whose names are script injections or Markdown traps."""
    offers = folder / "evil_offers.csv"
    with offers.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "traeger", "bedarfe", "lat", "lon", "demo",
                         "website", "email", "kosten_hinweis"])
        writer.writerow(["evil-1", EVIL_NAMES[0], EVIL_NAMES[1], "lernen", "51.5450", "6.9000", "ja",
                         "", "", ""])
        writer.writerow(["evil-2", EVIL_NAMES[1], EVIL_NAMES[0], "sprache", "51.5600", "6.8850", "ja",
                         "", "", ""])
        writer.writerow(["evil-3", RLO_NAME, "Verein", "freizeit", "51.5650", "6.8800", "ja",
                         MARKDOWN_TRAPS["website"], MARKDOWN_TRAPS["email"], MARKDOWN_TRAPS["fee"]])
        # the offer test_editing.py renames (no other test looks at it)
        writer.writerow(["edit-1", "Treffpunkt am Kanal", "Verein", "freizeit", "51.5620", "6.8900",
                         "ja", "", "", ""])
    layer = json.loads((ROOT / "geodata" / "districts.geojson").read_text(encoding="utf-8"))
    for feature in layer["features"]:
        if str(feature["properties"]["id"]) == EVIL_DISTRICT:
            feature["properties"]["name"] = EVIL_NAMES[0]
        if str(feature["properties"]["id"]) == HOSTILE_DISTRICT:
            feature["properties"].update(name=HOSTILE_NAME, stadtbezirk=HOSTILE_STADTBEZIRK)
    districts = folder / "evil_districts.geojson"
    districts.write_text(json.dumps(layer), encoding="utf-8")
    return offers, districts


EDITOR, EDITOR_PASSWORD = "e2e-redaktion", "korrekt pferd batterie"


def _prepare_database(folder: Path, env: dict[str, str]) -> None:
    """The demo data plus the evil names, an admin and an editor, through the real CLI."""
    offers, districts = _write_evil_files(folder)
    for args in (["seed-demo"], ["import", "districts", str(districts)], ["import", "offers", str(offers)]):
        subprocess.run([sys.executable, "-m", "services.cli", *args], cwd=ROOT, env=env,
                       check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "services.cli", "user", "add", EDITOR, "--role",
                    "redaktion", "--passwort-stdin"], input=EDITOR_PASSWORD + "\n", text=True,
                   cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "services.cli", "user", "add", ADMIN[0], "--role", "admin",
                    "--passwort-stdin"], input=ADMIN[1] + "\n", text=True, cwd=ROOT, env=env,
                   check=True, capture_output=True)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    """The app on a free port, on the demo data plus offers and a district with evil names.

    It logs at DEBUG (the app's loggers and Streamlit's), so that the privacy checks of the
    server log (tests/e2e/test_lotse.py) look at everything a verbose server would write."""
    data_dir = tmp_path_factory.mktemp("appdata")
    env = {k: v for k, v in os.environ.items() if k != "QA_TILES_URL"}
    env.update(DATABASE_URL=f"sqlite:///{data_dir / 'e2e.db'}", PYTHONUNBUFFERED="1")
    _prepare_database(data_dir, env)
    env["QA_LOG_LEVEL"] = "DEBUG"
    with serve_app(env, data_dir / "streamlit.log", ("--logger.level", "debug")) as url:
        yield url


