"""train_linker.py's second-stage rows take numpy arrays, as it builds them, whether the
feature module runs compiled (which takes no numpy integers) or from its source."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import train_linker  # noqa: E402

from geomentions.event_features import FEATURE_NAMES, RIVAL_FEATURE_NAMES  # noqa: E402


def test_rival_rows_from_numpy_arrays() -> None:
    # Two corpus rows: three places for one verb (the last two one list), then one place.
    X = np.zeros((4, len(FEATURE_NAMES)))
    p = np.array([0.9, 0.2, 0.6, 0.7])
    rid = np.array([0, 0, 0, 1])
    lists = np.array([0, 1, 1, 0])
    out = train_linker.rival_rows(X, p, rid, lists)
    assert out.shape == (4, len(RIVAL_FEATURE_NAMES))
    col = {name: k for k, name in enumerate(RIVAL_FEATURE_NAMES)}
    # The first place's best rival is the list's better place; the list's places are each
    # other's mates, no rivals, so the first place is their best rival.
    assert out[0, col["p_best_rival"]] == 0.6
    assert out[1, col["p_best_rival"]] == 0.9
    assert out[2, col["p_best_rival"]] == 0.9
    # A place alone in its corpus row has no rival.
    assert out[3, col["p_best_rival"]] == 0.0
