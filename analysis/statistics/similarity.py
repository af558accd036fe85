"""Similarity and distance between documents or groups, as quanteda.textstats'
``textstat_simil`` and ``textstat_dist`` (and proxyC, which computes them) define them.

Each document (or group) is the vector ``x`` of its term counts (optionally weighted, see
:mod:`analysis.statistics.weighting`); for the binary methods ``x > 0``. With ``x·y`` the
inner product:

Similarities (:func:`textstat_simil`):

===============  =================================================================
``cosine``       ``x·y / (|x| |y|)``
``correlation``  Pearson's r of ``x`` and ``y`` over the terms
``jaccard``      ``e / (Σx + Σy - e)``, binary, ``e`` the terms in both
``ejaccard``     ``x·y / (x·x + y·y - x·y)`` (extended, Tanimoto)
``dice``         ``2e / (Σx + Σy)``, binary
``edice``        ``2 x·y / (x·x + y·y)`` (extended)
===============  =================================================================

Distances (:func:`textstat_dist`):

===============  =================================================================
``euclidean``    ``sqrt(Σ (x - y)^2)``
``manhattan``    ``Σ |x - y|``
``maximum``      ``max |x - y|``
``canberra``     ``Σ |x - y| / (|x| + |y|)``, terms with ``0 / 0`` counting 0
``minkowski``    ``(Σ |x - y|^p)^(1/p)``
===============  =================================================================

The similarity of a vector without terms (with any other, and with itself), and any
similarity that divides by zero (a constant vector for ``correlation``), is NaN, as
quanteda returns NA.

Reference: Choi, S., Cha, S. & Tappert, C.C. (2010). A survey of binary similarity and
distance measures. *Journal of Systemics, Cybernetics and Informatics* 8(1), 43-48.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.statistics._groups import group_codes
from analysis.statistics.weighting import Weight, weight_values
from analysis.tables import require_columns

__all__ = ["textstat_simil", "textstat_dist", "SIMIL_METHODS", "DIST_METHODS",
           "simil_matrix", "dist_matrix"]

SimilMethod = Literal["cosine", "correlation", "jaccard", "ejaccard", "dice", "edice"]
DistMethod = Literal["euclidean", "manhattan", "maximum", "canberra", "minkowski"]

#: The methods of :func:`textstat_simil` and :func:`textstat_dist`.
SIMIL_METHODS: tuple[str, ...] = ("cosine", "correlation", "jaccard", "ejaccard", "dice",
                                  "edice")
DIST_METHODS: tuple[str, ...] = ("euclidean", "manhattan", "maximum", "canberra", "minkowski")

#: Above this many cells, the element-wise distances are refused (they need a dense table).
_DENSE_CELLS = 50_000_000


def simil_matrix(x: np.ndarray, method: SimilMethod) -> np.ndarray:
    """The similarity of every pair of rows of ``x`` (a dense or scipy sparse matrix)."""
    from scipy import sparse

    if method not in SIMIL_METHODS:
        raise ValueError(f"method must be one of {', '.join(SIMIL_METHODS)}, not {method!r}")
    x = sparse.csr_matrix(x, dtype=np.float64)
    if method in ("jaccard", "dice"):
        x = (x > 0).astype(np.float64)
    inner = (x @ x.T).toarray()
    squares = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "cosine":
            out = inner / np.sqrt(np.outer(squares, squares))
        elif method == "correlation":
            m = x.shape[1]
            sums = np.asarray(x.sum(axis=1)).ravel()
            cov = inner - np.outer(sums, sums) / m
            var = squares - sums ** 2 / m
            var = np.where(var > 1e-12 * np.maximum(squares, 1.0), var, 0.0)
            out = cov / np.sqrt(np.outer(var, var))
        elif method in ("jaccard", "ejaccard"):
            out = inner / (squares[:, None] + squares[None, :] - inner)
        else:  # dice, edice
            out = 2 * inner / (squares[:, None] + squares[None, :])
    if method in ("cosine", "correlation"):  # rounding: never beyond -1 and 1
        out = np.clip(out, -1.0, 1.0)
    empty = squares == 0  # a vector without terms: no similarity (quanteda: NA)
    out[empty, :] = np.nan
    out[:, empty] = np.nan
    return np.where(np.isfinite(out), out, np.nan)


def dist_matrix(x: np.ndarray, method: DistMethod, *, p: float = 2.0) -> np.ndarray:
    """The distance between every pair of rows of ``x`` (dense or scipy sparse)."""
    from scipy import sparse
    from scipy.spatial.distance import cdist

    if method not in DIST_METHODS:
        raise ValueError(f"method must be one of {', '.join(DIST_METHODS)}, not {method!r}")
    if x.shape[0] * x.shape[1] > _DENSE_CELLS:
        raise ValueError(f"{x.shape[0]} documents x {x.shape[1]} terms is too large a table "
                         "for distances; group the documents (by=outlet) or keep fewer "
                         "terms (min_count=)")
    dense = x.toarray() if sparse.issparse(x) else np.asarray(x, dtype=np.float64)
    if method == "canberra":
        total = np.zeros((len(dense), len(dense)))
        for i in range(len(dense)):
            num = np.abs(dense[i] - dense)
            den = np.abs(dense[i]) + np.abs(dense)
            with np.errstate(divide="ignore", invalid="ignore"):
                total[i] = np.where(den > 0, num / den, 0.0).sum(axis=1)
        return total
    metric = {"euclidean": "euclidean", "manhattan": "cityblock", "maximum": "chebyshev",
              "minkowski": "minkowski"}[method]
    return cdist(dense, dense, metric, **({"p": p} if method == "minkowski" else {}))


def _matrix(tokens, by, corpus, weight, remove_numbers):
    from scipy import sparse

    require_columns(tokens, ["doc_id", "norm"], what="the token table",
                    hint="make it with analysis.tokens.tokens_corpus(corpus)")
    if remove_numbers and "kind" in tokens.columns:
        tokens = tokens[(tokens["kind"] != "number").to_numpy()]
    tokens = tokens[tokens["norm"].notna().to_numpy()]
    rows, labels = group_codes(tokens, by, corpus)
    terms = pd.factorize(tokens["norm"].astype(str))[0]
    n_terms = int(terms.max()) + 1 if len(terms) else 0
    key, count = np.unique(rows * max(n_terms, 1) + terms, return_counts=True)
    row, term = key // max(n_terms, 1), key % max(n_terms, 1)
    values = count.astype(np.float64)
    if weight is not None:
        values = weight_values(values, row, term, weight, n_rows=len(labels))
    if len(labels) < 2:
        raise ValueError(f"similarity compares at least two groups, but {by!r} has "
                         f"{len(labels)} here; choose a column with two or more values")
    return sparse.csr_matrix((values, (row, term)), shape=(len(labels), n_terms)), labels


def _pairs(matrix: np.ndarray, labels: pd.Index, by: str, name: str) -> pd.DataFrame:
    i, j = np.triu_indices(len(labels), k=1)
    return pd.DataFrame({
        f"{by}_1": pd.Categorical.from_codes(i, categories=labels),
        f"{by}_2": pd.Categorical.from_codes(j, categories=labels),
        name: matrix[i, j],
    })


def textstat_simil(
    tokens: pd.DataFrame,
    *,
    method: SimilMethod = "correlation",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    weight: Weight | None = None,
    remove_numbers: bool = False,
) -> pd.DataFrame:
    """Similarity of every pair of documents (or groups) of a token table, from their
    term counts (``norm`` values; ``weight`` first weighs them, see
    :mod:`analysis.statistics.weighting`). ``method`` is one of the module table
    (default ``correlation``, as quanteda); ``by`` a column of the table or, with
    ``corpus``, of the corpus (default: each article).

    Returns one row per pair (each pair once, no group with itself, as quanteda's
    ``as.data.frame`` of a ``textstat_simil`` result), groups in sorted order, with the
    columns ``<by>_1``, ``<by>_2`` and the similarity, named after ``method``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
    ...                   "text": ["oorlog oorlog vrede", "oorlog vrede vrede", "oorlog"]})
    >>> s = textstat_simil(tokens_corpus(c), method="cosine")
    >>> s.round(4).values.tolist()  # a.b = 2 + 2 = 4, |a| = |b| = sqrt(5): 4 / 5
    [['a', 'b', 0.8], ['a', 'c', 0.8944], ['b', 'c', 0.4472]]
    """
    matrix, labels = _matrix(tokens, by, corpus, weight, remove_numbers)
    return _pairs(simil_matrix(matrix, method), labels, by, method)


def textstat_dist(
    tokens: pd.DataFrame,
    *,
    method: DistMethod = "euclidean",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    weight: Weight | None = None,
    p: float = 2.0,
    remove_numbers: bool = False,
) -> pd.DataFrame:
    """Distance between every pair of documents (or groups), as :func:`textstat_simil`
    with the distances of the module table (default ``euclidean``, as quanteda; ``p`` is
    Minkowski's exponent). Returns the columns ``<by>_1``, ``<by>_2`` and the distance,
    named after ``method``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
    ...                   "text": ["oorlog oorlog vrede", "oorlog vrede vrede"]})
    >>> textstat_dist(tokens_corpus(c), method="manhattan").values.tolist()
    [['a', 'b', 2.0]]
    """
    matrix, labels = _matrix(tokens, by, corpus, weight, remove_numbers)
    return _pairs(dist_matrix(matrix, method, p=p), labels, by, method)
