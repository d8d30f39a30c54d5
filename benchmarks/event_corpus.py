"""The EventLocation corpus (Halterman 2019) read for the event linker: shared by
``train_linker.py`` and ``eval_events.py``.

Each corpus row is one sentence with one event verb and the span(s) of where that event
happened, or none. Rows are read from the zip in ``../shared`` (never copied into the repo).
Gold spans use the token offsets (``token_start``/``token_end`` into ``tokens``): the character
offsets of the span rows are unreliable, the tokens' own offsets are not.

Our candidates are the mentions :func:`geomentions.extract` finds in the sentence; a mention
is an event location of the row's verb when it overlaps a gold location span.

Grouping for cross-validation: rows from one news article share the article id at the front
of ``_id`` ("APW_ENG_20030610.0060_2_capture" -> "APW_ENG_20030610.0060"); other rows (Masdar,
Wikipedia, hashed ids) carry no article id, so they are grouped by their sentence text, which
keeps every verb of a sentence in one fold. Training rows whose sentence or article also
occurs in the RELABEL test set are dropped.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

_CORPUS = Path("corpora") / "EventLocation-Halterman2019" / "labeled_text.jsonl.zip"
#: ``../shared`` beside a checkout; a worktree one level deeper finds it at ``../../shared``.
DEFAULT_ZIP = next(
    (
        p
        for p in (REPO_ROOT.parent / "shared" / _CORPUS, REPO_ROOT.parents[1] / "shared" / _CORPUS)
        if p.exists()
    ),
    REPO_ROOT.parent / "shared" / _CORPUS,
)
_ARTICLE_RE = re.compile(r"^([A-Z]{3}_ENG_\d{8}\.\d{4})")

Span = tuple[int, int]


@dataclass
class Row:
    """One labelled (sentence, verb) pair, char spans into ``text``."""

    row_id: str
    group: str
    test: bool
    text: str
    verb: Span
    gold: list[Span]
    #: The corpus's ``source`` field (annotation batch: "APW_RA", "Masdar_RA", "RELABEL"...).
    source: str = ""


def _group(row: dict) -> str:
    m = _ARTICLE_RE.match(str(row.get("_id", "")).strip())
    return m.group(1) if m else "text:" + row["text"].strip()


def load(path: Path = DEFAULT_ZIP) -> list[Row]:
    """Every row with a verb span; ``test`` marks the 496 RELABEL rows (two lack spans)."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".jsonl") and "MACOSX" not in n)
        raw = json.loads(zf.read(name).decode("utf-8"))
    out: list[Row] = []
    for r in raw:
        toks = r["tokens"]

        def chars(s: dict, toks: list = toks) -> Span | None:
            ts, te = s["token_start"], s["token_end"]
            if not 0 <= ts <= te < len(toks):
                return None  # two rows point past their tokens
            return toks[ts]["start"], toks[te]["end"]

        spans = r.get("spans") or []
        verbs = [c for s in spans if s["label"] == "VERB" and (c := chars(s))]
        gold = [c for s in spans if s["label"] == "LOCATION" and (c := chars(s))]
        test = r.get("source") == "RELABEL"
        if len(verbs) != 1:
            continue
        out.append(
            Row(
                str(r.get("_id", "")).strip(),
                _group(r),
                test,
                r["text"],
                verbs[0],
                gold,
                str(r.get("source", "")),
            )  # fmt: skip
        )
    test_keys = {r.group for r in out if r.test} | {r.text.strip() for r in out if r.test}
    return [
        r for r in out if r.test or (r.group not in test_keys and r.text.strip() not in test_keys)
    ]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
