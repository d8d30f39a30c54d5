"""Arabic word lists (data, no logic).

Recognition and the span features read the first part; the event linker
(``geomentions.event_features``) reads the second.
"""

from __future__ import annotations

# --- recognition and span features --------------------------------------------------
#: Words of government and diplomacy (see ``en.GOVERNMENT_WORDS``).
GOVERNMENT_WORDS = frozenset(
    "الحكومة حكومة الرئيس الرئاسة وزير الوزير وزارة السفير السفارة العقوبات المفاوضات القمة الكرملين".split()
)
#: Prepositions: never inside a name.
NAME_PREPOSITIONS = frozenset(
    "في على من إلى الى عن مع حتى منذ بعد قبل عند خلال ضد نحو جراء إثر".split()
)
#: Particles, conjunctions and pronouns: never inside a name ("كييف أن": "Kyiv that").
FUNCTION_WORDS = frozenset(
    "أن إن ان لأن كما قد لم لن ثم أو أي التي الذي الذين هذا هذه ذلك تلك هو هي".split()
)
#: Letters Arabic writes for sounds it lacks in foreign names, and the letters of those
#: sounds (پ p, ڤ v, گ g): "زابوريجيا" Zaporizhzhia, "خاركيف" Kharkiv, "جروزني" Grozny.
FOREIGN_SOUNDS = {"ب": "پ", "ف": "ڤ", "ج": "گ"}
#: Words before a place ("في", "قرب", "على محور": on the front line of).
LOCATIVE = frozenset({"في", "قرب", "ب", "محور"})
#: Titles before a person's name.
TITLES = frozenset(
    "الرئيس الوزير وزير الشيخ السيد العميد اللواء العقيد الأمير الملك المتحدث الناطق الدكتور".split()
)
#: Verbs of speech after a name.
SPEECH = frozenset("قال وقال صرح وصرح أضاف وأضاف أكد وأكد أعلن وأعلن".split())
#: Heads of organisation names ("وزارة", "جامعة", "بنك", "حزب", "جبهة", "لواء").
ORG_HEADS = frozenset("وزارة جامعة بنك مصرف مجلس حزب جبهة لواء كتائب شركة".split())
#: Generic and function words that start no name ("ريف" countryside, "مدينة" city, "ميناء"
#: port: Minna, Nigeria is "مينا").
GENERIC = frozenset(
    """ريف وريف مدينة بلدة قرية ناحية محافظة منطقة مناطق حي أحياء شرق غرب شمال جنوب قرب محيط أطراف
ضواحي بين معبر ومعبر المعبر والمعبر ميناء الميناء""".split()
)
#: Ordinary words of military reports that fold onto villages' names: "مسلحة" (armed) onto Al
#: Jala, "سماء" (sky: "في سماء اللاذقية") onto Samma. They start no name.
ORDINARY_WORDS = frozenset("مسلحة المسلحة مسلحين المسلحين مسلحون المسلحون سماء السماء".split())
#: Words masked before matching: a movement, not the governorate ("الحوثي", "الحوثيون").
MASKS = (
    r"(?:و?ال)?حوثي(?:ون|ين|ة)?",  # the Houthi movement, not a governorate
    r"و?(?:ال|بال|لل|[بل])?[إا]يبولا",  # Ebola, not Eboli (Italy)
    r"و?(?:ال)?شيع(?:ة|ي|ية|يون|يين)(?!\w)",  # Shiite, not Chita (Russia)
    r"من\s+طراز(?!\w)",  # "of the type", not Taraz (Kazakhstan)
)

#: Weapon systems, all named like Arabic words or places ("غراد" Grad, Slovenia; "صماد" a
#: Syrian village; "شاهد" witness): masked only after one of WEAPON_NOUNS ("صواريخ غراد",
#: "طائرة مسيرة من طراز شاهد").
WEAPONS_BY_NOUN = (
    "إسكندر", "اسكندر", "كاليبر", "كينجال", "شاهد", "جيران", "لانسيت", "بانتسير", "هيمارس",
    "بيرقدار", "أونيكس", "تسيركون", "غراد", "جراد", "بوك", "تور", "كورنيت", "صماد", "قاصف",
    "بركان", "توشكا", "سكود", "باتريوت", "أبرامز", "ليوبارد", "برادلي", "كروز", "ستورم شادو",
    "أتاكمز", "طوفان", "زلزال", "فاتح", "شهاب", "قدس",
)  # fmt: skip
#: Nouns of weapons, maybe followed by "مسيرة" and "من طراز" ("of the type").
WEAPON_NOUNS = (
    "صواريخ", "صاروخ", "طائرات", "طائرة", "مسيرات", "مسيرة", "منظومة", "منظومات", "راجمات",
    "راجمة", "دبابات", "دبابة", "قذائف",
)  # fmt: skip

# --- event linker: ----------------------------------------------------------------------
# Arabic words the event linker reads (see ``geomentions.event_features``).
#
# Entries are normalised (one alef, ي for ى, no short vowels) stems: a word matches when it
# starts with one, after the conjunctions و/ف are dropped.
#: Preposition -> the class of place relation it marks.
PREPOSITIONS: dict[str, str] = {
    "في": "in", "داخل": "in", "على": "in",
    "قرب": "near", "بالقرب": "near", "حول": "near", "محيط": "near", "ضواحي": "near",
    "ريف": "near", "اطراف": "near", "شمال": "near", "جنوب": "near", "شرق": "near", "غرب": "near",
    "من": "from", "عن": "from", "انطلاقا": "from",
    "الي": "to", "نحو": "to", "باتجاه": "to", "صوب": "to", "تجاه": "to",
}  # fmt: skip
#: Words (normalised) that make a "من" after them "near": a distance from a landmark, not a
#: place left ("بالقرب من إدلب", "على مقربة من", "على بعد 20 كيلومترا من كركوك",
#: "الى الجنوب من الموصل").
NEAR_BEFORE_FROM: frozenset[str] = frozenset(
    "بالقرب مقربة قريب قريبا قريبة القريب القريبة بعيد بعيدا كم كيلومتر كيلومترا كيلومترات كلم مترا متر امتار "
    "ميل ميلا اميال الشمال الجنوب الشرق الغرب".split()
)
#: One-letter prepositions written on the place itself ("بحلب" in Aleppo, "لحلب" to Aleppo).
ATTACHED: dict[str, str] = {"ب": "in", "ل": "to"}

FILLERS: frozenset[str] = frozenset(
    "مدينة بلدة قرية محافظة منطقة مناطق حي مخيم ريف العاصمة الشمالي الجنوبي الشرقي الغربي".split()
)
#: Nouns of a locality (whole words, also with ال): one before a place names it
#: ("قرية الطيبة"); see ``en.PLACE_NOUNS``.
PLACE_NOUNS: frozenset[str] = frozenset(
    "مدينة مدن بلدة بلدات قرية قري حي احياء مخيم منطقة محافظة ناحية العاصمة سوق مدرسة "
    "مستشفي مسجد حاجز".split()  # ى written ي, as the linker normalises words
)
#: Parts of a place: "ريف حلب" (the countryside of Aleppo).
AREA_NOUNS: frozenset[str] = frozenset("ريف ضواحي اطراف محيط وسط".split())
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
#: "that"/"which" (whole words, not stems): a place after one belongs to that clause.
THAT_WORDS: frozenset[str] = frozenset({"ان", "انه", "بان", "الذي", "التي", "الذين"})
#: Words joining the places of one list, as written (و is also written on the next word).
LIST_WORDS: tuple[str, ...] = ("و", "او", "أو")
BASE_WORDS: tuple[str, ...] = ("قاعدة", "انطلق", "المتمركز", "متمركز", "مطار", "اقلعت")
#: Speech words; "مصدر"/"مصادر" (a source, sources) and "مراسل" (a correspondent) as in
#: "قالت مصادر طبية في دمشق" (as ``en.SOURCE_WORDS``).
SOURCE_WORDS: tuple[str, ...] = (
    "قال", "اعلن", "افاد", "ذكر", "بيان", "صرح", "اكد", "مصدر", "مصادر", "مراسل",
)  # fmt: skip
LEAVE_VERBS: tuple[str, ...] = ("نزح", "فر", "غادر", "هرب", "انسحب", "اخلا", "اجلا")
ARRIVE_VERBS: tuple[str, ...] = ("وصل", "عاد", "دخل", "توجه", "ارسل", "نقل", "انتقل", "ارسال")
#: Letters before a verb in the imperfect ("يقصف", "تقصف", "نقصف") and the particles before
#: those ("سيقصف" will shell, "لتقصف" to shell): the linker reads the perfect stem after them.
IMPERFECT_PREFIXES: tuple[str, ...] = ("ي", "ت", "ن")
PARTICLE_PREFIXES: tuple[str, ...] = ("س", "ل")
#: Classes of event verbs (stems), as ``en.HARM_VERBS``, ``en.SEIZE_VERBS``, ``en.GATHER_VERBS``.
HARM_VERBS: tuple[str, ...] = ("قتل", "مقتل", "جرح", "اصاب", "اعتقل", "اختطف", "اعدم")
SEIZE_VERBS: tuple[str, ...] = (
    "هاجم", "هجوم", "قصف", "استهدف", "سيطر", "اقتحم", "حاصر", "احتل", "غارة", "غارات",
    "دورية", "دوريات", "استعاد",
)  # fmt: skip
GATHER_VERBS: tuple[str, ...] = ("تظاهر", "مظاهر", "احتج", "اعتصم", "مسير")
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
    "دورية",
    "دوريات",
    # Taking a place (as ``SEIZE_VERBS``): "اقتحمت القوات بلدة سراقب", "احتل المسلحون الرمادي".
    "اقتحم",
    "حاصر",
    "احتل",
    "استعاد",
)
