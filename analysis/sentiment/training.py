"""Training and cross-validating the classifier on human-coded headlines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from analysis.paths import ROOT
from analysis.sentiment.classifier import sentiment_classifier
from analysis.sentiment.labels import LABELS, LEXICON_THRESHOLD, PROB_COLUMNS
from analysis.sentiment.lexicon import sentiment_lexicon
from analysis.sentiment.model import MODEL_SETTINGS, SentimentModel, _fit
from analysis.sentiment.validation import (
    sentiment_confusion,
    sentiment_labels_parse,
    sentiment_metrics,
)
from analysis.tables import require_columns

__all__ = ["TRAINING_DATA", "sentiment_training_load", "sentiment_train"]

#: The human-coded headlines the classifier is trained on (not needed at run time).
TRAINING_DATA = ROOT.parent / "shared" / "validation" / "ecosent" / "train.csv"


def sentiment_training_load(path: str | Path = TRAINING_DATA) -> pd.DataFrame:
    """The human-coded headlines (columns ``headline`` and ``value`` -1/0/+1) for training.

    The file is the ``train.csv`` of the ecosent validation data (van Atteveldt et al. 2021)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: training data not found; give the path of the ecosent train.csv "
            "(columns headline, value) with --data")
    data = pd.read_csv(path, dtype={"headline": str})
    require_columns(data, ["headline", "value"], what=str(path),
                    hint="expected the ecosent train.csv with columns headline and value "
                    "(-1/0/1)")
    empty = data["headline"].isna() | (data["headline"].astype(str).str.strip() == "")
    if empty.any():
        line = int(np.flatnonzero(empty.to_numpy())[0]) + 2
        raise ValueError(f"{path}, line {line}: empty headline; fix or remove the row")
    data["value"] = sentiment_labels_parse(data["value"].tolist(), source=str(path))
    return data


def sentiment_train(
    data: pd.DataFrame,
    *,
    folds: int = 5,
    seed: int = 20220110,
    settings: dict | None = None,
    progress: bool = False,
) -> tuple[SentimentModel, dict]:
    """Train the classifier on human-coded headlines and cross-validate both measures.

    ``data``: columns ``headline`` and ``value`` (-1/0/+1), see
    :func:`sentiment_training_load`. The settings (:data:`MODEL_SETTINGS`) are fixed in
    advance, not tuned on the folds. Stratified ``folds``-fold cross-validation (shuffled
    with ``seed``) gives, per fold and pooled over the out-of-fold predictions, accuracy,
    macro-F1 and Krippendorff's alpha for the classifier (trained on the other folds) and
    for the lexicon (which needs no training) on the same test folds. The returned model is
    fitted on all the data. Returns ``(model, report)``; the report is JSON-ready.
    """
    from sklearn.model_selection import StratifiedKFold

    settings = settings or MODEL_SETTINGS
    texts = data["headline"].astype(str).tolist()
    y = data["value"].to_numpy(int)
    lexicon_labels = sentiment_lexicon(texts)["label"].to_numpy(int)
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    oof = np.zeros(len(y), dtype=int)
    fold_of = np.zeros(len(y), dtype=int)
    fold_rows = []
    for k, (train, test) in enumerate(tqdm(list(cv.split(texts, y)), desc="folds",
                                           disable=not progress), start=1):
        model = _fit([texts[i] for i in train], y[train], settings)
        oof[test] = model.predict([texts[i] for i in test])
        fold_of[test] = k
        for method, labels in (("classifier", oof[test]), ("lexicon", lexicon_labels[test])):
            m = sentiment_metrics(y[test], labels).set_index("metric")["value"]
            fold_rows.append({"fold": k, "method": method, **m.to_dict()})
    per_fold = pd.DataFrame(fold_rows)
    summary = {}
    for method, labels in (("classifier", oof), ("lexicon", lexicon_labels),
                           ("always_neutral", np.zeros_like(y))):
        pooled = sentiment_metrics(y, labels).set_index("metric")["value"].to_dict()
        entry = {"pooled": pooled}
        if method != "always_neutral":
            f = per_fold[per_fold["method"] == method]
            entry["fold_mean"] = {m: float(f[m].mean()) for m in
                                  ("accuracy", "macro_f1", "krippendorff_alpha")}
            entry["fold_sd"] = {m: float(f[m].std(ddof=1)) for m in
                                ("accuracy", "macro_f1", "krippendorff_alpha")}
        entry["confusion"] = sentiment_confusion(y, labels).to_dict(orient="records")
        summary[method] = entry
    final = _fit(texts, y, settings)
    import sklearn

    report = {
        "data": {"n": int(len(y)), "classes": {str(c): int((y == c).sum()) for c in LABELS}},
        "settings": settings,
        "lexicon_threshold": LEXICON_THRESHOLD,
        "cross_validation": {"folds": folds, "seed": seed, "stratified": True,
                             "summary": summary,
                             "per_fold": per_fold.to_dict(orient="records")},
        "n_features": {"word": len(final.vectorizers[0].vocabulary_),
                       "char": len(final.vectorizers[1].vocabulary_)},
        "check_headlines": _check_headlines(data, final),
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
    }
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
