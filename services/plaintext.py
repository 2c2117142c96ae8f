"""Data text (names, descriptions from import files) shown as exactly the text it is.

Streamlit renders most text as Markdown with extensions: GitHub autolinks turn
`https://…`, `www.…` and e-mail addresses into live links, `:material/warning:` and
`:smile:` become icons, `:red[…]` colours text, `$…$` becomes LaTeX. Backslash escapes
alone do not stop the icon and emoji syntax (Streamlit rewrites `:material/` in the source
before parsing), and the `www.` autolink fires on an escaped dot too, so colons, at signs,
dollar signs and a `www` before a dot also get an invisible WORD JOINER after them.

A right-to-left override (U+202E) inside a name would reverse the app's own text beside
it ("Stand 2030" shown as "0302 dnatS"). Each line of data text is therefore wrapped in a
Unicode isolate (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE): whatever direction
controls it holds end at its boundary, while Arabic or Hebrew names still read correctly.

Two functions, for the two kinds of places: `isolate` where nothing is interpreted
(st.text, dataframe cells, widget labels, HTML after html.escape), `markdown_literal` where
Markdown is. `markdown_filled` puts data text into one of our own sentences: each value gets
an isolate of its own, so an override in a name cannot reverse the words after it
("Stadtbezirk … · Datenjahr 2023").
"""

from __future__ import annotations

import re
from string import Formatter

FSI, PDI = "\u2068", "\u2069"
WORD_JOINER = "\u2060"
# Isolate controls in the data could close our isolate early; they carry no meaning a
# name needs (embeddings and overrides stay, confined by the isolate).
_ISOLATE_CONTROLS = re.compile("[\u2066\u2067\u2068\u2069]")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every char CommonMark can escape
_LINK_AND_ICON_MARKS = re.compile(r"([:@$])")  # icons/emoji, e-mail links, LaTeX
# GitHub's "www." autolink still fires on an escaped dot; a word joiner stops it
_WWW = re.compile(r"www(?=\.)", re.IGNORECASE)


def isolate(text: str) -> str:
    """Each line of `text` in its own bidi isolate; no other change."""
    lines = _ISOLATE_CONTROLS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(f"{FSI}{line}{PDI}" if line else "" for line in lines.split("\n"))


def markdown_literal(text: str) -> str:
    """`text` as Markdown that Streamlit shows literally: no links, icons, emphasis, LaTeX.

    Line breaks stay line breaks (Markdown hard breaks); each line is isolated.
    """
    return isolate(_escaped(text)).replace("\n", "  \n")


def markdown_filled(template: str, **values: object) -> str:
    """Our `template` with data `values` filled in, all shown literally (as
    markdown_literal), each value in an isolate of its own."""
    parts = []
    for literal, field, spec, _conversion in Formatter().parse(template):
        parts.append(_escaped(literal))
        if field is not None:
            parts.append(markdown_literal(format(values[field], spec or "")))
    return "".join(parts)


def _escaped(text: str) -> str:
    escaped = _ASCII_PUNCTUATION.sub(r"\\\1", _WWW.sub(lambda m: m.group(0) + WORD_JOINER, text))
    return _LINK_AND_ICON_MARKS.sub(lambda m: m.group(1) + WORD_JOINER, escaped)
