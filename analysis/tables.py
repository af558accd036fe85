"""Helpers every table-making function shares: the missing-group label, the column check,
and the ``by=`` resolver.

- :data:`MISSING_GROUP` is the one label of a group whose value is missing (``(unknown)``),
  in the loaded corpus (an article without an outlet) and in every grouped table
  (frequencies, frames, sentiment aggregates).
- :func:`require_columns` raises :class:`ColumnError` (one error type for a missing column
  anywhere) naming the missing columns and listing the columns there are.
- :func:`groups_by` gives each row of a table its group: a column of the table itself, or a
  metadata column of the corpus merged in on ``doc_id``; missing values become
  :data:`MISSING_GROUP`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["MISSING_GROUP", "OTHER_GROUP", "ColumnError", "require_columns", "groups_by",
           "groups_top"]

#: Label of the group of rows whose ``by`` value is missing (and of an article without an
#: outlet in the loaded corpus).
MISSING_GROUP = "(unknown)"


class ColumnError(ValueError, KeyError):
    """A table lacks a column it needs. ``missing`` names the columns asked for and not
    found, ``columns`` the columns there are. A ``ValueError`` (and, for code that catches
    lookups, a ``KeyError``)."""

    def __init__(self, message: str, *, missing: Iterable[str] = (),
                 columns: Iterable[str] = ()):
        super().__init__(message)
        self.message = message
        self.missing = list(missing)
        self.columns = list(columns)

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


def require_columns(table: pd.DataFrame, columns: Iterable[str], *, what: str = "the table",
                    hint: str = "") -> None:
    """Raise :class:`ColumnError` unless ``table`` has every one of ``columns``.

    The message names ``what`` lacks which columns and lists the columns it has, then
    ``hint`` (what to do), if given.

    >>> t = pd.DataFrame({"doc_id": ["a"], "text": ["Hallo."]})
    >>> require_columns(t, ["doc_id", "text"])
    >>> require_columns(t, ["outlet", "text"], what="the corpus")
    Traceback (most recent call last):
    ...
    analysis.tables.ColumnError: the corpus has no column 'outlet' (its columns: 'doc_id', 'text')
    """
    have = [str(c) for c in table.columns]
    missing = [str(c) for c in columns if c not in table.columns]
    if not missing:
        return
    names = ", ".join(repr(c) for c in missing)
    listed = ", ".join(repr(c) for c in have) or "none"
    noun = "column" if len(missing) == 1 else "columns"
    message = f"{what} has no {noun} {names} (its columns: {listed})"
    if hint:
        message += f"; {hint}"
    raise ColumnError(message, missing=missing, columns=have)


def groups_by(table: pd.DataFrame, by: str, *, corpus: pd.DataFrame | None = None,
              what: str = "the table") -> pd.Series:
    """The group of every row of ``table`` by the column ``by``, as strings, with missing
    values as :data:`MISSING_GROUP`; index as ``table``'s.

    ``by`` is a column of ``table``, or, when ``table`` lacks it and ``corpus`` is given, a
    column of ``corpus``, looked up by ``doc_id`` (rows whose article the corpus lacks get
    :data:`MISSING_GROUP`). Raises :class:`ColumnError` naming the columns there are when
    neither has the column.

    >>> scores = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "country": ["NL", None, "BE"]})
    >>> groups_by(scores, "country", corpus=corpus).tolist()
    ['NL', '(unknown)', 'BE']
    """
    if by in table.columns:
        values = table[by]
    else:
        if corpus is None:
            require_columns(table, [by], what=what,
                            hint="to group by a corpus column, pass the corpus")
        require_columns(table, ["doc_id"], what=what)
        require_columns(corpus, ["doc_id", by], what="the corpus")
        lookup = (corpus.assign(doc_id=corpus["doc_id"].astype(str))
                  .drop_duplicates("doc_id").set_index("doc_id")[by])
        values = pd.Series(lookup.reindex(table["doc_id"].astype(str)).to_numpy(),
                           index=table.index)
    return values.astype("string").fillna(MISSING_GROUP).astype(object)


#: Label of the group that holds every group beyond the largest ones (see :func:`groups_top`).
OTHER_GROUP = "(other)"


def groups_top(values: pd.Series, *, n: int | None, width: int | None = 40) -> pd.Series:
    """Group labels a figure can show: at most ``n`` groups, and no label longer than
    ``width`` characters.

    With more than ``n`` distinct values, the ``n - 1`` groups with the most rows (ties: in
    name order) keep their label and the others become :data:`OTHER_GROUP`. A label longer
    than ``width`` is cut to ``width - 1`` characters plus "…" (whitespace runs, line breaks
    included, become one space); two labels that would become equal get " (2)", " (3)", ...
    ``None`` switches either limit off. Returns the new labels (as strings), index as
    ``values``'s.

    >>> s = pd.Series(["NRC", "NRC", "NOS", "Trouw", "De Morgen", "De Morgen", "AD"])
    >>> groups_top(s, n=3).tolist()
    ['NRC', 'NRC', '(other)', '(other)', 'De Morgen', 'De Morgen', '(other)']
    >>> groups_top(pd.Series(["Het Financieele Dagblad, editie A", "Het Financieele Dagblad, "
    ...                       "editie B"]), n=None, width=12).tolist()
    ['Het Financi…', 'Het Financi… (2)']
    """
    labels = values.astype("string").fillna(MISSING_GROUP).astype(str)
    if n is not None and labels.nunique() > n:
        counts = labels.value_counts()
        order = sorted(counts.index, key=lambda g: (-counts[g], g))
        keep = set(order[: n - 1])
        labels = labels.where(labels.isin(keep), OTHER_GROUP)
    if width is None:
        return labels
    short: dict[str, str] = {}
    taken: set[str] = set()
    for label in sorted(labels.unique()):
        text = " ".join(label.split())
        if len(text) > width:
            text = text[: width - 1].rstrip() + "…"
        candidate, k = text, 1
        while candidate in taken:
            k += 1
            candidate = f"{text} ({k})"
        taken.add(candidate)
        short[label] = candidate
    return labels.map(short)
