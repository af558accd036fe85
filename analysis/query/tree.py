"""The query tree evaluated over a :class:`analysis.query.index.QueryIndex`: the units
where each node holds and its hits, as whole arrays of positions.

A phrase is confirmed on the article's text as the frame matcher does; proximity
operators compare word numbers (two adjacent words are 1 apart); overlapping hits are
merged into one stretch of text. :func:`analysis.query.evaluate.query_evaluate` runs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.query.index import (
    _CHARS,
    _FIELD_PART,
    _MAX_DISTANCE,
    QueryIndex,
    _body,
    _core_of,
    _flags,
    _type_matches,
)
from analysis.query.lemma import lemma_of
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
)
from analysis.text.patterns import JOIN, STAR


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

