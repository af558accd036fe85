"""Tone of every sentence (or article) of a corpus, with any registered method."""

from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd

from analysis.parallel import memory_release
from analysis.sentiment.labels import PROB_COLUMNS, SCORE_COLUMNS
from analysis.sentiment.lexicon import _token_words
from analysis.sentiment.methods import Method, sentiment_method
from analysis.sentiment.sentence_words import sentence_rows
from analysis.tables import require_columns
from analysis.text.language import language_guess
from analysis.text.spans import spans_overlap
from analysis.tokens.corpus_tables import tokens_raw, tokens_sentences

__all__ = ["sentiment_corpus"]


def _flat_words(corpus: pd.DataFrame, sentences: pd.DataFrame, matches: pd.DataFrame | None,
                progress: bool | None):
    """The words of every sentence of ``sentences`` (every token of the corpus, as written,
    punctuation too), flat: ``(codes, vocabulary, lengths, excluded)``: each word as its
    index into ``vocabulary``, the number of words of each sentence, and per word whether it
    lies inside a frame match. A token with a space inside ("127 duizend") is two words.

    The tokens are read from the arrays the token tables derive from
    (:func:`analysis.tokens.corpus_tables.tokens_raw`), not from a table of their own, and
    are taken in place when they already come in the order of the sentences (as they do for
    the table of :func:`analysis.tokens.tokens_sentences`)."""
    raw = tokens_raw(corpus, progress=progress)
    # each article as tokens_sentences numbers it: by its doc_id, in order of appearance
    row_doc = pd.factorize(corpus["doc_id"].astype(str).to_numpy())[0].astype(np.int32)
    doc_codes = row_doc[raw.docs]
    sids = raw.sids
    categories = np.asarray(raw.types, dtype=object)
    token_codes = raw.codes

    excluded_token = np.zeros(len(token_codes), dtype=bool)
    if matches is not None and "source" in matches.columns:  # a classifier names no words
        matches = matches[matches["source"].astype(str) != "model"]
    if matches is not None and len(matches):
        require_columns(matches, ["doc_id", "start", "end"], what="the frame matches",
                        hint="give the table of analysis.dictionaries.frames_match")
        doc_index = {d: k for k, d in enumerate(pd.unique(corpus["doc_id"].astype(str)))}
        mdoc = matches["doc_id"].astype(str).map(doc_index)
        known = mdoc.notna().to_numpy()  # matches of articles not in the corpus are ignored
        excluded_token = spans_overlap(
            doc_codes, raw.starts, raw.ends,
            mdoc.to_numpy()[known].astype(np.int64),
            matches["start"].astype("int64").to_numpy()[known],
            matches["end"].astype("int64").to_numpy()[known])

    rows, counts = sentence_rows(doc_codes, sids, sentences["doc_id"].cat.codes.to_numpy(),
                                  sentences["sentence_id"].to_numpy())
    del doc_codes
    codes = token_codes if rows is None else token_codes[rows]
    excluded = excluded_token if rows is None else excluded_token[rows]
    del rows, excluded_token
    # tokens as Pattern words: one word each, but a token with a space is several
    parts = [_token_words(t) for t in categories.tolist()]
    n_parts = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    if (n_parts == 1).all():
        return codes, categories, counts, excluded
    flat = [w for p in parts for w in p]
    part_codes, vocabulary = pd.factorize(pd.Series(flat, dtype=object), sort=False)
    # each token's first word, then the further words of the (few) tokens of several; in
    # 32-bit integers when the words are that few (they are tens of millions at most)
    small = np.int32 if len(codes) * int(n_parts.max()) < 2**31 - 1 else np.int64
    offset = (np.cumsum(n_parts) - n_parts).astype(small)
    per_token = n_parts.astype(small)[codes]
    ends = np.cumsum(per_token, dtype=small)
    at = np.repeat(offset[codes], per_token)
    several = np.flatnonzero(per_token > 1)
    extra = per_token[several] - 1
    base = np.repeat(ends[several] - per_token[several], extra)
    within = (np.arange(len(base)) - np.repeat(np.cumsum(extra) - extra, extra) + 1).astype(small)
    at[base + within] += within
    words = part_codes.astype(small)[at]
    del at
    # words per sentence: the running count at each sentence's end, minus at its start
    bounds = np.cumsum(counts)
    running = np.concatenate([[0], ends]).astype(np.int64)
    lengths = running[bounds] - running[bounds - counts]
    return (words, np.asarray(vocabulary, dtype=object), lengths,
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
    table = sentences[["doc_id", "outlet", "sentence_id", "sentence"]]  # copied on write
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
    elif hasattr(scorer, "score_corpus"):
        scores = scorer.score_corpus(corpus, sentences, progress=progress)
    else:
        scores = scorer.score(table["sentence"], progress=progress)
    for column in SCORE_COLUMNS:
        if column in scores:
            table[column] = scores[column].to_numpy()
        elif column == "words":  # a measure that shows no evidence words
            table[column] = np.full(n, "", dtype=object)
        else:  # a quantity the method does not measure
            table[column] = np.full(n, np.nan)
    table = table.reset_index(drop=True)
    memory_release()  # the words, tags and features of every sentence, now scored
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
