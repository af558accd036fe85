"""The registry of sentiment methods, and the protocol every method follows.

:data:`SENTIMENT_METHODS` maps each method's name to its object, in the order the command
line offers them and the plots show them. A method is an object with

- ``name``: the value of the ``method`` column (``"lexicon"``),
- ``reads_tokens``: true when it scores a sentence's words (so that the words of frame
  matches can be left out, ``exclude=`` in :func:`analysis.sentiment.sentiment_corpus`),
  false when it reads the sentence as one string,
- ``score(sentences, *, excluded=None, progress=None) -> DataFrame``: one row per sentence
  (a string, or its tokens), with ``polarity`` (-1..1) and ``label`` (-1, 0, +1) and any
  of ``subjectivity``, ``prob_negative``, ``prob_neutral``, ``prob_positive``, ``words``
  (see :data:`analysis.sentiment.labels.SCORE_COLUMNS`; those left out are empty in the
  corpus table); ``excluded`` gives per sentence the positions of words to leave out,
- ``document_label(documents) -> array``: the label of each article from the means of its
  sentences' scores (the columns of ``level="document"``).

Adding a method is one module defining such an object and one line in
:data:`SENTIMENT_METHODS`; the command line's ``--method`` choices, the plots' panel order
and the document-label rule then follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import pandas as pd

from analysis.sentiment.classifier import CLASSIFIER
from analysis.sentiment.lexicon import LEXICON

__all__ = ["SentimentMethod", "SENTIMENT_METHODS", "Method", "sentiment_method",
           "sentiment_score"]

#: A method's name, one of the keys of :data:`SENTIMENT_METHODS`.
Method = str


class SentimentMethod(Protocol):
    """What a sentiment method provides (see the module docstring)."""

    name: str
    reads_tokens: bool

    def score(self, sentences: Sequence[str] | Sequence[Sequence[str]], *,
              excluded: Sequence[frozenset[int]] | None = None,
              progress: bool | None = None) -> pd.DataFrame: ...

    def document_label(self, documents: pd.DataFrame) -> np.ndarray: ...


#: Every sentiment method by name, in the order they are offered and shown.
SENTIMENT_METHODS: dict[str, SentimentMethod] = {
    LEXICON.name: LEXICON,
    CLASSIFIER.name: CLASSIFIER,
}


def sentiment_method(name: str) -> SentimentMethod:
    """The method called ``name``; ``ValueError`` naming the methods there are otherwise.

    >>> sentiment_method("lexicon").reads_tokens
    True
    """
    try:
        return SENTIMENT_METHODS[name]
    except (KeyError, TypeError):
        names = " or ".join(repr(m) for m in SENTIMENT_METHODS)
        raise ValueError(f"unknown method {name!r}: use {names}") from None


def sentiment_score(texts: Sequence[str], *, method: Method = "classifier",
                    progress: bool | None = None) -> pd.DataFrame:
    """Score each text with ``method``; the columns of :func:`sentiment_lexicon` or
    :func:`sentiment_classifier` (both carry ``polarity`` and ``label``).

    >>> sentiment_score(["Wat een nare dag."], method="lexicon")["label"].tolist()
    [-1]
    """
    return sentiment_method(method).score(list(texts), progress=progress)
