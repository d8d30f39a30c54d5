"""Gradient-boosted trees applied in numpy: the shipped event linker's model.

Trees are trained with scikit-learn at training time only (``benchmarks/train_linker.py``);
the package reads their nodes from a small JSON file and walks all trees for all rows at
once, one numpy step per tree level, so no machine-learning library is needed at run time.

``p = calibrate(sigmoid(base + sum of the leaf values each row reaches))``; a row goes left
at a node when ``x[feature] <= threshold`` (scikit-learn's rule, on float32 values).

>>> m = TreeModel(("gap",), base=0.0, trees=(
...     {"feature": [0, -1, -1], "threshold": [2.5, 0, 0], "left": [1, -1, -1],
...      "right": [2, -1, -1], "value": [0.0, 1.0, -1.0]},))
>>> [round(float(p), 3) for p in m.probability([[1.0], [4.0]])]
[0.731, 0.269]
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from geomentions.models import ModelError, ModelFile, shipped_text

FORMAT = "geomentions-trees/1"

#: Node arrays of one tree; a leaf has feature -1 and left = right = -1.
_KEYS = ("feature", "threshold", "left", "right", "value")


@dataclass(frozen=True)
class TreeModel(ModelFile):
    """Boosted regression trees over a named feature list, with isotonic calibration."""

    feature_names: tuple[str, ...]
    base: float
    trees: tuple[Mapping[str, Sequence[float]], ...]
    calibration: tuple[tuple[float, ...], tuple[float, ...]] = ((), ())
    name: str = ""
    version: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    _arrays: tuple = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        n_feat = len(self.feature_names)
        feats, thrs, lefts, rights, values, roots = [], [], [], [], [], []
        depth, offset = 0, 0
        for k, t in enumerate(self.trees):
            try:
                cols = [list(t[key]) for key in _KEYS]
            except (KeyError, TypeError) as exc:
                raise ModelError(f"model {self.name!r}: tree {k} lacks {exc}") from exc
            n = len(cols[0])
            if n == 0 or any(len(c) != n for c in cols):
                raise ModelError(f"model {self.name!r}: tree {k} is ragged")
            f, thr, left, right, value = (np.asarray(c) for c in cols)
            leaf = f < 0
            if f.max() >= n_feat or ((left[~leaf] <= 0) | (right[~leaf] <= 0)).any():
                raise ModelError(f"model {self.name!r}: tree {k} has bad node links")
            if ((left[~leaf] >= n) | (right[~leaf] >= n)).any():
                raise ModelError(f"model {self.name!r}: tree {k} has bad node links")
            idx = np.arange(n)
            # A leaf points at itself, so every row can take the same number of steps.
            lefts.append(np.where(leaf, idx, left) + offset)
            rights.append(np.where(leaf, idx, right) + offset)
            feats.append(np.where(leaf, 0, f))
            thrs.append(np.where(leaf, np.inf, thr))
            values.append(value)
            roots.append(offset)
            depth = max(depth, _depth(left, right))
            offset += n
        if not self.trees:
            raise ModelError(f"model {self.name!r}: no trees")
        xs, ys = self.calibration
        if len(xs) != len(ys):
            raise ModelError(f"model {self.name!r}: calibration table is ragged")
        lefts_all, rights_all = np.concatenate(lefts), np.concatenate(rights)
        arrays = (
            np.concatenate(feats).astype(np.intp),
            np.concatenate(thrs).astype(np.float64),
            # Node k's children, right then left: a step goes to children[2 * k + go_left].
            np.stack([rights_all, lefts_all], axis=1).ravel().astype(np.intp),
            np.concatenate(values).astype(np.float64),
            np.asarray(roots, dtype=np.intp),
            depth,
        )
        object.__setattr__(self, "_arrays", arrays)

    def raw(self, x: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
        """Uncalibrated probability of each row of ``x`` (2-D: rows by features)."""
        # float32 as in training: thresholds sit between float32 values.
        x = np.asarray(x, dtype=np.float32).astype(np.float64)
        if x.ndim != 2 or x.shape[1] != len(self.feature_names):
            raise ModelError(
                f"model {self.name!r}: expected rows of {len(self.feature_names)} features"
            )
        feat, thr, children, value, roots, depth = self._arrays
        node = np.broadcast_to(roots, (len(x), len(roots)))
        # Flat gathers (``take``) in place of 2-D fancy indexing: half the time for the few
        # rows of one report; the same nodes, so the same leaves and sums.
        flat = x.ravel()
        row_start = (np.arange(len(x)) * x.shape[1])[:, None]
        for _ in range(depth):
            go_left = flat.take(row_start + feat.take(node)) <= thr.take(node)
            node = children.take(node * 2 + go_left)
        margin = self.base + value.take(node).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-margin))

    def probability(self, x: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
        """Calibrated probability of each row of ``x``."""
        p = self.raw(x)
        xs, ys = self.calibration
        return np.interp(p, xs, ys) if xs else p

    # -- files -------------------------------------------------------------------------

    def to_json(self) -> str:
        trees = [{key: list(t[key]) for key in _KEYS} for t in self.trees]
        return json.dumps(
            {
                "format": FORMAT,
                "name": self.name,
                "version": self.version,
                "feature_names": list(self.feature_names),
                "base": self.base,
                "trees": trees,
                "calibration": [list(self.calibration[0]), list(self.calibration[1])],
                "meta": dict(self.meta),
            },
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str, source: str = "<string>") -> TreeModel:
        try:
            d = json.loads(text)
            head = cls.header(d, FORMAT, source)  # the format is checked first
            return cls(base=float(d["base"]), trees=tuple(d["trees"]), **head)
        except ModelError:
            raise
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            raise ModelError(f"{source}: corrupt model file ({exc})") from exc


def _depth(left: np.ndarray, right: np.ndarray) -> int:
    """Levels below the root of one tree (node 0)."""
    deepest, level, frontier = 0, 0, [0]
    while frontier:
        nxt = [c for i in frontier for c in (left[i], right[i]) if c > 0]
        if nxt:
            level += 1
            deepest = level
        frontier = nxt
    return deepest


@cache
def shipped_trees(filename: str) -> TreeModel:
    """A tree model shipped in ``geomentions/data/``, loaded once per process."""
    return TreeModel.from_json(shipped_text(filename), f"geomentions/data/{filename}")
