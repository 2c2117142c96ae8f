"""What every page needs around its content: our layout CSS and lang="de".

Streamlit serves its index.html with lang="en", which makes screen readers read German
text with English rules. Streamlit has no option for it, so a tiny script sets
`document.documentElement.lang` in the page (st.html runs it in the page itself, not in
an iframe). Serving a patched index.html would survive without JavaScript but breaks with
every Streamlit upgrade; the map's own frame sets its lang in static/quartiersatlas.js.
"""

from __future__ import annotations

import streamlit as st

from services.config import STATIC_DIR

_LANG_SCRIPT = '<script>document.documentElement.lang = "de";</script>'


def setup() -> None:
    """Our page CSS and the page language; style-only HTML takes no room on the page."""
    css = (STATIC_DIR / "page.css").read_text(encoding="utf-8")
    st.html(f"<style>{css}</style>")
    st.html(_LANG_SCRIPT, unsafe_allow_javascript=True)
