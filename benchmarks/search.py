"""The search stage: 20 queries of every kind over the stored tokens, and the same searches
done with Python's ``re`` article by article as the peer.

The peer reads each query with :func:`analysis.query.query_parse` (the grammar is not
what is compared) and evaluates the tree on each article's text: a term is a regular
expression searched in each word of the article (so a part of a hyphenated compound is
found, as ours does), a phrase is consecutive words with only white space between them,
proximity compares word numbers. It knows no compounds written as one word, no accents
folded and no abbreviations, so a few articles may differ. The
stage reports how many queries find the same articles both ways.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["SEARCH_QUERIES", "SEARCH_SECONDS", "search_setup", "search_run", "search_peer",
           "search_compare"]

#: The target: all queries over a 10-million-token corpus in under this many seconds.
SEARCH_SECONDS = 10

#: 20 queries of every kind: terms, wildcards, phrases, boolean, proximity, fields, lemmas.
SEARCH_QUERIES = {
    "navo": "navo OR nato",
    "rusland": "rusland OR russisch*",
    "sancties": "sanctie*",
    "koude_oorlog": '"koude oorlog"',
    "oorlog_lemma": "lemma:oorlog",
    "poetin_sancties": "poetin* w/10 sanctie*",
    "rusland_navo_zin": "rusland w/s navo",
    "rusland_navo_alinea": "rusland w/p navo",
    "vvd_cda": '"vvd cda"~10',
    "nested": '"(rusland OR poetin*) sanctie*"~5',
    "and": "oekraïne AND rusland",
    "and_not": "oekraïne AND NOT navo",
    "precedence": "biden OR amerika AND rusland",
    "not_alone": "NOT (rusland OR oekraïne)",
    "pre": "verenigde pre/2 staten",
    "wildcard_q": "gesprek?",
    "title": "title:rusland",
    "escalatie": "escal* OR de-escal* OR deëscal*",
    "case": "VS~s",
    "exact": '="de oorlog"',
}


def search_setup(ctx):
    from analysis.tokens import tokens_corpus

    corpus = ctx["corpus"]()
    tokens_corpus(corpus, progress=False)  # what a notebook or the token store already holds
    return {"corpus": corpus}


def search_run(state):
    from analysis.query.evaluate import query_search

    found = query_search(state["corpus"], SEARCH_QUERIES)
    state["found"] = found
    return {"queries": len(SEARCH_QUERIES), "rows": len(found)}


# --------------------------------------------------------------------------- the peer

_WORD = re.compile(r"\w+(?:-\w+)*")


def _regex(word: str, case: bool) -> re.Pattern:
    body = "".join(r"\w*" if c == "*" else r"\w" if c == "?" else re.escape(c) for c in word)
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if case else re.IGNORECASE)


def _holds(x) -> bool:
    return x is None or bool(x)


def _result(positions: set) -> set | None:
    """A node that holds: its positions, or None when it holds without any (a NOT)."""
    return positions if positions else None


def _compile(node, field=None, lemma=False):
    """A function (article) -> the word numbers where the node holds, ``set()`` where it
    does not, ``None`` where it holds without a position (a NOT)."""
    from analysis.query.parse import And, AndNot, Field, Near, Not, Or, Phrase, Term

    if isinstance(node, Field):
        if node.name == "lemma":
            return _compile(node.child, field, True)
        return _compile(node.child, node.name, lemma)
    if isinstance(node, Term):
        from analysis.query.lemma import lemma_of

        word = lemma_of(node.word) if lemma and "*" not in node.word else node.word
        regex = _regex(word, node.case)
        test = regex.fullmatch if node.exact else regex.search

        def term(article):
            words = article["lemmas" if lemma else "words"][field or "all"]
            return {i for i, w in words.items() if test(w)}
        return term
    if isinstance(node, Phrase):
        items = list(node.items)
        if node.exact and isinstance(items[-1], Term):
            items[-1] = Term(items[-1].word, True, items[-1].case)
        if node.case:
            items = [Term(i.word, i.exact, True) if isinstance(i, Term) else i for i in items]
        parts = [_compile(i, field, lemma) for i in items]
        if node.slop is not None and len(parts) == 2:
            near = _near_sets(node.slop)
            return lambda a: near(parts[0](a), parts[1](a))

        def phrase(article):
            found = [p(article) for p in parts]
            open_ = article["open"]  # words followed by white space only
            starts = {s for s in found[0] if all(s + k in f and s + k - 1 in open_
                                                 for k, f in enumerate(found[1:], 1))}
            return starts | {s + k for s in starts for k in range(1, len(found))}
        return phrase
    if isinstance(node, Or):
        kids = [_compile(c, field, lemma) for c in node.children]

        def either(a):
            results = [k(a) for k in kids]
            if not any(_holds(r) for r in results):
                return set()
            return _result(set().union(*[r for r in results if r]))
        return either
    if isinstance(node, And | AndNot | Near):
        left, right = _compile(node.left, field, lemma), _compile(node.right, field, lemma)
    if isinstance(node, And):
        def both(a):
            x, y = left(a), right(a)
            return _result((x or set()) | (y or set())) if _holds(x) and _holds(y) else set()
        return both
    if isinstance(node, AndNot):
        def but_not(a):
            x = left(a)
            return x if _holds(x) and not _holds(right(a)) else set()
        return but_not
    if isinstance(node, Not):
        child = _compile(node.child, field, lemma)
        return lambda a: set() if _holds(child(a)) else None
    if isinstance(node, Near):
        if node.distance in ("sentence", "paragraph"):
            key = "sentence_of" if node.distance == "sentence" else "paragraph_of"
            return lambda a: _same(a[key], left(a) or set(), right(a) or set())
        near = _near_sets(node.distance, node.ordered)
        return lambda a: near(left(a) or set(), right(a) or set())
    raise TypeError(node)


def _near_sets(distance: int, ordered: bool = False):
    def near(a, b):
        out = set()
        for p in a:
            for q in b:
                if (0 < q - p <= distance) if ordered else abs(p - q) <= distance:
                    out.update((p, q))
        return out
    return near


def _same(unit_of, a, b):
    units = {unit_of[p] for p in a} & {unit_of[q] for q in b}
    return {p for p in a | b if unit_of[p] in units}


_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_TITLE = 10_000_000  # title words are numbered from here: never near a word of the text


def _article(text: str, title: str, with_lemmas: bool) -> dict:
    from analysis.query.lemma import lemmas_of

    matches = list(_WORD.finditer(text))
    body = [(m.group(), m.start()) for m in matches]
    open_ = {i for i, (a, b) in enumerate(zip(matches, matches[1:], strict=False)) if not
             text[a.end():b.start()].strip()}
    head = [m.group() for m in _WORD.finditer(title)]
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    breaks = [m.start() for m in re.finditer(r"\n", text)]
    text_words = {i: w for i, (w, _) in enumerate(body)}
    title_words = {_TITLE + i: w for i, w in enumerate(head)}
    article = {"words": {"text": text_words, "title": title_words,
                         "all": {**text_words, **title_words}},
               "sentence_of": {}, "paragraph_of": {}, "open": open_}
    for i, (_, start) in enumerate(body):
        article["sentence_of"][i] = bisect.bisect_left(ends, start)
        article["paragraph_of"][i] = bisect.bisect_left(breaks, start)
    for i in title_words:
        article["sentence_of"][i] = article["paragraph_of"][i] = -1
    if with_lemmas:
        article["lemmas"] = {k: dict(zip(v, lemmas_of(list(v.values())), strict=True))
                             for k, v in article["words"].items()}
    return article


def search_peer(state):
    from analysis.query import query_parse
    from analysis.query.parse import Field

    corpus = state["corpus"]
    parsed = {name: query_parse(q, name=name) for name, q in SEARCH_QUERIES.items()}
    uses_lemma = any(_has_lemma(n, Field) for n in parsed.values())
    compiled = {name: _compile(node) for name, node in parsed.items()}
    titles = corpus["title"].fillna("").astype(str).tolist() if "title" in corpus else [""] * len(
        corpus)
    found = {name: set() for name in parsed}
    for doc_id, text, title in zip(corpus["doc_id"].astype(str), corpus["text"].astype(str),
                                   titles, strict=True):
        article = _article(text, title, uses_lemma)
        for name, run in compiled.items():
            result = run(article)
            if result is None or result:
                found[name].add(doc_id)
    state["peer_found"] = found
    return {"queries": len(parsed), "rows": sum(map(len, found.values()))}


def _has_lemma(node, field_type) -> bool:
    if isinstance(node, field_type) and node.name == "lemma":
        return True
    return any(_has_lemma(getattr(node, k), field_type) for k in ("child", "left", "right")
               if hasattr(node, k)) or any(
        _has_lemma(c, field_type) for c in getattr(node, "children", ()) or
        getattr(node, "items", ()))


def search_compare(state, extra):
    """How many queries find the same articles as the peer (run in the same process)."""
    search_peer(state)
    ours = state["found"]
    same = 0
    for name, peer in state["peer_found"].items():
        mine = set(ours.loc[ours["query"] == name, "doc_id"].astype(str))
        same += mine == peer
    extra["same_articles"] = f"{same}/{len(SEARCH_QUERIES)}"
    return extra
