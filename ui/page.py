"""What every page needs around its content: our layout CSS, lang="de", a German name
for the map's frame.

Streamlit serves its index.html with lang="en", which makes screen readers read German
text with English rules. Streamlit has no option for it, so a tiny script sets
`document.documentElement.lang` in the page (st.html runs it in the page itself, not in
an iframe). Serving a patched index.html would survive without JavaScript but breaks with
every Streamlit upgrade; the map's own frame sets its lang in static/quartiersatlas.js.
The same script gives component frames a German accessible name (aria-label wins over
the title "streamlit_folium.st_folium" that Streamlit sets and screen readers would read).
"""

from __future__ import annotations

import streamlit as st

from services.config import STATIC_DIR
from services.map.jsbridge import js_json
from services.texts import ui

_SCRIPT = """<script>
document.documentElement.lang = "de";
(function (names) {
  function label() {
    Object.keys(names).forEach(function (title) {
      document.querySelectorAll('iframe[title="' + title + '"]:not([aria-label])')
        .forEach(function (frame) { frame.setAttribute("aria-label", names[title]); });
    });
  }
  label();
  new MutationObserver(label).observe(document.body, { childList: true, subtree: true });
})(%s);
</script>"""


def styles() -> None:
    """Our page CSS (the map frame's height, paddings); style-only HTML takes no room on the
    page, so it can come first and the map's frame gets its height right away."""
    css = (STATIC_DIR / "page.css").read_text(encoding="utf-8")
    st.html(f"<style>{css}</style>")


def setup() -> None:
    """The page language and the frames' German names (a script: it takes a little room)."""
    st.html(_SCRIPT % js_json(ui.FRAME_NAMES), unsafe_allow_javascript=True)


_SCROLL_SCRIPT = """<script>
var qaFor = %s;  // the selection: new content, so the script runs again
if (window.matchMedia("(max-width: 640px)").matches) {
  var target = document.getElementById(%s);
  if (target) { target.scrollIntoView({ behavior: "smooth", block: "start" }); }
}
</script>"""


def scroll_into_view_on_phones(anchor: str, token: str) -> None:
    """On a phone, where the details are below the map, bring them into view. Streamlit runs
    an html element's script when its content changes, so `token` (the selection) makes it
    run once per new selection, not on every rerun."""
    st.html(_SCROLL_SCRIPT % (js_json(token), js_json(anchor)),
            unsafe_allow_javascript=True)
