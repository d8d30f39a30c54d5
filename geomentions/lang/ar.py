"""Arabic word lists read by recognition and the span features (data, no logic)."""

#: Prepositions: never inside a name.
PREPOSITIONS = frozenset("في على من إلى الى عن مع حتى منذ بعد قبل عند خلال ضد نحو جراء إثر".split())
#: Words before a place ("في", "قرب").
LOCATIVE = frozenset({"في", "قرب", "ب"})
#: Titles before a person's name.
TITLES = frozenset(
    "الرئيس الوزير وزير الشيخ السيد العميد اللواء العقيد الأمير الملك المتحدث الناطق الدكتور".split()
)
#: Verbs of speech after a name.
SPEECH = frozenset("قال وقال صرح وصرح أضاف وأضاف أكد وأكد أعلن وأعلن".split())
#: Heads of organisation names ("وزارة", "جامعة", "بنك", "حزب", "جبهة", "لواء").
ORG_HEADS = frozenset("وزارة جامعة بنك مصرف مجلس حزب جبهة لواء كتائب شركة".split())
#: Generic and function words that start no name ("ريف" countryside, "مدينة" city).
GENERIC = frozenset(
    """ريف وريف مدينة بلدة قرية محافظة منطقة مناطق حي أحياء شرق غرب شمال جنوب قرب محيط أطراف
ضواحي بين معبر ومعبر المعبر والمعبر""".split()
)
#: Words masked before matching: a movement, not the governorate ("الحوثي", "الحوثيون").
MASKS = (r"(?:و?ال)?حوثي(?:ون|ين|ة)?",)
