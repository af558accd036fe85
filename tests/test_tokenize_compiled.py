"""The compiled engine gives the reference engine's sentences and tokens, value for value:
on hand-made cases, on arbitrary text (hypothesis) and on the bundled corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis.tokens.sentences as tokens_module
from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.tokens import sentences_split, tokens_cache_clear, tokens_corpus, tokens_sentences
from analysis.tokens.compiled import tokens_of_texts
from analysis.tokens.corpus_tables import (
    _doc_worker_compiled,
    _doc_worker_python,
    _sentences_compiled,
)
from analysis.tokens.punkt import CLOSING, PunktBulk
from analysis.tokens.sentences import _punkt

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

#: Words and marks where the two engines could part: abbreviations and initials, elided
#: forms, numbers with and without a number word, compounds with every hyphen, quotes,
#: brackets, dashes and ellipses, Unicode letters and digits.
NASTY = ["o.a.", "dhr.", "Dhr.", "jan.", "e.d.", "bijv.", "nr.", "ca.", "J.", "A.B.", "St.",
         "'s", "’s", "’91", "'t", "’t", "'n", "zo'n", "zo’n", "d'r", "’s-Hertogenbosch",
         "3,5", "2022-01", "10.000", "127", "12.", "1.", "3", "’22", "٣", "²",
         "duizend", "Duizend", "miljoen", "miljard", "biljoen", "honderd", "duizenden",
         "duizend-tal", "duizend.", "127 duizend", "3,5 miljoen", "2 Honderd", "1 duizenden",
         "12\u00a0miljard", "4 duizend-", "9 biljoen’s", "NAVO-Rusland", "de-escaleren",
         "EU‑sancties", "Sovjet‐Unie", "Oekraïne", "Ελλάδα", "İstanbul", "straße", "ǅemal",
         "„", "”", "“", "‘", "’", "'", '"', "«", "»", "(", ")", "[", "]", "{", "}",
         "—", "–", "-", "--", "...", "..", "…", ". . .", ".", ",", ";", ":", "?", "!", "!!!",
         "?!", ".)", ".”", 'tijd."', "hij!)", "nu?”", "jan.»", "dat.’", "(Ja.)", "wel.'",
         "o.a.]", "*", "@", "&", "#", "%", "/",
         "zo", "Zo", "st", "ST", "x", "De", "de", "NAVO", "Rusland", "eist", "garanties",
         "Poetin", "zei", "dat", "het"]
SEPARATORS = [" ", " ", " ", "", "  ", "\n", "\n\n", "\t", "\u00a0", "\r\n", " \n ",
              "\u2028", "\u3000", "\x1c"]
PIECE = st.one_of(st.sampled_from(NASTY), st.sampled_from(NASTY),
                  st.text(st.characters(codec="utf-8"), max_size=6))
NASTY_TEXT = st.lists(st.tuples(PIECE, st.sampled_from(SEPARATORS)), min_size=5,
                      max_size=80).map(
    lambda parts: "".join(a + b for a, b in parts))
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)
TEXT = st.one_of(NASTY_TEXT, NASTY_TEXT, NASTY_TEXT, ANY_TEXT)


def tables(worker, texts):
    """The worker's result with every array as a list and tokens as strings."""
    (s_docs, s_ids, s_starts, s_ends), (docs, sids, pos, codes, uniques, starts, ends,
                                        kinds) = worker(texts)
    arrays = dict(s_docs=s_docs, s_ids=s_ids, s_starts=s_starts, s_ends=s_ends, docs=docs,
                  sids=sids, pos=pos, starts=starts, ends=ends, kinds=kinds)
    out = {name: (a.dtype.str, a.tolist()) for name, a in arrays.items()}
    out["tokens"] = [uniques[c] for c in codes.tolist()]
    assert len(set(uniques.tolist())) == len(uniques)
    return out


def compiled(texts):
    return _doc_worker_compiled(texts, _sentences_compiled)


# --------------------------------------------------------------------------- by hand


def test_numbers_with_a_number_word_across_a_space():
    texts = ["Zo'n 127 duizend militairen, 3,5 miljoen.", "5 duizenden 2 duizend-tal",
             "10\u00a0miljard 4 Honderd! 7 duizend’s"]
    docs, starts, ends, kinds, codes, forms = tokens_of_texts(texts)
    assert [forms[c] for c in codes] == [
        "Zo'n", "127 duizend", "militairen", ",", "3,5 miljoen", ".",
        "5", "duizenden", "2", "duizend-tal",
        "10\u00a0miljard", "4 Honderd", "!", "7 duizend", "’", "s"]
    assert docs.tolist() == [0] * 6 + [1] * 4 + [2] * 6
    assert kinds.tolist() == [0, 1, 0, 2, 1, 2, 1, 0, 1, 0, 1, 1, 2, 1, 2, 0]
    assert [texts[d][a:b] for d, a, b in zip(docs, starts, ends, strict=True)] == [
        forms[c] for c in codes]
    assert tables(compiled, texts) == tables(_doc_worker_python, texts)


def test_a_chain_of_numbers_and_number_words_is_read_as_one_stretch():
    text = "Eerst 5 duizend,5 miljoen 6 miljard en 1 2 honderd."
    docs, starts, ends, kinds, codes, forms = tokens_of_texts([text])
    assert [forms[c] for c in codes] == ["Eerst", "5 duizend", ",", "5 miljoen",
                                         "6 miljard", "en", "1", "2 honderd", "."]


def test_texts_are_cut_at_line_breaks_too():
    """Between two spaces may stand several lines ("eind.\\n\\nBegin"): each line is cut
    on its own, and a number and a number word on two lines stay two tokens."""
    import analysis.tokens.compiled as engine

    engine._PIECES.clear()
    texts = ["Het eind.\n\nBegin (iets).\n\n„Zo'n 5\n\nduizend 5\nduizend",
             "bijv.\nNu jan.\n\n‘Ja’.\n\n„Nee”,\nx-y.\n\n127 duizend.\n\n12\u00a0miljard\n"
             "\n\nDe\r\n\r\nNAVO-top?\n\n„Wat\n"]
    docs, starts, ends, kinds, codes, forms = tokens_of_texts(texts[:1])
    assert [forms[c] for c in codes] == ["Het", "eind", ".", "Begin", "(", "iets", ")", ".",
                                         "„", "Zo'n", "5", "duizend", "5", "duizend"]
    assert starts.tolist() == [0, 4, 8, 11, 17, 18, 22, 23, 26, 27, 32, 35, 43, 45]
    assert kinds.tolist() == [0, 0, 2, 0, 2, 0, 2, 2, 2, 0, 1, 0, 1, 0]
    assert tables(compiled, texts) == tables(_doc_worker_python, texts)
    # cut by Python where a text has no UTF-8 form (a lone surrogate), at the same places
    odd = [text.replace("Begin", "Be\ud800gin") for text in texts]
    assert tables(compiled, odd) == tables(_doc_worker_python, odd)
    engine._PIECES.clear()

def test_empty_and_blank_texts():
    texts = ["", "   ", "\n\n", "Eén.", ""]
    assert tables(compiled, texts) == tables(_doc_worker_python, texts)
    assert tables(compiled, texts)["docs"] == ("<i8", [3, 3])


def test_a_text_with_a_lone_surrogate_is_cut_without_pyarrow():
    texts = ["Een \ud800 teken. Zo'n 127 duizend\ud800.", "Gewoon  twee  spaties."]
    assert tables(compiled, texts) == tables(_doc_worker_python, texts)
    docs, starts, ends, kinds, codes, forms = tokens_of_texts(texts)
    assert [forms[c] for c in codes] == ["Een", "\ud800", "teken", ".", "Zo'n",
                                         "127 duizend", "\ud800", ".", "Gewoon", "twee",
                                         "spaties", "."]


def test_the_realignment_characters_are_those_of_punkts_pattern():
    pattern = _punkt(frozenset())._lang_vars.re_boundary_realignment
    starting = {chr(i) for i in range(0x3000) if pattern.match(chr(i) + " ")}
    assert starting == set(CLOSING)


def test_punkt_bulk_gives_punkts_spans_and_remembers_irregular_contexts():
    punkt = _punkt(frozenset({"dhr", "o.a"}))
    bulk = PunktBulk(frozenset({"dhr", "o.a"}))
    text = ('Dhr. Rjabkov kwam o.a. "op tijd." (Daarna sprak hij!) Wat nu?! J. S. Bach '
            'speelde... en 12. ging door.  ')
    assert bulk.span_tokenize(text) == list(punkt.span_tokenize(text))
    assert [text[a:b] for a, b in bulk.span_tokenize(text)] == [
        'Dhr. Rjabkov kwam o.a. "op tijd."', "(Daarna sprak hij!)", "Wat nu?!",
        "J. S. Bach speelde... en 12. ging door."]
    assert "speelde... en" in bulk._contexts  # an ellipsis: read by Punkt's own rules
    assert bulk._words["Dhr"] == 1  # a known abbreviation


# --------------------------------------------------------------------------- properties


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_both_engines_give_the_same_tokens_and_sentences(texts):
    assert tables(compiled, texts) == tables(_doc_worker_python, texts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(min_value=40, max_value=400))
def test_both_engines_read_long_paragraphs_in_the_same_pieces(text, piece):
    paragraph = text.replace("\n", " ") * 6
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tokens_module, "PIECE_CHARS", piece)
        assert (sentences_split(paragraph, engine="compiled")
                == sentences_split(paragraph, engine="python"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_both_engines_with_a_users_abbreviations(texts):
    for text in texts:
        assert (sentences_split(text, abbreviations=["st", "zo"], engine="compiled")
                == sentences_split(text, abbreviations=["st", "zo"], engine="python"))


# --------------------------------------------------------------------------- corpora


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return corpus_load(CORPUS_DIR)


def test_both_engines_give_the_same_tables_on_the_bundled_corpus(corpus, monkeypatch):
    result = {}
    for engine in ("python", "compiled"):
        monkeypatch.setattr(tokens_module, "ENGINE", engine)
        tokens_cache_clear()
        result[engine] = (tokens_sentences(corpus, progress=False),
                          tokens_corpus(corpus, remove_punct=False, progress=False),
                          tokens_corpus(corpus, remove_stopwords=True, stem=True,
                                        progress=False))
    tokens_cache_clear()
    for ours, reference in zip(result["compiled"], result["python"], strict=True):
        pd.testing.assert_frame_equal(ours, reference)
    assert len(result["compiled"][1]) > 3000


def test_a_paragraph_longer_than_a_piece_on_the_bundled_corpus(corpus):
    # every article as one paragraph of over PIECE_CHARS characters
    text = " ".join(corpus["text"]).replace("\n", " ")
    text = (text + " ") * (tokens_module.PIECE_CHARS // len(text) + 2)
    assert len(text) > 2 * tokens_module.PIECE_CHARS
    ours = sentences_split(text, engine="compiled")
    assert ours == sentences_split(text, engine="python")
    assert np.all(np.diff(np.asarray(ours)[:, 0]) > 0)


def test_the_pieces_seen_are_forgotten_past_the_limit(corpus, monkeypatch):
    from analysis.tokens import compiled as tokenize_compiled

    texts = corpus["text"].tolist()
    reference = tables(_doc_worker_python, texts)
    monkeypatch.setattr(tokenize_compiled._Pieces, "LIMIT", 50)
    tokenize_compiled._PIECES.clear()
    assert tables(compiled, texts[:2]) == tables(_doc_worker_python, texts[:2])
    assert tables(compiled, texts) == reference
    # started afresh: only the pieces of the last call are kept
    assert set(tokenize_compiled._PIECES.ids) == {
        p for t in texts for line in t.split("\n") for p in line.split(" ") if p}
    tokenize_compiled._PIECES.clear()


def test_an_unknown_engine_is_named():
    with pytest.raises(ValueError, match="unknown tokenizing engine 'rust'"):
        sentences_split("Eén. Twee.", engine="rust")


def test_threads_tokenising_at_once_get_what_one_thread_gets(corpus):
    """Threads (a Dask worker's, a notebook's) share the registry of pieces: each text
    gets the tokens it gets alone, also while the registry grows and is cleared."""
    import threading

    import analysis.tokens.compiled as compiled

    texts = [[f"{text} {n}{n}x stuk{n}" for text in corpus["text"]] for n in range(8)]
    compiled._PIECES.clear()
    alone = [tokens_of_texts(t) for t in texts]
    compiled._PIECES.clear()
    barrier, results = threading.Barrier(len(texts)), {}

    def work(n):
        barrier.wait()
        for _ in range(5):
            results[n] = tokens_of_texts(texts[n])

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n, expected in enumerate(alone):
        got = results[n]
        for a, b in zip(got[:4], expected[:4], strict=True):
            np.testing.assert_array_equal(a, b)
        assert [got[5][c] for c in got[4]] == [expected[5][c] for c in expected[4]]
