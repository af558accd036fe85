"""The classifier's model: a classifier of :mod:`analysis.learn` (TF-IDF n-grams and
logistic regression) trained on the -1/0/+1 codes, saved as plain arrays and JSON in a
model folder (no pickle, SHA-256 checked on loading); its training report."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from analysis.io import file_sha256
from analysis.learn import Classifier, LearnError, learn_load, learn_save
from analysis.paths import DATA_DIR
from analysis.sentiment.labels import LABELS

__all__ = ["SENTIMENT_MODEL_DIR", "SENTIMENT_REPORT_FILE", "MODEL_SETTINGS", "SentimentModel",
           "sentiment_model_save", "sentiment_model_load", "sentiment_report_load"]

SENTIMENT_MODEL_DIR = DATA_DIR / "sentiment_model"
SENTIMENT_REPORT_FILE = SENTIMENT_MODEL_DIR / "report.json"

#: The shipped classifier is a classifier of :mod:`analysis.learn`.
SentimentModel = Classifier

#: The classifier's settings (:func:`analysis.learn.learn_settings`), fixed before the
#: cross-validation that reports them; the levers compared on the training data, with
#: their cross-validated figures, are in docs/guides/classifiers.md.
MODEL_SETTINGS: dict = {
    "model": "svm",
    "model_settings": {"C": 0.3, "class_weight": "balanced", "max_iter": 10000},
    "features": {
        "word": {"ngram_range": [1, 2], "min_df": 1, "sublinear_tf": True},
        "char": {"ngram_range": [2, 5], "min_df": 2, "sublinear_tf": True},
        "lemma": {"ngram_range": [1, 2], "min_df": 1, "sublinear_tf": True},
    },
}


def sentiment_model_save(model: SentimentModel, folder: str | Path = SENTIMENT_MODEL_DIR, *,
                         report: dict | None = None) -> Path:
    """Write the model (and its training report) into ``folder``
    (:func:`analysis.learn.learn_save`: arrays and JSON, byte-identical for the same
    model). Returns the folder."""
    return learn_save(model, folder, report=report)


@lru_cache(maxsize=4)
def _model_cached(folder: str, sha: str) -> SentimentModel:
    model = learn_load(folder)
    if tuple(model.labels) != LABELS:
        raise LearnError(f"{folder}: a classifier of the labels {list(model.labels)}, not a "
                         "sentiment model (-1, 0, 1); use it with `discourse classify`")
    return model


def sentiment_model_load(folder: str | Path = SENTIMENT_MODEL_DIR) -> SentimentModel:
    """The classifier from its model folder (:func:`analysis.learn.learn_load`); a model
    whose labels are not -1, 0, +1 is refused."""
    folder = Path(folder)
    if not (folder / "model.npz").exists():
        raise FileNotFoundError(
            f"{folder}: no sentiment model here; train one with `discourse sentiment-train`")
    return _model_cached(str(folder), file_sha256(folder / "model.npz"))


def sentiment_report_load(path: str | Path = SENTIMENT_REPORT_FILE) -> dict:
    """The training report of the shipped classifier (cross-validated figures)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
