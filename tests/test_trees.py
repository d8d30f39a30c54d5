"""The numpy tree walker (geomentions.trees) and the shipped linker file it reads."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from geomentions.event_features import FEATURE_NAMES
from geomentions.events import model
from geomentions.models import ModelError
from geomentions.trees import TreeModel

# Tree 1 splits on "gap" then, on its left side, on "after"; tree 2 is a single leaf.
_SPLIT = {
    "feature": [0, 1, -1, -1, -1],
    "threshold": [3.0, 0.5, 0.0, 0.0, 0.0],
    "left": [1, 2, -1, -1, -1],
    "right": [4, 3, -1, -1, -1],
    "value": [0.0, 0.0, -0.5, 2.0, -1.0],
}
_LEAF = {"feature": [-1], "threshold": [0.0], "left": [-1], "right": [-1], "value": [0.25]}


def _model(**kw) -> TreeModel:
    return TreeModel(("gap", "after"), base=-0.25, trees=(_SPLIT, _LEAF), **kw)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def test_each_row_reaches_its_own_leaf() -> None:
    rows = [[1.0, 0.0], [1.0, 1.0], [3.0, 1.0], [7.0, 0.0]]
    # gap <= 3 goes left (the threshold itself included); then after <= 0.5 goes left.
    leaves = [-0.5, 2.0, 2.0, -1.0]
    got = _model().raw(rows)
    assert got == pytest.approx([_sigmoid(-0.25 + v + 0.25) for v in leaves])


def test_calibration_maps_raw_scores() -> None:
    m = _model(calibration=((0.0, 1.0), (0.2, 0.6)))
    raw = m.raw([[7.0, 0.0]])
    assert m.probability([[7.0, 0.0]]) == pytest.approx(0.2 + 0.4 * raw)


def test_a_saved_model_loads_back_identical(tmp_path) -> None:
    m = _model(name="toy", version="1", meta=(("seed", "15"),))
    path = tmp_path / "toy.json"
    m.save(path)
    again = TreeModel.load(path)
    rows = np.random.default_rng(0).uniform(0, 6, size=(50, 2))
    assert np.array_equal(again.raw(rows), m.raw(rows))
    assert again.meta == (("seed", "15"),)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(format="geomentions-logistic/1"),
        lambda d: d["trees"][0]["left"].pop(),
        lambda d: d["trees"][0]["left"].__setitem__(0, 9),
        lambda d: d["trees"][0]["feature"].__setitem__(0, 5),
        lambda d: d["trees"].clear(),
        lambda d: d.pop("base"),
    ],
)
def test_a_damaged_file_is_refused_with_a_clear_error(tmp_path, damage) -> None:
    d = json.loads(_model().to_json())
    damage(d)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(ModelError):
        TreeModel.load(path)


def test_rows_of_the_wrong_width_are_refused() -> None:
    with pytest.raises(ModelError, match="2 features"):
        _model().raw([[1.0, 2.0, 3.0]])


def test_the_shipped_linker_is_trees_over_this_feature_list() -> None:
    m = model()
    assert isinstance(m, TreeModel)
    assert m.feature_names == FEATURE_NAMES
    # A sanity bound on size: 300 trees of depth 4 have about as many nodes as 150 of depth 5.
    assert 20 <= len(m.trees) <= 300
    xs, ys = m.calibration
    assert list(xs) == sorted(xs) and list(ys) == sorted(ys)
    p = m.probability(np.zeros((3, len(FEATURE_NAMES))))
    assert ((p >= 0) & (p <= 1)).all()


def _walk(tree: dict, row: list[float]) -> float:
    """One tree, one row, node by node: the leaf value (float32 comparisons as in training)."""
    k = 0
    while tree["feature"][k] >= 0:
        value = float(np.float32(row[tree["feature"][k]]))
        k = tree["left"][k] if value <= tree["threshold"][k] else tree["right"][k]
    return tree["value"][k]


def test_the_walk_of_all_trees_at_once_reaches_the_leaves_one_row_at_a_time_does() -> None:
    m = model()
    rows = np.random.default_rng(3).uniform(-1, 4, size=(7, len(FEATURE_NAMES)))
    rows[:, ::3] = np.round(rows[:, ::3])  # flags and counts sit on thresholds' sides
    leaves = np.array([[_walk(t, list(r)) for t in m.trees] for r in rows])
    # The same leaves summed the same way: the very same floats.
    assert np.array_equal(m.raw(rows), 1.0 / (1.0 + np.exp(-(m.base + leaves.sum(axis=1)))))
