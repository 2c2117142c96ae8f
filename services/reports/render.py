"""What every printable document shares: the Jinja2 environment of templates/ (autoescaped,
so every text from data is escaped) and the WeasyPrint call that refuses any URL.

WeasyPrint's Pango/HarfBuzz shaping joins Arabic and Farsi letters correctly; fonts are
Debian's Noto fonts (fonts-noto-core). Nothing is fetched: maps and charts are inline SVG.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

TEMPLATES = Path(__file__).with_name("templates")

ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
)


def render_pdf(html: str, stylesheet: str, what: str) -> bytes:
    """HTML and a stylesheet of templates/ as PDF bytes; `what` names the document in errors."""
    from weasyprint import CSS, HTML  # imported late: loading Pango takes a moment

    def refuse_fetch(url: str, *args, **kwargs):
        """The documents have no external resources; anything that asks for one is a bug
        or an attack."""
        raise ValueError(f"{what}: external resource refused: {url[:80]}")

    document = HTML(string=html, url_fetcher=refuse_fetch)
    return document.write_pdf(stylesheets=[CSS(filename=str(TEMPLATES / stylesheet))])
