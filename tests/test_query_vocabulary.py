"""Lemmas in the vocabulary commands (``--unit lemma``) and search strings in ``kwic``."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main
from analysis.query.kwic import query_kwic
from analysis.query.lemma import tokens_lemmatise
from analysis.tokens import tokens_corpus
from analysis.vocabulary import textstat_frequency

CORPUS = pd.DataFrame({
    "doc_id": ["a", "b"], "outlet": ["NOS", "AD"],
    "text": ["Oorlogen en een oorlog. Geen sancties tegen Rusland.",
             "De oorlog duurt. Nieuwe sancties, zegt Rusland, komen er niet."]})


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "c.csv"
    CORPUS.to_csv(path, index=False)
    return path


def test_frequencies_of_lemmas():
    counts = textstat_frequency(tokens_lemmatise(tokens_corpus(CORPUS)))
    assert counts.groupby("term")["count"].sum()["oorlog"] == 3
    assert "oorlogen" not in set(counts["term"])
    words = textstat_frequency(tokens_corpus(CORPUS)).groupby("term")["count"].sum()
    assert (words["oorlog"], words["oorlogen"]) == (2, 1)


def test_frequencies_command_unit_lemma(tmp_path, corpus_file):
    out = tmp_path / "f.csv"
    assert main(["frequencies", str(corpus_file), "--unit", "lemma", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert table.groupby("term")["count"].sum()["oorlog"] == 3
    assert main(["frequencies", str(corpus_file), "--unit", "lemma", "--stem",
                 "-o", str(out)]) == 2


def test_query_kwic():
    table = query_kwic(CORPUS, {"s": "sancties w/3 rusland"}, window=1)
    assert table[["doc_id", "left", "match", "right", "negated"]].values.tolist() == [
        ["a", "Geen", "sancties", "tegen", True], ["a", "tegen", "Rusland", "", True],
        ["b", "Nieuwe", "sancties", ", zegt", False], ["b", "zegt", "Rusland", ", komen",
                                                      False]]


def test_kwic_command_with_a_query(tmp_path, corpus_file, capsys):
    out = tmp_path / "k.csv"
    assert main(["kwic", str(corpus_file), "--query", "o=lemma:oorlog", "--window", "1",
                 "-o", str(out)]) == 0
    assert pd.read_csv(out)["match"].tolist() == ["Oorlogen", "oorlog", "oorlog"]
    assert main(["kwic", str(corpus_file), "oorlog", "--query", "oorlog"]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["kwic", str(corpus_file), "--query", "bad=(oorlog"]) == 2
    assert capsys.readouterr().err.strip() == (
        "discourse kwic: query 'bad', column 8: ')' expected")
