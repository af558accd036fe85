"""The classifier method: the shipped logistic regression on TF-IDF n-grams, per text."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.parallel import chunks_map, memory_release, use_processes
from analysis.sentiment.labels import LABELS, PROB_COLUMNS
from analysis.sentiment.model import SentimentModel, sentiment_model_load

__all__ = ["PARALLEL_TEXTS", "CLASSIFIER", "ClassifierMethod", "sentiment_classifier"]

#: Inputs with more distinct texts than this are scored in parallel processes, with a
#: progress bar.
PARALLEL_TEXTS = 20_000
_WORKER_MODEL: SentimentModel | None = None


def _classifier_init(model: SentimentModel | None) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model or sentiment_model_load()


def _classifier_worker(texts: list[str]) -> np.ndarray:
    proba = _WORKER_MODEL.predict_proba(texts)
    memory_release()  # the batch's features: a worker's memory stays that of one batch
    return proba


def sentiment_classifier(texts: Sequence[str], *, model: SentimentModel | None = None,
                         batch: int = 5_000, progress: bool | None = None) -> pd.DataFrame:
    """Classifier scores per text (sentence, headline or article).

    Returns one row per text:

    - ``polarity``: P(+1) - P(-1), the expected label, -1..1,
    - ``subjectivity``: empty (the classifier does not measure it),
    - ``label``: the most probable of -1, 0, +1,
    - ``prob_negative``, ``prob_neutral``, ``prob_positive``: the class probabilities.

    >>> t = sentiment_classifier(["Beurs daalt", "Economie groeit sterker dan verwacht"])
    >>> t["label"].tolist()
    [-1, 1]
    """
    shipped = model is None
    model = model or sentiment_model_load()
    if tuple(model.labels) != LABELS:
        raise ValueError(f"the classifier's labels are {list(model.labels)}, not -1, 0, 1: "
                         "not a sentiment model; use it with `discourse classify`")
    if not isinstance(texts, pd.Series):
        texts = pd.Series([str(t) for t in texts], dtype=object)
    # Each distinct text is scored once: a row's probabilities depend on its text only
    # (a column of strings is factorised as it is stored, without a list of every row).
    codes, distinct = pd.factorize(texts, sort=False, use_na_sentinel=False)
    distinct = [str(t) for t in distinct.tolist()]
    bounds = [(a, min(a + batch, len(distinct))) for a in range(0, len(distinct), batch)]
    big = len(distinct) > PARALLEL_TEXTS
    parallel = use_processes(big, len(bounds))
    if parallel and shipped:  # what the first text loads (the lemmatiser's dictionary),
        model.predict_proba(distinct[:1])  # loaded once here, shared by the workers
    # Workers score with the shipped model (loaded in each) or with the one given, sent
    # once per worker; this process scores with the model itself.
    parts = chunks_map(_classifier_worker if parallel else model.predict_proba, distinct,
                       bounds, parallel=parallel, progress=big if progress is None else progress,
                       desc="classifier sentiment", unit="text", initializer=_classifier_init,
                       initargs=(None if shipped else model,))
    proba = np.vstack(parts) if parts else np.zeros((0, 3))
    order = [int(np.flatnonzero(model.classes == c)[0]) for c in LABELS]
    proba = proba[:, order][codes]
    labels = np.asarray(LABELS, dtype=np.int8)[np.argmax(proba, axis=1)] if len(proba) else \
        np.zeros(0, np.int8)
    table = pd.DataFrame({
        "polarity": proba[:, 2] - proba[:, 0],
        "subjectivity": np.full(len(texts), np.nan),
        "label": labels,
    })
    for k, column in enumerate(PROB_COLUMNS):
        table[column] = proba[:, k]
    return table


class ClassifierMethod:
    """The classifier as a sentiment method (see :mod:`analysis.sentiment.methods`): reads
    whole sentences (frame matches cannot be left out); an article's label is the class
    with the highest mean probability."""

    name = "classifier"
    reads_tokens = False

    def score(self, sentences: Sequence[str] | Sequence[Sequence[str]], *,
              excluded: Sequence[frozenset[int]] | None = None,
              progress: bool | None = None) -> pd.DataFrame:
        """``polarity``, ``subjectivity`` (empty), ``label`` and the class probabilities
        per sentence (a string, or its tokens joined by spaces; or a column of strings)."""
        if not isinstance(sentences, pd.Series):
            sentences = [s if isinstance(s, str) else " ".join(s) for s in sentences]
        return sentiment_classifier(sentences, progress=progress)

    def document_label(self, documents: pd.DataFrame) -> np.ndarray:
        """The class with the highest mean probability of each article."""
        proba = documents[list(PROB_COLUMNS)].to_numpy()
        return np.asarray(LABELS, dtype=np.int8)[np.argmax(proba, axis=1)]


CLASSIFIER = ClassifierMethod()
