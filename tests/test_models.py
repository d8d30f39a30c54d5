"""The model file format: a trained model round-trips, applies, explains and refuses a
feature list it was not trained on."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geomentions.models import LogisticModel, ModelError


def _model() -> LogisticModel:
    return LogisticModel(
        feature_names=("name_exact", "log_population", "country_named"),
        weights=(1.5, 0.4, 2.0),
        bias=-2.0,
        mean=(0.5, 8.0, 0.2),
        scale=(0.5, 2.0, 0.4),
        calibration=((0.0, 0.5, 1.0), (0.0, 0.4, 1.0)),
        name="ranker",
        version="t1",
    )


def test_round_trip_keeps_every_prediction(tmp_path) -> None:
    model = _model()
    path = tmp_path / "m.json"
    model.save(path)
    again = LogisticModel.load(path)
    rows = np.array([[1, 12.0, 1], [0, 3.0, 0], [1, 8.0, 0]], dtype=float)
    assert np.allclose(model.probability(rows), again.probability(rows))
    assert again.feature_names == model.feature_names


def test_calibration_bends_the_raw_probability() -> None:
    model = _model()
    row = [1, 12.0, 1]
    raw = float(model.raw(row))
    cal = float(model.probability(row))
    assert 0.5 < raw < 1.0
    # Above 0.5 the table maps p to 0.4 + 1.2 * (p - 0.5).
    assert cal == pytest.approx(0.4 + 1.2 * (raw - 0.5))


def test_more_evidence_never_lowers_the_probability() -> None:
    model = _model()
    low, high = model.probability([[0, 8.0, 0], [0, 8.0, 1]])
    assert high > low


def test_explain_names_the_feature_that_moved_the_score() -> None:
    names = [name for name, _ in _model().explain([0.5, 8.0, 1.0])]
    assert names == ["country_named"]  # the other two sit at their training mean


def test_a_different_feature_list_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="missing \\['country_named'\\]"):
        _model().check_features(["name_exact", "log_population"])


def test_corrupt_and_foreign_files_are_clear_errors(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="corrupt"):
        LogisticModel.load(bad)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ModelError, match="not a"):
        LogisticModel.load(other)
    with pytest.raises(ModelError, match="cannot read"):
        LogisticModel.load(tmp_path / "missing.json")
