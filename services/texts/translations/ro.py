"""Romanian (machine translation, not yet reviewed)."""

from services.texts.translations import SheetTexts

TEXTS = SheetTexts(
    code="ro",
    name="Română",
    direction="ltr",
    reviewed=False,
    title="Fișă informativă: servicii în apropiere",
    intro=(
        "Am ales împreună aceste servicii pentru familia dumneavoastră la biroul de cartier "
        "(Quartiersbüro). Numerele le găsiți și pe hartă. Puteți merge direct sau puteți suna "
        "înainte. Dacă ceva nu merge, vă rugăm să ne contactați."
    ),
    machine_note="Traducere automată, neverificată",
    created="Creat la {date}",
    map_title="Harta serviciilor",
    map_caption="Numerele de pe hartă sunt numerele din listă. Q = biroul de cartier.",
    needs="Ajută la",
    address="Adresă",
    distance="Distanță",
    hours="Program",
    period="Perioadă",
    costs="Costuri",
    languages="Limbi",
    phone="Telefon",
    email="E-mail",
    note="Notă",
    qr_website="Site web",
    qr_phone="Sunați",
    free="gratuit",
    not_free="contra cost",
    costs_unknown="vă rugăm să întrebați",
    hours_unknown="vă rugăm să întrebați",
    demo_item="Intrare demo (inventată)",
    office_title="Biroul dumneavoastră de cartier",
    weekdays=("Lu", "Ma", "Mi", "Jo", "Vi", "Sâ", "Du"),
    need_labels={
        "lernen": "Învățare și teme",
        "sprache": "Sprijin lingvistic",
        "fruehe_hilfen": "Ajutor timpuriu (bebeluși și copii mici)",
        "familienberatung": "Consiliere familială și educație",
        "gesundheit": "Sănătate",
        "ernaehrung": "Alimentație",
        "bewegung": "Mișcare și sport",
        "freizeit": "Timp liber și cultură",
        "notlagen": "Consiliere în situații dificile (bani, locuință, ajutoare)",
        "ausbildung": "Formare profesională și muncă",
        "teilhabe": "Întâlniri și participare",
    },
    language_names={
        "de": "germană", "en": "engleză", "tr": "turcă", "ar": "arabă", "ru": "rusă",
        "pl": "polonă", "uk": "ucraineană", "fa": "persană", "ro": "română", "bg": "bulgară",
        "ku": "kurdă",
    },
)
