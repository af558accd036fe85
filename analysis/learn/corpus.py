"""A classifier's labels for every article or sentence of a corpus."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from analysis.learn.classifier import Classifier
from analysis.tables import require_columns
from analysis.tokens import tokens_sentences

__all__ = ["learn_classify"]


def learn_classify(corpus: pd.DataFrame, classifier: Classifier, *,
                   level: Literal["article", "sentence"] = "article") -> pd.DataFrame:
    """Label every article (its ``text``) or every sentence of ``corpus``.

    Returns one row per article (``doc_id``) or sentence (``doc_id``, ``sentence_id`` from
    1), then ``label`` (the most probable) and ``prob_<label>`` for every label of the
    classifier.

    >>> from analysis.learn import learn_fit
    >>> c = learn_fit(["goed", "slecht", "goed nieuws", "slecht nieuws"], [1, 0, 1, 0],
    ...               features={"word": {"ngram_range": [1, 1]}})
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Goed. Slecht."]})
    >>> learn_classify(corpus, c, level="sentence")[["sentence_id", "label"]].values.tolist()
    [[1, 1], [2, 0]]
    """
    require_columns(corpus, ["doc_id", "text"], what="the corpus")
    if level == "article":
        units = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy()})
        texts = corpus["text"].fillna("").astype(str).tolist()
    elif level == "sentence":
        sentences = tokens_sentences(corpus)
        units = pd.DataFrame({"doc_id": sentences["doc_id"].astype(str).to_numpy(),
                              "sentence_id": sentences["sentence_id"].to_numpy()})
        texts = sentences["sentence"].astype(str).tolist()
    else:
        raise ValueError(f"unknown level {level!r}; choose article or sentence")
    return pd.concat([units, classifier.table(texts)], axis=1)
