"""Frequencies, keyness, collocations and dispersion against values worked out by hand.

The three-article fixture (tests/fixtures/vocabulary/three_docs.csv, described in the README
beside it) has, after removing punctuation and lower-casing:

    d1 (A, 2022-01-10): de navo praat | de navo wacht         6 tokens, 2 sentences
    d2 (A, 2022-01-11): rusland praat met de navo             5 tokens
    d3 (B, 2022-01-11): rusland wacht , de vs wachten         5 tokens (comma removed)
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.tokens import tokens_corpus
from analysis.vocabulary import (
    kwic_match,
    textstat_collocations,
    textstat_dispersion,
    textstat_frequency,
    textstat_keyness,
)

FIXTURES = Path(__file__).parent / "fixtures" / "vocabulary"


@pytest.fixture(scope="module")
def three() -> pd.DataFrame:
    return corpus_load(FIXTURES / "three_docs.csv")


@pytest.fixture(scope="module")
def three_tokens(three) -> pd.DataFrame:
    return tokens_corpus(three)


def rows(table: pd.DataFrame, columns: list[str]) -> list[list]:
    out = table[columns].copy()
    for column in columns:
        if out[column].dtype.kind not in "iufb":
            out[column] = out[column].astype(str)
    return out.values.tolist()


def corpus_of(texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "outlet": list(texts), "text": list(texts.values())})


# --------------------------------------------------------------------------- frequency


def test_frequencies_per_outlet(three_tokens):
    table = textstat_frequency(three_tokens)
    assert list(table.columns) == ["outlet", "term", "count", "per_1000", "docfreq", "rank"]
    # A has 11 tokens: de 3 (d1 twice, d2 once), navo 3, praat 2, then met, rusland, wacht
    # once each; per_1000 = count / 11 * 1000. B has 5 tokens, each seen once: 1/5*1000 = 200.
    assert rows(table, ["outlet", "term", "count", "docfreq", "rank"]) == [
        ["A", "de", 3, 2, 1], ["A", "navo", 3, 2, 1], ["A", "praat", 2, 2, 3],
        ["A", "met", 1, 1, 4], ["A", "rusland", 1, 1, 4], ["A", "wacht", 1, 1, 4],
        ["B", "de", 1, 1, 1], ["B", "rusland", 1, 1, 1], ["B", "vs", 1, 1, 1],
        ["B", "wacht", 1, 1, 1], ["B", "wachten", 1, 1, 1]]
    assert table["per_1000"].tolist() == pytest.approx(
        [3000 / 11, 3000 / 11, 2000 / 11, 1000 / 11, 1000 / 11, 1000 / 11] + [200.0] * 5)


def test_frequencies_by_a_corpus_column(three, three_tokens):
    table = textstat_frequency(three_tokens, by="date", corpus=three)
    # 2022-01-10 is d1 (6 tokens); 2022-01-11 is d2 + d3 (10 tokens): de once in each
    # article, so count 2, per_1000 = 2 / 10 * 1000 = 200, docfreq 2.
    day2 = table[(table["date"] == "2022-01-11") & (table["term"] == "de")]
    assert rows(day2, ["count", "per_1000", "docfreq", "rank"]) == [[2, 200.0, 2, 1]]
    assert table[table["date"] == "2022-01-10"]["count"].sum() == 6
    assert table[table["date"] == "2022-01-11"]["count"].sum() == 10


def test_document_frequency_when_the_groups_vary_within_an_article(three_tokens):
    table = textstat_frequency(three_tokens, by="sentence_id")
    # Sentence 1 of each article: d1 "de navo praat", d2 "rusland praat met de navo", d3
    # "rusland wacht , de vs wachten"; sentence 2: d1 "de navo wacht". d1 counts in both.
    assert rows(table, ["sentence_id", "term", "count", "docfreq"]) == [
        ["1", "de", 3, 3], ["1", "navo", 2, 2], ["1", "praat", 2, 2], ["1", "rusland", 2, 2],
        ["1", "met", 1, 1], ["1", "vs", 1, 1], ["1", "wacht", 1, 1], ["1", "wachten", 1, 1],
        ["2", "de", 1, 1], ["2", "navo", 1, 1], ["2", "wacht", 1, 1]]


def test_frequencies_by_a_corpus_column_need_the_corpus(three_tokens):
    with pytest.raises(ValueError, match="corpus=corpus"):
        textstat_frequency(three_tokens, by="date")


def test_bigrams_stay_within_sentences_and_between_punctuation(three_tokens):
    table = textstat_frequency(three_tokens, ngram=2)
    # A: d1 gives "de navo", "navo praat" | "de navo", "navo wacht" (no "praat de": new
    # sentence); d2 gives "rusland praat", "praat met", "met de", "de navo". 4 + 4 = 8
    # bigrams, "de navo" 3 times: 3 / 8 * 1000 = 375. B: "rusland wacht", then the comma, "de vs",
    # "vs wachten": 3 bigrams, no "wacht de".
    assert rows(table, ["outlet", "term", "count", "docfreq"]) == [
        ["A", "de navo", 3, 2], ["A", "met de", 1, 1], ["A", "navo praat", 1, 1],
        ["A", "navo wacht", 1, 1], ["A", "praat met", 1, 1], ["A", "rusland praat", 1, 1],
        ["B", "de vs", 1, 1], ["B", "rusland wacht", 1, 1], ["B", "vs wachten", 1, 1]]
    assert table["per_1000"].iloc[0] == pytest.approx(375.0)
    assert table["per_1000"].iloc[-1] == pytest.approx(1000 / 3)


def test_trigrams_and_min_count(three_tokens):
    trigrams = textstat_frequency(three_tokens, ngram=3)
    # A: "de navo praat", "de navo wacht", "rusland praat met", "praat met de", "met de navo"
    assert sorted(trigrams.loc[trigrams["outlet"] == "A", "term"].astype(str)) == [
        "de navo praat", "de navo wacht", "met de navo", "praat met de", "rusland praat met"]
    frequent = textstat_frequency(three_tokens, min_count=2)
    assert rows(frequent, ["outlet", "term", "count"]) == [
        ["A", "de", 3], ["A", "navo", 3], ["A", "praat", 2]]


def test_frequencies_do_not_depend_on_row_order(three_tokens):
    shuffled = three_tokens.sample(frac=1.0, random_state=3)
    pd.testing.assert_frame_equal(textstat_frequency(shuffled, ngram=2),
                                  textstat_frequency(three_tokens, ngram=2))


def test_frequencies_with_more_groups_than_a_byte_holds():
    # 300 outlets (group codes past int8 and int16 categories), one article each:
    # "de w<i> de." gives de 2 and w<i> 1 of 3 words, in one article
    n = 300
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)],
                           "outlet": [f"o{i:03d}" for i in range(n)],
                           "text": [f"De w{i} de." for i in range(n)]})
    freq = textstat_frequency(tokens_corpus(corpus))
    assert len(freq) == 2 * n
    assert freq["outlet"].tolist() == [f"o{i:03d}" for i in range(n) for _ in range(2)]
    assert freq["term"].tolist() == [t for i in range(n) for t in ("de", f"w{i}")]
    assert freq["count"].tolist() == [2, 1] * n
    assert freq["per_1000"].tolist() == [2000 / 3, 1000 / 3] * n
    assert freq["docfreq"].tolist() == [1, 1] * n
    assert freq["rank"].tolist() == [1, 2] * n


# --------------------------------------------------------------------------- keyness

# Group X: oorlog 10, vrede 30, crisis 10 (c = 50 tokens);
# group Y: oorlog 5, vrede 85, crisis 10 (d = 100 tokens); N = 150.
KEY_TEXTS = {"X": "oorlog " * 10 + "vrede " * 30 + "crisis " * 10,
             "Y": "oorlog " * 5 + "vrede " * 85 + "crisis " * 10}


def g2_by_hand(a, b, c, d):
    """Rayson & Garside: E1 = c(a+b)/N, E2 = d(a+b)/N, G2 = 2(a ln(a/E1) + b ln(b/E2))."""
    n = c + d
    e1, e2 = c * (a + b) / n, d * (a + b) / n
    return 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))


def chi2_1df_upper_tail(x):
    """P(chi-squared with 1 d.f. > x) = erfc(sqrt(x / 2))."""
    return math.erfc(math.sqrt(x / 2))


def test_g2_and_log_ratio_for_a_2x2_table():
    table = textstat_keyness(tokens_corpus(corpus_of(KEY_TEXTS)), min_count=1)
    oorlog = table[(table["outlet"] == "X") & (table["term"] == "oorlog")].iloc[0]
    # a = 10, b = 5, c = 50, d = 100: E1 = 50 * 15 / 150 = 5, E2 = 100 * 15 / 150 = 10,
    # G2 = 2 (10 ln(10/5) + 5 ln(5/10)) = 2 (10 - 5) ln 2 = 10 ln 2 = 6.931472;
    # Log Ratio = log2((10/50) / (5/100)) = log2(4) = 2; p = erfc(sqrt(5 ln 2)) = 0.008469.
    assert oorlog["count_target"] == 10 and oorlog["count_reference"] == 5
    assert oorlog["size_target"] == 50 and oorlog["size_reference"] == 100
    assert oorlog["per_1000_target"] == pytest.approx(200.0)
    assert oorlog["per_1000_reference"] == pytest.approx(50.0)
    assert oorlog["g2"] == pytest.approx(10 * math.log(2))
    assert oorlog["g2"] == pytest.approx(6.931472, abs=1e-6)
    assert oorlog["log_ratio"] == pytest.approx(2.0)
    assert oorlog["p"] == pytest.approx(0.008469, abs=1e-6)
    assert oorlog["direction"] == "positive"
    # vrede in X: a = 30, b = 85: E1 = 50 * 115 / 150 = 38.333, E2 = 76.667,
    # G2 = 2 (30 ln(30/38.333) + 85 ln(85/76.667)) = 2.833973, relatively rarer in X
    # (30/50 = 0.6 < 85/100 = 0.85): signed -2.833973; Log Ratio = log2(0.6/0.85) = -0.502500.
    vrede = table[(table["outlet"] == "X") & (table["term"] == "vrede")].iloc[0]
    assert vrede["g2"] == pytest.approx(-g2_by_hand(30, 85, 50, 100))
    assert vrede["g2"] == pytest.approx(-2.833973, abs=1e-6)
    assert vrede["log_ratio"] == pytest.approx(math.log2(0.6 / 0.85))
    assert vrede["direction"] == "negative"
    # With two groups, Y's G2 is X's with the sign turned.
    y = table[table["outlet"] == "Y"].set_index("term")["g2"]
    x = table[table["outlet"] == "X"].set_index("term")["g2"]
    assert (y + x.reindex(y.index)).abs().max() == pytest.approx(0.0, abs=1e-9)


def test_zero_count_uses_hardies_half():
    # Target "A": sancties 0 times, en 20 times (c = 20); reference "B": sancties 6, en 24
    # (d = 30). E1 = 20 * 6 / 50 = 2.4, E2 = 30 * 6 / 50 = 3.6,
    # G2 = 2 (0 + 6 ln(6 / 3.6)) = 12 ln(5/3) = 6.129907, negative (0 < 6/30);
    # Log Ratio with the zero taken as 0.5: log2((0.5/20) / (6/30)) = log2(0.125) = -3.
    texts = {"A": "en " * 20, "B": "sancties " * 6 + "en " * 24}
    table = textstat_keyness(tokens_corpus(corpus_of(texts)), min_count=1)
    row = table[(table["outlet"] == "A") & (table["term"] == "sancties")].iloc[0]
    assert row["count_target"] == 0 and row["count_reference"] == 6
    assert row["g2"] == pytest.approx(-12 * math.log(5 / 3))
    assert row["g2"] == pytest.approx(-6.129907, abs=1e-6)
    assert row["log_ratio"] == pytest.approx(-3.0)
    assert np.isfinite(table["log_ratio"]).all()
    # and B's view of the same table: a = 6, b = 0: log2((6/30) / (0.5/20)) = 3
    other = table[(table["outlet"] == "B") & (table["term"] == "sancties")].iloc[0]
    assert other["log_ratio"] == pytest.approx(3.0)
    assert other["g2"] == pytest.approx(12 * math.log(5 / 3))


def test_benjamini_hochberg_and_holm_by_hand():
    tokens = tokens_corpus(corpus_of(KEY_TEXTS))
    # X's three p-values (m = 3), from G2 = 6.931472, 2.833973 (vrede: 30 vs 85) and
    # 2.355661 (crisis: 10 vs 10): p = 0.008469, 0.092290, 0.124829.
    p = {"oorlog": chi2_1df_upper_tail(g2_by_hand(10, 5, 50, 100)),
         "vrede": chi2_1df_upper_tail(g2_by_hand(30, 85, 50, 100)),
         "crisis": chi2_1df_upper_tail(g2_by_hand(10, 10, 50, 100))}
    assert [round(p[t], 6) for t in ("oorlog", "vrede", "crisis")] == [0.008469, 0.09229,
                                                                      0.124829]
    # Benjamini-Hochberg: p(i) * m / i, then the running minimum from the largest p down:
    # crisis 0.124829 * 3/3 = 0.124829; vrede min(0.092290 * 3/2 = 0.138435, 0.124829)
    # = 0.124829; oorlog min(0.008469 * 3/1 = 0.025408, 0.124829) = 0.025408.
    bh = {"oorlog": 3 * p["oorlog"], "vrede": p["crisis"], "crisis": p["crisis"]}
    # Holm: (m - i + 1) p(i), then the running maximum from the smallest p up:
    # oorlog 3 * 0.008469 = 0.025408; vrede max(0.025408, 2 * 0.092290) = 0.184580;
    # crisis max(0.184580, 1 * 0.124829) = 0.184580.
    holm = {"oorlog": 3 * p["oorlog"], "vrede": 2 * p["vrede"], "crisis": 2 * p["vrede"]}
    for method, expected in (("bh", bh), ("holm", holm)):
        table = textstat_keyness(tokens, min_count=1, adjust=method)
        x = table[table["outlet"] == "X"].set_index("term")
        for term, value in expected.items():
            assert x.loc[term, "p"] == pytest.approx(p[term])
            assert x.loc[term, "p_adj"] == pytest.approx(value)
        # only oorlog is below alpha = 0.05 after adjustment
        assert x["significant"].to_dict() == {"oorlog": True, "crisis": False, "vrede": False}
    assert bh["oorlog"] == pytest.approx(0.025408, abs=1e-6)
    assert holm["vrede"] == pytest.approx(0.184580, abs=1e-6)


def test_keyness_order_filter_and_errors():
    tokens = tokens_corpus(corpus_of(KEY_TEXTS))
    table = textstat_keyness(tokens, min_count=1)
    assert list(table.columns) == [
        "outlet", "term", "count_target", "count_reference", "size_target", "size_reference",
        "per_1000_target", "per_1000_reference", "g2", "p", "p_adj", "log_ratio", "direction",
        "significant"]
    # per group, strongest keyword first: X oorlog (+6.93), crisis (+2.36), vrede (-2.83)
    assert table.loc[table["outlet"] == "X", "term"].astype(str).tolist() == [
        "oorlog", "crisis", "vrede"]
    # min_count counts the whole corpus: oorlog 15, crisis 20, vrede 115
    assert set(textstat_keyness(tokens, min_count=16)["term"].astype(str)) == {"crisis",
                                                                                "vrede"}
    one = tokens_corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["vrede"]}))
    with pytest.raises(ValueError, match="two or more"):
        textstat_keyness(one, min_count=1)
    with pytest.raises(ValueError, match="adjust"):
        textstat_keyness(tokens, adjust="bonferroni")


def test_keyness_by_date_on_the_fixture(three, three_tokens):
    table = textstat_keyness(three_tokens, by="date", corpus=three, min_count=1)
    # "de": 2022-01-10 has 2 of 6 tokens, 2022-01-11 has 2 of 10.
    row = table[(table["date"] == "2022-01-10") & (table["term"] == "de")].iloc[0]
    assert row["g2"] == pytest.approx(g2_by_hand(2, 2, 6, 10))
    assert row["log_ratio"] == pytest.approx(math.log2((2 / 6) / (2 / 10)))


# --------------------------------------------------------------------------- collocations


def test_bigram_collocation_scores_by_hand():
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
                      "text": ["koude oorlog. koude oorlog. warme zomer. koude winter."]})
    table = textstat_collocations(tokens_corpus(c), min_count=1)
    row = table[(table["word1"] == "koude") & (table["word2"] == "oorlog")].iloc[0]
    # 4 bigrams (none across a period): koude oorlog x2, warme zomer, koude winter.
    # O11 = 2, R1 = bigrams starting with koude = 3, C1 = ending with oorlog = 2, N = 4.
    # E11 = 3 * 2 / 4 = 1.5; PMI = log2(2 / 1.5) = 0.415037;
    # logDice = 14 + log2(2 * 2 / (3 + 2)) = 13.678072;
    # G2 over the four cells O = (2, 1, 0, 1), E = (1.5, 1.5, 0.5, 0.5):
    # 2 (2 ln(2/1.5) + 1 ln(1/1.5) + 0 + 1 ln(1/0.5)) = 1.726092.
    assert (row["count"], row["count_word1"], row["count_word2"]) == (2, 3, 2)
    assert row["expected"] == pytest.approx(1.5)
    assert row["pmi"] == pytest.approx(math.log2(2 / 1.5))
    assert row["pmi"] == pytest.approx(0.415037, abs=1e-6)
    assert row["log_dice"] == pytest.approx(14 + math.log2(4 / 5))
    g2 = 2 * (2 * math.log(2 / 1.5) + math.log(1 / 1.5) + math.log(1 / 0.5))
    assert row["g2"] == pytest.approx(g2)
    assert row["g2"] == pytest.approx(1.726092, abs=1e-6)
    assert len(table) == 3  # koude oorlog, koude winter, warme zomer
    assert len(textstat_collocations(tokens_corpus(c))) == 1  # min_count=2


def test_node_collocations_by_hand():
    c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
                      "text": ["x sancties y z. y sancties x", "x y"]})
    table = textstat_collocations(tokens_corpus(c), node="sancties", window=1, min_count=1)
    # Article a: x sancties y z y sancties x; window 1 around each "sancties": x, y and y, x.
    # Article b adds x y outside every window. Tokens outside the node: N = 5 + 2 = 7;
    # inside the windows R1 = 4. x: O11 = 2, C1 = 3 (two in a, one in b);
    # E11 = 4 * 3 / 7 = 1.714286; PMI = log2(2 / (12/7)) = log2(7/6) = 0.222392;
    # logDice = 14 + log2(2 * 2 / (2 + 3)) = 13.678072.
    x = table[table["collocate"] == "x"].iloc[0]
    assert (x["count"], x["count_collocate"], x["count_node"], x["window_tokens"]) == (2, 3, 2,
                                                                                       4)
    assert x["expected"] == pytest.approx(12 / 7)
    assert x["pmi"] == pytest.approx(math.log2(7 / 6))
    assert x["log_dice"] == pytest.approx(14 + math.log2(4 / 5))
    # z never falls in a window: not listed
    assert set(table["collocate"].astype(str)) == {"x", "y"}


def test_node_windows_stop_at_the_article_edge():
    c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
                      "text": ["eerst vrede", "oorlog daarna"]})
    table = textstat_collocations(tokens_corpus(c), node="oorlog", window=3, min_count=1)
    assert table["collocate"].astype(str).tolist() == ["daarna"]


# --------------------------------------------------------------------------- dispersion


def test_dispersion_positions():
    c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
                      "text": ["sancties nu of later de Koude Oorlog", "geen sancties"]})
    table = textstat_dispersion(tokens_corpus(c), ["koude oorlog", "sanctie*"])
    # a has 7 tokens: "koude oorlog" starts at 6 -> 6/7; sancties at 1 -> 1/7.
    # b has 2 tokens: sancties at 2 -> 2/2 = 1.
    assert rows(table, ["pattern", "doc_id", "position", "n_tokens", "match"]) == [
        ["koude oorlog", "a", 6, 7, "Koude Oorlog"], ["sanctie*", "a", 1, 7, "sancties"],
        ["sanctie*", "b", 2, 2, "sancties"]]
    assert table["relative_position"].tolist() == pytest.approx([6 / 7, 1 / 7, 1.0])


# --------------------------------------------------------------------------- periods

def _months_corpus():
    """Four months, March without articles:

        m1 (2022-01-10): oorlog oorlog oorlog vrede    4 tokens
        m2 (2022-02-03): vrede vrede vrede oorlog      4 tokens
        m3 (2022-04-20): oorlog oorlog oorlog oorlog   4 tokens
    """
    return pd.DataFrame({"doc_id": ["m1", "m2", "m3"], "outlet": ["X", "X", "X"],
                         "date": ["2022-01-10", "2022-02-03", "2022-04-20"],
                         "text": ["oorlog oorlog oorlog vrede", "vrede vrede vrede oorlog",
                                  "oorlog oorlog oorlog oorlog"]})


def _g2(a, b, c, d):
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))


def test_frequency_per_month_keeps_the_empty_month_as_a_row():
    corpus = _months_corpus()
    table = textstat_frequency(tokens_corpus(corpus), corpus=corpus, period="month")
    assert list(table.columns) == ["period", "articles", "term", "count", "per_1000",
                                   "docfreq", "rank"]
    assert table[["period", "articles", "term", "count"]].astype(object).where(
        table[["period", "articles", "term", "count"]].notna(), None).values.tolist() == [
        ["2022-01-01", 1, "oorlog", 3], ["2022-01-01", 1, "vrede", 1],
        ["2022-02-01", 1, "vrede", 3], ["2022-02-01", 1, "oorlog", 1],
        ["2022-03-01", 0, None, 0],
        ["2022-04-01", 1, "oorlog", 4]]
    by_outlet = textstat_frequency(tokens_corpus(corpus), corpus=corpus, period="quarter",
                                   by="outlet")
    assert by_outlet[["period", "outlet", "articles", "term", "count"]].values.tolist() == [
        ["2022-01-01", "X", 2, "oorlog", 4], ["2022-01-01", "X", 2, "vrede", 4],
        ["2022-04-01", "X", 1, "oorlog", 4]]


def test_keyness_against_the_previous_period_on_a_hand_computed_table():
    corpus = _months_corpus()
    table = textstat_keyness(tokens_corpus(corpus), corpus=corpus, period="month",
                             reference="previous", min_count=1)
    # January has nothing before it, March no articles: one row each, without a term
    assert table[table["term"].isna()][["period", "articles"]].values.tolist() == [
        ["2022-01-01", 1], ["2022-03-01", 0]]
    feb = table[(table["period"] == "2022-02-01") & (table["term"] == "vrede")].iloc[0]
    # February against January: a = 3, b = 1, c = d = 4
    assert feb["reference"] == "2022-01-01"
    assert (feb["count_target"], feb["count_reference"]) == (3, 1)
    assert (feb["size_target"], feb["size_reference"]) == (4, 4)
    assert feb["g2"] == pytest.approx(_g2(3, 1, 4, 4))  # 1.0465
    assert feb["log_ratio"] == pytest.approx(math.log2(3))
    # April against February (March is empty): oorlog a = 4, b = 1; vrede a = 0, b = 3
    apr = table[table["period"] == "2022-04-01"].set_index("term")
    assert set(apr["reference"]) == {"2022-02-01"}
    assert apr.loc["oorlog", "g2"] == pytest.approx(_g2(4, 1, 4, 4))  # 1.9274
    assert apr.loc["vrede", "g2"] == pytest.approx(-_g2(0, 3, 4, 4))
    assert apr.loc["vrede", "log_ratio"] == pytest.approx(math.log2(0.5 / 3))


def test_keyness_against_the_rest_of_the_periods():
    corpus = _months_corpus()
    table = textstat_keyness(tokens_corpus(corpus), corpus=corpus, period="month",
                             reference="rest", min_count=1)
    apr = table[(table["period"] == "2022-04-01") & (table["term"] == "oorlog")].iloc[0]
    # April against January and February together: a = 4, b = 4, c = 4, d = 8
    assert (apr["reference"], apr["count_reference"], apr["size_reference"]) == ("rest", 4, 8)
    assert apr["g2"] == pytest.approx(_g2(4, 4, 4, 8))  # 0.9423
    # one month only: nothing to compare with, one row without a term
    one = corpus.assign(date="2022-01")
    alone = textstat_keyness(tokens_corpus(one), corpus=one, period="month", min_count=1)
    assert alone[["period", "articles"]].values.tolist() == [["2022-01-01", 3]]
    assert alone["term"].isna().all()


def test_weekly_keyness_leaves_out_an_article_dated_to_the_month_only():
    corpus = _months_corpus().assign(date=["2022-01-10", "2022-01", "2022-01-17"])
    with pytest.warns(UserWarning, match="1 of 3 articles is dated to the month only"):
        table = textstat_keyness(tokens_corpus(corpus), corpus=corpus, period="week",
                                 reference="previous", min_count=1)
    # m3 (week of 2022-01-17) against m1 (week of 2022-01-10); m2 is left out
    oorlog = table[(table["period"] == "2022-01-17") & (table["term"] == "oorlog")].iloc[0]
    assert (oorlog["count_target"], oorlog["count_reference"]) == (4, 3)
    assert (oorlog["size_target"], oorlog["size_reference"]) == (4, 4)


# --------------------------------------------------------------------------- reference cases

def test_phrases_never_cross_a_sentence_in_any_vocabulary_tool():
    """A line break ends a sentence, so "koude\\nOorlog" is no phrase, for bigrams as for
    KWIC, dispersion and the words around a node."""
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
                      "text": ["Het dreigt: koude\nOorlog in Europa. De koude oorlog keert."]})
    toks = tokens_corpus(c)
    bigrams = textstat_collocations(toks, min_count=1)
    pair = bigrams[(bigrams["word1"] == "koude") & (bigrams["word2"] == "oorlog")]
    assert pair["count"].tolist() == [1]
    assert kwic_match(toks, "koude oorlog")["match"].tolist() == ["koude oorlog"]
    assert textstat_dispersion(toks, "koude oorlog")["match"].tolist() == ["koude oorlog"]
    around = textstat_collocations(toks, node="koude oorlog", window=1, min_count=1)
    assert sorted(around["collocate"].astype(str)) == ["de", "keert"]


def test_log_dice_around_a_node_never_exceeds_14():
    """Rychlý (2008): 14 + log2(2 f_xy / (f_x + f_y)) with f_xy <= f_x, f_y. Three "de" in
    the window of one "oorlog" co-occur with it once."""
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["de de de oorlog"]})
    table = textstat_collocations(tokens_corpus(c), node="oorlog", min_count=1)
    de = table.iloc[0]
    assert (de["collocate"], de["count"], de["cooccurrences"]) == ("de", 3, 1)
    assert de["log_dice"] == pytest.approx(14 + math.log2(2 * 1 / (1 + 3)))  # 13.0
    # one "de" in the windows of two "oorlog": one pair, not two
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["oorlog de oorlog"]})
    de = textstat_collocations(tokens_corpus(c), node="oorlog", min_count=1).iloc[0]
    assert (de["count"], de["cooccurrences"]) == (1, 1)
    assert de["log_dice"] == pytest.approx(14 + math.log2(2 / 3))


def test_dispersion_counts_word_positions_as_quantedas_xray():
    """quanteda: textplot_xray(kwic(tokens(x, remove_punct = TRUE), "sancties")) puts the
    three at 1/8, 2/8 and 3/8 of the eight words."""
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
                      "text": ["Sancties, sancties, sancties, en nog meer woorden hier."]})
    table = textstat_dispersion(tokens_corpus(c), "sancties")
    assert table["word_position"].tolist() == [1, 2, 3]
    assert table["n_tokens"].tolist() == [8, 8, 8]
    assert table["relative_position"].tolist() == pytest.approx([0.125, 0.25, 0.375])


QUANTEDA_TABLE = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["d1", "d2"],
                               "text": ["b b b b b b b a a a", "a a a a a a a b b"]})


@pytest.mark.parametrize(("correction", "expected"), [
    ("none", 4.5349), ("williams", 4.2008), ("yates", 2.7028), (None, 2.7028)])
def test_four_cell_g2_reproduces_quantedas_keyness_lr(correction, expected):
    """quanteda.textstats' test table: textstat_keyness(dfm, measure = "lr",
    correction = ...) for "b" of d1 against d2 (default: the Yates-type correction)."""
    table = textstat_keyness(tokens_corpus(QUANTEDA_TABLE), min_count=1, g2="four-cell",
                             correction=correction)
    b = table[(table["outlet"] == "d1") & (table["term"] == "b")].iloc[0]
    assert round(b["g2"], 4) == expected
    a = table[(table["outlet"] == "d1") & (table["term"] == "a")].iloc[0]
    assert round(a["g2"], 4) == -expected


def test_two_cell_g2_takes_no_correction():
    toks = tokens_corpus(QUANTEDA_TABLE)
    with pytest.raises(ValueError, match="correction"):
        textstat_keyness(toks, min_count=1, correction="williams")
    with pytest.raises(ValueError, match="g2"):
        textstat_keyness(toks, min_count=1, g2="three-cell")


def test_a_window_wider_than_the_longest_article_is_that_article():
    """A window reaches no further than the longest article: a window of a billion tokens
    gives the table of a window as long as that article, at once and without memory for a
    billion positions (a guard stops the test should it not return)."""
    import signal

    from analysis.vocabulary.collocations import textstat_collocations

    c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                      "text": ["De NAVO en Rusland praten. De NAVO zwijgt.",
                               "Rusland dreigt en de NAVO antwoordt niet."]})
    tokens = tokens_corpus(c)
    longest = int(tokens.groupby("doc_id").size().max())

    def stop(signum, frame):
        raise TimeoutError("the window was not bounded by the longest article")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    try:
        wide = textstat_collocations(tokens, node="navo", window=10**9, min_count=1)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    exact = textstat_collocations(tokens, node="navo", window=longest, min_count=1)
    pd.testing.assert_frame_equal(wide, exact)
    assert set(wide["collocate"]) == {"de", "en", "rusland", "praten", "zwijgt", "dreigt",
                                      "antwoordt", "niet"}


def test_token_table_and_frequencies_the_same_when_their_steps_run_in_threads(monkeypatch):
    import analysis.tokens.corpus_tables as tables_module
    import analysis.vocabulary.frequency as frequency_module
    from analysis.tokens import tokens_cache_clear

    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"],
                           "text": ["De crisis, de Koude Oorlog.", "Crisis! Oorlog?", "Vrede."]})
    tokens_cache_clear()
    alone = tokens_corpus(corpus)
    counted = textstat_frequency(alone)
    tokens_cache_clear()
    monkeypatch.setattr(tables_module, "THREADS_ROWS", 1)
    monkeypatch.setattr(frequency_module, "THREADS_ROWS", 1)
    try:
        threaded = tokens_corpus(corpus)
        pd.testing.assert_frame_equal(threaded, alone)
        pd.testing.assert_frame_equal(textstat_frequency(threaded), counted)
    finally:
        tokens_cache_clear()
    x = counted[counted["outlet"] == "X"]
    assert x[["term", "count", "docfreq"]].values.tolist() == [
        ["de", 2, 1], ["crisis", 1, 1], ["koude", 1, 1], ["oorlog", 1, 1], ["vrede", 1, 1]]
