"""Collocation scores against quanteda.textstats' own tests
(tests/testthat/test-textstat_collocations.R, test-textstat_collocations-core.R) and NLTK's
(nltk/test/collocations.doctest), at their precision."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.tokens import tokens_corpus
from analysis.vocabulary.association import (
    lambda_z,
    nltk_chi_sq,
    nltk_likelihood_ratio,
    nltk_pmi,
    nltk_student_t,
)
from analysis.vocabulary.collocations import textstat_collocations


def _toks(*texts):
    return tokens_corpus(pd.DataFrame({"doc_id": [f"text{i + 1}" for i in range(len(texts))],
                                       "outlet": "X", "text": list(texts)}))


def test_lambda_and_z_of_bigrams_as_quanteda():
    """quanteda: "works ok with zero-length documents (#940)": the collocations c("good
    ice", "i like", "ice cream", "like good"), each with count 2, lambda 4.317488 and
    z 2.027787 (the values printed in the test)."""
    toks = _toks("I like good ice cream.", "Me too!  I like good ice cream.", "")
    table = textstat_collocations(toks, min_count=2, measure="z")
    assert (table["word1"].astype(str) + " " + table["word2"].astype(str)).tolist() == [
        "good ice", "i like", "ice cream", "like good"]
    assert table["count"].tolist() == [2, 2, 2, 2]
    assert table["lambda"].round(6).tolist() == [4.317488] * 4
    assert table["z"].round(6).tolist() == [2.027787] * 4


def test_lambda_is_the_log_linear_interaction_as_quantedas_reference():
    """quanteda: "lambda & [ function" compares lambda of "g f" with Jouni Kuha's
    MWEstatistics (a Poisson log-linear model of the 2x2 table plus 0.5, by glm). Its
    table for "G F" in "E E G F _ _ _ E E G G _ E E _ _ G G" (pads count as windows): 17
    windows, G F 1, G then not F 3, not G then F 0, neither 13. The saturated model's
    interaction is the log odds ratio of the smoothed table."""
    lam, z = lambda_z(np.array([[13, 3, 0, 1]]))  # columns: n00, n10, n01, n11
    assert lam[0] == pytest.approx(math.log(1.5 * 13.5 / (3.5 * 0.5)))
    assert z[0] == pytest.approx(lam[0] / math.sqrt(1 / 13.5 + 1 / 3.5 + 1 / 0.5 + 1 / 1.5))


def test_the_strongest_pair_as_quanteda():
    """quanteda: "test the correctness of significant" (smoothing 0) and "... with
    smoothing": the first collocation by z is "other capital"."""
    toks = _toks("capital other capital gains other capital word2 other gains capital")
    for smoothing in (0.5, 0.0):
        table = textstat_collocations(toks, min_count=1, measure="z", smoothing=smoothing)
        assert (table["word1"][0], table["word2"][0]) == ("other", "capital")


def test_collocations_do_not_span_texts_as_quanteda():
    """quanteda: "test that collocations do not span texts"."""
    toks = _toks("this is a test", "this also a test")
    table = textstat_collocations(toks, size=[2, 3], min_count=1)
    assert "test this" not in set(table["collocation"])
    assert "test this also" not in set(table["collocation"])
    assert "this also a" in set(table["collocation"])


def test_sizes_are_ranked_by_z_as_quanteda():
    """quanteda: "bigrams and trigrams are all sorted correctly, issue #385"."""
    toks = _toks("De NAVO praat met Rusland. De NAVO wacht op Rusland. Rusland praat met de "
                 "NAVO over de NAVO.")
    table = textstat_collocations(toks, size=[2, 3], min_count=1)
    z = table["z"].to_numpy()
    assert (np.diff(z) <= 1e-12).all()
    assert set(table["length"]) == {2, 3}


def test_texts_shorter_than_the_size_give_an_empty_table_as_quanteda():
    """quanteda: "works when texts are shorter than size"."""
    table = textstat_collocations(_toks("a", "bb", ""), size=[2, 3], min_count=1)
    assert list(table.columns) == ["collocation", "count", "count_nested", "length",
                                   "lambda", "z"]
    assert len(table) == 0


def test_size_one_is_refused_as_quanteda():
    """quanteda: "error when size = 1"."""
    with pytest.raises(ValueError, match="size must be 2 or more"):
        textstat_collocations(_toks("a b c d e f g h a b c d e f"), size=[1, 2])


# quanteda: "counts sequences correctly when recursive = FALSE"; "." is kept as padding
# there and ends a sentence here, so the runs of words are the same.
@pytest.mark.parametrize(("texts", "sizes", "min_count", "expected"), [
    (["a b c . . a b c . . a b c . . . a b c", "a b . . a b . . a b . . a b . a b"],
     [2, 3], 2, [("a b", 9, 4), ("b c", 4, 4), ("a b c", 4, 0)]),
    ([". . . . a b c . . a b c . . .", "a b . . a b . . a b . . a b . a b",
      "b c . . b c . b c . . . b c"],
     [2, 3], 1, [("a b", 7, 2), ("b c", 6, 2), ("a b c", 2, 0)]),
    ([". . . . a b c d . . a b c d . . .", "a b . . a b . . a b . . a b . a b",
      "b c . . b c . b c . . . b c"],
     [2, 4], 1, [("a b", 7, 2), ("b c", 6, 2), ("c d", 2, 2), ("a b c d", 2, 0)]),
    ([". . . . a b c d . . a b c . . ."],
     [2, 3, 4], 1, [("a b", 2, 2), ("b c", 2, 2), ("c d", 1, 1), ("a b c d", 1, 0),
                    ("a b c", 2, 1), ("b c d", 1, 1)]),
])
def test_counts_and_nested_counts_as_quanteda(texts, sizes, min_count, expected):
    table = textstat_collocations(_toks(*texts), size=sizes, min_count=min_count)
    got = {(c, n, m) for c, n, m in table[["collocation", "count", "count_nested"]]
           .itertuples(index=False)}
    assert got == set(expected)


def test_the_order_of_the_fourth_recursive_case_as_quanteda():
    """The fourth case above also has quanteda's order: by z, then by collocation."""
    table = textstat_collocations(_toks(". . . . a b c d . . a b c . . ."), size=[2, 3, 4],
                                  min_count=1)
    assert table["collocation"].tolist() == ["a b", "b c", "c d", "a b c d", "a b c",
                                             "b c d"]


def test_collocations_of_two_texts_as_quanteda():
    """quanteda (core): "tokens_select works correctly with collocations objects":
    c(d1 = "a b c d e g h", d2 = "a b e g h i j") with min_count 2 gives the bigrams
    "a b", "e g", "g h" and, of size 3, "e g h"."""
    toks = _toks("a b c d e g h", "a b e g h i j")
    bigrams = textstat_collocations(toks, min_count=2)
    pairs = bigrams["word1"].astype(str) + " " + bigrams["word2"].astype(str)
    assert sorted(pairs) == ["a b", "e g", "g h"]
    trigrams = textstat_collocations(toks, size=3, min_count=2)
    assert trigrams["collocation"].tolist() == ["e g h"]


@pytest.mark.parametrize(("function", "args", "digits", "expected"), [
    # Student's t: Manning and Schütze 5.3.2
    (nltk_student_t, (8, 15828, 4675, 14307668), 4, "0.9999"),
    (nltk_student_t, (20, 42, 20, 14307668), 4, "4.4721"),
    # chi-square: Manning and Schütze 5.3.3
    (nltk_chi_sq, (8, 15828, 4675, 14307668), 2, "1.55"),
    (nltk_chi_sq, (59, 67, 65, 571007), 0, "456400"),
    # likelihood ratios: Dunning 1993
    (nltk_likelihood_ratio, (110, 2552, 221, 31777), 2, "270.72"),
    (nltk_likelihood_ratio, (8, 13, 32, 31777), 2, "95.29"),
    # pointwise mutual information: Manning and Schütze 5.4
    (nltk_pmi, (20, 42, 20, 14307668), 2, "18.38"),
    (nltk_pmi, (20, 15019, 15629, 14307668), 2, "0.29"),
])
def test_association_measures_as_nltk(function, args, digits, expected):
    """NLTK: collocations.doctest, "Association measures" (n_ii, (n_ix, n_xi), n_xx),
    printed as there with '%0.<digits>f'."""
    assert f"{float(function(*args)):0.{digits}f}" == expected


def test_contingency_values_as_nltk():
    """NLTK: "Using contingency table values": likelihood_ratio(8, 5, 24, 31740) = 95.29
    and chi_sq(8, 15820, 4667, 14287173) = 1.55, (n_ii, n_io, n_oi, n_oo) turned into
    marginals."""
    def marginals(n_ii, n_io, n_oi, n_oo):
        return n_ii, n_ii + n_io, n_ii + n_oi, n_ii + n_io + n_oi + n_oo
    assert f"{float(nltk_likelihood_ratio(*marginals(8, 5, 24, 31740))):0.2f}" == "95.29"
    assert f"{float(nltk_chi_sq(*marginals(8, 15820, 4667, 14287173))):0.2f}" == "1.55"


def test_bigram_chi2_and_t_columns_use_the_bigram_table():
    """"koude oorlog. koude oorlog. warme zomer. koude winter.": N = 4 bigrams, O11 = 2,
    R1 = 3 (koude ...), C1 = 2 (... oorlog): chi2 = 4 (2 x 1 - 1 x 0)^2 / (3 x 1 x 2 x 2),
    t = (2 - 3 x 2 / 4) / sqrt(2)."""
    toks = _toks("koude oorlog. koude oorlog. warme zomer. koude winter.")
    row = textstat_collocations(toks).iloc[0]
    assert row["chi2"] == pytest.approx(4 * 2 ** 2 / 12)
    assert row["t"] == pytest.approx((2 - 1.5) / math.sqrt(2))
    ranked = textstat_collocations(toks, min_count=1, measure="t")
    assert ranked["t"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="measure must be one of"):
        textstat_collocations(toks, measure="dice")
