"""``discourse search``: named queries over a corpus file, the summary, and mistakes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "corpus.csv"
    pd.DataFrame({
        "doc_id": ["a", "b", "c"], "outlet": ["NOS", "NOS", "AD"],
        "date": ["2022-01-10", "2022-02-11", "2022-02-12"],
        "title": ["Sancties tegen Rusland", "", ""],
        "text": ["Poetin zweeg. Geen sancties.", "De NAVO en Rusland praten.",
                 "Er is geen oorlog."],
    }).to_csv(path, index=False)
    return path


def test_search_writes_one_row_per_article_and_query(tmp_path, corpus_file, capsys):
    queries = tmp_path / "q.txt"
    queries.write_text("# mijn zoekvragen\nrusland# rusland OR poetin\n", encoding="utf-8")
    out, summary = tmp_path / "hits.csv", tmp_path / "sum.csv"
    code = main(["search", str(corpus_file), "--query", "sancties=sanctie* w/s poetin",
                 "--query", "nato=navo OR nato", "--queries", str(queries),
                 "-o", str(out), "--summary", str(summary), "--by", "outlet"])
    assert code == 0, capsys.readouterr().err
    table = pd.read_csv(out)
    assert list(table.columns) == ["doc_id", "outlet", "date", "title", "query", "hits",
                                   "units", "negated"]
    assert table[["query", "doc_id", "hits", "negated"]].values.tolist() == [
        ["rusland", "a", 2, 0], ["rusland", "b", 1, 0], ["nato", "b", 1, 0]]
    sums = pd.read_csv(summary)
    assert sums[["query", "outlet", "articles", "found", "hits"]].values.tolist() == [
        ["rusland", "NOS", 2, 2, 3], ["rusland", "AD", 1, 0, 0],
        ["sancties", "NOS", 2, 0, 0], ["sancties", "AD", 1, 0, 0],
        ["nato", "NOS", 2, 1, 1], ["nato", "AD", 1, 0, 0]]


def test_scope_sentence(tmp_path, corpus_file):
    out = tmp_path / "hits.csv"
    assert main(["search", str(corpus_file), "--query", "q=sancties AND poetin",
                 "-o", str(out)]) == 0
    assert pd.read_csv(out)["doc_id"].tolist() == ["a"]
    assert main(["search", str(corpus_file), "--query", "q=sancties AND poetin",
                 "--scope", "sentence", "-o", str(out)]) == 0
    assert pd.read_csv(out)["doc_id"].tolist() == []


def test_negated_hits_are_counted(tmp_path, corpus_file):
    out = tmp_path / "hits.csv"
    assert main(["search", str(corpus_file), "--query", "q=oorlog OR sancties",
                 "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert table[["doc_id", "hits", "negated"]].values.tolist() == [["a", 2, 1], ["c", 1, 1]]


@pytest.mark.parametrize("query, message", [
    ("bad=(navo OR nato", "discourse search: query 'bad', column 14: ')' expected"),
    ("bad=lemmma:oorlog", "discourse search: query 'bad', column 1: unknown field 'lemmma'; "
     "did you mean 'lemma'?"),
])
def test_a_malformed_query_is_one_line_and_exit_2(tmp_path, corpus_file, capsys, query,
                                                   message):
    code = main(["search", str(corpus_file), "--query", query, "-o", str(tmp_path / "x.csv")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.strip() == message
    assert "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


def test_a_bad_line_of_a_queries_file_is_named(tmp_path, corpus_file, capsys):
    queries = tmp_path / "q.txt"
    queries.write_text("goed# navo\nslecht# navo AND\n", encoding="utf-8")
    code = main(["search", str(corpus_file), "--queries", str(queries),
                 "-o", str(tmp_path / "x.csv")])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("q.txt, line 2: query 'slecht', column 9: a word, a phrase or '(' "
                        "expected")


def test_no_query_given(tmp_path, corpus_file, capsys):
    assert main(["search", str(corpus_file), "-o", str(tmp_path / "x.csv")]) == 2
    assert "give at least one --query" in capsys.readouterr().err
