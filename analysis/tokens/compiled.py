"""The fast engine of the token and sentence tables: the same tokens and sentences as the
reference (pure Python) engine, found with compiled kernels where the reference loops in
Python.

- **Tokens.** No token crosses white space, except a number with its number word
  ("127 duizend"). So a text is cut at its line breaks and spaces by a compiled kernel
  (PyArrow's ``split_pattern``), each *distinct* piece is tokenised once by the reference
  pattern (:data:`analysis.text.words._TOKEN`), and the tokens of every piece are laid out with
  numpy. A piece that ends in a digit and is followed by a piece starting with a number
  word is tokenised together with it, as one stretch of text, by the reference pattern.
  Every token is thus found by the reference pattern on a stretch of text bounded by
  spaces or line breaks (or the text's ends), and finds there what it finds in the whole
  text: its look-arounds never look past white space, and no token but a number with its
  number word holds any.
- **Sentences** are found for all texts at once by :class:`analysis.tokens.punkt.PunktBulk`
  and handed to :func:`doc_worker`.

:func:`doc_worker` returns what the reference worker in :mod:`analysis.tokens` returns,
value for value; ``tests/test_tokenize_compiled.py`` compares the two engines.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.text.words import (
    _KIND_OF_GROUP,
    _NUMBER_WORDS,
    _TOKEN,
    _kind,
    abbreviations_load,
)

__all__ = ["SEPARATOR", "LINE_BREAK", "doc_worker", "tokens_of_texts"]

#: The characters a text is cut at: the line break, then the space. Other white space
#: (tabs, the no-break space, a carriage return) stays inside a piece, which the reference
#: pattern then tokenises whole: slower for such pieces, never different.
LINE_BREAK = "\n"
SEPARATOR = " "

_STARTS_NUMBER_WORD = re.compile(rf"(?:{_NUMBER_WORDS})", re.IGNORECASE)
#: Marks that the reference pattern reads as a token of their own after a word of letters
#: (a period is one too, unless the word is a known abbreviation), and before one.
_TAIL = frozenset(",:;?!)]}\"'’”…»")
_HEAD = frozenset("([{\"“„«")
#: The abbreviations of letters only that the reference pattern reads with their period.
_ABBREVIATED = frozenset(a for a in abbreviations_load() if a.isalpha() and a.isascii())

_GROUP_KIND = {_TOKEN.groupindex[name]: kind for name, kind in _KIND_OF_GROUP.items()}



def _tokenise(text: str) -> tuple[list[int], list[int], list[int], list[str]]:
    """Relative starts, ends, kinds (0 word, 1 number, 2 punct) and forms of the tokens of
    ``text``, by the reference pattern and kind rule."""
    starts, ends, kinds, forms = [], [], [], []
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        starts.append(a)
        ends.append(b)
        kind = _GROUP_KIND[m.lastindex]
        if kind == 0:
            first = text[a]
            if (first.isdigit() or first in "'’") and _kind(m):
                kind = 1
        kinds.append(kind)
        forms.append(m.group())
    return starts, ends, kinds, forms


def _piece_tokens(piece: str) -> tuple[list[int], list[int], list[int], list[str]]:
    """What :func:`_tokenise` finds in ``piece`` (text without a space or line break),
    the common shapes found without the pattern: a word and a mark after it (not an
    abbreviation's period), a mark and a word after it."""
    n = len(piece)
    if piece.isalpha():
        return [0], [n], [0], [piece]
    if n > 1:
        core, last = piece[:-1], piece[-1]
        if core.isalpha() and (last in _TAIL or (
                last == "." and core.isascii() and core.lower() not in _ABBREVIATED)):
            return [0, n - 1], [n - 1, n], [0, 2], [core, last]
        if piece[0] in _HEAD and piece[1:].isalpha():
            return [0, 1], [1, n], [2, 0], [piece[0], piece[1:]]
    return _tokenise(piece)


class _Pieces:
    """Every distinct piece tokenised so far in this process, with its tokens laid out
    flat (numpy arrays, so that the tokens of a text are gathered without Python loops),
    and every distinct token form."""

    LIMIT = 500_000  # pieces kept before starting afresh (some 100 MB at most)

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.ids: dict[str, int] = {}
        self.pieces: list[str] = []                # by id
        self.first = np.zeros(0, dtype=np.int64)   # per piece: its first token
        self.count = np.zeros(0, dtype=np.int64)   # per piece: its number of tokens
        self.ends_digit = np.zeros(0, dtype=bool)
        #: per piece: whether it starts with a number word (1, 0; -1 not yet looked at:
        #: only a piece after one ending in a digit is)
        self.number_word = np.zeros(0, dtype=np.int8)
        self.start = np.zeros(0, dtype=np.int64)   # per token: offset in its piece
        self.end = np.zeros(0, dtype=np.int64)
        self.kind = np.zeros(0, dtype=np.int8)
        self.code = np.zeros(0, dtype=np.int64)    # per token: into ``forms``
        self.code_of: dict[str, int] = {}
        self.forms = np.zeros(0, dtype=object)

    def form_codes(self, forms: list[str]) -> np.ndarray:
        """The codes of ``forms`` into :attr:`forms`, numbering the ones not seen before."""
        code_of = self.code_of
        get = code_of.get
        codes = np.array([get(form, -1) for form in forms], dtype=np.int64)
        missing = np.flatnonzero(codes < 0)
        if len(missing):
            unseen = [forms[i] for i in missing.tolist()]
            new = list(dict.fromkeys(unseen))
            code_of.update(zip(new, range(len(code_of), len(code_of) + len(new)),
                               strict=True))
            codes[missing] = [code_of[form] for form in unseen]
            self.forms = np.concatenate([self.forms, np.array(new, dtype=object)])
        return codes

    def lookup(self, pieces: list[str]) -> np.ndarray:
        """The ids of ``pieces`` (distinct), tokenising the ones not seen before."""
        if len(self.ids) + len(pieces) > self.LIMIT:
            self.clear()
        ids = self.ids
        get = ids.get
        found = np.array([get(p, -1) for p in pieces], dtype=np.int64)
        missing = np.flatnonzero(found < 0)
        if len(missing):
            new = [pieces[i] for i in missing.tolist()]
            first = len(ids)
            ids.update(zip(new, range(first, first + len(new)), strict=True))
            found[missing] = np.arange(first, first + len(new), dtype=np.int64)
            self._add(new)
        return found

    def starts_number_word(self, ids: np.ndarray) -> np.ndarray:
        """Whether each piece of ``ids`` starts with a number word."""
        flags = self.number_word[ids]
        unknown = flags < 0
        if unknown.any():
            todo = np.unique(ids[unknown])
            self.number_word[todo] = [
                _STARTS_NUMBER_WORD.match(self.pieces[i]) is not None for i in todo.tolist()]
            flags = self.number_word[ids]
        return flags.astype(bool)

    def _add(self, pieces: list[str]) -> None:
        """Tokenise ``pieces`` (new, distinct) and lay their tokens out after the others.

        A piece of letters only is one word (what the reference pattern finds): those are
        laid out together, without a loop; the tokens of the other pieces follow."""
        alpha = np.array([p.isalpha() for p in pieces], dtype=bool)
        words = [pieces[i] for i in np.flatnonzero(alpha).tolist()]
        others = np.flatnonzero(~alpha)
        starts, ends, kinds, forms, counts = [], [], [], [], []
        for i in others.tolist():
            a, b, k, f = _piece_tokens(pieces[i])
            starts.extend(a)
            ends.extend(b)
            kinds.extend(k)
            forms.extend(f)
            counts.append(len(a))
        base = len(self.start)
        count = np.ones(len(pieces), dtype=np.int64)
        first = base + np.cumsum(alpha, dtype=np.int64) - 1  # words: one token each
        other_count = np.asarray(counts, dtype=np.int64)
        count[others] = other_count
        first[others] = base + len(words) + np.cumsum(other_count) - other_count
        ends_digit = np.zeros(len(pieces), dtype=bool)  # a letter is never a digit
        ends_digit[others] = [pieces[i][-1].isdecimal() for i in others.tolist()]
        word_ends = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        self.pieces.extend(pieces)
        self.first = np.concatenate([self.first, first])
        self.count = np.concatenate([self.count, count])
        self.ends_digit = np.concatenate([self.ends_digit, ends_digit])
        self.number_word = np.concatenate([self.number_word,
                                           np.full(len(pieces), -1, dtype=np.int8)])
        self.start = np.concatenate([self.start, np.zeros(len(words), dtype=np.int64),
                                     np.asarray(starts, dtype=np.int64)])
        self.end = np.concatenate([self.end, word_ends, np.asarray(ends, dtype=np.int64)])
        self.kind = np.concatenate([self.kind, np.zeros(len(words), dtype=np.int8),
                                    np.asarray(kinds, dtype=np.int8)])
        self.code = np.concatenate([self.code, self.form_codes(words + forms)])


_PIECES = _Pieces()
#: One text at a time per process: the registry of pieces grows (and is cleared) as it
#: goes, so threads (a Dask worker's, a notebook's) take turns.
_PIECES_LOCK = threading.Lock()


def _serialised(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with _PIECES_LOCK:
            return function(*args, **kwargs)

    return wrapper


def _split(texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """The pieces of ``texts`` between line breaks and spaces (each one character, so
    a piece starts where the one before it ends, plus one): the number of pieces of each
    text, the length of each piece (in characters), the distinct non-empty pieces and, for
    each non-empty piece, its number among them."""
    try:
        array = pa.array(texts, type=pa.large_string())
    except (UnicodeError, pa.ArrowException):  # a lone surrogate has no UTF-8 form
        parts = [[p for line in t.split(LINE_BREAK) for p in line.split(SEPARATOR)]
                 for t in texts]
        per_text = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        flat = [p for ps in parts for p in ps]
        lengths = np.fromiter(map(len, flat), dtype=np.int64, count=len(flat))
        index, distinct = pd.factorize(np.asarray(flat, dtype=object)[lengths > 0])
        return per_text, lengths, list(distinct), index.astype(np.int64)
    lines = pc.split_pattern(array, pattern=LINE_BREAK)
    del array
    lines_per_text = pc.list_value_length(lines).to_numpy(zero_copy_only=False)
    parts = pc.split_pattern(pc.list_flatten(lines), pattern=SEPARATOR)
    del lines
    flat = pc.list_flatten(parts)
    per_line = pc.list_value_length(parts).to_numpy(zero_copy_only=False).astype(np.int64)
    pieces_before_line = np.concatenate([[0], np.cumsum(per_line)])
    per_text = np.diff(pieces_before_line[np.concatenate([[0], np.cumsum(lines_per_text)])])
    lengths = pc.utf8_length(flat).to_numpy(zero_copy_only=False).astype(np.int64)
    del parts
    encoded = pc.dictionary_encode(flat.filter(pa.array(lengths > 0)))
    return (per_text, lengths, encoded.dictionary.to_pylist(),
            encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64))


@_serialised
def tokens_of_texts(texts: list[str]):
    """Every token of ``texts``: arrays ``docs`` (index into ``texts``), ``starts``,
    ``ends``, ``kinds`` (int8: 0 word, 1 number, 2 punct), ``codes`` (int64 into
    ``forms``) and the array ``forms`` of distinct forms, ordered by article and offset.

    >>> docs, starts, ends, kinds, codes, forms = tokens_of_texts(["Zo'n 127 duizend.", "Ja"])
    >>> [forms[c] for c in codes], docs.tolist(), kinds.tolist()
    (["Zo'n", '127 duizend', '.', 'Ja'], [0, 0, 0, 1], [0, 1, 2, 0])
    """
    n = len(texts)
    per_text, lengths, distinct, index = _split(texts)
    doc = np.repeat(np.arange(n, dtype=np.int64), per_text)
    step = lengths + 1
    cum = np.cumsum(step) - step
    first = np.cumsum(per_text) - per_text
    start = cum - np.repeat(cum[first], per_text)
    keep = lengths > 0
    reg = _PIECES
    occ = reg.lookup(distinct)[index]
    del distinct, index
    doc, start, lengths = doc[keep], start[keep], lengths[keep]

    # a piece ending in a digit before one starting with a number word: tokenised together
    joined = np.zeros(len(occ), dtype=bool)
    link = np.zeros(max(len(occ) - 1, 0), dtype=bool)
    if len(occ) > 1:
        link = reg.ends_digit[occ[:-1]] & (doc[:-1] == doc[1:])
        after = np.flatnonzero(link)
        link[after] = reg.starts_number_word(occ[after + 1])
        joined[:-1] |= link
        joined[1:] |= link

    plain = ~joined
    p_occ, p_doc, p_start = occ[plain], doc[plain], start[plain]
    counts = reg.count[p_occ]
    total = int(counts.sum())
    rep = np.repeat(np.arange(len(p_occ), dtype=np.int64), counts)
    within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    index = reg.first[p_occ][rep] + within
    del within
    out_doc = p_doc[rep]
    base = p_start[rep]
    del rep
    out_start = base + reg.start[index]
    out_end = base + reg.end[index]
    out_kind = reg.kind[index]
    out_code = reg.code[index]
    del base, index

    if joined.any():
        # stretches of linked pieces, each tokenised whole by the reference pattern
        where = np.flatnonzero(joined)
        breaks = np.flatnonzero(~((where[1:] == where[:-1] + 1) & link[where[:-1]]))
        run_first = where[np.concatenate([[0], breaks + 1])]
        run_last = where[np.concatenate([breaks, [len(where) - 1]])]
        x_doc, x_start, x_end, x_kind, x_forms = [], [], [], [], []
        for f, last in zip(run_first.tolist(), run_last.tolist(), strict=True):
            d, s = int(doc[f]), int(start[f])
            a, b, k, forms = _tokenise(texts[d][s:int(start[last] + lengths[last])])
            x_doc.extend([d] * len(a))
            x_start.extend(s + v for v in a)
            x_end.extend(s + v for v in b)
            x_kind.extend(k)
            x_forms.extend(forms)
        # both lists are in text order: the stretches' tokens go where they belong
        x_doc = np.asarray(x_doc, dtype=np.int64)
        x_start = np.asarray(x_start, dtype=np.int64)
        offset = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=n) + 1, out=offset[1:])
        at = (np.searchsorted(offset[out_doc] + out_start, offset[x_doc] + x_start)
              + np.arange(len(x_doc), dtype=np.int64))
        plain_at = np.ones(len(out_doc) + len(x_doc), dtype=bool)
        plain_at[at] = False

        def merged(plain: np.ndarray, stretch) -> np.ndarray:
            out = np.empty(len(plain_at), dtype=plain.dtype)
            out[plain_at] = plain
            out[at] = stretch
            return out

        out_doc, out_start = merged(out_doc, x_doc), merged(out_start, x_start)
        out_end, out_kind = merged(out_end, x_end), merged(out_kind, x_kind)
        out_code = merged(out_code, reg.form_codes(x_forms))
    present = np.zeros(len(reg.forms), dtype=bool)
    present[out_code] = True
    renumber = np.cumsum(present, dtype=np.int64) - 1
    return (out_doc, out_start, out_end, out_kind, renumber[out_code],
            reg.forms[np.flatnonzero(present)])


# --------------------------------------------------------------------------- worker


def doc_worker(texts: list[str],
               sentences: Callable[[list[str]], tuple[np.ndarray, np.ndarray, np.ndarray]]):
    """Sentence spans (by ``sentences``: the number of sentences of each text, and the
    starts and ends of all) and tokens of ``texts``, in the form of the reference worker
    ``analysis.tokens.corpus_tables._doc_worker_python``."""
    n_sent, sent_starts, sent_ends = sentences(texts)
    s_docs = np.repeat(np.arange(len(texts), dtype=np.int64), n_sent)
    s_first = np.cumsum(n_sent) - n_sent
    s_ids = (np.arange(len(sent_starts), dtype=np.int64) - np.repeat(s_first, n_sent) + 1)

    docs, starts, ends, kinds, codes, forms = tokens_of_texts(texts)
    # sentence of each token: the sentence starts up to the token's start, within its text
    base = np.cumsum([0] + [len(t) + 1 for t in texts])[:-1].astype(np.int64)
    g_sent = base[s_docs] + sent_starts
    g_tok = base[docs] + starts
    sids = np.searchsorted(g_sent, g_tok, side="right") - s_first[docs]
    sids = np.maximum(sids, 1)
    pos_first = np.searchsorted(docs, np.arange(len(texts), dtype=np.int64), side="left")
    pos = np.arange(len(docs), dtype=np.int64) - pos_first[docs] + 1
    return (
        (s_docs, s_ids.astype(np.int32), sent_starts.astype(np.int64),
         sent_ends.astype(np.int64)),
        (docs, sids.astype(np.int32), pos.astype(np.int32), codes.astype(np.int32),
         forms, starts, ends, kinds),
    )
