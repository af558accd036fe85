"""The labels every sentiment method gives: -1, 0, +1, their probability columns, and the
lexicon's threshold."""

from __future__ import annotations

import numpy as np

__all__ = ["LABELS", "PROB_COLUMNS", "SCORE_COLUMNS", "LEXICON_THRESHOLD", "sentiment_label"]

#: Lexicon polarity above this is labelled +1, below minus this -1 (Pattern's ``positive()``).
LEXICON_THRESHOLD = 0.1

LABELS = (-1, 0, 1)
PROB_COLUMNS = ("prob_negative", "prob_neutral", "prob_positive")
#: The columns of a sentence's score, whatever the method (a method leaves out those it
#: does not measure; they are then empty).
SCORE_COLUMNS = ("polarity", "subjectivity", "label", *PROB_COLUMNS, "words")


def sentiment_label(polarity, *, threshold: float = LEXICON_THRESHOLD) -> np.ndarray:
    """-1, 0 or +1 for each polarity: +1 above ``threshold``, -1 below ``-threshold``.

    >>> sentiment_label([0.5, 0.1, -0.2, 0.0]).tolist()
    [1, 0, -1, 0]
    """
    p = np.asarray(polarity, dtype=float)
    return np.where(p > threshold, 1, np.where(p < -threshold, -1, 0)).astype(np.int8)
