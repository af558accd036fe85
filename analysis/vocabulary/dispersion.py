"""Where in each article words occur: the table of an x-ray (lexical dispersion) plot."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.vocabulary.concordance import _check_tokens, _doc_bounds, kwic_match
from analysis.vocabulary.terms import (
    _in_text_order,
)

__all__ = [
    "textstat_dispersion",
]




# --------------------------------------------------------------------------- dispersion


def textstat_dispersion(tokens: pd.DataFrame, patterns: str | Iterable[str]) -> pd.DataFrame:
    """Where in each article the patterns occur, for an x-ray (lexical dispersion) plot.

    ``patterns`` is one pattern or a list (words, phrases, ``*``/``?`` wildcards, as in
    :func:`analysis.vocabulary.kwic_match`).

    Returns one row per occurrence, by pattern (in the order given), article and position,
    with the columns

    - ``pattern``: the pattern as given,
    - ``doc_id``, ``outlet``: the article,
    - ``sentence_id``, ``position``: where the occurrence starts (``position`` as in the
      token table, which numbers every token, punctuation too),
    - ``word_position``: the occurrence's first token counted among the article's tokens
      in the table (1 = its first word), as quanteda's x-ray plot counts,
    - ``match``: the tokens as written,
    - ``n_tokens``: the article's tokens in the table (with punctuation removed: its words
      and numbers),
    - ``relative_position``: ``word_position / n_tokens``, from just above 0 (the start of
      the article) to 1 (its end).

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["sancties nu of later sancties"]})
    >>> textstat_dispersion(tokens_corpus(c), "sanctie*")["relative_position"].tolist()
    [0.2, 1.0]
    """
    if isinstance(patterns, str):
        patterns = [patterns]
    patterns = list(patterns)
    if not patterns:
        raise ValueError("give at least one pattern")
    _check_tokens(tokens, ("doc_id", "position"))
    tokens = _in_text_order(tokens)
    first_of_doc, last_of_doc = _doc_bounds(tokens)
    parts = []
    for pattern in patterns:
        found = kwic_match(tokens, pattern)
        row = found["first_row"].to_numpy()
        word = (row - first_of_doc[row] + 1).astype(np.int64)
        n_tok = (last_of_doc[row] - first_of_doc[row] + 1).astype(np.int64)
        parts.append(pd.DataFrame({
            "pattern": np.full(len(found), pattern, dtype=object),
            "doc_id": found["doc_id"].astype(object),
            "outlet": found["outlet"].astype(object),
            "sentence_id": found["sentence_id"],
            "position": found["position"],
            "word_position": word,
            "match": found["match"].astype(object),
            "n_tokens": n_tok,
            "relative_position": word / n_tok,
        }))
    table = pd.concat(parts, ignore_index=True)
    table["pattern"] = pd.Categorical(table["pattern"], categories=list(dict.fromkeys(patterns)))
    for column in ("doc_id", "outlet", "match"):
        table[column] = table[column].astype("category")
    return table


