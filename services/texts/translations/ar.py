"""Arabic, right to left (machine translation, not yet reviewed)."""

from services.texts.translations import SheetTexts

TEXTS = SheetTexts(
    code="ar",
    name="العربية",
    direction="rtl",
    reviewed=False,
    title="ورقة معلومات: خدمات قريبة منك",
    intro=(
        "اخترنا هذه الخدمات معًا لعائلتك في مكتب الحي (Quartiersbüro). "
        "ستجد الأرقام أيضًا على الخريطة. يمكنك الذهاب مباشرة أو الاتصال مسبقًا. "
        "إذا لم ينجح شيء، يرجى التواصل معنا."
    ),
    machine_note="ترجمة آلية، لم تتم مراجعتها",
    created="تاريخ الإنشاء: {date}",
    map_title="خريطة الخدمات",
    map_caption="الأرقام على الخريطة هي أرقام القائمة. Q = مكتب الحي.",
    needs="تساعد في",
    address="العنوان",
    distance="المسافة",
    hours="أوقات العمل",
    period="الفترة",
    costs="التكلفة",
    languages="اللغات",
    phone="الهاتف",
    email="البريد الإلكتروني",
    note="ملاحظة",
    qr_website="الموقع الإلكتروني",
    qr_phone="اتصال",
    free="مجاني",
    not_free="بمقابل مادي",
    costs_unknown="يرجى السؤال",
    hours_unknown="يرجى السؤال",
    demo_item="إدخال تجريبي (مُختلَق)",
    office_title="مكتب الحي الخاص بك",
    weekdays=("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    need_labels={
        "lernen": "التعلم والواجبات المدرسية",
        "sprache": "دعم اللغة",
        "fruehe_hilfen": "المساعدة المبكرة (الرضع والأطفال الصغار)",
        "familienberatung": "استشارات الأسرة والتربية",
        "gesundheit": "الصحة",
        "ernaehrung": "التغذية",
        "bewegung": "الحركة والرياضة",
        "freizeit": "الترفيه والثقافة",
        "notlagen": "استشارات في الأزمات (المال، السكن، الإعانات)",
        "ausbildung": "التدريب المهني والعمل",
        "teilhabe": "اللقاء والمشاركة",
    },
    language_names={
        "de": "الألمانية", "en": "الإنجليزية", "tr": "التركية", "ar": "العربية",
        "ru": "الروسية", "pl": "البولندية", "uk": "الأوكرانية", "fa": "الفارسية",
        "ro": "الرومانية", "bg": "البلغارية", "ku": "الكردية",
    },
    list_separator="، ",
)
