"""A corpus at a glance: its content fingerprint and its size per group."""

from __future__ import annotations

import hashlib

import pandas as pd

from analysis.tables import groups_by, require_columns
from analysis.text.words import tokens_count_words

__all__ = ["corpus_fingerprint", "corpus_summary"]


def corpus_fingerprint(corpus: pd.DataFrame) -> str:
    """A SHA-256 hex digest of the corpus content: every column name and value, in order.

    Two corpora with the same articles and metadata give the same fingerprint, whatever
    folder or file they were read from.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"doc_id": ["a"], "text": ["Hallo."]})
    >>> corpus_fingerprint(a) == corpus_fingerprint(a.copy())
    True
    >>> len(corpus_fingerprint(a))
    64
    """
    digest = hashlib.sha256()
    for column in corpus.columns:
        digest.update(b"\x1e" + str(column).encode("utf-8") + b"\x1f")
        for value in corpus[column].tolist():
            text = "\x00NA" if value is None or value is pd.NA else str(value)
            digest.update(text.encode("utf-8") + b"\x1f")
    return digest.hexdigest()


def corpus_summary(corpus: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Articles, words and date range per group (default: per outlet), plus a total row.

    Returns the columns ``<by>, articles, words, first_date, last_date``; ``words`` counts
    the word tokens of :func:`analysis.text.tokens_tokenize` (punctuation excluded).

    >>> from analysis.corpus import corpus_load
    >>> from analysis.paths import CORPUS_DIR
    >>> corpus_summary(corpus_load(CORPUS_DIR))["articles"].tolist()
    [1, 1, 1, 1, 1, 5]
    """
    require_columns(corpus, [by, "text", "date"], what="the corpus")
    frame = pd.DataFrame({
        by: groups_by(corpus, by).to_numpy(),
        "words": [tokens_count_words(t) for t in corpus["text"]],
        "date": corpus["date"],
    })
    table = (
        frame.groupby(by, sort=True)
        .agg(articles=("words", "size"), words=("words", "sum"),
             first_date=("date", "min"), last_date=("date", "max"))
        .reset_index()
    )
    total = pd.DataFrame([{by: "total", "articles": len(frame), "words": frame["words"].sum(),
                           "first_date": frame["date"].min(), "last_date": frame["date"].max()}])
    table = pd.concat([table, total], ignore_index=True)
    return table.astype({"articles": "int64", "words": "int64"})
