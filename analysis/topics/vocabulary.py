"""The documents a topic model is fitted on: each article as a sequence of vocabulary codes.

:func:`topics_dtm` takes the stored tokens of a corpus (:func:`analysis.tokens.tokens_corpus`,
words only, lower-cased), removes the stopwords, optionally replaces every word by its
lemma (simplemma's Dutch data, applied once per distinct word form), and keeps the terms
found in at least ``min_df`` articles and in at most a share ``max_df`` of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["Unit", "TopicsError", "TopicCorpus", "WordTokens", "topics_dtm", "terms_unit",
           "terms_keep", "word_tokens"]

Unit = Literal["lemma", "word"]


class TopicsError(ValueError):
    """A topic model cannot be fitted or applied as asked; the message says why and what to
    do (a smaller K, a lower ``min_df``, another seed dictionary)."""


@dataclass(frozen=True)
class TopicCorpus:
    """The articles as the topic model sees them.

    ``doc_ids``: every article of the corpus, in corpus order; ``vocab``: the terms kept,
    sorted; ``docs``: per article an array of codes into ``vocab``, in text order (empty
    when no word of the article is left); ``unit``, ``min_df``, ``max_df``: the settings;
    ``removed``: how many terms each filter removed (``stopwords``, ``min_df``, ``max_df``);
    ``stopwords``: the stopwords removed, sorted.
    """

    doc_ids: tuple[str, ...]
    vocab: tuple[str, ...]
    docs: tuple[np.ndarray, ...]
    unit: str = "lemma"
    min_df: int = 2
    max_df: float = 0.9
    removed: tuple[tuple[str, int], ...] = ()
    stopwords: tuple[str, ...] = ()

    @property
    def lengths(self) -> np.ndarray:
        """The number of kept tokens of every article."""
        return np.array([len(d) for d in self.docs], dtype=np.int64)

    def doc_freq(self) -> np.ndarray:
        """In how many articles each term of ``vocab`` occurs."""
        df = np.zeros(len(self.vocab), dtype=np.int64)
        for doc in self.docs:
            df[np.unique(doc)] += 1
        return df


@lru_cache(maxsize=1)
def _lemmatizer():
    import simplemma

    return simplemma


def terms_unit(words: Iterable[str], unit: Unit) -> list[str]:
    """The counted form of every word: itself (``"word"``) or its Dutch lemma (``"lemma"``,
    simplemma's Dutch data, lower-cased; a word simplemma does not know stays as it is).

    >>> terms_unit(["sancties", "oorlogen", "navo-top"], "lemma")
    ['sanctie', 'oorlog', 'navo-top']
    """
    if unit == "word":
        return list(words)
    if unit != "lemma":
        raise ValueError(f"unknown unit {unit!r}: use 'lemma' or 'word'")
    simplemma = _lemmatizer()
    return [simplemma.lemmatize(w, lang="nl").lower() for w in words]


@dataclass(frozen=True)
class WordTokens:
    """The word tokens of a corpus as codes: ``types`` (the distinct lower-cased forms),
    and per token ``type_code`` (into ``types``), ``doc_code`` (the article's row in the
    corpus) and ``sentence_id``; ``doc_ids``: the corpus's articles, in order."""

    types: list[str]
    type_code: np.ndarray
    doc_code: np.ndarray
    sentence_id: np.ndarray
    doc_ids: tuple[str, ...]


def word_tokens(corpus: pd.DataFrame) -> WordTokens:
    """The words (not numbers or punctuation) of the cached token table of ``corpus``
    (:func:`analysis.tokens.tokens_corpus` with its defaults, so the table other analyses
    hold is reused), as codes.

    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["Tanks, 3 tanks.", "Vrede."]})
    >>> w = word_tokens(c)
    >>> [w.types[i] for i in w.type_code], w.doc_code.tolist()
    (['tanks', 'tanks', 'vrede'], [0, 0, 1])
    """
    from analysis.tokens import tokens_corpus

    tokens = tokens_corpus(corpus)
    word = (tokens["kind"] == "word").to_numpy()
    norm = tokens["norm"]
    doc = tokens["doc_id"]
    doc_ids = tuple(corpus["doc_id"].astype(str).tolist())
    doc_map = pd.Index(doc_ids).get_indexer(doc.cat.categories.astype(str))
    return WordTokens(types=norm.cat.categories.astype(str).tolist(),
                      type_code=norm.cat.codes.to_numpy()[word].astype(np.int64),
                      doc_code=doc_map[doc.cat.codes.to_numpy()[word]],
                      sentence_id=tokens["sentence_id"].to_numpy()[word],
                      doc_ids=doc_ids)


def terms_keep(words: list[str], terms: list[str], stopwords: frozenset[str]) -> np.ndarray:
    """Which words a topic model counts: neither the word nor its term (lemma) is a
    stopword, and the term has a letter.

    >>> terms_keep(["de", "was", "sancties", "-"], ["de", "zijn", "sanctie", "-"],
    ...            frozenset({"de", "zijn"})).tolist()
    [False, False, True, False]
    """
    return np.array([t not in stopwords and w not in stopwords and any(c.isalpha() for c in t)
                     for w, t in zip(words, terms, strict=True)], dtype=bool)


def topics_dtm(
    corpus: pd.DataFrame,
    *,
    unit: Unit = "lemma",
    min_df: int = 2,
    max_df: float = 0.9,
    stopwords: str | Path | Iterable[str] | None = None,
) -> TopicCorpus:
    """The articles of ``corpus`` as sequences of vocabulary terms, for a topic model.

    Words (not numbers or punctuation) are lower-cased; stopwords (the shipped Dutch list,
    or ``stopwords``: a file or a collection of words) are removed before and after
    lemmatising; a term is kept when it occurs in at least ``min_df`` articles and in at
    most ``max_df`` (a share, 0 to 1) of them. Raises :class:`TopicsError` when no term is
    left, naming the numbers each filter removed.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["De sancties tegen Rusland.", "Nieuwe sancties, zegt Rusland."]})
    >>> dtm = topics_dtm(c, min_df=2, max_df=1.0)
    >>> dtm.vocab, [d.tolist() for d in dtm.docs]
    (('rusland', 'sanctie'), [[1, 0], [1, 0]])
    """
    from analysis.tokens import stopwords_load

    if min_df < 1:
        raise ValueError(f"min_df must be 1 or more, not {min_df}")
    if not 0 < max_df <= 1:
        raise ValueError(f"max_df is a share of the articles, above 0 and at most 1, not {max_df}")
    if stopwords is None:
        stop = stopwords_load()
    elif isinstance(stopwords, str | Path):
        stop = stopwords_load(stopwords)
    else:
        stop = frozenset(w.lower() for w in stopwords)
    words = word_tokens(corpus)
    doc_ids = words.doc_ids
    types = words.types
    terms = terms_unit(types, unit)
    keep_type = terms_keep(types, terms, stop)
    term_index = pd.Index(sorted(set(np.asarray(terms, dtype=object)[keep_type].tolist())))
    type_to_term = np.where(keep_type, term_index.get_indexer(terms), -1)
    codes = type_to_term[words.type_code]
    doc_of = words.doc_code
    kept = codes >= 0
    codes, doc_of = codes[kept], doc_of[kept]
    n_docs = len(doc_ids)
    # document frequency of every term
    pairs = np.unique(doc_of.astype(np.int64) * len(term_index) + codes)
    df = np.bincount(pairs % max(len(term_index), 1), minlength=len(term_index))
    max_docs = max_df * n_docs
    rare = df < min_df
    common = (df > max_docs) & ~rare
    keep_term = ~rare & ~common
    removed = (("stopwords", int(len(set(terms)) - len(term_index))),
               ("min_df", int(rare.sum())), ("max_df", int(common.sum())))
    if not keep_term.any():
        raise TopicsError(
            f"no term is left for the topic model: of {len(term_index)} terms after removing "
            f"stopwords, {int(rare.sum())} occur in fewer than {min_df} articles (--min-df) and "
            f"{int(common.sum())} in more than {max_df:g} of the {n_docs} articles (--max-df); "
            "lower --min-df or raise --max-df")
    renumber = np.cumsum(keep_term) - 1
    keep_row = keep_term[codes]
    codes = renumber[codes[keep_row]].astype(np.int32)
    doc_of = doc_of[keep_row]
    order = np.argsort(doc_of, kind="stable")
    codes, doc_of = codes[order], doc_of[order]
    bounds = np.searchsorted(doc_of, np.arange(n_docs + 1))
    docs = tuple(codes[bounds[i]:bounds[i + 1]] for i in range(n_docs))
    vocab = tuple(term_index[keep_term].tolist())
    return TopicCorpus(doc_ids=doc_ids, vocab=vocab, docs=docs, unit=unit, min_df=min_df,
                       max_df=max_df, removed=removed,
                       stopwords=tuple(sorted(stop)))
