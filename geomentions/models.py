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
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import numpy as np

FORMAT = "geomentions-logistic/1"


class ModelError(ValueError):
    """A model file is missing, corrupt, or was trained on a different feature list."""


class ModelFile(ABC):
    """What every shipped model shares: a named feature list it checks, and a JSON file it
    is saved to and loaded from (the subclass gives ``to_json`` and ``from_json``)."""

    feature_names: tuple[str, ...]
    name: str
    version: str

    def check_features(self, names: Sequence[str]) -> None:
        """Raise :class:`ModelError` unless ``names`` is the list the model was trained on."""
        if tuple(names) != self.feature_names:
            missing = sorted(set(self.feature_names) - set(names))
            extra = sorted(set(names) - set(self.feature_names))
            raise ModelError(
                f"model {self.name!r} (version {self.version or '?'}) was trained on another "
                f"feature list: missing {missing}, unexpected {extra}; retrain it"
            )

    @abstractmethod
    def to_json(self) -> str:
        """The model as the text of its file."""

    @classmethod
    @abstractmethod
    def from_json(cls: type[_M], text: str, source: str = "<string>") -> _M:
        """A model from the text of its file (:class:`ModelError` if it is not one)."""

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def load(cls: type[_M], path: str | Path) -> _M:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ModelError(f"cannot read model file {path}: {exc}") from exc
        return cls.from_json(text, str(path))

    @staticmethod
    def header(d: dict, fmt: str, source: str) -> dict:
        """The fields every model file has (calibration, name, version, meta), after
        checking its format."""
        if d.get("format") != fmt:
            raise ModelError(f"{source}: not a {fmt} model file")
        cal = d.get("calibration") or [[], []]
        return {
            "feature_names": tuple(d["feature_names"]),
            "calibration": (tuple(map(float, cal[0])), tuple(map(float, cal[1]))),
            "name": str(d.get("name", "")),
            "version": str(d.get("version", "")),
            "meta": tuple(sorted((str(k), str(v)) for k, v in d.get("meta", {}).items())),
        }


_M = TypeVar("_M", bound=ModelFile)


def shipped_text(filename: str) -> str:
    """The text of a model file shipped in ``geomentions/data/``."""
    ref = resources.files("geomentions") / "data" / filename
    try:
        return ref.read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as exc:
        raise ModelError(f"shipped model {filename!r} is missing from the package") from exc


@dataclass(frozen=True)
class LogisticModel(ModelFile):
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

    def _z(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        return (np.asarray(x, dtype=np.float64) - self._mean) / self._scale  # type: ignore[attr-defined]

    def raw(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        """Uncalibrated probability for one row (1-D) or many rows (2-D)."""
        logit = self._z(x) @ self._w + self.bias  # type: ignore[attr-defined]
        return 1.0 / (1.0 + np.exp(-logit))

    def probability(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        """Calibrated probability for one row (1-D) or many rows (2-D)."""
        p = self.raw(x)
        xs, ys = self.calibration
        return np.interp(p, xs, ys) if xs else p

    def explain(self, x: Sequence[float], top: int = 3) -> list[tuple[str, float]]:
        """The features that moved this row's score most: ``[(name, contribution), ...]``,
        largest absolute contribution to the logit first, zero contributions left out."""
        contrib = self._z(x) * self._w  # type: ignore[attr-defined]
        order = sorted(range(len(contrib)), key=lambda i: (-abs(contrib[i]), i))
        return [
            (self.feature_names[i], round(float(contrib[i]), 3))
            for i in order[:top]
            if contrib[i] != 0.0
        ]

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
                "meta": dict(self.meta),
            },
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str, source: str = "<string>") -> LogisticModel:
        try:
            d = json.loads(text)
            head = cls.header(d, FORMAT, source)  # the format is checked first
            return cls(
                weights=tuple(float(w) for w in d["weights"]),
                bias=float(d["bias"]),
                mean=tuple(float(v) for v in d.get("mean", ())),
                scale=tuple(float(v) for v in d.get("scale", ())),
                **head,
            )
        except ModelError:
            raise
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise ModelError(f"{source}: corrupt model file ({exc})") from exc


@cache
def shipped(filename: str) -> LogisticModel:
    """A model file shipped in ``geomentions/data/``, loaded once per process."""
    return LogisticModel.from_json(shipped_text(filename), f"geomentions/data/{filename}")
