"""The sidebar shows only the filters a page applies, and keeps the others' values."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.filters import FIELDS
from ui import state

TIMEOUT = 90
APP = str(Path(__file__).resolve().parents[2] / "app.py")
ALL_KEYS = [state.widget_key(spec.name) for spec in FIELDS]

pytestmark = pytest.mark.usefixtures("demo_env")  # the module's demo database


def filter_keys(at: AppTest) -> list[str]:
    """The keys of the filter widgets in the sidebar, in their order."""
    keys = [w.key for kind in ("multiselect", "text_input", "checkbox") for w in at.sidebar.get(kind)]
    return [key for key in ALL_KEYS if key in keys]


def on_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    return at.run()


@pytest.mark.parametrize(
    ("page", "fields"),
    [
        ("pages/karte.py", [spec.name for spec in FIELDS]),
        ("pages/planung.py", ["age_groups", "needs"]),
        ("pages/bezirke.py", ["age_groups"]),
        ("pages/lotse.py", []),  # the Lotse's form has its own criteria
    ],
)
def test_each_page_shows_only_the_filters_it_applies(page, fields):
    at = on_page(AppTest.from_file(APP, default_timeout=TIMEOUT), page)
    assert not at.exception
    assert filter_keys(at) == [state.widget_key(name) for name in fields]


def test_a_filter_hidden_on_a_page_keeps_its_value_for_the_map():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.multiselect(key=state.widget_key("languages")).set_value(["ar"]).run()
    at.text_input(key=state.widget_key("text")).input("Familie").run()
    on_page(at, "pages/lotse.py")
    on_page(at, "pages/bezirke.py")
    on_page(at, "pages/karte.py")
    assert at.multiselect(key=state.widget_key("languages")).value == ["ar"]
    assert at.text_input(key=state.widget_key("text")).value == "Familie"
