"""Arabic words the event linker reads (see ``geomentions.event_features``).

Entries are normalised (one alef, ي for ى, no short vowels) stems: a word matches when it
starts with one, after the conjunctions و/ف are dropped.
"""

#: Preposition -> the class of place relation it marks.
PREPOSITIONS: dict[str, str] = {
    "في": "in", "داخل": "in", "على": "in",
    "قرب": "near", "بالقرب": "near", "حول": "near", "محيط": "near", "ضواحي": "near",
    "ريف": "near", "اطراف": "near", "شمال": "near", "جنوب": "near", "شرق": "near", "غرب": "near",
    "من": "from", "عن": "from", "انطلاقا": "from",
    "الي": "to", "نحو": "to", "باتجاه": "to", "صوب": "to", "تجاه": "to",
}  # fmt: skip
#: One-letter prepositions written on the place itself ("بحلب" in Aleppo, "لحلب" to Aleppo).
ATTACHED: dict[str, str] = {"ب": "in", "ل": "to"}

FILLERS: frozenset[str] = frozenset(
    "مدينة بلدة قرية محافظة منطقة مناطق حي مخيم ريف العاصمة الشمالي الجنوبي الشرقي الغربي".split()
)
CLAUSE_WORDS: tuple[str, ...] = (
    "حيث",
    "بينما",
    "فيما",
    "عندما",
    "بعد",
    "قبل",
    "لكن",
    "الذي",
    "التي",
)
WHERE_WORDS: tuple[str, ...] = ("حيث",)
BASE_WORDS: tuple[str, ...] = ("قاعدة", "انطلق", "المتمركز", "متمركز", "مطار", "اقلعت")
SOURCE_WORDS: tuple[str, ...] = ("قال", "اعلن", "افاد", "ذكر", "بيان", "صرح", "اكد")
LEAVE_VERBS: tuple[str, ...] = ("نزح", "فر", "غادر", "هرب", "انسحب", "اخلا", "اجلا")
ARRIVE_VERBS: tuple[str, ...] = ("وصل", "عاد", "دخل", "توجه", "ارسل", "نقل", "انتقل", "ارسال")
EVENT_WORDS: tuple[str, ...] = (
    "قتل",
    "مقتل",
    "جرح",
    "اصاب",
    "اعتقل",
    "اختطف",
    "هاجم",
    "هجوم",
    "قصف",
    "استهدف",
    "انفجر",
    "انفجار",
    "تفجير",
    "اشتباك",
    "اشتبك",
    "تظاهر",
    "مظاهر",
    "سيطر",
    "غارة",
    "غارات",
)
