# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The recognition scan's two per-character and per-word loops, compiled.

:mod:`geomentions.recognition` holds the pure-Python versions of both functions (the
fallback when this module was not built, or when ``GEOMENTIONS_PURE=1``) and picks one at
import; the tests run both on the same texts and require identical results.

* :func:`tokens` splits a text into words: a run of letters and digits (``str.isalnum``,
  which is what the regex class ``[^\\W_]`` matches), with apostrophe-like marks inside a
  word ("al-Qa'im", "Ma`arrat") kept when a letter or digit follows.
* :func:`name_starts` lists the words that may start a name (capitalised, or Arabic; not
  masked, not a preposition or generic word alone), each with the first masked word after it.
* :func:`run_end` finds how far a run of words that could be one name reaches from a
  starting word: names do not cross punctuation (but hyphens, apostrophes, spaces and the
  period of "St. Louis"), change script, or run on into lowercase words.
"""

cimport cython
from cpython.unicode cimport Py_UNICODE_ISALNUM

# Set once by geomentions.recognition (configure): the word lists live there, in one place.
cdef object _word = None
cdef object _token = None
cdef object _is_particle = None
cdef frozenset _abbreviations = frozenset()
cdef frozenset _particles = frozenset()
cdef frozenset _ar_prepositions = frozenset()
cdef frozenset _trailing = frozenset()
cdef Py_ssize_t _max_tokens = 5
cdef frozenset _ar_stop = frozenset()
cdef frozenset _ru_prepositions = frozenset()
cdef frozenset _ru_generic = frozenset()
cdef frozenset _sun_articles = frozenset()


def configure(word, token, is_particle, abbreviations, particles, ar_prepositions, trailing,
              max_tokens, ar_stop, ru_prepositions, ru_generic, sun_articles):
    """Give the scan recognition's word judge, token type and word lists."""
    global _word, _token, _is_particle, _abbreviations, _particles, _ar_prepositions
    global _trailing, _max_tokens, _ar_stop, _ru_prepositions, _ru_generic, _sun_articles
    _word, _token, _is_particle = word, token, is_particle
    _abbreviations, _particles = frozenset(abbreviations), frozenset(particles)
    _ar_prepositions, _trailing = frozenset(ar_prepositions), frozenset(trailing)
    _max_tokens = max_tokens
    _ar_stop, _ru_prepositions = frozenset(ar_stop), frozenset(ru_prepositions)
    _ru_generic, _sun_articles = frozenset(ru_generic), frozenset(sun_articles)


cdef inline bint _apostrophe(Py_UCS4 c):
    # ' ’ ‘ ʿ ʾ `: apostrophes, and an ayn or hamza inside a word ("Ta‘izz").
    return (c == u"'" or c == u"\u2019" or c == u"\u2018" or c == u"\u02bf" or c == u"\u02be"
            or c == u"`")


cdef inline bint _name_gap(Py_UCS4 c):
    # " -‐'’" and the no-break space: what may stand between two words of one name; and an
    # ayn or hamza opening a word ("Ayn ‘Issa", "Ra’s al-‘Ayn"): recognition._NAME_GAP.
    return (c == u" " or c == u"-" or c == u"\u2010" or c == u"'" or c == u"\u2019"
            or c == u"\u00a0" or c == u"\u2018" or c == u"\u02bf" or c == u"\u02be"
            or c == u"`")


def tokens(str text):
    """The words of ``text`` as recognition's tokens (start, end, text, script, cap, lower)."""
    cdef Py_ssize_t n = len(text), pos = 0, start
    cdef list out = []
    cdef tuple w
    new = tuple.__new__
    token, word = _token, _word
    while pos < n:
        if not Py_UNICODE_ISALNUM(text[pos]):
            pos += 1
            continue
        start = pos
        pos += 1
        while True:
            while pos < n and Py_UNICODE_ISALNUM(text[pos]):
                pos += 1
            if pos + 1 < n and _apostrophe(text[pos]) and Py_UNICODE_ISALNUM(text[pos + 1]):
                pos += 2
                continue
            break
        w = word(text[start:pos])
        out.append(new(token, (start, start + len(<str>w[0]), w[0], w[1], w[2], w[3])))
    return out


@cython.boundscheck(True)  # tokens and text come from the caller: never read past them
def run_end(str text, list toks, Py_ssize_t i, Py_ssize_t n):
    """The index after the last word of the run that could be a name starting at ``toks[i]``
    (at most ``max_tokens`` words, and not past ``toks[n - 1]``)."""
    # Tokens are NamedTuples: <tuple> casts (unchecked) read their fields as plain tuples.
    cdef tuple first = <tuple>toks[i], t
    cdef str script = first[3]
    cdef Py_ssize_t j = i + 1, prev_end = first[1], start, k, glen
    cdef Py_UCS4 c
    cdef bint plain
    cdef str word
    while j < n and j - i < _max_tokens:
        t = <tuple>toks[j]
        start = t[0]
        glen = start - prev_end
        plain = glen <= 2
        if plain:
            for k in range(prev_end, start):
                if not _name_gap(text[k]):
                    plain = False
                    break
        if not plain:
            # The period of "St. Louis" or "Mt. Pleasant" (". " or "."), after such a word.
            if not (
                (glen == 1 or (glen == 2 and text[prev_end + 1] == u" "))
                and text[prev_end] == u"."
                and (<tuple>toks[j - 1])[5] in _abbreviations
            ):
                break
        if t[3] != script:
            break
        if script == "arabic":
            word = t[2]
            if word.startswith("و") and not word.startswith("وادي"):
                break  # "سراقب وبلدة": a conjunction starts the next phrase
            if word in _ar_prepositions:
                break  # "حلب في": no preposition inside a name
        elif not t[4] and t[5] not in _trailing:
            if t[5] not in _particles and not _is_particle(t):
                break
        prev_end = t[1]
        j += 1
    return j


@cython.boundscheck(True)
def name_starts(list toks, list masked):
    """(token index, limit) of every word that may start a name, in order; a name starting
    there ends before token ``limit`` (the first masked word after it, else the last token).
    ``masked``: sorted (start, end) character ranges no name may touch."""
    cdef Py_ssize_t n = len(toks), m = len(masked), mask_i = 0, i, k, start
    cdef Py_ssize_t mask_start = -1, mask_end = -1, limit = n, limit_of = -1
    cdef tuple t, nxt
    cdef str script, low
    cdef list out = []
    if m:
        mask_start, mask_end = (<tuple>masked[0])[0], (<tuple>masked[0])[1]
    for i in range(n):
        t = <tuple>toks[i]
        if not t[4]:
            continue
        start = t[0]
        while mask_i < m and mask_end <= start:
            mask_i += 1
            if mask_i < m:
                mask_start, mask_end = (<tuple>masked[mask_i])[0], (<tuple>masked[mask_i])[1]
        if mask_i < m and mask_start <= start < mask_end:
            continue
        script, low = t[3], t[5]
        if script == "arabic":
            if t[2] in _ar_stop:
                continue  # a preposition or feature word starts no name
        elif script == "cyrillic":
            if low in _ru_prepositions:
                continue  # a sentence-initial preposition is not a name's start
            if low in _ru_generic and not (i + 1 < n and (<tuple>toks[i + 1])[4]):
                continue  # "район", "область" alone is no name
        if low in _sun_articles:
            # "As Sukhnah": an assimilated Arabic article only before its own consonant.
            if not (i + 1 < n and (<str>(<tuple>toks[i + 1])[5]).startswith(low[1:])):
                continue
        if mask_i < m:
            # The first token at or after the mask's start (tokens are in text order; the
            # word here starts before the mask): found once per mask.
            if limit_of != mask_i:
                k = i
                while k < n and (<tuple>toks[k])[0] < mask_start:
                    k += 1
                limit, limit_of = k, mask_i
            out.append((i, limit))
        else:
            out.append((i, n))
    return out
