"""Weighted counts, as quanteda's ``dfm_weight`` and ``dfm_tfidf`` compute them.

With ``x`` the count of a term in a document (or group, a row of the count table), ``n``
the row's total count, ``N`` the rows and ``df`` the rows in which the term occurs:

============  ================================  =============================================
weight        formula                           quanteda
============  ================================  =============================================
``prop``      ``x / n``                         ``dfm_weight(x, scheme = "prop")``
``tfidf``     ``x log10(N / df)``               ``dfm_tfidf(x)`` (``scheme_tf = "count"``,
                                                ``scheme_df = "inverse"``, ``base = 10``)
``logcount``  ``1 + log10(x)`` (0 when x = 0)   ``dfm_weight(x, scheme = "logcount")``
============  ================================  =============================================

tf-idf follows Manning, Raghavan & Schütze (2008), *Introduction to Information Retrieval*,
ch. 6.2: a term in every row weighs 0.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.tables import require_columns

__all__ = ["counts_weight", "WEIGHTS", "Weight"]

Weight = Literal["prop", "tfidf", "logcount"]

#: The weights of :func:`counts_weight`.
WEIGHTS: tuple[str, ...] = ("prop", "tfidf", "logcount")


def _check(weight: str) -> None:
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be one of {', '.join(WEIGHTS)}, not {weight!r}")


def weight_values(count: np.ndarray, row: np.ndarray, term: np.ndarray, weight: Weight,
                  n_rows: int | None = None) -> np.ndarray:
    """The weights of the nonzero cells ``count`` of a sparse count table (``row``,
    ``term``: integer codes), every cell of the table given once."""
    _check(weight)
    count = np.asarray(count, dtype=np.float64)
    if weight == "logcount":
        return np.where(count > 0, 1.0 + np.log10(np.where(count > 0, count, 1.0)), 0.0)
    if weight == "prop":
        totals = np.bincount(row, weights=count)
        return count / totals[row]
    rows = int(row.max()) + 1 if n_rows is None and len(row) else (n_rows or 0)
    df = np.bincount(term, weights=count > 0)
    return count * np.log10(rows / df[term])


def counts_weight(table: pd.DataFrame, *, weight: Weight, by: str,
                  term: str = "term", count: str = "count") -> pd.DataFrame:
    """``table`` (one row per group and term, as :func:`analysis.vocabulary.textstat_frequency`
    returns it with ``min_count=1``: every term of every group) with one more column,
    named after ``weight``, holding the weighted count (see the module documentation; the
    groups of ``by`` are the rows of quanteda's dfm). Rows without a term (a period without
    articles) get NaN.

    >>> t = pd.DataFrame({"outlet": ["X", "X", "Y"], "term": ["oorlog", "vrede", "oorlog"],
    ...                   "count": [3, 1, 2]})
    >>> counts_weight(t, weight="prop", by="outlet")["prop"].tolist()
    [0.75, 0.25, 1.0]
    >>> [round(v, 4) for v in counts_weight(t, weight="tfidf", by="outlet")["tfidf"]]
    [0.0, 0.301, 0.0]
    """
    _check(weight)
    require_columns(table, [by, term, count], what="the count table")
    has_term = table[term].notna().to_numpy()
    rows = pd.factorize(table[by].astype(str))[0]
    terms = pd.factorize(table[term].astype(str))[0]
    values = np.full(len(table), np.nan)
    values[has_term] = weight_values(table[count].to_numpy()[has_term], rows[has_term],
                                     terms[has_term], weight,
                                     n_rows=len(np.unique(rows[has_term])))
    return table.assign(**{weight: values})
