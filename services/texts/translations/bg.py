"""Bulgarian (machine translation, not yet reviewed)."""

from services.texts.translations import SheetTexts

TEXTS = SheetTexts(
    code="bg",
    name="Български",
    direction="ltr",
    reviewed=False,
    title="Информационен лист: услуги наблизо",
    intro=(
        "Заедно избрахме тези услуги за вашето семейство в бюрото на квартала "
        "(Quartiersbüro). Номерата ще намерите и на картата. Можете просто да отидете или "
        "да се обадите предварително. Ако нещо не се получи, моля, свържете се с нас."
    ),
    machine_note="Машинен превод, непроверен",
    created="Създадено на {date}",
    map_title="Карта на услугите",
    map_caption="Числата на картата са номерата от списъка. Q = бюро на квартала.",
    needs="Помага при",
    address="Адрес",
    distance="Разстояние",
    hours="Работно време",
    period="Период",
    costs="Цена",
    languages="Езици",
    phone="Телефон",
    email="Имейл",
    note="Бележка",
    qr_website="Уебсайт",
    qr_phone="Обадете се",
    free="безплатно",
    not_free="платено",
    costs_unknown="моля, попитайте",
    hours_unknown="моля, попитайте",
    demo_item="Демо запис (измислен)",
    office_title="Вашето бюро на квартала",
    weekdays=("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"),
    need_labels={
        "lernen": "Учене и домашни работи",
        "sprache": "Езикова подкрепа",
        "fruehe_hilfen": "Ранна помощ (бебета и малки деца)",
        "familienberatung": "Семейно консултиране и възпитание",
        "gesundheit": "Здраве",
        "ernaehrung": "Хранене",
        "bewegung": "Движение и спорт",
        "freizeit": "Свободно време и култура",
        "notlagen": "Консултации при трудности (пари, жилище, помощи)",
        "ausbildung": "Професионално обучение и работа",
        "teilhabe": "Срещи и участие",
    },
    language_names={
        "de": "немски", "en": "английски", "tr": "турски", "ar": "арабски", "ru": "руски",
        "pl": "полски", "uk": "украински", "fa": "персийски", "ro": "румънски",
        "bg": "български", "ku": "кюрдски",
    },
)
