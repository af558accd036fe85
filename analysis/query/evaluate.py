"""Queries run over the token tables: every hit, the articles found, the counts per group.

The corpus's word tokens (of the title and the text, from the cached
:func:`analysis.tokens.tokens_corpus` table or the token store) are laid out once per
corpus as one array of positions; a term is matched once per distinct word form (by the
pattern rules of the frame matcher: compounds, hyphens, accents and diaeresis), a phrase is
confirmed on the article's text as the frame matcher does, and the operators work on whole
arrays of positions. Several queries share one layout and one set of form matches.

- :func:`query_hits`: one row per hit of each query,
- :func:`query_search`: one row per article (and query) the query finds, with its hits,
- :func:`query_summary`: articles and hits per query and group (and period).

Distances count word tokens (punctuation is not counted): two adjacent words are 1 apart.
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
from analysis.query.lemma import lemma_of, lemmas_of
from analysis.query.parse import (
    And,
    AndNot,
    Field,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    queries_parse,
)
from analysis.tables import groups_by
from analysis.text import text_normalise, tokens_tokenize, wordlist_load
from analysis.text.patterns import JOIN, STAR, fold, fold_lower_table, word_regex

__all__ = [
    "NEGATORS_FILE",
    "HIT_COLUMNS",
    "SEARCH_COLUMNS",
    "Scope",
    "query_hits",
    "query_search",
    "query_summary",
    "query_evaluate",
    "QueryIndex",
]

#: The words that negate what follows them (one a line), for the ``negated`` column.
NEGATORS_FILE = DATA_DIR / "negators_nl.txt"
#: How many words before a hit a negator may stand.
NEGATION_WINDOW = 3
#: The columns of :func:`query_hits`, in order.
HIT_COLUMNS = ["doc_id", "outlet", "query", "part", "sentence_id", "paragraph_id",
               "matched_text", "start", "end", "negated"]
#: The columns of :func:`query_search`, in order (``date`` and ``title`` when the corpus
#: has them).
SEARCH_COLUMNS = ["doc_id", "outlet", "date", "title", "query", "hits", "units", "negated"]

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


@dataclass
class _Hits:
    """Matched stretches: first and last position (into the index) and the character
    span within the part's text."""

    first: np.ndarray
    last: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @staticmethod
    def empty() -> _Hits:
        z = np.zeros(0, dtype=np.int64)
        return _Hits(z, z, z, z)

    def take(self, keep) -> _Hits:
        return _Hits(self.first[keep], self.last[keep], self.start[keep], self.end[keep])

    def __len__(self) -> int:
        return len(self.first)

    @staticmethod
    def concat(parts: list[_Hits]) -> _Hits:
        parts = [p for p in parts if len(p)]
        if not parts:
            return _Hits.empty()
        if len(parts) == 1:
            return parts[0]
        return _Hits(*(np.concatenate([getattr(p, k) for p in parts])
                       for k in ("first", "last", "start", "end")))


@dataclass
class _Result:
    units: np.ndarray  # bool per unit of the scope
    hits: _Hits


@dataclass(frozen=True)
class _Context:
    part: int | None = None  # 0 title, 1 text, 2 title and first paragraph, None all
    lemma: bool = False
    case: bool = False


class _Evaluator:
    def __init__(self, index: QueryIndex, scope: str):
        self.index = index
        self.scope = scope
        self.unit_of = index.units(scope)
        self.n_units = index.unit_count(scope)

    def result(self, hits: _Hits) -> _Result:
        units = np.zeros(self.n_units, dtype=bool)
        units[self.unit_of[hits.first]] = True
        return _Result(units, hits)

    def run(self, node: Node, ctx: _Context = _Context()) -> _Result:
        if isinstance(node, Term | Phrase):
            return self.result(self.hits(node, ctx))
        if isinstance(node, Field):
            if node.name == "lemma":
                return self.run(node.child, _Context(ctx.part, True, ctx.case))
            return self.run(node.child, _Context(_FIELD_PART[node.name], ctx.lemma, ctx.case))
        if isinstance(node, Or):
            results = [self.run(c, ctx) for c in node.children]
            units = np.logical_or.reduce([r.units for r in results])
            return _Result(units, _Hits.concat([r.hits for r in results]))
        if isinstance(node, And):
            a, b = self.run(node.left, ctx), self.run(node.right, ctx)
            units = a.units & b.units
            return _Result(units, self._within(_Hits.concat([a.hits, b.hits]), units))
        if isinstance(node, AndNot):
            a, b = self.run(node.left, ctx), self.run(node.right, ctx)
            units = a.units & ~b.units
            return _Result(units, self._within(a.hits, units))
        if isinstance(node, Not):
            inner = self.run(node.child, ctx)
            return _Result(~inner.units, _Hits.empty())
        if isinstance(node, Near):
            a, b = self.hits(node.left, ctx), self.hits(node.right, ctx)
            return self.result(self._near(a, b, node.distance, node.ordered))
        raise TypeError(f"not a query node: {node!r}")

    def _within(self, hits: _Hits, units: np.ndarray) -> _Hits:
        return hits.take(units[self.unit_of[hits.first]])

    # ---------------------------------------------------------------- hits of a node

    def hits(self, node: Node, ctx: _Context) -> _Hits:
        """The hits of a node, whatever the scope (proximity works on hits)."""
        if isinstance(node, Term):
            return self._term(node, ctx)
        if isinstance(node, Phrase):
            return self._phrase(node, ctx)
        if isinstance(node, Field):
            if node.name == "lemma":
                return self.hits(node.child, _Context(ctx.part, True, ctx.case))
            return self.hits(node.child, _Context(_FIELD_PART[node.name], ctx.lemma, ctx.case))
        return self.run(node, ctx).hits

    def _positions(self, codes: np.ndarray, ctx: _Context) -> np.ndarray:
        wanted = np.zeros(len(self.index.types) + 1, dtype=bool)
        wanted[codes] = True
        rows = np.flatnonzero(wanted[self.index.code])
        if ctx.part is not None and len(rows):
            part = self.index.part(rows)
            if ctx.part == 2:  # the title and the text's first paragraph
                rows = rows[(part == 0) | (self.index.paragraph_id[rows] == 1)]
            else:
                rows = rows[part == ctx.part]
        return rows

    def _term(self, term: Term, ctx: _Context) -> _Hits:
        index = self.index
        case = term.case or ctx.case
        word = term.word
        if ctx.lemma and not any(c in word for c in "*?"):
            word = lemma_of(word)
            case = False
        body = _body(Term(word, term.exact, case), index.fold, case)
        regex = (rf"^{body}$" if term.exact else rf"(?<!\w){body}(?!\w)")
        codes, off_a, off_b = _type_matches(index, regex, _flags(case), ctx.lemma,
                                            _core_of(Term(word)))
        if not len(codes):
            return _Hits.empty()
        # the first match within each form
        first = np.r_[True, codes[1:] != codes[:-1]]
        codes, off_a, off_b = codes[first], off_a[first], off_b[first]
        rows = self._positions(codes, ctx)
        lookup = np.full(len(index.types) + 1, -1, dtype=np.int64)
        lookup[codes] = np.arange(len(codes))
        which = lookup[index.code[rows]]
        start = index.start[rows] + off_a[which]
        return _Hits(rows, rows, start, index.start[rows] + off_b[which])

    def _phrase(self, phrase: Phrase, ctx: _Context) -> _Hits:
        ctx = _Context(ctx.part, ctx.lemma, ctx.case or phrase.case)
        items = phrase.items
        if phrase.slop is not None:
            if len(items) == 1:
                return self.hits(items[0], ctx)
            return self._window([self.hits(i, ctx) for i in items], phrase.slop)
        if len(items) == 1 and isinstance(items[0], Term):
            return self._term(Term(items[0].word, phrase.exact or items[0].exact,
                                   items[0].case), ctx)
        if ctx.lemma:
            return self._consecutive([self.hits(i, ctx) for i in items])
        return self._phrase_text(phrase, ctx)

    def _item_regex(self, item, case: bool) -> str:
        if isinstance(item, Term):
            return _body(item, self.index.fold, case)
        return "(?:" + "|".join(_body(t, self.index.fold, case) for t in item.children) + ")"

    def _phrase_text(self, phrase: Phrase, ctx: _Context) -> _Hits:
        """A phrase as the frame matcher finds it: its first word found in the forms,
        then the whole phrase confirmed on the text (spaces, a line break, a hyphen or
        nothing between the words; the last word may run on into a compound)."""
        index = self.index
        case = ctx.case
        bodies = [self._item_regex(i, case) for i in phrase.items]
        tail = "" if phrase.exact else STAR
        full = re.compile(rf"(?<!\w){JOIN.join(bodies)}{tail}(?!\w)", _flags(case))
        flags = _flags(case)
        codes, offsets, _ = _type_matches(index, rf"(?<!\w)(?={bodies[0]})", flags, False,
                                          _core_of(phrase.items[0]))
        if not len(codes):
            return _Hits.empty()
        occ = pd.DataFrame({"code": codes, "offset": offsets})
        rows = self._positions(np.unique(codes), ctx)
        # worth reading on the text: the whole phrase inside the form (a compound), or a
        # later word of the phrase at the start of the next word
        whole, _, _ = _type_matches(index, full.pattern, flags, False,
                                    _core_of(phrase.items[0]))
        inside = np.zeros(len(index.types) + 1, dtype=bool)
        inside[whole] = True
        follows = np.zeros(len(index.types) + 1, dtype=bool)
        for item, body in zip(phrase.items[1:], bodies[1:], strict=True):
            nxt, _, _ = _type_matches(index, rf"^(?:{body})", flags, False, _core_of(item))
            follows[nxt] = True
        after = np.minimum(rows + 1, len(index.code) - 1)
        keep = inside[index.code[rows]] | (
            follows[index.code[after]] & (index.seg[after] == index.seg[rows]) & (after > rows))
        rows = rows[keep]
        cand = pd.DataFrame({"row": rows, "code": index.code[rows]}).merge(occ, on="code")
        rows = cand["row"].to_numpy()
        starts = index.start[rows] + cand["offset"].to_numpy()
        parts = index.part(rows).tolist()
        docs = index.doc[rows].tolist()
        ends = np.empty(len(rows), dtype=np.int64)
        text = index.text
        for i, (part, doc, at) in enumerate(zip(parts, docs, starts.tolist(), strict=True)):
            m = full.match(text(part, doc), at)
            ends[i] = m.end() if m else -1
        ok = ends > starts
        rows, starts, ends = rows[ok], starts[ok], ends[ok]
        key = index.seg[rows] * _CHARS + ends - 1
        last = np.searchsorted(index.key, key, side="right") - 1
        return _Hits(rows, last, starts, ends)

    def _consecutive(self, items: list[_Hits]) -> _Hits:
        """Hits of items standing in a row (word after word)."""
        g = self.index.g
        current = items[0]
        for nxt in items[1:]:
            order = np.argsort(g[nxt.first], kind="stable")
            firsts = g[nxt.first][order]
            want = g[current.last] + 1
            at = np.searchsorted(firsts, want)
            ok = (at < len(firsts)) & (firsts[np.minimum(at, len(firsts) - 1)] == want
                                       if len(firsts) else np.zeros(len(want), bool))
            chosen = nxt.take(order[at[ok]])
            current = _Hits(current.first[ok], chosen.last, current.start[ok], chosen.end)
        return current

    # ---------------------------------------------------------------- proximity

    def _near(self, a: _Hits, b: _Hits, distance, ordered: bool) -> _Hits:
        index = self.index
        if not len(a) or not len(b):
            return _Hits.empty()
        if distance in ("sentence", "paragraph"):
            unit = index.sent if distance == "sentence" else index.para
            ua, ub = unit[a.first], unit[b.first]
            if ordered:
                return _Hits.concat([a.take(np.isin(ua, ub)), b.take(np.isin(ub, ua))])
            return _Hits.concat([a.take(np.isin(ua, ub)), b.take(np.isin(ub, ua))])
        distance = min(int(distance), _MAX_DISTANCE)
        ga0, ga1 = index.g[a.first], index.g[a.last]
        gb0, gb1 = index.g[b.first], index.g[b.last]
        if ordered:
            keep_a = _exists_after(ga0, ga1, gb0, distance)
            keep_b = _exists_before(gb0, ga0, ga1, distance)
        else:
            keep_a = _exists_near(ga0, ga1, gb0, gb1, distance)
            keep_b = _exists_near(gb0, gb1, ga0, ga1, distance)
        return _Hits.concat([a.take(keep_a), b.take(keep_b)])

    def _window(self, items: list[_Hits], distance: int) -> _Hits:
        """Items of a phrase with ``~N``: each hit kept when every other item has a hit
        within ``distance`` words of it."""
        index = self.index
        kept = []
        for i, hits in enumerate(items):
            keep = np.ones(len(hits), dtype=bool)
            g0, g1 = index.g[hits.first], index.g[hits.last]
            for j, other in enumerate(items):
                if i != j:
                    keep &= _exists_near(g0, g1, index.g[other.first], index.g[other.last],
                                         distance)
            kept.append(hits.take(keep))
        return _Hits.concat(kept)


def _exists_near(a0, a1, b0, b1, distance: int) -> np.ndarray:
    """For each span [a0, a1]: is there a span [b0, b1] at most ``distance`` words away
    (overlapping spans are 0 apart)?"""
    if not len(b0):
        return np.zeros(len(a0), dtype=bool)
    order = np.argsort(b0, kind="stable")
    starts = b0[order]
    reach = np.maximum.accumulate(b1[order])
    at = np.searchsorted(starts, a1 + distance, side="right") - 1
    valid = at >= 0
    ok = np.zeros(len(a0), dtype=bool)
    ok[valid] = reach[at[valid]] >= a0[valid] - distance
    return ok


def _exists_after(a0, a1, b0, distance: int) -> np.ndarray:
    """For each span [a0, a1]: does a span start after a0, at most ``distance`` words
    after a1?"""
    starts = np.sort(b0)
    low = np.searchsorted(starts, a0, side="right")
    high = np.searchsorted(starts, a1 + distance, side="right")
    return high > low


def _exists_before(b0, a0, a1, distance: int) -> np.ndarray:
    """For each start b0: is there a span [a0, a1] that starts before it and ends at most
    ``distance`` words before it?"""
    order = np.argsort(a0, kind="stable")
    starts = a0[order]
    reach = np.maximum.accumulate(a1[order]) if len(a1) else a1
    at = np.searchsorted(starts, b0, side="left") - 1
    ok = np.zeros(len(b0), dtype=bool)
    valid = at >= 0
    ok[valid] = reach[at[valid]] >= b0[valid] - distance
    return ok


def _merge(index: QueryIndex, hits: _Hits) -> _Hits:
    """Overlapping hits as one (a stretch of text counts once), in text order."""
    if not len(hits):
        return hits
    seg = index.seg[hits.first]
    ks, ke = seg * _CHARS + hits.start, seg * _CHARS + hits.end
    order = np.lexsort((-ke, ks))
    hits = hits.take(order)
    ks, ke = ks[order], ke[order]
    reach = np.maximum.accumulate(ke)
    new = np.r_[True, ks[1:] >= reach[:-1]]
    heads = np.flatnonzero(new)
    group = np.cumsum(new) - 1
    last = np.zeros(len(heads), dtype=np.int64)
    np.maximum.at(last, group, hits.last)
    end = np.zeros(len(heads), dtype=np.int64)
    np.maximum.at(end, group, hits.end)
    return _Hits(hits.first[heads], last, hits.start[heads], end)


@lru_cache(maxsize=4)
def _negators(path: str) -> frozenset[str]:
    return wordlist_load(path)


def _negated(index: QueryIndex, first: np.ndarray) -> np.ndarray:
    """Whether a negator stands within :data:`NEGATION_WINDOW` words before each position,
    in the same sentence."""
    is_neg = index.negators()
    out = np.zeros(len(first), dtype=bool)
    for back in range(1, NEGATION_WINDOW + 1):
        before = first - back
        valid = before >= 0
        prev = np.where(valid, before, 0)
        out |= valid & (index.sent[prev] == index.sent[first]) & is_neg[index.code[prev]]
    return out


# --------------------------------------------------------------------------- the API


def query_evaluate(index: QueryIndex, query: Node, *, scope: Scope = "article"
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(units, first, last, start, end)`` of one parsed query: a bool per unit of the
    scope (True where the query holds) and its hits (positions into ``index`` and
    character spans), overlapping hits merged."""
    if scope not in _SCOPES:
        raise ValueError(f"scope must be one of {', '.join(_SCOPES)}, not {scope!r}.")
    result = _Evaluator(index, scope).run(query)
    hits = _merge(index, result.hits)
    return result.units, hits.first, hits.last, hits.start, hits.end


def _parsed(queries) -> dict[str, Node]:
    if isinstance(queries, dict) and all(not isinstance(v, str) for v in queries.values()):
        return dict(queries)
    return queries_parse(queries)


def query_hits(corpus: pd.DataFrame, queries, *, scope: Scope = "article",
               fold_diacritics: bool = True) -> pd.DataFrame:
    """Every hit of every query: one row per stretch of text a query matched, in the units
    (articles, sentences or paragraphs, by ``scope``) where the whole query holds.

    ``queries``: one search string, a mapping ``{name: string}``, or a list of
    ``NAME=STRING`` / ``label# string`` items. A string that is not a query raises
    :class:`analysis.query.QueryError`.

    Returns the columns

    - ``doc_id``, ``outlet``: the article (categorical),
    - ``query``: the query's name (categorical, in the order given),
    - ``part``: ``title`` or ``text``,
    - ``sentence_id``, ``paragraph_id``: the sentence (as in
      :func:`analysis.tokens.tokens_sentences`) and paragraph (from 1; a line break ends
      one) of the part where the hit starts,
    - ``matched_text``: the text matched; ``start``, ``end``: its character offsets into
      the part (``text[start:end] == matched_text``),
    - ``negated``: whether a negator (``negators_nl.txt``: niet, geen, nooit, ...) stands
      within three words before the hit in its sentence.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "AD"],
    ...     "text": ["Geen EU-sancties tegen Rusland.", "Rusland kreeg nieuwe sancties."]})
    >>> h = query_hits(c, {"s": 'sancties w/3 rusland'})
    >>> h[["doc_id", "matched_text", "negated"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['a', 'sancties', True], ['a', 'Rusland', True],
     ['b', 'Rusland', False], ['b', 'sancties', False]]
    """
    parsed = _parsed(queries)
    index = query_index(corpus, fold_diacritics=fold_diacritics)
    frames = []
    for q, node in enumerate(parsed.values()):
        _, first, _, start, end = query_evaluate(index, node, scope=scope)
        frames.append((q, first, start, end))
    q = np.concatenate([np.full(len(f[1]), f[0]) for f in frames]) if frames else np.zeros(0)
    first = np.concatenate([f[1] for f in frames]) if frames else np.zeros(0, np.int64)
    start = np.concatenate([f[2] for f in frames]) if frames else np.zeros(0, np.int64)
    end = np.concatenate([f[3] for f in frames]) if frames else np.zeros(0, np.int64)
    doc, part = index.doc[first], index.part(first)
    order = np.lexsort((start, part, q, doc))
    q, first, start, end, doc, part = (x[order] for x in (q, first, start, end, doc, part))
    doc_ids = corpus["doc_id"].astype(str).to_numpy()
    outlets = groups_by(corpus, "outlet").to_numpy()
    return pd.DataFrame({
        "doc_id": pd.Categorical(doc_ids[doc], categories=pd.unique(doc_ids)),
        "outlet": pd.Categorical(outlets[doc], categories=pd.unique(outlets)),
        "query": pd.Categorical.from_codes(q.astype(np.int64), categories=list(parsed)),
        "part": pd.Categorical.from_codes(part.astype(np.int64), categories=list(_PARTS)),
        "sentence_id": index.sentence_id[first].astype(np.int32),
        "paragraph_id": index.paragraph_id[first].astype(np.int32),
        "matched_text": [index.text(p, d)[a:b] for p, d, a, b in
                         zip(part.tolist(), doc.tolist(), start.tolist(), end.tolist(),
                             strict=True)],
        "start": start.astype(np.int64),
        "end": end.astype(np.int64),
        "negated": _negated(index, first),
    })


def query_search(corpus: pd.DataFrame, queries, *, scope: Scope = "article",
                 fold_diacritics: bool = True) -> pd.DataFrame:
    """The articles each query finds: one row per article and query where the query holds
    (in the whole article, or in one of its sentences or paragraphs, by ``scope``).

    Returns the columns

    - ``doc_id``, ``outlet`` (categorical), ``date`` and ``title`` (when the corpus has
      them): the article,
    - ``query``: the query's name (categorical, in the order given),
    - ``hits``: the stretches of text the query matched in the units where it holds
      (overlapping matches count once; 0 for an article found by ``NOT`` alone),
    - ``units``: the number of the article's units (sentences, paragraphs; 1 for
      ``article``) where the query holds,
    - ``negated``: how many of the hits have a negator within three words before them,

    ordered by query, then article in corpus order.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "AD"],
    ...     "text": ["Poetin. Sancties!", "Poetin en sancties."]})
    >>> query_search(c, {"samen": "poetin w/s sancties", "los": "poetin AND sancties"}
    ...              )[["doc_id", "query", "hits"]].values.tolist()
    [['b', 'samen', 2], ['a', 'los', 2], ['b', 'los', 2]]
    """
    parsed = _parsed(queries)
    index = query_index(corpus, fold_diacritics=fold_diacritics)
    unit_doc = _unit_doc(index, scope)
    rows = []
    for q, node in enumerate(parsed.values()):
        units, first, _, _, _ = query_evaluate(index, node, scope=scope)
        docs_units = np.bincount(unit_doc[np.flatnonzero(units)], minlength=index.n_docs)
        hits = np.bincount(index.doc[first], minlength=index.n_docs)
        neg = np.bincount(index.doc[first], weights=_negated(index, first),
                          minlength=index.n_docs).astype(np.int64)
        found = np.flatnonzero(docs_units > 0)
        rows.append(pd.DataFrame({"doc": found, "query": q, "hits": hits[found],
                                  "units": docs_units[found], "negated": neg[found]}))
    table = pd.concat(rows, ignore_index=True)
    doc = table["doc"].to_numpy()
    doc_ids = corpus["doc_id"].astype(str).to_numpy()
    outlets = groups_by(corpus, "outlet").to_numpy()
    out = {"doc_id": pd.Categorical(doc_ids[doc], categories=pd.unique(doc_ids)),
           "outlet": pd.Categorical(outlets[doc], categories=pd.unique(outlets))}
    for column in ("date", "title"):
        if column in corpus.columns:
            out[column] = corpus[column].to_numpy()[doc]
    out["query"] = pd.Categorical.from_codes(table["query"].to_numpy().astype(np.int64),
                                             categories=list(parsed))
    for column in ("hits", "units", "negated"):
        out[column] = table[column].to_numpy().astype(np.int64)
    return pd.DataFrame(out)


def _unit_doc(index: QueryIndex, scope: str) -> np.ndarray:
    """The article of each unit of the scope."""
    if scope == "article":
        return np.arange(index.n_docs)
    units = index.units(scope)
    out = np.zeros(index.unit_count(scope), dtype=np.int64)
    out[units] = index.doc
    return out


def query_summary(found: pd.DataFrame, corpus: pd.DataFrame, *, by=None, period=None
                  ) -> pd.DataFrame:
    """Articles and hits per query and group, from :func:`query_search`'s table.

    ``by``: corpus column(s) to group by (e.g. ``outlet``); ``period``: ``day``, ``week``,
    ``month``, ``quarter`` or ``year`` of the ``date`` column.

    Returns the columns ``query``, the ``by`` columns, ``period`` (when asked),
    ``articles`` (articles in the group), ``found`` (articles the query finds), ``share``
    (found / articles), ``hits`` (their hits) and ``negated`` (hits after a negator).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "NOS", "AD"],
    ...                   "text": ["Oorlog.", "Vrede.", "Oorlog en oorlog."]})
    >>> s = query_summary(query_search(c, {"o": "oorlog"}), c, by="outlet")
    >>> s[["query", "outlet", "articles", "found", "hits"]].values.tolist()
    [['o', 'NOS', 2, 1, 1], ['o', 'AD', 1, 1, 2]]
    """
    columns = [by] if isinstance(by, str) else list(by or [])
    for column in columns:
        if column not in corpus.columns:
            raise ValueError(f"the corpus has no column {column!r}; it has "
                             f"{', '.join(map(str, corpus.columns))}.")
    base = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy()})
    for column in columns:
        base[column] = groups_by(corpus, column).to_numpy()
    keys = list(columns)
    if period is not None:
        from analysis.periods import periods_start

        base["period"] = periods_start(corpus["date"], period,
                                       ids=base["doc_id"].tolist()).astype(object).to_numpy()
        keys.append("period")
    queries = list(found["query"].cat.categories) if len(found) or hasattr(
        found["query"], "cat") else []
    per_doc = found.assign(doc_id=found["doc_id"].astype(str), query=found["query"].astype(str))
    out = []
    for name in queries:
        mine = per_doc[per_doc["query"] == name][["doc_id", "hits", "negated"]]
        table = base.merge(mine, on="doc_id", how="left")
        table["found"] = table["hits"].notna()
        table = table.fillna({"hits": 0, "negated": 0})
        grouped = (table.groupby(keys, sort=False, observed=True, dropna=False)
                   if keys else table.groupby(np.zeros(len(table)), sort=False))
        agg = grouped.agg(articles=("doc_id", "size"), found=("found", "sum"),
                          hits=("hits", "sum"), negated=("negated", "sum")).reset_index()
        if not keys:
            agg = agg.drop(columns=agg.columns[0])
        agg.insert(0, "query", name)
        out.append(agg)
    result = pd.concat(out, ignore_index=True) if out else pd.DataFrame(
        columns=["query", *keys, "articles", "found", "hits", "negated"])
    for column in ("articles", "found", "hits", "negated"):
        result[column] = result[column].astype(np.int64)
    result["share"] = result["found"] / result["articles"].where(result["articles"] > 0)
    return result[["query", *keys, "articles", "found", "share", "hits", "negated"]]
