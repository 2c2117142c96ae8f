"""Data text (names, descriptions from import files) shown as exactly the text it is.

Streamlit renders most text as Markdown with extensions: GitHub autolinks turn
`https://…`, `www.…` and e-mail addresses into live links, `:material/warning:` and
`:smile:` become icons, `:red[…]` colours text, `$…$` becomes LaTeX. Backslash escapes
alone do not stop the icon and emoji syntax (Streamlit rewrites `:material/` in the source
before parsing), so colons, at signs and dollar signs also get an invisible WORD JOINER
after them.

A right-to-left override (U+202E) inside a name would reverse the app's own text beside
it ("Stand 2030" shown as "0302 dnatS"). Each line of data text is therefore wrapped in a
Unicode isolate (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE): whatever direction
controls it holds end at its boundary, while Arabic or Hebrew names still read correctly.

Two functions, for the two kinds of places: `isolate` where nothing is interpreted
(st.text, dataframe cells, HTML after html.escape), `markdown_literal` where Markdown is.
"""

from __future__ import annotations

import re

FSI, PDI = "\u2068", "\u2069"
WORD_JOINER = "\u2060"
# Isolate controls in the data could close our isolate early; they carry no meaning a
# name needs (embeddings and overrides stay, confined by the isolate).
_ISOLATE_CONTROLS = re.compile("[\u2066\u2067\u2068\u2069]")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every char CommonMark can escape
_LINK_AND_ICON_MARKS = re.compile(r"([:@$])")  # icons/emoji, e-mail links, LaTeX


def isolate(text: str) -> str:
    """Each line of `text` in its own bidi isolate; no other change."""
    lines = _ISOLATE_CONTROLS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(f"{FSI}{line}{PDI}" if line else "" for line in lines.split("\n"))


def markdown_literal(text: str) -> str:
    """`text` as Markdown that Streamlit shows literally: no links, icons, emphasis, LaTeX.

    Line breaks stay line breaks (Markdown hard breaks); each line is isolated.
    """
    escaped = _ASCII_PUNCTUATION.sub(r"\\\1", text)
    escaped = _LINK_AND_ICON_MARKS.sub(lambda m: m.group(1) + WORD_JOINER, escaped)
    return isolate(escaped).replace("\n", "  \n")
