"""Training with stratified K-fold cross-validation, a final fit on all codes, and the
report: accuracy, macro-F1, Krippendorff's alpha, per-class figures, the confusion matrix
and a learning curve."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.learn.classifier import Classifier, LearnError, _fit, learn_labels, learn_settings

__all__ = ["learn_check", "learn_folds", "learn_metrics", "learn_crossvalidate",
           "learn_train", "LEARNING_CURVE"]

#: The shares of each training fold the learning curve trains on (all of it is the
#: cross-validation itself).
LEARNING_CURVE = (0.25, 0.5, 0.75)


def _where(source: str | None, row: int) -> str:
    """``source, line N`` for row ``row`` (0-based) of a file with a header line, or
    ``row N`` (1-based) of a table."""
    return f"{source}, line {row + 2}" if source else f"row {row + 1}"


def learn_check(texts: Sequence, codes: Sequence, *, folds: int = 5,
                source: str | None = None) -> tuple[tuple, np.ndarray]:
    """The labels and class numbers of coded texts, or :class:`LearnError` with what to do:
    a missing or empty text or code (its line named when ``source``, the file, is given),
    fewer than two labels, a label with fewer codes than ``folds``.

    >>> learn_check(["a", "b", "c", "d"], [0, 1, 0, 1], folds=2)
    ((0, 1), array([0, 1, 0, 1]))
    """
    texts = pd.Series(list(texts), dtype=object)
    codes = pd.Series(list(codes), dtype=object)
    if len(texts) != len(codes):
        raise LearnError(f"{len(texts)} texts but {len(codes)} codes")
    if len(texts) == 0:
        raise LearnError(f"{source or 'the codes'}: no coded texts")
    if folds < 2:
        raise LearnError(f"{folds} folds: cross-validation needs at least 2")
    empty = (texts.isna() | (texts.astype(str).str.strip() == "")).to_numpy()
    if empty.any():
        rows = np.flatnonzero(empty)
        raise LearnError(f"{_where(source, int(rows[0]))}: empty text ({len(rows)} empty in "
                         "all); fill it in or remove the row")
    missing = (codes.isna() | (codes.astype(str).str.strip() == "")).to_numpy()
    if missing.any():
        rows = np.flatnonzero(missing)
        raise LearnError(f"{_where(source, int(rows[0]))}: empty code ({len(rows)} empty in "
                         "all); code the text or remove the row")
    labels, y = learn_labels(codes.tolist())
    where = f"{source}: " if source else ""
    if len(labels) < 2:
        raise LearnError(f"{where}every text has the label {labels[0]!r}: a classifier needs "
                         "at least two labels")
    counts = np.bincount(y, minlength=len(labels))
    few = [(labels[k], int(n)) for k, n in enumerate(counts) if n < folds]
    if few:
        named = ", ".join(f"{label!r} ({n})" for label, n in few)
        raise LearnError(f"{where}fewer codes than folds ({folds}) for {named}: code more "
                         "texts with that label, merge it with another, or give fewer folds")
    return labels, y


def learn_folds(y: Sequence[int], *, folds: int = 5, seed: int = 0) -> np.ndarray:
    """The test fold (1..``folds``) of every code: scikit-learn's ``StratifiedKFold``,
    shuffled with ``seed``, so every fold holds each label in about its overall share.

    >>> learn_folds([0, 0, 1, 1], folds=2, seed=1).tolist()
    [1, 2, 1, 2]
    """
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    fold = np.zeros(len(y), dtype=np.int64)
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for k, (_, test) in enumerate(cv.split(np.zeros(len(y)), y), start=1):
        fold[test] = k
    return fold


def learn_metrics(gold: Sequence, predicted: Sequence, *,
                  level: Literal["nominal", "interval"] = "nominal") -> dict:
    """Agreement of predicted labels with the codes.

    Returns a dict: ``n``; ``accuracy``; ``macro_f1``, the mean F1 over the labels present
    in the codes or the predictions (scikit-learn's ``f1_score(average="macro")``);
    ``alpha``, Krippendorff's alpha (the ``krippendorff`` package; the codes and the
    predictions as two coders; ``level`` nominal, or interval for numeric labels such as
    tone -1/0/+1); ``per_class``: per label ``precision``, ``recall``, ``f1`` and
    ``support`` (codes with that label).

    >>> m = learn_metrics([1, 0, -1, 0], [1, 0, 0, -1], level="interval")
    >>> round(m["accuracy"], 4), round(m["macro_f1"], 4), round(m["alpha"], 4)
    (0.5, 0.5, 0.5625)
    """
    import krippendorff
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    gold = np.asarray(list(gold))
    predicted = np.asarray(list(predicted))
    if gold.shape != predicted.shape:
        raise ValueError("the codes and the predictions differ in length")
    if len(gold) == 0:
        raise ValueError("no labels to compare")
    present = sorted(set(gold.tolist()) | set(predicted.tolist()))
    if level == "interval":
        data = np.vstack([gold, predicted]).astype(float)
    else:
        index = {v: k for k, v in enumerate(present)}
        data = np.array([[index[v] for v in gold.tolist()],
                         [index[v] for v in predicted.tolist()]], dtype=float)
    alpha = (float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
             if np.unique(data).size > 1 else float("nan"))
    p, r, f, s = precision_recall_fscore_support(gold, predicted, labels=present,
                                                 zero_division=0)
    return {"n": int(len(gold)),
            "accuracy": float(accuracy_score(gold, predicted)),
            "macro_f1": float(f1_score(gold, predicted, labels=present, average="macro",
                                       zero_division=0)),
            "alpha": alpha,
            "per_class": {str(label): {"precision": float(p[k]), "recall": float(r[k]),
                                       "f1": float(f[k]), "support": int(s[k])}
                          for k, label in enumerate(present)}}


def learn_crossvalidate(texts: Sequence[str], y: np.ndarray, labels: Sequence, *,
                        settings: dict, fold: np.ndarray, train_share: float = 1.0,
                        progress: bool = False) -> np.ndarray:
    """Out-of-fold class probabilities (n, k): each text scored by a classifier fitted on
    the other folds (``fold``: see :func:`learn_folds`). With ``train_share`` below 1, each
    training fold is first cut to that share (stratified, seeded): a point of the learning
    curve."""
    from sklearn.model_selection import train_test_split
    from tqdm.auto import tqdm

    texts = [str(t) for t in texts]
    proba = np.full((len(y), len(labels)), np.nan)
    folds = sorted(set(fold.tolist()))
    for k in tqdm(folds, desc="folds", disable=not progress):
        train = np.flatnonzero(fold != k)
        test = np.flatnonzero(fold == k)
        if train_share < 1:
            train, _ = train_test_split(train, train_size=train_share, stratify=y[train],
                                        random_state=settings["seed"])
            train = np.sort(train)
            if np.unique(y[train]).size < len(labels):
                raise LearnError(f"{train_share:.0%} of a training fold lacks a label")
        model = _fit([texts[i] for i in train], y[train], labels, settings)
        proba[test] = model.predict_proba([texts[i] for i in test])
    return proba


def _confusion(gold: np.ndarray, predicted: np.ndarray, labels: Sequence) -> dict:
    from sklearn.metrics import confusion_matrix

    matrix = confusion_matrix(gold, predicted, labels=list(range(len(labels))))
    return {"labels": [_plain(v) for v in labels], "rows": "codes",
            "columns": "predictions", "matrix": matrix.tolist()}


def _plain(value):
    return int(value) if isinstance(value, int | np.integer) else str(value)


def learn_train(texts: Sequence[str], codes: Sequence, *,
                model: Literal["logreg", "svm", "nb"] = "logreg", folds: int = 5,
                seed: int = 0, features: dict | None = None,
                model_settings: dict | None = None,
                level: Literal["nominal", "interval"] = "nominal",
                curve: Sequence[float] = LEARNING_CURVE, source: str | None = None,
                progress: bool = False) -> tuple[Classifier, dict]:
    """Cross-validate a classifier on coded texts, then fit it on all of them.

    Stratified ``folds``-fold cross-validation (:func:`learn_folds`, shuffled with
    ``seed``); the settings are fixed before it, not tuned on the folds. Returns the
    classifier fitted on every code and its report (JSON-ready):

    - ``n``, ``labels``, ``counts`` (codes per label), ``settings``,
    - ``cv``: ``folds``, ``seed``, ``stratified``, and over the pooled out-of-fold
      predictions ``accuracy``, ``macro_f1``, ``alpha`` (``alpha_level``) and
      ``per_class`` (see :func:`learn_metrics`), ``per_fold`` (the same per test fold),
      ``majority`` (the share of the most frequent label: what always guessing it scores),
    - ``confusion``: codes (rows) against out-of-fold predictions (columns),
    - ``learning_curve``: per share of each training fold (``curve``, then 1.0):
      ``share``, ``n_train`` (mean codes trained on), ``accuracy``, ``macro_f1``, ``alpha``;
      ``learning_curve_skipped``: the shares too small to keep every label in a training
      fold,

    >>> texts = [f"{tone} {topic}" for tone in ("goed", "slecht")
    ...          for topic in ("nieuws", "weer", "plan", "jaar")]
    >>> _, report = learn_train(texts, [1] * 4 + [0] * 4, folds=2, curve=(),
    ...                         features={"word": {"ngram_range": [1, 1]}})
    >>> report["n"], report["labels"], report["cv"]["accuracy"]
    (8, [0, 1], 1.0)
    """
    labels, y = learn_check(texts, codes, folds=folds, source=source)
    settings = learn_settings(model=model, features=features, model_settings=model_settings,
                              seed=seed)
    texts = [str(t) for t in texts]
    fold = learn_folds(y, folds=folds, seed=seed)
    proba = learn_crossvalidate(texts, y, labels, settings=settings, fold=fold,
                                progress=progress)
    oof = np.argmax(proba, axis=1)
    values = np.asarray(labels, dtype=object)
    metrics = learn_metrics(values[y].tolist(), values[oof].tolist(), level=level)
    per_fold = []
    for k in range(1, folds + 1):
        test = fold == k
        m = learn_metrics(values[y[test]].tolist(), values[oof[test]].tolist(), level=level)
        per_fold.append({"fold": k, **{key: m[key] for key in
                                       ("n", "accuracy", "macro_f1", "alpha")}})
    counts = np.bincount(y, minlength=len(labels))
    points, skipped = [], []
    for share in [*curve, 1.0]:
        if share < 1:
            try:
                p = learn_crossvalidate(texts, y, labels, settings=settings, fold=fold,
                                        train_share=share)
            except (LearnError, ValueError):
                skipped.append(share)  # too few codes to cut the training folds that fine
                continue
        else:
            p = proba
        m = learn_metrics(values[y].tolist(), values[np.argmax(p, axis=1)].tolist(),
                          level=level)
        n_train = np.mean([int(round(share * (fold != k).sum())) if share < 1
                           else int((fold != k).sum()) for k in range(1, folds + 1)])
        points.append({"share": share, "n_train": float(n_train),
                       **{key: m[key] for key in ("accuracy", "macro_f1", "alpha")}})
    final = _fit(texts, y, labels, settings)
    import sklearn

    report = {
        "n": int(len(y)),
        "labels": [_plain(v) for v in labels],
        "counts": {str(v): int(c) for v, c in zip(labels, counts, strict=True)},
        "settings": settings,
        "cv": {"folds": folds, "seed": seed, "stratified": True,
               "accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"],
               "macro_f1_over": "the labels present in the codes or the predictions",
               "alpha": metrics["alpha"], "alpha_level": level,
               "per_class": metrics["per_class"], "per_fold": per_fold,
               "majority": {"label": _plain(labels[int(np.argmax(counts))]),
                            "accuracy": float(counts.max() / counts.sum())}},
        "confusion": _confusion(y, oof, labels),
        "learning_curve": points,
        "learning_curve_skipped": skipped,
        "n_features": final.features.n_features(),
        "versions": {"scikit-learn": sklearn.__version__},
    }
    return final, report
