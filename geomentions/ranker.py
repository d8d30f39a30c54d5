"""The trained ranker: which candidate place a mention means, and how sure that is.

The model (``geomentions/data/ranker.json``, trained by ``benchmarks/train_ranker.py``) is a
conditional logit: each candidate of a mention gets ``w . z(x)`` over the features of
:mod:`geomentions.features`, and a softmax over the mention's candidates turns these into
probabilities. The mention's confidence is the probability mass on the chosen place and the
candidates at the same spot (a city and its own district), mapped through an isotonic table
fitted on cross-validation folds: the share of such choices that were right (within 161 km).
Inference is numpy only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

import numpy as np

from . import features
from .context import alone
from .geo import haversine_km
from .models import LogisticModel, shipped
from .resolution import NameMatch, Ranking

__all__ = [
    "shipped_ranker",
    "probabilities",
    "calibrated",
    "reasons",
    "rank_alone",
    "alone_matrix",
    "POOL",
]

#: Candidates the ranker weighs per mention: the best by size and context, plus the ones
#: the words around the name point to (see ``extraction._pool``).
POOL = 8


def shipped_ranker() -> LogisticModel:
    """The shipped ranker, checked against the feature list it was trained on."""
    model = shipped("ranker.json")
    model.check_features(features.NAMES)
    return model


def logits(model: LogisticModel, x: np.ndarray) -> np.ndarray:
    """Linear scores of candidate rows (one mention's candidates)."""
    return model._z(x) @ model._w + model.bias  # type: ignore[attr-defined]


def probabilities(model: LogisticModel, x: np.ndarray) -> np.ndarray:
    """Softmax over one mention's candidates: the probability each is the place meant."""
    if len(x) == 0:
        return np.zeros(0)
    s = logits(model, x)
    e = np.exp(s - s.max())
    return e / e.sum()


def calibrated(model: LogisticModel, p: float) -> float:
    """The chance that a choice with softmax mass ``p`` is right (isotonic CV table)."""
    xs, ys = model.calibration
    return interp(float(p), xs, ys) if xs else float(p)


def interp(x: float, xs: Sequence[float], ys: Sequence[float]) -> float:
    """``np.interp(x, xs, ys)`` at one point (``xs`` increasing), in plain Python: asked once
    per mention, where turning the table into arrays costs more than the arithmetic. The
    same steps as NumPy's, so the same float."""
    if x != x:
        return x  # nan
    j = bisect_right(xs, x) - 1
    if j < 0:
        return ys[0]
    if j >= len(xs) - 1:
        return ys[-1]
    if xs[j] == x:
        return ys[j]
    slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j])
    y = slope * (x - xs[j]) + ys[j]
    if y != y:  # nan one way: NumPy tries the other end
        y = slope * (x - xs[j + 1]) + ys[j + 1]
        if y != y and ys[j] == ys[j + 1]:
            y = ys[j]
    return y


def lifts(model: LogisticModel, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per candidate and feature: how much more of it the candidate has than the mention's
    candidates on average (standardised), and what that did to its score."""
    z = model._z(x)  # type: ignore[attr-defined]
    above = z - z.mean(axis=0) if len(x) > 1 else z
    return above, above * model._w  # type: ignore[attr-defined]


class Lifts:
    """:func:`lifts` of ``x``, made when first asked for and kept (most reasons are never
    read; slotted, as a kept Document holds one per mention until then)."""

    __slots__ = ("model", "x", "_made")

    def __init__(self, model: LogisticModel, x: np.ndarray) -> None:
        self.model, self.x = model, x
        self._made: tuple[np.ndarray, np.ndarray] | None = None

    def get(self) -> tuple[np.ndarray, np.ndarray]:
        if self._made is None:
            self._made = lifts(self.model, self.x)
        return self._made


#: How each feature column is said in a ``why`` (None: not said), by column.
_WORDS = tuple(features.WORDS[n] for n in features.NAMES)


def reasons(
    model: LogisticModel,
    x: np.ndarray,
    r: int,
    top: int = 3,
    lifted: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[str]:
    """What set candidate ``r`` apart from the others, in words: the features it has more
    of than the candidates' average, by how much they moved its score (up: said plainly;
    down: after "against"). ``lifted`` is :func:`lifts` of ``x``, when already made."""
    above_all, lift_all = lifted if lifted is not None else lifts(model, x)
    above, lift = above_all[r], lift_all[r]
    size = np.abs(lift)
    # Largest moves first (ties: column order, as a stable sort keeps it).
    order = np.argsort(-size, kind="stable")
    up: list[str] = []
    down: list[str] = []
    for k in order[: int((size > 0.05).sum())].tolist():
        words = _WORDS[k]
        if above[k] <= 0 or words is None:
            continue
        if lift[k] > 0 and len(up) < top:
            up.append(words)
        elif lift[k] < 0 and len(down) < 2:
            down.append(words)
    return up + ([f"against: {', '.join(down)}"] if down else [])


def rank_alone(
    name: str,
    matches: Sequence[NameMatch],
    *,
    hint: frozenset[str] = frozenset(),
    near: tuple[float, float] | None = None,
    near_region: tuple[str, str] | None = None,
    wanted: frozenset[str] = frozenset(),
    within: str | None = None,
) -> Ranking:
    """The places a name looked up on its own may mean, ranked by the shipped ranker: the
    name is a one-name report whose only context is the caller's (``hint`` countries, a
    ``near`` point (in ``near_region``: country, admin1), the ``wanted`` feature codes, the
    place it lies ``within``). A candidate's score is its softmax probability among
    ``matches``."""
    matches = list(matches)
    if not matches:
        return Ranking([], lambda info, row: [])
    model = shipped_ranker()
    x = alone_matrix(name, matches, hint=hint, near=near, near_region=near_region,
                     wanted=wanted, within=within)  # fmt: skip
    probs = probabilities(model, x)
    order = sorted(range(len(matches)), key=lambda k: (-probs[k], matches[k].info["place_id"]))
    scored = [(-float(probs[k]), matches[k].info["place_id"], matches[k], (k,)) for k in order]
    return Ranking(scored, _alone_notes(model, x, hint, near, within))


def alone_matrix(
    name: str,
    matches: Sequence[NameMatch],
    *,
    hint: frozenset[str] = frozenset(),
    near: tuple[float, float] | None = None,
    near_region: tuple[str, str] | None = None,
    wanted: frozenset[str] = frozenset(),
    within: str | None = None,
) -> np.ndarray:
    """Feature rows of a name's candidates in a one-name report (see :func:`rank_alone`;
    ``benchmarks/train_ranker.py`` learns from such rows too)."""
    ctx = alone(name, hint=hint, near=near, near_region=near_region, within=within)
    return features.candidate_matrix(ctx, 0, matches, matches, wanted)


def _alone_notes(
    model: LogisticModel,
    x: np.ndarray,
    hint: frozenset[str],
    near: tuple[float, float] | None,
    within: str | None,
) -> Callable[[dict, int], list[str]]:
    """``why`` words of a candidate of a name looked up alone: the caller's context first,
    then what set it apart (asked only of the candidates returned)."""
    lifted = Lifts(model, x)

    def notes(info: dict, row: int) -> list[str]:
        out: list[str] = []
        if within is not None:
            out.append(f"inside {within}")
        if hint:
            inside = info["country_code"] in hint
            out.append(f"{'in' if inside else 'outside'} {'/'.join(sorted(hint))}")
        if near is not None:
            d = haversine_km(near[0], near[1], info["lat"], info["lon"])
            out.append(f"{d:.0f} km from near point")
        return out + (reasons(model, x, row, lifted=lifted.get()) or ["no feature sets it apart"])

    return notes
