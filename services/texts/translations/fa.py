"""Farsi (Persian), right to left (machine translation, not yet reviewed)."""

from services.texts.translations import SheetTexts

TEXTS = SheetTexts(
    code="fa",
    name="فارسی",
    direction="rtl",
    reviewed=False,
    title="برگه اطلاعات: خدمات نزدیک شما",
    intro=(
        "این خدمات را در دفتر محله (Quartiersbüro) با هم برای خانواده شما انتخاب کردیم. "
        "شماره‌ها را روی نقشه هم می‌بینید. می‌توانید مستقیم بروید یا از قبل تماس بگیرید. "
        "اگر مشکلی پیش آمد، لطفاً با ما تماس بگیرید."
    ),
    machine_note="ترجمه ماشینی، بررسی نشده",
    created="تاریخ تهیه: {date}",
    map_title="نقشه خدمات",
    map_caption="عددهای روی نقشه همان شماره‌های فهرست هستند. Q = دفتر محله.",
    needs="کمک در زمینه",
    address="نشانی",
    distance="فاصله",
    hours="ساعات کاری",
    period="دوره زمانی",
    costs="هزینه",
    languages="زبان‌ها",
    phone="تلفن",
    email="ایمیل",
    note="یادداشت",
    qr_website="وب‌سایت",
    qr_phone="تماس",
    free="رایگان",
    not_free="پولی",
    costs_unknown="لطفاً بپرسید",
    hours_unknown="لطفاً بپرسید",
    demo_item="نمونه آزمایشی (ساختگی)",
    office_title="دفتر محله شما",
    weekdays=("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"),
    need_labels={
        "lernen": "یادگیری و تکالیف مدرسه",
        "sprache": "تقویت زبان",
        "fruehe_hilfen": "کمک‌های زودهنگام (نوزادان و کودکان خردسال)",
        "familienberatung": "مشاوره خانواده و تربیت",
        "gesundheit": "سلامت",
        "ernaehrung": "تغذیه",
        "bewegung": "ورزش و تحرک",
        "freizeit": "اوقات فراغت و فرهنگ",
        "notlagen": "مشاوره در شرایط دشوار (پول، مسکن، کمک‌هزینه‌ها)",
        "ausbildung": "آموزش حرفه‌ای و کار",
        "teilhabe": "دیدار و مشارکت",
    },
    language_names={
        "de": "آلمانی", "en": "انگلیسی", "tr": "ترکی", "ar": "عربی", "ru": "روسی",
        "pl": "لهستانی", "uk": "اوکراینی", "fa": "فارسی", "ro": "رومانیایی", "bg": "بلغاری",
        "ku": "کردی",
    },
    list_separator="، ",
)
