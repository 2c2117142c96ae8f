"""The Infoblatt's translations mirror the German reference field by field."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from services.taxonomy import NEEDS
from services.texts.translations import SHEET_LANGUAGES, sheet_texts

GERMAN = sheet_texts("de")
OTHERS = [code for code in SHEET_LANGUAGES if code != "de"]
REQUIRED = {"de", "ar", "tr", "uk", "ru", "pl", "ro", "bg", "en", "fa"}


def test_the_required_languages_are_offered():
    assert set(SHEET_LANGUAGES) == REQUIRED
    assert SHEET_LANGUAGES[0] == "de"


@pytest.mark.parametrize("code", SHEET_LANGUAGES)
def test_every_field_is_filled(code):
    texts = sheet_texts(code)
    assert texts.code == code
    for field in fields(texts):
        value = getattr(texts, field.name)
        if isinstance(value, str):
            assert value.strip(), field.name
    assert len(texts.weekdays) == 7 and all(texts.weekdays)
    assert set(texts.need_labels) == {n.code for n in NEEDS}
    assert set(texts.language_names) == set(GERMAN.language_names)
    assert "{date}" in texts.created


@pytest.mark.parametrize("code", OTHERS)
def test_translations_differ_from_german_and_are_marked_unreviewed(code):
    texts = sheet_texts(code)
    assert not texts.reviewed  # until a native speaker has checked the file
    assert texts.title != GERMAN.title
    assert texts.need_labels["lernen"] != GERMAN.need_labels["lernen"]


@pytest.mark.parametrize("code", SHEET_LANGUAGES)
def test_direction_follows_the_script(code):
    texts = sheet_texts(code)
    arabic_script = bool(re.search("[\u0600-\u06ff]", texts.title))
    assert (texts.direction == "rtl") == arabic_script == (code in {"ar", "fa"})


def test_german_reference_uses_the_catalogue_labels():
    from services.texts.catalogue import NEED_LABELS

    assert GERMAN.need_labels == NEED_LABELS and GERMAN.reviewed


def test_unknown_language_is_refused():
    with pytest.raises(KeyError):
        sheet_texts("xx")
