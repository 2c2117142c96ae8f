"""The app's pages and who sees them in the menu (app.py hands them to st.navigation).

Visibility is a convenience: a Verwaltung page stays registered (hidden) for people
without its role, so that a direct URL reaches the page's own `require_role`, which shows
the German refusal instead of the data. The page checks; the menu only tidies up.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from services.auth import has_role
from services.texts import analysis, nearby, profile, ui
from services.texts import auth as auth_text
from services.texts import editing as editing_text
from services.texts import upload as upload_text
from ui.auth import current_principal


@dataclass(frozen=True, slots=True)
class PageSpec:
    path: str
    title: str
    icon: str
    roles: tuple[str, ...] = ()  # empty: public
    default: bool = False
    url_path: str | None = None


# URL paths in German words a family or a council member can read in a link. Under plain
# `streamlit run app.py`, a new process's first session resolves a direct visit against the
# legacy pages/ folder ("/lotse" would run pages/lotse.py alone); scripts/serve.py switches
# that legacy off, and paths unlike the file names keep even plain `streamlit run` safe.
PUBLIC = (
    PageSpec("pages/karte.py", ui.PAGE_MAP, "🗺️", default=True),
    PageSpec("pages/lotse.py", nearby.PAGE_TITLE, "🧭", url_path="angebote-in-der-naehe"),
    PageSpec("pages/bezirke.py", profile.PAGE_TITLE, "📊", url_path="bezirksprofil"),
    PageSpec("pages/planung.py", analysis.PAGE_GAPS, "🧮", url_path="versorgungsluecken"),
)
ADMIN = (
    PageSpec("pages/verwaltung/daten.py", upload_text.PAGE_TITLE, "📤", ("admin", "redaktion")),
    PageSpec("pages/verwaltung/angebote.py", editing_text.PAGE_OFFERS, "✏️", ("redaktion",),
             url_path="angebote"),
    PageSpec("pages/verwaltung/protokoll.py", editing_text.PAGE_LOG, "📜", ("admin",),
             url_path="protokoll"),
)


def _page(spec: PageSpec, visible: bool = True) -> st.Page:
    return st.Page(spec.path, title=spec.title, icon=spec.icon, default=spec.default,
                   url_path=spec.url_path, visibility="visible" if visible else "hidden")


def pages() -> dict[str, list[st.Page]]:
    """Sections for st.navigation: the public pages, and „Verwaltung“ with the pages the
    current person holds a role for (the others hidden, but reachable to be refused)."""
    principal = current_principal()
    mine = [spec for spec in ADMIN if has_role(principal, *spec.roles)]
    hidden = [_page(spec, visible=False) for spec in ADMIN if spec not in mine]
    sections = {auth_text.SECTION_PUBLIC: [_page(spec) for spec in PUBLIC] + hidden}
    if mine:
        sections[auth_text.SECTION_ADMIN] = [_page(spec) for spec in mine]
    return sections
