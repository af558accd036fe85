"""Keyness: which terms a group uses more than its reference, by log-likelihood G2 (Rayson &
Garside 2000) with Hardie's (2014) Log Ratio as its effect size.

:func:`textstat_keyness` counts the token table; :func:`keyness_from_counts` scores counts
made once (:class:`analysis.vocabulary.frequency.TermCounts`), so a corpus larger than
memory is scored from its partitions' counts.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.periods.binning import Period, PeriodCells
from analysis.vocabulary.association import (
    chi2_quanteda,
    fisher_exact_tables,
    g2_quanteda,
    pmi_quanteda,
)
from analysis.vocabulary.frequency import TermCounts, _cell_columns, _resolve_by
from analysis.vocabulary.terms import (
    _check_min_count,
)

__all__ = [
    "textstat_keyness",
    "keyness_from_counts",
    "keyness_check",
    "KEYNESS_MEASURES",
]

KeynessMeasure = Literal["g2", "lr", "chi2", "exact", "pmi"]

#: The measures of :func:`textstat_keyness` and the column each statistic is in.
KEYNESS_MEASURES: tuple[str, ...] = ("g2", "lr", "chi2", "exact", "pmi")
KEYNESS_COLUMNS = {"g2": "g2", "lr": "g2", "chi2": "chi2", "exact": "odds_ratio",
                   "pmi": "pmi"}




# --------------------------------------------------------------------------- keyness


def textstat_keyness(
    tokens: pd.DataFrame,
    *,
    by: str | list[str] | None = None,
    ngram: int = 1,
    corpus: pd.DataFrame | None = None,
    min_count: int = 5,
    adjust: Literal["bh", "holm"] = "bh",
    alpha: float = 0.05,
    period: Period | None = None,
    reference: Literal["rest", "previous"] = "rest",
    measure: KeynessMeasure = "g2",
    g2: Literal["two-cell", "four-cell"] = "two-cell",
    correction: Literal["yates", "williams", "none"] | None = None,
) -> pd.DataFrame:
    """Keywords of every group against the rest of the corpus (or, over time, against the
    period before), with significance and effect size.

    ``by`` as in :func:`textstat_frequency` (default ``outlet``, or none with a period).
    With ``period`` (and ``corpus``) each period is a target, within its ``by`` group:
    ``reference="rest"`` compares it with all other periods of that group,
    ``reference="previous"`` with the period before it (the last earlier one with
    articles), which shows what is new. A period with nothing to compare with (the first,
    for ``previous``; every period when the articles span one period only) or without
    articles is one row with no term. Terms that occur in
    neither the target nor its reference are not tested for that target.

    For each group (the target) and each term counted at least ``min_count`` times in the
    whole corpus, the 2x2 table is: ``a`` = the term's count in the target, ``b`` = its count
    in the rest of the corpus (the reference), ``c`` and ``d`` = the target's and the
    reference's sizes (all their terms, ``N = c + d``).

    - **G2**, the log-likelihood of Rayson & Garside (2000): with the expected counts
      ``E1 = c (a + b) / N`` and ``E2 = d (a + b) / N``,
      ``G2 = 2 (a ln(a / E1) + b ln(b / E2))``, where ``0 ln 0 = 0``. It is given a minus
      sign when the term is relatively rarer in the target (``a / c < b / d``), as in
      quanteda, so positive values are the target's keywords. This is the Lancaster
      log-likelihood calculator's G2.
    - ``g2="four-cell"`` gives quanteda's ``textstat_keyness(measure = "lr")`` instead: the
      G2 of the full 2x2 table (cells ``a``, ``b``, ``c - a``, ``d - b``),
      ``2 Σ O ln(O / E)``, with quanteda's ``correction``: ``"yates"`` (quanteda's default,
      and the default here): when ``|a (d - b) - b (c - a)| >= N / 2`` and an expected
      count is below 5, each cell moves 0.5 towards its expected count before G2 is
      computed (this can make G2 much smaller); ``"williams"``: G2 divided by Williams'
      (1976) ``q = 1 + (N/R1 + N/R2 - 1)(N/C1 + N/C2 - 1) / (6 N)`` (1 when a cell is 0);
      ``"none"``. On quanteda's own test table ("b" in ``b b b b b b b a a a`` against
      ``a a a a a a a b b``) these give 2.7028, 4.2008 and 4.5349; the two-cell G2 gives
      2.4401.
    - ``measure`` chooses another statistic of the same table, each as quanteda's
      ``textstat_keyness(measure = ...)`` computes it (cells ``a``, ``b``, ``c - a``,
      ``d - b``, ``N = c + d``, ``E = (a + b) c / N``; formulas in
      :mod:`analysis.vocabulary.association`):

      - ``"lr"``: the four-cell G2 above (``g2="four-cell"``); column ``g2``;
      - ``"chi2"``: Pearson's chi-squared, ``N (|a(d-b) - b(c-a)| - N delta)^2`` over the
        product of the four margins, with quanteda's ``correction`` (default ``"yates"``:
        ``delta = 0.5`` under the rule above, else 0; ``"williams"``; ``"none"``), signed
        like G2; column ``chi2``, quanteda's default measure;
      - ``"exact"``: Fisher's exact test (Fisher 1922) as R's ``fisher.test``: the
        conditional maximum likelihood estimate of the odds ratio (infinite when the
        reference lacks the term) and its two-sided p; column ``odds_ratio``;
      - ``"pmi"``: pointwise mutual information, ``ln(a / E + 1e-9)`` (Church & Hanks
        1990), in natural logarithms as quanteda; column ``pmi``. Its ``p`` is quanteda's,
        the chi-squared tail of ``|pmi|``: a convention of quanteda, not a test of the
        association; use ``chi2`` or ``lr`` for significance.

      ``exact`` and ``pmi`` take no correction.
    - **p**: the chi-squared (1 degree of freedom) upper tail of ``|G2|`` (of ``|chi2|``
      for ``chi2``; Fisher's p for ``exact``).
    - **p_adj**: ``p`` adjusted for the number of terms tested in that group, by
      Benjamini-Hochberg (``adjust="bh"``, false discovery rate) or Holm (``"holm"``,
      family-wise error), with ``statsmodels.stats.multitest.multipletests``.
    - **Log Ratio** (Hardie 2014): ``log2((a / c) / (b / d))``, the binary log of the ratio
      of relative frequencies: 1 = twice as frequent in the target, -1 = half as frequent.
      A zero count (``a`` or ``b``) is replaced by 0.5 (Hardie's adjustment), so the value
      stays finite; the sizes ``c`` and ``d`` are not changed.

    Returns one row per group and tested term, sorted by group, then by the statistic
    (strongest keywords first, strongest negative keywords last), then by term, with the
    columns

    - ``<by>``: the target group (the column is named after ``by``),
    - ``term``: the term,
    - ``count_target``, ``count_reference``: ``a`` and ``b``,
    - ``size_target``, ``size_reference``: ``c`` and ``d`` (n-grams counted in each),
    - ``per_1000_target``, ``per_1000_reference``: ``1000 a / c`` and ``1000 b / d``,
    - ``g2``: signed G2 (``chi2``, ``odds_ratio`` or ``pmi`` with those measures),
    - ``p``, ``p_adj``: the p-value and the adjusted p-value,
    - ``log_ratio``: Hardie's Log Ratio,
    - ``direction``: ``positive`` (relatively more frequent in the target) or ``negative``,
    - ``significant``: ``p_adj < alpha``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                   "text": ["oorlog oorlog oorlog vrede", "vrede vrede vrede oorlog"]})
    >>> k = textstat_keyness(tokens_corpus(c), min_count=1)
    >>> k[["outlet", "term", "g2", "log_ratio"]].round(4).values.tolist()[:2]
    [['X', 'oorlog', 1.0465, 1.585], ['X', 'vrede', -1.0465, -1.585]]
    """
    keyness_check(min_count=min_count, adjust=adjust, alpha=alpha, reference=reference,
                  g2=g2, correction=correction, measure=measure)
    if reference == "previous" and period is None:
        raise ValueError("reference='previous' compares each period with the one before: "
                         "give period=")
    by, cells, tokens, corpus = _resolve_by(by, period, corpus, tokens)
    counts = TermCounts.of(tokens, by, ngram, corpus, docfreq=False)
    return keyness_from_counts(counts, by=by, min_count=min_count, adjust=adjust,
                               alpha=alpha, g2=g2, correction=correction,
                               cells=cells, reference=reference, measure=measure)


def keyness_check(*, min_count: int, adjust: str, alpha: float, reference: str, g2: str,
                  correction: str | None, measure: str = "g2") -> None:
    """Raise ``ValueError`` saying what is wrong with the options of :func:`textstat_keyness`.
    """
    _check_min_count(min_count)
    if adjust not in ("bh", "holm"):
        raise ValueError(f"adjust must be 'bh' or 'holm', not {adjust!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1, not {alpha!r}")
    if reference not in ("rest", "previous"):
        raise ValueError(f"reference must be 'rest' or 'previous', not {reference!r}")
    if g2 not in ("two-cell", "four-cell"):
        raise ValueError(f"g2 must be 'two-cell' or 'four-cell', not {g2!r}")
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(map(repr, KEYNESS_MEASURES))}, "
                         f"not {measure!r}")
    if measure != "g2" and g2 != "two-cell":
        raise ValueError("g2= chooses between the two G2 of measure='g2'; with measure="
                         f"{measure!r} leave it out")
    if measure == "g2" and g2 == "two-cell" and correction is not None:
        raise ValueError("a correction applies to the four-cell G2 only: give "
                         "g2='four-cell' (or measure='lr') with correction=")
    if measure in ("exact", "pmi") and correction not in (None, "none"):
        raise ValueError(f"measure={measure!r} takes no correction (quanteda: 'correction "
                         f"is always none for {measure}'); leave correction out")
    if correction not in (None, "yates", "williams", "none"):
        raise ValueError(f"correction must be 'yates', 'williams' or 'none', not "
                         f"{correction!r}")


def keyness_from_counts(
    counts: TermCounts,
    *,
    by: str,
    min_count: int = 5,
    adjust: Literal["bh", "holm"] = "bh",
    alpha: float = 0.05,
    g2: Literal["two-cell", "four-cell"] = "two-cell",
    correction: Literal["yates", "williams", "none"] | None = None,
    cells: PeriodCells | None = None,
    reference: Literal["rest", "previous"] = "rest",
    measure: KeynessMeasure = "g2",
) -> pd.DataFrame:
    """The table of :func:`textstat_keyness` from term counts: the one computation of G2,
    p, the adjusted p and Log Ratio, for counts of one table or summed over the partitions
    of a corpus (:mod:`analysis.cluster`). ``by`` names the group column; ``cells`` the
    periods (from :func:`textstat_keyness`; ``None``: groups only).

    >>> import pandas as pd
    >>> c = TermCounts.from_table(pd.DataFrame({"group": ["X", "X", "Y", "Y"],
    ...     "term": ["oorlog", "vrede"] * 2, "count": [3, 1, 1, 3]}),
    ...     pd.Series({"X": 4, "Y": 4}))
    >>> k = keyness_from_counts(c, by="outlet", min_count=1)
    >>> k[["outlet", "term", "g2"]].round(4).values.tolist()[:2]
    [['X', 'oorlog', 1.0465], ['X', 'vrede', -1.0465]]
    """
    from statsmodels.stats.multitest import multipletests  # only when testing keyness

    _check_min_count(min_count)
    g, t, count, sizes = counts.g, counts.t, counts.count, counts.sizes
    groups, terms = counts.groups, counts.terms
    if cells is None and len(groups) < 2:
        raise ValueError(
            f"keyness compares groups with the rest of the corpus, but {by!r} has "
            f"{len(groups)} group(s) here; choose a column with two or more values")
    refs, ref_labels = _references(groups, cells, reference)
    totals = np.bincount(t, weights=count, minlength=terms.n).astype(np.int64)
    tested = np.flatnonzero(totals >= min_count)
    column = np.full(terms.n, -1, dtype=np.int64)
    column[tested] = np.arange(len(tested))
    n_groups, n_terms = len(groups), len(tested)
    a = np.zeros((n_groups, n_terms), dtype=np.float64)
    inside = column[t] >= 0
    a[g[inside], column[t[inside]]] = count[inside]
    b = refs @ a
    c = np.broadcast_to(sizes.astype(np.float64)[:, None], a.shape)
    d = np.broadcast_to((refs @ sizes.astype(np.float64))[:, None], a.shape)
    shown = (a + b > 0) & refs.any(axis=1)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        rel_t, rel_r = a / c, b / d
        log_ratio = np.log2((np.where(a == 0, 0.5, a) / c) / (np.where(b == 0, 0.5, b) / d))
    negative = rel_t < rel_r
    signed, p = _keyness_statistic(measure, g2, correction, a, b, c, d, shown, negative)
    method = {"bh": "fdr_bh", "holm": "holm"}[adjust]
    p_adj = np.full(p.shape, np.nan)
    for row in range(n_groups):
        mask = shown[row]
        if mask.any():
            p_adj[row, mask] = multipletests(p[row, mask], method=method)[1]
    rows_g = np.repeat(np.arange(n_groups), n_terms)
    keep = shown.ravel()
    table = pd.DataFrame({
        by: pd.Categorical.from_codes(rows_g, categories=groups),
        "term": terms.categorical(np.tile(tested, n_groups)),
        "count_target": a.ravel().astype(np.int64),
        "count_reference": b.ravel().astype(np.int64),
        "size_target": c.ravel().astype(np.int64),
        "size_reference": d.ravel().astype(np.int64),
        "per_1000_target": (1000.0 * rel_t).ravel(),
        "per_1000_reference": (1000.0 * rel_r).ravel(),
        KEYNESS_COLUMNS[measure]: signed.ravel(),
        "p": p.ravel(),
        "p_adj": p_adj.ravel(),
        "log_ratio": log_ratio.ravel(),
        "direction": pd.Categorical(np.where(negative.ravel(), "negative", "positive"),
                                    categories=["positive", "negative"]),
        "significant": (p_adj < alpha).ravel(),
    })
    order = np.lexsort((np.tile(np.arange(n_terms), n_groups), -signed.ravel(), rows_g))
    order = order[keep[order]]
    table = table.iloc[order].reset_index(drop=True)
    table.attrs.update(adjust=adjust, alpha=alpha)  # for the figure's caption
    if cells is None:
        return table
    table.insert(1, "reference", ref_labels[rows_g[order]])
    return _cell_columns(table, cells, placeholder={})


def _keyness_statistic(measure: str, g2: str, correction: str | None, a, b, c, d,
                       shown: np.ndarray, negative: np.ndarray):
    """The statistic of ``measure`` (signed: negative for the target's negative keywords;
    the odds ratio as it is) and its p-value, for the tables ``a``, ``b`` (the term's
    counts) and ``c``, ``d`` (the sizes); 0 and p = 1 where not ``shown``."""
    from scipy.special import xlogy
    from scipy.stats import chi2

    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "exact":
            ratio, p = np.zeros(a.shape), np.ones(a.shape)
            ratio[shown], p[shown] = fisher_exact_tables(a[shown], b[shown],
                                                         (c - a)[shown], (d - b)[shown])
            return ratio, p
        if measure == "chi2":
            stat = np.where(shown, chi2_quanteda(a, b, c - a, d - b, correction or "yates"),
                            0.0)
            return stat, chi2.sf(np.abs(stat), 1)
        if measure == "pmi":
            stat = np.where(shown, pmi_quanteda(a, b, c - a, d - b), 0.0)
            return stat, chi2.sf(np.abs(stat), 1)
        if measure == "lr" or g2 == "four-cell":
            value = g2_quanteda(a, b, c - a, d - b, correction or "yates")
        else:
            n = c + d
            value = 2.0 * (xlogy(a, a / (c * (a + b) / n)) + xlogy(b, b / (d * (a + b) / n)))
    value = np.maximum(np.where(shown, value, 0.0), 0.0)  # rounding: -1e-16 where a = E1
    return np.where(negative, -value, value), chi2.sf(value, 1)


def _references(groups: pd.Index, cells: PeriodCells | None, reference: str):
    """The reference of every group as a 0/1 matrix (row: target, columns: the groups
    whose counts make its reference) and a label per target (``rest``, or the reference
    period's first day)."""
    n = len(groups)
    if cells is None:
        return np.ones((n, n)) - np.eye(n), np.full(n, "rest", dtype=object)
    keys = cells.cells.set_index(cells.key_of(cells.cells).to_numpy())
    of_group = keys.reindex(np.asarray(groups, dtype=object))
    period = of_group["period"].to_numpy().astype(str)
    rest = (cells.key_of(of_group, cells.by) if cells.by else
            pd.Series([""] * n)).to_numpy().astype(str)
    same = rest[:, None] == rest[None, :]
    refs = np.zeros((n, n))
    labels = np.full(n, None, dtype=object)
    if reference == "rest":
        refs[same & (period[:, None] != period[None, :])] = 1.0
        labels[refs.any(axis=1)] = "rest"
    else:
        for i in range(n):  # groups are sorted: by period within each by-group
            earlier = np.flatnonzero(same[i] & (period < period[i]))
            if len(earlier):
                j = earlier[np.argmax(period[earlier])]
                refs[i, j] = 1.0
                labels[i] = period[j]
    return refs, labels




