"""Dutch sentences and tokens, on sentences taken from the bundled articles.

Every expected list below is written out by hand from the Dutch text: one entry per
sentence or token.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.text import abbreviations_load, tokens_tokenize
from analysis.tokens import (
    sentences_split,
    stopwords_load,
    tokens_cache_clear,
    tokens_corpus,
    tokens_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences_split(text)]


def tokens(text: str) -> list[str]:
    return [t[0] for t in tokens_tokenize(text)]


def kinds(text: str) -> dict[str, str]:
    return {t[0]: t[3] for t in tokens_tokenize(text)}


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return corpus_load(CORPUS_DIR)


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize("abbreviation", ["o.a.", "bijv.", "dhr.", "mr.", "drs.", "ca.", "nr.",
                                          "red.", "enz.", "e.d."])
def test_listed_abbreviations_do_not_end_a_sentence(abbreviation):
    text = f"Rusland eist {abbreviation} garanties van de NAVO. De VS weigeren dat."
    assert sentences(text) == [f"Rusland eist {abbreviation} garanties van de NAVO.",
                               "De VS weigeren dat."]


def test_abbreviations_ship_as_a_data_file():
    listed = abbreviations_load()
    assert {"o.a", "bijv", "dhr", "mr", "drs", "ca", "nr", "red", "enz", "e.d"} <= listed


def test_red_in_brackets_does_not_end_the_sentence():
    # de Volkskrant, last paragraph
    text = ("‘Ik hoop dat niet iedereen op het ministerie van Buitenlandse Zaken (daarmee, "
            "red.) bezig was en er ook nog een paar mensen aan onze (...) voorstellen "
            "werken’, aldus Lavrov. Moskou wacht af.")
    assert sentences(text) == [text[: text.index(" Moskou")], "Moskou wacht af."]


def test_abbreviated_month_in_a_date_does_not_end_the_sentence():
    # Trouw: "Dit overlegorgaan kwam voor het eerst sinds juli 2019 bijeen.", month abbreviated
    text = "Dit overlegorgaan kwam op 6 jul. 2019 bijeen. Donderdag komt de crisis aan de orde."
    assert sentences(text) == ["Dit overlegorgaan kwam op 6 jul. 2019 bijeen.",
                               "Donderdag komt de crisis aan de orde."]


def test_a_year_at_the_end_ends_the_sentence():
    # NRC: the sentence ends with a year, the next starts with a capital
    text = ("De NAVO stuurde juist militairen naar de Baltische staten als antwoord op de "
            "annexatie van de Krim in 2014. Van de VS eist Rusland dat nucleaire wapens "
            "uit Europa verdwijnen.")
    assert len(sentences(text)) == 2


def test_question_marks_closing_quotes_and_headings():
    # NOS opening; Trouw's closing quote after the period; NRC's heading on its own line
    assert sentences("Wat is het programma van deze week? Vandaag is er in Genève overleg.") \
        == ["Wat is het programma van deze week?", "Vandaag is er in Genève overleg."]
    text = ("maar ook van ‘verschillen die moeilijk te overbruggen zijn.’ Dit overlegorgaan "
            "kwam voor het eerst sinds juli 2019 bijeen.")
    assert sentences(text) == [
        "maar ook van ‘verschillen die moeilijk te overbruggen zijn.’",
        "Dit overlegorgaan kwam voor het eerst sinds juli 2019 bijeen."]
    assert sentences("Keiharde garanties\n\nNu wil Rusland garanties.") == [
        "Keiharde garanties", "Nu wil Rusland garanties."]


def test_tokens_sentences_numbers_sentences_per_article():
    c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                      "text": ["Eén. Twee? Drie!", "Vier."]})
    table = tokens_sentences(c)
    assert table[["doc_id", "sentence_id", "sentence"]].astype(str).values.tolist() == [
        ["a", "1", "Eén."], ["a", "2", "Twee?"], ["a", "3", "Drie!"], ["b", "1", "Vier."]]
    assert table[["start", "end"]].values.tolist() == [[0, 4], [5, 10], [11, 16], [0, 5]]


# --------------------------------------------------------------------------- overlong paragraphs

#: Three sentences (95 characters with the joining space) for paragraphs of any length.
PASSAGE = ("De NAVO sprak in Genève. Rusland eiste garanties, o.a. over Oekraïne. "
           "Daarna volgden sancties.")


def test_a_long_paragraph_stays_within_nltks_time_limit(monkeypatch):
    # NLTK stops a regular-expression scan after DEFAULT_TIMEOUT seconds of wall-clock time.
    # Punkt scanned a whole paragraph in one go: a paragraph of 20 MB took longer than the
    # 5 s limit and raised TimeoutError; here a paragraph of 1 MB (about five seconds of
    # Punkt) under a limit of 0.5 s.
    import nltk.redos

    monkeypatch.setattr(nltk.redos, "DEFAULT_TIMEOUT", 0.5)
    repeats = 1_000_000 // (len(PASSAGE) + 1) + 1
    text = " ".join([PASSAGE] * repeats)
    spans = sentences_split(text)
    assert len(spans) == 3 * repeats
    assert [text[a:b] for a, b in spans[-3:]] == [
        "De NAVO sprak in Genève.", "Rusland eiste garanties, o.a. over Oekraïne.",
        "Daarna volgden sancties."]


def test_a_paragraph_read_in_pieces_gets_punkts_own_sentences(corpus, monkeypatch):
    import analysis.tokens.sentences as tokens_module

    paragraph = " ".join(corpus["text"].str.replace("\n", " "))
    whole = sentences_split(paragraph)
    assert len(paragraph) == 19_761 and len(whole) == 145
    # the longest sentence has 324 characters: pieces from 560 characters (a margin of
    # 140) see every sentence end with the words after it
    for size in (560, 777, 1_000, 4_096):
        monkeypatch.setattr(tokens_module, "PIECE_CHARS", size)
        assert sentences_split(paragraph) == whole


def test_a_stretch_without_a_sentence_end_is_cut_at_white_space(monkeypatch):
    import analysis.tokens.sentences as tokens_module

    monkeypatch.setattr(tokens_module, "PIECE_CHARS", 100)
    text = " ".join(["woord"] * 60)
    # a piece of 100 characters ends inside the 17th word: it is cut before that word
    assert [len(s.split()) for s in sentences(text)] == [16, 16, 16, 12]
    assert " ".join(sentences(text)) == text


# --------------------------------------------------------------------------- tokens


def test_hyphenated_compounds_stay_one_token():
    # NOS: "de NAVO-Rusland Raad"; De Morgen: "uit Oost-Europa"; NRC: "om te de-escaleren"
    assert tokens("In 2002 werd de NAVO-Rusland Raad opgericht.") == [
        "In", "2002", "werd", "de", "NAVO-Rusland", "Raad", "opgericht", "."]
    assert tokens("dat de NAVO zich terugtrekt uit Oost-Europa,") == [
        "dat", "de", "NAVO", "zich", "terugtrekt", "uit", "Oost-Europa", ","]
    assert tokens("van plan is om te de-escaleren.") == [
        "van", "plan", "is", "om", "te", "de-escaleren", "."]


def test_elided_forms_stay_whole():
    # NRC: "Na ’91 is de NAVO uitgegroeid"; NOS: "zo'n systeem"
    assert tokens("Na ’91 is de NAVO uitgegroeid") == ["Na", "’91", "is", "de", "NAVO",
                                                        "uitgegroeid"]
    assert tokens("dat ze ook zo'n systeem willen?") == ["dat", "ze", "ook", "zo'n", "systeem",
                                                          "willen", "?"]
    assert tokens("’s avonds en 's nachts") == ["’s", "avonds", "en", "'s", "nachts"]
    assert kinds("Na ’91 is het ’s avonds")["’91"] == "number"  # an elided year
    assert kinds("Na ’91 is het ’s avonds")["’s"] == "word"


def test_numbers_are_tokens_of_kind_number():
    # de Volkskrant: "een aantal van de 127 duizend Russische militairen"; the corpus date
    found = tokens_tokenize("een aantal van de 127 duizend Russische militairen in 2022-01 "
                            "voor 3,5 procent")
    assert [(t, k) for t, _, _, k in found if k == "number"] == [
        ("127 duizend", "number"), ("2022-01", "number"), ("3,5", "number")]


def test_quotes_dashes_and_ellipses_are_punctuation():
    # NRC: „lang en moeizaam, maar goed gesprek”; Trouw: ‘de-escalatie’ and "Rusland – dat";
    # de Volkskrant: "onze (...) voorstellen"
    text = ("een „lang en moeizaam, maar goed gesprek” tot ‘de-escalatie’ – nu — en \"Er kan\" "
            "aan onze (...) voorstellen…")
    punct = [t for t, _, _, k in tokens_tokenize(text) if k == "punct"]
    assert punct == ["„", ",", "”", "‘", "’", "–", "—", '"', '"', "(", "...", ")", "…"]
    assert "de-escalatie" in tokens(text)


def test_every_token_points_at_its_text(corpus):
    for text in corpus["text"]:
        for token, start, end, _ in tokens_tokenize(text):
            assert text[start:end] == token


# --------------------------------------------------------------------------- token table


def test_token_table_columns_positions_and_sentences():
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
                      "text": ["De NAVO wacht. Rusland, zegt men, eist 127 duizend."]})
    table = tokens_corpus(c)
    assert list(table.columns) == ["doc_id", "outlet", "sentence_id", "position", "token",
                                   "norm", "kind", "start", "end"]
    # positions count every token, punctuation included: De 1, NAVO 2, wacht 3, "." 4,
    # Rusland 5, "," 6, zegt 7, men 8, "," 9, eist 10, "127 duizend" 11, "." 12
    assert table["norm"].astype(str).tolist() == ["de", "navo", "wacht", "rusland", "zegt",
                                                  "men", "eist", "127 duizend"]
    assert table["position"].tolist() == [1, 2, 3, 5, 7, 8, 10, 11]
    assert table["sentence_id"].tolist() == [1, 1, 1, 2, 2, 2, 2, 2]
    assert table["kind"].astype(str).tolist()[-1] == "number"


def test_token_table_options():
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
                      "text": ["De militairen wachten ’s avonds, in 2022."]})
    kept = tokens_corpus(c, lowercase=False, remove_punct=False)
    assert kept["norm"].astype(str).tolist() == ["De", "militairen", "wachten", "’s", "avonds",
                                                 ",", "in", "2022", "."]
    no_numbers = tokens_corpus(c, remove_numbers=True)
    assert "2022" not in no_numbers["norm"].astype(str).tolist()
    # the shipped list removes de, in and the curly ’s as well as the straight 's
    content = tokens_corpus(c, remove_stopwords=True)
    assert content["norm"].astype(str).tolist() == ["militairen", "wachten", "avonds", "2022"]
    # Snowball Dutch stems: militairen -> militair, wachten -> wacht, avonds -> avond
    stems = tokens_corpus(c, remove_stopwords=True, stem=True)
    assert stems["norm"].astype(str).tolist() == ["militair", "wacht", "avond", "2022"]
    assert stems["token"].astype(str).tolist() == ["militairen", "wachten", "avonds", "2022"]


def test_stopwords_can_come_from_a_user_file(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("# eigen lijst\nmilitairen\n", encoding="utf-8")
    assert stopwords_load(path) == frozenset({"militairen"})
    c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["De militairen wachten."]})
    table = tokens_corpus(c, remove_stopwords=True, stopwords=path)
    assert table["norm"].astype(str).tolist() == ["de", "wachten"]
    listed = tokens_corpus(c, remove_stopwords=True, stopwords=["De"])
    assert listed["norm"].astype(str).tolist() == ["militairen", "wachten"]


def test_decomposed_text_is_normalised_to_nfc():
    nfc = "Het overleg in Genève is geëscaleerd."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    def make(text):
        return pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]})

    table = tokens_corpus(make(nfd))
    assert table["token"].astype(str).tolist() == ["Het", "overleg", "in", "Genève", "is",
                                                   "geëscaleerd"]
    assert table[["start", "end"]].values.tolist() == \
        tokens_corpus(make(nfc))[["start", "end"]].values.tolist()


def test_an_invisible_character_in_one_of_several_nfc_texts_is_removed():
    c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
                      "text": ["Gewoon een zin.", "De sanc\u00adties\u200b gelden."]})
    table = tokens_corpus(c)
    assert table["token"].astype(str).tolist() == ["Gewoon", "een", "zin", "De", "sancties",
                                                   "gelden"]
    assert table[["start", "end"]].values.tolist()[-2:] == [[3, 11], [12, 18]]


def test_the_table_is_cached_and_not_shared(corpus):
    tokens_cache_clear()
    first = tokens_corpus(corpus)
    second = tokens_corpus(corpus)
    pd.testing.assert_frame_equal(first, second)
    second["position"] = 0  # changing a returned table leaves the cached one intact
    assert (tokens_corpus(corpus)["position"] > 0).all()


def test_the_bundled_corpus_in_numbers(corpus):
    table = tokens_corpus(corpus)
    # Articles hold 1,033 (NRC), 367 (De Morgen), 833 (NOS), 318 (Trouw) and 468
    # (de Volkskrant) word and number tokens: the word counts of corpus_summary.
    from analysis.corpus import corpus_summary

    words = corpus_summary(corpus).set_index("outlet")["words"]
    per_outlet = table.groupby("outlet", observed=True).size()
    for outlet, n in per_outlet.items():
        assert n == words[outlet]


def test_worker_processes_give_the_tables_of_one_process(corpus, monkeypatch):
    import analysis.tokens.corpus_tables as tokens_module

    tokens_cache_clear()
    alone = (tokens_sentences(corpus, progress=False), tokens_corpus(corpus, progress=False))
    tokens_cache_clear()
    # every article its own chunk (the shortest has over 2,000 characters), in processes
    monkeypatch.setattr(tokens_module, "PARALLEL_CHARS", 1)
    monkeypatch.setattr(tokens_module, "_CHUNK_CHARS", 1)
    try:
        shared = (tokens_sentences(corpus, progress=False),
                  tokens_corpus(corpus, progress=False))
    finally:
        tokens_cache_clear()
    pd.testing.assert_frame_equal(shared[0], alone[0])
    pd.testing.assert_frame_equal(shared[1], alone[1])
    assert shared[1]["doc_id"].nunique() == 5


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=6), unique=True, max_size=40))
def test_the_types_are_sorted_as_python_sorts_them(strings):
    from analysis.tokens.corpus_tables import _string_order

    array = np.array(strings, dtype=object)
    assert array[_string_order(array)].tolist() == sorted(strings)
    with_surrogate = np.array(strings + ["\ud800"], dtype=object)  # no UTF-8 form
    assert with_surrogate[_string_order(with_surrogate)].tolist() == sorted(
        strings + ["\ud800"])


def test_article_columns_laid_out_per_article_or_gathered_row_by_row():
    from analysis.tokens.corpus_tables import _doc_columns

    c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", None, "Y"]})
    # rows of articles 0, 0, 2, 2, 2 (b has none); the third and fifth removed
    docs = np.array([0, 0, 2, 2, 2])
    keep = np.array([True, True, False, True, False])
    every = _doc_columns(c, docs)
    assert every["doc_id"].astype(str).tolist() == ["a", "a", "c", "c", "c"]
    kept = _doc_columns(c, docs, keep=keep)
    assert kept["doc_id"].astype(str).tolist() == ["a", "a", "c"]
    assert kept["outlet"].astype(str).tolist() == ["X", "X", "Y"]
    assert kept["doc_id"].categories.tolist() == ["a", "b", "c"]
    # rows not in article order (a stored table edited by hand) are gathered one by one
    shuffled = _doc_columns(c, np.array([2, 0, 2]), keep=np.array([True, False, True]))
    assert shuffled["doc_id"].astype(str).tolist() == ["c", "c"]


def test_chunk_arrays_are_sent_back_as_32_bit_integers_where_they_fit():
    from analysis.tokens.corpus_tables import _narrow

    part = ((np.array([0, 5], dtype=np.int64), np.array([1, 2], dtype=np.int32)),
            (np.array([2**31], dtype=np.int64), np.zeros(0, dtype=np.int64),
             np.array(["a"], dtype=object)))
    narrow = _narrow(part)
    assert [v.dtype for v in narrow[0]] == [np.int32, np.int32]
    assert narrow[0][0].tolist() == [0, 5]
    assert [v.dtype for v in narrow[1][:2]] == [np.int64, np.int64]
    assert narrow[1][2].to_pylist() == ["a"]  # the forms: one Arrow array
    # a form without a UTF-8 form (a lone surrogate) stays a Python string
    odd = _narrow(((), (np.array(["a", "\ud800"], dtype=object),)))
    assert odd[1][0].dtype == object


def test_the_vocabulary_of_chunks_with_and_without_a_utf8_form():
    import pyarrow as pa

    from analysis.tokens.corpus_tables import _vocabulary

    codes, distinct = _vocabulary([pa.array(["zo", "ja"]), pa.array(["ja", "nee"])])
    assert (codes.tolist(), distinct.tolist()) == ([0, 1, 1, 2], ["zo", "ja", "nee"])
    codes, distinct = _vocabulary([pa.array(["zo"]), np.array(["\ud800", "zo"], dtype=object)])
    assert (codes.tolist(), distinct.tolist()) == ([0, 1, 0], ["zo", "\ud800"])
    codes, distinct = _vocabulary([])
    assert (len(codes), len(distinct)) == (0, 0)


def test_tables_joined_from_chunks_are_those_of_one_chunk(monkeypatch):
    import analysis.tokens.corpus_tables as tokens_module

    c = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["X", "Y", None, "X"],
                      "text": ["Eén zin. Nog één!", "", "... !", "Zo'n 127 duizend, o.a. hier."]})
    tokens_cache_clear()
    whole = [tokens_corpus(c, **o) for o in ({}, {"remove_punct": False})]
    sentences = tokens_sentences(c)
    tokens_cache_clear()
    monkeypatch.setattr(tokens_module, "_CHUNK_CHARS", 1)  # every article its own chunk
    try:
        chunked = [tokens_corpus(c, **o) for o in ({}, {"remove_punct": False})]
        pd.testing.assert_frame_equal(tokens_sentences(c), sentences)
    finally:
        tokens_cache_clear()
    for one, other in zip(whole, chunked, strict=True):
        pd.testing.assert_frame_equal(one, other)
    # c holds punctuation only: no row once punctuation is removed
    assert chunked[0]["doc_id"].astype(str).tolist() == ["a"] * 4 + ["d"] * 4
    assert chunked[1]["start"].dtype == np.int64


def test_columns_joined_as_chunks_come_in_grow_past_their_first_estimate():
    from analysis.tokens.corpus_tables import _Columns

    # 100 characters in all; the first chunk (50 characters) has 1 row, so the first room
    # is for some 2 rows + 16; the second chunk's 40 rows need more
    columns = _Columns((np.int64, np.int32), 100)
    columns.add((np.array([0], dtype=np.int32), np.array([7])), 50, first=0)
    first_room = len(columns.columns[0])
    columns.add((np.arange(40, dtype=np.int32) // 10, np.arange(40)), 50, first=1)
    assert first_room < 41
    docs, values = columns.done()
    assert docs.dtype == np.int64 and values.dtype == np.int32
    assert docs.tolist() == [0] + [1 + i // 10 for i in range(40)]
    assert values.tolist() == [7, *range(40)]
    assert docs.flags.owndata and len(docs) == 41
