"""Association measures of 2x2 (and 2^K) contingency tables, vectorised over many tables:
the statistics of keyness (:mod:`analysis.vocabulary.keyness`) and collocations
(:mod:`analysis.vocabulary.collocations`), each as its reference implementation computes it.

A 2x2 table is ``[[a, b], [c, d]]`` with ``a`` and ``b`` the counts of the term (or pair)
in the target and the reference, ``c`` and ``d`` the other tokens of each;
``N = a + b + c + d`` and ``E = (a + b)(a + c) / N`` the count of ``a`` expected under
independence.
"""

from __future__ import annotations

import numpy as np

__all__ = ["chi2_quanteda", "g2_quanteda", "pmi_quanteda", "fisher_exact_tables",
           "lambda_z", "nltk_chi_sq", "nltk_student_t", "nltk_likelihood_ratio", "nltk_pmi"]

#: quanteda adds this inside its logarithms (src/keyness.cpp), so that a zero count gives a
#: finite number.
EPSILON = 1e-9


def _floats(*arrays):
    return tuple(np.asarray(x, dtype=np.float64) for x in arrays)


def _yates_delta(a, b, c, d):
    """quanteda's Yates correction: 0.5 when ``|ad - bc| >= N / 2`` and an expected count is
    below 5, else 0."""
    n = a + b + c + d
    small = np.zeros(np.shape(a), dtype=bool)
    for row, col in ((a + b, a + c), (a + b, b + d), (c + d, a + c), (c + d, b + d)):
        with np.errstate(divide="ignore", invalid="ignore"):
            small |= row * col / n < 5
    return np.where((np.abs(a * d - b * c) >= n / 2) & small, 0.5, 0.0)


def _williams_q(a, b, c, d):
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        q = 1.0 + (n / (a + b) + n / (c + d) - 1.0) * (n / (a + c) + n / (b + d) - 1.0) / (6 * n)
    return np.where(a * b * c * d == 0, 1.0, q)


def chi2_quanteda(a, b, c, d, correction: str = "yates") -> np.ndarray:
    """Pearson's chi-squared of each 2x2 table, signed (negative when ``a < E``), as
    quanteda's ``textstat_keyness(measure = "chi2")``:
    ``N (|ad - bc| - N delta)^2 / ((a + b)(c + d)(a + c)(b + d))``, with Yates' ``delta``
    (0.5, only when ``|ad - bc| >= N / 2`` and an expected count is below 5; Yates 1934)
    for ``correction="yates"``, 0 for ``"none"``; ``"williams"`` divides by Williams' q
    (Williams 1976)."""
    a, b, c, d = _floats(a, b, c, d)
    n = a + b + c + d
    delta = _yates_delta(a, b, c, d) if correction == "yates" else 0.0
    q = _williams_q(a, b, c, d) if correction == "williams" else 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        e = (a + b) * (a + c) / n
        num = n * (np.abs(a * d - b * c) - n * delta) ** 2
        den = (a + b) * (c + d) * (a + c) * (b + d) * np.where(a > e, 1.0, -1.0) / q
        return num / den


def g2_quanteda(a, b, c, d, correction: str = "yates") -> np.ndarray:
    """The log-likelihood G2 of each 2x2 table (Dunning 1993), unsigned, as quanteda's
    ``textstat_keyness(measure = "lr")``: ``2 Σ O ln(O / E)`` over the four cells, after
    moving 0.5 between the cells towards independence under quanteda's Yates rule
    (``correction="yates"``), or divided by Williams' q (``"williams"``)."""
    from scipy.special import xlogy

    a, b, c, d = _floats(a, b, c, d)
    n = a + b + c + d
    if correction == "yates":
        delta = _yates_delta(a, b, c, d)
        delta = np.where(a * d - b * c > 0, delta, -delta)
        a, b, c, d = a - delta, b + delta, c + delta, d - delta
    cells = ((a, a + b, a + c), (b, a + b, b + d), (c, c + d, a + c), (d, c + d, b + d))
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2.0 * sum(xlogy(o, np.where(r * k > 0, o * n / (r * k), 1.0))
                       for o, r, k in cells)
    if correction == "williams":
        g2 = g2 / _williams_q(a, b, c, d)
    return g2


def pmi_quanteda(a, b, c, d) -> np.ndarray:
    """Pointwise mutual information of the target cell, in natural logarithms, as
    quanteda's ``textstat_keyness(measure = "pmi")``: ``ln(a / E + 1e-9)``."""
    a, b, c, d = _floats(a, b, c, d)
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(a / ((a + b) * (a + c) / n) + EPSILON)


def fisher_exact_tables(a, b, c, d) -> tuple[np.ndarray, np.ndarray]:
    """Fisher's exact test of each 2x2 table, as R's ``fisher.test`` (and so quanteda's
    ``measure = "exact"``): the conditional maximum likelihood estimate of the odds ratio
    (not the sample odds ratio ``ad / bc``) and the two-sided p-value (Fisher 1922)."""
    from scipy.stats import fisher_exact
    from scipy.stats.contingency import odds_ratio

    a, b, c, d = (np.asarray(x, dtype=np.int64).ravel() for x in (a, b, c, d))
    ratio = np.empty(len(a))
    p = np.empty(len(a))
    memo: dict[tuple, tuple[float, float]] = {}
    for i, table in enumerate(zip(a, b, c, d, strict=True)):
        if table not in memo:
            matrix = [[table[0], table[2]], [table[1], table[3]]]
            estimate = odds_ratio(matrix, kind="conditional").statistic
            memo[table] = (float(estimate), float(fisher_exact(matrix)[1]))
        ratio[i], p[i] = memo[table]
    return ratio, p


def lambda_z(cells: np.ndarray, smoothing: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """quanteda's ``textstat_collocations`` ``lambda`` and ``z`` from the 2^K table of each
    K-word sequence (Blaheta & Johnson 2001).

    ``cells`` has one row per sequence and ``2^K`` columns: column ``b`` counts the K-word
    windows of the text that agree with the sequence exactly at the positions whose bits
    are set in ``b`` (bit ``i`` for word ``i``); column ``2^K - 1`` is the sequence itself.
    With ``n_b = cells_b + smoothing``: ``lambda = Σ_b (-1)^(K - |b|) ln n_b``, the
    K-way interaction of the saturated log-linear model, ``sigma = sqrt(Σ_b 1 / n_b)`` and
    ``z = lambda / sigma``."""
    cells = np.asarray(cells, dtype=np.float64) + smoothing
    width = cells.shape[1]
    k = int(round(np.log2(width)))
    bits = np.array([bin(b).count("1") for b in range(width)])
    signs = (-1.0) ** (k - bits)
    with np.errstate(divide="ignore", invalid="ignore"):  # smoothing 0: an empty cell
        lam = np.log(cells) @ signs
        sigma = np.sqrt((1.0 / cells).sum(axis=1))
        return lam, lam / sigma


def _marginals(n_ii, n_ix, n_xi, n_xx):
    n_ii, n_ix, n_xi, n_xx = _floats(n_ii, n_ix, n_xi, n_xx)
    n_oi, n_io = n_xi - n_ii, n_ix - n_ii
    return n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io, n_xx


def nltk_student_t(n_ii, n_ix, n_xi, n_xx) -> np.ndarray:
    """Student's t of a bigram, as NLTK's ``BigramAssocMeasures.student_t`` (Manning &
    Schütze 1999, 5.3.1): ``(n_ii - n_ix n_xi / n_xx) / sqrt(n_ii + 1e-20)``, from the
    bigram's count ``n_ii``, its words' counts ``n_ix``, ``n_xi`` and the total ``n_xx``."""
    n_ii, n_ix, n_xi, n_xx = _floats(n_ii, n_ix, n_xi, n_xx)
    return (n_ii - n_ix * n_xi / n_xx) / np.sqrt(n_ii + 1e-20)


def nltk_chi_sq(n_ii, n_ix, n_xi, n_xx) -> np.ndarray:
    """Pearson's chi-squared of a bigram's 2x2 table, without correction, as NLTK's
    ``BigramAssocMeasures.chi_sq`` (Manning & Schütze 1999, 5.3.3):
    ``N (ad - bc)^2 / ((a + b)(a + c)(b + d)(c + d))``."""
    a, b, c, d, n = _marginals(n_ii, n_ix, n_xi, n_xx)
    with np.errstate(divide="ignore", invalid="ignore"):
        return n * (a * d - b * c) ** 2 / ((a + b) * (a + c) * (b + d) * (c + d))


def nltk_likelihood_ratio(n_ii, n_ix, n_xi, n_xx) -> np.ndarray:
    """The log-likelihood ratio G2 of a bigram's 2x2 table (Dunning 1993), as NLTK's
    ``BigramAssocMeasures.likelihood_ratio``: ``2 Σ O ln(O / (E + 1e-20))``."""
    from scipy.special import xlogy

    a, b, c, d, n = _marginals(n_ii, n_ix, n_xi, n_xx)
    rows, cols = (a + c, a + c, b + d, b + d), (a + b, c + d, a + b, c + d)
    total = sum(xlogy(o, o / (r * k / n + 1e-20)) for o, r, k in zip(
        (a, c, b, d), rows, cols, strict=True))
    return 2.0 * total


def nltk_pmi(n_ii, n_ix, n_xi, n_xx) -> np.ndarray:
    """Pointwise mutual information in bits, as NLTK's ``BigramAssocMeasures.pmi``
    (Church & Hanks 1990): ``log2(n_ii n_xx / (n_ix n_xi))``."""
    n_ii, n_ix, n_xi, n_xx = _floats(n_ii, n_ix, n_xi, n_xx)
    with np.errstate(divide="ignore"):
        return np.log2(n_ii * n_xx) - np.log2(n_ix * n_xi)
