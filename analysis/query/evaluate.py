"""Queries run over the token tables: every hit, the articles found, the counts per group.

The corpus's word tokens (of the title and the text, from the cached
:func:`analysis.tokens.tokens_corpus` table or the token store) are laid out once per
corpus as one array of positions; a term is matched once per distinct word form (by the
pattern rules of the frame matcher: compounds, hyphens, accents and diaeresis), a phrase is
confirmed on the article's text as the frame matcher does, and the operators work on whole
arrays of positions. Several queries share one layout and one set of form matches.
The layout and the form matches are in :mod:`analysis.query.index`, the evaluation of the
query tree in :mod:`analysis.query.tree`.

- :func:`query_hits`: one row per hit of each query,
- :func:`query_search`: one row per article (and query) the query finds, with its hits,
- :func:`query_summary`: articles and hits per query and group (and period).

Distances count word tokens (punctuation is not counted): two adjacent words are 1 apart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.query.index import _PARTS, _SCOPES, NEGATORS_FILE, QueryIndex, Scope, query_index
from analysis.query.parse import Node, queries_parse
from analysis.query.tree import _Evaluator, _merge
from analysis.tables import groups_by

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

#: How many words before a hit a negator may stand.
NEGATION_WINDOW = 3
#: The columns of :func:`query_hits`, in order.
HIT_COLUMNS = ["doc_id", "outlet", "query", "part", "sentence_id", "paragraph_id",
               "matched_text", "start", "end", "negated"]
#: The columns of :func:`query_search`, in order (``date`` and ``title`` when the corpus
#: has them).
SEARCH_COLUMNS = ["doc_id", "outlet", "date", "title", "query", "hits", "units", "negated"]



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
