"""English (machine translation, not yet reviewed)."""

from services.texts.translations import SheetTexts

TEXTS = SheetTexts(
    code="en",
    name="English",
    direction="ltr",
    reviewed=False,
    title="Information sheet: services near you",
    intro=(
        "We chose these services for your family together at the neighbourhood office "
        "(Quartiersbüro). You will also find the numbers on the map. You can simply go there "
        "or call beforehand. If something does not work out, please get in touch with us."
    ),
    machine_note="Machine translation, not yet checked",
    created="Created on {date}",
    map_title="Map of the services",
    map_caption="The numbers on the map are the numbers of the list. Q = neighbourhood office.",
    needs="Helps with",
    address="Address",
    distance="Distance",
    hours="Opening hours",
    period="Period",
    costs="Costs",
    languages="Languages",
    phone="Phone",
    email="Email",
    note="Note",
    qr_website="Website",
    qr_phone="Call",
    free="free of charge",
    not_free="fee charged",
    costs_unknown="please ask",
    hours_unknown="please ask",
    demo_item="Demo entry (invented)",
    office_title="Your neighbourhood office",
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    need_labels={
        "lernen": "Learning & homework",
        "sprache": "Language support",
        "fruehe_hilfen": "Early help (babies and toddlers)",
        "familienberatung": "Family counselling & parenting",
        "gesundheit": "Health",
        "ernaehrung": "Food & nutrition",
        "bewegung": "Exercise & sport",
        "freizeit": "Leisure & culture",
        "notlagen": "Help in hardship (money, housing, benefits)",
        "ausbildung": "Training & work",
        "teilhabe": "Meeting people & taking part",
    },
    language_names={
        "de": "German", "en": "English", "tr": "Turkish", "ar": "Arabic", "ru": "Russian",
        "pl": "Polish", "uk": "Ukrainian", "fa": "Persian (Farsi)", "ro": "Romanian",
        "bg": "Bulgarian", "ku": "Kurdish",
    },
)
