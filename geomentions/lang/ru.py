"""Russian word lists (data, no logic).

Recognition and the span features read the first part; the event linker
(``geomentions.event_features``) reads the second.
"""

from __future__ import annotations

# --- recognition and span features --------------------------------------------------
#: Prepositions before a place ("в Алеппо", "под Пальмирой").
#: Words of government and diplomacy (see ``en.GOVERNMENT_WORDS``), as written in reports.
GOVERNMENT_WORDS = frozenset(
    """правительство правительства кремль президент президента министр министра министерство
посол посольство санкции санкций переговоры переговоров саммит дипломаты власти""".split()
)
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
#: Lowercase nouns that end a physical place's name ("Ормузский пролив", "Красное море",
#: "Кодорское ущелье", "на Голанских высотах"), with the case forms reports use for the last two.
NAME_TAILS = frozenset(
    """пролив полуостров море залив пустыня река озеро остров
    ущелье ущелья ущелью ущельем высоты высот высотах высотам""".split()
)
#: Case endings of an adjective that opens a name -> its dictionary (nominative) endings:
#: "в Восточной Гуте" is in "Восточная Гута", "в Саудовскую Аравию" is to "Саудовская
#: Аравия", "в Нижнем Новгороде" is in "Нижний Новгород". Longest endings first.
ADJECTIVE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ый", "ой", "ое")), ("его", ("ий", "ее")),
    ("ому", ("ый", "ой", "ое")), ("ему", ("ий", "ее")),
    ("ыми", ("ые",)), ("ими", ("ие",)),
    ("ой", ("ая", "ый")), ("ей", ("яя", "ий")), ("ую", ("ая",)), ("юю", ("яя",)),
    ("ым", ("ый", "ое")), ("им", ("ий", "ее")), ("ом", ("ый", "ой", "ое")), ("ем", ("ий", "ее")),
    ("ых", ("ые",)), ("их", ("ие",)),
)  # fmt: skip
#: Nouns of a first-level division after the adjective of its seat ("Курской области" is Kursk
#: Oblast, "Краснодарского края" Krasnodar Krai), in the case forms reports use.
DIVISION_NOUNS = frozenset(
    "область области областью областей областям областями областях"
    " край края краю краем крае краев краёв краям краями краях".split()
)
#: Two-word nouns of a division, by their words' stems: "Донецкой Народной Республики" (the
#: Donetsk People's Republic) is drawn as Donetsk Oblast, the division it claims.
DIVISION_PHRASES = (("народн", "республик"),)
#: Case endings of such an adjective, longest first; what is left is the seat's name, maybe
#: with its "-ск" ("Курск-ой", "Херсонск-ой").
DIVISION_ADJECTIVE_ENDINGS = ("ого", "ому", "ая", "ой", "ую", "ом", "ий", "им")
#: Endings a seat's name may have lost to its adjective ("Запорож-ская" from "Запорожье",
#: "Сум-ская" from "Сумы").
SEAT_ENDINGS = ("", "ье", "ы", "а", "ь", "ль")
#: Divisions whose adjective is not its seat's name plus an ending ("Московская" is Moscow's,
#: "Орловская" Oryol's), by the adjective's stem, with the name GeoNames gives the division.
IRREGULAR_DIVISIONS = {
    "москов": "Moscow Oblast",
    "ленинград": "Leningradskaya Oblast'",  # its seat was Leningrad, now Saint Petersburg
    "свердлов": "Sverdlovsk Oblast",
    "калуж": "Kaluga Oblast",
    "орлов": "Oryol Oblast",
    "туль": "Tula Oblast",
    "пензен": "Penza Oblast",
    "вологод": "Vologda Oblast",
    "ровен": "Rivne",
    "хмельницк": "Khmelnytskyi",
}
#: Words masked before matching: a movement, not a place ("хуситы"; "шииты", not Chita).
MASKS = (
    r"[Хх]усит\w*",  # Houthis
    r"[Шш]иит\w*",  # Shiites
    r"[Ээ]бол[аыуеой]\w*",  # Ebola, not Eboli (Italy)
    r"[Сс]ил(?:а|ы|е|у|ой|ою|ам|ами|ах)(?!\w)",  # "силы" forces, not Sila (Chad)
    r"[Аа]так(?:а|и|у|е|ой|ам|ами|ах)(?!\w)",  # "атака" attack, not Ataq (Yemen)
    r"[Бб]о(?:и|ёв|ев|ям|ями|ях)(?!\w)",  # "бои" battles, not Bowie
    r"[Дд]рон(?:ы|ов|ам|ами|ах|а|у|ом|е)?(?!\w)",  # drones, not Dronero (Italy)
    # Fleets, not their bases' towns ("Черноморского флота": not Chornomorsk).
    r"(?:Черноморск|Балтийск|Тихоокеанск|Северн)\w*\s+флот\w*",
)

#: Weapon systems whose names fold onto places ("Искандер": Iskandar, Uzbekistan; "Герань":
#: Gogaran, Armenia), by stem (any case ending follows): masked wherever they stand.
WEAPONS = (
    "Искандер", "Калибр", "Кинжал", "Шахед", "Геран", "Ланцет", "Панцир", "Хаймарс", "Байрактар",
    "Оникс", "Циркон", "Красух", "Акаци", "Гвоздик", "Гиацинт", "Солнцеп[её]к", "Корнет", "Абрамс",
    "Брэдли", "Леопард",
)  # fmt: skip
#: Weapon systems named like ordinary places or words ("Град", "Бук", "Торнадо"): masked only
#: after one of WEAPON_NOUNS ("РСЗО «Град»", "ЗРК Бук").
WEAPONS_BY_NOUN = (
    "Град", "Бук", "Тор", "Оса", "Игла", "Стрела", "Ураган", "Смерч", "Торнадо", "Краснопол",
    "Мста", "Орион", "Орлан", "Форпост", "Точка", "Патриот", "Пэтриот", "Нептун", "Томагавк",
)  # fmt: skip
WEAPON_NOUNS = (
    "комплекс", "РСЗО", "ЗРК", "ЗРПК", "ПТРК", "ПЗРК", "ОТРК", "САУ", "БПЛА", "ракет", "систем",
    "установк", "беспилотник", "дрон", "танк", "гаубиц", "снаряд",
)  # fmt: skip

# --- event linker: ----------------------------------------------------------------------
# Russian words the event linker reads (see ``geomentions.event_features``).
#
# Entries are stems: a word matches when it starts with one (lowercase, ё as е).
#: Preposition -> the class of place relation it marks. "в"/"во"/"на" are "in" before a
#: locative place ("в Мосуле") and "to" before an accusative one ("в Мосул"): see
#: ``LOCATIVE_ENDINGS``.
PREPOSITIONS: dict[str, str] = {
    "в": "in", "во": "in", "на": "in", "по": "in", "под": "near", "у": "near",
    "около": "near", "возле": "near", "близ": "near", "вблизи": "near", "окрестностях": "near",
    "районе": "in", "окрестности": "near", "пригороде": "near",
    "из": "from", "с": "from", "со": "from", "от": "from",
    "к": "to", "ко": "to", "до": "to", "сторону": "to", "направлении": "to",
}  # fmt: skip
#: Words that make an "от" after them "near": a distance or a side of a landmark, not a
#: place left ("в 20 километрах от Киркука", "недалеко от Идлиба", "к северу от Мосула").
NEAR_BEFORE_FROM: frozenset[str] = frozenset(
    "недалеко неподалеку неподалёку вдали далеко км километрах километров метрах метров "
    "милях миль югу северу западу востоку юго-западу юго-востоку северо-западу "
    "северо-востоку".split()
)
#: Prepositions whose class depends on the case of the place after them.
CASE_PREPOSITIONS: frozenset[str] = frozenset({"в", "во", "на"})
#: Endings of a place name after в/на that read as "in": the locative ("в Мосуле", "в Сирии")
#: and foreign names that never decline ("в Алеппо", "в Дераа", "в Бамако"), whose case cannot be
#: told (the verb decides: "прибыли в Алеппо" still reads as arriving). Any other ending reads
#: as accusative ("в Мосул", "в Латакию"): "to".
LOCATIVE_ENDINGS: tuple[str, ...] = ("е", "и", "о", "а", "э")
#: Adjective endings: between в/на and a place, the noun after the adjectives carries the case
#: ("в северной провинции Идлиб": "провинции" is locative, the name stays nominative).
CASE_ADJECTIVE_ENDINGS: tuple[str, ...] = (
    "ой", "ей", "ий", "ый", "ом", "ем", "ую", "юю", "ая", "яя", "ое", "ее", "го",
)  # fmt: skip

FILLERS: frozenset[str] = frozenset(
    "города город поселка посёлка деревни села провинции провинция районе района области "
    "столице северной южной восточной западной окрестностях пригороде н.п населенного "
    "населённого пункта".split()
)
#: Stems of nouns of a locality: one before a place names it ("в деревне Ашми"); see
#: ``en.PLACE_NOUNS``.
PLACE_NOUNS: tuple[str, ...] = (
    "город", "посел", "посёл", "деревн", "село", "села", "селе", "район", "провинц", "област",
    "квартал", "лагер", "столиц", "мечет", "рын", "школ", "больниц", "аэропорт", "блокпост",
)  # fmt: skip
#: Stems of parts of a place: "в пригороде Дамаска" (the suburbs of Damascus).
AREA_NOUNS: tuple[str, ...] = ("пригород", "окрестн", "окраин", "центр")
CLAUSE_WORDS: tuple[str, ...] = ("где", "когда", "котор", "после", "пока", "но", "однако", "а")
WHERE_WORDS: tuple[str, ...] = ("где",)
#: "что", "который" (stems): a place after one belongs to that clause.
THAT_WORDS: tuple[str, ...] = ("что", "котор")
#: Words joining the places of one list.
LIST_WORDS: tuple[str, ...] = ("и", "или")
BASE_WORDS: tuple[str, ...] = (
    "базир",
    "авиабаз",
    "базы",
    "база",
    "аэродром",
    "взлет",
    "вылетев",
    "дислоцир",
)
SOURCE_WORDS: tuple[str, ...] = (
    # "a correspondent in Aleppo", "a source in Damascus" (as en.SOURCE_WORDS)
    "корреспондент",
    "источник",
    "заяв",
    "сообщ",
    "словам",
    "брифинг",
    "рассказал",
    "передает",
    "передаёт",
)
LEAVE_VERBS: tuple[str, ...] = ("бежал", "покину", "покида", "эвакуир", "отступ", "ушли", "вывед")
ARRIVE_VERBS: tuple[str, ...] = (
    "прибы",
    "верну",
    "вошл",
    "вошел",
    "направ",
    "переброс",
    "отправ",
    "достиг",
    "доставл",
)
#: Classes of event verbs (stems), as ``en.HARM_VERBS``, ``en.SEIZE_VERBS``, ``en.GATHER_VERBS``.
HARM_VERBS: tuple[str, ...] = (
    "убит", "убив", "погиб", "ранен", "ранил", "задерж", "арест", "похищ", "расстрел",
    "застрел", "казн",
)  # fmt: skip
SEIZE_VERBS: tuple[str, ...] = (
    "захват", "штурм", "атак", "напал", "обстрел", "бомб", "удар", "освобод", "патрул",
    "окруж", "заня", "вторг", "отбил", "отбит",
)  # fmt: skip
GATHER_VERBS: tuple[str, ...] = ("митинг", "протест", "демонстр", "шеств")
EVENT_WORDS: tuple[str, ...] = (
    "убит",
    "убив",
    "погиб",
    "ранен",
    "ранил",
    "атак",
    "напал",
    "захват",
    "задерж",
    "арест",
    "похищ",
    "обстрел",
    "взорв",
    "взрыв",
    "удар",
    "бомб",
    "штурм",
    "митинг",
    "протест",
    "демонстр",
    "расстрел",
    "уничтож",
    "сбит",
    "столкнов",
    "бои",
    "патрул",
    "боев",
    "освобод",
    "отбил",  # "отбила Пальмиру": took it back
    "отбит",
    "подорв",
)
