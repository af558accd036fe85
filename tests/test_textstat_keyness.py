"""Keyness measures against quanteda.textstats' own tests
(tests/testthat/test-textstat_keyness.R), at their precision; R's reference functions
(chisq.test, fisher.test, the Deducer likelihood.test quoted there) are recomputed by hand
from their definitions."""

import math

import pandas as pd
import pytest

from analysis.tokens import tokens_corpus
from analysis.vocabulary.keyness import textstat_keyness


def _toks(**texts):
    return tokens_corpus(pd.DataFrame({"doc_id": list(texts), "outlet": list(texts),
                                       "text": list(texts.values())}))


B_A = _toks(d1="b b b b b b b a a a", d2="a a a a a a a b b")
LETTERS = dict(d1="a a a b b c c c c c c d e f g h h", d2="a a b c c d d d d e f h")


def _row(table, group, term):
    return table[(table["outlet"] == group) & (table["term"] == term)].iloc[0]


def _pearson(table, yates):
    """R's chisq.test(x, correct = yates) of a 2x2 table: Σ (|O - E| - 0.5)^2 / E."""
    n = sum(map(sum, table))
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table, strict=True)]
    total = 0.0
    for i in range(2):
        for j in range(2):
            e = rows[i] * cols[j] / n
            dev = abs(table[i][j] - e)
            dev -= min(0.5, dev) if yates else 0
            total += dev ** 2 / e
    return total


def test_chi2_with_and_without_yates_as_quanteda():
    """quanteda: "keyness_textstat chi2 computation is correct": the statistic of
    stats::chisq.test(as.matrix(dfm), correct = TRUE), and correct = FALSE for
    correction = "none"; "b" is the first feature."""
    matrix = [[7, 3], [2, 7]]  # d1: b 7, a 3; d2: b 2, a 7
    chi2 = textstat_keyness(B_A, min_count=1, measure="chi2")
    assert _row(chi2, "d1", "b")["chi2"] == pytest.approx(_pearson(matrix, True), rel=1e-12)
    assert _row(chi2, "d1", "b")["chi2"] == pytest.approx(2.632438, abs=1e-6)
    none = textstat_keyness(B_A, min_count=1, measure="chi2", correction="none")
    assert _row(none, "d1", "b")["chi2"] == pytest.approx(_pearson(matrix, False), rel=1e-12)
    assert _row(none, "d1", "a")["chi2"] == pytest.approx(-_pearson(matrix, False))
    assert _row(none, "d1", "b")["p"] == pytest.approx(math.erfc(math.sqrt(4.337160 / 2)),
                                                       rel=1e-6)


def test_chi2_for_three_documents_as_quanteda():
    """quanteda: "chi2 computation is correct for three rows": d1 against d2 and d3
    grouped, as chisq.test of the grouped dfm; "yates" is the default."""
    toks = _toks(d1="b b b b b b b a a a", d2="a a a a a a a b b", d3="a a a b b b")
    grouped = [[7, 3], [5, 10]]  # target: b 7, a 3; reference (d2 + d3): b 5, a 10
    default = textstat_keyness(toks, min_count=1, measure="chi2")
    yates = textstat_keyness(toks, min_count=1, measure="chi2", correction="yates")
    assert _row(default, "d1", "b")["chi2"] == pytest.approx(_pearson(grouped, True))
    assert _row(default, "d1", "b")["chi2"] == _row(yates, "d1", "b")["chi2"]
    none = textstat_keyness(toks, min_count=1, measure="chi2", correction="none")
    assert _row(none, "d1", "b")["chi2"] == pytest.approx(_pearson(grouped, False))


def test_chi2_ranks_the_keywords_as_quanteda():
    """quanteda: "basic textstat_keyness works on two rows" (default measure chi2)."""
    table = textstat_keyness(_toks(**LETTERS), min_count=1, measure="chi2")
    assert table[table["outlet"] == "d1"]["term"].tolist() == list("gcbhaefd")
    assert table[table["outlet"] == "d2"]["term"].tolist() == list("defabhcg")


def test_counts_are_the_raw_frequencies_as_quanteda():
    """quanteda: "returns raw frequency counts", for chi2, exact and lr."""
    for measure in ("chi2", "exact", "lr"):
        table = textstat_keyness(_toks(**LETTERS), min_count=1, measure=measure)
        d1 = table[table["outlet"] == "d1"].set_index("term").sort_index()
        assert d1["count_target"].tolist() == [3, 2, 6, 1, 1, 1, 1, 2]
        assert d1["count_reference"].tolist() == [2, 1, 2, 4, 1, 1, 0, 1]


def _fisher(a, b, c, d):
    """R's fisher.test of [[a, c], [b, d]]: the conditional MLE of the odds ratio (the
    root of E[X; psi] = a under Fisher's noncentral hypergeometric, by bisection) and the
    two-sided p (the central probabilities not above the observed one, relErr 1 + 1e-7)."""
    r1, r2, c1 = a + c, b + d, a + b
    xs = range(max(0, c1 - r2), min(r1, c1) + 1)
    base = {x: math.comb(r1, x) * math.comb(r2, c1 - x) for x in xs}

    def mean(log_psi):
        w = {x: base[x] * math.exp(log_psi * x) for x in xs}
        return sum(x * v for x, v in w.items()) / sum(w.values())

    lo, hi = -30.0, 30.0
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if mean(mid) < a else (lo, mid)
    total = sum(base.values())
    p = sum(v for v in base.values() if v <= base[a] * (1 + 1e-7)) / total
    return math.exp((lo + hi) / 2), p


def test_exact_as_quanteda():
    """quanteda: "keyness_textstat exact computation is correct": the estimate and the
    p-value of stats::fisher.test(as.matrix(dfm)) for the first feature, "b"."""
    table = textstat_keyness(B_A, min_count=1, measure="exact")
    b = _row(table, "d1", "b")
    estimate, p = _fisher(7, 2, 3, 7)
    assert b["odds_ratio"] == pytest.approx(estimate, rel=1e-6)
    assert b["p"] == pytest.approx(p, rel=1e-9)
    assert "g2" not in table.columns


def test_exact_ranks_the_keywords_as_quanteda():
    """quanteda: "basic textstat_keyness exact works on two rows"."""
    table = textstat_keyness(_toks(**LETTERS), min_count=1, measure="exact")
    assert table[table["outlet"] == "d1"]["term"].tolist() == list("gcbhaefd")
    assert table[table["outlet"] == "d2"]["term"].tolist() == list("defabhcg")
    assert _row(table, "d1", "g")["odds_ratio"] == math.inf


def _likelihood_test(x, conservative=False):
    """Deducer's likelihood.test, as quoted in quanteda's test file."""
    n = sum(map(sum, x))
    rows = [sum(r) for r in x]
    cols = [sum(c) for c in zip(*x, strict=True)]
    g = sum(x[i][j] * math.log(x[i][j] / (rows[i] * cols[j] / n))
            for i in range(2) for j in range(2) if x[i][j])
    q = 1.0
    if conservative:
        q = 1 + ((n * sum(1 / r for r in rows) - 1) * (n * sum(1 / c for c in cols) - 1)
                 ) / (6 * n)
    return 2 * g / q


@pytest.mark.parametrize("correction", ["none", "williams"])
def test_lr_as_quanteda(correction):
    """quanteda: "keyness_textstat lr computation is correct" (statistic and p)."""
    table = textstat_keyness(B_A, min_count=1, measure="lr", correction=correction)
    b = _row(table, "d1", "b")
    expected = _likelihood_test([[7, 3], [2, 7]], conservative=correction == "williams")
    assert b["g2"] == pytest.approx(expected, rel=1e-7)
    assert b["p"] == pytest.approx(math.erfc(math.sqrt(expected / 2)), rel=1e-7)


def test_lr_ranks_the_keywords_as_quanteda():
    """quanteda: "basic textstat_keyness lr works on two rows" (correction = "none")."""
    table = textstat_keyness(_toks(**LETTERS), min_count=1, measure="lr", correction="none")
    assert table[table["outlet"] == "d1"]["term"].tolist() == list("cgbhaefd")
    assert table[table["outlet"] == "d2"]["term"].tolist() == list("defabhgc")


def test_pmi_as_quanteda():
    """quanteda: "textstat_keyness returns correct pmi": for "a",
    log(3 * 29 / ((3 + 2) * 17)) (tolerance 1e-4); and, as svs::pmi, for "g" (in d1 only)
    log(1 * 29 / (1 * 17)), which is also the largest."""
    table = textstat_keyness(_toks(**LETTERS), min_count=1, measure="pmi")
    d1 = table[table["outlet"] == "d1"]
    assert _row(table, "d1", "a")["pmi"] == pytest.approx(math.log(3 * 29 / (5 * 17)),
                                                          abs=1e-4)
    assert _row(table, "d1", "g")["pmi"] == pytest.approx(math.log(29 / 17), abs=1e-4)
    assert d1["pmi"].max() == pytest.approx(math.log(29 / 17), abs=1e-4)


def test_pmi_and_exact_take_no_correction_as_quanteda():
    """quanteda warns "correction is always none for pmi" (and for exact); here it is an
    error, and "none" is accepted."""
    toks = _toks(**LETTERS)
    with pytest.raises(ValueError, match="takes no correction"):
        textstat_keyness(toks, min_count=1, measure="pmi", correction="yates")
    with pytest.raises(ValueError, match="takes no correction"):
        textstat_keyness(toks, min_count=1, measure="exact", correction="williams")
    assert len(textstat_keyness(toks, min_count=1, measure="exact", correction="none"))
    assert len(textstat_keyness(toks, min_count=1, measure="pmi", correction="none"))
    with pytest.raises(ValueError, match="measure must be one of"):
        textstat_keyness(toks, min_count=1, measure="dice")


def test_targets_combine_the_other_documents_as_quanteda():
    """quanteda: "combines non-target rows correctly": d1 against d2 and d3 together."""
    toks = _toks(d1="a a a b b c c c c c c d e f g h h", d2="a a b c c d d d d e f h",
                 d3="a a a a b b c c d d d d d d")
    table = textstat_keyness(toks, min_count=1, measure="chi2")
    a = _row(table, "d1", "a")
    assert (a["count_target"], a["count_reference"]) == (3, 6)
    assert (a["size_target"], a["size_reference"]) == (17, 26)
