"""Agreement of a method's labels with human codes, and the cross-validated figures of the
training report."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.sentiment.labels import LABELS
from analysis.sentiment.methods import Method, sentiment_score
from analysis.sentiment.model import sentiment_report_load

__all__ = ["sentiment_metrics", "sentiment_confusion", "sentiment_labels_parse",
           "sentiment_validate", "sentiment_crossvalidation",
           "sentiment_crossvalidation_confusion"]


def sentiment_metrics(gold: Sequence[int], predicted: Sequence[int]) -> pd.DataFrame:
    """Agreement of a measure's labels with human codes (-1/0/+1).

    Returns one row per metric (``metric``, ``value``): ``n``, ``accuracy``, ``macro_f1``
    (the mean F1 over the classes present in the codes or the labels,
    :func:`analysis.validation.metrics.metrics_macro`: a class neither gives is left out,
    and ``attrs["macro_f1_classes"]`` names the classes averaged) and
    ``krippendorff_alpha`` (:func:`analysis.validation.reliability.reliability_alpha`,
    interval metric, the two codings as two coders, as in van Atteveldt et al. 2021).

    >>> m = sentiment_metrics([1, 0, -1, 0], [1, 0, 0, -1])
    >>> m["value"].round(4).tolist(), m.attrs["macro_f1_classes"]
    ([4.0, 0.5, 0.5, 0.5625], [-1, 0, 1])
    """
    from analysis.validation.metrics import metrics_macro
    from analysis.validation.reliability import ReliabilityData, reliability_alpha

    gold = np.asarray(gold, dtype=int)
    predicted = np.asarray(predicted, dtype=int)
    if gold.shape != predicted.shape:
        raise ValueError("gold and predicted labels differ in length")
    if len(gold) == 0:
        raise ValueError("no labels to compare")
    data = ReliabilityData("sentiment", np.vstack([gold, predicted]).astype(float),
                           ["codes", "measure"], [str(i) for i in range(len(gold))])
    alpha = float(reliability_alpha(data, level="interval", n_boot=0)["alpha"].iloc[0])
    macro = metrics_macro(gold.tolist(), predicted.tolist())
    table = pd.DataFrame({
        "metric": ["n", "accuracy", "macro_f1", "krippendorff_alpha"],
        "value": [float(len(gold)), float((gold == predicted).mean()), macro["f1"], alpha],
    })
    table.attrs["macro_f1_classes"] = [int(c) for c in macro["classes"]]
    return table


def sentiment_confusion(gold: Sequence[int], predicted: Sequence[int]) -> pd.DataFrame:
    """Confusion matrix as a table: rows are the human codes (``gold`` -1, 0, 1), columns
    the measure's labels; cells are counts (scikit-learn's confusion_matrix).

    >>> sentiment_confusion([1, 0, -1, 0], [1, 0, 0, -1]).values.tolist()
    [[-1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1]]
    """
    from sklearn.metrics import confusion_matrix

    matrix = confusion_matrix(np.asarray(gold, int), np.asarray(predicted, int),
                              labels=list(LABELS))
    table = pd.DataFrame(matrix, columns=[str(c) for c in LABELS])
    table.insert(0, "gold", list(LABELS))
    return table


_LABEL_WORDS = {
    "-1": -1, "0": 0, "1": 1, "+1": 1, "-1.0": -1, "0.0": 0, "1.0": 1,
    "neg": -1, "negative": -1, "negatief": -1,
    "neu": 0, "neutral": 0, "neutraal": 0,
    "pos": 1, "positive": 1, "positief": 1,
}


def sentiment_labels_parse(values: Sequence, *, source: str = "the labels",
                           first_line: int = 2) -> np.ndarray:
    """Human codes as -1/0/+1: accepts -1/0/1 (also +1, 1.0) and negative/neutral/positive
    (English or Dutch, or neg/neu/pos). Anything else is an error naming the line
    (``first_line`` is the line of the first value, 2 for a CSV with a header).

    >>> sentiment_labels_parse(["positief", "-1", "neutral"]).tolist()
    [1, -1, 0]
    """
    out = np.zeros(len(values), dtype=np.int8)
    for k, value in enumerate(values):
        key = "" if value is None or (isinstance(value, float) and np.isnan(value)) else \
            str(value).strip().lower()
        if key not in _LABEL_WORDS:
            raise ValueError(
                f"{source}, line {first_line + k}: label {value!r} is not one of -1, 0, 1 "
                "(or negative/neutral/positive, negatief/neutraal/positief); fix or remove "
                "the row")
        out[k] = _LABEL_WORDS[key]
    return out


def sentiment_validate(texts: Sequence[str], gold: Sequence[int], *,
                       method: Method = "classifier") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score hand-coded texts with ``method`` and compare with the codes.

    Returns ``(metrics, confusion)``: the tables of :func:`sentiment_metrics` (with a
    ``method`` column) and :func:`sentiment_confusion`.

    >>> m, c = sentiment_validate(["Wat een nare dag.", "Hij ging naar huis."],
    ...                           [-1, 0], method="lexicon")
    >>> m["value"].tolist()[:2]
    [2.0, 1.0]
    """
    texts = [str(t) for t in texts]
    if len(texts) != len(gold):
        raise ValueError("texts and labels differ in length")
    predicted = sentiment_score(texts, method=method)["label"].to_numpy(int)
    metrics = sentiment_metrics(gold, predicted)
    metrics.insert(0, "method", method)
    return metrics, sentiment_confusion(gold, predicted)


def sentiment_crossvalidation(report: dict | None = None) -> pd.DataFrame:
    """The cross-validated agreement of each measure with the human codes, from the
    training report (default: the shipped classifier's).

    Returns one row per measure and metric: ``method`` (classifier, lexicon,
    always_neutral), ``metric`` (accuracy, macro_f1, krippendorff_alpha), ``pooled`` (over
    all out-of-fold predictions), ``fold_mean`` and ``fold_sd`` (over the folds; empty for
    always_neutral).

    >>> t = sentiment_crossvalidation()
    >>> sorted(set(t["method"]))
    ['always_neutral', 'classifier', 'lexicon']
    """
    report = report or sentiment_report_load()
    rows = []
    for method, entry in report["cross_validation"]["summary"].items():
        for metric in ("accuracy", "macro_f1", "krippendorff_alpha"):
            rows.append({"method": method, "metric": metric,
                         "pooled": entry["pooled"][metric],
                         "fold_mean": entry.get("fold_mean", {}).get(metric, np.nan),
                         "fold_sd": entry.get("fold_sd", {}).get(metric, np.nan)})
    return pd.DataFrame(rows)


def sentiment_crossvalidation_confusion(report: dict | None = None) -> pd.DataFrame:
    """The pooled out-of-fold confusion matrices of the training report, long: ``method``,
    ``gold`` (human code), ``predicted`` (the measure's label), ``n``, and ``share`` (of
    the headlines with that human code).

    >>> t = sentiment_crossvalidation_confusion()
    >>> int(t[t["method"] == "lexicon"]["n"].sum())
    6031
    """
    report = report or sentiment_report_load()
    rows = []
    for method, entry in report["cross_validation"]["summary"].items():
        for record in entry["confusion"]:
            total = sum(record[str(c)] for c in LABELS)
            for c in LABELS:
                rows.append({"method": method, "gold": int(record["gold"]), "predicted": c,
                             "n": int(record[str(c)]),
                             "share": record[str(c)] / total if total else np.nan})
    return pd.DataFrame(rows)
