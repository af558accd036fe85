"""The classifier's n-gram features, each distinct word analysed once.

scikit-learn's ``char_wb`` analyser takes the n-grams of each whitespace-separated word
(padded with a space on either side) and adds them up over the text. So the counts of a text
are the sum, over its words, of each word's counts: here every distinct word of all the
texts is analysed once, and the texts' counts are a product of two sparse matrices (texts x
words, words x n-grams). The TF-IDF weighting is the fitted vectorizer's own, so the features
are identical to ``vectorizer.transform(texts)``.

The word and lemma blocks read the same words (:func:`texts_words`: one pass of the token
pattern over each lower-cased text, or words known already, such as those the token store
gives, :mod:`analysis.sentiment.sentence_words`); a text's n-grams are runs of word codes,
matched against the vocabulary's terms as numbers, and a word's lemma is computed once, not
once per occurrence. Their counts, and so their TF-IDF, are ``vectorizer.transform``'s.

:class:`CharBlock` and :class:`WordBlock` find the words and n-grams of many texts at once
and then give the features of a range of texts at a time (``rows(a, b)``), so that a large
input is analysed once and its features are held one batch at a time.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = ["WORD_PATTERN", "CharBlock", "WordBlock", "char_wb_transform", "lemma_transform",
           "lemma_words", "ngram_table", "plain_words", "texts_words", "word_transform"]


#: Per fitted char_wb vectorizer (while it lives): the columns of each word's n-grams, so
#: that a word met in an earlier batch of texts is not analysed again.
_GRAMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: Words remembered per vectorizer, at most (then the memory starts afresh).
GRAMS_WORDS = 500_000


class _WordGrams:
    """The n-gram columns of the words met so far for one vectorizer, as one sparse table
    (a row per word) that grows with each new word."""

    def __init__(self, vectorizer):
        self.vocabulary = vectorizer.vocabulary_
        self.index: dict[str, int] = {}
        self.columns = np.zeros(0, dtype=np.int32)
        self.indptr = np.zeros(1, dtype=np.int64)

    def matrix(self, vectorizer, names: list[str]):
        """Words ``names`` x n-grams: how often each n-gram of the vocabulary occurs in
        each word (padded with a space on either side), each new word analysed once."""
        from scipy import sparse

        index, vocabulary = self.index, self.vocabulary
        rows = np.fromiter((index.get(w, -1) for w in names), dtype=np.int64,
                           count=len(names))
        new = np.flatnonzero(rows < 0)
        if len(new):
            grams_of = []
            for k in new.tolist():
                found = [vocabulary.get(g) for g in vectorizer._char_wb_ngrams(names[k])]
                grams_of.append([c for c in found if c is not None])
            n_grams = np.fromiter(map(len, grams_of), dtype=np.int64, count=len(grams_of))
            first = len(self.indptr) - 1
            self.columns = np.concatenate([self.columns, np.fromiter(
                (c for grams in grams_of for c in grams), dtype=np.int32,
                count=int(n_grams.sum()))])
            self.indptr = np.concatenate([self.indptr, self.indptr[-1] + np.cumsum(n_grams)])
            rows[new] = first + np.arange(len(new))
            for k, row in zip(new.tolist(), rows[new].tolist(), strict=True):
                index[names[k]] = row
        counts = np.diff(self.indptr)[rows]
        ends = np.cumsum(counts)
        at = np.repeat(self.indptr[rows] - (ends - counts), counts) + np.arange(
            int(ends[-1]) if len(ends) else 0)
        matrix = sparse.csr_matrix(
            (np.ones(len(at), dtype=np.int64), self.columns[at].astype(np.int64),
             np.concatenate([[0], ends])), shape=(len(names), len(vocabulary)))
        matrix.sum_duplicates()
        return matrix


def _word_grams(vectorizer) -> _WordGrams:
    """The remembered n-gram columns of words for ``vectorizer``: empty when it has been
    fitted again since (a new vocabulary) or the memory is full."""
    known = _GRAMS.get(vectorizer)
    if (known is None or known.vocabulary is not vectorizer.vocabulary_
            or len(known.index) > GRAMS_WORDS):
        known = _GRAMS[vectorizer] = _WordGrams(vectorizer)
    return known


def _chunked_codes(pieces_of: Callable[[str], list[str]], texts: Sequence[str],
                   chunk: int = 20_000) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The pieces of each text (``pieces_of(text)``), flat: ``(codes, lengths, names)``,
    each piece as its index into the distinct pieces ``names`` (in order of first
    appearance), ``lengths`` pieces per text. The texts are read ``chunk`` at a time, so
    that only one chunk's pieces are ever strings at once."""
    return _chunked(lambda part: _pieces_each(pieces_of, part), texts, chunk)


def _pieces_each(pieces_of: Callable[[str], list[str]], texts: Sequence[str]
                 ) -> tuple[list[str], np.ndarray]:
    pieces = [pieces_of(t) for t in texts]
    return ([w for p in pieces for w in p],
            np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces)))


def _whitespace_words(texts: Sequence[str], lower: bool) -> tuple[list[str], np.ndarray]:
    """The whitespace-separated words of each text (lower case when ``lower``), flat, and
    their number per text: one split of the texts joined by a separator word (a NUL
    character between spaces; text by text when a text holds one). Lower-casing the joined
    texts is lower-casing each (the only rule that looks at neighbours, Greek final sigma,
    sees a space at either end alike)."""
    if not len(texts) or any("\x00" in t for t in texts):
        return _pieces_each(lambda t: (t.lower() if lower else t).split(), texts)
    joined = " \x00 ".join(texts)
    words = (joined.lower() if lower else joined).split()
    marks = [k for k, w in enumerate(words) if w == "\x00"]
    lengths = np.diff(np.array([-1, *marks, len(words)], dtype=np.int64)) - 1
    return [w for w in words if w != "\x00"], lengths


def _chunked(words_of: Callable[[Sequence[str]], tuple[list[str], np.ndarray]],
             texts: Sequence[str], chunk: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    index: dict[str, int] = {}
    codes, lengths = [], []
    for a in range(0, len(texts), chunk):
        flat, counts = words_of(texts[a:a + chunk])
        lengths.append(counts)
        local_codes, local = pd.factorize(pd.Series(flat, dtype=object), sort=False)
        mapping = np.fromiter((index.setdefault(w, len(index)) for w in local.tolist()),
                              dtype=np.int64, count=len(local))
        codes.append(mapping[local_codes.astype(np.int64)])
    return (np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64),
            np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64),
            list(index))


class CharBlock:
    """The character n-gram counts of texts for a fitted ``char_wb`` vectorizer, ready to
    be read a range of texts at a time (:meth:`rows`): which whitespace-separated words
    each text holds (texts x words) and which n-grams each distinct word holds (words x
    n-grams), each word analysed once."""

    def __init__(self, vectorizer, texts: Sequence[str]):
        from scipy import sparse

        if vectorizer.preprocessor is None and vectorizer.strip_accents is None:
            # scikit-learn's preprocessor only lower-cases (or not); its replacing runs of
            # whitespace by one space does not change the split
            codes, lengths, names = _chunked(
                lambda part: _whitespace_words(part, vectorizer.lowercase), texts, 20_000)
        else:
            preprocess = vectorizer.build_preprocessor()
            spaces = vectorizer._white_spaces
            codes, lengths, names = _chunked_codes(
                lambda t: spaces.sub(" ", preprocess(t)).split(), texts)
        self.vectorizer = vectorizer
        self.word_grams = _word_grams(vectorizer).matrix(vectorizer, names)
        self.text_words = sparse.csr_matrix(
            (np.ones(len(codes), dtype=np.int64),
             (np.repeat(np.arange(len(lengths), dtype=np.int64), lengths), codes)),
            shape=(len(lengths), len(names)))

    def rows(self, a: int, b: int):
        """``vectorizer.transform`` of texts ``a`` to ``b``."""
        vectorizer = self.vectorizer
        counts = (self.text_words[a:b] @ self.word_grams).tocsr().astype(vectorizer.dtype)
        counts.eliminate_zeros()
        counts.sort_indices()
        if vectorizer.binary:
            counts.data.fill(1)
        return vectorizer._tfidf.transform(counts, copy=False)


def char_wb_transform(vectorizer, texts: Sequence[str]):
    """``vectorizer.transform(texts)`` for a fitted ``TfidfVectorizer(analyzer="char_wb")``,
    analysing each distinct word once.

    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> texts = ["De beurs daalt.", "de Beurs  stijgt", "", "daalt daalt"]
    >>> v = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit(texts)
    >>> (char_wb_transform(v, texts) != v.transform(texts)).nnz
    0
    """
    return CharBlock(vectorizer, texts).rows(0, len(texts))


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
    return _chunked_codes(lambda t: _WORDS.findall(t.lower()), texts)


#: Per vocabulary (the last few): its terms split into words, grouped by their number of
#: words, with their columns.
_TERMS: dict[int, tuple[dict, dict[int, tuple[list[str], np.ndarray]]]] = {}


def _terms(vocabulary: dict) -> dict[int, tuple[list[str], np.ndarray]]:
    """The terms of ``vocabulary`` by number of words: ``{n: (words, columns)}``, the
    words of every n-word term one after the other."""
    held = _TERMS.get(id(vocabulary))
    if held is not None and held[0] is vocabulary:
        return held[1]
    groups: dict[int, tuple[list[str], list[int]]] = {}
    for term, column in vocabulary.items():
        words = term.split(" ")
        flat, columns = groups.setdefault(len(words), ([], []))
        flat.extend(words)
        columns.append(column)
    terms = {n: (flat, np.asarray(columns, dtype=np.int32))
             for n, (flat, columns) in groups.items()}
    while len(_TERMS) >= 4:
        del _TERMS[next(iter(_TERMS))]
    _TERMS[id(vocabulary)] = (vocabulary, terms)
    return terms


def _known_columns(key: np.ndarray, n: int, names: Sequence[str], vocabulary: dict
                   ) -> np.ndarray:
    """The column of each n-gram ``key`` (its word codes into ``names`` as digits of base
    ``len(names)``) in ``vocabulary``, -1 where it holds none: each term of n words as the
    same number, matched by a sorted search."""
    flat, columns = _terms(vocabulary).get(n, ([], np.zeros(0, dtype=np.int32)))
    index = {w: k for k, w in enumerate(names)}
    codes = np.fromiter((index.get(w, -1) for w in flat), dtype=np.int64,
                        count=len(flat)).reshape(-1, n)
    known = (codes >= 0).all(axis=1)
    codes, columns = codes[known], columns[known]
    term_key = codes[:, 0].copy()
    for k in range(1, n):
        term_key = term_key * len(names) + codes[:, k]
    order = np.argsort(term_key, kind="stable")
    term_key, columns = term_key[order], columns[order]
    at = np.minimum(np.searchsorted(term_key, key), max(len(term_key) - 1, 0))
    found = term_key[at] == key if len(term_key) else np.zeros(len(key), dtype=bool)
    return np.where(found, columns[at] if len(columns) else -1, -1).astype(np.int32)


def ngram_table(codes: np.ndarray, lengths: np.ndarray, names: Sequence[str],
                vocabulary: dict, ngram_range: tuple[int, int]) -> np.ndarray:
    """The column in ``vocabulary`` of the n-gram that starts at each token of the token
    sequences (``codes`` into ``names``, ``lengths`` per text), one row per n of
    ``ngram_range``, -1 where the vocabulary does not hold it or the text ends first:
    scikit-learn's word n-grams (the tokens of n = min..max, joined by one space).

    Where the names hold no space and are not empty (so that joined n-grams are distinct
    exactly when their words are), the vocabulary's terms are split into words once and
    matched as numbers; otherwise each distinct n-gram is joined and looked up once.

    >>> ngram_table(np.array([0, 1, 0]), np.array([2, 1]), ["de", "beurs"],
    ...             {"de": 0, "beurs": 1, "de beurs": 2}, (1, 2)).tolist()
    [[0, 1, 0], [2, -1, -1]]
    """
    low, high = ngram_range
    codes = np.asarray(codes, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    table = np.full((high - low + 1, len(codes)), -1, dtype=np.int32)
    numeric = (float(max(len(names), 1)) ** high < 2.0 ** 62
               and not any(" " in w or not w for w in names))
    names_array = None if numeric else np.asarray(names, dtype=object)
    text_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    within = np.arange(len(codes), dtype=np.int64) - np.repeat(
        np.cumsum(lengths) - lengths, lengths)
    left = lengths[text_of] - within  # tokens from here to the end of the text
    del text_of, within
    for n in range(low, high + 1):
        at = np.flatnonzero(left >= n)
        if not len(at):
            break
        key = codes[at]
        if numeric:
            for k in range(1, n):
                key = key * len(names) + codes[at + k]
            table[n - low, at] = _known_columns(key, n, names, vocabulary)
            continue
        for k in range(1, n):  # one number per distinct sequence of n tokens
            key = key * len(names) + codes[at + k]
            key = np.unique(key, return_inverse=True)[1].reshape(-1).astype(np.int64)
        distinct, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        grams = names_array[codes[at[first]]]
        for k in range(1, n):
            grams = grams + " " + names_array[codes[at[first] + k]]
        column_of = np.fromiter((vocabulary.get(g, -1) for g in grams.tolist()),
                                dtype=np.int32, count=len(distinct))
        table[n - low, at] = column_of[np.asarray(inverse).reshape(-1)]
    return table


class WordBlock:
    """The word n-gram counts of token sequences (``codes`` into ``names``, ``lengths``
    per text) for a fitted word ``TfidfVectorizer``, ready to be read a range of texts at
    a time (:meth:`rows`): the column of every n-gram, looked up once (:func:`ngram_table`)."""

    def __init__(self, vectorizer, codes: np.ndarray, lengths: np.ndarray,
                 names: Sequence[str]):
        self.vectorizer = vectorizer
        self.table = ngram_table(codes, lengths, names, vectorizer.vocabulary_,
                                 tuple(vectorizer.ngram_range))
        self.lengths = np.asarray(lengths, dtype=np.int64)
        self.bounds = np.concatenate([[0], np.cumsum(self.lengths)])

    def rows(self, a: int, b: int):
        """``vectorizer.transform`` of texts ``a`` to ``b``."""
        part = self.table[:, self.bounds[a]:self.bounds[b]]
        text_of = np.repeat(np.arange(b - a, dtype=np.int64), self.lengths[a:b])
        known = part >= 0
        rows = np.broadcast_to(text_of, part.shape)[known]
        return _tfidf(self.vectorizer, b - a, rows, part[known].astype(np.int64))


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
    return WordBlock(vectorizer, *words).rows(0, len(words[1]))


def lemma_transform(vectorizer, words: tuple[np.ndarray, np.ndarray, list[str]],
                    lemma: Callable[[str], str]):
    """``vectorizer.transform(texts)`` for a fitted word ``TfidfVectorizer`` whose
    preprocessor replaces every word of a text (:func:`texts_words`) by ``lemma(word)``
    and joins them by spaces (as :func:`analysis.learn.learn_lemmatise` does): each
    distinct word is lemmatised once, and its lemma split into tokens once."""
    block = WordBlock(vectorizer, *lemma_words(words, lemma))
    return block.rows(0, len(words[1]))


def lemma_words(words: tuple[np.ndarray, np.ndarray, Sequence[str]],
                lemma: Callable[[str], str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The texts' words (:func:`texts_words`) as the lemma block reads them: every word
    replaced by the tokens of ``lemma(word)`` (0, 1 or more), flat: ``(codes, lengths,
    names)``; each distinct word is lemmatised once, and its lemma split into tokens once.

    >>> codes, lengths, names = lemma_words(texts_words(["Banken", "", "de banken"]), str.upper)
    >>> [names[c] for c in codes], lengths.tolist()
    (['BANKEN', 'DE', 'BANKEN'], [1, 0, 2])
    """
    codes, lengths, names = words
    codes = np.asarray(codes, dtype=np.int64)
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
    return lemma_codes, lemma_lengths.astype(np.int64), lemmas.tolist()
