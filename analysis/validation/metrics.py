"""Agreement of a measure with human codes: the confusion counts, precision, recall and F1,
with percentile bootstrap intervals over the coded units, and the macro average over the
classes that occur.

For one class (a frame, an actor, a sentiment label) and the coded units:

- ``tp``: units the codes and the measure both give the class; ``fp``: the measure only;
  ``fn``: the codes only; ``tn``: neither;
- ``precision = tp / (tp + fp)`` (NaN when the measure never gives the class),
  ``recall = tp / (tp + fn)`` (NaN when the codes never do),
  ``f1 = 2 tp / (2 tp + fp + fn)``, the harmonic mean of the two (NaN when neither does).

Intervals resample the units with replacement (``n_boot`` times, a NumPy ``Generator``
seeded with ``seed``) and take the percentiles of the statistic over the resamples in which
it is defined (Efron & Tibshirani 1993). The macro average is the mean over the classes
present in the codes or in the measure's labels: a class that neither ever gives has no
precision or recall to average and is left out (and named in ``attrs["classes"]``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.periods.bootstrap import BOOTSTRAP_SEED

__all__ = ["METRIC_COLUMNS", "metrics_scores", "metrics_binary", "metrics_classes", "metrics_macro",
           "metrics_bootstrap_units"]

#: The columns of :func:`metrics_binary`, in order.
METRIC_COLUMNS = ["units", "tp", "fp", "fn", "tn",
                  "precision", "precision_low", "precision_high",
                  "recall", "recall_low", "recall_high",
                  "f1", "f1_low", "f1_high"]


def _binary(values, name: str) -> np.ndarray:
    array = np.asarray(values)
    if array.dtype == bool:
        return array
    try:
        numbers = array.astype(float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: values must be 0 or 1") from None
    bad = ~np.isin(numbers, (0.0, 1.0))
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name}: value {array[k].tolist()!r} at position {k + 1} is not 0 or 1")
    return numbers.astype(bool)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _counts(gold: np.ndarray, pred: np.ndarray, axis: int = -1):
    tp = (gold & pred).sum(axis=axis)
    fp = (~gold & pred).sum(axis=axis)
    fn = (gold & ~pred).sum(axis=axis)
    tn = (~gold & ~pred).sum(axis=axis)
    return tp, fp, fn, tn


def _scores(tp, fp, fn):
    tp, fp, fn = (np.asarray(x, dtype=float) for x in (tp, fp, fn))
    return _ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(2 * tp, 2 * tp + fp + fn)


def metrics_scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """``(precision, recall, f1)`` from the counts (the formulas of the module; NaN where
    the denominator is 0).

    >>> metrics_scores(3, 1, 2)
    (0.75, 0.6, 0.6666666666666666)
    >>> metrics_scores(0, 0, 2)
    (nan, 0.0, 0.0)
    """
    return tuple(float(x) for x in _scores(tp, fp, fn))


def metrics_bootstrap_units(n: int, *, n_boot: int = 2000, seed: int = BOOTSTRAP_SEED,
                            ) -> np.ndarray:
    """The resamples of ``n`` units: an ``n_boot`` x ``n`` array of unit positions drawn
    with replacement by ``numpy.random.default_rng(seed)`` (the same seed, the same draws).

    >>> metrics_bootstrap_units(3, n_boot=2, seed=1).shape
    (2, 3)
    """
    return np.random.default_rng(seed).integers(0, n, size=(n_boot, n)) if n else \
        np.zeros((n_boot, 0), dtype=np.int64)


def _interval(values: np.ndarray, confidence: float) -> tuple[float, float]:
    values = values[~np.isnan(values)]
    if len(values) == 0:
        return np.nan, np.nan
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def metrics_binary(gold: Sequence, predicted: Sequence, *, n_boot: int = 2000,
                   confidence: float = 0.95, seed: int = BOOTSTRAP_SEED) -> dict:
    """Precision, recall and F1 of 0/1 labels against 0/1 codes, one value per unit.

    Returns a dict with the keys of :data:`METRIC_COLUMNS`: ``units`` (coded units),
    ``tp``, ``fp``, ``fn``, ``tn``, and ``precision``, ``recall``, ``f1``, each with the
    ``_low`` and ``_high`` ends of its percentile bootstrap interval over units
    (``confidence``, default 95%; ``n_boot=0`` gives no interval, NaN).

    >>> m = metrics_binary([1, 1, 0, 0, 1], [1, 0, 1, 0, 1], n_boot=0)
    >>> [m[k] for k in ("tp", "fp", "fn", "tn")], round(m["precision"], 4), round(m["f1"], 4)
    ([2, 1, 1, 1], 0.6667, 0.6667)
    """
    g = _binary(gold, "the codes")
    p = _binary(predicted, "the labels")
    if g.shape != p.shape or g.ndim != 1:
        raise ValueError("the codes and the labels differ in length")
    tp, fp, fn, tn = (int(x) for x in _counts(g, p))
    precision, recall, f1 = (float(x) for x in _scores(tp, fp, fn))
    out = {"units": int(len(g)), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
           "precision": precision, "recall": recall, "f1": f1}
    if n_boot and len(g) > 1:
        draws = metrics_bootstrap_units(len(g), n_boot=n_boot, seed=seed)
        boot = _scores(*_counts(g[draws], p[draws])[:3])
    else:
        boot = (np.array([]),) * 3
    for name, values in zip(("precision", "recall", "f1"), boot, strict=True):
        out[f"{name}_low"], out[f"{name}_high"] = _interval(values, confidence)
    return {k: out[k] for k in METRIC_COLUMNS}


def metrics_classes(gold: Sequence, predicted: Sequence, *,
                    labels: Sequence | None = None) -> pd.DataFrame:
    """One row per class present in the codes or the labels (or per class of ``labels``,
    in that order, when given): ``class``, ``gold`` (units the codes give it),
    ``predicted`` (units the measure gives it), ``tp``, ``fp``, ``fn``, ``tn``,
    ``precision``, ``recall``, ``f1`` (see the module's formulas).

    >>> t = metrics_classes([1, 0, -1, 0], [1, 0, 0, -1])
    >>> t[["class", "tp", "fp", "fn"]].values.tolist(), t["f1"].tolist()
    ([[-1, 0, 1, 1], [0, 1, 1, 1], [1, 1, 0, 0]], [0.0, 0.5, 1.0])
    """
    g = np.asarray(gold)
    p = np.asarray(predicted)
    if g.shape != p.shape:
        raise ValueError("the codes and the labels differ in length")
    classes = list(labels) if labels is not None else \
        sorted(set(g.tolist()) | set(p.tolist()))
    rows = []
    for c in classes:
        tp, fp, fn, tn = (int(x) for x in _counts(g == c, p == c))
        precision, recall, f1 = (float(x) for x in _scores(tp, fp, fn))
        rows.append({"class": c, "gold": tp + fn, "predicted": tp + fp, "tp": tp, "fp": fp,
                     "fn": fn, "tn": tn, "precision": precision, "recall": recall,
                     "f1": f1})
    return pd.DataFrame(rows, columns=["class", "gold", "predicted", "tp", "fp", "fn", "tn",
                                       "precision", "recall", "f1"])


def metrics_macro(gold: Sequence, predicted: Sequence) -> dict:
    """The macro averages over the classes present in the codes or the labels.

    Returns a dict: ``precision`` (the mean over the classes the measure gives at least
    once), ``recall`` (over the classes the codes give at least once), ``f1`` (over the
    classes either gives: a class only one of them gives counts with F1 0) and
    ``classes``, the classes the F1 averages. A class neither gives is left out: counting
    it with F1 0 would lower the average for a class absent from the sample.

    >>> m = metrics_macro([1, 1, 0, 0], [1, 0, 0, 0])
    >>> round(m["f1"], 4), m["classes"]
    (0.7333, [0, 1])
    """
    table = metrics_classes(gold, predicted)
    if table.empty:
        return {"precision": np.nan, "recall": np.nan, "f1": np.nan, "classes": []}
    return {"precision": float(table.loc[table["predicted"] > 0, "precision"].mean()),
            "recall": float(table.loc[table["gold"] > 0, "recall"].mean()),
            "f1": float(table["f1"].mean()),
            "classes": table["class"].tolist()}
