"""English words the event linker reads (see ``geomentions.event_features``).

Words are matched whole and lowercased; verbs are listed in the forms reports use.
"""

#: Preposition -> the class of place relation it marks.
PREPOSITIONS: dict[str, str] = {
    "in": "in", "at": "in", "on": "in", "inside": "in", "across": "in", "throughout": "in",
    "over": "in", "within": "in",
    "near": "near", "outside": "near", "around": "near", "nearby": "near", "close": "near",
    "outskirts": "near", "north": "near", "south": "near", "east": "near", "west": "near",
    "from": "from", "out": "from",
    "to": "to", "toward": "to", "towards": "to", "into": "to", "for": "to",
    "of": "of",
    "by": "by", "with": "by", "against": "by", "about": "by", "between": "by", "than": "by",
}  # fmt: skip

#: Words between a preposition and its place that do not end the phrase ("in the city of").
FILLERS: frozenset[str] = frozenset(
    "the a an city town village province region district area areas capital countryside "
    "governorate northern southern eastern western central outskirts suburbs suburb parts "
    "part of near neighbouring neighboring nearby disputed restive besieged rebel-held "
    "northwestern northeastern southwestern southeastern north-western north-eastern "
    "south-western south-eastern state county camp".split()
)

#: Words that end a clause: a place after one belongs to another event.
CLAUSE_WORDS: frozenset[str] = frozenset(
    "where while whereas which who whom when after before but although though since until "
    "because as".split()
)
#: "..., where": the clause that follows happened at the place before it.
WHERE_WORDS: frozenset[str] = frozenset({"where"})

#: Words that mark a place as the actor's base or launch site.
BASE_WORDS: frozenset[str] = frozenset(
    "based base airbase airfield stationed launched launching flying flew "
    "deployed garrison headquartered".split()
)
#: Speech words: a place beside one is where the statement came from.
SOURCE_WORDS: frozenset[str] = frozenset(
    "said says told announced reported stated statement spokesman spokeswoman briefing "
    "according quoted claimed declared".split()
)

#: Verbs of leaving: their object is an origin ("fled Mosul").
LEAVE_VERBS: frozenset[str] = frozenset(
    "fled flee fleeing flees left leave leaving escaped escaping withdrew withdrawn "
    "withdrawing evacuated retreated departed displaced".split()
)
#: Verbs of arriving or sending: "in"/"to" after one marks a destination.
ARRIVE_VERBS: frozenset[str] = frozenset(
    "arrived arrive arriving arrives reached reaching returned returning entered headed "
    "heading moved sent sending dispatched deployed transferred relocated travelled traveled "
    "marched advanced".split()
)
#: Verbs (and nouns) of events a monitor counts; typed event words come from ``activity``.
EVENT_WORDS: frozenset[str] = frozenset(
    "killed kill killing kills wounded wounding injured injuring died dead death deaths "
    "attacked attack attacks attacking captured capture seized seizing arrested arrest "
    "arrests detained detaining kidnapped abducted shot shooting shootings gunned bombed "
    "bombing bombings exploded explosion detonated blast struck strike strikes shelled "
    "shelling clashed clashes clash fought fighting battle protested protest protests "
    "protesters demonstrated demonstration demonstrations rallied rally marched raided raid "
    "ambushed ambush destroyed destroying burned burning torched executed massacred massacre "
    "stormed besieged liberated occupied overran targeted hit fired firing assassinated "
    "murdered murder beheaded looted rioted riots raped tortured engaged".split()
)
