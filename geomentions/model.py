"""Plain data objects that flow through the pipeline.

text -> :class:`Mention` (with :class:`Activity`) -> :class:`Candidate` -> :class:`Document`.
They hold data only; the modules that make them live elsewhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle as the class and its field values: batch workers send thousands of these to
    the parent, and the generic state methods of slotted dataclasses are several times slower."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
    cls.__reduce__ = lambda self: (cls, values(self))  # type: ignore[method-assign,assignment]
    return cls


def _why_on_read(cls: type[_T]) -> type[_T]:
    """Let ``why`` be given as a zero-argument callable that makes the text: it is called
    the first time ``why`` is read and its text kept (reading, equality, hashing, ``asdict``
    and pickling all see the text). extract() ranks about five candidates per mention and
    most ``why`` texts are never read; building them all cost 7-13% of its CPU time."""
    slot = cls.why  # type: ignore[attr-defined]

    def read(self: Any) -> str:
        value = slot.__get__(self, cls)
        if value.__class__ is not str:
            value = value()
            slot.__set__(self, value)
        return value

    cls.why = property(read, slot.__set__, doc=slot.__doc__)  # type: ignore[attr-defined]
    return cls


def _made_from_values(cls: type[_T]) -> type[_T]:
    """Give a slotted frozen dataclass ``cls._from_values(values)``: an instance from its field
    values in field order, each set through its slot's setter. The generated ``__init__``
    goes through ``object.__setattr__`` per field (about 3.7 µs for a Candidate against 1.5);
    extract() makes thousands. Same object: no ``__post_init__`` to skip, no defaults used."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}._from_values would skip __post_init__")
    setters = tuple(
        prop.fset if isinstance(prop := cls.__dict__[f.name], property) else prop.__set__
        for f in fields(cls)  # type: ignore[arg-type]
    )
    new = object.__new__

    def from_values(values: tuple) -> _T:
        obj = new(cls)
        for put, value in zip(setters, values, strict=True):
            put(obj, value)
        return obj

    cls._from_values = staticmethod(from_values)  # type: ignore[attr-defined]
    return cls


#: Event types a report can tie to a place (see ``geomentions.activity``).
EVENT_TYPES: tuple[str, ...] = (
    "airstrike",
    "shelling",
    "clashes",
    "sortie",
    "explosion",
    "displacement",
    "protest",
    "other",
)

#: Roles a place plays for the events of its sentence (see ``geomentions.events``).
ROLES: tuple[str, ...] = ("event", "origin", "base", "destination", "source", "other")


@_made_from_values
@_pickled_by_fields
@_why_on_read
@dataclass(frozen=True, slots=True)
class Candidate:
    """One real place a name may refer to, with the reason it ranked where it did.

    ``why`` may be passed as a zero-argument callable returning the text; it is made when
    first read (see ``_why_on_read``), and ``c.why`` is always a str.

    >>> c = Candidate("geonames:170063", "Aleppo", 36.20124, 37.16117, "SY", "P", "PPLA",
    ...               "Aleppo", "", 1602264, "Halab", 0.97, "exact alias")
    >>> c
    Candidate('Aleppo', SY, 36.2012, 37.1612, PPLA, score=0.97)
    """

    place_id: str
    name: str
    lat: float
    lon: float
    country_code: str
    feature_class: str
    feature_code: str
    admin1: str
    admin2: str
    population: int
    matched_name: str
    score: float
    why: str
    #: Extent of region-sized places (0 for a point place).
    radius_km: float = 0.0
    #: Where the row comes from: "geonames", "wof", "opensyria", "ourairports",
    #: "curated:<source>" or "user".
    source: str = "geonames"
    #: OCHA p-codes of the place's divisions (Syria); "" where the data does not decide them.
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""

    def __repr__(self) -> str:
        return (
            f"Candidate({self.name!r}, {self.country_code}, {self.lat:.4f}, {self.lon:.4f}, "
            f"{self.feature_code}, score={self.score:.2f})"
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Count:
    """A number the report ties to a noun: ``Count(24, "targets")``."""

    value: int
    noun: str

    def __str__(self) -> str:
        return f"{self.value} {self.noun}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Activity:
    """What a report says happened in the clause or sentence of a mention."""

    event_type: str = "other"
    counts: tuple[Count, ...] = ()
    actors: tuple[str, ...] = ()
    date: dt.date | None = None
    sentence: str = ""
    #: The place's role for the events of its sentence (see ``geomentions.events``): one of
    #: :data:`ROLES`, or "" when no linker has read it; ``role_p`` is the linker's
    #: probability for it.
    role: str = ""
    role_p: float = 0.0
    #: The event word the place is linked to (role "event"), and its offsets in the text.
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "counts": [{"value": c.value, "noun": c.noun} for c in self.counts],
            "actors": list(self.actors),
            "date": self.date.isoformat() if self.date else None,
            "sentence": self.sentence,
            "role": self.role,
            "role_p": self.role_p,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Mention:
    """A place named in a text, resolved (``place``) or not (``place is None``).

    ``lat``/``lon`` are where the mention is put on a map: the place's point, moved into
    the named part for a qualifier such as "eastern Aleppo". ``precision`` follows ACLED's
    geo_precision: 1 the place itself, 2 near it or part of it, 3 only its province.
    ``why`` says why a mention whose candidates scored over the floor has no place.
    """

    text: str
    start: int
    end: int
    place: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)
    confidence: float = 0.0
    qualifier: str | None = None
    feature_hint: str | None = None
    activity: Activity = field(default_factory=Activity)
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    uncertainty_km: float | None = None
    why: str | None = None

    def __repr__(self) -> str:
        where = f"{self.place.name}, {self.place.country_code}" if self.place else "unresolved"
        q = f" [{self.qualifier}]" if self.qualifier else ""
        return f"Mention({self.text!r}{q} -> {where}, confidence={self.confidence:.2f})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "place": self.place.to_dict() if self.place else None,
            "candidates": [c.to_dict() for c in self.candidates],
            "confidence": self.confidence,
            "qualifier": self.qualifier,
            "feature_hint": self.feature_hint,
            "activity": self.activity.to_dict(),
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "uncertainty_km": self.uncertainty_km,
            "why": self.why,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Event:
    """One reported event: its word, type, when, who, how many, and where it happened.

    ``locations`` are the mentions whose role for it is "event" (resolved or not); each
    keeps its place, point and ``precision`` code.

    >>> e = Event("airstrike", "struck", 5, 11, "Jets struck Idlib.")
    >>> e
    Event('airstrike', 'struck', 0 locations)
    """

    event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    date: dt.date | None = None
    counts: tuple[Count, ...] = ()
    actors: tuple[str, ...] = ()
    locations: list[Mention] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Event({self.event_type!r}, {self.trigger!r}, {len(self.locations)} locations)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "sentence": self.sentence,
            "date": self.date.isoformat() if self.date else None,
            "counts": [{"value": c.value, "noun": c.noun} for c in self.counts],
            "actors": list(self.actors),
            "locations": [[m.start, m.end] for m in self.locations],
        }


@_pickled_by_fields
@dataclass(slots=True)
class Document:
    """The places one report mentions, in text order."""

    doc_id: str | None
    text: str
    mentions: list[Mention] = field(default_factory=list)
    date: dt.date | None = None
    #: Countries of the resolved mentions (ISO 3166 alpha-2), most mentioned first; ties in
    #: order of first mention. Countries that only unresolved candidates lie in are left out.
    focus: tuple[str, ...] = ()
    #: Set by batch runs when this document failed; ``mentions`` is then empty.
    error: str | None = None
    #: The events the report places, in text order (see :class:`Event`).
    events: list[Event] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Document({self.doc_id!r}, {len(self.mentions)} mentions)"

    @property
    def places(self) -> list[Mention]:
        """The mentions that resolved to a place."""
        return [m for m in self.mentions if m.place is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "date": self.date.isoformat() if self.date else None,
            "focus": list(self.focus),
            "error": self.error,
            "mentions": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
        }
