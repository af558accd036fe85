"""Tone of every sentence (or article) of a corpus, with any registered method."""

from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd

from analysis.sentiment.labels import PROB_COLUMNS, SCORE_COLUMNS
from analysis.sentiment.lexicon import _token_words
from analysis.sentiment.methods import Method, sentiment_method
from analysis.tables import require_columns
from analysis.text.language import language_guess
from analysis.text.spans import spans_overlap
from analysis.tokens.corpus_tables import tokens_corpus, tokens_sentences

__all__ = ["sentiment_corpus"]




def _flat_words(corpus: pd.DataFrame, sentences: pd.DataFrame, matches: pd.DataFrame | None,
                progress: bool | None):
    """The words of every sentence of ``sentences`` (from the shared token table), flat:
    ``(codes, vocabulary, lengths, excluded)``: each word as its index into ``vocabulary``,
    the number of words of each sentence, and per word whether it lies inside a frame
    match. A token with a space inside ("127 duizend") is two words."""
    tokens = tokens_corpus(corpus, lowercase=False, remove_punct=False, progress=progress)
    doc_codes = tokens["doc_id"].cat.codes.to_numpy(np.int64)
    sids = tokens["sentence_id"].to_numpy(np.int64)
    sent_doc = sentences["doc_id"].cat.codes.to_numpy(np.int64)
    sent_sid = sentences["sentence_id"].to_numpy(np.int64)
    width = int(max(sids.max(initial=0), sent_sid.max(initial=0))) + 1
    token_key = doc_codes * width + sids
    sent_key = sent_doc * width + sent_sid
    categories = np.asarray(tokens["token"].cat.categories.astype(str), dtype=object)
    token_codes = tokens["token"].cat.codes.to_numpy(np.int64)
    starts = tokens["start"].to_numpy(np.int64)
    ends = tokens["end"].to_numpy(np.int64)

    excluded_token = np.zeros(len(tokens), dtype=bool)
    if matches is not None and "source" in matches.columns:  # a classifier names no words
        matches = matches[matches["source"].astype(str) != "model"]
    if matches is not None and len(matches):
        require_columns(matches, ["doc_id", "start", "end"], what="the frame matches",
                        hint="give the table of analysis.dictionaries.frames_match")
        doc_index = {d: k for k, d in enumerate(tokens["doc_id"].cat.categories.astype(str))}
        mdoc = matches["doc_id"].astype(str).map(doc_index)
        known = mdoc.notna().to_numpy()  # matches of articles not in the corpus are ignored
        excluded_token = spans_overlap(
            doc_codes, starts, ends, mdoc.to_numpy()[known].astype(np.int64),
            matches["start"].astype("int64").to_numpy()[known],
            matches["end"].astype("int64").to_numpy()[known])

    # the tokens of each sentence, in the order of the sentence table
    order = np.argsort(token_key, kind="stable")
    sorted_keys = token_key[order]
    left = np.searchsorted(sorted_keys, sent_key, side="left")
    right = np.searchsorted(sorted_keys, sent_key, side="right")
    counts = right - left
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    rows = order[np.repeat(left - first, counts) + np.arange(int(counts.sum()))]
    codes = token_codes[rows]
    excluded = excluded_token[rows]
    # tokens as Pattern words: one word each, but a token with a space is several
    parts = [_token_words(t) for t in categories.tolist()]
    n_parts = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    if (n_parts == 1).all():
        return codes, categories, counts, excluded
    flat = [w for p in parts for w in p]
    part_codes, vocabulary = pd.factorize(pd.Series(flat, dtype=object), sort=False)
    offset = np.concatenate([[0], np.cumsum(n_parts)[:-1]])
    per_token = n_parts[codes]
    token_first = np.concatenate([[0], np.cumsum(per_token)[:-1]])
    repeated = np.repeat(codes, per_token)
    within = np.arange(int(per_token.sum())) - np.repeat(token_first, per_token)
    words = part_codes.astype(np.int64)[offset[repeated] + within]
    sentence_of = np.repeat(np.arange(len(counts)), counts)
    lengths = np.bincount(sentence_of, weights=per_token, minlength=len(counts))
    return (words, np.asarray(vocabulary, dtype=object), lengths.astype(np.int64),
            np.repeat(excluded, per_token))


def _sentence_words(corpus: pd.DataFrame, sentences: pd.DataFrame, matches: pd.DataFrame | None,
                    progress: bool | None):
    """Per sentence of ``sentences``: its words and the positions of the words inside a
    frame match (:func:`_flat_words`, one sentence at a time)."""
    codes, vocabulary, lengths, excluded = _flat_words(corpus, sentences, matches, progress)
    words = vocabulary[codes].tolist()
    items, at = [], 0
    for length in lengths.tolist():
        skip = np.flatnonzero(excluded[at:at + length]).tolist()
        items.append((tuple(words[at:at + length]), frozenset(skip)))
        at += length
    return items


def _warn_not_dutch(corpus: pd.DataFrame, method: str) -> None:
    """Warn about every article that is not Dutch (:mod:`analysis.text.language`): both measures
    are Dutch, so their tone for it means nothing. A corpus from
    :func:`analysis.corpus.corpus_load` (``attrs["source"]``) has had its articles named by
    the loader's check already."""
    if corpus.attrs.get("source") or "text" not in corpus.columns:
        return
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        guess = language_guess("" if pd.isna(text) else str(text))
        if guess.dutch is False:
            warnings.warn(f"article {doc_id!r} {guess.describe()} The {method} is Dutch: its "
                          "tone for this article means nothing.", stacklevel=3)


def sentiment_corpus(
    corpus: pd.DataFrame,
    *,
    method: Method = "lexicon",
    level: Literal["sentence", "document"] = "sentence",
    exclude: pd.DataFrame | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Tone of every sentence (or article) of a corpus.

    The sentences are those of :func:`analysis.tokens.tokens_sentences`; the lexicon reads
    the words of :func:`analysis.tokens.tokens_corpus`. ``exclude``: a frame-match table
    (``doc_id``, ``start``, ``end`` as character offsets into the article text, as
    :func:`analysis.dictionaries.frames_match` returns it): the words inside a match are left out
    of the lexicon score (they count as unknown words, so "koude" in "Koude Oorlog" is not
    tone, and a negation before them does not jump to the next word); a match a frame's
    classifier gave (``source`` ``model``) names no words and leaves its sentence as it is.
    The classifier reads whole sentences and ignores ``exclude``. Articles that are not
    Dutch are named in a warning (a corpus from :func:`analysis.corpus.corpus_load` had
    them named when loaded).

    With ``level="sentence"`` the columns are

    - ``doc_id``, ``outlet``, ``sentence_id``, ``sentence``: as in tokens_sentences,
    - ``method``: ``lexicon`` or ``classifier``,
    - ``polarity``, ``subjectivity``, ``label``: see :func:`sentiment_lexicon` and
      :func:`sentiment_classifier` (subjectivity is empty for the classifier),
    - ``prob_negative``, ``prob_neutral``, ``prob_positive``: the classifier's class
      probabilities (empty for the lexicon),
    - ``words``: the words that carried the lexicon score (empty for the classifier).

    With ``level="document"``, one row per article: ``doc_id``, ``outlet``, ``method``,
    ``n_sentences``, the means over its sentences of ``polarity``, ``subjectivity`` and the
    three probabilities, and ``label``: for the lexicon from the mean polarity (threshold
    :data:`LEXICON_THRESHOLD`), for the classifier the class with the highest mean
    probability.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Een zeer slecht plan. Het is niet goed."]})
    >>> sentiment_corpus(c)[["sentence_id", "polarity", "words"]].round(3).values.tolist()
    [[1, -0.7, 'slecht'], [2, -0.275, 'niet goed']]
    """
    scorer = sentiment_method(method)
    if level not in ("sentence", "document"):
        raise ValueError(f"unknown level {level!r}: use 'sentence' or 'document'")
    _warn_not_dutch(corpus, method)
    sentences = tokens_sentences(corpus, progress=progress)
    table = sentences[["doc_id", "outlet", "sentence_id", "sentence"]].copy()
    table["method"] = method
    n = len(table)
    if scorer.reads_tokens and hasattr(scorer, "score_words"):
        codes, vocabulary, lengths, excluded = _flat_words(corpus, sentences, exclude, progress)
        scores = scorer.score_words(codes, vocabulary, lengths, excluded=excluded,
                                    progress=progress, store=True,
                                    source=corpus.attrs.get("source"))
    elif scorer.reads_tokens:
        items = _sentence_words(corpus, sentences, exclude, progress)
        scores = scorer.score([words for words, _ in items],
                              excluded=[skip for _, skip in items], progress=progress)
    else:
        scores = scorer.score(table["sentence"].astype(str).tolist(), progress=progress)
    for column in SCORE_COLUMNS:
        if column in scores:
            table[column] = scores[column].to_numpy()
        elif column == "words":  # a measure that shows no evidence words
            table[column] = np.full(n, "", dtype=object)
        else:  # a quantity the method does not measure
            table[column] = np.full(n, np.nan)
    table = table.reset_index(drop=True)
    if level == "sentence":
        return table
    return _documents(table, scorer)


def _documents(table: pd.DataFrame, scorer) -> pd.DataFrame:
    value_columns = ["polarity", "subjectivity", *PROB_COLUMNS]
    grouped = table.groupby("doc_id", observed=True, sort=False)
    docs = grouped[value_columns].mean()
    docs.insert(0, "n_sentences", grouped.size())
    docs.insert(0, "outlet", grouped["outlet"].first())
    docs = docs.reset_index()
    docs.insert(2, "method", scorer.name)
    docs["label"] = scorer.document_label(docs)
    order = ["doc_id", "outlet", "method", "n_sentences", "polarity", "subjectivity", "label",
             *PROB_COLUMNS]
    docs = docs[order]
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs["outlet"] = docs["outlet"].astype(str)
    return docs
