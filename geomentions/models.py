"""The shipped trained models: loading and applying them, nothing else.

A model is a small JSON file in ``geomentions/data/``: a logistic regression over a named,
versioned list of features, with the standardisation it was trained with and an isotonic
calibration table fitted on cross-validation folds. Inference is a dot product in numpy, so
the package needs no machine-learning library at run time; training code lives in
``benchmarks/`` and needs the ``train`` extra.

>>> m = LogisticModel(("exact", "log_pop"), (2.0, 0.5), -1.0)
>>> round(float(m.probability([1.0, 2.0])), 3)
0.881
>>> m.explain([1.0, 2.0])[0]
('exact', 2.0)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

FORMAT = "geomentions-logistic/1"


class ModelError(ValueError):
    """A model file is missing, corrupt, or was trained on a different feature list."""


@dataclass(frozen=True)
class LogisticModel:
    """``p = calibrate(sigmoid(bias + weights . (x - mean) / scale))``.

    ``calibration`` is an isotonic map as two increasing sequences (raw probability ->
    calibrated probability), applied by linear interpolation; empty means none.
    """

    feature_names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    calibration: tuple[tuple[float, ...], tuple[float, ...]] = ((), ())
    name: str = ""
    version: str = ""
    #: The range of each feature in training; inputs are clipped to it (empty: no clipping).
    lower: tuple[float, ...] = ()
    upper: tuple[float, ...] = ()
    #: Free-form training facts (corpora, folds, seed, CV figures), shown by ``describe()``.
    meta: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        n = len(self.feature_names)
        if len(self.weights) != n or (self.mean and len(self.mean) != n):
            raise ModelError(f"model {self.name!r}: {n} features but weights do not match")
        xs, ys = self.calibration
        if len(xs) != len(ys):
            raise ModelError(f"model {self.name!r}: calibration table is ragged")
        # Cached arrays: the model is applied to every candidate of every mention.
        object.__setattr__(self, "_w", np.asarray(self.weights, dtype=np.float64))
        object.__setattr__(self, "_mean", np.asarray(self.mean or [0.0] * n, dtype=np.float64))
        object.__setattr__(self, "_scale", np.asarray(self.scale or [1.0] * n, dtype=np.float64))
        if len(self.lower) != len(self.upper) or (self.lower and len(self.lower) != n):
            raise ModelError(f"model {self.name!r}: feature ranges do not match the features")
        object.__setattr__(self, "_lower", np.asarray(self.lower, dtype=np.float64))
        object.__setattr__(self, "_upper", np.asarray(self.upper, dtype=np.float64))

    def _z(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        if self.lower:
            # A value outside what training saw (a fuzzy match where training had exact
            # ones) must not swing the score without bound: a linear model extrapolates.
            x = np.clip(x, self._lower, self._upper)  # type: ignore[attr-defined]
        return (x - self._mean) / self._scale  # type: ignore[attr-defined]

    def raw(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        """Uncalibrated probability for one row (1-D) or many rows (2-D)."""
        logit = self._z(x) @ self._w + self.bias  # type: ignore[attr-defined]
        return 1.0 / (1.0 + np.exp(-logit))

    def probability(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        """Calibrated probability for one row (1-D) or many rows (2-D)."""
        return self.calibrate(self.raw(x))

    def calibrate(self, score: float | np.ndarray) -> np.ndarray:
        """The calibration table applied to a score on the scale it was fitted on (the raw
        probability, or a decision score derived from it, see ``meta``)."""
        xs, ys = self.calibration
        return np.interp(score, xs, ys) if xs else np.asarray(score, dtype=np.float64)

    def explain(self, x: Sequence[float], top: int = 3) -> list[tuple[str, float]]:
        """The features that moved this row's score most: ``[(name, contribution), ...]``,
        largest absolute contribution to the logit first, zero contributions left out."""
        contrib = self._z(x) * self._w  # type: ignore[attr-defined]
        order = np.argsort(-np.abs(contrib), kind="stable")[:top]  # ties: feature order
        return [
            (self.feature_names[i], round(float(contrib[i]), 3)) for i in order if contrib[i] != 0.0
        ]

    def check_features(self, names: Sequence[str]) -> None:
        """Raise :class:`ModelError` unless ``names`` is the list the model was trained on."""
        if tuple(names) != self.feature_names:
            missing = sorted(set(self.feature_names) - set(names))
            extra = sorted(set(names) - set(self.feature_names))
            raise ModelError(
                f"model {self.name!r} (version {self.version or '?'}) was trained on another "
                f"feature list: missing {missing}, unexpected {extra}; retrain it"
            )

    # -- files -------------------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "name": self.name,
                "version": self.version,
                "feature_names": list(self.feature_names),
                "weights": [round(w, 8) for w in self.weights],
                "bias": round(self.bias, 8),
                "mean": [round(v, 8) for v in self.mean],
                "scale": [round(v, 8) for v in self.scale],
                "calibration": [list(self.calibration[0]), list(self.calibration[1])],
                "lower": [round(v, 8) for v in self.lower],
                "upper": [round(v, 8) for v in self.upper],
                "meta": dict(self.meta),
            },
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, text: str, source: str = "<string>") -> LogisticModel:
        try:
            d = json.loads(text)
            if d.get("format") != FORMAT:
                raise ModelError(f"{source}: not a {FORMAT} model file")
            cal = d.get("calibration") or [[], []]
            return cls(
                feature_names=tuple(d["feature_names"]),
                weights=tuple(float(w) for w in d["weights"]),
                bias=float(d["bias"]),
                mean=tuple(float(v) for v in d.get("mean", ())),
                scale=tuple(float(v) for v in d.get("scale", ())),
                calibration=(tuple(map(float, cal[0])), tuple(map(float, cal[1]))),
                lower=tuple(float(v) for v in d.get("lower", ())),
                upper=tuple(float(v) for v in d.get("upper", ())),
                name=str(d.get("name", "")),
                version=str(d.get("version", "")),
                meta=tuple(sorted((str(k), str(v)) for k, v in d.get("meta", {}).items())),
            )
        except ModelError:
            raise
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise ModelError(f"{source}: corrupt model file ({exc})") from exc

    @classmethod
    def load(cls, path: str | Path) -> LogisticModel:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ModelError(f"cannot read model file {path}: {exc}") from exc
        return cls.from_json(text, str(path))


@cache
def shipped(filename: str) -> LogisticModel:
    """A model file shipped in ``geomentions/data/``, loaded once per process."""
    ref = resources.files("geomentions") / "data" / filename
    try:
        text = ref.read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as exc:
        raise ModelError(f"shipped model {filename!r} is missing from the package") from exc
    return LogisticModel.from_json(text, f"geomentions/data/{filename}")
