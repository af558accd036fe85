"""The classifier's words of each sentence, read from the token store, are those the token
pattern reads in the sentence; so the probabilities are those of reading every sentence."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

import analysis.sentiment.sentence_words as sentence_words
from analysis.corpus import corpus_load
from analysis.learn.ngrams import texts_words
from analysis.paths import CORPUS_DIR
from analysis.sentiment import sentiment_classifier, sentiment_corpus, sentiment_model_load
from analysis.tokens import tokens_sentences
from analysis.tokens.corpus_tables import tokens_raw

TRICKY = ["Rusland's leger liep 10km. De NAVO-top, zo'n 3,5% duurder: ,,Dit is slecht''.",
          "Zie https://nos.nl/artikel/123-abc voor meer 😀 nieuws! Het kost 127 duizend euro.",
          "İstanbul en ΟΔΟΣ zijn a_b\u00a0c. ’91 was een 'goed' jaar… 2x zo veel",
          "Banken\tverhoogden de rentes (ANP). Straße #MeToo @nos e-mail CO2-uitstoot."]
PROBS = ["prob_negative", "prob_neutral", "prob_positive", "polarity", "label"]


def _corpus(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": "NOS",
                         "text": texts})


def _words(words) -> list[list[str]]:
    codes, lengths, names = words
    flat = np.asarray(names, dtype=object)[codes].tolist()
    bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()
    return [flat[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _read(corpus: pd.DataFrame):
    sentences = tokens_sentences(corpus, progress=False)
    texts = sentences["sentence"].tolist()
    words, read = sentence_words.classifier_words(corpus, sentences,
                                                  np.arange(len(texts)), texts)
    return texts, _words(words), read


def test_words_of_tricky_sentences_are_the_patterns():
    texts, words, read = _read(_corpus(TRICKY))
    assert len(texts) == 8
    assert words == _words(texts_words(texts))
    assert words[0] == ["rusland", "s", "leger", "liep", "10km"]
    assert words[2] == ["zie", "https", "nos", "nl", "artikel", "123", "abc", "voor", "meer",
                        "nieuws"]
    assert words[3] == ["het", "kost", "127", "duizend", "euro"]
    # "İ" lower-cases to "i" and a combining dot, and "Σ" by context: read by the pattern
    assert texts[4] == "İstanbul en ΟΔΟΣ zijn a_b\u00a0c."
    assert words[4] == ["i", "stanbul", "en", "οδος", "zijn", "a_b", "c"]
    assert read == 1


def test_bundled_corpus_words_are_the_patterns_without_reading_a_sentence():
    texts, words, read = _read(corpus_load(CORPUS_DIR))
    assert words == _words(texts_words(texts))
    assert read == 0


def _edited(raw, split: str, drop: str, stretch: str):
    """``raw`` with the token ``split`` cut in two touching tokens after its second
    character, the token ``drop`` left out and the token ``stretch`` one character too
    short (as no tokeniser of ours makes them)."""
    types = list(raw.types)
    codes, starts, ends = raw.codes.tolist(), raw.starts.tolist(), raw.ends.tolist()
    docs, sids = raw.docs.tolist(), raw.sids.tolist()
    out = {"codes": [], "starts": [], "ends": [], "docs": [], "sids": []}
    for code, start, end, doc, sid in zip(codes, starts, ends, docs, sids, strict=True):
        word = types[code]
        if word == drop:
            continue
        pieces = [(code, start, end)]
        if word == split:
            types += [word[:2], word[2:]]
            pieces = [(len(types) - 2, start, start + 2), (len(types) - 1, start + 2, end)]
        elif word == stretch:
            pieces = [(code, start, end - 1)]
        for c, a, b in pieces:
            for key, value in zip(out, (c, a, b, doc, sid), strict=True):
                out[key].append(value)
    return dataclasses.replace(
        raw, types=pd.Index(types, dtype=object),
        **{key: np.asarray(value, dtype=getattr(raw, key).dtype) for key, value in out.items()})


def test_sentences_whose_tokens_differ_from_the_pattern_are_read_by_it(monkeypatch):
    corpus = _corpus(TRICKY)
    edited = _edited(tokens_raw(corpus), split="leger", drop="kost", stretch="rentes")
    monkeypatch.setattr(sentence_words, "tokens_raw", lambda corpus, progress=None: edited)
    texts, words, read = _read(corpus)
    assert words == _words(texts_words(texts))
    assert words[0][2] == "leger"  # not "le", "ger"
    assert words[3] == ["het", "kost", "127", "duizend", "euro"]
    assert read == 4  # "leger", "kost", "rentes" and "İstanbul"


@pytest.mark.parametrize("texts", [TRICKY, None])
def test_probabilities_identical_to_reading_each_sentence(texts):
    corpus = corpus_load(CORPUS_DIR) if texts is None else _corpus(texts)
    table = sentiment_corpus(corpus, method="classifier", progress=False)
    sentences = tokens_sentences(corpus, progress=False)["sentence"].tolist()
    read = sentiment_classifier(sentences, progress=False)
    model = sentiment_model_load()
    order = [int(np.flatnonzero(model.classes == c)[0]) for c in (-1, 0, 1)]
    alone = np.vstack([model.predict_proba([t])[:, order] for t in sentences])
    for column in PROBS:
        assert table[column].to_numpy().tobytes() == read[column].to_numpy().tobytes()
    assert table[PROBS[:3]].to_numpy().tobytes() == alone.tobytes()
