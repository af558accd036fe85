"""Set identities of the query language on generated articles, and proximity checked
against a count by hand."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.query.evaluate import query_search

WORDS = ["kat", "hond", "vis", "muis"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n"]

article = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                   min_size=1, max_size=14)
corpora = st.lists(article, min_size=1, max_size=6)


def _corpus(articles) -> pd.DataFrame:
    texts = ["".join(w + s for w, s in words).strip() + "." for words in articles]
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "outlet": ["X"] * len(texts), "text": texts})


def _found(corpus, queries: dict[str, str]) -> dict[str, set[str]]:
    table = query_search(corpus, queries)
    return {name: set(table.loc[table["query"] == name, "doc_id"].astype(str))
            for name in queries}


def _by_hand(articles, a: str, b: str, n: int, ordered: bool = False) -> set[str]:
    """Articles where ``a`` and ``b`` stand at most ``n`` words apart (b after a when
    ``ordered``), counted on the generated word lists."""
    out = set()
    for i, words in enumerate(articles):
        pos_a = [k for k, (w, _) in enumerate(words) if w == a]
        pos_b = [k for k, (w, _) in enumerate(words) if w == b]
        if any((0 < q - p <= n) if ordered else abs(q - p) <= n
               for p in pos_a for q in pos_b):
            out.add(f"d{i}")
    return out


pairs = st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).filter(lambda t: t[0] != t[1])


@settings(max_examples=40, deadline=None)
@given(corpora, pairs)
def test_and_or_not_are_intersection_union_difference(articles, pair):
    a, b = pair
    corpus = _corpus(articles)
    found = _found(corpus, {"a": a, "b": b, "and": f"{a} AND {b}", "or": f"{a} OR {b}",
                            "space": f"{a} {b}", "not": f"{a} NOT {b}",
                            "notalone": f"NOT {b}"})
    assert found["and"] == found["a"] & found["b"]
    assert found["or"] == found["a"] | found["b"] == found["space"]
    assert found["not"] == found["a"] - found["b"]
    assert found["notalone"] == set(corpus["doc_id"]) - found["b"]


@settings(max_examples=40, deadline=None)
@given(corpora, pairs, st.integers(min_value=1, max_value=6))
def test_proximity_within_and_monotone_and_equal_to_by_hand(articles, pair, n):
    a, b = pair
    corpus = _corpus(articles)
    found = _found(corpus, {"and": f"{a} AND {b}", "slop": f'"{a} {b}"~{n}',
                            "slop_more": f'"{a} {b}"~{n + 1}', "w": f"{a} w/{n} {b}",
                            "pre": f"{a} pre/{n} {b}"})
    assert found["slop"] <= found["and"]
    assert found["slop"] <= found["slop_more"]
    assert found["w"] == found["slop"]
    assert found["w"] == _by_hand(articles, a, b, n)
    assert found["pre"] == _by_hand(articles, a, b, n, ordered=True)
    assert found["pre"] <= found["w"]
