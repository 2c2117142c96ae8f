"""„Bedarf anmelden“: the note check, the checked record, periods, listing, export, counts."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from services.addresses import AddressIndex
from services.model import Address
from services.unmet_need import (
    NOTE_MAX_LENGTH,
    NeedCount,
    UnmetNeed,
    UnmetNeedRefused,
    known_street_problems,
    note_problems,
)
from services.unmet_needs import (
    LISTING_COLUMNS,
    count_by_district_and_need,
    export_bytes,
    export_unmet_needs,
    listing_rows,
    month_period,
    new_unmet_need,
    office_listing,
    office_periods,
    per_district,
)

# The note check --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note, kind, found",
    [
        ("Familie wohnt Feuerbachstraße 13", "Anschrift", "Feuerbachstraße 13"),
        ("Hauptstr. 5a, 2. OG", "Anschrift", "Hauptstr. 5a"),
        ("Am Markt 3", "Anschrift", "Am Markt 3"),
        ("gladbecker str 50", "Anschrift", "gladbecker str 50"),
        ("feuerbachstr.13", "Anschrift", "feuerbachstr.13"),
        ("Horster Straße 228", "Anschrift", "Horster Straße 228"),
        ("Gladbecker Strasse 12 b", "Anschrift", "Gladbecker Strasse 12 b"),
        ("Ernst-Wilczok-Platz 1", "Anschrift", "Ernst-Wilczok-Platz 1"),
        ("Birkenweg 7", "Anschrift", "Birkenweg 7"),
        ("Im Beckedal 4", "Anschrift", "Im Beckedal 4"),
        ("In der Welheimer Mark 12", "Anschrift", "In der Welheimer Mark 12"),
        ("Mail: max.muster@web.de", "E-Mail-Adresse", "max.muster@web.de"),
        ("max.muster (at) gmx.de", "E-Mail-Adresse", "max.muster (at) gmx.de"),
        ("Tel. 0176 12345678", "Telefonnummer", "Tel. 0176 12345678"),
        ("Rückruf unter 02041/70-0", "Telefonnummer", "02041/70-0"),
        ("erreichbar +49 2041 123456", "Telefonnummer", "+49 2041 123456"),
        ("(02041) 123456", "Telefonnummer", "02041) 123456"),
        ("Handy: 123 45 67", "Telefonnummer", "Handy: 123 45 67"),
        ("Frau Yılmaz braucht Hilfe", "Namen", "Frau Yılmaz"),
        ("mit Herrn Schmidt gesprochen", "Namen", "Herrn Schmidt"),
        ("Familie Nowak, 3 Kinder", "Namen", "Familie Nowak"),
        ("Gladbecker Straße Nr. 50", "Anschrift", "Gladbecker Straße Nr. 50"),
        ("wohnt Gladbecker Straße, Hausnr 50", "Anschrift", "Gladbecker Straße, Hausnr 50"),
        ("Gladbecker Str., 50", "Anschrift", "Gladbecker Str., 50"),
        ("Neue Straße 5", "Anschrift", "Neue Straße 5"),
        ("Lange Straße 5", "Anschrift", "Lange Straße 5"),
        ("Kleine Gasse 2", "Anschrift", "Kleine Gasse 2"),
        ("wohnt am markt 3", "Anschrift", "am markt 3"),
        ("Birkenweg, 7", "Anschrift", "Birkenweg, 7"),
    ],
)
def test_note_with_contact_data_is_refused_naming_what_was_found(note, kind, found):
    problems = note_problems(note)
    assert len(problems) == 1, problems
    assert kind in problems[0] and f"„{found}“" in problems[0]


@pytest.mark.parametrize(
    "note",
    [
        "3 Kinder",
        "Kita ab 8 Uhr",
        "Kita-Platz ab 7 Uhr gesucht",
        "Am Montag 8 Uhr geht nicht",
        "Im Sommer 3 Wochen geschlossen",
        "Der Weg 20 Minuten ist zu weit",
        "an der Straße 5 Minuten Fußweg",
        "Mutter spricht nur Arabisch, 2 Kinder (4 und 13)",
        "0-2 Jahre",
        "Für 10-13 Jahre",
        "seit 01.09.2024 auf der Warteliste",
        "Öffnungszeiten 08:00-12:00 passen nicht",
        "Hausaufgabenhilfe Mo-Fr 14-16 Uhr",
        "Kosten 150 Euro im Monat",
        "Bus 262 fährt abends nicht",
        "Platz 1 auf der Warteliste",
        "Kinder 3, 5 und 8",
        "Sportplatz fehlt im Quartier",
        "Wohnung in der Nähe vom Marktplatz",
        "Eltern arbeiten Schicht, Betreuung bis 18 Uhr nötig",
        "ca. 2,5 km zur nächsten Kita",
        "Gruppe hat 12 Plätze, alle belegt",
        "Familie Arabisch sprechend, Mutter alleinerziehend",
        "Familie mit 4 Kindern",
        "Kind 13 Jahre",
        "2 Kinder, 4 und 13",
        "am wochenende 2 kinder",
        "Neue Gruppe 3 mal die Woche",
        "Marktplatz, 2 Familien warten",
        "",
    ],
)
def test_ordinary_notes_pass(note):
    assert note_problems(note) == []
    assert known_street_problems(note, STREETS.names_a_street) == []


# Streets of an address table: the form checks their names too, as typed in a hurry.
STREETS = AddressIndex([Address("Feuerbachstraße", 13, 51.53, 6.95),
                        Address("Horster Straße", 228, 51.54, 6.94),
                        Address("Am Kinderpfad", 2, 51.52, 6.93),
                        Address("Kirchplatz", 1, 51.52, 6.93)])  # fmt: skip


@pytest.mark.parametrize(
    "note, found",
    [
        ("feuerbach 13", "feuerbach 13"),
        ("Familie wohnt Feuerbach Nr. 13", "Feuerbach Nr. 13"),
        ("horster, 228", "horster, 228"),
        ("kirch 1", "kirch 1"),
        ("feuerbachstr 13", "feuerbachstr 13"),
        ("am kinderpfad 2a", "am kinderpfad 2a"),
    ],
)
def test_a_known_street_name_before_a_number_is_an_address(note, found):
    assert known_street_problems(note, STREETS.names_a_street) == [
        f"Die Notiz enthält eine Anschrift („{found}“)."]


@pytest.mark.parametrize("note", ["Kind 13 Jahre", "Kinder 3", "Horst 5 Plätze", "feuer 13",
                                  "Feuerbach ist 13 Minuten weg", "Kirche 3"])
def test_other_words_before_a_number_are_no_street(note):
    assert known_street_problems(note, STREETS.names_a_street) == []


def test_several_problems_are_all_named_once():
    problems = note_problems("Gladbecker Straße 50, max@example.org, Tel. 0176 1234567")
    assert problems == [
        "Die Notiz enthält eine E-Mail-Adresse („max@example.org“).",
        "Die Notiz enthält eine Telefonnummer („Tel. 0176 1234567“).",
        "Die Notiz enthält eine Anschrift („Gladbecker Straße 50“).",
    ]


def test_overlong_note_is_refused():
    assert note_problems("x" * NOTE_MAX_LENGTH) == []
    assert "zu lang" in note_problems("x" * (NOTE_MAX_LENGTH + 1))[0]


# A new record ---------------------------------------------------------------------------


def report(**changes) -> UnmetNeed:
    values = dict(
        office_id="qb-feuerbach", district_id="42", age_groups=["3-5", "3-5", "10-13"],
        needs=["lernen"], languages=["ar"], missing=["zu_weit"], note="  ab 7 Uhr  ",
        reported_on=date(2026, 11, 28),
    )  # fmt: skip
    return new_unmet_need(**(values | changes))


def test_new_record_is_cleaned_and_gets_a_random_id():
    first, second = report(), report()
    assert first.age_groups == ("3-5", "10-13") and first.note == "ab 7 Uhr"
    assert first.id != second.id and len(first.id) == 32
    assert not first.is_demo


def test_new_record_lists_every_problem_in_german():
    with pytest.raises(UnmetNeedRefused) as refused:
        report(office_id=" ", needs=[], missing=["egal"], age_groups=["99"],
               languages=["Arabisch"], note="Hauptstr. 5")  # fmt: skip
    messages = refused.value.messages
    assert "Bitte das Quartiersbüro angeben." in messages
    assert "Bitte mindestens einen Bedarf wählen." in messages
    assert "Unbekannte Angabe bei „Was fehlte“: egal." in messages
    assert "Unbekannte Angabe bei „Altersgruppen“: 99." in messages
    assert "Unbekannte Angabe bei „Sprachen“: Arabisch." in messages
    assert any("Anschrift" in m for m in messages)
    with pytest.raises(UnmetNeedRefused, match="was gefehlt hat"):
        report(missing=[])


# Periods, listing, export, counts -------------------------------------------------------


@pytest.mark.parametrize(
    "today, back, start, end",
    [
        (date(2026, 11, 28), 0, date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 11, 28), 1, date(2026, 10, 1), date(2026, 10, 31)),
        (date(2026, 1, 5), 1, date(2025, 12, 1), date(2025, 12, 31)),
        (date(2024, 3, 31), 1, date(2024, 2, 1), date(2024, 2, 29)),
        (date(2026, 12, 31), 0, date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_month_period(today, back, start, end):
    period = month_period(today, back)
    assert (period.start, period.end) == (start, end)


def test_office_periods_are_this_and_last_month():
    this, last = office_periods(date(2026, 1, 15))
    assert (this.label, this.start, this.end) == ("dieser Monat", date(2026, 1, 1),
                                                  date(2026, 1, 31))  # fmt: skip
    assert (last.label, last.start) == ("letzter Monat", date(2025, 12, 1))


RECORDS = [
    UnmetNeed("a", date(2026, 11, 3), "qb", ("lernen", "sprache"), ("zu_weit",), "42",
              ("3-5",), ("ar",), "=HYPERLINK(\"x\")", False),
    UnmetNeed("b", date(2026, 11, 20), "qb", ("notlagen",), ("kosten", "voll"), None,
              is_demo=True),
]  # fmt: skip
DISTRICTS = {"42": "Batenbrock-Süd"}
OFFICES = {"qb": "Quartiersbüro Feuerbachstraße"}


def test_listing_rows_are_german_and_newest_first():
    rows = listing_rows(RECORDS, DISTRICTS, OFFICES)
    assert list(rows[0]) == LISTING_COLUMNS
    newest, oldest = rows
    assert newest["Datum"] == date(2026, 11, 20) and newest["Bezirk"] == "außerhalb der Bezirke"
    assert newest["Was fehlte"] == "zu teuer, Angebot voll / Warteliste"
    assert newest["Demo"] == "ja"
    assert oldest["Bezirk"] == "Batenbrock-Süd"
    assert oldest["Quartiersbüro"] == "Quartiersbüro Feuerbachstraße"
    assert oldest["Bedarfe"] == "Lernen & Hausaufgaben, Sprachförderung"
    assert oldest["Altersgruppen"] == "3–5 Jahre" and oldest["Sprachen"] == "Arabisch"


def test_csv_export_opens_in_german_excel_and_defuses_formulas():
    data = export_bytes(listing_rows(RECORDS, DISTRICTS, OFFICES), ".csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == LISTING_COLUMNS
    assert rows[2][0] == "2026-11-03" and rows[2][2] == "Batenbrock-Süd"
    assert not rows[2][7].startswith("=")  # the note cannot become a formula


def test_xlsx_export_keeps_dates(tmp_path):
    path = tmp_path / "bedarfe.xlsx"
    export_unmet_needs(listing_rows(RECORDS, DISTRICTS, OFFICES), path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Gemeldete Bedarfe"
    assert [c.value for c in sheet[1]] == LISTING_COLUMNS
    assert sheet["A2"].value.date() == date(2026, 11, 20)
    assert sheet["H3"].data_type == "s"  # text, not a formula


def test_unknown_export_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="Exportformat"):
        export_unmet_needs([], tmp_path / "x.pdf")


def test_counts_per_district_and_need():
    assert count_by_district_and_need(RECORDS + RECORDS[:1]) == [
        NeedCount("42", "lernen", 2),
        NeedCount("42", "sprache", 2),
        NeedCount(None, "notlagen", 1),
    ]
    assert count_by_district_and_need([]) == []


def test_per_district_sums_one_need_or_all():
    counts = count_by_district_and_need(RECORDS + RECORDS[:1])
    assert per_district(counts) == {"42": 4, None: 1}
    assert per_district(counts, "lernen") == {"42": 2}
    assert per_district(counts, "gesundheit") == {}


class FakeRepository:
    """Answers like Repository.unmet_needs, from a list."""

    def __init__(self, records: list[UnmetNeed]):
        self.records = records

    def unmet_needs(self, start: date, end: date, office_id: str) -> list[UnmetNeed]:
        return [r for r in self.records
                if start <= r.reported_on <= end and r.office_id == office_id]  # fmt: skip


def test_office_listing_has_this_and_last_month():
    october = UnmetNeed("c", date(2026, 10, 31), "qb", ("lernen",), ("voll",))
    other = UnmetNeed("d", date(2026, 11, 5), "other", ("lernen",), ("voll",))
    listing = office_listing(FakeRepository(RECORDS + [october, other]), "qb", date(2026, 11, 28))
    assert [(p.label, [r.id for r in rs]) for p, rs in listing] == [
        ("dieser Monat", ["a", "b"]),
        ("letzter Monat", ["c"]),
    ]
