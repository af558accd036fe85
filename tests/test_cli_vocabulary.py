"""``discourse frequencies | keyness | collocations | kwic`` on the bundled corpus and on the
three-article CSV fixture (see tests/fixtures/vocabulary/README.md for its tokens)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.paths import CORPUS_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "vocabulary" / "three_docs.csv"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_frequencies_on_the_bundled_corpus(tmp_path, capsys):
    out = tmp_path / "freq.csv"
    code, _, err = run(["frequencies", str(CORPUS_DIR), "-o", str(out)], capsys)
    assert code == 0 and "Wrote" in err
    table = pd.read_csv(out)
    assert list(table.columns) == ["outlet", "term", "count", "per_1000", "docfreq", "rank"]
    # NRC writes "Koude Oorlog" three times; NRC has 1,033 word and number tokens
    koude = table[(table["outlet"] == "NRC") & (table["term"] == "koude")].iloc[0]
    assert koude["count"] == 3
    assert koude["per_1000"] == pytest.approx(3 / 1033 * 1000)


def test_frequencies_by_date_and_bigrams_on_a_csv_corpus(tmp_path, capsys):
    out = tmp_path / "freq.csv"
    code, _, _ = run(["frequencies", str(FIXTURE), "--by", "date", "--ngram", "2",
                      "-o", str(out)], capsys)
    assert code == 0
    table = pd.read_csv(out, dtype={"date": str})
    # 2022-01-10 (d1): de navo x2, navo praat, navo wacht: 4 bigrams
    day1 = table[table["date"] == "2022-01-10"]
    assert day1[["term", "count"]].values.tolist() == [["de navo", 2], ["navo praat", 1],
                                                        ["navo wacht", 1]]
    assert day1["per_1000"].tolist() == pytest.approx([500.0, 250.0, 250.0])


def test_frequencies_with_stopwords_removed(tmp_path, capsys):
    out = tmp_path / "freq.csv"
    code, _, _ = run(["frequencies", str(FIXTURE), "--remove-stopwords", "-o", str(out)],
                     capsys)
    assert code == 0
    terms = set(pd.read_csv(out)["term"])
    assert "de" not in terms and "met" not in terms and "navo" in terms


def test_keyness_on_a_csv_corpus(tmp_path, capsys):
    out = tmp_path / "key.csv"
    code, _, _ = run(["keyness", str(FIXTURE), "--min-count", "1", "--adjust", "holm",
                      "-o", str(out)], capsys)
    assert code == 0
    table = pd.read_csv(out)
    # navo: A 3 of 11 tokens, B 0 of 5. E1 = 11 * 3 / 16, E2 = 5 * 3 / 16;
    # G2 = 2 * 3 ln(3 / (33/16)) = 6 ln(16/11); Log Ratio = log2((3/11) / (0.5/5)).
    navo = table[(table["outlet"] == "A") & (table["term"] == "navo")].iloc[0]
    assert navo["g2"] == pytest.approx(6 * math.log(16 / 11))
    assert navo["log_ratio"] == pytest.approx(math.log2((3 / 11) / 0.1))
    assert set(table["outlet"]) == {"A", "B"}


def test_keyness_on_the_bundled_corpus(tmp_path, capsys):
    out = tmp_path / "key.csv"
    code, _, _ = run(["keyness", str(CORPUS_DIR), "--remove-stopwords", "-o", str(out)],
                     capsys)
    assert code == 0
    table = pd.read_csv(out)
    # de Volkskrant names Lavrov 5 times, no other outlet does
    lavrov = table[(table["outlet"] == "de Volkskrant") & (table["term"] == "lavrov")].iloc[0]
    assert (lavrov["count_target"], lavrov["count_reference"]) == (5, 0)
    assert lavrov["direction"] == "positive"


def test_collocations(tmp_path, capsys):
    out = tmp_path / "coll.csv"
    code, _, _ = run(["collocations", str(CORPUS_DIR), "-o", str(out)], capsys)
    assert code == 0
    table = pd.read_csv(out)
    row = table[(table["word1"] == "koude") & (table["word2"] == "oorlog")].iloc[0]
    assert row["count"] == 5
    out = tmp_path / "node.csv"
    code, _, _ = run(["collocations", str(FIXTURE), "--node", "navo", "--window", "1",
                      "--min-count", "1", "-o", str(out)], capsys)
    assert code == 0
    table = pd.read_csv(out)
    # navo's neighbours (one token each side): de (3 times), praat, wacht
    assert dict(zip(table["collocate"], table["count"], strict=True)) == {"de": 3, "praat": 1,
                                                                          "wacht": 1}


def test_kwic_prints_and_writes(tmp_path, capsys):
    code, out, err = run(["kwic", str(CORPUS_DIR), "koude oorlog", "--window", "3"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 5 and all("[Koude Oorlog]" in line for line in lines)
    assert "5 occurrence(s)" in err
    target = tmp_path / "kwic.csv"
    code, _, _ = run(["kwic", str(FIXTURE), "wacht*", "-o", str(target)], capsys)
    assert code == 0
    table = pd.read_csv(target, keep_default_na=False)
    assert table[["doc_id", "match"]].values.tolist() == [["d1", "wacht"], ["d3", "wacht"],
                                                          ["d3", "wachten"]]


def test_user_errors_exit_2_with_a_message(tmp_path, capsys):
    code, _, err = run(["frequencies", str(FIXTURE), "--by", "medium", "-o",
                        str(tmp_path / "x.csv")], capsys)
    assert code == 2 and "no column 'medium'" in err
    single = tmp_path / "one.csv"
    single.write_text("doc_id,outlet,text\na,NOS,De NAVO wacht.\n", encoding="utf-8")
    code, _, err = run(["keyness", str(single), "-o", str(tmp_path / "k.csv")], capsys)
    assert code == 2 and "two or more" in err
    code, _, err = run(["frequencies", str(FIXTURE), "--stopwords", str(tmp_path / "none.txt"),
                        "-o", str(tmp_path / "x.csv")], capsys)
    assert code == 2 and "none.txt" in err
    assert not (tmp_path / "x.csv").exists()


def test_kwic_and_collocations_refuse_a_pattern_of_wildcards_only(tmp_path, capsys):
    code, out, err = run(["kwic", str(FIXTURE), "***"], capsys)
    assert code == 2 and out == ""
    assert err == ("discourse kwic: the pattern '***' is made only of wildcards, which would "
                   "match every token: give at least one word with a letter or digit, e.g. "
                   'escal* or "* oceaan"\n')
    code, _, err = run(["collocations", str(FIXTURE), "--node", "*", "-o", str(tmp_path / "c.csv")],
                    capsys)
    assert code == 2
    assert err.startswith("discourse collocations: the pattern '*' is made only of")


def test_frequencies_of_an_article_of_20_megabytes_in_one_paragraph(tmp_path, capsys):
    # An export that lost its line breaks: NLTK's sentence splitter stopped with
    # "TimeoutError: regular-expression match exceeded its 5.0s time limit".
    passage = ("Amerikaanse en Russische delegaties hebben maandag in Genève urenlang "
               "onderhandeld over de veiligheid in Europa en de troepen aan de grens met "
               "Oekraïne. De NAVO dreigt met sancties als Rusland het buurland binnenvalt, "
               "zei een woordvoerder na afloop van het overleg in de Zwitserse stad.")
    repeats = 20_000_000 // (len(passage) + 1) + 1
    corpus = tmp_path / "one-paragraph.csv"
    corpus.write_text("doc_id,outlet,text\nlang,NRC,\"" + " ".join([passage] * repeats) +
                      "\"\n", encoding="utf-8")
    assert corpus.stat().st_size > 20_000_000
    out = tmp_path / "freq.csv"
    code, _, err = run(["frequencies", str(corpus), "-o", str(out)], capsys)
    assert code == 0, err
    counts = pd.read_csv(out).set_index("term")["count"]
    assert repeats == 69_687
    assert counts["sancties"] == repeats and counts["de"] == 5 * repeats


def test_keyness_with_quantedas_four_cell_g2(tmp_path, capsys):
    corpus = tmp_path / "q.csv"
    corpus.write_text("doc_id,outlet,text\nd1,d1,b b b b b b b a a a\nd2,d2,a a a a a a a b b\n",
                      encoding="utf-8")
    out = tmp_path / "k.csv"
    for correction, expected in (("williams", 4.2008), ("none", 4.5349), (None, 2.7028)):
        argv = ["keyness", str(corpus), "--min-count", "1", "--g2", "four-cell", "-o", str(out)]
        code, _, err = run(argv + (["--correction", correction] if correction else []), capsys)
        assert code == 0, err
        table = pd.read_csv(out)
        b = table[(table["outlet"] == "d1") & (table["term"] == "b")]
        assert b["g2"].round(4).tolist() == [expected]
    code, _, err = run(["keyness", str(corpus), "--correction", "williams", "-o", str(out)],
                       capsys)
    assert code == 2 and "--g2 four-cell" in err


def test_an_output_that_cannot_be_written_is_named_before_any_work(tmp_path, capsys,
                                                                    read_only_folder):
    code, _, err = run(["frequencies", str(FIXTURE), "-o", str(tmp_path)], capsys)
    assert (code, err) == (2, f"discourse frequencies: the output file {tmp_path} is a folder. "
                              f"Give a file name, e.g. {tmp_path / 'frequencies.csv'}.\n")
    target = read_only_folder / "freq.csv"
    code, _, err = run(["frequencies", str(FIXTURE), "-o", str(target)], capsys)
    assert (code, err) == (2, f"discourse frequencies: cannot write {target}: permission "
                              "denied. Choose a folder you may write to.\n")


def test_stopword_files_saved_by_windows_editors_are_read(tmp_path, capsys):
    # Notepad saves as Windows-1252 ("ANSI") or UTF-16 with a byte-order mark ("Unicode")
    words = "# eigen lijst: één, navo\r\nde\r\nnavo\r\nwacht\r\néén\r\n"
    for encoding in ("cp1252", "utf-16"):
        stopwords = tmp_path / f"stop-{encoding}.txt"
        stopwords.write_bytes(words.encode(encoding))
        out = tmp_path / f"freq-{encoding}.csv"
        code, _, err = run(["frequencies", str(FIXTURE), "--stopwords", str(stopwords),
                            "-o", str(out)], capsys)
        assert code == 0, err
        terms = set(pd.read_csv(out)["term"])
        assert not terms & {"de", "navo", "wacht"} and "praat" in terms


def test_a_stopword_file_that_is_not_text_is_named(tmp_path, capsys):
    import gzip

    stopwords = tmp_path / "stop.txt"
    stopwords.write_bytes(gzip.compress(b"de\nnavo\n", mtime=0))
    code, _, err = run(["frequencies", str(FIXTURE), "--stopwords", str(stopwords),
                        "-o", str(tmp_path / "f.csv")], capsys)
    assert (code, err) == (2, f"discourse frequencies: the stopword file {stopwords}: is "
                              "compressed with gzip, not a text file. Unpack it first (e.g. "
                              "with gunzip or 7-Zip) and give the unpacked file.\n")


def test_an_ngram_size_beyond_the_bound_is_refused(capsys, tmp_path):
    from analysis.vocabulary.terms import MAX_NGRAM

    with pytest.raises(SystemExit) as stop:
        main(["frequencies", str(CORPUS_DIR), "--ngram", "300", "-o", str(tmp_path / "f.csv")])
    assert stop.value.code == 2
    assert (f"argument --ngram: expected a whole number from 1 to {MAX_NGRAM}, not '300'"
            in capsys.readouterr().err)


def test_a_long_ngram_within_the_bound_is_counted(tmp_path):
    from analysis.tokens import tokens_corpus
    from analysis.vocabulary.terms import MAX_NGRAM, _terms

    text = " ".join(f"w{i}" for i in range(MAX_NGRAM + 1))
    tokens = tokens_corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": [text]}))
    codes, starts, terms = _terms(tokens, MAX_NGRAM)
    assert starts.tolist() == [0, 1]  # two n-grams, no overflow of the integer key
    assert len(set(codes.tolist())) == 2
    with pytest.raises(ValueError, match=rf"ngram must be a whole number from 1 to {MAX_NGRAM}"):
        _terms(tokens, MAX_NGRAM + 1)


def test_keyness_on_very_many_groups_says_so(capsys, tmp_path, monkeypatch):
    from analysis.cli import vocabulary

    monkeypatch.setattr(vocabulary, "MANY_GROUPS", 3)
    code, _, err = run(["keyness", str(CORPUS_DIR), "--by", "doc_id", "--min-count", "1",
                        "-o", str(tmp_path / "k.csv")], capsys)
    assert code == 0
    assert ("note: --by doc_id has 5 groups, and keyness compares each with the rest: the "
            "table has a row per term and group") in err
    monkeypatch.setattr(vocabulary, "MANY_GROUPS", 5)
    code, _, err = run(["keyness", str(CORPUS_DIR), "-o", str(tmp_path / "k.csv")], capsys)
    assert "note: --by" not in err  # 5 outlets: not more than 5
