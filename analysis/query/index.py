"""The layout of a corpus for queries and the matching of terms per distinct word form.

The corpus's word tokens (of the title and the text, from the cached
:func:`analysis.tokens.tokens_corpus` table or the token store) are laid out once per
corpus as one array of positions (:class:`QueryIndex`, :func:`query_index`); a term is
matched once per distinct word form (by the pattern rules of the frame matcher:
compounds, hyphens, accents and diaeresis). :mod:`analysis.query.evaluate` runs queries
over this layout.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from analysis.paths import DATA_DIR
from analysis.query.lemma import lemmas_of
from analysis.query.parse import Term
from analysis.text import text_normalise, tokens_tokenize, wordlist_load
from analysis.text.patterns import fold, fold_lower_table, word_regex

#: The words that negate what follows them (one a line), for the ``negated`` column.
NEGATORS_FILE = DATA_DIR / "negators_nl.txt"

Scope = Literal["article", "sentence", "paragraph"]
_SCOPES = ("article", "sentence", "paragraph")
_PARTS = ("title", "text")
_FIELD_PART = {"title": 0, "text": 1, "lead": 2}
_SEGMENT = np.int64(1) << np.int64(24)  # word numbers of two parts never come this close
_CHARS = np.int64(1) << np.int64(36)  # character keys: part * _CHARS + offset
_MAX_DISTANCE = 1_000_000


# --------------------------------------------------------------------------- the layout


@dataclass
class QueryIndex:
    """The word tokens of a corpus (title first, then text, per article) as arrays, one
    entry per position: ``code`` (into ``types``), ``doc``, ``seg`` (the article's text:
    its row; its title: the number of articles plus its row), ``part`` (0 title, 1 text),
    ``g`` (word number, far apart between parts), ``sent`` (sentences numbered over the
    whole corpus), ``sentence_id`` (within the part, from 1), ``start``, ``end``
    (character offsets into the part's text). Paragraphs, lemmas and negators are worked
    out when a query first needs them."""

    types: list[str]
    code: np.ndarray
    doc: np.ndarray
    seg: np.ndarray
    g: np.ndarray
    sent: np.ndarray
    sentence_id: np.ndarray
    start: np.ndarray
    end: np.ndarray
    raw_texts: list[list[str]]  # raw_texts[part][doc], before text_normalise
    n_docs: int
    fold: bool = True

    def __post_init__(self):
        self.key = self.seg * _CHARS + self.start
        self.joined = "\n".join(self.types)
        self.bounds = np.cumsum([0] + [len(t) + 1 for t in self.types])
        self._lemmas: tuple[list[str], np.ndarray, str, np.ndarray] | None = None
        self._paragraphs: tuple[np.ndarray, np.ndarray] | None = None
        self._negators: np.ndarray | None = None
        self._texts: dict[tuple[int, int], str] = {}
        self._type_cache: dict = {}

    def part(self, rows: np.ndarray) -> np.ndarray:
        """0 (title) or 1 (text) for each of ``rows``."""
        return (self.seg[rows] < self.n_docs).astype(np.int64)

    def folded(self, lemma: bool = False) -> str:
        """The forms (or lemmas) joined by line breaks, lower-cased and unaccented, one
        character for one."""
        key = ("folded", lemma)
        if key not in self._type_cache:
            joined = self.lemmas()[2] if lemma else self.joined
            self._type_cache[key] = joined.translate(fold_lower_table(joined))
        return self._type_cache[key]

    def text(self, part: int, doc: int) -> str:
        """The (normalised) text of one part of one article."""
        key = (part, doc)
        if key not in self._texts:
            self._texts[key] = text_normalise(self.raw_texts[part][doc])
        return self._texts[key]

    @property
    def para(self) -> np.ndarray:
        """The paragraph of each position, numbered over the whole corpus."""
        return self.paragraphs()[0]

    @property
    def paragraph_id(self) -> np.ndarray:
        """The paragraph of each position within its part, from 1 (a line break ends one)."""
        return self.paragraphs()[1]

    def paragraphs(self) -> tuple[np.ndarray, np.ndarray]:
        if self._paragraphs is None:
            pid = np.ones(len(self.code), dtype=np.int32)
            body = np.flatnonzero(self.seg < self.n_docs)
            if len(body):
                pid[body] = _paragraph_ids([self.text(1, d) for d in range(self.n_docs)],
                                           self.doc[body], self.start[body])
            n = len(pid)
            new = (np.r_[True, (self.seg[1:] != self.seg[:-1]) | (pid[1:] != pid[:-1])]
                   if n else np.zeros(0, bool))
            self._paragraphs = (np.cumsum(new) - 1, pid)
        return self._paragraphs

    def negators(self) -> np.ndarray:
        """Whether each type is a negator (:data:`NEGATORS_FILE`)."""
        if self._negators is None:
            words = _negators(str(NEGATORS_FILE))
            self._negators = np.fromiter((t.lower() in words for t in self.types), dtype=bool,
                                         count=len(self.types))
        return self._negators

    def unit_count(self, scope: str) -> int:
        """How many units (articles, sentences, paragraphs) the corpus has."""
        if scope == "article":
            return self.n_docs
        units = self.units(scope)
        return int(units.max()) + 1 if len(units) else 0

    def units(self, scope: str) -> np.ndarray:
        if scope == "article":
            return self.doc
        return self.sent if scope == "sentence" else self.para

    def lemmas(self) -> tuple[list[str], np.ndarray, str, np.ndarray]:
        """Distinct lemmas, the lemma of each type (an index), and the lemmas joined by
        line breaks with their bounds: lemmatised once per type, when first asked."""
        if self._lemmas is None:
            of_type = lemmas_of(self.types)
            cat = pd.Categorical(of_type)
            distinct = cat.categories.astype(str).tolist()
            self._lemmas = (distinct, cat.codes.astype(np.int64), "\n".join(distinct),
                            np.cumsum([0] + [len(t) + 1 for t in distinct]))
        return self._lemmas


_INDEXES: OrderedDict[tuple, QueryIndex] = OrderedDict()


def _paragraph_ids(texts: list[str], doc: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The paragraph (from 1, a line break ends one) of each token of the texts."""
    lengths = np.array([len(t) + 1 for t in texts], dtype=np.int64)
    base = np.r_[0, np.cumsum(lengths)[:-1]] if len(texts) else np.zeros(0, np.int64)
    breaks = np.fromiter((b + m.start() for b, t in zip(base.tolist(), texts, strict=True)
                          if "\n" in t for m in _LINE_BREAK.finditer(t)), dtype=np.int64)
    at = base[doc] + start
    return (np.searchsorted(breaks, at) - np.searchsorted(breaks, base[doc]) + 1
            ).astype(np.int32)


_LINE_BREAK = re.compile("\n")


def query_index(corpus: pd.DataFrame, *, fold_diacritics: bool = True) -> QueryIndex:
    """The layout of ``corpus`` for queries, cached on the corpus's content (two corpora
    at a time)."""
    from analysis.corpus import corpus_fingerprint
    from analysis.tokens import tokens_corpus

    if corpus["doc_id"].duplicated().any():
        dup = corpus.loc[corpus["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise ValueError(f"doc_id {dup!r} occurs more than once; every article needs its "
                         "own doc_id.")
    columns = [c for c in ("doc_id", "text", "title") if c in corpus.columns]
    key = (corpus_fingerprint(corpus[columns]), bool(fold_diacritics))
    if key in _INDEXES:
        _INDEXES.move_to_end(key)
        return _INDEXES[key]
    # doc_id codes of the token tables follow the corpus's rows (ids are unique)
    body = tokens_corpus(corpus, progress=False)
    titles = (corpus["title"].fillna("").astype(str).tolist() if "title" in corpus.columns
              else [""] * len(corpus))
    body_types = body["token"].cat.categories
    chunks: dict[str, list[np.ndarray]] = {
        "code": [body["token"].cat.codes.to_numpy().astype(np.int64)],
        "doc": [body["doc_id"].cat.codes.to_numpy().astype(np.int64)],
        "sid": [body["sentence_id"].to_numpy()],
        "start": [body["start"].to_numpy().astype(np.int64, copy=False)],
        "end": [body["end"].to_numpy().astype(np.int64, copy=False)]}
    chunks["seg"] = [chunks["doc"][0]]
    type_list = body_types.astype(str).tolist()
    if any(titles):
        # a title is one sentence: its words, without Punkt
        words = [(d, tok, a, b) for d, title in enumerate(titles) if title
                 for tok, a, b, kind in tokens_tokenize(text_normalise(title)) if kind != "punct"]
        forms = pd.Index([w[1] for w in words])
        type_index = body_types.append(forms.difference(body_types))
        type_list = type_index.astype(str).tolist()
        doc = np.array([w[0] for w in words], dtype=np.int64)
        # the titles after all texts: positions stay sorted by seg without a sort
        chunks["code"].append(type_index.get_indexer(forms).astype(np.int64))
        chunks["doc"].append(doc)
        chunks["seg"].append(doc + len(corpus))
        chunks["sid"].append(np.ones(len(words), dtype=chunks["sid"][0].dtype))
        chunks["start"].append(np.array([w[2] for w in words], dtype=np.int64))
        chunks["end"].append(np.array([w[3] for w in words], dtype=np.int64))
    arrays = {k: v[0] if len(v) == 1 else np.concatenate(v) for k, v in chunks.items()}
    seg, sid = arrays["seg"], arrays["sid"]
    n = len(seg)
    g = np.arange(n, dtype=np.int64) + seg * _SEGMENT
    new = (np.r_[True, (seg[1:] != seg[:-1]) | (sid[1:] != sid[:-1])] if n
           else np.zeros(0, bool))
    texts_body = corpus["text"].astype(str).tolist()
    index = QueryIndex(type_list, arrays["code"], arrays["doc"], seg, g,
                       np.cumsum(new) - 1, sid, arrays["start"], arrays["end"],
                       [titles, texts_body], len(corpus), bool(fold_diacritics))
    _INDEXES[key] = index
    while len(_INDEXES) > 2:
        _INDEXES.popitem(last=False)
    return index


# --------------------------------------------------------------------------- terms


def _body(term: Term, fold_accents: bool, case: bool) -> str:
    """The regex of one word of a query (``*``, ``?`` as the frame patterns have them)."""
    return word_regex(term.word, fold_accents, case or term.case)


def _flags(case: bool) -> int:
    return 0 if case else re.IGNORECASE


def _type_matches(index: QueryIndex, regex: str, flags: int, lemma: bool,
                  core: str = "") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(type code, offset start, offset end)`` of every match of ``regex`` in the
    distinct forms (or, with ``lemma``, in the lemmas: offsets are then the whole form).

    ``core``: letters (lower-case, unaccented) that every match contains; a fast literal
    search for them picks the forms that the regex then reads, as the frame matcher does."""
    cache_key = (regex, flags, lemma)
    if cache_key in index._type_cache:
        return index._type_cache[cache_key]
    compiled = re.compile(regex, flags | re.MULTILINE)
    if lemma:
        distinct, of_type, joined, bounds = index.lemmas()
        forms = distinct
    else:
        joined, bounds, forms = index.joined, index.bounds, index.types
    if core:
        folded = index.folded(lemma)
        at = [m.start() for m in re.finditer(re.escape(core), folded)]
        candidates = np.unique(np.searchsorted(bounds, np.asarray(at, dtype=np.int64),
                                               side="right") - 1)
        code_list, starts, stops = [], [], []
        for c in candidates.tolist():
            for m in compiled.finditer(forms[c]):
                code_list.append(c)
                starts.append(m.start())
                stops.append(m.end())
        code = np.asarray(code_list, dtype=np.int64)
        off_a = np.asarray(starts, dtype=np.int64)
        off_b = np.asarray(stops, dtype=np.int64)
    else:
        found = [(m.start(), m.end()) for m in compiled.finditer(joined)]
        at = np.array([f[0] for f in found], dtype=np.int64)
        stop = np.array([f[1] for f in found], dtype=np.int64)
        code = np.searchsorted(bounds, at, side="right") - 1
        off_a, off_b = at - bounds[code], stop - bounds[code]
    if lemma:
        hit = np.zeros(len(distinct) + 1, dtype=bool)
        hit[code] = True
        codes = np.flatnonzero(hit[of_type])
        lengths = np.array([len(index.types[c]) for c in codes.tolist()], dtype=np.int64)
        out = (codes, np.zeros(len(codes), np.int64), lengths)
    else:
        out = (code, off_a, off_b)
    index._type_cache[cache_key] = out
    return out


def _core_of(item) -> str:
    """The longest run of letters of a term (lower-case, unaccented) that every form it
    matches contains; "" for a choice of terms."""
    if not isinstance(item, Term):
        return ""
    chunks = re.split(r"[*?]", item.word.replace("’", "'"))
    return max((fold(c).lower() for c in chunks), key=len)


# --------------------------------------------------------------------------- hits

@lru_cache(maxsize=4)
def _negators(path: str) -> frozenset[str]:
    return wordlist_load(path)
