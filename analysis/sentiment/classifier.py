"""The classifier method: the shipped logistic regression on TF-IDF n-grams, per text."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.parallel import cores, memory_release, use_processes
from analysis.sentiment.labels import LABELS, PROB_COLUMNS
from analysis.sentiment.model import SentimentModel, sentiment_model_load

__all__ = ["PARALLEL_TEXTS", "CLASSIFIER", "ClassifierMethod", "sentiment_classifier"]

#: Inputs with more distinct texts than this are scored with a progress bar, in threads on
#: every core (the sparse products run outside the interpreter's lock), in one process.
PARALLEL_TEXTS = 20_000
#: Distinct texts whose words and n-grams are found at once; their features are then built
#: and scored a batch at a time.
PREPARE_TEXTS = 25_000


def _probabilities(model: SentimentModel, texts: Sequence[str], words, *, batch: int,
                   progress: bool | None) -> np.ndarray:
    """The class probabilities of every text of ``texts`` (distinct), in the model's order
    of classes: each text's words and each distinct n-gram found once per
    :data:`PREPARE_TEXTS` texts (``words(a, b)``, the words of texts ``a`` to ``b`` as
    :func:`analysis.learn.ngrams.texts_words` reads them; or None: read here), the
    features built and scored ``batch`` texts at a time, in threads when there are many."""
    from concurrent.futures import ThreadPoolExecutor

    from analysis.parallel import _bar

    big = len(texts) > PARALLEL_TEXTS
    threads = cores() if use_processes(big, 2) else 1
    futures = []
    with _bar(big if progress is None else progress, total=len(texts),
              desc="classifier sentiment", unit="text") as bar, \
            ThreadPoolExecutor(max_workers=threads) as pool:
        # the next part's words are found here while the threads score the last one's
        for a in range(0, len(texts), PREPARE_TEXTS):
            b = min(a + PREPARE_TEXTS, len(texts))
            prepared = model.features.prepare(texts[a:b],
                                              words=None if words is None else words(a, b))

            def score(bounds, prepared=prepared):
                proba = model.model.predict_proba(model.features.rows(prepared, *bounds))
                bar.update(bounds[1] - bounds[0])
                return proba

            futures.append([pool.submit(score, (x, min(x + batch, b - a)))
                            for x in range(0, b - a, batch)])
            del prepared, score
            if len(futures) > 1:  # at most two parts' words held at once
                futures[-2] = [future.result() for future in futures[-2]]
                memory_release()
        parts = [p if isinstance(p, np.ndarray) else p.result() for part in futures
                 for p in part]
    memory_release()  # the words and n-grams of the texts
    return np.vstack(parts) if parts else np.zeros((0, len(model.labels)))


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
    proba = _probabilities(model, distinct, None, batch=batch, progress=progress)
    return _table(model, proba, codes)


def _table(model: SentimentModel, proba: np.ndarray, codes: np.ndarray) -> pd.DataFrame:
    """The table of :func:`sentiment_classifier` from the probabilities of the distinct
    texts and each row's distinct text."""
    order = [int(np.flatnonzero(model.classes == c)[0]) for c in LABELS]
    proba = proba[:, order][codes]
    labels = np.asarray(LABELS, dtype=np.int8)[np.argmax(proba, axis=1)] if len(proba) else \
        np.zeros(0, np.int8)
    table = pd.DataFrame({
        "polarity": proba[:, 2] - proba[:, 0],
        "subjectivity": np.full(len(codes), np.nan),
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

    def score_corpus(self, corpus: pd.DataFrame, sentences: pd.DataFrame, *,
                     progress: bool | None = None) -> pd.DataFrame:
        """:meth:`score` of the sentences of ``corpus`` (the table of
        :func:`analysis.tokens.tokens_sentences`), each distinct sentence once, its words
        read from the token store
        (:class:`analysis.sentiment.sentence_words.SentenceWords`)."""
        from analysis.sentiment.sentence_words import SentenceWords

        model = sentiment_model_load()
        codes, distinct = pd.factorize(sentences["sentence"], sort=False,
                                       use_na_sentinel=False)
        # the distinct sentences stay in the column's own storage: each part is made
        # Python strings when it is read
        first = np.unique(codes, return_index=True)[1]
        words = SentenceWords(corpus, sentences, first, distinct, progress=progress).words
        memory_release()  # what finding the distinct sentences and the token types took
        proba = _probabilities(model, distinct, words, batch=2_000, progress=progress)
        return _table(model, proba, codes)

    def document_label(self, documents: pd.DataFrame) -> np.ndarray:
        """The class with the highest mean probability of each article."""
        proba = documents[list(PROB_COLUMNS)].to_numpy()
        return np.asarray(LABELS, dtype=np.int8)[np.argmax(proba, axis=1)]


CLASSIFIER = ClassifierMethod()
