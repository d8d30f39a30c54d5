"""Russian word lists read by recognition and the span features (data, no logic)."""

#: Prepositions before a place ("в Алеппо", "под Пальмирой").
LOCATIVE = frozenset({"в", "во", "под", "у", "около", "близ", "на"})
#: Titles before a person's name.
TITLES = frozenset(
    """президент министр генерал полковник господин глава премьер губернатор мэр посол
представитель""".split()
)
#: Verbs of speech after a name.
SPEECH = frozenset("сказал сказала заявил заявила сообщил сообщила отметил отметила".split())
#: Heads of organisation names.
ORG_HEADS = frozenset("министерство университет банк совет партия фронт бригада".split())
#: Generic words that are no place when used alone ("район" district, "область" region).
GENERIC = frozenset("район района районе области область край края округ округа".split())
#: Words masked before matching: a movement, not a place ("хуситы"; "шииты", not Chita).
MASKS = (r"[Хх]усит\w*", r"[Шш]иит\w*")
