"""What a whole report says, worked out once, for the ranker's features (:mod:`.features`).

After recognition every kept span (a *reading*) has its name matches. The context object
records, for each reading, where it sits (sentence, paragraph), how strongly the report's
*other* readings vote for each country and first-level division (in the whole document, the
sentence and the paragraph), which countries, divisions and counties the report names, the
demonyms it uses, containment cues around the name ("X, Y", "X in Y", "X, south of Y",
"X (Y)", "the Texas town of X", "X, a city in Y"), the words beside the name that say what
kind of place it is ("Sokoto State", "the city of Tianjin", "Dublin City Council") and
provisional points of the other places (for distances). It is pure data: nothing here chooses a place.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .countries import alpha2
from .lang import ar, en, ru
from .lang.nations import DEMONYMS
from .memo import IdentityMemo
from .names import COUNTRY_ABBREVIATIONS, US_STATE_ABBREVIATIONS, script_of
from .names import key as name_key
from .recognition import Span
from .resolution import NameMatch

__all__ = ["Cue", "DocContext", "build", "alone", "plain", "demonym_countries", "NO_PLACE_KINDS"]

#: Span kinds that name a people or bloc, no place of the report ("Russian jets", "the EU").
NO_PLACE_KINDS: frozenset[str] = frozenset({"demonym", "bloc"})

#: Words a division's name may carry or drop ("Travis County", "Idlib Governorate").
_DIVISION_WORDS = frozenset(
    "county parish province governorate state region district oblast krai muhafazat "
    "municipality borough".split()
)
_DIRECTION = (
    r"(?:\d+(?:\.\d+)?\s*(?:km|kilometers|kilometres|miles|mi)\s+)?"
    r"(?:just\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
)
#: Text between X and Y that puts X inside or beside Y, and the relation it states.
_AFTER = (
    (re.compile(r"(?:,|،)\s*(?:in\s+)?$"), "in"),
    (re.compile(r"\s+(?:in|в)\s+$"), "in"),
    (re.compile(r",?\s+" + _DIRECTION + r"\s+(?:the\s+)?$", re.I), "near"),
    (re.compile(r"\s*\(\s*$"), "in"),
    (
        re.compile(
            r",\s+(?:a|the)\s+(?:small\s+|large\s+|tiny\s+|rural\s+)?(?:city|town|village|"
            r"community|suburb|hamlet|township|borough|county seat)\s+(?:in|of|near|outside)\s+"
            r"(?:the\s+)?$",
            re.I,
        ),
        "in",
    ),
)
#: "the Texas town of X": Y written before X.
_TOWN_OF = re.compile(
    r"\s+(?:town|city|village|community|suburb|capital|county seat|resort)\s+of\s+$", re.I
)
#: "County" or "Parish" as a word. The word start is checked after a match (``_counties``): a
#: pattern that opens with ``\b`` is tried at every position of the text, several times slower.
_COUNTY = re.compile(r"(?:County|Parish)\b")
_WORD_CHAR = re.compile(r"\w")
#: The name before "County", read backwards from it (no scan of the whole text).
_COUNTY_NAME = re.compile(r"((?:[A-Z][a-z'-]*[a-z]\s+){1,3})$")
_PARAGRAPH = re.compile(r"\n\s*\n")
_GOVERNMENT = en.GOVERNMENT_WORDS | ru.GOVERNMENT_WORDS | ar.GOVERNMENT_WORDS
#: Kinds of place the words beside a name may say, and the words that say them.
KINDS = (("division", en.DIVISION_CUES), ("county", en.COUNTY_CUES), ("town", en.TOWN_CUES))
#: Where the words beside a name stop: punctuation ends the phrase.
_PHRASE_END = re.compile(r"[,.;:!?()\[\]\"\n،]")
_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"^['’]s\b")

_ARABIC_CC = frozenset("SY IQ LB JO PS EG SA YE AE QA KW BH OM LY TN DZ MA SD MR SO DJ KM".split())
_CYRILLIC_CC = frozenset("RU UA BY KZ KG TJ BG RS MK MN".split())


@lru_cache(maxsize=65536)
def plain(name: str) -> str:
    """A division or country name reduced for comparison: case, dots and division words go.

    >>> plain("Travis County"), plain("Idlib Governorate"), plain("N.S.W.")
    ('travis', 'idlib', 'nsw')
    """
    words = _WORD.findall(name.casefold().replace(".", ""))
    while len(words) > 1 and words[-1] in _DIVISION_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in _DIVISION_WORDS | {"the", "of"}:
        words.pop(0)
    return " ".join(words)


def _demonym_index() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    for cc, words in DEMONYMS.items():
        for w in words:
            if "\u0400" <= w[0] <= "\u04ff":
                stems.append((w, cc))  # Russian adjective stems take endings
            else:
                exact[w] = cc
    return exact, tuple(sorted(stems))


_DEMONYMS_EXACT, _DEMONYM_STEMS = _demonym_index()
#: "North Korean", "South Sudanese", "New Zealanders": demonyms of two words.
_PAIR_HEADS = frozenset({"north", "south", "new"})
#: Each one-word demonym and its plural in "s" (the demonym's own entry first: "Swiss").
_DEMONYM_FORMS = {**{w + "s": cc for w, cc in _DEMONYMS_EXACT.items()}, **_DEMONYMS_EXACT}
_DEMONYM_FORM_SET = frozenset(_DEMONYM_FORMS)
#: A letter of the scripts whose words the loop of demonym_countries reads.
_ARABIC_OR_CYRILLIC = re.compile("[\u0600-\u06ff\u0400-\u04ff]")


def demonym_countries(text: str) -> frozenset[str]:
    """Countries whose demonym or nationality adjective the text uses.

    >>> sorted(demonym_countries("Australian police and two Syrians; российские войска"))
    ['AU', 'RU', 'SY']
    """
    found: set[str] = set()
    folded = text.casefold()
    words = _WORD.findall(folded)
    distinct = set(words)  # each distinct word once: the answer is a set
    if not distinct.isdisjoint(_PAIR_HEADS):
        for n, w in enumerate(words[:-1]):
            if w in _PAIR_HEADS:
                pair = f"{w} {words[n + 1].removesuffix('s')}"
                if pair in _DEMONYMS_EXACT:
                    found.add(_DEMONYMS_EXACT[pair])
    # One set intersection in place of two look-ups per word.
    found.update(_DEMONYM_FORMS[w] for w in distinct & _DEMONYM_FORM_SET)
    if folded.isascii() or _ARABIC_OR_CYRILLIC.search(folded) is None:
        # No Arabic or Cyrillic word below (curly quotes make many English reports non-ASCII).
        return frozenset(found)
    for w in distinct - _DEMONYM_FORM_SET:
        cc = None
        if "\u0600" <= w[0] <= "\u06ff":
            bare = w.removeprefix("ال")
            for end in ("ين", "ون", "ة", "ية"):
                bare = bare.removesuffix(end) if len(bare) > 3 else bare
            cc = _DEMONYMS_EXACT.get(bare) or _DEMONYMS_EXACT.get(bare + "ي")
        if cc is None and "\u0400" <= w[0] <= "\u04ff":
            i = bisect.bisect_right(_DEMONYM_STEMS, (w, "\uffff")) - 1
            if i >= 0 and w.startswith(_DEMONYM_STEMS[i][0]):
                cc = _DEMONYM_STEMS[i][1]
        if cc is not None:
            found.add(cc)
    return frozenset(found)


@dataclass(frozen=True)
class Cue:
    """A phrase that puts a reading inside (or beside) another place: its name as written
    (``outer``, plain) and, when recognised, the reading that names it."""

    relation: str  # "in" or "near"
    outer: str
    reading: int | None


def script_fit(script: str, country_code: str) -> int:
    """+1 when a name's script is the usual one of the candidate's country, -1 when the
    name is in a non-Latin script the country does not use, 0 for Latin script."""
    if script == "arabic":
        return 1 if country_code in _ARABIC_CC else -1
    if script == "cyrillic":
        return 1 if country_code in _CYRILLIC_CC else -1
    return 0


#: Other readings (either side in text order) whose points a candidate is measured from:
#: enough for any report, and a bound on the work for a text that is a list of names.
NEIGHBOURS = 30


@dataclass
class DocContext:
    """Per-reading facts about a report, for :func:`geomentions.features.candidate_matrix`.
    Everything a reading asks is precomputed or cached: work stays linear in the text."""

    spans: list[Span]
    #: Whole-document country shares (the caller's focus; a hint overrides it).
    countries: dict[str, float]
    hint: frozenset[str]
    sentence_of: list[int]
    paragraph_of: list[int]
    #: Vote totals per (scope, group) and per (scope, group, name), countries and regions.
    totals: dict[tuple, dict]
    #: Countries / (country, plain admin1) -> the names (span texts) that spell them.
    country_namers: dict[str, set[str]]
    admin1_namers: dict[tuple[str, str], set[str]]
    #: Per sentence: (country, plain admin1) -> names that spell it there.
    sentence_admin1: dict[int, dict[tuple[str, str], set[str]]]
    counties: frozenset[str]
    demonyms: frozenset[str]
    #: Per reading: its sentence speaks of government or diplomacy (lang GOVERNMENT_WORDS).
    government: list[bool]
    cues: list[Cue | None]
    #: Per reading: the kinds of place (``KINDS``) the words beside it say; per name: the
    #: kinds said beside any of its readings.
    said: list[frozenset[str]]
    said_of_name: dict[str, frozenset[str]]
    #: Provisional points of every reading (nan for countries and unresolved names) and a
    #: number per distinct name.
    lat: np.ndarray
    lon: np.ndarray
    name_id: np.ndarray
    _shares: dict[tuple, dict] = field(default_factory=dict)

    def group(self, i: int, scope: str) -> int:
        if scope == "doc":
            return 0
        return (self.sentence_of if scope == "sentence" else self.paragraph_of)[i]

    def shares(self, i: int, scope: str, regions: bool = False) -> dict:
        """Shares (top 1.0) of the votes of the readings in the same ``scope`` ("doc",
        "sentence", "paragraph") as reading ``i``, leaving out every reading of its name."""
        g, name = self.group(i, scope), self.spans[i].text
        key = (scope, g, regions, name)
        found = self._shares.get(key)
        if found is None:
            total = self.totals.get((scope, g, regions), {})
            own = self.totals.get((scope, g, regions, name), {})
            if own == total:
                # Only this name voted here (often, in a sentence): every difference below
                # is exactly 0.0, so no share passes the bar.
                found = {}
            else:
                # The group's totals less this name's votes: copied in C, and only the
                # name's own few keys recomputed (the others less 0.0 are themselves).
                rest = dict(total)
                for k, v in own.items():
                    if k in rest:
                        rest[k] = total[k] - v
                top = max(rest.values(), default=0.0)
                found = {k: v / top for k, v in rest.items() if v > 1e-9} if top > 1e-9 else {}
            self._shares[key] = found
        return found

    def others_name(self, namers: set[str] | None, i: int) -> bool:
        """Whether a name other than reading ``i``'s own is among ``namers``."""
        # namers - {own} is not empty (without making either set: asked per candidate).
        if not namers:
            return False
        return len(namers) > 1 or self.spans[i].text not in namers


def _cue(text: str, spans: list[Span], i: int) -> Cue | None:
    a = spans[i]
    # Y after X: the next reading, joined by one of the _AFTER phrases.
    if i + 1 < len(spans):
        b = spans[i + 1]
        gap = text[a.end : b.start]
        if len(gap) <= 40 and "\n" not in gap:
            for pattern, relation in _AFTER:
                if pattern.fullmatch(gap):
                    return Cue(relation, plain(b.text), i + 1)
    # "the Texas town of X", "the Syrian city of X" (Y before X, maybe a demonym).
    before = text[max(0, a.start - 60) : a.start]
    m = _TOWN_OF.search(before) if _ends_in_of(before) else None
    if m is not None:
        head = before[: m.start()]
        words = re.search(r"(?:[Tt]he|[Aa])\s+((?:[A-Z][\w'.-]*\s*){1,3})$", head)
        if words is not None:
            outer = words.group(1).strip()
            j = next((k for k in range(i - 1, -1, -1) if spans[k].end <= a.start), None)
            reading = j if j is not None and text[spans[j].start : spans[j].end] in outer else None
            return Cue("in", plain(outer), reading)
    return None


def _ends_in_of(before: str) -> bool:
    """Whether ``before`` ends in "of" (any case) and spaces, as every match of _TOWN_OF does:
    without them the search, which tries every position, is skipped."""
    tail = before.rstrip()
    return len(tail) < len(before) and tail[-2:].lower() == "of"


def said_kinds(text: str, start: int, end: int) -> frozenset[str]:
    """The kinds of place (``KINDS``) that the word right after a name ("Sokoto State",
    "Murmansk's governor") or right before it ("the city of Tianjin", "Governor Kabul") says.

    >>> sorted(said_kinds("the Governor of Sokoto State, Tambuwal", 16, 22))
    ['division']
    >>> sorted(said_kinds("in the northeastern city of Tianjin", 28, 35))
    ['town']
    >>> sorted(said_kinds("a Palestinian state with Jerusalem as its capital", 25, 34))
    []
    """
    after = text[end : end + 24]
    cut = _PHRASE_END.search(after)
    after = _POSSESSIVE.sub("", after[: cut.start()] if cut is not None else after)
    before = text[max(0, start - 32) : start]
    cuts = list(_PHRASE_END.finditer(before))
    before = before[cuts[-1].end() :] if cuts else before
    words = _WORD.findall(after.casefold())[:1]
    prior = _WORD.findall(before.casefold())[-2:]
    if prior and prior[-1] == "of":
        prior = prior[:-1]
    words += prior[-1:]
    if _KIND_WORDS.isdisjoint(words):
        return _NO_KINDS  # most names: no cue word beside them
    return frozenset(kind for kind, cue_words in KINDS if not cue_words.isdisjoint(words))


_KIND_WORDS = frozenset().union(*(cue_words for _, cue_words in KINDS))
_NO_KINDS: frozenset[str] = frozenset()


def _counties(text: str) -> list[str]:
    """Plain names of the counties and parishes a text names ("Travis County" -> "travis")."""
    out: list[str] = []
    for m in _COUNTY.finditer(text):
        if m.start() and _WORD_CHAR.match(text, m.start() - 1):
            continue  # inside a word ("SubCounty")
        head = _COUNTY_NAME.search(text[max(0, m.start() - 40) : m.start()])
        if head is not None:
            out.append(plain(head.group(1)))
    return out


def _literal_areas(matches: Sequence[NameMatch]) -> tuple[tuple[bool, str, str], ...]:
    """The countries (True, country, "") and first-level divisions (False, country, plain
    name) that a reading's matches name as written, in match order."""
    out = []
    for m in matches:
        if not m.literal:
            continue
        code = m.info["feature_code"]
        if code.startswith("PCL"):
            out.append((True, m.info["country_code"], ""))
        elif code == "ADM1":
            out.append((False, m.info["country_code"], plain(m.info["name"])))
    return tuple(out)


#: _literal_areas of a name's shared matches tuple, worked out once (see ``memo``).
_LITERAL_AREAS = IdentityMemo(_literal_areas, 20_000)


def build(
    text: str,
    spans: list[Span],
    matches: Sequence[Sequence[NameMatch]],
    votes: list[dict[str, float]],
    region_votes: list[dict[tuple[str, str], float]],
    countries: dict[str, float],
    hint: Sequence[str],
    sentences: Sequence[tuple[int, int]],
    points: Sequence[tuple[float, float] | None],
) -> DocContext:
    """The context of one report; ``points`` are the readings' provisional places (None for
    countries and names with none)."""
    starts = [s for s, _ in sentences]
    sentence_of = [max(0, bisect.bisect_right(starts, sp.start) - 1) for sp in spans]
    breaks = [m.end() for m in _PARAGRAPH.finditer(text)]
    paragraph_of = [bisect.bisect_right(breaks, sp.start) for sp in spans]
    country_namers: dict[str, set[str]] = defaultdict(set)
    admin1_namers: dict[tuple[str, str], set[str]] = defaultdict(set)
    sentence_admin1: dict[int, dict[tuple[str, str], set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    totals: dict[tuple, dict] = defaultdict(lambda: defaultdict(float))
    names: dict[str, int] = {}
    for i, ms in enumerate(matches):
        sp = spans[i]
        names.setdefault(sp.text, len(names))
        for scope, g in (("doc", 0), ("sentence", sentence_of[i]), ("paragraph", paragraph_of[i])):
            for regions, cast in ((False, votes[i]), (True, region_votes[i])):
                if cast:  # the two totals looked up once per reading, not once per vote
                    group, own = totals[(scope, g, regions)], totals[(scope, g, regions, sp.text)]
                    for k, v in cast.items():
                        group[k] += v
                        own[k] += v
        # A demonym names a people, not its country: "Syrian forces" is the feature
        # ``demonym``; counted here too, it read as the country named (and learned as such).
        areas: tuple[tuple[bool, str, str], ...] = ()
        if sp.kind not in NO_PLACE_KINDS:
            areas = _LITERAL_AREAS(ms) if isinstance(ms, tuple) else _literal_areas(ms)
        for country, cc, admin1 in areas:
            if country:
                country_namers[cc].add(sp.text)
            else:
                key = (cc, admin1)
                admin1_namers[key].add(sp.text)
                sentence_admin1[sentence_of[i]][key].add(sp.text)
        # "US", "UK" in running text stand for a country.
        if sp.text in COUNTRY_ABBREVIATIONS:
            abbreviated = alpha2(COUNTRY_ABBREVIATIONS[sp.text])
            if abbreviated:
                country_namers[abbreviated].add(sp.text)
    counties = frozenset(_counties(text))
    government: dict[int, bool] = {}
    for s in set(sentence_of):
        if sentences:
            a, b = sentences[s]
            government[s] = not _GOVERNMENT.isdisjoint(_WORD.findall(text[a:b].casefold()))
    lat = np.array([p[0] if p else np.nan for p in points], dtype=np.float64)
    lon = np.array([p[1] if p else np.nan for p in points], dtype=np.float64)
    span_list = list(spans)
    said = [said_kinds(text, sp.start, sp.end) for sp in span_list]
    said_of_name: dict[str, frozenset[str]] = {}
    for sp, kinds in zip(span_list, said, strict=True):
        said_of_name[sp.text] = said_of_name.get(sp.text, frozenset()) | kinds
    return DocContext(
        spans=span_list,
        countries=countries,
        hint=frozenset(hint),
        sentence_of=sentence_of,
        paragraph_of=paragraph_of,
        # The inner defaultdicts as they are (read with .get only): copying them cost more
        # than the rest of the context.
        totals=dict(totals),
        country_namers=dict(country_namers),
        admin1_namers=dict(admin1_namers),
        sentence_admin1=dict(sentence_admin1),
        counties=counties,
        demonyms=demonym_countries(text),
        government=[government.get(s, False) for s in sentence_of],
        cues=[_cue(text, span_list, i) for i in range(len(span_list))],
        said=said,
        said_of_name=said_of_name,
        lat=lat,
        lon=lon,
        name_id=np.array([names[sp.text] for sp in spans], dtype=np.int64),
    )


def alone(
    name: str,
    *,
    hint: frozenset[str] = frozenset(),
    near: tuple[float, float] | None = None,
    near_region: tuple[str, str] | None = None,
    within: str | None = None,
) -> DocContext:
    """The context of a name looked up on its own (``resolve``, the Geocoder): a report of
    one name in one sentence, whose countries are the caller's ``hint``, whose one other
    place is the ``near`` point (lying in ``near_region``, (country, admin1)), and whose
    words put it ``within`` a named place ("Sarmada, Idlib")."""
    span = Span(0, len(name), name, (name_key(name),), script_of(name))
    totals: dict[tuple, dict] = {}
    if near_region is not None:
        # The near point votes as another place of the report would (not in the sentence).
        for scope in ("doc", "paragraph"):
            totals[(scope, 0, False)] = {near_region[0]: 1.0}
            if near_region[1]:
                totals[(scope, 0, True)] = {near_region: 1.0}
    lat = [np.nan, near[0]] if near is not None else [np.nan]
    lon = [np.nan, near[1]] if near is not None else [np.nan]
    return DocContext(
        spans=[span],
        countries={cc: 1.0 for cc in sorted(hint)},
        hint=hint,
        sentence_of=[0],
        paragraph_of=[0],
        totals=totals,
        country_namers={},
        admin1_namers={},
        sentence_admin1={},
        counties=frozenset(),
        demonyms=frozenset(),
        government=[False],
        cues=[Cue("in", plain(within), None) if within else None],
        said=[frozenset()],
        said_of_name={},
        lat=np.array(lat, dtype=np.float64),
        lon=np.array(lon, dtype=np.float64),
        # The near point counts as another name's place (see ``neighbours``).
        name_id=np.arange(len(lat), dtype=np.int64),
    )


#: The division abbreviations by their plain form: ``outer`` has lost its dots and case, so
#: "Kan." and "W.Va." are looked up as "kan" and "wva" (and "TX" as "tx").
_ABBREVIATED: dict[str, str] = {plain(k): v for k, v in US_STATE_ABBREVIATIONS.items()}


def outer_name_fits(outer: str, info: dict, country_name: str) -> bool:
    """Whether a place lies in a division or country called ``outer`` (plain), by its own
    admin1, admin2 or country name ("Paris" in "texas", "Lima" in "new york")."""
    outer = plain(_ABBREVIATED.get(outer, outer))
    if not outer:
        return False
    if outer in (plain(info["admin1"] or "-"), plain(info["admin2"] or "-")):
        return True
    return outer == plain(country_name) or alpha2(outer) == info["country_code"]
