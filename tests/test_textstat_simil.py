"""Similarity, distance and weighting against quanteda.textstats' tests
(tests/testthat/test-textstat_simil.R, test-textstat_dist.R), quanteda's
(tests/testthat/test-dfm_weight.R), and hand-computed values."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.statistics import (
    DIST_METHODS,
    SIMIL_METHODS,
    counts_weight,
    textstat_dist,
    textstat_simil,
)
from analysis.statistics.similarity import dist_matrix, simil_matrix
from analysis.tokens import tokens_corpus


def test_zero_variance_documents_are_nan_as_quanteda():
    """quanteda: "textstat_simil() returns NA for zero-variance documents": of five rows of
    20 features, rows 1, 2 (and 5, whose first 20 features in data_dfm_lbgexample are 0)
    all 0, rows 3 and 4 all 1: correlation is NA everywhere; cosine, jaccard, ejaccard,
    dice and edice are NA except between rows 3 and 4 (and each with itself), where 1."""
    x = np.zeros((5, 20))
    x[2:4] = 1
    assert np.isnan(simil_matrix(x, "correlation")).all()
    expected = np.full((5, 5), np.nan)
    expected[2:4, 2:4] = 1
    for method in ("cosine", "jaccard", "ejaccard", "dice", "edice"):
        np.testing.assert_allclose(simil_matrix(x, method), expected, rtol=1.5e-8,
                                   err_msg=method)


X = np.array([[1.0, 2.0, 0.0], [0.0, 2.0, 3.0]])


@pytest.mark.parametrize(("method", "expected"), [
    ("cosine", 4 / math.sqrt(5 * 13)),
    ("correlation", -1 / math.sqrt((0 + 1 + 1) * (25 + 1 + 16) / 9)),
    ("jaccard", 1 / 3),          # one term of three in both
    ("dice", 2 / 4),
    ("ejaccard", 4 / (5 + 13 - 4)),
    ("edice", 2 * 4 / (5 + 13)),
])
def test_similarities_by_hand(method, expected):
    """x = (1, 2, 0), y = (0, 2, 3): x.y = 4, x.x = 5, y.y = 13."""
    assert simil_matrix(X, method)[0, 1] == pytest.approx(expected)
    assert simil_matrix(X, method)[1, 0] == pytest.approx(expected)


@pytest.mark.parametrize(("method", "expected"), [
    ("euclidean", math.sqrt(1 + 0 + 9)),
    ("manhattan", 4.0),
    ("maximum", 3.0),
    ("canberra", 1 / 1 + 0 / 4 + 3 / 3),
    ("minkowski", (1 + 0 + 27) ** (1 / 3)),
])
def test_distances_by_hand(method, expected):
    """quanteda's test compares textstat_dist with stats::dist on a dfm; the same values
    for x = (1, 2, 0), y = (0, 2, 3) by hand (minkowski with p = 3)."""
    d = dist_matrix(X, method, p=3.0)
    assert d[0, 1] == pytest.approx(expected)
    assert d[0, 0] == 0  # quanteda: "in matrix, diagonal is 0"


def _toks():
    c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                      "text": ["oorlog oorlog vrede", "oorlog vrede vrede", "oorlog"]})
    return tokens_corpus(c), c


def test_the_long_table_names_its_value_column_after_the_method_as_quanteda():
    """quanteda: "as.data.frame.textstat_simildist works with selection": the third column
    is named "cosine", "correlation", "euclidean"."""
    toks, _ = _toks()
    for method in SIMIL_METHODS:
        assert textstat_simil(toks, method=method).columns[2] == method
    for method in DIST_METHODS:
        assert textstat_dist(toks, method=method).columns[2] == method
    # quanteda's default as.data.frame: each pair once, no document with itself
    pairs = textstat_simil(toks, method="cosine")
    assert pairs[["doc_id_1", "doc_id_2"]].values.tolist() == [["a", "b"], ["a", "c"],
                                                                ["b", "c"]]


def test_similarity_of_groups_and_of_weighted_counts():
    toks, corpus = _toks()
    # X: oorlog 3, vrede 3; Y: oorlog 1 -> cosine 3 / (sqrt(18) * 1)
    by_outlet = textstat_simil(toks, method="cosine", by="outlet")
    assert by_outlet.values.tolist() == [["X", "Y", pytest.approx(3 / math.sqrt(18))]]
    # tf-idf over the outlets: oorlog is in both (idf 0), so Y weighs nothing: NaN
    weighted = textstat_simil(toks, method="cosine", by="outlet", weight="tfidf")
    assert weighted["cosine"].isna().tolist() == [True]
    with pytest.raises(ValueError, match="at least two groups"):
        textstat_simil(toks[toks["outlet"] == "Y"], by="outlet")
    with pytest.raises(ValueError, match="method must be one of"):
        textstat_simil(toks, method="hamming")


def _apple_banana():
    """quanteda: str <- c("apple is better than banana", "banana banana apple much better")
    with English stopwords removed, as a count table."""
    return pd.DataFrame({
        "doc": ["text1"] * 3 + ["text2"] * 4,
        "term": ["apple", "better", "banana", "apple", "better", "banana", "much"],
        "count": [1, 1, 1, 1, 1, 2, 1]})


def test_prop_as_quanteda():
    """quanteda: "dfm_weight works", scheme = "prop": c(0.33, 0.2, 0.33, 0.2, 0.33, 0.4, 0,
    0.2) (rounded to 2 decimals)."""
    table = counts_weight(_apple_banana(), weight="prop", by="doc")
    assert table["prop"].round(2).tolist() == [0.33, 0.33, 0.33, 0.2, 0.2, 0.4, 0.2]


def test_logcount_as_quanteda():
    """quanteda: "dfm_weight works", scheme = "logcount": c(1, 1, 1, 1, 1, 1.30, 0, 1)."""
    table = counts_weight(_apple_banana(), weight="logcount", by="doc")
    assert table["logcount"].round(2).tolist() == [1, 1, 1, 1, 1, 1.30, 1]


def test_tfidf_as_quantedas_dfm_tfidf_defaults():
    """dfm_tfidf(x): count x log10(N / df). "much" is in one of two documents: 1 x log10(2);
    every other term is in both: 0."""
    table = counts_weight(_apple_banana(), weight="tfidf", by="doc")
    assert table["tfidf"].tolist() == pytest.approx([0, 0, 0, 0, 0, 0, math.log10(2)])
    with pytest.raises(ValueError, match="weight must be one of"):
        counts_weight(_apple_banana(), weight="propmax", by="doc")
