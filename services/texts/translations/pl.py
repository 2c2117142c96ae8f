"""Polish (machine translation, not yet reviewed)."""

from services.texts.translations import SheetTexts

TEXTS = SheetTexts(
    code="pl",
    name="Polski",
    direction="ltr",
    reviewed=False,
    title="Ulotka informacyjna: oferty w pobliżu",
    intro=(
        "Te oferty wybraliśmy razem dla Państwa rodziny w biurze dzielnicy (Quartiersbüro). "
        "Numery znajdą Państwo również na mapie. Można po prostu przyjść lub wcześniej "
        "zadzwonić. Jeśli coś się nie uda, prosimy o kontakt z nami."
    ),
    machine_note="Tłumaczenie maszynowe, niesprawdzone",
    created="Utworzono {date}",
    map_title="Mapa ofert",
    map_caption="Liczby na mapie to numery z listy. Q = biuro dzielnicy.",
    needs="Pomaga w",
    address="Adres",
    distance="Odległość",
    hours="Godziny otwarcia",
    period="Okres",
    costs="Koszty",
    languages="Języki",
    phone="Telefon",
    email="E-mail",
    note="Notatka",
    qr_website="Strona internetowa",
    qr_phone="Zadzwoń",
    free="bezpłatnie",
    not_free="płatne",
    costs_unknown="prosimy zapytać",
    hours_unknown="prosimy zapytać",
    demo_item="Wpis demonstracyjny (zmyślony)",
    office_title="Państwa biuro dzielnicy",
    weekdays=("Pn", "Wt", "Śr", "Cz", "Pt", "Sb", "Nd"),
    need_labels={
        "lernen": "Nauka i zadania domowe",
        "sprache": "Wsparcie językowe",
        "fruehe_hilfen": "Wczesna pomoc (niemowlęta i małe dzieci)",
        "familienberatung": "Poradnictwo rodzinne i wychowanie",
        "gesundheit": "Zdrowie",
        "ernaehrung": "Odżywianie",
        "bewegung": "Ruch i sport",
        "freizeit": "Czas wolny i kultura",
        "notlagen": "Pomoc w trudnych sytuacjach (pieniądze, mieszkanie, świadczenia)",
        "ausbildung": "Kształcenie zawodowe i praca",
        "teilhabe": "Spotkania i uczestnictwo",
    },
    language_names={
        "de": "niemiecki", "en": "angielski", "tr": "turecki", "ar": "arabski",
        "ru": "rosyjski", "pl": "polski", "uk": "ukraiński", "fa": "perski",
        "ro": "rumuński", "bg": "bułgarski", "ku": "kurdyjski",
    },
)
