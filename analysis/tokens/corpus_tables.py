"""Dutch sentences and tokens, computed once per corpus and reused by every analysis.

- :func:`analysis.tokens.sentences.sentences_split` splits a text into sentences with NLTK's
  Punkt algorithm and a Dutch abbreviation list shipped with the package (no NLTK data
  download); paragraphs (line breaks) always end a sentence.
- :func:`analysis.text.tokens_tokenize` splits a text into tokens with character offsets: hyphenated
  compounds (NAVO-Rusland, de-escaleren) stay one token, elided forms stay whole ('s, ’91,
  zo'n), numbers (127 duizend, 3,5, 2022-01, and elided years such as ’91) are tokens of
  kind ``number``, and quotes, dashes and ellipses are punctuation.
- :data:`analysis.tokens.sentences.ENGINE` chooses how: ``"compiled"`` (the default,
  compiled kernels in :mod:`analysis.tokens.compiled`) or ``"python"`` (the reference);
  both give the same sentences and tokens.
- :func:`tokens_sentences` and :func:`tokens_corpus` turn a whole corpus into long tables
  (one row per sentence, one row per token). Both are cached on the corpus content and
  the settings, so repeated analyses in one kernel do not tokenise again. Their texts
  are NFC-normalised first (as :func:`analysis.corpus.corpus_load` already does), so the
  character offsets refer to the NFC text.
- Both tables derive from one pass over the corpus (sentence spans and every token, before
  any option), which is also kept on disk by :mod:`analysis.tokens.store`, keyed by the
  fingerprint of the texts, the tokenizer's settings
  (:func:`analysis.tokens.sentences.tokens_settings`) and the toolkit version: a later
  process (a command, a notebook kernel) reads it instead of tokenising again.
  Corpora under :data:`STORE_MIN_CHARS` characters are not stored (tokenising them is
  quicker than reading them back).
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.corpus import CorpusError, corpus_fingerprint, decode_bytes
from analysis.parallel import THREADS_ROWS, chunks_map, memory_release, threads_run
from analysis.paths import DATA_DIR
from analysis.tables import groups_by
from analysis.text.words import (
    _KIND_OF_GROUP,
    _KINDS,
    _TOKEN,
    INVISIBLE_CHARACTERS,
    _kind,
    text_normalise,
    wordlist_load,
    wordlist_parse,
)
from analysis.tokens.compiled import doc_worker as _doc_worker_compiled
from analysis.tokens.store import tokenstore_key, tokenstore_load, tokenstore_save

if TYPE_CHECKING:  # nltk takes a second to import: only when a corpus is tokenised
    pass

from analysis.tokens.sentences import (
    _engine,
    sentences_spans,
    sentences_split,
    tokens_settings,
)

__all__ = [
    "STOPWORDS_FILE",
    "stopwords_load",
    "tokens_sentences",
    "tokens_corpus",
    "tokens_cache_clear",
    "STORE_MIN_CHARS",
]

STOPWORDS_FILE = DATA_DIR / "stopwords_nl.txt"


#: Corpora larger than this many characters are tokenised in parallel, with a progress bar.
#: Below it (some 2.5 million tokens, two seconds on one core) starting the workers and
#: filling their caches costs more than the second core gains.
PARALLEL_CHARS = 16_000_000
_CHUNK_CHARS = 1_000_000
_TOKEN_COLUMNS = ("doc_id", "outlet", "sentence_id", "position", "token", "norm", "kind",
                  "start", "end")
#: Corpora of at least this many characters are kept in the token store
#: (:mod:`analysis.tokens.store`); smaller ones are tokenised faster than they are read back.
STORE_MIN_CHARS = 100_000


def stopwords_load(path: str | Path | None = None) -> frozenset[str]:
    """The Dutch stopword list shipped with the package, or the one in ``path`` (one word a
    line, ``#`` starts a comment). A file is decoded as the articles are: UTF-8, UTF-16 or
    Windows-1252, detected, so a list saved by Notepad reads as written. Raises
    ``ValueError`` naming the file when it cannot be read as text.
    """
    if path is None:
        return wordlist_load(STOPWORDS_FILE)
    try:
        return wordlist_parse(decode_bytes(Path(path).read_bytes(), name=str(path)))
    except CorpusError as exc:
        raise ValueError(" ".join(str(p) for p in exc.problems)) from None


# --------------------------------------------------------------------------- corpus tables

_CACHE: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_CACHE_SIZE = 8


def tokens_cache_clear() -> None:
    """Forget every cached sentence and token table."""
    _CACHE.clear()
    _RAW.clear()


def _cache_key(corpus: pd.DataFrame, what: str, settings: tuple, fingerprint: str) -> tuple:
    """The in-memory key of a table: the fingerprints of the texts (``fingerprint``, see
    :func:`_text_fingerprint`) and of the article columns, and the settings."""
    return (what, fingerprint, corpus_fingerprint(corpus[["doc_id", "outlet"]]),
            tuple(sorted(tokens_settings().items())), settings)


def _text_fingerprint(corpus: pd.DataFrame) -> str:
    """The fingerprint of what the sentences and tokens depend on: the texts, in order."""
    return corpus_fingerprint(corpus[["text"]])



def _cached(key: tuple) -> pd.DataFrame | None:
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key].copy(deep=False)
    return None


def _store(key: tuple, table: pd.DataFrame) -> pd.DataFrame:
    _CACHE[key] = table
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return table.copy(deep=False)


def _texts(corpus: pd.DataFrame) -> list[str]:
    """The corpus texts as :func:`analysis.text.text_normalise` makes them (NFC, invisible
    characters removed; a no-op for a loaded corpus, whose texts are kept as they are
    after a quick check of each)."""
    return _normalised(corpus["text"].astype(str).tolist())


def _normalised(texts: list[str]) -> list[str]:
    """``texts`` as :func:`analysis.text.text_normalise` makes them (each one checked
    first: a text that is already so is kept as it is)."""
    return [t if unicodedata.is_normalized("NFC", t) and not any(
                ch in t for ch in INVISIBLE_CHARACTERS) else text_normalise(t)
            for t in texts]


def _chunks(texts: list[str]) -> list[tuple[int, int]]:
    bounds, start, size = [], 0, 0
    for i, text in enumerate(texts):
        size += len(text)
        if size >= _CHUNK_CHARS:
            bounds.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(texts):
        bounds.append((start, len(texts)))
    return bounds


def _doc_columns(corpus: pd.DataFrame, docs: np.ndarray, *,
                 keep: np.ndarray | None = None) -> dict[str, pd.Categorical]:
    """The ``doc_id`` and ``outlet`` columns of rows of articles ``docs``; with ``keep``,
    of the rows it marks only. ``docs`` is in order (each article one run), so the
    columns are laid out article by article instead of gathered row by row."""
    n = len(corpus)
    in_order = not len(docs) or not (docs[1:] < docs[:-1]).any()
    if in_order:
        bounds = np.searchsorted(docs, np.arange(n + 1, dtype=np.int64), side="left")
        per_doc = (np.diff(bounds) if keep is None else np.fromiter(
            (np.count_nonzero(keep[a:b]) for a, b in zip(bounds[:-1].tolist(),
                                                          bounds[1:].tolist(), strict=True)),
            dtype=np.int64, count=n))
    out = {}
    for column in ("doc_id", "outlet"):
        # an article without an outlet is in the missing group, as in every grouped table
        values = (corpus[column].astype(str) if column == "doc_id" else
                  groups_by(corpus, column)).to_numpy()
        categories = pd.unique(values)
        codes = pd.Categorical(values, categories=categories).codes
        rows = (np.repeat(codes, per_doc) if in_order else
                codes[docs if keep is None else docs[keep]])
        out[column] = pd.Categorical.from_codes(rows, categories=categories)
    return out


def tokens_sentences(corpus: pd.DataFrame, *, progress: bool | None = None) -> pd.DataFrame:
    """One row per sentence of every article.

    Returns the columns

    - ``doc_id``, ``outlet``: the article (categorical),
    - ``sentence_id``: the sentence's number within its article, from 1,
    - ``start``, ``end``: character offsets into the article's (NFC-normalised) ``text``,
    - ``sentence``: the sentence text (``text[start:end]``).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Eén. Twee!"]})
    >>> tokens_sentences(c)[["sentence_id", "sentence"]].values.tolist()
    [[1, 'Eén.'], [2, 'Twee!']]
    """
    fingerprint = _text_fingerprint(corpus)
    key = _cache_key(corpus, "sentences", (), fingerprint)
    hit = _cached(key)
    if hit is not None:
        return hit
    raw = _raw(corpus, progress=progress, fingerprint=fingerprint)
    texts = raw.texts if raw.texts is not None else _texts(corpus)
    table = pd.DataFrame(_doc_columns(corpus, raw.sent_docs))
    table["sentence_id"] = raw.sent_ids
    table["start"] = raw.sent_starts
    table["end"] = raw.sent_ends
    table["sentence"] = [texts[d][a:b] for d, a, b in
                         zip(raw.sent_docs, raw.sent_starts, raw.sent_ends, strict=True)]
    return _store(key, table)


def _doc_worker(texts: list[str]):
    """Sentence spans and tokens of ``texts`` (articles numbered 0, 1, ... in ``texts``,
    normalised here as :func:`_texts` does), by the engine :data:`ENGINE` names.

    Tokens come back factorised (int32 codes into this chunk's distinct forms), so that
    worker processes send back arrays and a small vocabulary, not millions of strings.
    """
    texts = _normalised(texts)
    if _engine(None) == "python":
        return _narrow(_doc_worker_python(texts))
    return _narrow(_doc_worker_compiled(texts, _sentences_compiled))


def _narrow(part):
    """A chunk's arrays with their 64-bit integers as 32-bit ones where every value fits
    (article numbers and offsets in a chunk nearly always do), and its forms as one Arrow
    array instead of a Python string each: fewer bytes to send back and to hold until the
    chunks are joined (as 64-bit integers again, and one vocabulary)."""
    small = np.iinfo(np.int32)

    def narrow(values):
        if (isinstance(values, np.ndarray) and values.dtype == np.int64 and len(values)
                and small.min <= values.min() and values.max() <= small.max):
            return values.astype(np.int32)
        if isinstance(values, np.ndarray) and values.dtype == object:
            try:
                return pa.array(values.tolist(), type=pa.large_string())
            except (UnicodeError, pa.ArrowException):  # a lone surrogate: kept as it is
                return values
        return values

    return tuple(tuple(narrow(v) for v in table) for table in part)


def _sentences_compiled(texts: list[str]):
    return sentences_spans(texts)


def _doc_worker_python(texts: list[str]):
    """The reference engine of :func:`_doc_worker`: Punkt and Python's ``re`` on every
    text."""
    s_docs, s_ids, s_starts, s_ends = [], [], [], []
    docs, sids, pos, toks, starts, ends, kinds = [], [], [], [], [], [], []
    groups = sorted(_TOKEN.groupindex, key=_TOKEN.groupindex.get)  # group 1, 2, ...
    kind_of = np.array([_KIND_OF_GROUP[name] for name in groups], dtype=np.int8)
    for i, text in enumerate(texts):
        spans = np.array(sentences_split(text, engine="python"),
                         dtype=np.int64).reshape(-1, 2)
        s_docs.append(np.full(len(spans), i, dtype=np.int64))
        s_ids.append(np.arange(1, len(spans) + 1, dtype=np.int32))
        s_starts.append(spans[:, 0])
        s_ends.append(spans[:, 1])
        found = list(_TOKEN.finditer(text))
        if not found:
            continue
        words = [m.group() for m in found]
        span = np.array([m.span() for m in found], dtype=np.int64)
        kind = kind_of[np.array([m.lastindex for m in found], dtype=np.int64) - 1]
        # a word is a number when it is all digits and separators, or an elided year (’91)
        for j, word in enumerate(words):
            if (word[0].isdigit() or word[0] in "'’") and kind[j] == 0 and _kind(found[j]):
                kind[j] = 1
        sid = np.maximum(np.searchsorted(spans[:, 0], span[:, 0], side="right"), 1)
        docs.append(np.full(len(found), i, dtype=np.int64))
        sids.append(sid.astype(np.int32))
        pos.append(np.arange(1, len(found) + 1, dtype=np.int32))
        toks.extend(words)
        starts.append(span[:, 0])
        ends.append(span[:, 1])
        kinds.append(kind)

    def joined(parts, dtype):
        return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)

    codes, uniques = pd.factorize(np.asarray(toks, dtype=object))
    return (
        (joined(s_docs, np.int64), joined(s_ids, np.int32), joined(s_starts, np.int64),
         joined(s_ends, np.int64)),
        (joined(docs, np.int64), joined(sids, np.int32), joined(pos, np.int32),
         codes.astype(np.int32), np.asarray(uniques, dtype=object), joined(starts, np.int64),
         joined(ends, np.int64), joined(kinds, np.int8)),
    )


@dataclass(frozen=True)
class _Raw:
    """Sentence spans and every token of a corpus, before any option is applied."""

    texts: list[str] | None  # not kept (None): the corpus has them
    sent_docs: np.ndarray
    sent_ids: np.ndarray
    sent_starts: np.ndarray
    sent_ends: np.ndarray
    docs: np.ndarray
    sids: np.ndarray
    pos: np.ndarray
    codes: np.ndarray  # into ``types``, which is sorted
    types: pd.Index
    starts: np.ndarray
    ends: np.ndarray
    kinds: np.ndarray


_RAW: OrderedDict[tuple, _Raw] = OrderedDict()


def _raw(corpus: pd.DataFrame, *, progress: bool | None, fingerprint: str) -> _Raw:
    """Split and tokenise the corpus once; both corpus tables are derived from this. The
    result is kept in memory and in the token store (:mod:`analysis.tokens.store`), keyed by
    ``fingerprint``, that of the texts (:func:`_text_fingerprint`)."""
    parts = {"texts": fingerprint, **tokens_settings()}
    key = ("raw", tuple(sorted(parts.items())))
    if key in _RAW:
        _RAW.move_to_end(key)
        return _RAW[key]
    stored = int(corpus["text"].astype(str).str.len().sum()) >= STORE_MIN_CHARS
    store_key = tokenstore_key(parts)
    tables = (tokenstore_load(store_key, check=partial(_stored_problem, corpus=corpus))
              if stored else None)
    if tables is not None:
        raw = _raw_from_tables(tables)
    else:
        texts = corpus["text"].astype(str).tolist()  # normalised in the workers
        raw = _tokenise(texts, progress=progress)
        memory_release()  # the workers' parts, now joined
        if stored:
            tokenstore_save(store_key, _raw_tables(raw), protect=(corpus.attrs.get("source"),),
                            meta={"source": corpus.attrs.get("source"),
                                  "fingerprint": fingerprint, "articles": len(texts),
                                  "sentences": len(raw.sent_ids), "tokens": len(raw.codes),
                                  **parts})
    _RAW[key] = raw
    while len(_RAW) > 2:
        _RAW.popitem(last=False)
    return raw


def _stored_problem(tables: dict[str, dict[str, np.ndarray]], *, corpus: pd.DataFrame
                    ) -> str | None:
    """What is wrong with the stored tables of ``corpus`` though they match their
    checksums (an entry edited by hand, a file written by a faulty program), or None: every
    article number names an article of the corpus, every code a type, every kind a kind,
    and every span lies inside its text (NFC may make a text up to three times longer)."""
    n_docs, n_types = len(corpus), len(tables["types"]["type"])
    limit = corpus["text"].astype(str).str.len().to_numpy(dtype=np.int64) * 3
    bounds = {"doc": (0, n_docs - 1), "code": (0, n_types - 1), "kind": (0, len(_KINDS) - 1),
              "sentence_id": (1, None), "position": (1, None), "start": (0, None)}
    for name in ("sentences", "tokens"):
        columns = tables[name]
        for column, (low, high) in bounds.items():
            values = columns.get(column)
            if values is None or not len(values):
                continue
            if values.min() < low or (high is not None and values.max() > high):
                return (f"{name}.parquet: {column} holds {values.min()} to {values.max()}, "
                        f"outside {low} to {'any' if high is None else high}")
        starts, ends, docs = columns["start"], columns["end"], columns["doc"]
        if len(ends) and ((ends < starts).any() or (ends > limit[docs]).any()):
            return f"{name}.parquet: end holds offsets outside the texts"
    return None


def _raw_tables(raw: _Raw) -> dict[str, dict[str, np.ndarray]]:
    """The arrays of ``raw`` as the token store keeps them (the texts are not kept: they
    are the corpus's)."""
    return {
        "sentences": {"doc": raw.sent_docs, "sentence_id": raw.sent_ids,
                      "start": raw.sent_starts, "end": raw.sent_ends},
        "tokens": {"doc": raw.docs, "sentence_id": raw.sids, "position": raw.pos,
                   "code": raw.codes, "start": raw.starts, "end": raw.ends,
                   "kind": raw.kinds},
        "types": {"type": np.asarray(raw.types, dtype=object)},
    }


def _raw_from_tables(tables: dict[str, dict[str, np.ndarray]]) -> _Raw:
    s, t = tables["sentences"], tables["tokens"]
    return _Raw(
        texts=None, sent_docs=s["doc"], sent_ids=s["sentence_id"], sent_starts=s["start"],
        sent_ends=s["end"], docs=t["doc"], sids=t["sentence_id"], pos=t["position"],
        codes=t["code"], types=pd.Index(tables["types"]["type"], dtype=object).astype(str),
        starts=t["start"], ends=t["end"], kinds=t["kind"])


def _tokenise(texts: list[str], *, progress: bool | None) -> _Raw:
    """Sentence spans and every token of ``texts``, in worker processes for a large
    corpus. Each chunk's arrays are added to the joined columns as soon as it is in, while
    the workers go on with the rest."""
    bounds = _chunks(texts)
    chars = np.cumsum([0] + [len(t) for t in texts])
    total = int(chars[-1])
    big = total >= PARALLEL_CHARS
    sentences = _Columns((np.int64, np.int32, np.int64, np.int64), total)
    tokens = _Columns((np.int64, np.int32, np.int32, np.int32, np.int64, np.int64, np.int8),
                      total)
    forms, spans = [], []
    done = iter(bounds)

    def gather(part):
        a, b = next(done)
        (sents, toks), size = part, int(chars[b] - chars[a])
        sentences.add(sents, size, first=a)
        spans.append((tokens.n, tokens.n + len(toks[0])))
        tokens.add(toks[:4] + toks[5:], size, first=a)
        forms.append(toks[4])

    chunks_map(_doc_worker, texts, bounds, parallel=big,
               progress=big if progress is None else progress,
               desc="sentences and tokens", unit="doc", first_here=True, gather=gather)
    sent_docs, sent_ids, sent_starts, sent_ends = sentences.done()
    docs, sids, pos, codes, starts, ends, kinds = tokens.done()
    # one vocabulary for all chunks, in sorted order (as pd.Categorical would give); each
    # chunk's codes renumbered into it in place
    vocab_codes, distinct = _vocabulary(forms)
    order = _string_order(distinct)
    to_sorted = np.empty(len(order), dtype=np.int32)
    to_sorted[order] = np.arange(len(order), dtype=np.int32)
    offset = 0
    for (a, b), chunk_forms in zip(spans, forms, strict=True):
        codes[a:b] = to_sorted[vocab_codes[offset + codes[a:b]]]
        offset += len(chunk_forms)
    return _Raw(texts=None,  # not kept: the corpus holds them (normalised again in a second)
                sent_docs=sent_docs, sent_ids=sent_ids, sent_starts=sent_starts,
                sent_ends=sent_ends, docs=docs, sids=sids, pos=pos, codes=codes,
                types=pd.Index(distinct[order], dtype=object).astype(str), starts=starts,
                ends=ends, kinds=kinds)


class _Columns:
    """Columns of the given types that chunks are added to in turn, grown to room for the
    rest of ``chars`` characters at the rate seen so far (so nearly always once), then
    cut in place to what they hold (``ndarray.resize``).

    >>> c = _Columns((np.int64, np.int8), 10)
    >>> c.add((np.array([0, 1], dtype=np.int32), np.array([5, 6])), 4, first=3)
    >>> c.add((np.array([0]), np.array([7])), 6, first=9)
    >>> [x.tolist() for x in c.done()]
    [[3, 4, 9], [5, 6, 7]]
    """

    def __init__(self, dtypes: tuple, chars: int):
        self.columns = [np.zeros(0, dtype=d) for d in dtypes]
        self.n, self.chars, self.seen = 0, chars, 0

    def add(self, parts: tuple[np.ndarray, ...], chars: int, *, first: int) -> None:
        """Add a chunk's columns (``parts``, of ``chars`` characters); the chunk's article
        numbers (the first column) count from ``first``."""
        stop = self.n + len(parts[0])
        self.seen += chars
        if stop > len(self.columns[0]):
            rate = stop / max(self.seen, 1)
            room = max(stop, int(rate * self.chars * 1.05) + 16, len(self.columns[0]) * 5 // 4)
            for k, column in enumerate(self.columns):  # fresh arrays: large pages
                self.columns[k] = np.empty(room, dtype=column.dtype)
                self.columns[k][:self.n] = column[:self.n]
        for column, part in zip(self.columns, parts, strict=True):
            column[self.n:stop] = part
        self.columns[0][self.n:stop] += first
        self.n = stop

    def done(self) -> list[np.ndarray]:
        for column in self.columns:
            column.resize(self.n, refcheck=False)
        return self.columns


def _vocabulary(forms: list) -> tuple[np.ndarray, np.ndarray]:
    """The distinct forms of the chunks' ``forms`` (Arrow arrays, or object arrays where a
    form has no UTF-8 form) and, for each form of each chunk in turn, its number among
    them.

    >>> codes, distinct = _vocabulary([pa.array(["b", "a"]), np.array(["a", "c"], dtype=object)])
    >>> codes.tolist(), distinct.tolist()
    ([0, 1, 1, 2], ['b', 'a', 'c'])
    """
    if forms and all(isinstance(f, pa.Array) for f in forms):
        encoded = pc.dictionary_encode(
            pa.chunked_array([f.cast(pa.large_string()) for f in forms]).combine_chunks())
        return (encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64),
                np.asarray(encoded.dictionary.to_pylist(), dtype=object))
    vocab = (np.concatenate([np.asarray(f.to_pylist() if isinstance(f, pa.Array) else f,
                                        dtype=object) for f in forms])
             if forms else np.zeros(0, dtype=object))
    codes, distinct = pd.factorize(vocab)
    return codes.astype(np.int64), np.asarray(distinct, dtype=object)


def _string_order(strings: np.ndarray) -> np.ndarray:
    """The order that sorts ``strings`` (distinct) as Python compares them (by code point),
    with Arrow's compiled sort (UTF-8 bytes sort in code point order); by Python where a
    string has no UTF-8 form (a lone surrogate).

    >>> _string_order(np.array(["b", "é", "a", "Z"], dtype=object)).tolist()
    [3, 2, 0, 1]
    """
    try:
        array = pa.array(strings.tolist(), type=pa.large_string())
    except (UnicodeError, pa.ArrowException):
        return np.argsort(strings, kind="stable")
    return pc.array_sort_indices(array).to_numpy().astype(np.int64)


def tokens_raw(corpus: pd.DataFrame, *, progress: bool | None = None) -> _Raw:
    """The sentence spans and every token of ``corpus`` before any option, as the arrays
    both tables derive from (cached as they are): for a reader that needs every token as
    written (punctuation too) without a table of its own."""
    return _raw(corpus, progress=progress, fingerprint=_text_fingerprint(corpus))


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import DutchStemmer

    return DutchStemmer()


def tokens_corpus(
    corpus: pd.DataFrame,
    *,
    lowercase: bool = True,
    remove_punct: bool = True,
    remove_numbers: bool = False,
    remove_stopwords: bool = False,
    stopwords: str | Path | Iterable[str] | None = None,
    stem: bool = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per token of every article: the table every later analysis reuses.

    Returns the columns

    - ``doc_id``, ``outlet``: the article (categorical),
    - ``sentence_id``: the token's sentence within its article (as in
      :func:`tokens_sentences`), from 1,
    - ``position``: the token's number within its article, from 1, counted before any
      removal (so removed tokens leave gaps, which n-grams and phrases do not bridge),
    - ``token``: the token as written,
    - ``norm``: the form that is counted: lower-cased if ``lowercase``, the Snowball Dutch
      stem if ``stem``,
    - ``kind``: ``word``, ``number`` or ``punct``,
    - ``start``, ``end``: character offsets into the article's (NFC-normalised) ``text``.

    Options: ``remove_punct``, ``remove_numbers`` and ``remove_stopwords`` drop those rows;
    ``stopwords`` is a file (one word a line) or a collection of words, replacing the
    shipped Dutch list. Tables are cached on the corpus content and the settings.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["De NAVO-top is in 2022."]})
    >>> tokens_corpus(c, remove_stopwords=True)["norm"].tolist()
    ['navo-top', '2022']
    """
    if stopwords is None:
        stop = stopwords_load() if remove_stopwords else frozenset()
    elif isinstance(stopwords, str | Path):
        stop = stopwords_load(stopwords)
    else:
        stop = frozenset(w.lower() for w in stopwords)
    settings = (lowercase, remove_punct, remove_numbers, remove_stopwords,
                tuple(sorted(stop)) if remove_stopwords else (), stem)
    fingerprint = _text_fingerprint(corpus)
    key = _cache_key(corpus, "tokens", settings, fingerprint)
    hit = _cached(key)
    if hit is not None:
        return hit

    raw = _raw(corpus, progress=progress, fingerprint=fingerprint)
    docs, sids, pos, codes = raw.docs, raw.sids, raw.pos, raw.codes
    starts, ends, kinds, types = raw.starts, raw.ends, raw.kinds, raw.types
    lower = types.str.lower()
    norm_types = lower if lowercase else types
    if stem:
        stemmer = _stemmer()
        norm_types = pd.Index([stemmer.stem(w) for w in norm_types])
    keep = np.ones(len(codes), dtype=bool)
    if remove_punct:
        keep &= kinds != 2
    if remove_numbers:
        keep &= kinds != 1
    if remove_stopwords and len(types):
        keep &= ~np.asarray(lower.isin(stop))[codes]

    norm_cat = pd.Categorical(norm_types)
    # every column is gathered once from the kept rows; the two categoricals are renumbered
    # by maps over the types, so no column is made twice (fresh memory is slow to touch)
    every = bool(keep.all())
    kept = codes if every else codes[keep]
    used = np.zeros(len(types), dtype=bool)
    used[kept] = True
    token_map = np.cumsum(used, dtype=np.int32) - 1
    norm_of = (norm_cat.codes.astype(np.int64, copy=False) if len(types)
               else np.zeros(0, dtype=np.int64))
    norm_used = np.zeros(len(norm_cat.categories), dtype=bool)
    norm_used[norm_of[used]] = True
    norm_map = (np.cumsum(norm_used, dtype=np.int32) - 1)[norm_of]
    columns = _doc_columns(corpus, docs, keep=None if every else keep)

    def rows(values: np.ndarray, dtype) -> Callable[[], np.ndarray]:
        def gather():
            out = values if every else values[keep]
            return out.astype(dtype, copy=False)
        return gather

    def renumbered(numbers: np.ndarray) -> Callable[[], np.ndarray]:
        return lambda: numbers.astype(kept.dtype, copy=False)[kept]

    # the columns gathered side by side in threads for a large corpus (numpy's loops let
    # go of the interpreter)
    (columns["sentence_id"], columns["position"], token_codes, norm_codes, kind_codes,
     columns["start"], columns["end"]) = threads_run(
        [rows(sids, np.int32), rows(pos, np.int32), renumbered(token_map),
         renumbered(norm_map), rows(kinds, np.int8), rows(starts, np.int64),
         rows(ends, np.int64)], wanted=len(codes) >= THREADS_ROWS)
    columns["token"] = pd.Categorical.from_codes(token_codes, categories=types[used],
                                                 validate=False)
    columns["norm"] = pd.Categorical.from_codes(
        norm_codes, categories=norm_cat.categories[norm_used], validate=False)
    columns["kind"] = pd.Categorical.from_codes(kind_codes, categories=_KINDS, validate=False)
    columns = {name: columns[name] for name in _TOKEN_COLUMNS}
    return _store(key, pd.DataFrame(columns, copy=False))
