"""„Infoblatt erstellen“: the family's language and one button that builds and downloads the PDF.

The PDF is built only when the Lotse clicks (a deferred download): nothing is rendered on
every rerun, and the sheet is never written to disk or kept in session state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

import geopandas as gpd
import streamlit as st

from services.model import Office
from services.reports.referral_sheet import SheetOffer, referral_sheet_pdf
from services.texts import infoblatt as t
from services.texts.translations import SHEET_LANGUAGES, sheet_texts
from services.texts.ui import LANGUAGE_NAMES


def language_label(code: str) -> str:
    """"العربية – Arabisch": the family recognises its own script, the Lotse the German name."""
    if code == "de":
        return t.SHEET_GERMAN_ONLY
    return t.SHEET_OPTION.format(name=sheet_texts(code).name, german=LANGUAGE_NAMES[code])


def sheet_builder(
    entries: Sequence[SheetOffer], office: Office | None, districts: gpd.GeoDataFrame, language: str
) -> Callable[[], bytes]:
    """What the download button calls on click: the PDF of exactly these entries."""
    return partial(referral_sheet_pdf, tuple(entries), office, districts, language, date.today())


def referral_sheet_button(
    entries: Sequence[SheetOffer],
    office: Office | None,
    districts: gpd.GeoDataFrame,
    key: str = "infoblatt",
    default_language: str = "de",
) -> str:
    """The language picker and the download button; returns the chosen language code."""
    index = SHEET_LANGUAGES.index(default_language) if default_language in SHEET_LANGUAGES else 0
    language = st.selectbox(t.SHEET_LANGUAGE, SHEET_LANGUAGES, index=index, key=f"{key}_language",
                            format_func=language_label, help=t.SHEET_LANGUAGE_HELP)
    if not entries:
        st.caption(t.SHEET_EMPTY)
    st.download_button(
        t.SHEET_BUILD,
        data=sheet_builder(entries, office, districts, language),
        file_name=t.SHEET_FILE_NAME.format(language=language),
        mime="application/pdf",
        key=f"{key}_download",
        help=t.SHEET_BUILD_HELP,
        on_click="ignore",  # no rerun: the page stays as it is
        disabled=not entries,
        type="primary",
    )
    return language
