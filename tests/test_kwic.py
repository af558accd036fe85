"""Keyword in context and the pattern matcher, on the bundled articles.

Expected occurrences were found by reading the five articles: "Koude Oorlog" appears three
times in NRC and once each in De Morgen and NOS; words starting with "escal" are NRC's
escalatie (2x) and escalatie-scenario (2x) and de Volkskrant's escalatie.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.tokens import tokens_corpus
from analysis.vocabulary import kwic, kwic_format, kwic_match


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return corpus_load(CORPUS_DIR)


@pytest.fixture(scope="module")
def tokens(corpus) -> pd.DataFrame:
    return tokens_corpus(corpus)


def test_phrase(corpus, tokens):
    table = kwic(tokens, corpus, "koude oorlog", window=3)
    assert list(table.columns) == ["doc_id", "outlet", "sentence_id", "position", "left",
                                   "match", "right"]
    assert table["outlet"].astype(str).tolist() == ["NRC", "NRC", "NRC", "De Morgen", "NOS"]
    assert set(table["match"].astype(str)) == {"Koude Oorlog"}
    # De Morgen: "... het meest gespannen overleg gaat sinds het einde van de Koude Oorlog.
    # Zondagavond voorspelde Rjabkov na een werkdiner ..." - three words each side; the
    # period after the match is text between tokens, so it shows in the right context.
    row = table[table["outlet"] == "De Morgen"].iloc[0]
    assert (row["left"], row["match"], row["right"]) == (
        "einde van de", "Koude Oorlog", ". Zondagavond voorspelde Rjabkov")
    assert row["sentence_id"] == 4


def test_wildcard(corpus, tokens):
    table = kwic(tokens, corpus, "escal*", window=2)
    assert table["match"].astype(str).tolist() == [
        "escalatie", "escalatie", "escalatie-scenario", "escalatie-scenario", "escalatie"]
    assert table["outlet"].astype(str).tolist() == ["NRC"] * 4 + ["de Volkskrant"]
    # NRC's first sentence: "... in een poging Russische militaire escalatie in Oekraïne te
    # voorkomen ..."
    assert (table["left"].iloc[0], table["right"].iloc[0]) == ("Russische militaire",
                                                               "in Oekraïne")
    # "*" matches within a token only, and ë is not e: de-escaleren (NRC), geëscaleerd
    # (Trouw) and deëscaleert (NOS) are other words
    assert "de-escaleren" not in set(table["match"].astype(str))
    assert kwic_match(tokens, "*ëscal*")["match"].astype(str).tolist() == ["deëscaleert",
                                                                          "geëscaleerd"]


def test_question_mark_case_and_apostrophes(tokens):
    # "?" is one character: "Navo" (Trouw) and "NAVO" match "n?vo", case ignored
    assert len(kwic_match(tokens, "n?vo")) == len(kwic_match(tokens, "NAVO"))
    assert set(kwic_match(tokens, "n?vo")["match"].astype(str)) == {"NAVO", "Navo"}
    # NOS writes zo'n with a straight apostrophe; a curly one in the pattern matches it
    assert kwic_match(tokens, "zo’n")["match"].astype(str).tolist() == ["zo'n"]


def test_a_phrase_needs_adjacent_tokens():
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
                      "text": ["Na de Koude Oorlog. Oorlog, koude dagen. Koude, oorlog."]})
    table = tokens_corpus(c)
    # only the first pair: the others are split by a removed comma or period
    assert kwic_match(table, "koude oorlog")["position"].tolist() == [3]
    assert kwic_match(table, "oorlog koude")["position"].tolist() == []
    # with stopwords removed, "na de koude" cannot match: "na" and "de" are gone
    assert kwic_match(tokens_corpus(c, remove_stopwords=True), "de koude").empty


def test_window_stops_at_the_article():
    c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
                      "text": ["Sancties dreigen.", "Nu sancties"]})
    table = kwic(tokens_corpus(c), c, "sancties", window=5)
    assert table[["doc_id", "left", "match", "right"]].astype(str).values.tolist() == [
        ["a", "", "Sancties", "dreigen"], ["b", "Nu", "sancties", ""]]


def test_errors_name_the_problem(corpus, tokens):
    with pytest.raises(ValueError, match="empty"):
        kwic_match(tokens, "  ")
    with pytest.raises(ValueError, match="not in the corpus"):
        kwic(tokens, corpus.iloc[:1], "navo")
    with pytest.raises(ValueError, match="tokens_corpus"):
        kwic_match(tokens.drop(columns="token"), "navo")


@pytest.mark.parametrize("pattern", ["***", "*", "?", "* ?"])
def test_a_pattern_made_only_of_wildcards_is_refused(tokens, pattern):
    # "***" gave every token of the corpus as a match; frames refuse "*" the same way
    message = (f"the pattern {pattern!r} is made only of wildcards, which would match every "
               "token: give at least one word with a letter or digit, e.g. escal* or "
               '"* oceaan"')
    with pytest.raises(ValueError) as caught:
        kwic_match(tokens, pattern)
    assert str(caught.value) == message


def test_a_wildcard_word_in_a_phrase_stands_for_one_token():
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
                      "text": ["De Stille Oceaan en de Atlantische Oceaan. Oceaan! De federale "
                               "minister van defensie, de federale politie van Brussel."]})
    toks = tokens_corpus(c)
    assert kwic_match(toks, "* oceaan")["match"].tolist() == ["Stille Oceaan",
                                                              "Atlantische Oceaan"]
    # "Oceaan!" starts its sentence: no token before it there
    found = kwic_match(toks, "federale * van *")
    assert found["match"].tolist() == ["federale minister van defensie",
                                       "federale politie van Brussel"]
    assert kwic_match(toks, "de ? oceaan").empty
    assert kwic_match(toks, "? stille")["match"].tolist() == []
    assert kwic_match(toks, "de * oceaan")["match"].tolist() == ["De Stille Oceaan",
                                                                 "de Atlantische Oceaan"]


def test_format_aligns_the_match():
    table = pd.DataFrame({"outlet": ["NOS", "De Morgen"], "left": ["de", "het einde van de"],
                          "match": ["crisis", "Koude Oorlog"], "right": [", zegt hij", "."]})
    lines = kwic_format(table, width=12).splitlines()
    # outlet padded to 9 characters, two spaces, the left context right-aligned in 12
    # (cut to "…" + its last 11 characters), no space before closing punctuation
    assert lines == ["NOS" + " " * 6 + "  " + " " * 10 + "de [crisis], zegt hij",
                     "De Morgen  …inde van de [Koude Oorlog]."]
    assert kwic_format(table.iloc[:0]) == "(no matches)"
