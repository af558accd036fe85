"""A trained classifier: its features, its model and its labels."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.learn.errors import LearnError
from analysis.learn.features import FEATURE_SETTINGS, Features
from analysis.learn.models import MODEL_DEFAULTS, learn_model

__all__ = ["LearnError", "Classifier", "learn_labels", "learn_fit", "learn_settings",
           "learn_prob_columns"]


def learn_labels(values: Sequence) -> tuple[tuple, np.ndarray]:
    """The distinct labels (sorted: numbers as numbers when every code is a whole number,
    else as text) and each code's class number.

    >>> learn_labels(["1", "-1", "0", "1"])
    ((-1, 0, 1), array([2, 0, 1, 2]))
    >>> learn_labels(["economy", "conflict", "economy"])[0]
    ('conflict', 'economy')
    """
    series = pd.Series(list(values), dtype=object)
    if series.isna().any() or (series.astype(str).str.strip() == "").any():
        raise LearnError("a code is empty; every text needs a label")
    texts = series.astype(str).str.strip()
    numeric = pd.to_numeric(texts, errors="coerce")
    if numeric.notna().all() and (numeric == numeric.round()).all():
        keys = numeric.astype(np.int64)
        labels = tuple(int(v) for v in sorted(keys.unique()))
    else:
        keys = texts
        labels = tuple(sorted(keys.unique()))
    index = {label: k for k, label in enumerate(labels)}
    return labels, np.array([index[v] for v in keys.tolist()], dtype=np.int64)


def learn_prob_columns(labels: Sequence) -> list[str]:
    """The probability column of each label: ``prob_<label>``.

    >>> learn_prob_columns([0, 1])
    ['prob_0', 'prob_1']
    """
    return [f"prob_{label}" for label in labels]


class Classifier:
    """Features, a model of the registry (:data:`analysis.learn.MODELS`) and the labels.

    ``predict_proba(texts)`` returns an array (n, k), one column per label in the order of
    ``labels``; ``predict(texts)`` the most probable label of each text; ``table(texts)``
    both as a DataFrame (``label``, ``prob_<label>`` ...).
    """

    def __init__(self, features: Features, model, labels: Sequence, settings: dict):
        self.features = features
        self.model = model
        self.labels = tuple(labels)
        self.settings = settings

    @property
    def classes(self) -> np.ndarray:
        return np.asarray(self.labels)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, len(self.labels)))
        return self.model.predict_proba(self.features.transform(texts))

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        proba = self.predict_proba(texts)
        return self.classes[np.argmax(proba, axis=1)] if len(proba) else self.classes[:0]

    def table(self, texts: Sequence[str]) -> pd.DataFrame:
        """``label`` (the most probable) and ``prob_<label>`` for every label, per text."""
        proba = self.predict_proba(texts)
        table = pd.DataFrame({"label": self.classes[np.argmax(proba, axis=1)]
                              if len(proba) else self.classes[:0]})
        for k, column in enumerate(learn_prob_columns(self.labels)):
            table[column] = proba[:, k]
        return table


def learn_fit(texts: Sequence[str], codes: Sequence, *, model: str = "logreg",
              features: dict | None = None, model_settings: dict | None = None,
              seed: int = 0) -> Classifier:
    """Fit a classifier on coded texts (no cross-validation: see
    :func:`analysis.learn.learn_train`).

    >>> c = learn_fit(["goed nieuws", "slecht nieuws", "goed", "slecht"], [1, 0, 1, 0])
    >>> c.predict(["heel goed"]).tolist()
    [1]
    """
    labels, y = learn_labels(codes)
    if len(labels) < 2:
        raise LearnError(f"only one label ({labels[0]!r}) in the codes: a classifier needs "
                         "at least two")
    return _fit(texts, y, labels, learn_settings(model=model, features=features,
                                                 model_settings=model_settings, seed=seed))


def learn_settings(*, model: str = "logreg", features: dict | None = None,
                   model_settings: dict | None = None, seed: int = 0) -> dict:
    """The settings of a classifier, as saved with it: ``model``, ``model_settings`` (the
    defaults of the model, updated by those given), ``features`` and ``seed``."""
    if model not in MODEL_DEFAULTS:
        raise LearnError(f"unknown model {model!r}; choose from {', '.join(MODEL_DEFAULTS)}")
    return {"model": model,
            "model_settings": {**MODEL_DEFAULTS[model], **(model_settings or {})},
            "features": features or FEATURE_SETTINGS, "seed": int(seed)}


def _fit(texts: Sequence[str], y: np.ndarray, labels: Sequence, settings: dict) -> Classifier:
    """Fit on class numbers ``y`` (0..k-1, every one present) with ``settings``."""
    texts = [str(t) for t in texts]
    fitted_features = Features(settings["features"]).fit(texts)
    X = fitted_features.transform(texts)
    fitted = learn_model(settings["model"], settings["model_settings"],
                         seed=settings["seed"]).fit(X, y)
    return Classifier(fitted_features, fitted, labels, settings)
