"""Hand-built documents for the frames/maps tests (real GeoNames points, invented reports)."""

from __future__ import annotations

import datetime as dt

from geomentions.model import Activity, Candidate, Count, Document, Mention

ALEPPO = Candidate(
    "geonames:170063", "Aleppo", 36.20124, 37.16117, "SY", "P", "PPLA", "09", "", 1602264,
    "Aleppo", 0.92, "exact name; largest city named Aleppo; document focus SY",
)  # fmt: skip
DEIR = Candidate(
    "geonames:170794", "Deir ez-Zor", 35.33588, 40.14084, "SY", "P", "PPLA", "07", "", 242565,
    "Deir ez-Zor", 0.81, "exact name; document focus SY",
)  # fmt: skip
TADMUR = Candidate(
    "geonames:163345", "Tadmur", 34.56, 38.28, "SY", "P", "PPL", "12", "", 51323,
    "Palmyra", 0.55, "alias Palmyra; document focus SY",
)  # fmt: skip
IDLIB = Candidate(
    "geonames:169389", "Idlib", 35.93, 36.63, "SY", "P", "PPLA", "10", "", 128840,
    "Idlib", 0.88, "exact name",
)  # fmt: skip
# Runner-up for the ambiguous "Palmyra"; a test-only id, approximate point.
PALMYRA_US = Candidate(
    "test:palmyra-ny", "Palmyra", 43.06, -77.23, "US", "P", "PPL", "NY", "", 3500,
    "Palmyra", 0.41, "exact name",
)  # fmt: skip

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"


def mention(
    text: str,
    sentence: str,
    place: Candidate | None,
    confidence: float,
    *,
    event_type: str = "other",
    counts: tuple[Count, ...] = (),
    actors: tuple[str, ...] = (),
    date: dt.date | None = None,
    candidates: list[Candidate] | None = None,
    qualifier: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    precision: int | None = 1,
    uncertainty_km: float | None = None,
    offset: int = 0,
) -> Mention:
    start = sentence.find(text) + offset
    return Mention(
        text=text,
        start=start,
        end=start + len(text),
        place=place,
        candidates=candidates if candidates is not None else ([place] if place else []),
        confidence=confidence,
        qualifier=qualifier,
        activity=Activity(event_type, counts, actors, date, sentence),
        lat=lat,
        lon=lon,
        precision=precision,
        uncertainty_km=uncertainty_km,
    )


def sample_docs() -> list[Document]:
    """Three short reports: 5 resolved mentions (one below 0.6) and 1 unresolved."""
    s1 = "Warplanes hit 24 targets in eastern Aleppo overnight, a monitor said."
    s2 = "Artillery shelled the edge of Deir ez-Zor for a second day."
    s3 = "Twelve sorties were flown over Palmyra before dawn."
    s4 = "Clashes were reported near Idlib and in a village called Qasr al-Hayr."
    s5 = "Later, more strikes hit Aleppo."
    text1 = f"{s1} {s2}"
    doc1 = Document(
        "rep-001",
        text1,
        [
            mention(
                "Aleppo", s1, ALEPPO, 0.92, event_type="airstrike",
                counts=(Count(24, "targets"),), actors=("warplanes",),
                date=dt.date(2024, 3, 1), qualifier="eastern", lat=36.21, lon=37.19,
                precision=2, uncertainty_km=5.0,
                candidates=[ALEPPO, IDLIB, DEIR, TADMUR, PALMYRA_US],
            ),
            mention(
                "Deir ez-Zor", s2, DEIR, 0.81, event_type="shelling",
                actors=("artillery",), offset=len(s1) + 1,
            ),
        ],
        date=dt.date(2024, 3, 2),
    )  # fmt: skip
    doc2 = Document(
        "rep-002",
        f"{s3} {s5}",
        [
            mention(
                "Palmyra", s3, TADMUR, 0.55, event_type="sortie",
                counts=(Count(12, "sorties"), Count(3, "aircraft")),
                candidates=[TADMUR, PALMYRA_US],
            ),
            mention(
                "Aleppo", s5, ALEPPO, 0.77, event_type="airstrike", offset=len(s3) + 1,
            ),
        ],
        date=dt.date(2024, 3, 5),
    )  # fmt: skip
    doc3 = Document(
        None,
        s4,
        [
            mention("Idlib", s4, IDLIB, 0.88, event_type="clashes"),
            mention("Qasr al-Hayr", s4, None, 0.0, event_type="clashes"),
        ],
    )
    return [doc1, doc2, doc3]


def hostile_doc() -> Document:
    """A report whose text, mention and id try to inject HTML and script."""
    sentence = f"Shelling hit Idlib {SCRIPT} and `${{alert(2)}}` \\ {IMG} today."
    return Document(
        f"x{IMG}",
        sentence,
        [
            mention("Idlib", sentence, IDLIB, 0.9, event_type="shelling"),
            # A gazetteer-independent mention whose own text is hostile.
            mention(
                SCRIPT, sentence, Candidate(
                    "test:evil", f"Evil{IMG}", 35.9, 36.7, "SY", "P", "PPL", "", "", 0,
                    SCRIPT, 0.3, f"why {SCRIPT}",
                ), 0.3, event_type=f"<b>{SCRIPT}</b>",
                candidates=[],
            ),
        ],
        date=dt.date(2024, 3, 9),
    )  # fmt: skip


def many_docs(n: int) -> list[Document]:
    """``n`` one-mention reports at distinct points on a grid around Aleppo."""
    docs = []
    for i in range(n):
        sentence = f"Report {i}: shelling near Aleppo."
        place = Candidate(
            f"test:grid-{i}", "Aleppo", 36.0 + (i % 10) * 0.05, 37.0 + (i // 10) * 0.05,
            "SY", "P", "PPL", "09", "", 0, "Aleppo", 0.8, "grid point",
        )  # fmt: skip
        m = mention("Aleppo", sentence, place, 0.8, event_type="shelling",
                    date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 7))  # fmt: skip
        docs.append(Document(f"grid-{i}", sentence, [m]))
    return docs
