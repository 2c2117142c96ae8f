"""The Infoblatt: its HTML (escaping, labels, no family data) and the real PDF per language.

The PDF checks use poppler (pdftotext, pdftoppm, pdffonts, pdfinfo), as a reader would see
the file. Arabic is also rendered to pixels: pdftotext still "finds" Arabic text that was
drawn as empty boxes (tofu), so the glyphs are compared with a render made while the Arabic
fonts were hidden from fontconfig.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from services.plaintext import FSI, PDI
from services.reports.referral_sheet import (
    SheetOffer,
    referral_sheet_html,
    referral_sheet_pdf,
    sheet_offers,
    tel_uri,
)
from services.shortlist import Shortlist
from services.texts.translations import SHEET_LANGUAGES, sheet_texts
from tests.factories import full_offer, sparse_offer
from tests.unit.reports.helpers import CREATED, districts, entries, office

ROOT = Path(__file__).resolve().parents[3]
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NOTO = Path("/usr/share/fonts/truetype/noto")
LATIN_ONLY = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")
DPI = 100


@functools.cache
def pdf(language: str) -> bytes:
    return referral_sheet_pdf(entries(), office(), districts(), language, CREATED)


def html(language: str = "tr", items: list[SheetOffer] | None = None, the_office=None) -> str:
    """The sheet's HTML without the bidi isolates around data texts (tested on their own)."""
    page = referral_sheet_html(items or entries(), the_office, districts(), language, CREATED)
    return page.replace(FSI, "").replace(PDI, "")


def poppler(tool: str, *args: str | Path) -> str:
    return subprocess.run([tool, *map(str, args)], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def pdf_text(path: Path) -> list[str]:
    """Lines of pdftotext output without bidi controls and with single spaces."""
    text = BIDI_CONTROLS.sub("", poppler("pdftotext", path, "-"))
    return [" ".join(line.split()) for line in text.splitlines()]


def words(text: str) -> list[str]:
    return [w.strip(":،,.") for w in text.split()]


# HTML -----------------------------------------------------------------------------------


def test_every_text_from_data_is_escaped():
    attack = "<img src=x onerror=alert(1)>"
    offer = full_offer(name=attack, address="{{ 7*7 }} <b>", hours_note="<script>x</script>")
    the_office = replace(office(), name=attack, contact="<b>Sprechstunde</b>")
    page = html("ar", [SheetOffer(offer, "<i>nah</i>", "<u>Notiz</u>")], the_office)
    for raw in (attack, "<b>", "<script>", "<i>nah", "<u>Notiz", "<b>Sprechstunde"):
        assert raw not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{{ 7*7 }}" in page  # printed as typed, not evaluated


def test_data_texts_are_bidi_isolated_so_an_override_cannot_reverse_the_sheet():
    offer = full_offer(name="Treff \u202eStand 2030", address="Hauptweg \u202e12")
    page = referral_sheet_html([SheetOffer(offer, "ca. 300 m")], office(), districts(), "de", CREATED)
    assert f"{FSI}Treff \u202eStand 2030{PDI}" in page
    assert f"{FSI}Hauptweg \u202e12{PDI}, {FSI}46236{PDI} {FSI}Bottrop-Kirchhellen{PDI}" in page


def test_german_and_translated_labels_side_by_side():
    page = html("tr")
    texts = sheet_texts("tr")
    for text in (texts.title, texts.needs, texts.hours, "Bilgi sayfası", "Öğrenme ve ödev",
                 "Infoblatt: Angebote in Ihrer Nähe", "Lernen &amp; Hausaufgaben"):  # fmt: skip
        assert text in page
    assert 'lang="tr" dir="ltr"' in page
    assert "Pzt 09:00–12:00, 14:00–16:00" in page  # weekdays translated, times kept


def test_right_to_left_languages_are_marked_rtl_and_use_the_arabic_comma():
    for code in ("ar", "fa"):
        page = html(code)
        assert f'lang="{code}" dir="rtl"' in page
        assert "، " in page


def test_german_only_sheet_has_no_translation_and_no_machine_note():
    page = html("de")
    assert 'class="tr"' not in page
    assert sheet_texts("de").machine_note not in page
    assert "Hilft bei" in page


def test_machine_translations_say_so():
    page = html("uk")
    assert "Übersetzung maschinell, ungeprüft" in page
    assert sheet_texts("uk").machine_note in page


def test_demo_entries_are_labelled_in_both_languages():
    page = html("pl")
    texts = sheet_texts("pl")
    # only the full offer is a demo entry; the other two and the office are not
    assert page.count(texts.demo_item) == 1
    assert page.count("Demo-Eintrag (erfunden)") == 1
    demo_office = html("pl", the_office=replace(office(), is_demo=True))
    assert demo_office.count("Demo-Eintrag (erfunden)") == 2


def test_no_family_data_unless_the_lotse_typed_a_note():
    without = html("en")
    assert "Notiz" not in without and "Note" not in without
    noted = html("en", [SheetOffer(full_offer(), "ca. 300 m", "Termin am Dienstag")])
    assert "Termin am Dienstag" in noted and "Notiz" in noted


def test_costs_hours_and_languages_fall_back_honestly():
    page = html("en")
    assert "kostenpflichtig – 5 € im Monat" in page and "fee charged" in page
    assert "kostenlos" in page and "free of charge" in page
    assert "nach Vereinbarung" in page  # the German hours note, when there are no slots
    assert "please ask" in page  # costs of the sparse offer are not known
    assert "Deutsch, Arabisch" in page and "German, Arabic" in page


def test_a_course_prints_its_period_and_an_offer_without_one_no_line():
    course = full_offer(valid_from=date(2026, 9, 1), valid_to=date(2027, 7, 9))
    page = html("uk", [SheetOffer(course, "ca. 300 m"), SheetOffer(sparse_offer(), "ca. 400 m")])
    assert "Zeitraum" in page and sheet_texts("uk").period in page
    assert "01.09.2026 – 09.07.2027" in page
    assert page.count("Zeitraum") == 1
    starting = html("de", [SheetOffer(full_offer(valid_from=date(2027, 4, 1), valid_to=None))])
    assert "01.04.2027 –<" in starting


def test_qr_codes_for_website_or_phone_only():
    page = html("de")
    assert page.count('class="segno"') == 2  # website, phone; the sparse offer has neither
    assert "Webseite" in page and "Anrufen" in page


@pytest.mark.parametrize(
    "phone, uri",
    [
        ("02041 99123", "tel:+49204199123"),
        ("+49 (2041) 70-0", "tel:+492041700"),
        ("0049 2041 123456", "tel:+492041123456"),
        ("0176/1234567", "tel:+491761234567"),
        ("", ""),
        ("folgt", ""),
    ],
)
def test_tel_uri(phone, uri):
    assert tel_uri(phone) == uri


def test_sheet_offers_follow_the_shortlist_and_skip_vanished_offers():
    offers = {"o1": full_offer(), "o2": sparse_offer()}
    shortlist = Shortlist().add("o2").add("gone").add("o1", note="anrufen")
    result = sheet_offers(shortlist, offers, {"o1": "ca. 300 m"})
    assert [(s.offer.id, s.distance, s.note) for s in result] == [
        ("o2", "", ""),
        ("o1", "ca. 300 m", "anrufen"),
    ]


def test_an_empty_sheet_or_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        referral_sheet_html([], None, districts(), "de", CREATED)
    with pytest.raises(KeyError):
        html("xx")


# PDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", SHEET_LANGUAGES)
def test_pdf_shows_translated_heading_and_every_offer_name(language, tmp_path):
    path = tmp_path / f"{language}.pdf"
    path.write_bytes(pdf(language))
    lines = pdf_text(path)
    text = "\n".join(lines)
    title = sheet_texts(language).title
    assert any(all(w in line for w in words(title)) for line in lines), title
    assert "Infoblatt: Angebote in Ihrer Nähe" in text
    for entry in entries():
        assert entry.offer.name in text
    assert "Quartiersbüro Feuerbachstraße" in text
    assert re.search(r"Page size: +595.276 x 841.89 pts \(A4\)", poppler("pdfinfo", path))


def test_pdf_contains_no_family_data_and_no_links_to_fetch(tmp_path):
    path = tmp_path / "de.pdf"
    path.write_bytes(pdf("de"))
    text = "\n".join(pdf_text(path))
    assert "Notiz" not in text
    assert b"/URI" not in pdf("de")  # nothing clickable that would call out


def test_arabic_glyphs_are_drawn_not_empty_boxes(tmp_path):
    """Render page 1 as it is and with the Arabic fonts hidden (boxes): the Arabic words
    must look different, while the German title, in the same place in both, looks the same."""
    good = tmp_path / "ar.pdf"
    good.write_bytes(pdf("ar"))
    boxes = tmp_path / "ar-without-arabic-fonts.pdf"
    subprocess.run(
        [sys.executable, "-m", "tests.unit.reports.helpers", "ar", str(boxes)],
        check=True, cwd=ROOT, env=_latin_fonts_only(tmp_path),
    )  # fmt: skip
    assert "Arabic" in poppler("pdffonts", good)
    assert "Arabic" not in poppler("pdffonts", boxes)

    arabic, german = _word_boxes(good)
    good_page, boxes_page = _render(good, tmp_path / "good"), _render(boxes, tmp_path / "boxes")
    assert _difference(good_page, boxes_page, german) < 0.01
    assert _difference(good_page, boxes_page, arabic) > 0.1  # measured: 0.25
    assert _ink(good_page, arabic) > 0.04  # measured: 0.10 (blank paper: 0)


def _latin_fonts_only(tmp_path: Path) -> dict[str, str]:
    """A fontconfig setup that knows only Noto Sans (Latin, Cyrillic), no Arabic script."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in LATIN_ONLY:
        (fonts / name).symlink_to(NOTO / name)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>"
    )
    return os.environ | {"FONTCONFIG_FILE": str(config), "PYTHONPATH": str(ROOT)}


Box = tuple[float, float, float, float]


def _word_boxes(path: Path) -> tuple[list[Box], list[Box]]:
    """Page 1's Arabic words, and the words of the German title, in pixels at DPI."""
    page = poppler("pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-")
    arabic, german = [], []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    for *coords, word in re.findall(pattern, page):
        box = tuple(float(c) * DPI / 72 for c in coords)
        if re.search("[\u0600-\u06ff]", word):
            arabic.append(box)
        elif word in ("Infoblatt:", "Angebote", "Ihrer") and len(german) < 3:
            german.append(box)  # the title: the first line of the page
    assert len(arabic) > 20 and len(german) >= 3
    return arabic, german


def _render(path: Path, prefix: Path) -> Image.Image:
    poppler("pdftoppm", "-f", "1", "-l", "1", "-r", str(DPI), "-gray", "-png",
            "-singlefile", path, prefix)  # fmt: skip
    return Image.open(f"{prefix}.png").convert("L")


def _difference(a: Image.Image, b: Image.Image, boxes: list[Box]) -> float:
    """Share of pixels inside the boxes whose grey differs by more than a third."""
    changed = total = 0
    for box in boxes:
        diff = ImageChops.difference(a.crop(box), b.crop(box))
        histogram = diff.histogram()
        changed += sum(histogram[85:])
        total += sum(histogram)
    return changed / total


def _ink(image: Image.Image, boxes: list[Box]) -> float:
    """Share of dark pixels inside the boxes."""
    dark = total = 0
    for box in boxes:
        histogram = image.crop(box).histogram()
        dark += sum(histogram[:128])
        total += sum(histogram)
    return dark / total
