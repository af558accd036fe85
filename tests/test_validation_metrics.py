"""Precision, recall and F1 against codes, their intervals, and the macro average over the
classes present."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.sentiment import sentiment_metrics
from analysis.validation.metrics import (
    metrics_binary,
    metrics_classes,
    metrics_macro,
    metrics_scores,
)


def test_binary_counts_and_scores_by_hand():
    gold = [1, 1, 1, 0, 0, 0, 0, 1]
    pred = [1, 1, 0, 1, 0, 0, 0, 0]
    m = metrics_binary(gold, pred, n_boot=0)
    # tp: units 1, 2; fp: unit 4; fn: units 3, 8; tn: units 5, 6, 7
    assert (m["units"], m["tp"], m["fp"], m["fn"], m["tn"]) == (8, 2, 1, 2, 3)
    assert m["precision"] == pytest.approx(2 / 3)
    assert m["recall"] == pytest.approx(2 / 4)
    assert m["f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 2))
    assert np.isnan(m["precision_low"])


def test_undefined_scores_are_nan_not_zero():
    assert np.isnan(metrics_scores(0, 0, 3)[0])          # nothing predicted: no precision
    assert np.isnan(metrics_scores(0, 2, 0)[1])          # nothing coded: no recall
    assert all(np.isnan(metrics_scores(0, 0, 0)))


def test_interval_covers_the_value_and_repeats():
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 2, 200)
    pred = np.where(rng.random(200) < 0.8, gold, 1 - gold)
    m = metrics_binary(gold, pred, n_boot=500)
    for name in ("precision", "recall", "f1"):
        assert m[f"{name}_low"] < m[name] < m[f"{name}_high"]
    assert m == metrics_binary(gold, pred, n_boot=500)


def test_values_outside_zero_one_are_refused():
    with pytest.raises(ValueError, match="value 2 at position 3 is not 0 or 1"):
        metrics_binary([1, 0, 2], [1, 0, 1])


def test_classes_and_macro_over_present_classes():
    gold = [1, 1, 0, 0]
    pred = [1, 0, 0, 0]
    table = metrics_classes(gold, pred)
    assert table["class"].tolist() == [0, 1]
    macro = metrics_macro(gold, pred)
    # class 0: tp 2, fp 1, fn 0 -> F1 0.8; class 1: tp 1, fp 0, fn 1 -> F1 2/3
    assert macro["f1"] == pytest.approx((0.8 + 2 / 3) / 2)
    assert macro["classes"] == [0, 1]


def test_sentiment_macro_f1_leaves_out_absent_classes():
    """No -1 in the codes nor in the labels: the macro-F1 averages the classes 0 and 1
    only (it was (0.8 + 2/3 + 0) / 3 = 0.489 with the absent class counted as 0)."""
    metrics = sentiment_metrics([1, 1, 0, 0], [1, 0, 0, 0])
    values = metrics.set_index("metric")["value"]
    assert values["macro_f1"] == pytest.approx((0.8 + 2 / 3) / 2)
    assert metrics.attrs["macro_f1_classes"] == [0, 1]


def test_sentiment_macro_f1_keeps_a_class_only_one_side_gives():
    # -1 is predicted once but never coded: it counts, with F1 0
    values = sentiment_metrics([1, 0, 0], [1, 0, -1]).set_index("metric")["value"]
    assert values["macro_f1"] == pytest.approx((1.0 + 2 / 3 + 0.0) / 3)
