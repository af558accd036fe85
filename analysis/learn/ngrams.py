"""The classifier's n-gram features, each distinct word analysed once.

scikit-learn's ``char_wb`` analyser takes the n-grams of each whitespace-separated word
(padded with a space on either side) and adds them up over the text. So the counts of a text
are the sum, over its words, of each word's counts: here every distinct word of all the
texts is analysed once, and the texts' counts are a product of two sparse matrices (texts x
words, words x n-grams). The TF-IDF weighting is the fitted vectorizer's own, so the features
are identical to ``vectorizer.transform(texts)``.

The word and lemma blocks read the same words (:func:`texts_words`: one pass of the token
pattern over each lower-cased text); a text's n-grams are runs of word codes, each distinct
run looked up in the vocabulary once, and a word's lemma is computed once per batch, not
once per occurrence. Their counts, and so their TF-IDF, are ``vectorizer.transform``'s.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = ["WORD_PATTERN", "char_wb_transform", "lemma_transform", "plain_words", "texts_words",
           "word_transform"]


#: Per fitted char_wb vectorizer (while it lives): its vocabulary and the columns of each
#: word's n-grams, so that a word met in an earlier batch of texts is not analysed again.
_GRAMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: Words remembered per vectorizer, at most (then the memory starts afresh).
GRAMS_WORDS = 500_000


def _word_grams(vectorizer) -> dict[str, np.ndarray]:
    """The remembered n-gram columns of words for ``vectorizer``: empty when it has been
    fitted again since (a new vocabulary) or the memory is full."""
    vocabulary, known = _GRAMS.get(vectorizer, (None, None))
    if vocabulary is not vectorizer.vocabulary_ or len(known) > GRAMS_WORDS:
        known = {}
        _GRAMS[vectorizer] = (vectorizer.vocabulary_, known)
    return known


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
    known = _word_grams(vectorizer)
    grams_of = []
    for word in distinct.tolist():
        grams = known.get(word)
        if grams is None:
            found = [vocabulary.get(g) for g in vectorizer._char_wb_ngrams(word)]
            grams = known[word] = np.array([c for c in found if c is not None],
                                           dtype=np.int64)
        grams_of.append(grams)
    n_grams = np.fromiter((len(g) for g in grams_of), dtype=np.int64, count=len(grams_of))
    columns = np.concatenate(grams_of) if grams_of else np.zeros(0, dtype=np.int64)
    word_grams = sparse.csr_matrix(
        (np.ones(len(columns), dtype=np.int64),
         (np.repeat(np.arange(len(distinct), dtype=np.int64), n_grams), columns)),
        shape=(len(distinct), len(vocabulary)))
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


#: scikit-learn's default token pattern, which the word and lemma blocks use.
WORD_PATTERN = r"(?u)\b\w+\b"
_WORDS = re.compile(WORD_PATTERN)


def texts_words(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The words of each text as the word block reads them (lower case, then
    :data:`WORD_PATTERN`), flat: ``(codes, lengths, names)``, each word as its index into
    the distinct words ``names``, ``lengths`` words per text.

    >>> codes, lengths, names = texts_words(["De beurs daalt", "", "de BEURS"])
    >>> codes.tolist(), lengths.tolist(), names
    ([0, 1, 2, 0, 1], [3, 0, 2], ['de', 'beurs', 'daalt'])
    """
    words_of = [_WORDS.findall(t.lower()) for t in texts]
    lengths = np.fromiter((len(w) for w in words_of), dtype=np.int64, count=len(words_of))
    codes, names = pd.factorize(pd.Series([w for ws in words_of for w in ws], dtype=object),
                                sort=False)
    return codes.astype(np.int64), lengths, names.tolist()


def _ngram_columns(codes: np.ndarray, lengths: np.ndarray, names: list[str],
                   vocabulary: dict, ngram_range: tuple[int, int]
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The (text, column) of every n-gram of the token sequences (``codes`` into ``names``,
    ``lengths`` per text) that ``vocabulary`` holds: scikit-learn's word n-grams (the tokens
    of n = min..max, joined by one space), each distinct n-gram looked up once."""
    low, high = ngram_range
    names = np.asarray(names, dtype=object)
    text_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    within = np.arange(len(codes), dtype=np.int64) - np.repeat(
        np.cumsum(lengths) - lengths, lengths)
    left = lengths[text_of] - within  # tokens from here to the end of the text
    rows, columns = [], []
    for n in range(low, high + 1):
        at = np.flatnonzero(left >= n)
        if not len(at):
            break
        key = codes[at]
        for k in range(1, n):  # one number per distinct sequence of n tokens
            key = key * len(names) + codes[at + k]
            key = np.unique(key, return_inverse=True)[1].reshape(-1).astype(np.int64)
        distinct, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        grams = names[codes[at[first]]]
        for k in range(1, n):
            grams = grams + " " + names[codes[at[first] + k]]
        column_of = np.fromiter((vocabulary.get(g, -1) for g in grams.tolist()),
                                dtype=np.int64, count=len(distinct))
        column = column_of[np.asarray(inverse).reshape(-1)]
        known = column >= 0
        rows.append(text_of[at[known]])
        columns.append(column[known])
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(columns)


def _tfidf(vectorizer, n_texts: int, rows: np.ndarray, columns: np.ndarray):
    """The fitted vectorizer's TF-IDF of the counts of (text, column) pairs, as its
    ``transform`` gives them (counts summed, columns sorted within each row)."""
    from scipy import sparse

    counts = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (rows, columns)),
        shape=(n_texts, len(vectorizer.vocabulary_))).astype(vectorizer.dtype)
    counts.sum_duplicates()
    counts.sort_indices()
    if vectorizer.binary:
        counts.data.fill(1)
    return vectorizer._tfidf.transform(counts, copy=False)


def plain_words(vectorizer, preprocessor=None) -> bool:
    """Whether ``vectorizer`` (a fitted ``TfidfVectorizer``) reads the words of
    :func:`texts_words`: word n-grams of :data:`WORD_PATTERN`, lower case, no stop words,
    no accent stripping, and ``preprocessor`` as its preprocessor (None: its own)."""
    return (vectorizer.analyzer == "word" and vectorizer.input == "content"
            and vectorizer.tokenizer is None and vectorizer.stop_words is None
            and vectorizer.token_pattern == WORD_PATTERN
            and vectorizer.preprocessor is preprocessor
            and (preprocessor is not None
                 or (vectorizer.lowercase and vectorizer.strip_accents is None)))


def word_transform(vectorizer, words: tuple[np.ndarray, np.ndarray, list[str]]):
    """``vectorizer.transform(texts)`` for a fitted word ``TfidfVectorizer`` that
    :func:`plain_words` accepts, from the texts' words (:func:`texts_words`).

    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> texts = ["De beurs daalt.", "de Beurs  stijgt", "", "daalt daalt"]
    >>> v = TfidfVectorizer(ngram_range=(1, 2), token_pattern=WORD_PATTERN).fit(texts)
    >>> (word_transform(v, texts_words(texts)) != v.transform(texts)).nnz
    0
    """
    codes, lengths, names = words
    rows, columns = _ngram_columns(codes, lengths, names, vectorizer.vocabulary_,
                                   tuple(vectorizer.ngram_range))
    return _tfidf(vectorizer, len(lengths), rows, columns)


def lemma_transform(vectorizer, words: tuple[np.ndarray, np.ndarray, list[str]],
                    lemma: Callable[[str], str]):
    """``vectorizer.transform(texts)`` for a fitted word ``TfidfVectorizer`` whose
    preprocessor replaces every word of a text (:func:`texts_words`) by ``lemma(word)``
    and joins them by spaces (as :func:`analysis.learn.learn_lemmatise` does): each
    distinct word is lemmatised once, and its lemma split into tokens once."""
    codes, lengths, names = words
    parts = [_WORDS.findall(lemma(w)) for w in names]  # a lemma may be 0, 1 or more tokens
    n_parts = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    part_codes, lemmas = pd.factorize(pd.Series([t for p in parts for t in p], dtype=object),
                                      sort=False)
    offset = np.cumsum(n_parts) - n_parts
    per_word = n_parts[codes]
    repeated = np.repeat(codes, per_word)
    within = np.arange(int(per_word.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(per_word) - per_word, per_word)
    lemma_codes = part_codes.astype(np.int64)[offset[repeated] + within]
    text_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    lemma_lengths = np.bincount(text_of, weights=per_word, minlength=len(lengths))
    rows, columns = _ngram_columns(lemma_codes, lemma_lengths.astype(np.int64),
                                   lemmas.tolist(), vectorizer.vocabulary_,
                                   tuple(vectorizer.ngram_range))
    return _tfidf(vectorizer, len(lengths), rows, columns)
