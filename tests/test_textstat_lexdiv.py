"""Lexical diversity against quanteda.textstats' own tests
(tests/testthat/test-textstat_lexdiv.R), at their precision, and hand-computed values."""

import math

import pandas as pd
import pytest

from analysis.statistics import LEXDIV_MEASURES, textstat_lexdiv
from analysis.tokens import tokens_corpus


def _toks(**texts):
    return tokens_corpus(pd.DataFrame({"doc_id": list(texts), "outlet": "X",
                                       "text": list(texts.values())}))


def _values(table, measure):
    return table[table["measure"] == measure]["value"].tolist()


D1_D2 = {"d1": "b a b a b a b a", "d2": "a a b b"}


def test_ttr_as_quanteda():
    """quanteda: "textstat_lexdiv computation is correct": TTR = c(0.25, 0.5)."""
    table = textstat_lexdiv(_toks(**D1_D2), measure="TTR")
    assert table[["doc_id", "tokens", "types", "measure"]].values.tolist() == [
        ["d1", 8, 2, "TTR"], ["d2", 4, 2, "TTR"]]
    assert _values(table, "TTR") == [0.25, 0.5]


@pytest.mark.parametrize(("measure", "expected"), [
    ("CTTR", [2 / math.sqrt(2 * 8), 2 / math.sqrt(2 * 4)]),   # "CTTR works correctly"
    ("R", [2 / math.sqrt(8), 2 / math.sqrt(4)]),              # "R works correctly"
    ("C", [math.log10(2) / math.log10(8), math.log10(2) / math.log10(4)]),  # "C works"
])
def test_static_measures_as_quanteda(measure, expected):
    """quanteda's tests use tolerance = 0.01; these agree to 1e-12."""
    table = textstat_lexdiv(_toks(**D1_D2), measure=measure)
    assert _values(table, measure) == pytest.approx(expected, rel=1e-12)


def test_maas_as_quanteda():
    """quanteda: "Maas works correctly", d1: sqrt((log10(8) - log10(2)) / log10(8)^2)."""
    table = textstat_lexdiv(_toks(**D1_D2), measure="Maas")
    expected = math.sqrt((math.log10(8) - math.log10(2)) / math.log10(8) ** 2)
    assert _values(table, "Maas")[0] == pytest.approx(expected, rel=1e-12)


def test_yules_i_as_quanteda():
    """quanteda: "Yule's I works correctly": 0 for "a b c", 3^2 / ((1 + 2 * 2^2) - 3)."""
    table = textstat_lexdiv(_toks(d1="a b c", d2="a a b b c"), measure="I")
    assert _values(table, "I") == pytest.approx([0, 3 ** 2 / ((1 + 2 * 2 ** 2) - 3)])


def test_single_document_as_quanteda():
    """quanteda: "works with a single document dfm (#706)": TTR 0.286, C 0.356 (tol 0.01)."""
    table = textstat_lexdiv(_toks(text1="one one two one one two one"), measure=["TTR", "C"])
    assert _values(table, "TTR") == pytest.approx([0.286], rel=0.01)
    assert _values(table, "C") == pytest.approx([0.356], rel=0.01)
    assert _values(table, "TTR") == [2 / 7]


def test_punctuation_symbols_and_numbers_are_left_out_as_quanteda():
    """quanteda: "supports removal of punctuation, numbers and symbols": both documents
    have the same values for every static measure."""
    table = textstat_lexdiv(_toks(d1="a a  b b  c c",
                                  d2="a a , b b . c c / & ^ *** ### 1 2 3 4"),
                            measure=list(LEXDIV_MEASURES[:13]))
    d1 = table[table["doc_id"] == "d1"][["tokens", "types", "measure", "value"]]
    d2 = table[table["doc_id"] == "d2"][["tokens", "types", "measure", "value"]]
    assert d1.values.tolist() == d2.values.tolist()
    kept = textstat_lexdiv(_toks(d2="a a , b b . c c 1 2 3 4"), remove_numbers=False)
    assert kept["tokens"].tolist() == [10]


@pytest.mark.parametrize(("window", "expected"), [
    (2, (1 / 2 + 1 + 1 + 1 / 2 + 1 + 1) / 6),
    (3, (2 / 3 + 2 / 3 + 2 / 3 + 2 / 3 + 2 / 3) / 5),
    (4, (2 / 4 + 2 / 4 + 2 / 4 + 2 / 4) / 4),
])
def test_mattr_as_quanteda(window, expected):
    """quanteda: "MATTR works correctly on its own" (expect_identical)."""
    table = textstat_lexdiv(_toks(text1="one one two one one two one"), measure="MATTR",
                            mattr_window=window)
    assert _values(table, "MATTR") == [pytest.approx(expected, abs=1e-15)]


def test_mattr_window_longer_than_the_text_warns_and_takes_the_text():
    """quanteda: "MATTR_window exceeds some documents' token lengths, resetting to 7"."""
    toks = _toks(text1="one one two one one two one")
    with pytest.warns(UserWarning, match="mattr_window = 100 exceeds the tokens of 1"):
        table = textstat_lexdiv(toks, measure=["TTR", "MATTR"], mattr_window=100)
    assert _values(table, "MATTR") == _values(table, "TTR") == [2 / 7]


def test_mattr_with_static_measures_as_quanteda():
    """quanteda: "MATTR works correctly in conjunction with static measures"."""
    table = textstat_lexdiv(_toks(text1="one one two one one two one"),
                            measure=["TTR", "MATTR"], mattr_window=2)
    assert table["measure"].tolist() == ["TTR", "MATTR"]
    assert table["value"].tolist() == pytest.approx([2 / 7, 5 / 6])


FRUIT = "apple orange apple orange pear pear apple orange"


@pytest.mark.parametrize(("segment", "expected"), [
    (2, (2 / 2 + 2 / 2 + 1 / 2 + 2 / 2) / 4),
    (3, (2 / 3 + 2 / 3) / 2),  # "apple orange at the back is discarded"
    (4, (2 / 4 + 3 / 4) / 2),
    (8, 3 / 8),                # segment = ntoken: the TTR
])
def test_msttr_as_quanteda(segment, expected):
    """quanteda: "MSTTR works correctly on its own"."""
    table = textstat_lexdiv(_toks(text1=FRUIT), measure=["TTR", "MSTTR"],
                            msttr_segment=segment)
    assert _values(table, "MSTTR") == [pytest.approx(expected, abs=1e-15)]


def test_msttr_segment_longer_than_the_text_warns():
    """quanteda: "MSTTR_segment exceeds some documents' token lengths, resetting to 8"."""
    with pytest.warns(UserWarning, match="msttr_segment = 20 exceeds"):
        table = textstat_lexdiv(_toks(text1=FRUIT), measure="MSTTR", msttr_segment=20)
    assert _values(table, "MSTTR") == [3 / 8]
    with pytest.raises(ValueError, match="msttr_segment must be a whole number"):
        textstat_lexdiv(_toks(text1=FRUIT), measure="MSTTR", msttr_segment=0)


def test_all_measures_are_named_as_quanteda():
    """quanteda: "works with measure = 'all'" names TTR ... Maas, lgV0, lgeV0 (with a
    tokens input also MATTR and MSTTR)."""
    table = textstat_lexdiv(_toks(text1="What, oh what, are we doing?"), measure="all",
                            mattr_window=2, msttr_segment=2)
    assert table["measure"].tolist() == ["TTR", "C", "R", "CTTR", "U", "S", "K", "I", "D",
                                         "Vm", "Maas", "lgV0", "lgeV0", "MATTR", "MSTTR"]


def test_k_d_and_vm_by_hand():
    """"a a a b b c": N = 6, V = 3, V_1 = V_2 = V_3 = 1. K = 10^4 (9 + 4 + 1) / 36 (quanteda's
    K, without Yule's -1/N), D = (3*2 + 2*1) / (6*5), Vm = sqrt(14/36 - 1/3); Herdan's
    relation Vm^2 = K / 10^4 - 1 / V holds for quanteda's K."""
    table = textstat_lexdiv(_toks(d="a a a b b c"), measure=["K", "D", "Vm", "U", "S"])
    k, d, vm, u, s = table["value"].tolist()
    assert k == pytest.approx(1e4 * 14 / 36)
    assert d == pytest.approx(8 / 30)
    assert vm == pytest.approx(math.sqrt(14 / 36 - 1 / 3))
    assert vm ** 2 == pytest.approx(k / 1e4 - 1 / 3)
    assert u == pytest.approx(math.log10(6) ** 2 / (math.log10(6) - math.log10(3)))
    assert s == pytest.approx(math.log10(math.log10(3)) / math.log10(math.log10(6)))


def test_groups_pool_their_articles_and_windows_stay_within_an_article():
    c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                      "text": ["oorlog vrede", "oorlog oorlog", "vrede"]})
    toks = tokens_corpus(c)
    # X: windows "oorlog vrede" (1.0) and "oorlog oorlog" (0.5), none across the articles
    with pytest.warns(UserWarning, match="1 article"):
        table = textstat_lexdiv(toks, by="outlet", measure=["TTR", "MATTR"], mattr_window=2)
    assert table[["outlet", "tokens", "types"]].values.tolist()[::2] == [["X", 4, 2],
                                                                          ["Y", 1, 1]]
    assert table["value"].tolist() == [0.5, 0.75, 1.0, 1.0]


def test_unknown_measure_and_empty_table_are_refused():
    toks = _toks(d="oorlog")
    with pytest.raises(ValueError, match="unknown lexical diversity measure"):
        textstat_lexdiv(toks, measure="Gibberish")
    with pytest.raises(ValueError, match="no words to measure"):
        textstat_lexdiv(_toks(d="2022 1914"))
