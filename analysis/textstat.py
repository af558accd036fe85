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
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd
from scipy.special import xlogy
from scipy.stats import chi2
from statsmodels.stats.multitest import multipletests

from analysis.kwic import _categorical, _check_tokens, _doc_bounds, _labels, kwic_match
from analysis.periods import Period, PeriodCells, periods_assign, periods_by
from analysis.tables import MISSING_GROUP, require_columns

__all__ = [
    "MISSING_GROUP",
    "textstat_frequency",
    "textstat_keyness",
    "textstat_collocations",
    "textstat_dispersion",
]

#: Up to this many (group, term) cells (or four per pair counted), counting uses a dense
#: array; above, a hash table.
_DENSE_LIMIT = 1_000_000


# --------------------------------------------------------------------------- helpers


def _codes(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes (from 0) and their labels; missing values get their own label."""
    cat = _categorical(series)
    codes = cat.cat.codes.to_numpy().astype(np.int64)
    labels = pd.Index(_labels(cat), dtype=object)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels = labels.append(pd.Index([MISSING_GROUP]))
    return codes, labels


def _sorted_groups(codes: np.ndarray, labels: pd.Index) -> tuple[np.ndarray, pd.Index]:
    """Drop labels no row uses and renumber the codes in sorted label order."""
    used = np.flatnonzero(np.bincount(codes, minlength=len(labels)) > 0)
    kept = labels[used]
    order = np.argsort(np.asarray(kept, dtype=object), kind="stable")
    remap = np.full(len(labels), -1, dtype=np.int64)
    remap[used[order]] = np.arange(len(used))
    return remap[codes], kept[order]


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
    if not inside.all():
        tokens = tokens[inside]
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
    return pd.concat([front, merged], axis=1)


def _in_text_order(tokens: pd.DataFrame) -> pd.DataFrame:
    """The table with rows in article order and, within an article, by position."""
    docs = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
    pos = tokens["position"].to_numpy()
    new_doc = np.diff(docs) != 0
    if len(docs) < 2 or np.all(new_doc | (np.diff(pos) > 0)):
        runs = docs[np.append(True, new_doc)] if len(docs) else docs
        if len(np.unique(runs)) == len(runs):
            return tokens
    return tokens.iloc[np.lexsort((pos, docs))]


class _Terms:
    """The distinct terms (n-grams) counted: each a tuple of word codes into ``words``
    (sorted), numbered in sorted order. Labels are built only for the terms shown."""

    def __init__(self, words: np.ndarray, components: list[np.ndarray]):
        self.words = words
        self.components = components
        self.n = len(components[0]) if components else 0

    def parts(self, index: np.ndarray) -> list[np.ndarray]:
        return [self.words[comp[index]] for comp in self.components]

    def labels(self, index: np.ndarray) -> np.ndarray:
        parts = self.parts(np.asarray(index, dtype=np.int64))
        joined = parts[0]
        for part in parts[1:]:
            joined = joined + " " + part
        return joined

    def categorical(self, codes: np.ndarray) -> pd.Categorical:
        """Terms ``codes`` as a categorical column (labels made once per distinct term)."""
        inverse, used = _factorize_sorted(np.asarray(codes, dtype=np.int64))
        labels = pd.Index(self.labels(used), dtype=object)
        return pd.Categorical.from_codes(inverse, categories=labels)


def _terms(tokens: pd.DataFrame, ngram: int) -> tuple[np.ndarray, np.ndarray, _Terms]:
    """Term code of every n-gram, the row where it starts, and the terms."""
    if not isinstance(ngram, int | np.integer) or ngram < 1:
        raise ValueError(f"ngram must be a whole number, 1 or more, not {ngram!r}")
    norm = _categorical(tokens["norm"])
    words = _labels(norm)
    order = np.argsort(words, kind="stable")
    rank = np.empty(len(words), dtype=np.int64)
    rank[order] = np.arange(len(words))
    codes = norm.cat.codes.to_numpy()
    valid = codes >= 0
    codes = np.where(valid, rank[np.maximum(codes, 0)], -1)
    sorted_words = words[order]
    if ngram == 1:
        starts = np.flatnonzero(valid)
        return codes[starts], starts, _Terms(sorted_words, [np.arange(len(words))])
    m = len(codes) - ngram + 1
    if m <= 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, _Terms(sorted_words, [empty] * ngram)
    docs = _categorical(tokens["doc_id"]).cat.codes.to_numpy()
    sids = tokens["sentence_id"].to_numpy()
    pos = tokens["position"].to_numpy()
    ok = valid[:m].copy()
    for k in range(1, ngram):
        ok &= valid[k: k + m]
        ok &= docs[k: k + m] == docs[:m]
        ok &= sids[k: k + m] == sids[:m]
        ok &= pos[k: k + m] == pos[:m] + k
    starts = np.flatnonzero(ok)
    v = max(len(words), 1)
    if float(v) ** ngram < 2**62:
        key = np.zeros(len(starts), dtype=np.int64)
        for k in range(ngram):
            key = key * v + codes[starts + k]
        term_codes, unique_keys = _factorize_sorted(key)
        components = []
        for _ in range(ngram):
            components.append(unique_keys % v)
            unique_keys = unique_keys // v
        components.reverse()
    else:  # vocabularies too large for one integer key
        stacked = np.stack([codes[starts + k] for k in range(ngram)], axis=1)
        unique_rows, term_codes = np.unique(stacked, axis=0, return_inverse=True)
        components = [unique_rows[:, k] for k in range(ngram)]
    terms = _Terms(sorted_words, components)
    return term_codes.reshape(-1).astype(np.int64), starts, terms


def _factorize_sorted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of ``values`` into their sorted distinct values, and those values (a hash
    table, then a sort of the distinct values only: faster than ``np.unique``)."""
    codes, uniques = pd.factorize(values)
    order = np.argsort(uniques, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[codes], np.asarray(uniques)[order]


def _count_pairs(a: np.ndarray, b: np.ndarray, nb: int):
    """Distinct pairs ``(a, b)`` and how often each occurs, sorted by a, then b."""
    na = int(a.max()) + 1 if len(a) else 0
    key = a * nb + b
    if na * nb <= max(_DENSE_LIMIT, 4 * len(key)):
        counts = np.bincount(key, minlength=na * nb)
        uniq = np.flatnonzero(counts)
        counts = counts[uniq]
    else:
        codes, uniq = _factorize_sorted(key)
        counts = np.bincount(codes, minlength=len(uniq))
    return uniq // nb, uniq % nb, counts.astype(np.int64)


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


def _check_min_count(min_count: int) -> None:
    if not isinstance(min_count, int | np.integer) or min_count < 1:
        raise ValueError(f"min_count must be a whole number, 1 or more, not {min_count!r}")


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
    g, t, count, docfreq, sizes, groups, terms = _counts(tokens, by, ngram, corpus)
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
    table = pd.DataFrame({
        by: pd.Categorical.from_codes(g, categories=groups),
        "term": terms.categorical(t),
        "count": count,
        "per_1000": count / sizes[g] * 1000.0,
        "docfreq": docfreq,
        "rank": (run_start - group_start + 1).astype(np.int64),
    })
    if cells is None:
        return table
    return _cell_columns(table, cells, placeholder={"count": 0, "docfreq": 0})


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
) -> pd.DataFrame:
    """Keywords of every group against the rest of the corpus (or, over time, against the
    period before), with significance and effect size.

    ``by`` as in :func:`textstat_frequency` (default ``outlet``, or none with a period).
    With ``period`` (and ``corpus``) each period is a target, within its ``by`` group:
    ``reference="rest"`` compares it with all other periods of that group,
    ``reference="previous"`` with the period before it (the last earlier one with
    articles), which shows what is new. A period with nothing to compare with (the first,
    for ``previous``) or without articles is one row with no term. Terms that occur in
    neither the target nor its reference are not tested for that target.

    For each group (the target) and each term counted at least ``min_count`` times in the
    whole corpus, the 2x2 table is: ``a`` = the term's count in the target, ``b`` = its count
    in the rest of the corpus (the reference), ``c`` and ``d`` = the target's and the
    reference's sizes (all their terms, ``N = c + d``).

    - **G2**, the log-likelihood of Rayson & Garside (2000): with the expected counts
      ``E1 = c (a + b) / N`` and ``E2 = d (a + b) / N``,
      ``G2 = 2 (a ln(a / E1) + b ln(b / E2))``, where ``0 ln 0 = 0``. It is given a minus
      sign when the term is relatively rarer in the target (``a / c < b / d``), as in
      quanteda, so positive values are the target's keywords. (quanteda's
      ``textstat_keyness(measure = "lr")`` uses the four-cell G2 with Williams' correction,
      which gives slightly smaller values.)
    - **p**: the chi-squared (1 degree of freedom) upper tail of ``|G2|``.
    - **p_adj**: ``p`` adjusted for the number of terms tested in that group, by
      Benjamini-Hochberg (``adjust="bh"``, false discovery rate) or Holm (``"holm"``,
      family-wise error), with ``statsmodels.stats.multitest.multipletests``.
    - **Log Ratio** (Hardie 2014): ``log2((a / c) / (b / d))``, the binary log of the ratio
      of relative frequencies: 1 = twice as frequent in the target, -1 = half as frequent.
      A zero count (``a`` or ``b``) is replaced by 0.5 (Hardie's adjustment), so the value
      stays finite; the sizes ``c`` and ``d`` are not changed.

    Returns one row per group and tested term, sorted by group, then by G2 (strongest
    keywords first, strongest negative keywords last), with the columns

    - ``<by>``: the target group (the column is named after ``by``),
    - ``term``: the term,
    - ``count_target``, ``count_reference``: ``a`` and ``b``,
    - ``size_target``, ``size_reference``: ``c`` and ``d`` (n-grams counted in each),
    - ``per_1000_target``, ``per_1000_reference``: ``1000 a / c`` and ``1000 b / d``,
    - ``g2``: signed G2,
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
    _check_min_count(min_count)
    if adjust not in ("bh", "holm"):
        raise ValueError(f"adjust must be 'bh' or 'holm', not {adjust!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1, not {alpha!r}")
    if reference not in ("rest", "previous"):
        raise ValueError(f"reference must be 'rest' or 'previous', not {reference!r}")
    if reference == "previous" and period is None:
        raise ValueError("reference='previous' compares each period with the one before: "
                         "give period=")
    by, cells, tokens, corpus = _resolve_by(by, period, corpus, tokens)
    g, t, count, _, sizes, groups, terms = _counts(tokens, by, ngram, corpus, docfreq=False)
    if cells is None and len(groups) < 2:
        raise ValueError(
            f"keyness compares groups with the rest of the corpus, but {by!r} has "
            f"{len(groups)} group(s) here; choose a column with two or more values")
    refs, ref_labels = _references(groups, cells, reference)
    if cells is not None and not refs.any():
        raise ValueError(
            f"keyness over time compares periods, but the corpus has articles in "
            f"{len(pd.unique(cells.docs['period']))} {cells.period}(s) "
            f"{'per group ' if cells.by else ''}here; choose a shorter period or a corpus "
            "that spans more time")
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
        n = c + d
        e1 = c * (a + b) / n
        e2 = d * (a + b) / n
        g2 = 2.0 * (xlogy(a, a / e1) + xlogy(b, b / e2))
        rel_t, rel_r = a / c, b / d
        log_ratio = np.log2((np.where(a == 0, 0.5, a) / c) / (np.where(b == 0, 0.5, b) / d))
    g2 = np.maximum(np.where(shown, g2, 0.0), 0.0)  # rounding can leave -1e-16 where a = E1
    negative = rel_t < rel_r
    p = chi2.sf(g2, 1)
    method = {"bh": "fdr_bh", "holm": "holm"}[adjust]
    p_adj = np.full(p.shape, np.nan)
    for row in range(n_groups):
        mask = shown[row]
        if mask.any():
            p_adj[row, mask] = multipletests(p[row, mask], method=method)[1]
    signed = np.where(negative, -g2, g2)
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
        "g2": signed.ravel(),
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
    if cells is None:
        return table
    table.insert(1, "reference", ref_labels[rows_g[order]])
    return _cell_columns(table, cells, placeholder={})


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


# --------------------------------------------------------------------------- collocations


def _association(o11, o12, o21, o22):
    """Expected count, PMI and signed four-cell G2 for arrays of 2x2 tables."""
    o11, o12, o21, o22 = (np.asarray(x, dtype=np.float64) for x in (o11, o12, o21, o22))
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    cells = ((o11, r1 * c1 / n), (o12, r1 * c2 / n), (o21, r2 * c1 / n), (o22, r2 * c2 / n))
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2.0 * sum(xlogy(o, np.where(e > 0, o / e, 1.0)) for o, e in cells)
        pmi = np.log2(o11 / cells[0][1])
    g2 = np.maximum(g2, 0.0)
    expected = cells[0][1]
    return expected, pmi, np.where(o11 < expected, -g2, g2)


def textstat_collocations(
    tokens: pd.DataFrame,
    *,
    node: str | None = None,
    window: int = 5,
    min_count: int = 2,
) -> pd.DataFrame:
    """Word pairs that occur together more often than chance: adjacent pairs (bigrams), or
    the words around a node word.

    **Without** ``node``: every bigram (two tokens directly adjacent in one sentence, see
    the module documentation). Its 2x2 table counts bigrams: ``O11`` = the pair,
    ``R1`` = bigrams whose first word is ``word1``, ``C1`` = bigrams whose second word is
    ``word2``, ``N`` = all bigrams.

    **With** ``node`` (a word, phrase or ``*``/``?`` pattern, as in
    :func:`analysis.kwic.kwic_match`): the window is the ``window`` tokens of the table on
    each side of every occurrence of the node, within its article (overlapping windows are
    merged; the node's own tokens are not in it). ``O11`` = tokens of the collocate inside
    the windows, ``R1`` = tokens inside the windows, ``C1`` = tokens of the collocate in the
    corpus outside the node, ``N`` = all tokens outside the node.

    Scores, with ``E11 = R1 C1 / N``:

    - ``pmi = log2(O11 / E11)`` (pointwise mutual information; favours rare pairs),
    - ``log_dice = 14 + log2(2 O11 / (f1 + f2))`` (Rychlý 2008), with ``f1``, ``f2`` the
      two words' frequencies: ``R1`` and ``C1`` for bigrams, the node's occurrences and
      ``C1`` for a node; at most 14, independent of corpus size,
    - ``g2``: the log-likelihood of the full 2x2 table, ``2 Σ O ln(O / E)`` over its four
      cells, negative when ``O11 < E11``, and ``p`` its chi-squared (1 d.f.) upper tail.

    Pairs seen fewer than ``min_count`` times are left out.

    Returns, sorted by G2 (strongest first), then by term, the columns

    - bigrams: ``word1``, ``word2``, ``count`` (O11), ``count_word1`` (R1), ``count_word2``
      (C1), ``expected``, ``pmi``, ``log_dice``, ``g2``, ``p``;
    - a node: ``node``, ``collocate``, ``count`` (O11), ``count_collocate`` (C1),
      ``count_node`` (occurrences of the node), ``window_tokens`` (R1), ``expected``,
      ``pmi``, ``log_dice``, ``g2``, ``p``.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...                   "text": ["koude oorlog. koude oorlog. warme zomer. koude winter."]})
    >>> bigrams = textstat_collocations(tokens_corpus(c))
    >>> bigrams[["word1", "word2", "count", "expected"]].values.tolist()
    [['koude', 'oorlog', 2, 1.5]]
    >>> round(float(bigrams["pmi"][0]), 4)  # log2(2 / 1.5)
    0.415
    """
    _check_min_count(min_count)
    if not isinstance(window, int | np.integer) or window < 1:
        raise ValueError(f"window must be a whole number of tokens, 1 or more, not {window!r}")
    _check_tokens(tokens, ("doc_id", "sentence_id", "position", "norm", "token"))
    tokens = _in_text_order(tokens)
    if node is None:
        return _bigram_collocations(tokens, min_count)
    return _node_collocations(tokens, node, window, min_count)


def _bigram_collocations(tokens: pd.DataFrame, min_count: int) -> pd.DataFrame:
    term_codes, starts, terms = _terms(tokens, 2)
    w1_codes, w2_codes = terms.components
    o11 = np.bincount(term_codes, minlength=terms.n).astype(np.int64)
    r1 = np.bincount(w1_codes[term_codes], minlength=len(terms.words))[w1_codes]
    c1 = np.bincount(w2_codes[term_codes], minlength=len(terms.words))[w2_codes]
    n = len(term_codes)
    keep = o11 >= min_count
    o11, r1, c1 = o11[keep], r1[keep], c1[keep]
    expected, pmi, g2 = _association(o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
    kept = np.flatnonzero(keep)
    table = pd.DataFrame({
        "word1": pd.Categorical.from_codes(
            w1_codes[kept], categories=pd.Index(terms.words, dtype=object)),
        "word2": pd.Categorical.from_codes(
            w2_codes[kept], categories=pd.Index(terms.words, dtype=object)),
        "count": o11,
        "count_word1": r1.astype(np.int64),
        "count_word2": c1.astype(np.int64),
        "expected": expected,
        "pmi": pmi,
        "log_dice": 14 + np.log2(2 * o11 / (r1 + c1)),
        "g2": g2,
        "p": chi2.sf(np.abs(g2), 1),
    })
    order = np.lexsort((np.flatnonzero(keep), -g2))
    return table.iloc[order].reset_index(drop=True)


def _node_collocations(tokens: pd.DataFrame, node: str, window: int,
                       min_count: int) -> pd.DataFrame:
    matches = kwic_match(tokens, node)
    n_rows = len(tokens)
    first_of_doc, last_of_doc = _doc_bounds(tokens)
    first = matches["first_row"].to_numpy()
    last = matches["last_row"].to_numpy()
    is_node = np.zeros(n_rows, dtype=bool)
    if len(first):
        lengths = last - first + 1
        node_rows = np.repeat(first, lengths) + (
            np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths))
        is_node[node_rows] = True
    in_window = np.zeros(n_rows, dtype=bool)
    for k in range(1, window + 1):
        before = first - k
        ok = before >= first_of_doc[first] if len(first) else np.zeros(0, dtype=bool)
        in_window[before[ok]] = True
        after = last + k
        ok = after <= last_of_doc[last] if len(last) else np.zeros(0, dtype=bool)
        in_window[after[ok]] = True
    in_window &= ~is_node
    norm = _categorical(tokens["norm"])
    labels = _labels(norm)
    codes = norm.cat.codes.to_numpy().astype(np.int64)
    outside = ~is_node & (codes >= 0)
    f_c = np.bincount(codes[outside], minlength=len(labels))
    o11 = np.bincount(codes[in_window & (codes >= 0)], minlength=len(labels))
    r1 = int(o11.sum())
    n = int(outside.sum())
    keep = np.flatnonzero(o11 >= min_count)
    o, c1 = o11[keep], f_c[keep]
    expected, pmi, g2 = _association(o, r1 - o, c1 - o, n - r1 - c1 + o)
    n_node = len(matches)
    table = pd.DataFrame({
        "node": pd.Categorical([node] * len(keep)),
        "collocate": pd.Categorical.from_codes(
            np.arange(len(keep)), categories=pd.Index(labels[keep], dtype=object)),
        "count": o.astype(np.int64),
        "count_collocate": c1.astype(np.int64),
        "count_node": np.full(len(keep), n_node, dtype=np.int64),
        "window_tokens": np.full(len(keep), r1, dtype=np.int64),
        "expected": expected,
        "pmi": pmi,
        "log_dice": 14 + np.log2(2 * o / (n_node + c1)),
        "g2": g2,
        "p": chi2.sf(np.abs(g2), 1),
    })
    order = np.lexsort((keep, -g2))
    return table.iloc[order].reset_index(drop=True)


# --------------------------------------------------------------------------- dispersion


def textstat_dispersion(tokens: pd.DataFrame, patterns: str | Iterable[str]) -> pd.DataFrame:
    """Where in each article the patterns occur, for an x-ray (lexical dispersion) plot.

    ``patterns`` is one pattern or a list (words, phrases, ``*``/``?`` wildcards, as in
    :func:`analysis.kwic.kwic_match`).

    Returns one row per occurrence, by pattern (in the order given), article and position,
    with the columns

    - ``pattern``: the pattern as given,
    - ``doc_id``, ``outlet``: the article,
    - ``sentence_id``, ``position``: where the occurrence starts,
    - ``match``: the tokens as written,
    - ``n_tokens``: the article's length, its last token's ``position`` in the table,
    - ``relative_position``: ``position / n_tokens``, from just above 0 (the start of the
      article) to 1 (its end).

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
    doc = _categorical(tokens["doc_id"])
    lengths = pd.Series(tokens["position"].to_numpy()).groupby(doc.cat.codes.to_numpy()).max()
    lengths.index = pd.Index(_labels(doc), dtype=object)[lengths.index]
    parts = []
    for pattern in patterns:
        found = kwic_match(tokens, pattern)
        n_tok = found["doc_id"].map(lengths).to_numpy(dtype=np.int64)
        parts.append(pd.DataFrame({
            "pattern": np.full(len(found), pattern, dtype=object),
            "doc_id": found["doc_id"].astype(object),
            "outlet": found["outlet"].astype(object),
            "sentence_id": found["sentence_id"],
            "position": found["position"],
            "match": found["match"].astype(object),
            "n_tokens": n_tok,
            "relative_position": found["position"].to_numpy() / n_tok,
        }))
    table = pd.concat(parts, ignore_index=True)
    table["pattern"] = pd.Categorical(table["pattern"], categories=list(dict.fromkeys(patterns)))
    for column in ("doc_id", "outlet", "match"):
        table[column] = table[column].astype("category")
    return table
