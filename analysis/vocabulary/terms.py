"""Terms of a token table counted on integer codes: groups as codes, n-grams within a
sentence, and pairs counted densely or by hashing. The counting core shared by
:mod:`analysis.vocabulary.frequency`, :mod:`analysis.vocabulary.keyness` and
:mod:`analysis.vocabulary.collocations` (see :mod:`analysis.vocabulary.frequency` for what a
term and an n-gram are)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.tables import MISSING_GROUP
from analysis.vocabulary.concordance import _categorical, _labels

#: Up to this many (group, term) cells (or four per pair counted), counting uses a dense
#: array; above, a hash table.
_DENSE_LIMIT = 1_000_000


def _codes(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes (from 0) and their labels; missing values get their own label."""
    cat = _categorical(series)
    codes = cat.cat.codes.to_numpy()  # as narrow as the categories allow
    labels = pd.Index(_labels(cat), dtype=object)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels = labels.append(pd.Index([MISSING_GROUP]))
    return codes, labels


def _sorted_groups(codes: np.ndarray, labels: pd.Index) -> tuple[np.ndarray, pd.Index]:
    """Drop labels no row uses and renumber the codes in sorted label order. The codes come
    back in the narrowest integer type that holds them (``int8`` for up to 127 groups): a
    column as long as the table, only compared and counted.

    >>> codes, labels = _sorted_groups(np.array([2, 0, 2], dtype=np.int8),
    ...                                pd.Index(["b", "x", "a"]))
    >>> codes.tolist(), codes.dtype.name, labels.tolist()
    ([0, 1, 0], 'int8', ['a', 'b'])
    """
    present = np.zeros(len(labels), dtype=bool)
    present[codes] = True
    used = np.flatnonzero(present)
    kept = labels[used]
    order = np.argsort(np.asarray(kept, dtype=object), kind="stable")
    remap = np.full(len(labels), -1, dtype=np.min_scalar_type(-max(len(labels), 1)))
    remap[used[order]] = np.arange(len(used))
    return remap[codes], kept[order]


def _in_text_order(tokens: pd.DataFrame) -> pd.DataFrame:
    """The table with rows in article order and, within an article, by position."""
    docs = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
    pos = tokens["position"].to_numpy()
    new_doc = np.diff(docs) != 0
    if len(docs) < 2 or np.all(new_doc | (np.diff(pos) > 0)):
        runs = docs[np.append(True, new_doc)] if len(docs) else docs
        if len(np.unique(runs)) == len(runs):
            return tokens
    return tokens.iloc[np.lexsort((pos, docs))]


class _Terms:
    """The distinct terms (n-grams) counted: each a tuple of word codes into ``words``
    (sorted), numbered in sorted order. Labels are built only for the terms shown."""

    def __init__(self, words: np.ndarray, components: list[np.ndarray]):
        self.words = words
        self.components = components
        self.n = len(components[0]) if components else 0

    def parts(self, index: np.ndarray) -> list[np.ndarray]:
        return [self.words[comp[index]] for comp in self.components]

    def labels(self, index: np.ndarray) -> np.ndarray:
        parts = self.parts(np.asarray(index, dtype=np.int64))
        joined = parts[0]
        for part in parts[1:]:
            joined = joined + " " + part
        return joined

    def categorical(self, codes: np.ndarray) -> pd.Categorical:
        """Terms ``codes`` as a categorical column (labels made once per distinct term)."""
        inverse, used = _factorize_sorted(np.asarray(codes, dtype=np.int64))
        labels = pd.Index(self.labels(used), dtype=object)
        return pd.Categorical.from_codes(inverse, categories=labels)


#: The longest n-gram counted: longer ones are passages, not terms.
MAX_NGRAM = 100


def _terms(tokens: pd.DataFrame, ngram: int) -> tuple[np.ndarray, np.ndarray | None, _Terms]:
    """Term code of every n-gram, the row where it starts (None: every row, in order,
    starts one), and the terms."""
    if not isinstance(ngram, int | np.integer) or not 1 <= ngram <= MAX_NGRAM:
        raise ValueError(f"ngram must be a whole number from 1 to {MAX_NGRAM}, not {ngram!r}")
    norm = _categorical(tokens["norm"])
    words = _labels(norm)
    order = np.argsort(words, kind="stable")
    rank = np.empty(len(words), dtype=np.int32 if len(words) < 2**31 else np.int64)
    rank[order] = np.arange(len(words))
    codes = norm.cat.codes.to_numpy()
    valid = codes >= 0
    codes = rank[codes] if valid.all() else np.where(valid, rank[np.maximum(codes, 0)], -1)
    sorted_words = words[order]
    if ngram == 1:
        if valid.all():  # every row a term: no copy of the codes, and no row numbers
            return codes, None, _Terms(sorted_words, [np.arange(len(words))])
        starts = np.flatnonzero(valid)
        return codes[starts], starts, _Terms(sorted_words, [np.arange(len(words))])
    m = len(codes) - ngram + 1
    if m <= 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, _Terms(sorted_words, [empty] * ngram)
    docs = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
    sids = tokens["sentence_id"].to_numpy()
    pos = tokens["position"].to_numpy()
    ok = valid[:m].copy()
    for k in range(1, ngram):
        ok &= valid[k: k + m]
        ok &= docs[k: k + m] == docs[:m]
        ok &= sids[k: k + m] == sids[:m]
        ok &= pos[k: k + m] == pos[:m] + k
    starts = np.flatnonzero(ok)
    v = max(len(words), 1)
    if ngram * math.log2(v) < 62:
        key = np.zeros(len(starts), dtype=np.int64)
        for k in range(ngram):
            key = key * v + codes[starts + k]
        term_codes, unique_keys = _factorize_sorted(key)
        components = []
        for _ in range(ngram):
            components.append(unique_keys % v)
            unique_keys = unique_keys // v
        components.reverse()
    else:  # vocabularies too large for one integer key
        stacked = np.stack([codes[starts + k] for k in range(ngram)], axis=1)
        unique_rows, term_codes = np.unique(stacked, axis=0, return_inverse=True)
        components = [unique_rows[:, k] for k in range(ngram)]
    terms = _Terms(sorted_words, components)
    return term_codes.reshape(-1).astype(np.int64), starts, terms


def _factorize_sorted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of ``values`` into their sorted distinct values, and those values (a hash
    table, then a sort of the distinct values only: faster than ``np.unique``)."""
    codes, uniques = pd.factorize(values)
    order = np.argsort(uniques, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[codes], np.asarray(uniques)[order]


def _count_pairs(a: np.ndarray, b: np.ndarray, nb: int):
    """Distinct pairs ``(a, b)`` and how often each occurs, sorted by a, then b."""
    na = int(a.max()) + 1 if len(a) else 0
    key = a.astype(np.int64)  # a copy: made in place, with no second array of its size
    key *= nb
    key += b
    if na * nb <= max(_DENSE_LIMIT, 4 * len(key)):
        counts = np.bincount(key, minlength=na * nb)
        uniq = np.flatnonzero(counts)
        counts = counts[uniq]
    else:
        codes, uniq = _factorize_sorted(key)
        counts = np.bincount(codes, minlength=len(uniq))
    return uniq // nb, uniq % nb, counts.astype(np.int64)


def _check_min_count(min_count: int) -> None:
    if not isinstance(min_count, int | np.integer) or min_count < 1:
        raise ValueError(f"min_count must be a whole number, 1 or more, not {min_count!r}")
