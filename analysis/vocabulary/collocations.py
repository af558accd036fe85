"""Collocations: the words that keep each other's company, scored with pointwise mutual
information, logDice (Rychlý 2008), the signed log-likelihood G2 of the full 2x2 table
(Dunning 1993, Evert 2005), chi-squared and Student's t as NLTK computes them, and
quanteda's ``lambda`` and ``z`` (Blaheta & Johnson 2001), for word pairs and for longer
sequences. :func:`textstat_collocations` is importable from :mod:`analysis.vocabulary` too."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from analysis.vocabulary.association import lambda_z, nltk_chi_sq, nltk_student_t
from analysis.vocabulary.concordance import (
    _categorical,
    _check_tokens,
    _doc_bounds,
    _labels,
    kwic_match,
)
from analysis.vocabulary.terms import _check_min_count, _in_text_order, _terms

__all__ = ["textstat_collocations", "COLLOCATION_MEASURES"]

CollocationMeasure = Literal["g2", "lambda", "z", "pmi", "log_dice", "chi2", "t", "count"]

#: The columns :func:`textstat_collocations` can rank by (``measure=``).
COLLOCATION_MEASURES: tuple[str, ...] = ("g2", "lambda", "z", "pmi", "log_dice", "chi2", "t",
                                         "count")


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


def _measure_columns(o11, r1, c1, n, *, expected, pmi, g2, log_dice) -> dict:
    """The columns expected, pmi, log_dice, g2, p, chi2 and t of a collocation table."""
    from scipy.stats import chi2

    return {
        "expected": expected,
        "pmi": pmi,
        "log_dice": log_dice,
        "g2": g2,
        "p": chi2.sf(np.abs(g2), 1),
        "chi2": nltk_chi_sq(o11, r1, c1, n),
        "t": nltk_student_t(o11, r1, c1, n),
    }


def textstat_collocations(
    tokens: pd.DataFrame,
    *,
    node: str | None = None,
    window: int = 5,
    min_count: int = 2,
    size: int | Iterable[int] = 2,
    measure: CollocationMeasure | None = None,
    smoothing: float = 0.5,
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
    merged; the node's own tokens are not in it; a window wider than the longest article is
    that article). ``O11`` = tokens of the collocate inside
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
      cells, negative when ``O11 < E11``, and ``p`` its chi-squared (1 d.f.) upper tail,
    - ``chi2``: Pearson's chi-squared of the 2x2 table without correction,
      ``N (O11 O22 - O12 O21)^2 / (R1 R2 C1 C2)``, and ``t``: Student's t,
      ``(O11 - E11) / sqrt(O11)``, as NLTK's ``BigramAssocMeasures.chi_sq`` and
      ``student_t`` compute them from the same counts (Manning & Schütze 1999, 5.3),
    - bigrams only: ``lambda`` and ``z`` as quanteda's ``textstat_collocations``: with
      ``n11 = O11``, ``n10 = R1 - O11``, ``n01 = C1 - O11``, ``n00 = N - R1 - C1 + O11``,
      each plus ``smoothing`` (0.5), ``lambda = ln(n11 n00 / (n10 n01))`` (the log odds
      ratio) and ``z = lambda / sqrt(Σ 1 / n)``.

    **Longer sequences** (``size`` 3 or more, or several sizes such as ``[2, 3]``): every
    run of ``size`` tokens within a sentence, as quanteda's ``textstat_collocations(x,
    size = ...)``. Each sequence's 2^K table counts the K-token windows of the text that
    agree with it exactly at each subset of its positions; ``lambda`` is the K-way
    interaction of the saturated log-linear model of that table (each cell plus
    ``smoothing``), ``Σ_b (-1)^(K - |b|) ln n_b``, and ``z = lambda / sqrt(Σ_b 1 / n_b)``
    (Blaheta & Johnson 2001; :func:`analysis.vocabulary.association.lambda_z`). ``count_nested``
    counts the occurrences that lie inside a run of tokens long enough to hold a
    sequence of the next larger size asked for. A token removed from the table (a
    stopword, punctuation) ends a run, so no window spans it; quanteda, with stopwords
    removed as padding, counts the windows that hold a pad in the table (so its
    ``lambda`` can differ where stopwords were removed; with punctuation only, the two
    agree).

    Pairs (and sequences) seen fewer than ``min_count`` times are left out. ``measure``
    ranks the rows by that column, largest first (default: ``g2``; ``z`` for longer
    sequences, as quanteda), then by term.

    Returns the columns

    - bigrams: ``word1``, ``word2``, ``count`` (O11), ``count_word1`` (R1), ``count_word2``
      (C1), ``expected``, ``pmi``, ``log_dice``, ``g2``, ``p``, ``chi2``, ``t``,
      ``lambda``, ``z``;
    - longer sequences: ``collocation`` (the words joined by spaces), ``count``,
      ``count_nested``, ``length``, ``lambda``, ``z`` (quanteda's columns);
    - a node: ``node``, ``collocate``, ``count`` (O11), ``count_collocate`` (C1),
      ``count_node`` (occurrences of the node), ``window_tokens`` (R1), ``cooccurrences``
      (f_xy of logDice), ``expected``, ``pmi``, ``log_dice``, ``g2``, ``p``, ``chi2``,
      ``t``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["koude oorlog. koude oorlog. warme zomer. koude winter."]})
    >>> bigrams = textstat_collocations(tokens_corpus(c))
    >>> bigrams[["word1", "word2", "count", "expected"]].values.tolist()
    [['koude', 'oorlog', 2, 1.5]]
    >>> round(float(bigrams["pmi"][0]), 4)  # log2(2 / 1.5)
    0.415
    >>> round(float(bigrams["lambda"][0]), 4)  # ln(2.5 x 1.5 / (1.5 x 0.5)): cells 2, 1, 0, 1
    1.6094
    """
    _check_min_count(min_count)
    if not isinstance(window, int | np.integer) or window < 1:
        raise ValueError(f"window must be a whole number of tokens, 1 or more, not {window!r}")
    sizes = sorted({size} if isinstance(size, int | np.integer) else set(size))
    if not sizes or any(not isinstance(k, int | np.integer) or k < 2 for k in sizes):
        raise ValueError(f"size must be 2 or more words (or a list of such sizes), not "
                         f"{size!r}")
    if max(sizes) > 8:
        raise ValueError(f"size {max(sizes)}: sequences of more than 8 words are not scored")
    if measure is not None and measure not in COLLOCATION_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(COLLOCATION_MEASURES)}, not "
                         f"{measure!r}")
    if not smoothing >= 0:
        raise ValueError(f"smoothing must be 0 or more, not {smoothing!r}")
    _check_tokens(tokens, ("doc_id", "sentence_id", "position", "norm", "token"))
    tokens = _in_text_order(tokens)
    if node is not None:
        if sizes != [2]:
            raise ValueError("size= applies to sequences, not to the words around a node")
        table = _node_collocations(tokens, node, window, min_count)
    elif sizes == [2]:
        table = _bigram_collocations(tokens, min_count, smoothing)
    else:
        table = _sequence_collocations(tokens, sizes, min_count, smoothing)
        measure = measure or "z"
    return _ranked(table, measure or "g2")


def _ranked(table: pd.DataFrame, measure: str) -> pd.DataFrame:
    """``table`` sorted by ``measure`` (largest first, values equal to 12 significant
    digits tied), then by its terms; rows with NaN last."""
    if measure not in table.columns:
        raise ValueError(f"measure {measure!r} is not a column of this table; choose among "
                         f"{', '.join(c for c in COLLOCATION_MEASURES if c in table.columns)}")
    terms = [c for c in ("word1", "word2", "collocation", "collocate") if c in table.columns]
    keys = [table[c].astype(str).to_numpy() for c in reversed(terms)]
    value = table[measure].to_numpy(dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = 10.0 ** np.floor(np.log10(np.abs(value)))
        rounded = np.where(np.isfinite(value) & (value != 0),
                           np.round(value / scale, 11) * scale, value)
    order = np.lexsort((*keys, np.where(np.isnan(rounded), np.inf, -rounded)))
    return table.iloc[order].reset_index(drop=True)


def _bigram_collocations(tokens: pd.DataFrame, min_count: int,
                         smoothing: float) -> pd.DataFrame:
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
        **_measure_columns(o11, r1, c1, n, expected=expected, pmi=pmi, g2=g2,
                           log_dice=14 + np.log2(2 * o11 / (r1 + c1))),
    })
    cells = np.stack([n - r1 - c1 + o11, r1 - o11, c1 - o11, o11], axis=1)
    table["lambda"], table["z"] = lambda_z(cells, smoothing)
    return table


def _node_collocations(tokens: pd.DataFrame, node: str, window: int,
                       min_count: int) -> pd.DataFrame:
    matches = kwic_match(tokens, node)
    n_rows = len(tokens)
    first_of_doc, last_of_doc = _doc_bounds(tokens)
    first = matches["first_row"].to_numpy()
    last = matches["last_row"].to_numpy()
    if n_rows:  # a window never reaches past its article: no wider than the longest one
        window = min(window, int((last_of_doc - first_of_doc).max()) + 1)
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
        **_measure_columns(o, r1, c1, n, expected=expected, pmi=pmi, g2=g2,
                           log_dice=14 + np.log2(2 * f_xy / (n_node + c1))),
    })
    return table


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


def _runs(tokens: pd.DataFrame) -> np.ndarray:
    """For every row (in text order), the length of its run: the tokens that follow each
    other directly within one sentence around it."""
    n = len(tokens)
    if not n:
        return np.zeros(0, dtype=np.int64)
    docs = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
    sids = tokens["sentence_id"].to_numpy()
    pos = tokens["position"].to_numpy()
    valid = _categorical(tokens["norm"]).cat.codes.to_numpy() >= 0
    joined = ((docs[1:] == docs[:-1]) & (sids[1:] == sids[:-1]) & (pos[1:] == pos[:-1] + 1)
              & valid[1:] & valid[:-1])
    run = np.cumsum(np.append(0, ~joined))
    return np.bincount(run)[run] * valid


def _sequence_collocations(tokens: pd.DataFrame, sizes: list[int], min_count: int,
                           smoothing: float) -> pd.DataFrame:
    """quanteda's textstat_collocations for the sequences of every size in ``sizes``."""
    run_length = _runs(tokens)
    parts = []
    for i, k in enumerate(sizes):
        term_codes, starts, terms = _terms(tokens, k)
        counts = np.bincount(term_codes, minlength=terms.n).astype(np.int64)
        chosen = np.flatnonzero(counts >= min_count)
        if not len(chosen):
            continue
        window_words = [comp[term_codes] for comp in terms.components]
        cand_words = [comp[chosen] for comp in terms.components]
        cells = _agreement_cells(window_words, cand_words, k)
        lam, z = lambda_z(cells, smoothing)
        larger = sizes[i + 1] if i + 1 < len(sizes) else None
        nested = (np.zeros(len(chosen), dtype=np.int64) if larger is None else
                  np.bincount(term_codes, weights=run_length[starts] >= larger,
                              minlength=terms.n)[chosen].astype(np.int64))
        parts.append(pd.DataFrame({
            "collocation": terms.labels(chosen),
            "count": counts[chosen],
            "count_nested": nested,
            "length": np.full(len(chosen), k, dtype=np.int64),
            "lambda": lam,
            "z": z,
        }))
    if not parts:
        return pd.DataFrame({"collocation": pd.Series(dtype=object),
                             "count": pd.Series(dtype=np.int64),
                             "count_nested": pd.Series(dtype=np.int64),
                             "length": pd.Series(dtype=np.int64),
                             "lambda": pd.Series(dtype=np.float64),
                             "z": pd.Series(dtype=np.float64)})
    return pd.concat(parts, ignore_index=True)


def _agreement_cells(window_words: list[np.ndarray], cand_words: list[np.ndarray],
                     k: int) -> np.ndarray:
    """For each candidate, the windows agreeing with it at exactly each subset of its
    positions (column ``b``: bit ``i`` set when word ``i`` agrees), by counting the
    windows that agree at least on each subset and inverting (Möbius) over supersets."""
    n_windows, n_cand = len(window_words[0]), len(cand_words[0])
    width = 1 << k
    at_least = np.zeros((n_cand, width), dtype=np.float64)
    at_least[:, 0] = n_windows
    for subset in range(1, width):
        key = np.zeros(n_windows + n_cand, dtype=np.int64)
        for pos in range(k):
            if subset >> pos & 1:
                both = np.concatenate([window_words[pos], cand_words[pos]])
                key = pd.factorize(key * (int(both.max()) + 1) + both)[0].astype(np.int64)
        frequency = np.bincount(key[:n_windows], minlength=int(key.max()) + 1)
        at_least[:, subset] = frequency[key[n_windows:]]
    exact = np.zeros_like(at_least)
    for subset in range(width):
        for superset in range(width):
            if superset & subset == subset:
                extra = bin(superset).count("1") - bin(subset).count("1")
                exact[:, subset] += (-1) ** extra * at_least[:, superset]
    return exact
