"""Turkish (machine translation, not yet reviewed)."""

from services.texts.translations import SheetTexts

TEXTS = SheetTexts(
    code="tr",
    name="Türkçe",
    direction="ltr",
    reviewed=False,
    title="Bilgi sayfası: Yakınınızdaki hizmetler",
    intro=(
        "Bu hizmetleri mahalle bürosunda (Quartiersbüro) aileniz için birlikte seçtik. "
        "Numaraları haritada da bulabilirsiniz. Doğrudan gidebilir veya önceden "
        "arayabilirsiniz. Bir sorun olursa lütfen bize başvurun."
    ),
    machine_note="Makine çevirisi, kontrol edilmedi",
    created="Oluşturulma tarihi: {date}",
    map_title="Hizmetlerin haritası",
    map_caption="Haritadaki sayılar listedeki numaralardır. Q = mahalle bürosu.",
    needs="Yardımcı olduğu konular",
    address="Adres",
    distance="Uzaklık",
    hours="Açılış saatleri",
    period="Dönem",
    costs="Ücret",
    languages="Diller",
    phone="Telefon",
    email="E-posta",
    note="Not",
    qr_website="İnternet sitesi",
    qr_phone="Ara",
    free="ücretsiz",
    not_free="ücretli",
    costs_unknown="lütfen sorun",
    hours_unknown="lütfen sorun",
    demo_item="Demo kaydı (uydurma)",
    office_title="Mahalle büronuz",
    weekdays=("Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"),
    need_labels={
        "lernen": "Öğrenme ve ödev",
        "sprache": "Dil desteği",
        "fruehe_hilfen": "Erken destek (bebekler ve küçük çocuklar)",
        "familienberatung": "Aile danışmanlığı ve eğitim",
        "gesundheit": "Sağlık",
        "ernaehrung": "Beslenme",
        "bewegung": "Hareket ve spor",
        "freizeit": "Boş zaman ve kültür",
        "notlagen": "Zor durumlarda danışmanlık (para, konut, yardımlar)",
        "ausbildung": "Meslek eğitimi ve iş",
        "teilhabe": "Buluşma ve katılım",
    },
    language_names={
        "de": "Almanca", "en": "İngilizce", "tr": "Türkçe", "ar": "Arapça", "ru": "Rusça",
        "pl": "Lehçe", "uk": "Ukraynaca", "fa": "Farsça", "ro": "Romence", "bg": "Bulgarca",
        "ku": "Kürtçe",
    },
)
