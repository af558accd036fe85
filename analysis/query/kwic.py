"""Keyword in context for search strings: every hit of a query in its context."""

from __future__ import annotations

import pandas as pd

from analysis.query.evaluate import Scope, query_hits
from analysis.vocabulary.concordance import kwic_cut

__all__ = ["query_kwic"]


def query_kwic(corpus: pd.DataFrame, queries, *, window: int = 5, scope: Scope = "article",
               fold_diacritics: bool = True) -> pd.DataFrame:
    """Every hit of every query in the articles' text with ``window`` words of context on
    each side, as :func:`analysis.vocabulary.concordance.kwic` cuts it (hits in titles are
    left out).

    Returns the columns ``doc_id``, ``outlet``, ``query``, ``sentence_id``, ``left``,
    ``match``, ``right`` and ``negated`` (see :func:`analysis.query.evaluate.query_hits`),
    in text order per query.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["Er komen geen nieuwe sancties tegen Rusland."]})
    >>> k = query_kwic(c, "sancties w/3 rusland", window=2)
    >>> k[["left", "match", "right", "negated"]].values.tolist()
    [['geen nieuwe', 'sancties', 'tegen Rusland', True], ['sancties tegen', 'Rusland', '', False]]
    """
    from analysis.tokens import tokens_corpus

    if not isinstance(window, int) or window < 0:
        raise ValueError(f"window must be a whole number of words, 0 or more, not {window!r}")
    hits = query_hits(corpus, queries, scope=scope, fold_diacritics=fold_diacritics)
    hits = hits[hits["part"] == "text"].reset_index(drop=True)
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str), strict=True))
    left, match, right = kwic_cut(tokens_corpus(corpus, progress=False), texts,
                                  hits["doc_id"].astype(str).tolist(), hits["start"],
                                  hits["end"], window=window)
    return pd.DataFrame({
        "doc_id": hits["doc_id"], "outlet": hits["outlet"], "query": hits["query"],
        "sentence_id": hits["sentence_id"],
        "left": pd.array(left, dtype="string"), "match": pd.array(match, dtype="string"),
        "right": pd.array(right, dtype="string"), "negated": hits["negated"]})
