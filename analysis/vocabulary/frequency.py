"""Word statistics from the token table: frequencies, keyness, collocations, dispersion.

Every function takes the table of :func:`analysis.tokens.tokens_corpus` (tokenise once,
reuse it everywhere) and returns a long tidy DataFrame. Counting runs on the integer codes
of the categorical columns, without a Python loop over tokens.

**Terms.** A term is the ``norm`` of a token (lower-cased, or stemmed, as the table was
made). An n-gram is ``n`` tokens that follow each other directly in the text, within one
sentence: consecutive ``position`` values and one ``sentence_id``. A token removed from the
table (punctuation, a stopword, a number) therefore breaks an n-gram, so no n-gram bridges
a comma or a sentence end, or joins words that a removed stopword stood between. N-gram
terms are their tokens joined by a space (``koude oorlog``).

**Groups.** ``by`` names a column of the token table (``outlet``, ``doc_id``) or, with
``corpus=``, any metadata column of the corpus (``date``, ``country``), merged on
``doc_id``. Groups appear in sorted order; an article without a value is in the group
``(unknown)`` (:data:`analysis.tables.MISSING_GROUP`).

**Periods.** ``period="day" | "week" | "month" | "quarter" | "year"`` (with ``corpus=``)
bins the articles' dates into a ``period`` column (the period's first day, ``YYYY-MM-DD``;
see :mod:`analysis.periods`), which combines with ``by`` (``by=None`` with a period: the
period alone). Every period from the first to the last is in the table: a period without
articles is one row with ``articles`` 0 and no term.

**Statistics.** Keyness is the log-likelihood G2 of Rayson & Garside (2000) with Hardie's
(2014) Log Ratio as its effect size; collocations are scored with pointwise mutual
information, logDice (Rychlý 2008) and the log-likelihood G2 of the full 2x2 table
(Dunning 1993, Evert 2005). The formulas are in each function's documentation.

This module counts frequencies; keyness (:mod:`analysis.vocabulary.keyness`), collocations
(:mod:`analysis.vocabulary.collocations`) and dispersion (:mod:`analysis.vocabulary.dispersion`)
share its groups and periods, and the counting core (terms, n-grams, group codes) is
:mod:`analysis.vocabulary.terms`; every function is importable from :mod:`analysis.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd

from analysis.parallel import THREADS_ROWS, threads_run
from analysis.periods.binning import Period, PeriodCells, periods_assign, periods_by
from analysis.tables import MISSING_GROUP, require_columns
from analysis.vocabulary.concordance import _categorical, _check_tokens
from analysis.vocabulary.terms import (
    _check_min_count,
    _codes,
    _count_pairs,
    _factorize_sorted,
    _in_text_order,
    _sorted_groups,
    _Terms,
    _terms,
)

__all__ = [
    "TermCounts",
    "textstat_frequency",
    "frequency_from_counts",
]


# --------------------------------------------------------------------------- helpers


def _groups(tokens: pd.DataFrame, by: str, corpus: pd.DataFrame | None):
    """Group code of every token row, and the group labels (sorted)."""
    if by in tokens.columns:
        codes, labels = _codes(tokens[by])
        return _sorted_groups(codes, labels)
    if corpus is None:
        require_columns(tokens, [by], what="the token table",
                        hint="to group by a corpus column, pass the corpus: corpus=corpus")
    require_columns(corpus, ["doc_id", by], what="the corpus", hint="choose by= among them")
    doc_codes, doc_labels = _codes(tokens["doc_id"])
    values = corpus.assign(doc_id=corpus["doc_id"].astype(str)).drop_duplicates("doc_id")
    per_doc = values.set_index("doc_id")[by].reindex(doc_labels)
    unknown = doc_labels[per_doc.index.isin(values["doc_id"]) == 0]
    if len(unknown):
        raise ValueError(f"articles of the token table are not in the corpus: "
                         f"{list(unknown[:5])}; pass the corpus the table was made from")
    per_doc = per_doc.astype("string").fillna(MISSING_GROUP)
    group_of_doc, labels = _codes(per_doc)
    return _sorted_groups(group_of_doc[doc_codes], labels)


_CELL = "_cell"


def _resolve_by(by, period, corpus, tokens):
    """The group column to count by and, with a period, the cells (else None); the token
    table restricted to the articles that have a period."""
    columns = periods_by(by, period)
    if period is None:
        if len(columns) != 1:
            raise ValueError(f"by must name one column without a period, not {by!r}; "
                             "several columns combine with period=")
        return columns[0], None, tokens, corpus
    if corpus is None:
        raise ValueError("grouping by period reads the articles' dates: pass the corpus, "
                         "corpus=corpus")
    cells = periods_assign(corpus, period, by=columns)
    keyed = pd.DataFrame({"doc_id": cells.docs["doc_id"], _CELL: cells.key_of(cells.docs)})
    inside = tokens["doc_id"].astype(str).isin(keyed["doc_id"]).to_numpy()
    if not inside.all():  # articles without a period (month-only dates for weeks): out
        tokens = tokens[inside]
        if isinstance(tokens["doc_id"].dtype, pd.CategoricalDtype):
            tokens = tokens.assign(doc_id=tokens["doc_id"].cat.remove_unused_categories())
    return _CELL, cells, tokens, keyed


def _cell_columns(table: pd.DataFrame, cells: PeriodCells, *, placeholder: dict
                  ) -> pd.DataFrame:
    """Replace the cell key column of ``table`` by ``period`` and the ``by`` columns,
    followed by ``articles`` (the cell's articles); add one ``placeholder`` row (column:
    value, other columns empty) per cell without rows. Rows keep their order within a cell;
    cells are in period order."""
    keys = cells.key_of(cells.cells).to_numpy()
    rank = pd.Series(np.arange(len(keys)), index=keys)
    key = table[_CELL].astype(str).to_numpy()
    missing = [k for k in keys if k not in set(key)]
    body = table.drop(columns=[_CELL])
    filler = pd.DataFrame({c: [placeholder.get(c)] * len(missing) for c in body.columns})
    merged = pd.concat([body, filler], ignore_index=True) if missing else body.copy()
    for column in body.columns:
        dtype = body[column].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            merged[column] = pd.Categorical(merged[column], categories=dtype.categories)
        elif dtype.kind in "iu":
            merged[column] = merged[column].astype("Int64" if merged[column].isna().any()
                                                   else dtype)
        elif dtype.kind == "b" and merged[column].isna().any():
            merged[column] = merged[column].astype("boolean")
    all_keys = np.concatenate([key, np.asarray(missing, dtype=object)])
    order = np.argsort(rank.reindex(all_keys).to_numpy(), kind="stable")
    merged = merged.iloc[order].reset_index(drop=True)
    all_keys = all_keys[order]
    split = cells.cells.set_index(pd.Index(keys)).reindex(all_keys)
    articles = pd.Series(cells.key_of(cells.docs).to_numpy()).value_counts()
    front = pd.DataFrame({c: split[c].to_numpy() for c in cells.keys})
    front["articles"] = articles.reindex(all_keys).fillna(0).astype(np.int64).to_numpy()
    out = pd.concat([front, merged], axis=1)
    out.attrs.update(period=cells.period, note=cells.note)
    return out


def _counts(tokens: pd.DataFrame, by: str, ngram: int, corpus: pd.DataFrame | None, *,
            docfreq: bool = True):
    """Counts and document frequencies (None unless ``docfreq``) per (group, term), sorted
    by group and term; the group sizes in n-grams; the group labels and the terms."""
    _check_tokens(tokens, ("doc_id", "sentence_id", "position", "norm"))
    tokens = _in_text_order(tokens)
    group_codes, groups = _groups(tokens, by, corpus)
    term_codes, starts, terms = _terms(tokens, ngram)
    nt = max(terms.n, 1)
    every = starts is None  # every row starts a term, in order
    unit_groups = group_codes if every else group_codes[starts]
    del group_codes
    calls = [partial(_count_pairs, unit_groups, term_codes, nt)]
    # document frequency: distinct (group, article, term) triples, counted per (group, term)
    if docfreq:
        # the article codes as they are (int16 for up to 32,767 articles): only compared
        doc_codes = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
        unit_docs = doc_codes if every else doc_codes[starts]
        del doc_codes, starts
        calls.append(lambda: _count_pairs(*_doc_terms(unit_docs, unit_groups, term_codes, nt),
                                          nt)[2])
    # counts and document frequencies side by side in threads for a large table
    (g, t, count), *freq = threads_run(calls, wanted=len(term_codes) >= THREADS_ROWS)
    sizes = np.bincount(g, weights=count, minlength=len(groups)).astype(np.int64)
    return g, t, count, freq[0] if docfreq else None, sizes, groups, terms


@dataclass
class TermCounts:
    """How often each term occurs in each group: the counts every word statistic starts
    from (:func:`frequency_from_counts`, :func:`keyness_from_counts`).

    ``g`` and ``t`` are group and term codes (into ``groups``, sorted, and ``terms``, in
    sorted order), ``count`` the occurrences, ``docfreq`` the articles with the term
    (``None`` when not counted), ``sizes`` the n-grams of every group. Counts of separate
    parts of a corpus (its partitions, each article in one part) are summed with
    :meth:`to_table` and :meth:`from_table`.
    """

    g: np.ndarray
    t: np.ndarray
    count: np.ndarray
    docfreq: np.ndarray | None
    sizes: np.ndarray
    groups: pd.Index
    terms: _Terms | _LabelTerms

    @classmethod
    def of(cls, tokens: pd.DataFrame, by: str, ngram: int = 1,
           corpus: pd.DataFrame | None = None, *, docfreq: bool = True) -> TermCounts:
        """The counts of a token table, grouped by ``by`` (a column of ``tokens`` or of
        ``corpus``)."""
        return cls(*_counts(tokens, by, ngram, corpus, docfreq=docfreq))

    def to_table(self) -> tuple[pd.DataFrame, pd.Series]:
        """The counts as a table (``group``, ``term``, ``count``, and ``docfreq`` when
        counted; labels as text) and the group sizes (a Series indexed by group)."""
        table = pd.DataFrame({
            "group": np.asarray(self.groups, dtype=object)[self.g],
            "term": np.asarray(self.terms.categorical(self.t), dtype=object),
            "count": self.count,
        })
        if self.docfreq is not None:
            table["docfreq"] = self.docfreq
        return table, pd.Series(self.sizes, index=pd.Index(self.groups, dtype=object))

    @classmethod
    def from_table(cls, table: pd.DataFrame | list[pd.DataFrame],
                   sizes: pd.Series | list[pd.Series]) -> TermCounts:
        """Counts from :meth:`to_table` tables, summed per (group, term) and per group (a
        list: one table and one Series per part of the corpus)."""
        tables = table if isinstance(table, list) else [table]
        sizes = pd.concat(sizes if isinstance(sizes, list) else [sizes])
        sizes = sizes.groupby(level=0, sort=False).sum()
        labels = np.asarray(sizes.index, dtype=object)
        groups = pd.Index(labels[np.argsort(labels, kind="stable")], dtype=object)
        whole = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(
            {"group": [], "term": [], "count": []})
        with_df = "docfreq" in whole.columns
        summed = whole.groupby(["group", "term"], sort=False)[
            ["count", "docfreq"] if with_df else ["count"]].sum()
        g = groups.get_indexer(summed.index.get_level_values(0)).astype(np.int64)
        t, words = _factorize_sorted(np.asarray(summed.index.get_level_values(1),
                                                dtype=object))
        order = np.lexsort((t, g))
        return cls(
            g=g[order], t=t.astype(np.int64)[order],
            count=summed["count"].to_numpy(np.int64)[order],
            docfreq=summed["docfreq"].to_numpy(np.int64)[order] if with_df else None,
            sizes=sizes.reindex(groups).to_numpy(np.int64), groups=groups,
            terms=_LabelTerms(words))


class _LabelTerms:
    """Terms given by their labels (sorted): the terms of summed counts."""

    def __init__(self, words: np.ndarray):
        self.words = np.asarray(words, dtype=object)
        self.n = len(self.words)

    def categorical(self, codes: np.ndarray) -> pd.Categorical:
        inverse, used = _factorize_sorted(np.asarray(codes, dtype=np.int64))
        return pd.Categorical.from_codes(inverse, categories=pd.Index(self.words[used],
                                                                      dtype=object))


def _doc_terms(unit_docs: np.ndarray, unit_groups: np.ndarray, term_codes: np.ndarray,
               nt: int) -> tuple[np.ndarray, np.ndarray]:
    """The group and term of each distinct (group, article, term) triple.

    The units are in text order, so each article is one run: its distinct terms are those
    of one sparse row (duplicates summed within the row, no sort of the whole table).
    When a grouping column varies within an article, the triples are found by hashing.
    """
    if not len(unit_docs):
        return unit_groups, term_codes
    new_doc = unit_docs[1:] != unit_docs[:-1]
    first = np.flatnonzero(np.append(True, new_doc))
    if not np.any((unit_groups[1:] != unit_groups[:-1]) & ~new_doc):  # one group an article
        from scipy import sparse

        # only which terms a row holds is read: one byte a value, sums may wrap
        rows = sparse.csr_matrix(
            (np.ones(len(unit_docs), dtype=np.int8), term_codes,
             np.append(first, len(unit_docs))), shape=(len(first), nt), copy=True)
        rows.sum_duplicates()
        return np.repeat(unit_groups[first], np.diff(rows.indptr)), rows.indices
    group_doc = unit_groups.astype(np.int64) * (int(unit_docs.max()) + 1) + unit_docs
    if float(group_doc.max() + 1) * nt >= 2**62:
        group_doc = pd.factorize(group_doc)[0].astype(np.int64)
    triples = np.sort(pd.unique(group_doc * nt + term_codes))
    group_of = np.zeros(int(group_doc.max()) + 1, dtype=np.int64)
    group_of[group_doc] = unit_groups
    return group_of[triples // nt], triples % nt


# --------------------------------------------------------------------------- frequency


def textstat_frequency(
    tokens: pd.DataFrame,
    *,
    by: str | list[str] | None = None,
    ngram: int = 1,
    corpus: pd.DataFrame | None = None,
    min_count: int = 1,
    period: Period | None = None,
) -> pd.DataFrame:
    """How often each term (or n-gram) occurs in each group, counted and per 1,000.

    ``tokens`` is the table of :func:`analysis.tokens.tokens_corpus`; ``by`` a column of it,
    or of ``corpus`` (see the module documentation; default ``outlet``, or none with a
    period); ``ngram`` the n-gram size (1, 2, 3, ...); terms counted fewer than
    ``min_count`` times in a group are left out of that group's rows (they still count in
    its size). ``period`` (with ``corpus``) adds the period to the groups.

    Returns one row per group and term, sorted by group, then by count (most frequent
    first), then by term, with the columns

    - with a period: ``period`` (its first day) and ``articles`` (the group's articles;
      a group without articles is one row with ``articles`` 0, ``count`` 0 and no term),
    - ``<by>``: the group (the column is named after ``by``, e.g. ``outlet``),
    - ``term``: the term (n-grams: words joined by a space),
    - ``count``: occurrences of the term in the group,
    - ``per_1000``: ``count`` per 1,000 n-grams of the group (for ``ngram=1``: per 1,000
      tokens of the table, i.e. words when punctuation was removed),
    - ``docfreq``: number of the group's articles in which the term occurs,
    - ``rank``: the term's rank in the group by count, 1 = most frequent; tied terms share
      the lowest rank ("1, 2, 2, 4").

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...                   "text": ["De crisis, de Koude Oorlog.", "Crisis!"]})
    >>> textstat_frequency(tokens_corpus(c)).head(3).values.tolist()  # NOS: 5 words
    [['NOS', 'de', 2, 400.0, 1, 1], ['NOS', 'crisis', 1, 200.0, 1, 2], \
['NOS', 'koude', 1, 200.0, 1, 2]]
    >>> textstat_frequency(tokens_corpus(c), ngram=2)["term"].tolist()  # not across ","
    ['de crisis', 'de koude', 'koude oorlog']
    >>> c["date"] = ["2022-01-10", "2022-03-02"]
    >>> f = textstat_frequency(tokens_corpus(c), corpus=c, period="month")
    >>> rows = f[f["term"].isna() | (f["term"] == "crisis")]
    >>> rows[["period", "articles", "count"]].values.tolist()
    [['2022-01-01', 1, 1], ['2022-02-01', 0, 0], ['2022-03-01', 1, 1]]
    """
    _check_min_count(min_count)
    by, cells, tokens, corpus = _resolve_by(by, period, corpus, tokens)
    table = frequency_from_counts(TermCounts.of(tokens, by, ngram, corpus), by=by,
                                  min_count=min_count)
    if cells is None:
        return table
    return _cell_columns(table, cells, placeholder={"count": 0, "docfreq": 0})


def frequency_from_counts(counts: TermCounts, *, by: str, min_count: int = 1
                          ) -> pd.DataFrame:
    """The table of :func:`textstat_frequency` (without periods) from term counts: the one
    computation of ``per_1000`` and ``rank``, for counts of one table or summed over the
    partitions of a corpus (:mod:`analysis.cluster`). ``by`` names the group column.

    >>> import numpy as np, pandas as pd
    >>> c = TermCounts.from_table(pd.DataFrame({"group": ["A", "A"], "term": ["x", "y"],
    ...     "count": [3, 1], "docfreq": [1, 1]}), pd.Series({"A": 4}))
    >>> frequency_from_counts(c, by="outlet").values.tolist()
    [['A', 'x', 3, 750.0, 1, 1], ['A', 'y', 1, 250.0, 1, 2]]
    """
    _check_min_count(min_count)
    g, t, count, docfreq = counts.g, counts.t, counts.count, counts.docfreq
    sizes, groups, terms = counts.sizes, counts.groups, counts.terms
    keep = count >= min_count
    order = np.flatnonzero(keep)
    order = order[np.lexsort((t[order], -count[order], g[order]))]
    g, t, count, docfreq = g[order], t[order], count[order], docfreq[order]
    # competition rank within each group: rows are sorted by group, then count (descending)
    index = np.arange(len(g))
    new_group = np.append(True, g[1:] != g[:-1]) if len(g) else np.zeros(0, dtype=bool)
    new_count = new_group | np.append(True, count[1:] != count[:-1]) if len(g) else new_group
    group_start = np.maximum.accumulate(np.where(new_group, index, 0)) if len(g) else index
    run_start = np.maximum.accumulate(np.where(new_count, index, 0)) if len(g) else index
    return pd.DataFrame({
        by: pd.Categorical.from_codes(g, categories=groups),
        "term": terms.categorical(t),
        "count": count,
        "per_1000": count / sizes[g] * 1000.0,
        "docfreq": docfreq,
        "rank": (run_start - group_start + 1).astype(np.int64),
    })


