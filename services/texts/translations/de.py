"""German: the reference for every other language (and the sheet's first language)."""

from services.texts.catalogue import NEED_LABELS
from services.texts.translations import SheetTexts
from services.texts.ui import LANGUAGE_NAMES

TEXTS = SheetTexts(
    code="de",
    name="Deutsch",
    direction="ltr",
    reviewed=True,
    title="Infoblatt: Angebote in Ihrer Nähe",
    intro=(
        "Diese Angebote haben wir im Quartiersbüro gemeinsam für Ihre Familie ausgesucht. "
        "Die Nummern finden Sie auch auf der Karte. Sie können einfach hingehen oder vorher "
        "anrufen. Wenn etwas nicht klappt, melden Sie sich gern bei uns."
    ),
    machine_note="Übersetzung maschinell, ungeprüft",
    created="Erstellt am {date}",
    map_title="Karte der Angebote",
    map_caption="Die Zahlen auf der Karte sind die Nummern der Liste. Q = Quartiersbüro.",
    needs="Hilft bei",
    address="Adresse",
    distance="Entfernung",
    hours="Öffnungszeiten",
    period="Zeitraum",
    costs="Kosten",
    languages="Sprachen",
    phone="Telefon",
    email="E-Mail",
    note="Notiz",
    qr_website="Webseite",
    qr_phone="Anrufen",
    free="kostenlos",
    not_free="kostenpflichtig",
    costs_unknown="bitte nachfragen",
    hours_unknown="bitte nachfragen",
    demo_item="Demo-Eintrag (erfunden)",
    office_title="Ihr Quartiersbüro",
    weekdays=("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    need_labels=dict(NEED_LABELS),
    language_names={
        code: LANGUAGE_NAMES[code]
        for code in ("de", "en", "tr", "ar", "ru", "pl", "uk", "fa", "ro", "bg", "ku")
    },
)
