"""Collocations: the words that keep each other's company, scored with pointwise mutual
information, logDice (Rychlý 2008) and the signed log-likelihood G2 of the full 2x2 table
(Dunning 1993, Evert 2005). :func:`textstat_collocations` is importable from
:mod:`analysis.vocabulary` too."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.vocabulary.concordance import (
    _categorical,
    _check_tokens,
    _doc_bounds,
    _labels,
    kwic_match,
)
from analysis.vocabulary.terms import _check_min_count, _in_text_order, _terms

__all__ = ["textstat_collocations"]


def _association(o11, o12, o21, o22):
    """Expected count, PMI and signed four-cell G2 for arrays of 2x2 tables."""
    from scipy.special import xlogy  # scipy: only when scoring collocations

    o11, o12, o21, o22 = (np.asarray(x, dtype=np.float64) for x in (o11, o12, o21, o22))
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    cells = ((o11, r1 * c1 / n), (o12, r1 * c2 / n), (o21, r2 * c1 / n), (o22, r2 * c2 / n))
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2.0 * sum(xlogy(o, np.where(e > 0, o / e, 1.0)) for o, e in cells)
        pmi = np.log2(o11 / cells[0][1])
    g2 = np.maximum(g2, 0.0)
    expected = cells[0][1]
    return expected, pmi, np.where(o11 < expected, -g2, g2)


def textstat_collocations(
    tokens: pd.DataFrame,
    *,
    node: str | None = None,
    window: int = 5,
    min_count: int = 2,
) -> pd.DataFrame:
    """Word pairs that occur together more often than chance: adjacent pairs (bigrams), or
    the words around a node word.

    **Without** ``node``: every bigram (two tokens directly adjacent in one sentence, see
    the module documentation). Its 2x2 table counts bigrams: ``O11`` = the pair,
    ``R1`` = bigrams whose first word is ``word1``, ``C1`` = bigrams whose second word is
    ``word2``, ``N`` = all bigrams.

    **With** ``node`` (a word, phrase or ``*``/``?`` pattern, as in
    :func:`analysis.vocabulary.kwic_match`): the window is the ``window`` tokens of the table on
    each side of every occurrence of the node, within its article (overlapping windows are
    merged; the node's own tokens are not in it). ``O11`` = tokens of the collocate inside
    the windows, ``R1`` = tokens inside the windows, ``C1`` = tokens of the collocate in the
    corpus outside the node, ``N`` = all tokens outside the node.

    Scores, with ``E11 = R1 C1 / N``:

    - ``pmi = log2(O11 / E11)`` (pointwise mutual information; favours rare pairs),
    - ``log_dice = 14 + log2(2 f_xy / (f_x + f_y))`` (Rychlý 2008), with ``f_x``, ``f_y``
      the two words' frequencies and ``f_xy`` how often they occur together, never more
      than either: for bigrams ``R1``, ``C1`` and ``O11``; for a node its occurrences,
      ``C1`` and ``cooccurrences``, the node occurrences with the collocate in their own
      window, counted once per occurrence however often the collocate is there, and at
      most the collocate's tokens in the windows (``O11``). So logDice is at most 14 (every
      occurrence of each word is paired with one of the other), independent of corpus size,
    - ``g2``: the log-likelihood of the full 2x2 table, ``2 Σ O ln(O / E)`` over its four
      cells, negative when ``O11 < E11``, and ``p`` its chi-squared (1 d.f.) upper tail.

    Pairs seen fewer than ``min_count`` times are left out.

    Returns, sorted by G2 (strongest first), then by term, the columns

    - bigrams: ``word1``, ``word2``, ``count`` (O11), ``count_word1`` (R1), ``count_word2``
      (C1), ``expected``, ``pmi``, ``log_dice``, ``g2``, ``p``;
    - a node: ``node``, ``collocate``, ``count`` (O11), ``count_collocate`` (C1),
      ``count_node`` (occurrences of the node), ``window_tokens`` (R1), ``cooccurrences``
      (f_xy of logDice), ``expected``, ``pmi``, ``log_dice``, ``g2``, ``p``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["koude oorlog. koude oorlog. warme zomer. koude winter."]})
    >>> bigrams = textstat_collocations(tokens_corpus(c))
    >>> bigrams[["word1", "word2", "count", "expected"]].values.tolist()
    [['koude', 'oorlog', 2, 1.5]]
    >>> round(float(bigrams["pmi"][0]), 4)  # log2(2 / 1.5)
    0.415
    """
    _check_min_count(min_count)
    if not isinstance(window, int | np.integer) or window < 1:
        raise ValueError(f"window must be a whole number of tokens, 1 or more, not {window!r}")
    _check_tokens(tokens, ("doc_id", "sentence_id", "position", "norm", "token"))
    tokens = _in_text_order(tokens)
    if node is None:
        return _bigram_collocations(tokens, min_count)
    return _node_collocations(tokens, node, window, min_count)


def _bigram_collocations(tokens: pd.DataFrame, min_count: int) -> pd.DataFrame:
    from scipy.stats import chi2

    term_codes, starts, terms = _terms(tokens, 2)
    w1_codes, w2_codes = terms.components
    o11 = np.bincount(term_codes, minlength=terms.n).astype(np.int64)
    r1 = np.bincount(w1_codes[term_codes], minlength=len(terms.words))[w1_codes]
    c1 = np.bincount(w2_codes[term_codes], minlength=len(terms.words))[w2_codes]
    n = len(term_codes)
    keep = o11 >= min_count
    o11, r1, c1 = o11[keep], r1[keep], c1[keep]
    expected, pmi, g2 = _association(o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
    kept = np.flatnonzero(keep)
    table = pd.DataFrame({
        "word1": pd.Categorical.from_codes(
            w1_codes[kept], categories=pd.Index(terms.words, dtype=object)),
        "word2": pd.Categorical.from_codes(
            w2_codes[kept], categories=pd.Index(terms.words, dtype=object)),
        "count": o11,
        "count_word1": r1.astype(np.int64),
        "count_word2": c1.astype(np.int64),
        "expected": expected,
        "pmi": pmi,
        "log_dice": 14 + np.log2(2 * o11 / (r1 + c1)),
        "g2": g2,
        "p": chi2.sf(np.abs(g2), 1),
    })
    order = np.lexsort((np.flatnonzero(keep), -g2))
    return table.iloc[order].reset_index(drop=True)


def _node_collocations(tokens: pd.DataFrame, node: str, window: int,
                       min_count: int) -> pd.DataFrame:
    from scipy.stats import chi2

    matches = kwic_match(tokens, node)
    n_rows = len(tokens)
    first_of_doc, last_of_doc = _doc_bounds(tokens)
    first = matches["first_row"].to_numpy()
    last = matches["last_row"].to_numpy()
    is_node = np.zeros(n_rows, dtype=bool)
    if len(first):
        lengths = last - first + 1
        node_rows = np.repeat(first, lengths) + (
            np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths))
        is_node[node_rows] = True
    in_window = np.zeros(n_rows, dtype=bool)
    for k in range(1, window + 1):
        before = first - k
        ok = before >= first_of_doc[first] if len(first) else np.zeros(0, dtype=bool)
        in_window[before[ok]] = True
        after = last + k
        ok = after <= last_of_doc[last] if len(last) else np.zeros(0, dtype=bool)
        in_window[after[ok]] = True
    in_window &= ~is_node
    norm = _categorical(tokens["norm"])
    labels = _labels(norm)
    codes = norm.cat.codes.to_numpy().astype(np.int64)
    outside = ~is_node & (codes >= 0)
    f_c = np.bincount(codes[outside], minlength=len(labels))
    o11 = np.bincount(codes[in_window & (codes >= 0)], minlength=len(labels))
    pairs = np.minimum(_nodes_with(codes, is_node, first, last, first_of_doc, last_of_doc,
                                   window, len(labels)), o11)
    r1 = int(o11.sum())
    n = int(outside.sum())
    keep = np.flatnonzero(o11 >= min_count)
    o, c1, f_xy = o11[keep], f_c[keep], pairs[keep]
    expected, pmi, g2 = _association(o, r1 - o, c1 - o, n - r1 - c1 + o)
    n_node = len(matches)
    table = pd.DataFrame({
        "node": pd.Categorical([node] * len(keep)),
        "collocate": pd.Categorical.from_codes(
            np.arange(len(keep)), categories=pd.Index(labels[keep], dtype=object)),
        "count": o.astype(np.int64),
        "count_collocate": c1.astype(np.int64),
        "count_node": np.full(len(keep), n_node, dtype=np.int64),
        "window_tokens": np.full(len(keep), r1, dtype=np.int64),
        "cooccurrences": f_xy.astype(np.int64),
        "expected": expected,
        "pmi": pmi,
        "log_dice": 14 + np.log2(2 * f_xy / (n_node + c1)),
        "g2": g2,
        "p": chi2.sf(np.abs(g2), 1),
    })
    order = np.lexsort((keep, -g2))
    return table.iloc[order].reset_index(drop=True)


def _nodes_with(codes, is_node, first, last, first_of_doc, last_of_doc, window: int,
                n_codes: int) -> np.ndarray:
    """For every term code, the number of node occurrences with that term in their own
    window (each occurrence counts a term once)."""
    rows, owner = [], []
    for k in range(1, window + 1):
        for edge, bound, ok in ((first - k, first_of_doc[first], np.greater_equal),
                                (last + k, last_of_doc[last], np.less_equal)):
            inside = ok(edge, bound) if len(edge) else np.zeros(0, dtype=bool)
            rows.append(edge[inside])
            owner.append(np.flatnonzero(inside))
    rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    owner = np.concatenate(owner) if owner else np.zeros(0, dtype=np.int64)
    keep = ~is_node[rows] & (codes[rows] >= 0)
    pair_codes = pd.unique(owner[keep] * n_codes + codes[rows[keep]])
    return np.bincount(pair_codes % n_codes, minlength=n_codes) if n_codes else np.zeros(0)
