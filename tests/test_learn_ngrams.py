"""The classifier's character features, each distinct word analysed once, are
scikit-learn's own."""

from __future__ import annotations

import numpy as np

from analysis.corpus import corpus_load
from analysis.learn.ngrams import char_wb_transform
from analysis.paths import CORPUS_DIR
from analysis.sentiment.model import sentiment_model_load
from analysis.tokens import tokens_sentences

ODD = ["", "   ", "Beurs\tdaalt\n\nfors", "ÉÉN Één één", "a", "x" * 40, "Koers: +3,5%!",
       "de\u00a0beurs", "dubbel  spatie", "\u2003em-ruimte\u2003"]


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
