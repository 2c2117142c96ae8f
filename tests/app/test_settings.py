"""A mistyped setting stops the app with a German message naming the variable, not a traceback."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from services.plaintext import markdown_literal

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_a_mistyped_number_is_named_instead_of_a_page(demo_env):
    demo_env.setenv("QA_LIMIT_ROWS", "abc")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    message = "Die Umgebungsvariable QA_LIMIT_ROWS muss eine ganze Zahl größer als 0 sein, nicht „abc“"
    assert [e.value for e in at.error] == [markdown_literal(message)]  # shown literally
