"""Nationality words and the country they name (lower case; English, Russian, Arabic stems).

A report that says "Russian forces" or "the Australian premier" is about that country, even
where it never spells its name: the ranker reads this as one feature (``demonym_in_doc``).
Only words that are not also ordinary words or place names are listed.
"""

from __future__ import annotations

DEMONYMS: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "argentine": "AR",
    "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT",
    "azerbaijani": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY",
    "belgian": "BE", "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB",
    "bulgarian": "BG", "burmese": "MM", "cambodian": "KH", "cameroonian": "CM",
    "canadian": "CA", "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO",
    "congolese": "CD", "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ",
    "danish": "DK", "dutch": "NL", "ecuadorian": "EC", "egyptian": "EG", "emirati": "AE",
    "eritrean": "ER", "estonian": "EE", "ethiopian": "ET", "filipino": "PH", "finnish": "FI",
    "french": "FR", "german": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT",
    "haitian": "HT", "honduran": "HN", "hungarian": "HU", "icelandic": "IS", "indonesian": "ID",
    "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL", "italian": "IT",
    "jamaican": "JM", "japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE",
    "kuwaiti": "KW", "kyrgyz": "KG", "latvian": "LV", "lebanese": "LB", "libyan": "LY",
    "lithuanian": "LT", "malaysian": "MY", "malian": "ML", "mexican": "MX", "moldovan": "MD",
    "mongolian": "MN", "moroccan": "MA", "mozambican": "MZ", "nepalese": "NP", "nigerian": "NG",
    "nigerien": "NE", "norwegian": "NO", "omani": "OM", "pakistani": "PK",
    "palestinian": "PS", "panamanian": "PA", "paraguayan": "PY", "peruvian": "PE",
    "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU",
    "rwandan": "RW", "saudi": "SA", "senegalese": "SN", "serbian": "RS", "singaporean": "SG",
    "slovak": "SK", "slovenian": "SI", "somali": "SO", "spanish": "ES", "sri lankan": "LK",
    "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY", "taiwanese": "TW",
    "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tunisian": "TN", "turkish": "TR",
    "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ",
    "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE", "zambian": "ZM",
    "zimbabwean": "ZW", "new zealander": "NZ", "south african": "ZA", "north korean": "KP",
    "south korean": "KR",
    # Russian adjective stems and Arabic nisba forms our users' reports use.
    "российск": "RU", "сирийск": "SY", "иракск": "IQ", "украинск": "UA", "американск": "US",
    "турецк": "TR", "иранск": "IR", "ливийск": "LY",
    "السوري": "SY", "العراقي": "IQ", "الروسي": "RU", "الأمريكي": "US", "التركي": "TR",
    "الإيراني": "IR", "الليبي": "LY", "اللبناني": "LB", "اليمني": "YE",
}  # fmt: skip
