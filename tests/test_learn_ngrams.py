"""The classifier's character, word and lemma features, each distinct word analysed once,
are scikit-learn's own."""

from __future__ import annotations

import numpy as np

from analysis.corpus import corpus_load
from analysis.learn.ngrams import (
    char_wb_transform,
    lemma_transform,
    plain_words,
    texts_words,
    word_transform,
)
from analysis.paths import CORPUS_DIR
from analysis.sentiment.model import sentiment_model_load
from analysis.tokens import tokens_sentences

ODD = ["", "   ", "Beurs\tdaalt\n\nfors", "ÉÉN Één één", "a", "x" * 40, "Koers: +3,5%!",
       "de\u00a0beurs", "dubbel  spatie", "\u2003em-ruimte\u2003", "NAVO-top zo'n 3,5 a_b",
       "İstanbul ΟΔΟΣ Straße", "één", "de de de de", "Banken verhoogden de rentes",
       "'s avonds ’91 -- ...", "x1 2x __ _"]


def _texts() -> list[str]:
    sentences = tokens_sentences(corpus_load(CORPUS_DIR), progress=False)["sentence"]
    return sentences.astype(str).tolist() + ODD


def test_char_features_identical_to_scikit_learn():
    model = sentiment_model_load()
    chars = [v for v in model.features.vectorizers.values() if v.analyzer == "char_wb"]
    assert chars
    texts = _texts()
    for char in chars:
        ours, theirs = char_wb_transform(char, texts), char.transform(texts)
        assert ours.shape == theirs.shape
        assert np.array_equal(ours.indptr, theirs.indptr)
        assert np.array_equal(ours.indices, theirs.indices)
        assert np.array_equal(ours.data, theirs.data)


def test_probabilities_identical_to_scikit_learn():
    from scipy import sparse

    model = sentiment_model_load()
    texts = _texts()
    features = sparse.hstack([v.transform(texts) for v in model.features.vectorizers.values()],
                             format="csr", dtype=np.float64)
    assert np.array_equal(model.predict_proba(texts), model.model.predict_proba(features))


def _same(ours, theirs) -> None:
    assert ours.shape == theirs.shape
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)


def test_word_and_lemma_features_identical_to_scikit_learn():
    from analysis.learn.features import _lemma_nl, _lemmatise_nl

    model = sentiment_model_load()
    texts = _texts()
    words = texts_words(texts)
    blocks = model.features.vectorizers
    assert plain_words(blocks["word"]) and plain_words(blocks["lemma"], _lemmatise_nl)
    _same(word_transform(blocks["word"], words), blocks["word"].transform(texts))
    _same(lemma_transform(blocks["lemma"], words, _lemma_nl), blocks["lemma"].transform(texts))


def test_word_ngrams_of_any_range_identical_to_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = _texts()
    for ngram_range, binary in [((1, 1), False), ((2, 3), False), ((1, 3), True)]:
        v = TfidfVectorizer(ngram_range=ngram_range, token_pattern=r"(?u)\b\w+\b",
                            binary=binary).fit(texts[::2])
        _same(word_transform(v, texts_words(texts)), v.transform(texts))


def test_words_read_once_per_text():
    codes, lengths, names = texts_words(["Zo'n NAVO-top", "", "a_b İ"])
    assert [names[c] for c in codes] == ["zo", "n", "navo", "top", "a_b", "i"]
    assert lengths.tolist() == [4, 0, 2]


def test_other_vectorizers_read_by_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    assert not plain_words(TfidfVectorizer(stop_words=["de"]))
    assert not plain_words(TfidfVectorizer(lowercase=False))
    assert not plain_words(TfidfVectorizer())  # its pattern skips one-letter words
    assert not plain_words(TfidfVectorizer(analyzer="char"))


def test_char_words_of_joined_texts_are_each_texts_own():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["ΟΔΟΣ", "Σ", "ΣΑ ΟΔΟΣ.", "a\x00b c", "", "  ", "\x00", "Beurs\u2003daalt",
             "ΟΔΟΣ ΣΑ"]
    v = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3)).fit(texts)
    _same(char_wb_transform(v, texts), v.transform(texts))  # a text with a NUL: one by one
    clean = [t for t in texts if "\x00" not in t]
    _same(char_wb_transform(v, clean), v.transform(clean))  # joined: final sigma alike
    # a word met before is taken from the remembered n-grams, with the same counts
    _same(char_wb_transform(v, clean[::-1]), v.transform(clean[::-1]))
