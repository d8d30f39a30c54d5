"""English word lists (data, no logic).

Recognition and the span features read the first part; the event linker
(``geomentions.event_features``) reads the second.
"""

from __future__ import annotations

# --- recognition and span features --------------------------------------------------
#: Words of government and diplomacy: in a sentence with them a capital's name often stands
#: for its government ("Washington and Moscow traded accusations"). A ranker feature.
GOVERNMENT_WORDS = frozenset(
    """congress congressional senate senator senators lawmakers legislators administration
kremlin government governments minister ministers ministry president presidential
embassy ambassador diplomat diplomats diplomatic treaty sanctions summit talks negotiators
officials policy federal capitol parliament cabinet regime""".split()
)

#: Words just before or after a name that say which kind of place it is: a first-level
#: division ("Sokoto State", "the province of Kabul", "Murmansk's governor"), a county or
#: parish, or a town ("the city of Tianjin", "Dublin City Council", "the mayor of Paris").
#: Ranker features (``geomentions.context``).
DIVISION_CUES = frozenset(
    "state province governorate oblast prefecture governor gubernatorial legislature "
    "statewide".split()
)
COUNTY_CUES = frozenset("county parish".split())
#: A plural division word closing a list of names ("Clarke, Madison and Oconee counties",
#: "the Kharkiv, Sumy and Poltava regions"), with the word each listed name carries in the
#: gazetteer ("Madison County"), or that asks for the division ("Sumy Region").
DIVISION_LIST_WORDS: dict[str, str] = {
    "counties": "County", "parishes": "Parish", "regions": "Region", "provinces": "Province",
    "oblasts": "Oblast", "governorates": "Governorate",
}  # fmt: skip
TOWN_CUES = frozenset("city town village mayor downtown suburb hamlet".split())

MONTHS = frozenset(
    """january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug
sep sept oct nov dec""".split()
)
#: Words before a capitalised name that say it is a person, not a place.
TITLES = frozenset(
    """mr mrs ms dr president minister general gen colonel col lieutenant lt captain capt
sergeant sgt major maj commander prince king queen sheikh shaykh imam pope senator sen rep
governor gov mayor judge justice sir lord lady saint st spokesman spokeswoman secretary
chief director ambassador envoy officer detective coach deputy sheriff professor prof
rev reverend father sister brother uncle aunt attorney""".split()
)
#: A legislator's party before the hometown or district he stands for, as US papers write it
#: ("Sen. Glenn McConnell, R-Charleston"; "DFL-Minneapolis"), lowercase.
PARTY_TAGS = frozenset("r d i dfl".split())
#: Common given names: a capitalised word after one is a surname ("Sarah Palin", "Mark Lewis").
#: The last line holds given names that are also places ("Georgia Smith", "Chad Harris").
FIRST_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam
nathan henry douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah
gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert
willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby
philip johnny mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda
pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean
alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa
sophia marie diana brittany natalie isabella charlotte rose alexis kayla bill bob jim tom mike
dave steve tony chris jeff ben sam dan nick ted ed al hillary barack vladimir bashar
georgia paris chad""".split()
)
#: Verbs of speech after a name: "Paulk said" is a person.
SPEECH = frozenset(
    """said says told added explained stated wrote noted asked argued recalled insisted replied
announced""".split()
)
#: Locative prepositions before a place ("in", "near"; "the hills above Malibu", "inside
#: Zara", "patrolling over Bosnia", "along Zaire's border", "off Somalia").
NAME_PREPOSITIONS = frozenset(
    """in at near from to towards toward into outside around across through via nearby between
of above below beyond inside within along over throughout off""".split()
)
#: Prepositions after which an unknown capitalised name may be read as a spelling variant of
#: a place ("near Al-Zorba"); "of" only after a place noun (VARIANT_PLACE_NOUNS).
VARIANT_PREPOSITIONS = frozenset(
    "in at near from outside around towards toward into nearby".split()
)
#: Nouns whose "of" introduces a place's name ("the village of", "the outskirts of").
VARIANT_PLACE_NOUNS = frozenset(
    """village villages town towns city cities district districts neighbourhood neighborhood
outskirts countryside suburb suburbs area areas region province governorate""".split()
)
#: Heads of organisation names that may hold a place name ("Texas Department of Agriculture",
#: "University of Georgia", "Bank of England", "Nusra Front", "Emirates Airlines").
ORG_HEADS = frozenset(
    """department ministry university college bank council party front brigade brigades airlines
chamber
airways air force army navy corporation company inc corp ltd association institute
foundation committee commission agency authority board federation union league club
times post herald tribune journal news""".split()
)
#: Nouns that end the name of an institution named after its place ("Paris Public Library",
#: "Richmond Police Department", "Dublin Veterans Park"): the place name inside is annotated
#: as a toponym in the news corpora, unlike a person's name before a capitalised word.
INSTITUTIONS = ORG_HEADS | frozenset(
    """library police school schools hospital church park center centre museum office
sheriff fire court jail prison academy stadium arena airport station mall district zoo
cathedral mosque chamber commissioners schools orchestra symphony festival fair bureau
guard""".split()
)
#: Words that make the name before them a street's ("Darby Street", "Wichita Drive"): the
#: news corpora do not mark a street's namesake as a toponym.
STREETS = frozenset(
    """street st road rd avenue ave drive dr lane ln boulevard blvd way parkway pkwy highway hwy
terrace circle trail pike""".split()
)
#: Words after a name that make it a second-level division, as Nigerian reports name their
#: local government areas ("Maru LGA", "the Logo local government area", "Ukum local
#: council"): the name asks for a district (ADM2). Regular-expression alternatives.
DISTRICT_WORDS_AFTER = (
    r"local\s+government\s+(?:areas?|councils?)",
    r"local\s+councils?",
    r"LGAs?",
    r"LGCs?",
)
#: Compass words that are no place on their own ("West" alone).
DIRECTIONS = frozenset(
    """north south east west northeast northwest southeast southwest northern southern eastern
western central""".split()
)
#: A division's official compass adjective and the short form reports use ("Northern Darfur"
#: is written "North Darfur"). Only this way round: "Western Virginia" is not West Virginia.
COMPASS_SHORT = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}
#: Division words that, besides GENERIC and DIRECTIONS, leave "Northern X" with no name of its
#: own ("Northern Region", "Southern Highlands"): it gets no short form.
COMPASS_GENERIC = frozenset("area areas district state territory highlands".split())
#: The last word of a division named after its seat ("Krasnodar Krai", "Kursk Oblast"), and the
#: adjective endings GeoNames keeps in some of them ("Kharkivs’ka Oblast’" is Kharkiv's oblast).
SEAT_DIVISION_WORDS = frozenset("oblast krai kray okrug".split())
#: The opening words of a division's formal name in GeoNames, in its country's language, that
#: reports leave out: "Province of Laguna" is "Laguna", "County of Ceredigion" "Ceredigion".
#: Not the words of a town's own government ("City of", "Municipio de"), which are the town,
#: nor "District of" ("District of Columbia" is no "Columbia").
DIVISION_PREFIXES = (
    "Province of", "Provincia di", "Provincia de", "Provincia del", "Província de",
    "Province de", "Province du", "County of", "Departamento de", "Département de",
    "Partido de", "Distrito de", "Daïra de", "Arrondissement de", "Préfecture de", "Cercle de",
    "Délégation de",
)  # fmt: skip
#: The closing words of a division's formal name that reports leave out ("Borno State" is
#: "Borno", "Shan State" "Shan"); the words that end a division's name in keys already
#: (province, governorate, region, district) need none. Not "Department": Colombia's and
#: Honduras's bare names fold onto English words and names ("Valle", "Cortés": Curtis).
DIVISION_SUFFIXES = ("Regional State", "State")
SEAT_ADJECTIVE_ENDINGS = ("s’ka", "s'ka", "ska")
#: Articles and feature words: a span of only these is no name ("The city", "City Council").
GENERIC = frozenset(
    """the a an al el city town village county district province governorate region council
hall air force base airbase airport airfield camp crossing municipality international
national old new central""".split()
)
#: Function words that open sentences in capitals: a name may start at the next word
#: ("In New Zealand", "At Fort Hood").
FUNCTION_WORDS = frozenset(
    "in at an a the on as to by of for from with and but or if after before".split()
)
#: Public figures of conflict news whose names fold onto places, masked where they stand
#: alone: "Putin" (Pathein, Myanmar), "Nasrallah" (a Tunisian town), "Deif" (Ta'if),
#: "Baghdadi" (Baghdadeh, Iran), "Ruto" (Routot), "Modi" (Moody, not Modi'in), "Yermak"
#: (Aksu, Kazakhstan, by its old name). The span model keeps most names of people out; these
#: it could not. Abbas, al-Sadr and the Wagner Group are masked in MASKS, with their exceptions.
PEOPLE = ("Putin", "Nasrallah", "Deif", "Baghdadi", "Ruto", "Modi", "Yermak")
#: Words and phrases masked before matching: they fold onto places they are not.
MASKS = (
    r"Ebola(?!\w)",  # Eboli, Italy
    r"(?:Marburg|Lassa|Lyme|Nipah|Hendra|Zika|West\s+Nile|Rift\s+Valley)(?=\s+(?:virus|fever|disease|outbreak|vaccine|cases?)\b)",
    r"(?:Shi(?:i|')?tes?|Shia|Sunnis?|Alawites?|Houthis?)(?!\w)",  # Chita; a movement, not a governorate
    r"Hammam(?!\w|[\s-]+(?:al|el|ad|ash|as|an|[A-Z]))",  # "Hammam" alone: a bath, not Khammam
    r"(?:US|A|C|NZ|HK|S)\$",  # currencies: "US$460 million"
    r"Air\s+Forces?(?!\w)",  # a service, no place ("Air Force" folds onto Force, Italy)
    r"United\s+Russia(?!\w)",  # the party
    r"White\s+House(?!\w)",  # the US presidency, not a White House town
    r"Arab\s+(?:world|states|countries|nations)(?!\w)",  # not Arab, Alabama
    # A person's name may take a possessive, not another ending: "Modi's", not "Modi'in".
    rf"(?:{'|'.join(PEOPLE)})(?!\w|['’](?!s\b))",
    # The president, not Fort Abbas, Bandar Abbas or "Bandar-e-Abbas".
    r"(?<!Bandar\s)(?<!Fort\s)(?<!-)Abbas(?!\w|['’](?!s\b))",
    r"(?:[Aa]l-)?Sadr(?!\w|['’](?!s\b)|\s+City)",  # the cleric, not Sadr City
    r"Wagner(?=\s+(?:Group|group|mercenar|fighters|forces|troops|PMC|chief|boss))",
)  # fmt: skip

#: A state's agency names the state ("the Texas Department of Agriculture": both news corpora
#: mark Texas), but a country's abbreviation before one is the government, no place ("the US
#: Department of Agriculture"): masked for abbreviations only.
AGENCY_MASKS = (r"[A-Z]\w+(?:\s+[A-Z]\w+)?\s+(?:Department|Ministry)\s+of\s+[A-Z]\w+",)

#: Weapon systems whose names fold onto places ("Iskander" is Iskandar, Uzbekistan; "Geran"
#: Gogaran, Armenia; "Pantsir" a Russian town's old name): masked wherever they stand.
WEAPONS = (
    "Iskander", "Kalibr", "Kinzhal", "Shahed", "Geran", "Lancet", "Pantsir", "HIMARS", "ATACMS",
    "Bayraktar", "Oniks", "Tsirkon", "Krasukha", "Akatsiya", "Gvozdika", "Giatsint",
    "Solntsepyok", "Tochka", "Kornet",
)  # fmt: skip
#: Weapon systems named like ordinary places ("Buk", Poland; "Grad", Slovenia; "Samad", a
#: Syrian village): masked only before one of WEAPON_NOUNS ("Buk launchers", "Grad rockets").
WEAPONS_BY_NOUN = (
    "Grad", "Buk", "Tor", "Osa", "Igla", "Strela", "Uragan", "Smerch", "Tornado", "Krasnopol",
    "Msta", "Orion", "Orlan", "Forpost", "Onyx", "Zircon", "Konkurs", "Patriot", "Leopard",
    "Abrams", "Bradley", "Caesar", "Hermes", "Samad", "Qasef", "Burkan", "Toophan", "Scud",
    "Zelzal", "Fateh", "Shahab", "Quds", "Ababil", "Mohajer", "Neptune", "Tomahawk", "Storm Shadow",
)  # fmt: skip
WEAPON_NOUNS = (
    "missiles?", "rockets?", "launch(?:er|ers)", "systems?", "complex", "MLRS", "drones?",
    "UAVs?", "tanks?", "howitzers?", "shells?", "rounds?", "munitions?", "batter(?:y|ies)",
    "air[-\\s]defen[cs]e", "SAMs?", "interceptors?", "vehicles?",
)  # fmt: skip

#: Abbreviations that are also a year's era ("250 B.C.", "the third century BC"): read as a
#: place ("coastal B.C.", "FrontCounter BC") unless a number or one of ERA_LEADS comes before.
ERA_ABBREVIATIONS = frozenset({"B.C.", "BC"})
ERA_LEADS = frozenset("century centuries millennium millennia".split())

#: "the Republic of Armenia": a country's formal name is the country. The republics whose
#: formal name holds another country's short name, and the country each is.
REPUBLIC_OF_ELSEWHERE = {"China": "Taiwan", "Korea": "South Korea"}

#: Demonyms and nationality adjectives -> the place they name ("Libyan" -> Libya). A report's
#: "Russian jets" names a country that is no place of the event: such words become mentions
#: with no place (no dot, no vote for what the report is about). The annotated corpora the
#: span model learns from mark them as toponyms too. Plurals are made below.
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria",
    "American": "United States", "Angolan": "Angola", "Argentine": "Argentina",
    "Argentinian": "Argentina", "Armenian": "Armenia", "Australian": "Australia",
    "Austrian": "Austria", "Azerbaijani": "Azerbaijan", "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh", "Belarusian": "Belarus", "Belgian": "Belgium",
    "Beninese": "Benin", "Bolivian": "Bolivia", "Bosnian": "Bosnia and Herzegovina",
    "Brazilian": "Brazil", "British": "United Kingdom", "Bulgarian": "Bulgaria",
    "Burkinabe": "Burkina Faso", "Burmese": "Myanmar", "Burundian": "Burundi",
    "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada",
    "Chadian": "Chad", "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia",
    "Congolese": "Democratic Republic of the Congo", "Croatian": "Croatia", "Cuban": "Cuba",
    "Cypriot": "Cyprus", "Czech": "Czechia", "Danish": "Denmark", "Djiboutian": "Djibouti",
    "Dominican": "Dominican Republic", "Dutch": "Netherlands", "Ecuadorian": "Ecuador",
    "Egyptian": "Egypt", "Emirati": "United Arab Emirates", "English": "England",
    "Eritrean": "Eritrea", "Estonian": "Estonia", "Ethiopian": "Ethiopia",
    "Filipino": "Philippines", "Finnish": "Finland", "French": "France",
    "Gabonese": "Gabon", "Gambian": "Gambia", "Georgian": "Georgia", "German": "Germany",
    "Ghanaian": "Ghana", "Greek": "Greece", "Guatemalan": "Guatemala", "Guinean": "Guinea",
    "Haitian": "Haiti", "Honduran": "Honduras", "Hungarian": "Hungary",
    "Icelandic": "Iceland", "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran",
    "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy",
    "Ivorian": "Ivory Coast", "Jamaican": "Jamaica", "Japanese": "Japan",
    "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya", "Kosovar": "Kosovo",
    "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Lao": "Laos", "Laotian": "Laos",
    "Latvian": "Latvia", "Lebanese": "Lebanon", "Liberian": "Liberia", "Libyan": "Libya",
    "Lithuanian": "Lithuania", "Malagasy": "Madagascar", "Malawian": "Malawi",
    "Malaysian": "Malaysia", "Malian": "Mali", "Maltese": "Malta",
    "Mauritanian": "Mauritania", "Mexican": "Mexico", "Moldovan": "Moldova",
    "Mongolian": "Mongolia", "Montenegrin": "Montenegro", "Moroccan": "Morocco",
    "Mozambican": "Mozambique", "Namibian": "Namibia", "Nepalese": "Nepal", "Nepali": "Nepal",
    "Nicaraguan": "Nicaragua", "Nigerian": "Nigeria", "Nigerien": "Niger",
    "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan",
    "Palestinian": "Palestinian Territory", "Panamanian": "Panama",
    "Paraguayan": "Paraguay", "Peruvian": "Peru", "Polish": "Poland",
    "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia",
    "Rwandan": "Rwanda", "Salvadoran": "El Salvador", "Saudi": "Saudi Arabia",
    "Scottish": "Scotland", "Senegalese": "Senegal", "Serbian": "Serbia",
    "Sierra Leonean": "Sierra Leone", "Singaporean": "Singapore", "Slovak": "Slovakia",
    "Slovenian": "Slovenia", "Somali": "Somalia", "South African": "South Africa",
    "South Korean": "South Korea", "North Korean": "North Korea",
    "South Sudanese": "South Sudan", "Spanish": "Spain", "Sri Lankan": "Sri Lanka",
    "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland", "Syrian": "Syria",
    "Taiwanese": "Taiwan", "Tajik": "Tajikistan", "Tanzanian": "Tanzania", "Thai": "Thailand",
    "Togolese": "Togo", "Tunisian": "Tunisia", "Turkish": "Turkey", "Turkmen": "Turkmenistan",
    "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay", "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Welsh": "Wales", "Yemeni": "Yemen",
    "Zambian": "Zambia", "Zimbabwean": "Zimbabwe", "New Zealander": "New Zealand",
    "Kurdish": "Kurdistan", "Chechen": "Chechnya", "Abkhaz": "Abkhazia",
    "Abkhazian": "Abkhazia", "Crimean": "Crimea", "Tibetan": "Tibet",
    "Catalan": "Catalonia", "Basque": "Basque Country",
    # continents and regions
    "African": "Africa", "Asian": "Asia", "European": "Europe",
    "North American": "North America", "South American": "South America",
    "Central American": "Central America", "Scandinavian": "Scandinavia",
}  # fmt: skip
#: Nouns for a country's people that are not the adjective plus "s".
_PEOPLE = {
    "Brits": "United Kingdom", "Britons": "United Kingdom", "Danes": "Denmark",
    "Finns": "Finland", "Kurds": "Kurdistan", "Poles": "Poland", "Scots": "Scotland",
    "Spaniards": "Spain", "Swedes": "Sweden", "Turks": "Turkey", "Filipinos": "Philippines",
}  # fmt: skip
DEMONYMS.update(
    {f"{w}s": p for w, p in DEMONYMS.items() if w[-1] in "nikr" and not w.endswith("ish")}
)
DEMONYMS.update(_PEOPLE)
#: Unions of countries and world regions, named like places but with no one spot on the map
#: ("EU"; "the Middle East" was a US village of that name), with the area they lie in.
BLOCS: dict[str, str] = {
    "EU": "Europe", "European Union": "Europe", "Middle East": "Asia",
    "Latin America": "South America",
}  # fmt: skip

# --- event linker: ----------------------------------------------------------------------
# English words the event linker reads (see ``geomentions.event_features``).
#
# Words are matched whole and lowercased; verbs are listed in the forms reports use.
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

#: Words that make a "to" after them "near" ("close to the town of Poso", "next to").
NEAR_BEFORE_TO: frozenset[str] = frozenset("close closer next adjacent".split())
#: Words that make a "from" after them "near": a distance from a landmark, not a place left
#: ("50 kilometers from Baghdad", "not far from Kirkuk", "a few miles away from Aleppo").
NEAR_BEFORE_FROM: frozenset[str] = frozenset(
    "far away distance km kms kilometers kilometres kilometer kilometre miles mile meters "
    "metres yards".split()
)

#: Words between a preposition and its place that do not end the phrase ("in the city of").
FILLERS: frozenset[str] = frozenset(
    "the a an city town village province region district area areas capital countryside "
    "governorate northern southern eastern western central outskirts suburbs suburb parts "
    "part of near neighbouring neighboring nearby disputed restive besieged rebel-held "
    "northwestern northeastern southwestern southeastern north-western north-eastern "
    "south-western south-eastern state county camp "
    # A lone "s": a possessive whose apostrophe was lost in conversion ("Syria   s Raqqa").
    "s".split()
)

#: Nouns of a locality: one before a place names it ("the village of Jdeideh", "the Belarus
#: capital Minsk"); one before "in"/"near" the place is a smaller spot the place holds
#: ("al-Tijara neighbourhood in central Damascus"), where the event is often put.
PLACE_NOUNS: frozenset[str] = frozenset(
    "village villages town towns city cities neighbourhood neighborhood district area "
    "settlement settlements camp suburb quarter capital province governorate region county "
    "school hospital market mosque checkpoint street road square bridge airport port station "
    "crossing building compound house hotel palace plant base museum prison township "
    "neighbourhoods neighborhoods districts peninsula junction corner theater theatre".split()
)
#: Parts of a place: "the southern countryside of Aleppo" is somewhere in Aleppo.
AREA_NOUNS: frozenset[str] = frozenset(
    "countryside outskirts suburbs edge part parts centre center heart environs vicinity "
    "periphery".split()
)
#: Adjectives of a faith or people that stand before a locality noun like a name ("the Sunni
#: neighbourhood of Adhamiyah" is Adhamiyah, not a spot in it).
GROUP_ADJECTIVES: frozenset[str] = frozenset(
    "Sunni Shiite Shia Shi'ite Muslim Christian Jewish Arab Alawite Druze Kurdish Yazidi "
    "Palestinian Bedouin Coptic Catholic Orthodox Armenian Turkmen Assyrian".split()
)
#: Articles: "a U.S. airstrike", "a Tampa woman": a place after one is a modifier.
ARTICLES: frozenset[str] = frozenset({"a", "an"})

#: Words that end a clause: a place after one belongs to another event.
CLAUSE_WORDS: frozenset[str] = frozenset(
    "where while whereas which who whom when after before but although though since until "
    "because as".split()
)
#: "..., where": the clause that follows happened at the place before it.
WHERE_WORDS: frozenset[str] = frozenset({"where"})
#: "that": a place after one belongs to the reported clause ("said that ... in Homs").
THAT_WORDS: frozenset[str] = frozenset({"that"})
#: Words joining the places of one list ("Idlib, Hama and Homs").
LIST_WORDS: tuple[str, ...] = ("and", "or")

#: Words that mark a place as the actor's base or launch site.
BASE_WORDS: frozenset[str] = frozenset(
    "based base airbase airfield stationed launched launching flying flew "
    "deployed garrison headquartered".split()
)
#: Speech words: a place beside one is where the statement came from.
SOURCE_WORDS: frozenset[str] = frozenset(
    "said says told announced reported stated statement spokesman spokeswoman briefing "
    "according quoted claimed declared correspondent correspondents reporter reporters "
    # "a military source in Aleppo", "an Al-Masdar correspondent in Damascus"
    "source sources spokesperson".split()
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
#: Classes of event verbs, for the linker (which reads the class, not the word): harm done to
#: people, whose place follows a preposition ("killed two men in Homs");
HARM_VERBS: frozenset[str] = frozenset(
    "killed kill killing kills wounded wounding injured injuring died shot shoot shoots "
    "shooting gunned executed massacred assassinated murdered murder murdering beheaded "
    "arrested arrest detained detaining kidnapped abducted tortured raped".split()
)
#: taking, striking or patrolling a place, which may be the verb's object ("stormed Zara");
SEIZE_VERBS: frozenset[str] = frozenset(
    "captured capture captures capturing seized seizing stormed storming overran raided "
    "raiding raid invaded invading occupied occupy besieged liberated secured entered enter "
    "entering patrol patrols patrolled patrolling patroling shelled shelling bombed struck "
    "hit targeted targeting attacked attack attacking recaptured recapture recapturing "
    "retook retaken regained".split()
)
#: gatherings ("marched through Cairo").
GATHER_VERBS: frozenset[str] = frozenset(
    "protested protest protests protesting demonstrated demonstrating rallied rally marched "
    "marching marches rioted".split()
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
    "murdered murder beheaded looted rioted riots raped tortured engaged "
    # Forms reports use that the corpus's event verbs showed missing ("March" the month is
    # why "march" itself is not here).
    "patrol patrols patrolled patrolling patroling targeting captures capturing storming "
    "shoot shoots murdering invaded invading raiding detonate detonating blew erupted "
    "occurred occupy secured destroys launched launching marching marches "
    # Taking a place back: "troops recaptured Palmyra", "the army retook Tikrit".
    "recaptured recapture recapturing retook retaken regained".split()
)
