"""The classifier's words of every sentence of a corpus, read from the token store.

The classifier's word and lemma blocks read a sentence's words with scikit-learn's token
pattern (:data:`analysis.learn.ngrams.WORD_PATTERN`, on the lower-cased sentence): the
runs of word characters. The token store holds every token of the corpus with its offsets,
so each distinct token type is read by the pattern once, and a sentence's words are its
tokens' words one after the other, gathered with arrays. That is what the pattern finds in
the sentence itself whenever

- every token lies inside the sentence, in order, with the length of its type,
- every word character of the sentence lies inside a token (the gaps between tokens hold
  none),
- no two tokens touch with a word character on either side (the pattern would read them
  as one word), and
- lower-casing the sentence changes each character into one character, alike in being a
  word character or not, and regardless of its neighbours (not so for "İ", which becomes
  "i" and a combining dot, nor for "Σ", whose lower case depends on the next letter).

A sentence for which any of these does not hold is read by the pattern itself; so the
words, and the classifier's probabilities, are those of reading every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.learn.ngrams import WORD_PATTERN
from analysis.tokens.corpus_tables import tokens_raw

__all__ = ["SentenceWords", "classifier_words", "sentence_rows"]

_WORDS = re.compile(WORD_PATTERN)
_WORD_CHAR = re.compile(r"\w")
#: Distinct sentences whose characters are checked at once.
CHECK_SENTENCES = 50_000


def sentence_rows(doc_codes: np.ndarray, sids: np.ndarray, sent_doc: np.ndarray,
                   sent_sid: np.ndarray) -> tuple[np.ndarray | None, np.ndarray]:
    """The tokens (article code, sentence number each) of each sentence, in the order of
    the sentences: ``(rows, counts)``, the token rows one sentence after the other (None
    when that is every token in its own order) and the number of tokens of each sentence."""
    sent_doc = sent_doc.astype(np.int64)
    sent_sid = sent_sid.astype(np.int64)
    width = int(max(sids.max(initial=0), sent_sid.max(initial=0))) + 1
    sent_key = sent_doc * width + sent_sid
    n = len(doc_codes)
    same_doc = doc_codes[1:] == doc_codes[:-1]
    if np.all((doc_codes[1:] > doc_codes[:-1]) | (same_doc & (sids[1:] >= sids[:-1]))):
        # the tokens come in runs, one per sentence, in key order: no sort, no copy
        run_at = np.flatnonzero(np.append(True, ~same_doc | (sids[1:] != sids[:-1])))[:n]
        del same_doc
        run_key = doc_codes[run_at].astype(np.int64) * width + sids[run_at]
        run_len = np.diff(np.append(run_at, n))
        if np.array_equal(run_key, sent_key):
            return None, run_len.astype(np.int64)
        at = np.minimum(np.searchsorted(run_key, sent_key), max(len(run_key) - 1, 0))
        found = run_key[at] == sent_key if len(run_key) else np.zeros(len(sent_key), bool)
        counts = np.where(found, run_len[at] if len(run_len) else 0, 0).astype(np.int64)
        left = run_at[at] if len(run_at) else np.zeros(len(sent_key), dtype=np.int64)
        order = None
    else:
        del same_doc
        token_key = doc_codes.astype(np.int64) * width + sids
        order = np.argsort(token_key, kind="stable")
        sorted_keys = token_key[order]
        del token_key
        left = np.searchsorted(sorted_keys, sent_key, side="left")
        counts = np.searchsorted(sorted_keys, sent_key, side="right") - left
    first = np.cumsum(counts) - counts
    rows = np.repeat(left - first, counts) + np.arange(int(counts.sum()))
    return (rows if order is None else order[rows]), counts


@lru_cache(maxsize=1)
def _char_tables() -> tuple[np.ndarray, np.ndarray]:
    """Per code point: whether it is a word character, and whether lower-casing it can
    change what the token pattern reads (more than one character, a change of word
    character or not, or a lower case that depends on the neighbours)."""
    every = "".join(map(chr, range(0x110000)))
    word = np.zeros(0x110000, dtype=bool)
    for m in re.finditer(r"\w+", every):
        word[m.start():m.end()] = True
    unsafe = np.zeros(0x110000, dtype=bool)
    for c, ch in enumerate(every):
        low = ch.lower()
        if low != ch and (len(low) != 1 or (_WORD_CHAR.match(low) is not None) != word[c]):
            unsafe[c] = True
    unsafe[ord("Σ")] = True  # final sigma: lower case by context
    return word, unsafe


def _per_sentence(values: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """The sum of ``values`` over each range ``bounds[i]:bounds[i + 1]``."""
    running = np.concatenate([[0], np.cumsum(values, dtype=np.int64)])
    return running[bounds[1:]] - running[bounds[:-1]]


def _chars_agree(texts: list[str], token_word_chars: np.ndarray) -> np.ndarray:
    """Per text: no character whose lower case could change the pattern's reading, and
    as many word characters as its tokens hold (``token_word_chars``)."""
    word, unsafe = _char_tables()
    agree = np.zeros(len(texts), dtype=bool)
    for a in range(0, len(texts), CHECK_SENTENCES):
        part = texts[a:a + CHECK_SENTENCES]
        chars = np.frombuffer("".join(part).encode("utf-32-le", "surrogatepass"),
                              dtype=np.uint32)
        bounds = np.concatenate([[0], np.cumsum([len(t) for t in part])]).astype(np.int64)
        agree[a:a + len(part)] = ((_per_sentence(unsafe[chars], bounds) == 0)
                                  & (_per_sentence(word[chars], bounds)
                                     == token_word_chars[a:a + len(part)]))
    return agree


class SentenceWords:
    """The words of sentences ``which`` (rows of ``sentences``, the table of
    :func:`analysis.tokens.tokens_sentences` for ``corpus``; ``texts`` their sentences) as
    :func:`analysis.learn.ngrams.texts_words` reads them, from the token store, a range
    of them at a time (:meth:`words`); ``read`` counts the sentences the pattern read
    itself."""

    def __init__(self, corpus: pd.DataFrame, sentences: pd.DataFrame, which: np.ndarray,
                 texts: Sequence[str], *, progress: bool | None = None):
        raw = tokens_raw(corpus, progress=progress)
        row_doc = pd.factorize(corpus["doc_id"].astype(str).to_numpy())[0].astype(np.int32)
        which = np.asarray(which, dtype=np.int64)
        rows, counts = sentence_rows(row_doc[raw.docs], raw.sids,
                                     sentences["doc_id"].cat.codes.to_numpy()[which],
                                     sentences["sentence_id"].to_numpy()[which])
        self.raw, self.texts, self.read = raw, texts, 0
        self.rows = None if rows is None else rows.astype(np.int32 if len(raw.codes) < 2**31
                                                          else np.int64)
        self.bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.start = sentences["start"].to_numpy(dtype=np.int64)[which]
        del rows, row_doc

        # each token type met: its words under the pattern, read once
        met = np.zeros(len(raw.types), dtype=bool)
        met[raw.codes if self.rows is None else raw.codes[self.rows]] = True
        used = np.flatnonzero(met)
        self.local = np.full(len(raw.types), -1, dtype=np.int32)
        self.local[used] = np.arange(len(used), dtype=np.int32)
        types = np.asarray(raw.types, dtype=object)[used].tolist()
        parts = [_WORDS.findall(t.lower()) for t in types]
        self.n_parts = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
        self.offset = np.cumsum(self.n_parts) - self.n_parts
        part_codes, names = pd.factorize(pd.Series([w for p in parts for w in p],
                                                   dtype=object), sort=False)
        self.part_codes = part_codes.astype(np.int64)
        self.names = names.tolist()
        self.index = {w: k for k, w in enumerate(self.names)}
        self.type_length = np.fromiter((len(t) for t in types), dtype=np.int64,
                                       count=len(types))
        self.word_chars = np.fromiter((sum(map(len, _WORDS.findall(t))) for t in types),
                                      dtype=np.int64, count=len(types))
        self.first_word = np.fromiter((_WORD_CHAR.match(t[:1]) is not None for t in types),
                                      dtype=bool, count=len(types))
        self.last_word = np.fromiter((_WORD_CHAR.match(t[-1:]) is not None for t in types),
                                     dtype=bool, count=len(types))

    def words(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """The words of sentences ``a`` to ``b``: ``(codes, lengths, names)``, named by the
        distinct words among them only."""
        raw, n = self.raw, b - a
        lo, hi = int(self.bounds[a]), int(self.bounds[b])
        rows = np.arange(lo, hi) if self.rows is None else self.rows[lo:hi]
        sentence_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(self.bounds[a:b + 1]))
        start = self.start[a:b][sentence_of]
        codes = self.local[raw.codes[rows]].astype(np.int64)
        begin = raw.starts[rows] - start
        end = raw.ends[rows] - start
        del rows, start
        texts = [str(t) for t in self.texts[a:b]]
        length = np.fromiter((len(t) for t in texts), dtype=np.int64, count=n)

        # the conditions under which the tokens' words are the sentence's
        bad = np.zeros(n, dtype=bool)
        outside = ((begin < 0) | (end > length[sentence_of])
                   | (end - begin != self.type_length[codes]))
        bad[sentence_of[outside]] = True
        same = sentence_of[1:] == sentence_of[:-1]
        joined = same & ((begin[1:] < end[:-1])
                         | ((begin[1:] == end[:-1]) & self.last_word[codes[:-1]]
                            & self.first_word[codes[1:]]))
        bad[sentence_of[1:][joined]] = True
        del outside, same, joined, begin, end
        fast = ~bad & _chars_agree(texts, np.bincount(
            sentence_of, weights=self.word_chars[codes], minlength=n).astype(np.int64))

        # the fast sentences' words: each token's words, one token after the other
        keep = fast[sentence_of]
        codes, sentence_of = codes[keep], sentence_of[keep]
        per_token = self.n_parts[codes]
        within = np.arange(int(per_token.sum()), dtype=np.int64) - np.repeat(
            np.cumsum(per_token) - per_token, per_token)
        fast_words = self.part_codes[np.repeat(self.offset[codes], per_token) + within]
        lengths = np.bincount(sentence_of, weights=per_token, minlength=n).astype(np.int64)
        del codes, sentence_of, per_token, within, keep

        # the others read by the pattern, their words added to the names
        slow = np.flatnonzero(~fast)
        self.read += len(slow)
        slow_words = [_WORDS.findall(texts[i].lower()) for i in slow.tolist()]
        lengths[slow] = [len(w) for w in slow_words]
        index = self.index
        slow_codes = np.fromiter((index.setdefault(w, len(index)) for ws in slow_words
                                  for w in ws), dtype=np.int64)
        self.names.extend(list(index)[len(self.names):])
        words = np.empty(int(lengths.sum()), dtype=np.int64)
        from_tokens = np.repeat(fast, lengths)
        words[from_tokens] = fast_words
        words[~from_tokens] = slow_codes
        used, local = np.unique(words, return_inverse=True)
        return local.reshape(-1), lengths, [self.names[k] for k in used.tolist()]


def classifier_words(corpus: pd.DataFrame, sentences: pd.DataFrame, which: np.ndarray,
                     texts: list[str], *, progress: bool | None = None
                     ) -> tuple[tuple[np.ndarray, np.ndarray, list[str]], int]:
    """The words of sentences ``which`` (rows of ``sentences``, the table of
    :func:`analysis.tokens.tokens_sentences` for ``corpus``; ``texts`` their sentences) as
    :func:`analysis.learn.ngrams.texts_words` reads them, from the token store: ``((codes,
    lengths, names), read)``, ``read`` the number of sentences the pattern read itself
    (:class:`SentenceWords`, all at once).

    >>> from analysis.tokens import tokens_sentences
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Rusland's 10km-tocht. İstanbul!"]})
    >>> s = tokens_sentences(c)
    >>> (codes, lengths, names), read = classifier_words(c, s, np.arange(2),
    ...                                                  s["sentence"].tolist())
    >>> [names[k] for k in codes], lengths.tolist(), read
    (['rusland', 's', '10km', 'tocht', 'i', 'stanbul'], [4, 2], 1)
    """
    reader = SentenceWords(corpus, sentences, which, texts, progress=progress)
    words = reader.words(0, len(texts))
    return words, reader.read
