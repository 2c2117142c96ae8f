"""Data text stays plain text: no links, icons, Markdown; direction controls stay inside."""

from __future__ import annotations

import re

import pytest

from services.plaintext import FSI, PDI, WORD_JOINER, isolate, markdown_filled, markdown_literal

NASTY = [
    "Mehr auf https://example.org/angebot und www.example.org oder WWW.example.org",
    "Kontakt: lotse@example.org",
    ":material/warning: Achtung :smile: :red[rot] $x^2$",
    "**fett** _kursiv_ [Link](http://x) <b>html</b> # Titel",
    "Name\u202e0302 dnatS",
    "1. Liste\n- Punkt\n> Zitat",
    "Arabisch: مركز الأسرة",
]


def visible(markdown: str) -> str:
    """What a CommonMark renderer shows: escapes resolved, invisible marks dropped."""
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown.replace("  \n", "\n"))
    return re.sub(f"[{FSI}{PDI}{WORD_JOINER}]", "", text)


@pytest.mark.parametrize("text", NASTY)
def test_markdown_literal_shows_exactly_the_text(text):
    assert visible(markdown_literal(text)) == text


@pytest.mark.parametrize("text", NASTY)
def test_no_markdown_syntax_survives_unescaped(text):
    out = markdown_literal(text)
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", out)
    assert not re.search(r"[!-/:-@\[-`{-~]", unescaped)  # every ASCII mark is escaped
    assert "://" not in out and "www." not in out and ":material" not in out
    assert "www." not in re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", out).lower()  # nor once unescaped
    assert not re.search(r"[:@$](?!\u2060)", out)  # icons, emoji, e-mail links, LaTeX


def test_a_right_to_left_override_ends_with_its_line():
    out = isolate("Name\u202e0302 dnatS\nzweite Zeile")
    assert out == f"{FSI}Name\u202e0302 dnatS{PDI}\n{FSI}zweite Zeile{PDI}"


def test_isolate_controls_in_the_data_cannot_close_the_isolate_early():
    assert isolate("a\u2069\u202eb\u2066") == f"{FSI}a\u202eb{PDI}"


def test_markdown_literal_keeps_line_breaks_and_each_line_isolated():
    assert markdown_literal("a\r\nb") == f"{FSI}a{PDI}  \n{FSI}b{PDI}"
    assert markdown_literal("") == ""


@pytest.mark.parametrize("text", NASTY)
def test_markdown_filled_shows_our_sentence_with_exactly_the_data(text):
    template = "Szenario „{name}“: {count:,} Angebote (50 % mehr) · Stand 2030"
    out = markdown_filled(template, name=text, count=1200)
    assert visible(out) == template.format(name=text, count=1200)
    assert "://" not in out and ":material" not in out and not re.search(r"[:@$](?!\u2060)", out)


def test_markdown_filled_ends_a_right_to_left_override_with_its_value():
    out = markdown_filled("Stadtbezirk {name} · Datenjahr {year}", name="\u202eMitte", year=2023)
    assert out == f"Stadtbezirk {FSI}\u202eMitte{PDI} · Datenjahr {FSI}2023{PDI}"
