"""The tables of a fitted topic model: terms, article shares, prevalence, quality, examples.

Each function takes a :class:`~analysis.topics.lda.TopicModel` and returns a long, tidy
DataFrame whose columns its docstring lists; topics are in model order, ties broken by
name, so the same model gives the same table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.periods.bootstrap import BOOTSTRAP_SEED, bootstrap_ratio
from analysis.tables import groups_by
from analysis.topics.lda import TopicModel
from analysis.topics.quality import topics_exclusivity, topics_frex, topics_npmi
from analysis.topics.vocabulary import TopicCorpus

__all__ = ["topics_labels", "topics_terms", "topics_docs", "topics_quality",
           "topics_prevalence", "topics_representative", "topics_compare_frames"]


def _top(row: np.ndarray, n: int) -> np.ndarray:
    """The indices of the ``n`` largest values, largest first, ties by index."""
    return np.lexsort((np.arange(len(row)), -row))[:n]


def topics_labels(model: TopicModel, *, n: int = 3) -> dict[str, str]:
    """Topic -> a short label: its ``n`` most probable terms joined by ``/`` (a seeded
    topic keeps its frame name in front: ``sancties: sanctie/rusland``).

    >>> import numpy as np
    >>> m = TopicModel(("topic_01",), ("a", "b", "c"), np.array([[0.2, 0.5, 0.3]]),
    ...                np.ones((1, 1)), ("d",), np.array([3]), np.array([0.1]), 0.01)
    >>> topics_labels(m, n=2)
    {'topic_01': 'b/c'}
    """
    out = {}
    for t, name in enumerate(model.topics):
        words = "/".join(model.vocab[i] for i in _top(model.phi[t], n))
        out[name] = f"{name}: {words}" if name in model.seeds else words
    return out


def topics_terms(model: TopicModel, *, n: int = 15, frex_weight: float = 0.5) -> pd.DataFrame:
    """The top terms of every topic, by probability and by FREX.

    Returns the columns ``topic``, ``term``, ``rank`` (by ``weight``, from 1), ``weight``
    (the term's probability in the topic), ``exclusivity`` (the share of the term's
    probability that is in this topic), ``frex`` and ``frex_rank`` (by FREX, from 1), and
    ``seed`` (the term is a seed word of the topic); one row per topic and term that is in
    the topic's top ``n`` by weight or by FREX, ordered by topic and rank.

    >>> import numpy as np
    >>> m = TopicModel(("t1", "t2"), ("a", "b", "c"), np.array([[.6, .3, .1], [.1, .3, .6]]),
    ...                np.ones((1, 2)) / 2, ("d",), np.array([3]), np.array([.1, .1]), 0.01)
    >>> topics_terms(m, n=1)[["topic", "term", "rank", "frex_rank"]].values.tolist()
    [['t1', 'a', 1, 1], ['t2', 'c', 1, 1]]
    """
    excl = topics_exclusivity(model.phi)
    frex = topics_frex(model.phi, weight=frex_weight)
    frames = []
    vocab = np.asarray(model.vocab, dtype=object)
    for t, name in enumerate(model.topics):
        by_weight = _top(model.phi[t], len(vocab))
        rank = np.empty(len(vocab), dtype=np.int64)
        rank[by_weight] = np.arange(1, len(vocab) + 1)
        by_frex = _top(frex[t], len(vocab))
        frex_rank = np.empty(len(vocab), dtype=np.int64)
        frex_rank[by_frex] = np.arange(1, len(vocab) + 1)
        rows = np.flatnonzero((rank <= n) | (frex_rank <= n))
        rows = rows[np.lexsort((frex_rank[rows], rank[rows]))]
        seeds = set(model.seeds.get(name, ()))
        frames.append(pd.DataFrame({
            "topic": name, "term": vocab[rows], "rank": rank[rows],
            "weight": model.phi[t, rows], "exclusivity": excl[t, rows],
            "frex": frex[t, rows], "frex_rank": frex_rank[rows],
            "seed": [w in seeds for w in vocab[rows]]}))
    return pd.concat(frames, ignore_index=True)


def topics_docs(model: TopicModel) -> pd.DataFrame:
    """The topic shares of every article.

    Returns the columns ``doc_id``, ``topic``, ``share``: one row per article and topic, in
    corpus and topic order; an article's shares sum to 1. Articles without a word left
    after filtering have no rows (their ids are in ``attrs["without_words"]``).

    >>> import numpy as np
    >>> theta = np.array([[.25, .75], [np.nan, np.nan]])
    >>> m = TopicModel(("t1", "t2"), ("a",), np.ones((2, 1)), theta, ("d1", "d2"),
    ...                np.array([4, 0]), np.array([.1, .1]), 0.01)
    >>> t = topics_docs(m)
    >>> t.values.tolist(), t.attrs["without_words"]
    ([['d1', 't1', 0.25], ['d1', 't2', 0.75]], ['d2'])
    """
    has = model.lengths > 0
    ids = np.asarray(model.doc_ids, dtype=object)[has]
    k = model.k
    table = pd.DataFrame({"doc_id": np.repeat(ids, k),
                          "topic": np.tile(np.asarray(model.topics, dtype=object), len(ids)),
                          "share": model.theta[has].reshape(-1)})
    table.attrs["without_words"] = [d for d, h in zip(model.doc_ids, has, strict=True) if not h]
    return table


def topics_quality(model: TopicModel, dtm: TopicCorpus, *, n: int = 10) -> pd.DataFrame:
    """Coherence and exclusivity of every topic.

    Returns the columns ``topic``, ``label`` (:func:`topics_labels`), ``coherence`` (mean
    NPMI of the pairs of its ``n`` most probable terms, on their co-occurrence in the
    articles of ``dtm``), ``exclusivity`` (the mean exclusivity of those terms),
    ``prevalence`` (the topic's share of all kept tokens), one row per topic.

    >>> import numpy as np
    >>> from analysis.topics.vocabulary import TopicCorpus
    >>> docs = (np.array([0, 1]), np.array([2, 3]))
    >>> dtm = TopicCorpus(("d1", "d2"), ("a", "b", "c", "d"), docs)
    >>> phi = np.array([[.5, .5, 0, 0], [0, 0, .5, .5]])
    >>> m = TopicModel(("t1", "t2"), dtm.vocab, phi, np.array([[1., 0.], [0., 1.]]),
    ...                dtm.doc_ids, np.array([2, 2]), np.array([.1, .1]), .01)
    >>> topics_quality(m, dtm, n=2)[["topic", "coherence", "exclusivity"]].values.tolist()
    [['t1', 1.0, 1.0], ['t2', 1.0, 1.0]]
    """
    top = [_top(model.phi[t], n).tolist() for t in range(model.k)]
    coherence = topics_npmi(top, dtm.docs)
    excl = topics_exclusivity(model.phi)
    labels = topics_labels(model)
    return pd.DataFrame({
        "topic": list(model.topics),
        "label": [labels[t] for t in model.topics],
        "coherence": coherence,
        "exclusivity": [float(excl[t, top[t]].mean()) for t in range(model.k)],
        "prevalence": _prevalence(model),
    })


def _prevalence(model: TopicModel) -> np.ndarray:
    has = model.lengths > 0
    weights = model.lengths[has].astype(np.float64)
    return (model.theta[has] * weights[:, None]).sum(axis=0) / weights.sum()


def topics_prevalence(
    model: TopicModel,
    corpus: pd.DataFrame,
    *,
    by: str = "outlet",
    period: str | None = None,
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = BOOTSTRAP_SEED,
) -> pd.DataFrame:
    """The prevalence of every topic per group of articles, with a cluster-bootstrap interval.

    A topic's prevalence in a group is its share of the group's tokens:
    ``sum(length * share) / sum(length)`` over the group's articles with words; the
    interval resamples whole articles
    (:func:`analysis.periods.bootstrap.bootstrap_ratio`, ``seed``).
    ``by`` is a corpus column (``"outlet"``); with ``period`` (``"month"``, ...; see
    :mod:`analysis.periods`) the groups are periods instead (undated articles left out).

    Returns the columns ``<by>`` (or ``period``), ``topic``, ``prevalence``, ``ci_low``,
    ``ci_high``, ``articles``, ``tokens``; one row per group and topic. ``attrs["note"]``
    says which articles a period table leaves out (undated ones), or is empty.

    >>> import numpy as np, pandas as pd
    >>> m = TopicModel(("t1", "t2"), ("a",), np.ones((2, 1)), np.array([[1., 0.], [.5, .5]]),
    ...                ("d1", "d2"), np.array([2, 6]), np.array([.1, .1]), 0.01)
    >>> c = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["NOS", "NOS"]})
    >>> topics_prevalence(m, c)[["outlet", "topic", "prevalence"]].values.tolist()
    [['NOS', 't1', 0.625], ['NOS', 't2', 0.375]]
    """
    from analysis.periods import periods_assign

    docs = pd.DataFrame({"doc_id": list(model.doc_ids), "length": model.lengths})
    docs = docs[docs["length"] > 0]
    theta = model.theta[model.lengths > 0]
    if period is not None:
        cells = periods_assign(corpus, period, warn=False)
        column = "period"
        assigned = cells.docs.set_index("doc_id")["period"]
        group = docs["doc_id"].map(assigned)
    else:
        column = by
        lookup = pd.Series(groups_by(corpus, by).to_numpy(),
                           index=corpus["doc_id"].astype(str).to_numpy())
        group = docs["doc_id"].map(lookup)
    note = cells.note if period is not None else ""
    keep = group.notna().to_numpy()
    docs, theta, group = docs[keep], theta[keep], group[keep].astype(str)
    rows = []
    lengths = docs["length"].to_numpy(np.float64)
    for value in sorted(group.unique()):
        mask = (group == value).to_numpy()
        den = lengths[mask]
        for t, name in enumerate(model.topics):
            num = den * theta[mask, t]
            low, high = bootstrap_ratio(num, den, n_boot=n_boot, confidence=confidence,
                                        seed=seed)
            rows.append((value, name, float(num.sum() / den.sum()), low, high,
                         int(mask.sum()), int(den.sum())))
    table = pd.DataFrame(rows, columns=[column, "topic", "prevalence", "ci_low", "ci_high",
                                        "articles", "tokens"])
    table.attrs["note"] = note
    return table


def topics_representative(model: TopicModel, corpus: pd.DataFrame, *, n: int = 5
                          ) -> pd.DataFrame:
    """The ``n`` articles with the largest share of every topic, to read and name it.

    Returns the columns ``topic``, ``rank`` (from 1), ``doc_id``, ``outlet``, ``title``
    (empty when the corpus has none), ``share``, ``tokens``; ties by article order.

    >>> import numpy as np, pandas as pd
    >>> m = TopicModel(("t1", "t2"), ("a",), np.ones((2, 1)), np.array([[.9, .1], [.2, .8]]),
    ...                ("d1", "d2"), np.array([2, 6]), np.array([.1, .1]), 0.01)
    >>> c = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["NOS", "NRC"], "title": ["A", "B"]})
    >>> topics_representative(m, c, n=1)[["topic", "doc_id", "share"]].values.tolist()
    [['t1', 'd1', 0.9], ['t2', 'd2', 0.8]]
    """
    meta = corpus.assign(doc_id=corpus["doc_id"].astype(str)).set_index("doc_id")
    has = np.flatnonzero(model.lengths > 0)
    rows = []
    for t, name in enumerate(model.topics):
        shares = model.theta[has, t]
        for rank, i in enumerate(_top(shares, n).tolist(), start=1):
            doc = model.doc_ids[has[i]]
            outlet = meta["outlet"].get(doc, "") if "outlet" in meta else ""
            title = meta["title"].get(doc, "") if "title" in meta else ""
            rows.append((name, rank, doc, "" if pd.isna(outlet) else str(outlet),
                         "" if pd.isna(title) else str(title), float(shares[i]),
                         int(model.lengths[has[i]])))
    return pd.DataFrame(rows, columns=["topic", "rank", "doc_id", "outlet", "title", "share",
                                       "tokens"])


def topics_compare_frames(model: TopicModel, matches: pd.DataFrame) -> pd.DataFrame:
    """How well each seeded topic follows its frame's dictionary matches, article by article.

    ``matches`` is the match table of :func:`analysis.dictionaries.frames_match` for the same
    corpus. Per seeded topic (named after its frame): ``frame``, ``seed_words`` (joined by
    ``, ``), ``articles`` (with words), ``articles_matched`` (with a match of the frame),
    ``mean_share`` (the topic's mean share), ``rho`` (Spearman's rank correlation, over the
    articles, of the topic's share with the frame's matches per 1,000 kept tokens; NaN when
    either is constant), one row per seeded topic.

    >>> import numpy as np, pandas as pd
    >>> m = TopicModel(("sancties", "other_01"), ("a",), np.ones((2, 1)),
    ...                np.array([[.9, .1], [.2, .8], [.5, .5]]), ("d1", "d2", "d3"),
    ...                np.array([10, 10, 10]), np.array([.1, .1]), .01,
    ...                seeds={"sancties": ("sanctie",)})
    >>> hits = pd.DataFrame({"doc_id": ["d1", "d1", "d3"], "frame": ["sancties"] * 3})
    >>> topics_compare_frames(m, hits)[["frame", "articles_matched", "rho"]].values.tolist()
    [['sancties', 2, 1.0]]
    """
    from scipy.stats import spearmanr

    has = model.lengths > 0
    ids = np.asarray(model.doc_ids, dtype=object)[has]
    lengths = model.lengths[has].astype(np.float64)
    rows = []
    for t, name in enumerate(model.topics):
        if name not in model.seeds:
            continue
        hits = matches[matches["frame"].astype(str) == name]["doc_id"].astype(str)
        per_doc = hits.value_counts().reindex(ids, fill_value=0).to_numpy(np.float64)
        rate = per_doc / lengths * 1000
        share = model.theta[has, t]
        if np.ptp(rate) == 0 or np.ptp(share) == 0:
            rho = float("nan")
        else:
            rho = float(spearmanr(share, rate).statistic)
        rows.append((name, ", ".join(model.seeds[name]), int(has.sum()), int((per_doc > 0).sum()),
                     float(share.mean()), rho))
    return pd.DataFrame(rows, columns=["frame", "seed_words", "articles", "articles_matched",
                                       "mean_share", "rho"])
