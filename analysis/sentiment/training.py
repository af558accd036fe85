"""Training and cross-validating the classifier on human-coded headlines, with the
training, cross-validation and report of :mod:`analysis.learn`, and the lexicon measured on
the same folds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.learn import LearnError, learn_folds, learn_labels, learn_train
from analysis.paths import DATA_DIR
from analysis.sentiment.classifier import sentiment_classifier
from analysis.sentiment.labels import LABELS, LEXICON_THRESHOLD, PROB_COLUMNS
from analysis.sentiment.lexicon import sentiment_lexicon
from analysis.sentiment.model import MODEL_SETTINGS, SentimentModel
from analysis.sentiment.validation import (
    sentiment_confusion,
    sentiment_labels_parse,
    sentiment_metrics,
)
from analysis.tables import require_columns

__all__ = ["TRAINING_DATA", "sentiment_training_load", "sentiment_train"]

#: The human-coded headlines the classifier is trained on: the ecosent training file
#: (MIT licence and citation beside it), shipped with the package.
TRAINING_DATA = DATA_DIR / "ecosent" / "train.csv"


def sentiment_training_load(path: str | Path = TRAINING_DATA) -> pd.DataFrame:
    """The human-coded headlines (columns ``headline`` and ``value`` -1/0/+1) for training.

    The default is the shipped ``train.csv`` of the ecosent validation data (van Atteveldt
    et al. 2021), see ``analysis/data/ecosent/README.md``.

    >>> sentiment_training_load()["value"].value_counts().sort_index().tolist()
    [1971, 2669, 1391]
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: training data not found; give the path of a CSV file with the columns "
            "headline and value (-1/0/1) with --data")
    data = pd.read_csv(path, dtype={"headline": str})
    require_columns(data, ["headline", "value"], what=str(path),
                    hint="expected the ecosent train.csv with columns headline and value "
                    "(-1/0/1)")
    empty = data["headline"].isna() | (data["headline"].astype(str).str.strip() == "")
    if empty.any():
        line = int(np.flatnonzero(empty.to_numpy())[0]) + 2
        raise ValueError(f"{path}, line {line}: empty headline; fix or remove the row")
    data["value"] = sentiment_labels_parse(data["value"].tolist(), source=str(path))
    try:
        _check_labels(data["value"].to_numpy(int))
    except LearnError as exc:
        raise ValueError(f"{path}: {exc}") from None
    return data


def _check_labels(values: np.ndarray) -> None:
    """The sentiment classifier is trained on the three labels -1, 0, +1, each coded."""
    labels, _ = learn_labels(values.tolist()) if len(values) else ((), None)
    if tuple(labels) != LABELS:
        found = ", ".join(map(str, labels)) or "none"
        raise LearnError(f"the sentiment classifier needs codes of all three labels -1, 0, "
                         f"+1; these codes have {found}. For other categories train a "
                         "classifier with `discourse classify-train`")


def sentiment_train(
    data: pd.DataFrame,
    *,
    folds: int = 5,
    seed: int = 20220110,
    settings: dict | None = None,
    progress: bool = False,
) -> tuple[SentimentModel, dict]:
    """Train the classifier on human-coded headlines and cross-validate both measures.

    ``data``: columns ``headline`` and ``value`` (-1/0/+1, all three coded), see
    :func:`sentiment_training_load`. Training, cross-validation and the report are those
    of :func:`analysis.learn.learn_train` (stratified ``folds``-fold, shuffled with
    ``seed``; Krippendorff's alpha at the interval level) with the settings
    :data:`MODEL_SETTINGS`, fixed in advance, not tuned on the folds. On top, the report's
    ``cross_validation`` compares per fold and pooled over the out-of-fold predictions the
    classifier, the lexicon (which needs no training) and always answering neutral on the
    same test folds, and ``check_headlines`` holds a few headlines with the final model's
    probabilities, so a reloaded model can be checked. Returns ``(model, report)``.
    """
    settings = settings or MODEL_SETTINGS
    texts = data["headline"].astype(str).tolist()
    y = data["value"].to_numpy(int)
    _check_labels(y)
    final, report = learn_train(
        texts, y.tolist(), model=settings["model"], folds=folds, seed=seed,
        features=settings["features"], model_settings=settings["model_settings"],
        level="interval", progress=progress)
    fold = learn_folds(y, folds=folds, seed=seed)
    lexicon_labels = sentiment_lexicon(texts)["label"].to_numpy(int)
    per_fold = []
    for entry in report["cv"]["per_fold"]:
        per_fold.append({"fold": entry["fold"], "method": "classifier", "n": float(entry["n"]),
                         "accuracy": entry["accuracy"], "macro_f1": entry["macro_f1"],
                         "krippendorff_alpha": entry["alpha"]})
        test = fold == entry["fold"]
        m = sentiment_metrics(y[test], lexicon_labels[test]).set_index("metric")["value"]
        per_fold.append({"fold": entry["fold"], "method": "lexicon", **m.to_dict()})
    per_fold = pd.DataFrame(per_fold)
    matrix = np.asarray(report["confusion"]["matrix"])
    summary = {"classifier": {
        "pooled": {"n": float(report["n"]), "accuracy": report["cv"]["accuracy"],
                   "macro_f1": report["cv"]["macro_f1"],
                   "krippendorff_alpha": report["cv"]["alpha"]},
        "confusion": [{"gold": g, **{str(c): int(matrix[i, j]) for j, c in enumerate(LABELS)}}
                      for i, g in enumerate(LABELS)]}}
    for method, labels in (("lexicon", lexicon_labels), ("always_neutral", np.zeros_like(y))):
        summary[method] = {
            "pooled": sentiment_metrics(y, labels).set_index("metric")["value"].to_dict(),
            "confusion": sentiment_confusion(y, labels).to_dict(orient="records")}
    for method in ("classifier", "lexicon"):
        f = per_fold[per_fold["method"] == method]
        summary[method]["fold_mean"] = {m: float(f[m].mean()) for m in
                                        ("accuracy", "macro_f1", "krippendorff_alpha")}
        summary[method]["fold_sd"] = {m: float(f[m].std(ddof=1)) for m in
                                      ("accuracy", "macro_f1", "krippendorff_alpha")}
    report["data"] = {"n": int(len(y)), "classes": {str(c): int((y == c).sum()) for c in LABELS}}
    report["lexicon_threshold"] = LEXICON_THRESHOLD
    report["cross_validation"] = {"folds": folds, "seed": seed, "stratified": True,
                                  "summary": summary,
                                  "per_fold": per_fold.to_dict(orient="records")}
    report["check_headlines"] = _check_headlines(data, final)
    return final, report


def _check_headlines(data: pd.DataFrame, model: SentimentModel, n: int = 12) -> list[dict]:
    """A fixed set of headlines with the model's labels and probabilities at training time,
    so a reloaded model can be checked against them."""
    picked = data.iloc[np.linspace(0, len(data) - 1, n).astype(int)]
    texts = picked["headline"].astype(str).tolist()
    proba = sentiment_classifier(texts, model=model)
    return [{"headline": t, "label": int(row.label),
             **{c: float(getattr(row, c)) for c in PROB_COLUMNS}}
            for t, row in zip(texts, proba.itertuples(), strict=True)]
