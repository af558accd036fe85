"""How good the topics are: coherence (NPMI of their top words) and exclusivity (FREX).

- :func:`topics_npmi`: the normalised pointwise mutual information (Bouma 2009) of every pair
  of a topic's top words, from the articles they occur in together, averaged per topic: the
  coherence measure that agrees best with human judgements (Lau, Newman & Baldwin 2014).
  A pair that never occurs together scores -1, its limit.
- :func:`topics_exclusivity`: per term and topic, the share of the term's probability that
  falls in that topic (``phi[k, w] / sum_j phi[j, w]``), and FREX, the weighted harmonic
  mean of the term's ranks by exclusivity and by frequency within the topic (Roberts,
  Stewart & Airoldi 2016; stm's ``calcfrex``, weight 0.5).
"""

from __future__ import annotations

import numpy as np
from scipy.stats import rankdata

__all__ = ["npmi_pairs", "topics_npmi", "topics_exclusivity", "topics_frex"]


def npmi_pairs(doc_sets: list[set], words: list) -> np.ndarray:
    """The NPMI of every pair of ``words`` from the documents in ``doc_sets`` (each a set of
    its terms): a ``len(words) x len(words)`` matrix (diagonal NaN).

    ``NPMI(a, b) = log(P(a,b) / (P(a) P(b))) / -log P(a,b)``, with P the share of the
    documents that hold the word(s); -1 when a and b never occur together, 1 when both occur
    in every document.

    >>> docs = [{"a", "b"}, {"a", "b"}, {"a"}, {"c"}]
    >>> m = npmi_pairs(docs, ["a", "b", "c"])
    >>> round(float(m[0, 1]), 6), float(m[0, 2])
    (0.415037, -1.0)
    """
    n = len(doc_sets)
    present = np.array([[w in d for w in words] for d in doc_sets], dtype=np.float64)
    if n == 0:
        return np.full((len(words), len(words)), np.nan)
    p = present.sum(axis=0) / n
    joint = (present.T @ present) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(joint / np.outer(p, p))
        out = pmi / -np.log(joint)
    out[joint == 0] = -1.0
    out[joint == 1] = 1.0
    np.fill_diagonal(out, np.nan)
    return out


def topics_npmi(top_words: list[list[int]], docs) -> np.ndarray:
    """The coherence of every topic: the mean NPMI (:func:`npmi_pairs`) over the pairs of its
    top words (codes into the vocabulary), from the documents ``docs`` (each an array of
    codes). Returns one value per topic.

    >>> import numpy as np
    >>> docs = [np.array([0, 1]), np.array([0, 1, 0]), np.array([0]), np.array([2])]
    >>> [round(float(v), 6) for v in topics_npmi([[0, 1], [0, 2]], docs)]
    [0.415037, -1.0]
    """
    doc_sets = [set(np.unique(d).tolist()) for d in docs if len(d)]
    out = []
    for words in top_words:
        m = npmi_pairs(doc_sets, list(words))
        pairs = m[np.triu_indices(len(words), 1)]
        out.append(float(np.mean(pairs)) if len(pairs) else np.nan)
    return np.array(out)


def topics_exclusivity(phi: np.ndarray) -> np.ndarray:
    """Topics x terms: the share of each term's probability in each topic.

    >>> topics_exclusivity(np.array([[0.5, 0.5], [0.5, 0.0]] )).tolist()
    [[0.5, 1.0], [0.5, 0.0]]
    """
    total = phi.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, phi / total, 0.0)


def topics_frex(phi: np.ndarray, *, weight: float = 0.5) -> np.ndarray:
    """Topics x terms: FREX, ``1 / (weight / ECDF(exclusivity) + (1 - weight) / ECDF(phi))``,
    the ECDFs taken over the terms within each topic (values from 0 to 1; 1 is a term that
    is both the topic's most frequent and its most exclusive).

    >>> phi = np.array([[0.6, 0.3, 0.1], [0.1, 0.3, 0.6]])
    >>> topics_frex(phi).round(3).tolist()
    [[1.0, 0.667, 0.333], [0.333, 0.667, 1.0]]
    """
    excl = topics_exclusivity(phi)
    n = phi.shape[1]
    excl_rank = rankdata(excl, method="max", axis=1) / n
    freq_rank = rankdata(phi, method="max", axis=1) / n
    return 1.0 / (weight / excl_rank + (1 - weight) / freq_rank)
