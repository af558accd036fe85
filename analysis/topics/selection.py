"""Choosing K: fit several numbers of topics and compare their coherence and exclusivity.

As stm's ``searchK``: a K whose topics are both coherent (their top words occur together in
articles) and exclusive (their top words belong to them alone) is easier to defend; the two
usually trade off as K grows.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.topics.lda import ITERATIONS, TopicModel, topics_fit
from analysis.topics.tables import topics_quality
from analysis.topics.vocabulary import TopicCorpus

__all__ = ["topics_select"]


def topics_select(dtm: TopicCorpus, ks: Iterable[int], *, seed: int = 1,
                  iterations: int = ITERATIONS, n: int = 10
                  ) -> tuple[pd.DataFrame, dict[int, TopicModel]]:
    """Fit one model per K in ``ks`` (same ``seed``) and score each.

    Returns the table (columns ``k``, ``coherence``: the mean NPMI of the topics' ``n`` top
    terms, ``exclusivity``: their mean exclusivity, ``ll_per_word``: the model's
    log-likelihood per token; one row per K, ascending) and the models by K.

    >>> import numpy as np
    >>> from analysis.topics.vocabulary import TopicCorpus
    >>> docs = tuple(np.array([0, 1, 2] * 5 if i % 2 else [3, 4, 5] * 5) for i in range(6))
    >>> table, models = topics_select(TopicCorpus(tuple("abcdef"), tuple("uvwxyz"), docs), [3, 2])
    >>> table["k"].tolist(), sorted(models)
    ([2, 3], [2, 3])
    """
    rows, models = [], {}
    for k in sorted(set(ks)):
        model = topics_fit(dtm, k, seed=seed, iterations=iterations)
        quality = topics_quality(model, dtm, n=n)
        rows.append((k, float(quality["coherence"].mean()), float(quality["exclusivity"].mean()),
                     model.ll_per_word))
        models[k] = model
    return pd.DataFrame(rows, columns=["k", "coherence", "exclusivity", "ll_per_word"]), models
