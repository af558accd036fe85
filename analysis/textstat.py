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

Collocations live in :mod:`analysis.collocations` and the counting core (terms, n-grams,
group codes) in :mod:`analysis.terms`; every function is importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analysis.association import (
    chi2_quanteda,
    fisher_exact_tables,
    g2_quanteda,
    pmi_quanteda,
)
from analysis.collocations import textstat_collocations
from analysis.kwic import _categorical, _check_tokens, _doc_bounds, kwic_match
from analysis.periods import Period, PeriodCells, periods_assign, periods_by
from analysis.tables import MISSING_GROUP, require_columns
from analysis.terms import (
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
    "MISSING_GROUP",
    "textstat_frequency",
    "textstat_keyness",
    "textstat_collocations",
    "textstat_dispersion",
    "TermCounts",
    "frequency_from_counts",
    "keyness_from_counts",
    "keyness_check",
    "KEYNESS_MEASURES",
]


KeynessMeasure = Literal["g2", "lr", "chi2", "exact", "pmi"]

#: The measures of :func:`textstat_keyness` and the column each statistic is in.
KEYNESS_MEASURES: tuple[str, ...] = ("g2", "lr", "chi2", "exact", "pmi")
KEYNESS_COLUMNS = {"g2": "g2", "lr": "g2", "chi2": "chi2", "exact": "odds_ratio",
                   "pmi": "pmi"}


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
    unit_groups = group_codes[starts]
    g, t, count = _count_pairs(unit_groups, term_codes, nt)
    sizes = np.bincount(unit_groups, minlength=len(groups)).astype(np.int64)
    # document frequency: distinct (group, article, term) triples, counted per (group, term)
    if not docfreq:
        return g, t, count, None, sizes, groups, terms
    doc_codes = _categorical(tokens["doc_id"]).cat.codes.to_numpy().astype(np.int64)
    _, _, freq = _count_pairs(*_doc_terms(doc_codes[starts], unit_groups, term_codes, nt), nt)
    return g, t, count, freq, sizes, groups, terms


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

        rows = sparse.csr_matrix(
            (np.ones(len(unit_docs), dtype=np.int32), term_codes,
             np.append(first, len(unit_docs))), shape=(len(first), nt))
        rows.sum_duplicates()
        return (np.repeat(unit_groups[first], np.diff(rows.indptr)),
                rows.indices.astype(np.int64))
    group_doc = unit_groups * (int(unit_docs.max()) + 1) + unit_docs
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


# --------------------------------------------------------------------------- keyness


def textstat_keyness(
    tokens: pd.DataFrame,
    *,
    by: str | list[str] | None = None,
    ngram: int = 1,
    corpus: pd.DataFrame | None = None,
    min_count: int = 5,
    adjust: Literal["bh", "holm"] = "bh",
    alpha: float = 0.05,
    period: Period | None = None,
    reference: Literal["rest", "previous"] = "rest",
    measure: KeynessMeasure = "g2",
    g2: Literal["two-cell", "four-cell"] = "two-cell",
    correction: Literal["yates", "williams", "none"] | None = None,
) -> pd.DataFrame:
    """Keywords of every group against the rest of the corpus (or, over time, against the
    period before), with significance and effect size.

    ``by`` as in :func:`textstat_frequency` (default ``outlet``, or none with a period).
    With ``period`` (and ``corpus``) each period is a target, within its ``by`` group:
    ``reference="rest"`` compares it with all other periods of that group,
    ``reference="previous"`` with the period before it (the last earlier one with
    articles), which shows what is new. A period with nothing to compare with (the first,
    for ``previous``; every period when the articles span one period only) or without
    articles is one row with no term. Terms that occur in
    neither the target nor its reference are not tested for that target.

    For each group (the target) and each term counted at least ``min_count`` times in the
    whole corpus, the 2x2 table is: ``a`` = the term's count in the target, ``b`` = its count
    in the rest of the corpus (the reference), ``c`` and ``d`` = the target's and the
    reference's sizes (all their terms, ``N = c + d``).

    - **G2**, the log-likelihood of Rayson & Garside (2000): with the expected counts
      ``E1 = c (a + b) / N`` and ``E2 = d (a + b) / N``,
      ``G2 = 2 (a ln(a / E1) + b ln(b / E2))``, where ``0 ln 0 = 0``. It is given a minus
      sign when the term is relatively rarer in the target (``a / c < b / d``), as in
      quanteda, so positive values are the target's keywords. This is the Lancaster
      log-likelihood calculator's G2.
    - ``g2="four-cell"`` gives quanteda's ``textstat_keyness(measure = "lr")`` instead: the
      G2 of the full 2x2 table (cells ``a``, ``b``, ``c - a``, ``d - b``),
      ``2 Σ O ln(O / E)``, with quanteda's ``correction``: ``"yates"`` (quanteda's default,
      and the default here): when ``|a (d - b) - b (c - a)| >= N / 2`` and an expected
      count is below 5, each cell moves 0.5 towards its expected count before G2 is
      computed (this can make G2 much smaller); ``"williams"``: G2 divided by Williams'
      (1976) ``q = 1 + (N/R1 + N/R2 - 1)(N/C1 + N/C2 - 1) / (6 N)`` (1 when a cell is 0);
      ``"none"``. On quanteda's own test table ("b" in ``b b b b b b b a a a`` against
      ``a a a a a a a b b``) these give 2.7028, 4.2008 and 4.5349; the two-cell G2 gives
      2.4401.
    - ``measure`` chooses another statistic of the same table, each as quanteda's
      ``textstat_keyness(measure = ...)`` computes it (cells ``a``, ``b``, ``c - a``,
      ``d - b``, ``N = c + d``, ``E = (a + b) c / N``; formulas in
      :mod:`analysis.association`):

      - ``"lr"``: the four-cell G2 above (``g2="four-cell"``); column ``g2``;
      - ``"chi2"``: Pearson's chi-squared, ``N (|a(d-b) - b(c-a)| - N delta)^2`` over the
        product of the four margins, with quanteda's ``correction`` (default ``"yates"``:
        ``delta = 0.5`` under the rule above, else 0; ``"williams"``; ``"none"``), signed
        like G2; column ``chi2``, quanteda's default measure;
      - ``"exact"``: Fisher's exact test (Fisher 1922) as R's ``fisher.test``: the
        conditional maximum likelihood estimate of the odds ratio (infinite when the
        reference lacks the term) and its two-sided p; column ``odds_ratio``;
      - ``"pmi"``: pointwise mutual information, ``ln(a / E + 1e-9)`` (Church & Hanks
        1990), in natural logarithms as quanteda; column ``pmi``. Its ``p`` is quanteda's,
        the chi-squared tail of ``|pmi|``: a convention of quanteda, not a test of the
        association; use ``chi2`` or ``lr`` for significance.

      ``exact`` and ``pmi`` take no correction.
    - **p**: the chi-squared (1 degree of freedom) upper tail of ``|G2|`` (of ``|chi2|``
      for ``chi2``; Fisher's p for ``exact``).
    - **p_adj**: ``p`` adjusted for the number of terms tested in that group, by
      Benjamini-Hochberg (``adjust="bh"``, false discovery rate) or Holm (``"holm"``,
      family-wise error), with ``statsmodels.stats.multitest.multipletests``.
    - **Log Ratio** (Hardie 2014): ``log2((a / c) / (b / d))``, the binary log of the ratio
      of relative frequencies: 1 = twice as frequent in the target, -1 = half as frequent.
      A zero count (``a`` or ``b``) is replaced by 0.5 (Hardie's adjustment), so the value
      stays finite; the sizes ``c`` and ``d`` are not changed.

    Returns one row per group and tested term, sorted by group, then by the statistic
    (strongest keywords first, strongest negative keywords last), then by term, with the
    columns

    - ``<by>``: the target group (the column is named after ``by``),
    - ``term``: the term,
    - ``count_target``, ``count_reference``: ``a`` and ``b``,
    - ``size_target``, ``size_reference``: ``c`` and ``d`` (n-grams counted in each),
    - ``per_1000_target``, ``per_1000_reference``: ``1000 a / c`` and ``1000 b / d``,
    - ``g2``: signed G2 (``chi2``, ``odds_ratio`` or ``pmi`` with those measures),
    - ``p``, ``p_adj``: the p-value and the adjusted p-value,
    - ``log_ratio``: Hardie's Log Ratio,
    - ``direction``: ``positive`` (relatively more frequent in the target) or ``negative``,
    - ``significant``: ``p_adj < alpha``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                   "text": ["oorlog oorlog oorlog vrede", "vrede vrede vrede oorlog"]})
    >>> k = textstat_keyness(tokens_corpus(c), min_count=1)
    >>> k[["outlet", "term", "g2", "log_ratio"]].round(4).values.tolist()[:2]
    [['X', 'oorlog', 1.0465, 1.585], ['X', 'vrede', -1.0465, -1.585]]
    """
    keyness_check(min_count=min_count, adjust=adjust, alpha=alpha, reference=reference,
                  g2=g2, correction=correction, measure=measure)
    if reference == "previous" and period is None:
        raise ValueError("reference='previous' compares each period with the one before: "
                         "give period=")
    by, cells, tokens, corpus = _resolve_by(by, period, corpus, tokens)
    counts = TermCounts.of(tokens, by, ngram, corpus, docfreq=False)
    return keyness_from_counts(counts, by=by, min_count=min_count, adjust=adjust,
                               alpha=alpha, g2=g2, correction=correction,
                               cells=cells, reference=reference, measure=measure)


def keyness_check(*, min_count: int, adjust: str, alpha: float, reference: str, g2: str,
                  correction: str | None, measure: str = "g2") -> None:
    """Raise ``ValueError`` saying what is wrong with the options of :func:`textstat_keyness`.
    """
    _check_min_count(min_count)
    if adjust not in ("bh", "holm"):
        raise ValueError(f"adjust must be 'bh' or 'holm', not {adjust!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1, not {alpha!r}")
    if reference not in ("rest", "previous"):
        raise ValueError(f"reference must be 'rest' or 'previous', not {reference!r}")
    if g2 not in ("two-cell", "four-cell"):
        raise ValueError(f"g2 must be 'two-cell' or 'four-cell', not {g2!r}")
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(map(repr, KEYNESS_MEASURES))}, "
                         f"not {measure!r}")
    if measure != "g2" and g2 != "two-cell":
        raise ValueError("g2= chooses between the two G2 of measure='g2'; with measure="
                         f"{measure!r} leave it out")
    if measure == "g2" and g2 == "two-cell" and correction is not None:
        raise ValueError("a correction applies to the four-cell G2 only: give "
                         "g2='four-cell' (or measure='lr') with correction=")
    if measure in ("exact", "pmi") and correction not in (None, "none"):
        raise ValueError(f"measure={measure!r} takes no correction (quanteda: 'correction "
                         f"is always none for {measure}'); leave correction out")
    if correction not in (None, "yates", "williams", "none"):
        raise ValueError(f"correction must be 'yates', 'williams' or 'none', not "
                         f"{correction!r}")


def keyness_from_counts(
    counts: TermCounts,
    *,
    by: str,
    min_count: int = 5,
    adjust: Literal["bh", "holm"] = "bh",
    alpha: float = 0.05,
    g2: Literal["two-cell", "four-cell"] = "two-cell",
    correction: Literal["yates", "williams", "none"] | None = None,
    cells: PeriodCells | None = None,
    reference: Literal["rest", "previous"] = "rest",
    measure: KeynessMeasure = "g2",
) -> pd.DataFrame:
    """The table of :func:`textstat_keyness` from term counts: the one computation of G2,
    p, the adjusted p and Log Ratio, for counts of one table or summed over the partitions
    of a corpus (:mod:`analysis.cluster`). ``by`` names the group column; ``cells`` the
    periods (from :func:`textstat_keyness`; ``None``: groups only).

    >>> import pandas as pd
    >>> c = TermCounts.from_table(pd.DataFrame({"group": ["X", "X", "Y", "Y"],
    ...     "term": ["oorlog", "vrede"] * 2, "count": [3, 1, 1, 3]}),
    ...     pd.Series({"X": 4, "Y": 4}))
    >>> k = keyness_from_counts(c, by="outlet", min_count=1)
    >>> k[["outlet", "term", "g2"]].round(4).values.tolist()[:2]
    [['X', 'oorlog', 1.0465], ['X', 'vrede', -1.0465]]
    """
    from statsmodels.stats.multitest import multipletests  # only when testing keyness

    _check_min_count(min_count)
    g, t, count, sizes = counts.g, counts.t, counts.count, counts.sizes
    groups, terms = counts.groups, counts.terms
    if cells is None and len(groups) < 2:
        raise ValueError(
            f"keyness compares groups with the rest of the corpus, but {by!r} has "
            f"{len(groups)} group(s) here; choose a column with two or more values")
    refs, ref_labels = _references(groups, cells, reference)
    totals = np.bincount(t, weights=count, minlength=terms.n).astype(np.int64)
    tested = np.flatnonzero(totals >= min_count)
    column = np.full(terms.n, -1, dtype=np.int64)
    column[tested] = np.arange(len(tested))
    n_groups, n_terms = len(groups), len(tested)
    a = np.zeros((n_groups, n_terms), dtype=np.float64)
    inside = column[t] >= 0
    a[g[inside], column[t[inside]]] = count[inside]
    b = refs @ a
    c = np.broadcast_to(sizes.astype(np.float64)[:, None], a.shape)
    d = np.broadcast_to((refs @ sizes.astype(np.float64))[:, None], a.shape)
    shown = (a + b > 0) & refs.any(axis=1)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        rel_t, rel_r = a / c, b / d
        log_ratio = np.log2((np.where(a == 0, 0.5, a) / c) / (np.where(b == 0, 0.5, b) / d))
    negative = rel_t < rel_r
    signed, p = _keyness_statistic(measure, g2, correction, a, b, c, d, shown, negative)
    method = {"bh": "fdr_bh", "holm": "holm"}[adjust]
    p_adj = np.full(p.shape, np.nan)
    for row in range(n_groups):
        mask = shown[row]
        if mask.any():
            p_adj[row, mask] = multipletests(p[row, mask], method=method)[1]
    rows_g = np.repeat(np.arange(n_groups), n_terms)
    keep = shown.ravel()
    table = pd.DataFrame({
        by: pd.Categorical.from_codes(rows_g, categories=groups),
        "term": terms.categorical(np.tile(tested, n_groups)),
        "count_target": a.ravel().astype(np.int64),
        "count_reference": b.ravel().astype(np.int64),
        "size_target": c.ravel().astype(np.int64),
        "size_reference": d.ravel().astype(np.int64),
        "per_1000_target": (1000.0 * rel_t).ravel(),
        "per_1000_reference": (1000.0 * rel_r).ravel(),
        KEYNESS_COLUMNS[measure]: signed.ravel(),
        "p": p.ravel(),
        "p_adj": p_adj.ravel(),
        "log_ratio": log_ratio.ravel(),
        "direction": pd.Categorical(np.where(negative.ravel(), "negative", "positive"),
                                    categories=["positive", "negative"]),
        "significant": (p_adj < alpha).ravel(),
    })
    order = np.lexsort((np.tile(np.arange(n_terms), n_groups), -signed.ravel(), rows_g))
    order = order[keep[order]]
    table = table.iloc[order].reset_index(drop=True)
    table.attrs.update(adjust=adjust, alpha=alpha)  # for the figure's caption
    if cells is None:
        return table
    table.insert(1, "reference", ref_labels[rows_g[order]])
    return _cell_columns(table, cells, placeholder={})


def _keyness_statistic(measure: str, g2: str, correction: str | None, a, b, c, d,
                       shown: np.ndarray, negative: np.ndarray):
    """The statistic of ``measure`` (signed: negative for the target's negative keywords;
    the odds ratio as it is) and its p-value, for the tables ``a``, ``b`` (the term's
    counts) and ``c``, ``d`` (the sizes); 0 and p = 1 where not ``shown``."""
    from scipy.special import xlogy
    from scipy.stats import chi2

    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "exact":
            ratio, p = np.zeros(a.shape), np.ones(a.shape)
            ratio[shown], p[shown] = fisher_exact_tables(a[shown], b[shown],
                                                         (c - a)[shown], (d - b)[shown])
            return ratio, p
        if measure == "chi2":
            stat = np.where(shown, chi2_quanteda(a, b, c - a, d - b, correction or "yates"),
                            0.0)
            return stat, chi2.sf(np.abs(stat), 1)
        if measure == "pmi":
            stat = np.where(shown, pmi_quanteda(a, b, c - a, d - b), 0.0)
            return stat, chi2.sf(np.abs(stat), 1)
        if measure == "lr" or g2 == "four-cell":
            value = g2_quanteda(a, b, c - a, d - b, correction or "yates")
        else:
            n = c + d
            value = 2.0 * (xlogy(a, a / (c * (a + b) / n)) + xlogy(b, b / (d * (a + b) / n)))
    value = np.maximum(np.where(shown, value, 0.0), 0.0)  # rounding: -1e-16 where a = E1
    return np.where(negative, -value, value), chi2.sf(value, 1)


def _references(groups: pd.Index, cells: PeriodCells | None, reference: str):
    """The reference of every group as a 0/1 matrix (row: target, columns: the groups
    whose counts make its reference) and a label per target (``rest``, or the reference
    period's first day)."""
    n = len(groups)
    if cells is None:
        return np.ones((n, n)) - np.eye(n), np.full(n, "rest", dtype=object)
    keys = cells.cells.set_index(cells.key_of(cells.cells).to_numpy())
    of_group = keys.reindex(np.asarray(groups, dtype=object))
    period = of_group["period"].to_numpy().astype(str)
    rest = (cells.key_of(of_group, cells.by) if cells.by else
            pd.Series([""] * n)).to_numpy().astype(str)
    same = rest[:, None] == rest[None, :]
    refs = np.zeros((n, n))
    labels = np.full(n, None, dtype=object)
    if reference == "rest":
        refs[same & (period[:, None] != period[None, :])] = 1.0
        labels[refs.any(axis=1)] = "rest"
    else:
        for i in range(n):  # groups are sorted: by period within each by-group
            earlier = np.flatnonzero(same[i] & (period < period[i]))
            if len(earlier):
                j = earlier[np.argmax(period[earlier])]
                refs[i, j] = 1.0
                labels[i] = period[j]
    return refs, labels


# --------------------------------------------------------------------------- dispersion


def textstat_dispersion(tokens: pd.DataFrame, patterns: str | Iterable[str]) -> pd.DataFrame:
    """Where in each article the patterns occur, for an x-ray (lexical dispersion) plot.

    ``patterns`` is one pattern or a list (words, phrases, ``*``/``?`` wildcards, as in
    :func:`analysis.kwic.kwic_match`).

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
