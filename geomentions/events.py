"""Event-location linking: the role each place plays for the events of its sentence.

For every event word of a sentence (typed ones from :mod:`geomentions.activity`, and the
verbs of :mod:`geomentions.lang`) and every place the sentence names, the shipped linker
(``data/linker.json``, boosted trees applied by :mod:`geomentions.trees` over the
features of :mod:`geomentions.event_features`) gives the probability that the event happened
there; a second, smaller model (``data/linker_rivals.json``) weighs that probability against
the other places' for the same event word (an event mostly happened at one of them). A place
is an ``"event"`` location when its highest probability reaches the model's threshold and its
own words give it no other role (below), or give it a base, a destination or an origin by
"from" (not a place left: "fled Mosul") but the probability reaches :data:`OVERRULE_P`
("marched to Nairobi to protest"); its event is, of
the event words reaching it, one whose clause opens on the place ("Erbil, where a bomb
exploded"), else the nearest. Any other place gets the role its own words give it:

* ``"source"`` - a dateline or the place of a statement ("said in Moscow");
* ``"base"`` - where the actor is based or launched from ("flying from Hmeymim airbase");
* ``"origin"`` - "from X", or the place left ("fled Mosul");
* ``"destination"`` - "to X", or the place reached ("arrived in Erbil");
* ``"other"`` - just mentioned.

``role_p`` is the model's probability for ``"event"`` and one minus it for the others.

>>> sent = "Refugees who fled Mosul arrived in Erbil, where a car bomb exploded."
>>> [(r.role, r.trigger) for r in link(sent, [(18, 23), (35, 40)])]
[('origin', None), ('event', (59, 67))]
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from geomentions.activity import event_type_at, event_words, sentence_of
from geomentions.event_features import (
    FEATURE_NAMES,
    RIVAL_FEATURE_NAMES,
    VERSION,
    Sentence,
    rival_matrix,
)
from geomentions.model import ROLES, Activity, Event, Mention
from geomentions.trees import TreeModel, shipped_trees

__all__ = ["ROLES", "Link", "link", "link_document"]


Span = tuple[int, int]


@dataclass(frozen=True, slots=True, init=False)
class Link:
    """The role of one place: ``trigger`` (sentence offsets) and ``event_type`` are those of
    its event word when the role is ``"event"``, else None. ``type_word`` is the typed event
    word the type comes from: the trigger itself, or one beside it ("a car bomb exploded")."""

    role: str
    role_p: float
    trigger: Span | None = None
    event_type: str | None = None
    type_word: Span | None = None

    # Written out (as every dataclass of a compiled module that is made per mention):
    # compiled, this sets C slots; a generated ``__init__`` runs as Python.
    def __init__(
        self, role: str, role_p: float, trigger: Span | None = None,
        event_type: str | None = None, type_word: Span | None = None,
    ) -> None:  # fmt: skip
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "role_p", role_p)
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "event_type", event_type)
        object.__setattr__(self, "type_word", type_word)


@dataclass(frozen=True, slots=True, init=False)
class Trigger:
    """An event word: ``kind`` "event", "leave" or "arrive"; ``event_type`` if typed."""

    start: int
    end: int
    kind: str
    event_type: str | None = None

    # Written out (as every dataclass of a compiled module that is made per mention):
    # compiled, this sets C slots; a generated ``__init__`` runs as Python.
    def __init__(self, start: int, end: int, kind: str, event_type: str | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "event_type", event_type)


def _checked(file: str, features: tuple[str, ...]) -> TreeModel:
    """A shipped tree model, checked against this version's feature list and version."""
    m = shipped_trees(file)
    m.check_features(features)
    if dict(m.meta).get("features_version") != VERSION:
        m.check_features(())  # a clear error naming the mismatch
    return m


@cache
def model() -> TreeModel:
    """The shipped linker, checked against this version's feature list."""
    return _checked("linker.json", FEATURE_NAMES)


@cache
def rivals_model() -> TreeModel:
    """The shipped second stage, trained on the first stage's out-of-fold probabilities."""
    return _checked("linker_rivals.json", RIVAL_FEATURE_NAMES)


@cache
def threshold() -> float:
    """The decision threshold on the second stage's calibrated probability."""
    return float(dict(rivals_model().meta).get("threshold", 0.5))


def pair_probabilities(
    rows: Sequence[Sequence[float]] | np.ndarray,
    n_events: int,
    rivals: Sequence[bool] | None = None,
    lists: Sequence[int] | None = None,
) -> np.ndarray:
    """Calibrated probabilities of one sentence's rows (``Sentence.matrix`` order: place by
    place, ``n_events`` rows each); ``rivals`` marks the places that compete (resolved
    ones; default all), ``lists`` each place's list (``Sentence.list_heads``)."""
    if not len(rows):
        return np.zeros(0)
    first = model().raw(rows).tolist()
    return rivals_model().probability(rival_matrix(rows, first, n_events, rivals, lists))


def triggers(sent: Sentence, typed: Sequence[tuple[int, int, str]] = ()) -> list[Trigger]:
    """Typed event words (from :func:`geomentions.activity.event_words`) and the event,
    leaving and arriving verbs of :mod:`geomentions.lang`, in text order, without overlaps."""
    out = [Trigger(s, e, "event", t) for s, e, t in typed]
    for (s, e), kind in sent.triggers():
        if not any(t.start < e and s < t.end for t in out):
            out.append(Trigger(s, e, kind))
    return sorted(out, key=lambda t: (t.start, t.end))


def _own_role(
    sent: Sentence, span: Span, mentions: Sequence[Span], events: Collection[int] = ()
) -> str | None:
    """The role a place's own words give it, whatever the event words say: a dateline or a
    statement's place ("said in Moscow"), a base ("flying from Hmeymim airbase"), "from X",
    "to X". None: the linker decides. ``events``: the first tokens of the event words; a
    speech or base word with one between it and the place is another clause's ("said jets
    struck Douma", "launched attacks on Aleppo")."""
    first, last = sent.first(span[0]), sent.last(span[1])
    if sent.near_tag(last + 1, last + 4, "where"):
        return None  # "arrived in Erbil, where a bomb exploded": the event's place
    prep, _, dateline, _, _ = sent.own_cues(span, mentions)
    if dateline or _cue_before(sent, first, "source", events):
        return "source"
    if _cue_before(sent, first, "base", events) or sent.near_tag(last + 1, last + 3, "base"):
        return "base"
    if prep == "from":
        return "origin"
    if prep == "to":
        return "destination"
    return None


def _cue_before(sent: Sentence, first: int, tag: str, events: Collection[int]) -> bool:
    """A word tagged ``tag`` among the three before token ``first``, with no event word
    between it and there."""
    for j in range(first - 1, max(-1, first - 4), -1):
        if j in events:
            return False
        if sent.has(j, tag):
            return True
    return False


@dataclass(slots=True, init=False)
class _Pairs:
    """One sentence read for linking: its places, event words and feature rows."""

    sent: Sentence
    mentions: Sequence[Span]
    kinds: Sequence[str]
    trigs: list[Trigger]
    events: list[Trigger]
    rows: list[list[float]]
    #: Each place's list (the index of its first place, callers' order).
    lists: list[int]

    # Written out (as every dataclass of a compiled module that is made per mention):
    # compiled, this sets C slots; a generated ``__init__`` runs as Python.
    def __init__(
        self, sent: Sentence, mentions: Sequence[Span], kinds: Sequence[str],
        trigs: list[Trigger], events: list[Trigger], rows: list[list[float]], lists: list[int],
    ) -> None:  # fmt: skip
        self.sent, self.mentions, self.kinds, self.trigs = sent, mentions, kinds, trigs
        self.events, self.rows, self.lists = events, rows, lists


def _pairs(
    sentence: str,
    mentions: Sequence[Span],
    kinds: Sequence[str],
    typed: Sequence,
    confidences: Sequence[float] | None = None,
) -> _Pairs:
    sent = Sentence(sentence)
    trigs = triggers(sent, typed)
    events = [t for t in trigs if t.kind == "event"]
    rows: list[list[float]] = []
    lists: list[int] = []
    if events:
        spans = [(t.start, t.end) for t in trigs]
        order = sorted(range(len(mentions)), key=mentions.__getitem__)
        heads = sent.list_heads([mentions[i] for i in order])
        lists = [0] * len(order)
        for k, i in enumerate(order):
            lists[i] = order[heads[k]]
        by_place = sent.matrix(
            [(t.start, t.end) for t in events],
            [mentions[i] for i in order],
            [kinds[i] for i in order],
            spans,
            confidences=None if confidences is None else [confidences[i] for i in order],
        )
        n = len(events)
        back = [0] * len(order)  # rows in the callers' order of places
        for k, i in enumerate(order):
            back[i] = k
        rows = [r for i in range(len(mentions)) for r in by_place[back[i] * n : back[i] * n + n]]
    return _Pairs(sent, mentions, kinds, trigs, events, rows, lists)


def _decide(pairs: _Pairs, probs: np.ndarray) -> list[Link]:
    """The links of one sentence from the model's probabilities for its rows."""
    sent, mentions, events = pairs.sent, pairs.mentions, pairs.events
    cut = threshold()
    n = len(events)
    leaving = [t for t in pairs.trigs if "leave" in sent.tags[sent.first(t.start)]]
    dist = _distances(sent, mentions, events) if n > 1 else []
    event_starts = frozenset(sent.first(t.start) for t in events)
    out = []
    for i, span in enumerate(mentions):
        best_p, best = 0.0, None
        if n:
            p = probs[i * n : (i + 1) * n]
            j = int(p.argmax())  # ties: the first event word
            best_p = float(p[j])
            if best_p >= cut and n > 1:
                # Its event: of the event words the model ties it to, one in a clause that
                # opens on it ("arrived in Erbil, where a car bomb exploded": the explosion),
                # else the nearest.
                rows = pairs.rows[i * n : (i + 1) * n]
                j = min(
                    (k for k in range(n) if p[k] >= cut),
                    key=lambda k: (not rows[k][_WHERE_LINK], dist[i][k], -p[k]),
                )
            best = events[j]
        left = bool(leaving) and _left(sent, span, leaving)
        own = "origin" if left else _own_role(sent, span, mentions, event_starts)
        # The model reads the same cues ("from", "to", a base word) and overrules them when
        # sure: "marched to Khrew" to protest there, "the Marine base at Beirut airport was
        # destroyed". A statement's place and a place left ("fled Mosul") stay what they are.
        if own is not None and own != "source" and not left and best_p >= OVERRULE_P:
            own = None
        if own is not None:
            out.append(Link(own, round(1.0 - best_p, 4)))
        elif best is not None and best_p >= cut:
            typed = best if best.event_type else _typed_beside(pairs, best)
            out.append(
                Link(
                    "event",
                    round(best_p, 4),
                    (best.start, best.end),
                    typed.event_type if typed else None,
                    (typed.start, typed.end) if typed else None,
                )  # fmt: skip
            )
        else:
            out.append(Link("other", round(1.0 - best_p, 4)))
    return out


def _distances(
    sent: Sentence, mentions: Sequence[Span], events: Sequence[Trigger]
) -> list[list[int]]:
    """Words between each place and each event word."""
    t_b = [sent.bounds((t.start, t.end)) for t in events]
    out = []
    for span in mentions:
        m_lo, m_hi, _ = sent.bounds(span)
        out.append([m_lo - hi if hi < m_lo else max(0, lo - m_hi) for lo, hi, _ in t_b])
    return out


def _left(sent: Sentence, span: Span, leaving: Sequence[Trigger]) -> bool:
    """Whether a moving actor left the place: "fled from Mosul", or "fled Mosul" (the place
    at most two words after the verb, with no preposition)."""
    m_lo, _, prep = sent.bounds(span)
    if prep == "from":
        return True
    return prep == "none" and any(
        span[0] >= t.end and m_lo - (sent.last(t.end) + 1) <= 2 for t in leaving
    )


def _typed_beside(pairs: _Pairs, trig: Trigger) -> Trigger | None:
    """The typed event word at most three words from an untyped one, in its clause: "a car
    bomb exploded" is an explosion. None when there is none."""
    sent = pairs.sent
    lo, hi = sent.first(trig.start), sent.last(trig.end)
    best, best_gap = None, 4
    for t in pairs.events:
        if t.event_type is None or t is trig:
            continue
        t_lo, t_hi = sent.first(t.start), sent.last(t.end)
        a, b = (t_hi + 1, lo) if t_hi < lo else (hi + 1, t_lo)
        if b - a < best_gap and not any(
            sent.near_tag(a, b, tag) for tag in ("clause", "punct:,", "punct:;")
        ):
            best, best_gap = t, b - a
    return best


def _probabilities(batch: Sequence[_Pairs]) -> list[np.ndarray]:
    """One call of each model for the rows of many sentences (numpy's per-call cost
    dominates): the first stage's probabilities, then the second's over each sentence's
    rivals (its resolved places)."""
    rows = [r for b in batch for r in b.rows]
    if not rows:
        return [np.zeros(0) for _ in batch]
    first = model().raw(rows).tolist()
    second: list[list[float]] = []
    k = 0
    for b in batch:
        n = len(b.rows)
        if n:
            rivals = [kind != "unresolved" for kind in b.kinds]
            second += rival_matrix(b.rows, first[k : k + n], len(b.events), rivals, b.lists)
        k += n
    probs = rivals_model().probability(second)
    out, k = [], 0
    for b in batch:
        out.append(probs[k : k + len(b.rows)])
        k += len(b.rows)
    return out


def link(
    sentence: str,
    mentions: Sequence[Span],
    kinds: Sequence[str] | None = None,
    typed: Sequence[tuple[int, int, str]] = (),
    confidences: Sequence[float] | None = None,
) -> list[Link]:
    """The :class:`Link` of each place span of ``sentence`` (offsets into it), in order.

    ``kinds`` gives each place's kind for the model ("country", "admin", "unresolved" or
    ""); ``typed`` the typed event words of the sentence (``activity.event_words``);
    ``confidences`` each place's ``Mention.confidence`` (default 1).
    """
    if not mentions:
        return []
    kinds = list(kinds) if kinds is not None else [""] * len(mentions)
    pairs = _pairs(sentence, mentions, kinds, typed, confidences)
    return _decide(pairs, _probabilities([pairs])[0])


#: The linker's probability at which it overrules the role a place's own words give it
#: (origin, destination, base). Out of fold on the training part, such pairs at .40 or more
#: were event places 89 times in 151, at .60 or more 57 in 80, at .80 or more 28 in 30.
OVERRULE_P = 0.6

_I = {name: i for i, name in enumerate(FEATURE_NAMES)}
_WHERE_LINK = _I["where_link"]


def _with_role(
    act: Activity,
    event_type: str,
    role: str,
    role_p: float,
    trigger: str = "",
    start: int | None = None,
    end: int | None = None,
) -> Activity:
    # Positional construction: dataclasses.replace costs more than the linking itself.
    return Activity(
        event_type, act.counts, act.actors, act.date, act.sentence, role, role_p, trigger,
        start, end,
    )  # fmt: skip


def _kind(m: Mention) -> str:
    if m.place is None:
        return "unresolved"
    if m.place.feature_code.startswith("PCL"):
        return "country"
    return "admin" if m.place.feature_class == "A" else ""


def _span(m: Mention) -> Span:
    """The mention without an Arabic preposition written on it ("بحلب" reads as "حلب")."""
    name = m.place.matched_name if m.place else ""
    if name and len(m.text) > len(name) and m.text.endswith(name):
        return m.end - len(name), m.end
    return m.start, m.end


def link_document(
    text: str, mentions: list[Mention], sentences: list[tuple[int, int]]
) -> list[Event]:
    """Set the role of the mentions (in place) and return the events of the text.

    Only sentences holding a resolved mention are read; the mentions of other sentences
    keep the empty role (nothing of theirs is mapped).

    ``sentences`` are ``activity.sentence_spans(text)``. An event is one event word with
    the mentions it is linked to; it takes its type from the word when the word is typed,
    else from the activity of its first location.
    """
    by_sentence: dict[Span, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(sentence_of(text, m.start, m.end, sentences), []).append(i)
    read = []
    for (s, e), idx in by_sentence.items():
        if any(mentions[i].place is not None for i in idx):  # else nothing of it is mapped
            sent = text[s:e]
            spans = [(a - s, b - s) for a, b in (_span(mentions[i]) for i in idx)]
            kinds = [_kind(mentions[i]) for i in idx]
            confs = [mentions[i].confidence for i in idx]
            read.append((s, idx, _pairs(sent, spans, kinds, event_words(sent), confs)))
    events: dict[tuple[int, int], Event] = {}
    probs = _probabilities([p for _, _, p in read])
    for (s, idx, pairs), p in zip(read, probs, strict=True):
        for i, lk in zip(idx, _decide(pairs, p), strict=True):
            m = mentions[i]
            act = m.activity
            if lk.trigger is None:
                m.activity = _with_role(act, act.event_type, lk.role, lk.role_p)
                continue
            ts, te = lk.trigger[0] + s, lk.trigger[1] + s
            etype = (
                event_type_at(pairs.sent.text, *lk.type_word) if lk.type_word else act.event_type
            )
            m.activity = act = _with_role(act, etype, "event", lk.role_p, text[ts:te], ts, te)
            ev = events.get((ts, te))
            if ev is None:
                ev = events[(ts, te)] = Event(
                    act.event_type, text[ts:te], ts, te, act.sentence, act.date, act.counts,
                    act.actors,
                )  # fmt: skip
            ev.locations.append(m)
    return [events[k] for k in sorted(events)]
