"""Latent Dirichlet allocation (Blei, Ng & Jordan 2003) with tomotopy, plain or seeded.

:func:`topics_fit` fits K topics by collapsed Gibbs sampling (tomotopy's ``LDAModel``, one
worker, a fixed seed: the same corpus and seed give the same model, value for value).
Seeded topics (as quanteda's seededlda) give each seed word a prior on its own topic
(tomotopy's word priors); :func:`topics_seeds` finds a frame dictionary's seed words in the
vocabulary, with the frame's own pattern language.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from analysis.topics.vocabulary import TopicCorpus, TopicsError

__all__ = ["TopicModel", "topics_fit", "topics_k_auto", "topics_seeds", "SEED_WEIGHT",
           "OTHER_PRIOR"]

#: The pseudo-counts of a seeded topic's seed words together, as a share of the tokens of an
#: average topic (all tokens / K), spread evenly over its seed words.
SEED_WEIGHT = 0.1
#: The prior of a seed word on every topic other than its own.
OTHER_PRIOR = 1e-6
#: Iterations of the sampler, and of alpha's optimisation interval.
ITERATIONS = 500


@dataclass(frozen=True)
class TopicModel:
    """A fitted topic model.

    ``topics``: the topic names (``topic_01``, ..., or a seeded topic's frame name, and
    ``other_01``, ... for the residual topics); ``vocab``: its terms; ``phi``: topics x
    terms, each row the topic's word distribution; ``theta``: articles x topics, each row an
    article's topic shares (summing to 1; NaN for an article without words); ``doc_ids``
    and ``lengths``: the articles and their kept tokens; ``alpha``: the Dirichlet prior per
    topic; ``eta``: the prior of the words; ``seeds``: the seed words per seeded topic;
    ``settings``: how it was fitted (unit, filters, seed, iterations).
    """

    topics: tuple[str, ...]
    vocab: tuple[str, ...]
    phi: np.ndarray
    theta: np.ndarray
    doc_ids: tuple[str, ...]
    lengths: np.ndarray
    alpha: np.ndarray
    eta: float
    seeds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)
    ll_per_word: float = float("nan")
    stopwords: tuple[str, ...] = ()

    @property
    def k(self) -> int:
        return len(self.topics)


def topics_seeds(dtm: TopicCorpus, frames, *, frames_only: list[str] | None = None
                 ) -> dict[str, tuple[str, ...]]:
    """The seed words of every frame of ``frames`` (a
    :class:`~analysis.dictionaries.FrameDictionary`
    or a mapping frame -> patterns): the vocabulary terms that one of the frame's patterns
    matches as a whole term, in the frame dictionary's pattern language (``sanctie*`` finds
    ``sanctiepakket``; a phrase pattern finds the closed compound ``koudeoorlog``).

    Raises :class:`TopicsError` when a frame has no seed word in the vocabulary, naming
    it, its patterns, and what the other frames found.

    >>> from analysis.topics.vocabulary import TopicCorpus
    >>> dtm = TopicCorpus(("a",), ("escalatie", "sanctie", "sanctiepakket"), ())
    >>> topics_seeds(dtm, {"sancties": ["sanctie*"], "escalatie": ["escal*"]})
    {'sancties': ('sanctie', 'sanctiepakket'), 'escalatie': ('escalatie',)}
    """
    import re

    from analysis.dictionaries.matcher import _pattern_regex

    if hasattr(frames, "frames"):
        fold = frames.fold_diacritics
        patterns = {name: f.patterns for name, f in frames.frames.items()}
    else:
        fold = True
        patterns = {name: tuple(p) for name, p in Mapping.items(frames)}
    if frames_only:
        unknown = [f for f in frames_only if f not in patterns]
        if unknown:
            raise TopicsError(f"no frame {', '.join(unknown)} in the dictionary; its frames are "
                              f"{', '.join(patterns)}")
        patterns = {f: patterns[f] for f in frames_only}
    found: dict[str, tuple[str, ...]] = {}
    for name, pats in patterns.items():
        regexes = [re.compile(_pattern_regex(p, fold)[0], re.IGNORECASE) for p in pats]
        found[name] = tuple(t for t in dtm.vocab if any(r.fullmatch(t) for r in regexes))
    empty = [name for name, words in found.items() if not words]
    if empty:
        have = "; ".join(f"{n}: {len(w)} ({', '.join(w[:5])}{', ...' if len(w) > 5 else ''})"
                         for n, w in found.items() if w) or "none"
        missing = "; ".join(f"{n} ({', '.join(patterns[n])})" for n in empty)
        raise TopicsError(
            f"no seed word of the frame(s) {missing} is in the vocabulary of the topic model "
            f"({len(dtm.vocab)} terms after filtering). Seed words found: {have}. Leave the "
            "frame(s) out (--only-frames), edit their patterns, or lower --min-df")
    return found


def topics_k_auto(articles: int) -> int:
    """A number of topics to start from: 10, or, for a corpus of fewer than 20 articles, half
    the articles plus one (at least 2). A researcher compares several K
    (:func:`analysis.topics.topics_select`) before settling on one.

    >>> topics_k_auto(751), topics_k_auto(5), topics_k_auto(2)
    (10, 3, 2)
    """
    return max(2, min(10, articles // 2 + 1))


def _names(k: int, seeds: Mapping[str, tuple[str, ...]], residual: int) -> tuple[str, ...]:
    if seeds:
        return (*seeds, *(f"other_{i + 1:02d}" for i in range(residual)))
    width = max(2, len(str(k)))
    return tuple(f"topic_{i + 1:0{width}d}" for i in range(k))


def topics_fit(
    dtm: TopicCorpus,
    k: int | None = None,
    *,
    seeds: Mapping[str, tuple[str, ...]] | None = None,
    residual: int = 2,
    seed: int = 1,
    seed_weight: float = SEED_WEIGHT,
    iterations: int = ITERATIONS,
    alpha: float = 0.1,
    eta: float = 0.01,
) -> TopicModel:
    """Fit an LDA model with ``k`` topics (or, with ``seeds``, one seeded topic per entry,
    named after it, plus ``residual`` unseeded topics) on ``dtm`` (:func:`topics_dtm`).

    Collapsed Gibbs sampling (tomotopy), ``iterations`` sweeps, one worker, random
    ``seed``; ``alpha`` is the symmetric document-topic prior (held fixed: optimising it
    on a small corpus drives it up until every article has the same shares), ``eta`` the
    topic-word prior. The seed words of a seeded topic share pseudo-counts of
    ``seed_weight`` times an average topic's tokens (all tokens / K) as their prior on
    that topic, and have a prior of almost nothing (:data:`OTHER_PRIOR`) on every other,
    so that they stay in their topic and near its top. Raises :class:`TopicsError` when
    ``k`` is less than 2 or more than the articles with words.

    >>> from analysis.topics.vocabulary import TopicCorpus
    >>> import numpy as np
    >>> docs = tuple(np.array([0, 1, 2] * 5 if i % 2 else [3, 4, 5] * 5) for i in range(6))
    >>> m = topics_fit(TopicCorpus(tuple("abcdef"), tuple("uvwxyz"), docs), 2, seed=3)
    >>> m.topics, m.theta.shape, bool(np.allclose(m.theta.sum(axis=1), 1))
    (('topic_01', 'topic_02'), (6, 2), True)
    """
    os.environ.setdefault("TOMOTOPY_LANG", "en")
    with warnings.catch_warnings():  # its compiled module warns about itself on import
        warnings.simplefilter("ignore", DeprecationWarning)
        import tomotopy as tp

    seeds = dict(seeds or {})
    if seeds:
        k = len(seeds) + residual
    if k is None:
        raise TopicsError("give the number of topics (--k) or seed words (--seed-frames)")
    lengths = dtm.lengths
    with_words = int((lengths > 0).sum())
    if k < 2:
        raise TopicsError(f"a topic model needs at least 2 topics, not {k}")
    if k > with_words:
        fewer = (f"seed fewer frames (--only-frames) or fewer --residual topics "
                 f"({len(seeds)} frames + {residual})" if seeds else f"choose --k {with_words} "
                 "or fewer")
        raise TopicsError(f"{k} topics for {with_words} articles with words: a topic model "
                          f"needs at least as many articles as topics; {fewer}")
    names = _names(k, seeds, residual)
    model = tp.LDAModel(k=k, alpha=alpha, eta=eta, seed=seed)
    model.optim_interval = 0
    vocab = dtm.vocab
    for doc in dtm.docs:
        if len(doc):
            model.add_doc([vocab[i] for i in doc.tolist()])
    tokens = int(lengths.sum())
    priors: dict[str, list[float]] = {}
    for t, words in enumerate(seeds.values()):
        for word in words:  # a word may seed several topics
            priors.setdefault(word, [OTHER_PRIOR] * k)[t] = max(
                eta, seed_weight * tokens / k / len(words))
    for word, prior in priors.items():
        model.set_word_prior(word, prior)
    model.train(0, workers=1, parallel=tp.ParallelScheme.NONE)
    model.train(iterations, workers=1, parallel=tp.ParallelScheme.NONE)
    # phi from the final assignment: (n_kw + eta_kw) / sum_w (n_kw + eta_kw), the seed
    # words' priors included (tomotopy's own topic-word distribution leaves them out)
    where = {w: i for i, w in enumerate(vocab)}
    to_ours = np.array([where[w] for w in model.used_vocabs], dtype=np.int64)
    words = np.concatenate([np.asarray(d.words, dtype=np.int64) for d in model.docs])
    assigned = np.concatenate([np.asarray(d.topics, dtype=np.int64) for d in model.docs])
    counts = np.bincount(assigned * len(vocab) + to_ours[words],
                         minlength=k * len(vocab)).reshape(k, len(vocab)).astype(np.float64)
    prior = np.full((k, len(vocab)), float(eta))
    for word, values in priors.items():
        prior[:, where[word]] = values
    phi = counts + prior
    phi /= phi.sum(axis=1, keepdims=True)
    theta = np.full((len(dtm.docs), k), np.nan)
    rows = np.flatnonzero(lengths > 0)
    for row, doc in zip(rows.tolist(), model.docs, strict=True):
        dist = np.asarray(doc.get_topic_dist(), dtype=np.float64)
        theta[row] = dist / dist.sum()
    settings = {"unit": dtm.unit, "min_df": dtm.min_df, "max_df": dtm.max_df, "seed": seed,
                "iterations": iterations, "alpha": alpha, "eta": eta,
                "residual": residual if seeds else 0,
                "seed_weight": seed_weight if seeds else 0}
    return TopicModel(topics=names, vocab=tuple(vocab), phi=phi, theta=theta,
                      doc_ids=dtm.doc_ids, lengths=lengths,
                      alpha=np.asarray(model.alpha, dtype=np.float64), eta=float(eta),
                      seeds={n: tuple(w) for n, w in seeds.items()}, settings=settings,
                      ll_per_word=float(model.ll_per_word), stopwords=dtm.stopwords)
