"""``discourse lexdiv | readability | similarity`` and ``frequencies --weight`` on the
three-article CSV fixture (tests/fixtures/vocabulary/README.md lists its tokens)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "vocabulary" / "three_docs.csv"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_lexdiv_per_article(tmp_path, capsys):
    out = tmp_path / "lexdiv.csv"
    code, _, err = run(["lexdiv", str(FIXTURE), "--measure", "TTR,K", "-o", str(out)],
                       capsys)
    assert code == 0 and "Wrote 6 rows" in err
    table = pd.read_csv(out)
    assert list(table.columns) == ["doc_id", "tokens", "types", "measure", "value"]
    # d1: de navo praat de navo wacht: N = 6, V = 4, K = 10^4 (4 + 4 + 1 + 1) / 36
    d1 = table[table["doc_id"] == "d1"]
    assert d1["value"].tolist() == pytest.approx([4 / 6, 1e4 * 10 / 36])


def test_lexdiv_by_outlet_with_every_measure(tmp_path, capsys):
    out = tmp_path / "lexdiv.csv"
    code, _, err = run(["lexdiv", str(FIXTURE), "--by", "outlet", "--measure", "all",
                        "--mattr-window", "5", "--msttr-segment", "5", "-o", str(out)],
                       capsys)
    assert code == 0
    table = pd.read_csv(out)
    a = table[table["outlet"] == "A"].set_index("measure")["value"]
    assert a["TTR"] == pytest.approx(6 / 11)
    # MATTR, window 5, within the articles: d1 (6 tokens) has windows "de navo praat de navo"
    # (3 types) and "navo praat de navo wacht" (4); d2 one window of 5 types
    assert a["MATTR"] == pytest.approx((3 / 5 + 4 / 5 + 5 / 5) / 3)


def test_readability_by_outlet(tmp_path, capsys):
    out = tmp_path / "read.csv"
    code, _, _ = run(["readability", str(FIXTURE), "--by", "outlet", "--measure",
                      "Flesch.Douma,Brouwer", "-o", str(out)], capsys)
    assert code == 0
    table = pd.read_csv(out)
    # A: 3 sentences, 11 words, 15 syllables (na-vo, rus-land: 2 each)
    a = table[table["outlet"] == "A"]
    assert a[["sentences", "words", "syllables"]].values.tolist()[0] == [3, 11, 15]
    assert a["value"].tolist() == pytest.approx([206.84 - 0.93 * 11 / 3 - 77 * 15 / 11,
                                                 195 - 2 * 11 / 3 - 200 / 3 * 15 / 11])


def test_similarity_of_outlets_and_distance_of_articles(tmp_path, capsys):
    out = tmp_path / "sim.csv"
    code, _, _ = run(["similarity", str(FIXTURE), "--method", "cosine", "-o", str(out)],
                     capsys)
    assert code == 0
    # A: de 3, navo 3, praat 2, met, rusland, wacht 1; B: de, rusland, vs, wacht, wachten 1
    assert pd.read_csv(out).values.tolist() == [["A", "B", pytest.approx(5 / math.sqrt(125))]]
    code, _, _ = run(["similarity", str(FIXTURE), "--by", "doc_id", "--method", "manhattan",
                      "-o", str(out)], capsys)
    table = pd.read_csv(out)
    assert list(table.columns) == ["doc_id_1", "doc_id_2", "manhattan"]
    # d1 (de 2, navo 2, praat, wacht) - d2 (rusland, praat, met, de, navo): 1+1+0+1+1+1
    assert table["manhattan"].tolist()[0] == 5


def test_frequencies_with_a_weight(tmp_path, capsys):
    out = tmp_path / "freq.csv"
    code, _, _ = run(["frequencies", str(FIXTURE), "--weight", "tfidf", "--min-count", "2",
                      "-o", str(out)], capsys)
    assert code == 0
    table = pd.read_csv(out)
    assert list(table.columns)[-1] == "tfidf"
    # navo: 3 times in A, in one outlet of two: 3 log10(2); de is in both: 0
    assert table[["term", "tfidf"]].values.tolist() == [
        ["de", 0.0], ["navo", pytest.approx(3 * math.log10(2))],
        ["praat", pytest.approx(2 * math.log10(2))]]
    code, _, _ = run(["frequencies", str(FIXTURE), "--weight", "prop", "--period", "day",
                      "-o", str(out)], capsys)
    table = pd.read_csv(out, dtype={"period": str})
    day1 = table[table["period"] == "2022-01-10"]
    assert day1["prop"].sum() == pytest.approx(1.0)


def test_bad_choices_end_with_a_message(tmp_path, capsys):
    out = str(tmp_path / "x.csv")
    code, _, err = run(["similarity", str(FIXTURE), "--by", "medium", "-o", out], capsys)
    assert code == 2 and "no column 'medium'" in err
    code, _, err = run(["similarity", str(FIXTURE), "--p", "3", "-o", out], capsys)
    assert code == 2 and "--method minkowski" in err
    with pytest.raises(SystemExit):
        main(["lexdiv", str(FIXTURE), "--measure", "Gibberish", "-o", out])
    assert "unknown measure Gibberish" in capsys.readouterr().err


def test_keyness_measures(tmp_path, capsys):
    corpus = tmp_path / "q.csv"
    corpus.write_text("doc_id,outlet,text\nd1,d1,b b b b b b b a a a\nd2,d2,a a a a a a a b b\n",
                      encoding="utf-8")
    out = tmp_path / "k.csv"
    # quanteda's test table: chi2 with Yates 19 (43 - 9.5)^2 / 8100, as chisq.test
    for measure, column, expected in (("chi2", "chi2", 19 * 33.5 ** 2 / 8100),
                                      ("lr", "g2", 2.7028),
                                      ("pmi", "pmi", math.log(7 * 19 / (9 * 10)))):
        code, _, err = run(["keyness", str(corpus), "--min-count", "1", "--measure", measure,
                            "-o", str(out)], capsys)
        assert code == 0, err
        table = pd.read_csv(out)
        assert column in table.columns and "p_adj" in table.columns
        b = table[(table["outlet"] == "d1") & (table["term"] == "b")]
        assert b[column].tolist() == [pytest.approx(expected, abs=1e-4)]
    code, _, err = run(["keyness", str(corpus), "--min-count", "1", "--measure", "exact",
                        "--correction", "yates", "-o", str(out)], capsys)
    assert code == 2 and "takes no --correction" in err
    code, _, err = run(["keyness", str(corpus), "--measure", "chi2", "--correction",
                        "none", "--min-count", "1", "-o", str(out)], capsys)
    assert code == 0
    b = pd.read_csv(out).query("outlet == 'd1' and term == 'b'")
    assert b["chi2"].tolist() == [pytest.approx(19 * 43 ** 2 / 8100)]


def test_collocations_ranked_by_lambda_and_longer_sequences(tmp_path, capsys):
    out = tmp_path / "coll.csv"
    code, _, err = run(["collocations", str(FIXTURE), "--min-count", "1", "--measure",
                        "lambda", "-o", str(out)], capsys)
    assert code == 0, err
    table = pd.read_csv(out)
    assert {"lambda", "z", "chi2", "t"} <= set(table.columns)
    assert table["lambda"].is_monotonic_decreasing
    code, _, err = run(["collocations", str(FIXTURE), "--size", "2,3", "--min-count", "2",
                        "-o", str(out)], capsys)
    assert code == 0, err
    table = pd.read_csv(out)
    # "de navo" three times (d1 twice, d2); no three-word sequence twice
    assert table[["collocation", "count", "count_nested", "length"]].values.tolist() == [
        ["de navo", 3, 3, 2]]
    code, _, err = run(["collocations", str(FIXTURE), "--size", "two", "-o", str(out)],
                       capsys)
    assert code == 2 and "--size takes whole numbers" in err
