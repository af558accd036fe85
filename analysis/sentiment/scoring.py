"""Pattern's sentiment assessments (``Sentiment.assessments``) over a whole corpus at once.

Pattern scores a tagged sentence word by word: a word of the lexicon (in the part of speech
its tag gives) starts a chunk, or joins the chunk before it when that one ended on a
modifier ("erg mooi"); a negation before it ("niet goed") turns the chunk around; "!"
boosts the chunk before it; "(!)" and emoticons are chunks of their own. ``polarity`` and
``subjectivity`` are the means over the chunks, a negated chunk's polarity counting -0.5
times.

Here the lemma, the lexicon entry and every property those rules test are looked up once
per distinct (word, tag) pair, and the rules run position by position over all sentences
at once, with the state Pattern keeps (the pending modifier, the pending negation, the open
chunk) as one array entry per sentence. Scores are identical to
:meth:`analysis.sentiment.tagger._LexiconScorer.score`, float for float
(``tests/test_sentiment_scoring.py`` compares them on recorded corpora).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.sentiment.tagger import _EXCLUDED, _scorer
from analysis.sentiment.tagging import TaggedWords

__all__ = ["scores_flat"]


def _clamp(values: np.ndarray) -> np.ndarray:
    """``max(-1.0, min(x, +1.0))``."""
    return np.maximum(-1.0, np.minimum(values, 1.0))


class _PairTable:
    """What the assessment rules test, per distinct (lemma, part of speech) pair."""

    def __init__(self, lemmas: list[str], pos: list[str]):
        scorer = _scorer()
        sentiment = scorer.sentiment
        text = scorer._text
        modifiers, negations = sentiment.modifiers, sentiment.negations
        emoticons = [(p, {e.lower() for e in group}) for (_, p), group in text.EMOTICONS.items()]
        n = len(lemmas)
        self.known = np.zeros(n, dtype=bool)
        self.p = np.zeros(n)
        self.s = np.zeros(n)
        self.i = np.ones(n)
        self.known_modifier = np.zeros(n, dtype=bool)
        self.negation = np.zeros(n, dtype=bool)
        self.long1 = np.zeros(n, dtype=bool)
        self.long2 = np.zeros(n, dtype=bool)
        self.pos_modifier = np.zeros(n, dtype=bool)
        self.word_modifier = np.zeros(n, dtype=bool)
        self.bang = np.zeros(n, dtype=bool)
        self.irony = np.zeros(n, dtype=bool)
        self.emoticon = np.full(n, np.nan)
        for k, (w, tag) in enumerate(zip(lemmas, pos, strict=True)):
            entry = sentiment.get(w)
            if entry is not None and tag in entry:
                self.known[k] = True
                self.p[k], self.s[k], self.i[k] = entry[tag]
                self.known_modifier[k] = bool(tag and tag in modifiers
                                              or any(map(entry.__contains__, modifiers)))
            self.negation[k] = w in negations
            self.long1[k] = len(w.strip("'")) > 1
            self.long2[k] = len(w) > 2
            self.pos_modifier[k] = tag in modifiers
            self.word_modifier[k] = bool(sentiment.modifier(w))
            self.bang[k] = w == "!"
            self.irony[k] = w == "(!)"
            if w.isalpha() is False and len(w) <= 5 and w not in text.PUNCTUATION:
                for p, group in emoticons:
                    if w in group:
                        self.emoticon[k] = p
                        break


def _pairs(tagged: TaggedWords, excluded: np.ndarray | None):
    """Per word, the code of its (lemma, part of speech) pair; the pairs' lemmas and parts
    of speech. A word left out is Pattern's unknown word ``<frame>``."""
    scorer = _scorer()
    n_tags = len(tagged.tagset)
    word_tag = tagged.codes * n_tags + tagged.tags.astype(np.int64)
    distinct, per_word = np.unique(word_tag, return_inverse=True)
    per_word = np.asarray(per_word).reshape(-1)
    vocabulary = tagged.vocabulary.tolist()
    tagset = tagged.tagset.tolist()
    lemma_of = []
    pos_of = []
    for key in distinct.tolist():
        word, tag = vocabulary[key // n_tags], tagset[key % n_tags]
        if tag.startswith(("JJ", "NNS", "VB", "MD")):  # Pattern's lemmatiser may change it
            lemma_of.append(scorer.lemma(word, tag) or word.lower())
        else:  # find_lemmata keeps the word as it is, lower-cased
            lemma_of.append(word.lower())
        pos_of.append(tag[:2])
    if excluded is not None and excluded.any():
        # the left-out words: one pair per part of speech, after the others
        frame_pos = sorted(set(np.asarray(pos_of, dtype=object)[per_word[excluded]].tolist()))
        index = {p: len(lemma_of) + k for k, p in enumerate(frame_pos)}
        per_word = per_word.copy()
        pos_array = np.asarray(pos_of, dtype=object)
        per_word[excluded] = [index[p] for p in pos_array[per_word[excluded]].tolist()]
        lemma_of += [_EXCLUDED] * len(frame_pos)
        pos_of += frame_pos
    # the same lemma and part of speech from different words: one pair
    lemma_codes, lemma_names = pd.factorize(pd.Series(lemma_of, dtype=object), sort=False)
    pos_codes, pos_names = pd.factorize(pd.Series(pos_of, dtype=object), sort=False)
    key = lemma_codes.astype(np.int64) * max(len(pos_names), 1) + pos_codes
    unique, pair_codes = np.unique(key, return_inverse=True)
    lemma_names, pos_names = lemma_names.tolist(), pos_names.tolist()
    n_pos = max(len(pos_names), 1)
    return (np.asarray(pair_codes, dtype=np.int64).reshape(-1)[per_word],
            [lemma_names[k // n_pos] for k in unique.tolist()],
            [pos_names[k % n_pos] for k in unique.tolist()])


def scores_flat(tagged: TaggedWords, excluded: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Pattern's lexicon ``polarity``, ``subjectivity`` and scored ``words`` (chunks joined
    by "; ") of every sentence of ``tagged``; ``excluded``: per word, True to leave it out
    of the score (it counts as an unknown word).

    >>> from analysis.sentiment.tagging import tags_flat, words_flat
    >>> tagged = tags_flat(*words_flat([("Het", "is", "niet", "erg", "mooi", "."),
    ...                                 ("Een", "goede", "dag", "!")]))
    >>> polarity, subjectivity, words = scores_flat(tagged)
    >>> polarity.round(3).tolist(), words
    ([-0.226, 0.688], ['niet erg mooi', 'goed !'])
    """
    lengths = tagged.lengths
    n_sentences = len(lengths)
    polarity = np.zeros(n_sentences)
    subjectivity = np.zeros(n_sentences)
    words = [""] * n_sentences
    if len(tagged.codes) == 0:
        return polarity, subjectivity, words
    pair, lemmas, pos = _pairs(tagged, excluded)
    table = _PairTable(lemmas, pos)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    # only sentences with a chunk can score: a word of the lexicon, "(!)" or an emoticon
    opens = table.known | table.irony | ~np.isnan(table.emoticon)
    sentence_of = np.repeat(np.arange(n_sentences), lengths)
    scoring = np.zeros(n_sentences, dtype=bool)
    scoring[sentence_of[opens[pair]]] = True
    rows = np.flatnonzero(scoring)
    rows = rows[np.argsort(-lengths[rows], kind="stable")]  # longest first
    if not len(rows):
        return polarity, subjectivity, words
    row_lengths = lengths[rows]
    row_starts = starts[rows]
    m = len(rows)
    # Pattern's state per sentence: the pending modifier word (pair code, -1 none), the
    # pending negation (pair code, -1 none), the open chunk (p, s, i, negated) and the sums
    modifier = np.full(m, -1, dtype=np.int64)
    negation = np.full(m, -1, dtype=np.int64)
    has_chunk = np.zeros(m, dtype=bool)
    cur_p, cur_s, cur_i = np.zeros(m), np.zeros(m), np.ones(m)
    cur_negated = np.zeros(m, dtype=bool)
    chunk_no = np.full(m, -1, dtype=np.int64)
    sum_p, sum_s = np.zeros(m), np.zeros(m)
    count = np.zeros(m, dtype=np.int64)
    events: list[tuple[np.ndarray, ...]] = []  # (row, chunk, key, pair code)
    bang_code = len(lemmas)  # "!" as a word of a chunk

    def close(where: np.ndarray) -> None:
        """The open chunk of rows ``where`` is done: add it to the sums."""
        where = where[has_chunk[where]]
        sum_p[where] += np.where(cur_negated[where], cur_p[where] * -0.5, cur_p[where])
        sum_s[where] += cur_s[where]
        count[where] += 1

    def open_chunk(where: np.ndarray, p, s, i, first_word, key: int) -> None:
        close(where)
        has_chunk[where] = True
        chunk_no[where] += 1
        cur_p[where], cur_s[where], cur_i[where] = p, s, i
        cur_negated[where] = False
        events.append((where, chunk_no[where].copy(), np.full(len(where), key), first_word))

    def add_word(where: np.ndarray, word, key: int) -> None:
        events.append((where, chunk_no[where].copy(), np.full(len(where), key),
                       np.broadcast_to(np.asarray(word, dtype=np.int64), where.shape).copy()))

    for k in range(int(row_lengths[0])):
        active = int(np.searchsorted(-row_lengths, -k, side="left"))
        idx = np.arange(active)
        w = pair[row_starts[:active] + k]
        known = table.known[w]
        # ---- a word of the lexicon
        r = idx[known]
        wk = w[known]
        fresh = modifier[r] < 0
        a = r[fresh]
        open_chunk(a, table.p[wk[fresh]], table.s[wk[fresh]], table.i[wk[fresh]],
                   wk[fresh], key=0)
        b, wb = r[~fresh], wk[~fresh]
        cur_p[b] = _clamp(table.p[wb] * cur_i[b])
        cur_s[b] = _clamp(table.s[wb] * cur_i[b])
        cur_i[b] = table.i[wb]
        add_word(b, wb, key=2 * k + 2)
        neg = r[negation[r] >= 0]
        add_word(neg, negation[neg], key=-(k + 1))
        cur_i[neg] = 1.0 / cur_i[neg]
        cur_negated[neg] = True
        modifier[r] = np.where(table.known_modifier[wk], wk, -1)
        negation[r] = np.where(table.negation[wk], wk, -1)
        # ---- any other word
        u = idx[~known]
        wu = w[~known]
        is_neg = table.negation[wu]
        negation[u[is_neg]] = wu[is_neg]
        drop = ~is_neg & (negation[u] >= 0) & table.long1[wu]
        negation[u[drop]] = -1
        mod = modifier[u]
        joins = (negation[u] >= 0) & (mod >= 0) & (
            table.pos_modifier[wu] | table.word_modifier[np.maximum(mod, 0)])
        j = u[joins]
        add_word(j, negation[j], key=2 * k + 2)
        cur_negated[j] = True
        negation[j] = -1
        forget = ~joins & (mod >= 0) & table.long2[wu]
        modifier[u[forget]] = -1
        bang = u[table.bang[wu] & has_chunk[u]]
        add_word(bang, bang_code, key=2 * k + 3)
        cur_p[bang] = _clamp(cur_p[bang] * 1.25)
        irony = table.irony[wu]
        ir = u[irony]
        open_chunk(ir, 0.0, 1.0, 1.0, wu[irony], key=0)
        emo = ~np.isnan(table.emoticon[wu])
        em = u[emo]
        open_chunk(em, table.emoticon[wu[emo]], 1.0, 1.0, wu[emo], key=0)
    close(np.arange(m))
    n = np.maximum(count, 1).astype(float)
    polarity[rows] = sum_p / n
    subjectivity[rows] = sum_s / n
    # the chunks' words, in Pattern's order: negations put in front last first, the rest in
    # the order they were added
    if events:
        row = np.concatenate([e[0] for e in events])
        chunk = np.concatenate([e[1] for e in events])
        key = np.concatenate([e[2] for e in events])
        word = np.concatenate([e[3] for e in events])
        order = np.lexsort((key, chunk, row))
        names = np.asarray(list(lemmas) + ["!"], dtype=object)[word[order]].tolist()
        row, chunk = row[order], chunk[order]
        # where a chunk, and where a sentence, begins among the sorted words
        new_chunk = np.ones(len(row), dtype=bool)
        new_chunk[1:] = (row[1:] != row[:-1]) | (chunk[1:] != chunk[:-1])
        chunk_at = np.flatnonzero(new_chunk).tolist() + [len(row)]
        texts = [" ".join(names[a:b]) for a, b in zip(chunk_at[:-1], chunk_at[1:], strict=True)]
        chunk_row = row[chunk_at[:-1]]
        new_row = np.ones(len(chunk_row), dtype=bool)
        new_row[1:] = chunk_row[1:] != chunk_row[:-1]
        row_at = np.flatnonzero(new_row).tolist() + [len(chunk_row)]
        for a, b in zip(row_at[:-1], row_at[1:], strict=True):
            words[int(rows[chunk_row[a]])] = "; ".join(texts[a:b])
    return polarity, subjectivity, words
