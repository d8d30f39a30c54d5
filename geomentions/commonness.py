"""How common a word is as an ordinary word, on the Zipf scale, from a small shipped table.

The recogniser asks this of every span it finds ("She", "Once", "غارة" are ordinary words
that collide with place names). The figures are wordfreq's (Robyn Speer et al.; its data
are CC BY-SA 4.0), cut down to what the extraction rules can tell apart: every rule that
reads a span's commonness starts at ``FLOOR`` (2.8, Arabic in
``extraction._common_word`` and ``_word_penalty``; the others start higher), so only the
words at or above it are kept. A word not in the table is rarer than that, which the rules
treat the same as never seen: it gets 0.0. This keeps the answers identical to wordfreq's
for everything the rules can see, in about 1 MB instead of wordfreq's 233 MB of
dictionaries in memory.

>>> zipf("the", "en"), zipf("aleppo", "en"), zipf("пальмира", "ru")  # the last is below FLOOR
(7.73, 3.56, 0.0)
>>> zipf("city council", "en")  # a phrase: its words' frequencies combined, as wordfreq does
4.97

Table format (``geomentions/data/zipf-<lang>.txt.gz``): one line per frequency step,
``<centibels>\\t<word> <word> ...``, where a word's frequency is 10 ** (-centibels / 100),
wordfreq's own quantisation. Rebuild with ``python -m geomentions.commonness`` (needs
``pip install '.[build]'`` for wordfreq); it checks the table against wordfreq on every word
and phrase of the gazetteer's names and prints any difference.
"""

from __future__ import annotations

import gzip
import math
import re
import threading
import unicodedata
from importlib import resources

__all__ = ["FLOOR", "LANGUAGES", "zipf"]

#: The lowest Zipf value any extraction rule looks at; rarer words are stored as absent.
FLOOR = 2.8
#: Languages with a table (the recogniser's scripts: Latin, Arabic, Cyrillic).
LANGUAGES = ("en", "ar", "ru")
_MAX_CENTIBELS = round((9 - FLOOR) * 100)  # Zipf = 9 - centibels / 100
_NORMAL_FORM = {"en": "NFC", "ru": "NFC", "ar": "NFKC"}  # as wordfreq normalises each language
_TATWEEL = "\u0640"
# Our tokens hold letters, digits and inner apostrophes; wordfreq splits them only at spaces
# and at a backtick (the other apostrophes stay inside a word).
_SPLIT = re.compile(r"[\s`]+")
# ... except a French-style elision: one or two letters, an apostrophe and a vowel or h
# ("l'est", "qu'il", and so transliterations like "ch'eng" or "a'in") are two words.
_ELISION = re.compile(r"\b(\w\w?)'(?=[aehiouyáéíóúàèìòùâêîôûåïöœ])")
_STRAIGHT = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc", "'"))
# Numbers are not ordinary words a place name could be mistaken for (wordfreq models them
# apart): a word with a run of digits counts as rare.
_DIGITS = re.compile(r"\d[\d.,]")
_tables: dict[str, dict[str, int]] = {}
_lock = threading.Lock()


def _table(lang: str) -> dict[str, int]:
    """word -> centibels for one language, read on first use (a report in one script never
    loads the others)."""
    table = _tables.get(lang)
    if table is None:
        with _lock:
            table = _tables.get(lang)
            if table is None:
                table = {}
                path = resources.files("geomentions") / "data" / f"zipf-{lang}.txt.gz"
                with gzip.open(str(path), "rt", encoding="utf-8") as fh:
                    for line in fh:
                        cb, words = line.rstrip("\n").split("\t")
                        table.update(dict.fromkeys(words.split(" "), int(cb)))
                _tables[lang] = table
    return table


def _normalise(text: str, lang: str) -> str:
    text = unicodedata.normalize(_NORMAL_FORM[lang], text)
    if lang == "ar":  # unvowelled: drop vowel marks and the tatweel
        text = "".join(c for c in text if c != _TATWEEL and not unicodedata.category(c) == "Mn")
    return text.casefold()


def zipf(text: str, lang: str) -> float:
    """How often ``text`` occurs per billion words, as log10 (the Zipf scale, two decimals):
    0.0 when it or any of its words is below ``FLOOR`` or holds a number. ``lang``: "en", "ar" or "ru"."""
    table = _table(lang)
    # The elision splits only at a straight apostrophe; a curly one is read as straight after.
    text = _ELISION.sub(r"\1 ", _normalise(text, lang)).translate(_STRAIGHT)
    words = [w for w in _SPLIT.split(text) if w]
    if not words or any(_DIGITS.search(w) for w in words):
        return 0.0
    # A phrase is as rare as its words together: 1/f = 1/f1 + 1/f2 + ... (wordfreq's rule).
    inverse = 0.0
    for w in words:
        cb = table.get(w)
        if cb is None:
            return 0.0
        inverse += 1.0 / 10 ** (-cb / 100)
    freq = 1.0 / inverse
    freq = round(freq, math.floor(-math.log10(freq)) + 3)  # three significant digits
    return round(math.log10(freq) + 9, 2)


def build(out_dir: str | None = None) -> None:  # pragma: no cover - needs wordfreq
    """Write the tables from wordfreq and check them against it on the gazetteer's names."""
    from pathlib import Path

    import wordfreq

    from .gazetteer import Gazetteer
    from .names import script_of
    from .recognition import _tokens

    target = Path(out_dir) if out_dir else Path(__file__).resolve().parent / "data"
    target.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        buckets = wordfreq.get_frequency_list(lang)[: _MAX_CENTIBELS + 1]
        lines = [f"{cb}\t{' '.join(sorted(ws))}\n" for cb, ws in enumerate(buckets) if ws]
        with gzip.GzipFile(target / f"zipf-{lang}.txt.gz", "wb", mtime=0) as fh:
            fh.write("".join(lines).encode("utf-8"))
        print(f"{lang}: {sum(len(ws) for ws in buckets):,} words at Zipf >= {FLOOR}")
    # What the recogniser can ask: a span's lowercased words, alone and as a phrase.
    lang_of = {"latin": "en", "arabic": "ar", "cyrillic": "ru"}
    asked: set[tuple[str, str]] = set()
    gaz = Gazetteer.default()
    for row in range(gaz.n_file_places):
        for name in gaz.names_of(row):
            words = [t.lower for t in _tokens(name)][:5]
            lang = lang_of.get(script_of(name)) if words else None
            if lang:
                asked.update((w, lang) for w in words)
                asked.add((" ".join(words), lang))
    _tables.clear()
    differ = [
        (text, lang, zipf(text, lang), wordfreq.zipf_frequency(text, lang))
        for text, lang in sorted(asked)
        if zipf(text, lang) != wordfreq.zipf_frequency(text, lang)
        and max(zipf(text, lang), wordfreq.zipf_frequency(text, lang)) >= FLOOR
    ]
    numbers = [d for d in differ if _DIGITS.search(d[0])]  # on purpose (see _DIGITS)
    differ = [d for d in differ if not _DIGITS.search(d[0])]
    print(
        f"checked {len(asked):,} words and phrases of gazetteer names: {len(differ)} differ,"
        f" and {len(numbers)} holding numbers"
    )
    for text, lang, ours, theirs in differ[:20]:
        print(f"  {lang} {text!r}: table {ours}, wordfreq {theirs}")


if __name__ == "__main__":  # pragma: no cover
    build()
