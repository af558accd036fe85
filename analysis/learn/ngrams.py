"""The classifier's character n-gram features, counted once per distinct word.

scikit-learn's ``char_wb`` analyser takes the n-grams of each whitespace-separated word
(padded with a space on either side) and adds them up over the text. So the counts of a text
are the sum, over its words, of each word's counts: here every distinct word of all the
texts is analysed once, and the texts' counts are a product of two sparse matrices (texts x
words, words x n-grams). The TF-IDF weighting is the fitted vectorizer's own, so the features
are identical to ``vectorizer.transform(texts)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["char_wb_transform"]


def char_wb_transform(vectorizer, texts: Sequence[str]):
    """``vectorizer.transform(texts)`` for a fitted ``TfidfVectorizer(analyzer="char_wb")``,
    analysing each distinct word once.

    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> texts = ["De beurs daalt.", "de Beurs  stijgt", "", "daalt daalt"]
    >>> v = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit(texts)
    >>> (char_wb_transform(v, texts) != v.transform(texts)).nnz
    0
    """
    from scipy import sparse

    preprocess = vectorizer.build_preprocessor()
    spaces = vectorizer._white_spaces
    words_of = [spaces.sub(" ", preprocess(t)).split() for t in texts]
    lengths = np.fromiter((len(w) for w in words_of), dtype=np.int64, count=len(words_of))
    flat = [w for words in words_of for w in words]
    codes, distinct = pd.factorize(pd.Series(flat, dtype=object), sort=False)
    vocabulary = vectorizer.vocabulary_
    rows, columns = [], []
    for k, word in enumerate(distinct.tolist()):
        for gram in vectorizer._char_wb_ngrams(word):
            column = vocabulary.get(gram)
            if column is not None:
                rows.append(k)
                columns.append(column)
    n_features = len(vocabulary)
    word_grams = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (np.asarray(rows, dtype=np.int64),
                                              np.asarray(columns, dtype=np.int64))),
        shape=(len(distinct), n_features))
    text_words = sparse.csr_matrix(
        (np.ones(len(codes), dtype=np.int64),
         (np.repeat(np.arange(len(texts)), lengths), codes.astype(np.int64))),
        shape=(len(texts), len(distinct)))
    counts = (text_words @ word_grams).tocsr().astype(vectorizer.dtype)
    counts.eliminate_zeros()
    counts.sort_indices()
    if vectorizer.binary:
        counts.data.fill(1)
    return vectorizer._tfidf.transform(counts, copy=False)
