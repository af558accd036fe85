"""Lexical diversity: how varied the vocabulary of a document (or group) is, with the
measures of quanteda.textstats' ``textstat_lexdiv``.

With ``N`` the tokens, ``V`` the types (distinct ``norm`` values) and ``V_i`` the number of
types that occur ``i`` times, logarithms in base ``log_base`` (10, as quanteda):

============  ====================================================================
``TTR``       ``V / N``, the type-token ratio
``C``         ``log V / log N``, Herdan's C (Herdan 1960, in Tweedie & Baayen 1998)
``R``         ``V / sqrt(N)``, Guiraud's root TTR (Guiraud 1954)
``CTTR``      ``V / sqrt(2 N)``, Carroll's corrected TTR (Carroll 1964)
``U``         ``(log N)^2 / (log N - log V)``, Dugast's Uber index (Dugast 1978)
``S``         ``log(log V) / log(log N)``, Summer's index
``K``         ``10^4 Σ V_i (i / N)^2``, Yule's K as quanteda computes it (Yule 1944;
              Tweedie & Baayen 1998, Eq. 16 subtracts ``1 / N`` inside the bracket:
              quanteda's code does not, and neither does this one, so K is quanteda's)
``I``         ``V^2 / (M_2 - V)``, ``M_2 = Σ i^2 V_i``, Yule's I (0 when ``M_2 = V``)
``D``         ``Σ V_i (i / N) ((i - 1) / (N - 1))``, Simpson's D (Simpson 1949)
``Vm``        ``sqrt(Σ V_i (i / N)^2 - 1 / V)``, Herdan's Vm (Herdan 1955)
``Maas``      ``sqrt((log N - log V) / (log N)^2)``, Maas' a (Maas 1972)
``lgV0``      ``log10 V / sqrt(1 - (log10 V / log10 N)^2)``, Maas' log V0
``lgeV0``     ``ln V / sqrt(1 - (ln V / ln N)^2)``, the same with natural logarithms
``MATTR``     the mean TTR of every window of ``mattr_window`` consecutive tokens
              (Covington & McFall 2010)
``MSTTR``     the mean TTR of consecutive segments of ``msttr_segment`` tokens, the
              incomplete last segment left out (Johnson 1944)
============  ====================================================================

MATTR windows and MSTTR segments lie within one article (a group's value is the mean over
all windows of its articles). An article shorter than the window (or segment) is one
window of its own length, with a warning; quanteda instead shortens the window of every
document to the longest one's length, which for one document is the same.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from analysis.statistics._groups import group_codes
from analysis.tables import require_columns

__all__ = ["textstat_lexdiv", "LEXDIV_MEASURES"]

LexdivMeasure = Literal["TTR", "C", "R", "CTTR", "U", "S", "K", "I", "D", "Vm", "Maas",
                        "lgV0", "lgeV0", "MATTR", "MSTTR"]

#: Every measure of :func:`textstat_lexdiv`, in quanteda's order.
LEXDIV_MEASURES: tuple[str, ...] = ("TTR", "C", "R", "CTTR", "U", "S", "K", "I", "D", "Vm",
                                    "Maas", "lgV0", "lgeV0", "MATTR", "MSTTR")


def _measures(measure) -> list[str]:
    chosen = [measure] if isinstance(measure, str) else list(measure)
    if chosen == ["all"]:
        return list(LEXDIV_MEASURES)
    unknown = [m for m in chosen if m not in LEXDIV_MEASURES]
    if unknown or not chosen:
        raise ValueError(f"unknown lexical diversity measure(s) {unknown or chosen}; choose "
                         f"among {', '.join(LEXDIV_MEASURES)} or 'all'")
    return chosen


def _whole(value, name: str) -> int:
    if not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be a whole number of tokens, 1 or more, not {value!r}")
    return int(value)


def textstat_lexdiv(
    tokens: pd.DataFrame,
    *,
    measure: LexdivMeasure | Iterable[LexdivMeasure] | Literal["all"] = "TTR",
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    remove_numbers: bool = True,
    log_base: float = 10,
    mattr_window: int = 100,
    msttr_segment: int = 100,
) -> pd.DataFrame:
    """Lexical diversity of every document (or group of documents) of a token table.

    ``tokens`` is the table of :func:`analysis.tokens.tokens_corpus` (punctuation is not in
    it; numbers are left out unless ``remove_numbers=False``, as quanteda does); types are
    its ``norm`` values. ``by`` is a column of the table or, with ``corpus``, of the corpus
    (default: each article); ``measure`` one or more names of the module table, or
    ``"all"``.

    Returns one row per group and measure, groups in sorted order and measures in the
    order asked, with the columns

    - ``<by>``: the group (named after ``by``),
    - ``tokens``: N, ``types``: V,
    - ``measure``: the measure's name, ``value``: its value.

    >>> import pandas as pd
    >>> from analysis.tokens import tokens_corpus
    >>> c = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["X", "Y"],
    ...                   "text": ["b a b a b a b a", "a a b b"]})
    >>> textstat_lexdiv(tokens_corpus(c), measure=["TTR", "R"]).values.tolist()
    [['d1', 8, 2, 'TTR', 0.25], ['d1', 8, 2, 'R', 0.7071067811865475], \
['d2', 4, 2, 'TTR', 0.5], ['d2', 4, 2, 'R', 1.0]]
    """
    chosen = _measures(measure)
    window = _whole(mattr_window, "mattr_window")
    segment = _whole(msttr_segment, "msttr_segment")
    require_columns(tokens, ["doc_id", "position", "norm"], what="the token table",
                    hint="make it with analysis.tokens.tokens_corpus(corpus)")
    keep = tokens["norm"].notna().to_numpy().copy()
    if remove_numbers and "kind" in tokens.columns:
        keep &= (tokens["kind"] != "number").to_numpy()
    if "kind" in tokens.columns:
        keep &= (tokens["kind"] != "punct").to_numpy()
    table = tokens[keep]
    if not len(table):
        raise ValueError("the token table has no words to measure (after leaving out "
                         "numbers); check the corpus or pass remove_numbers=False")
    docs, _ = pd.factorize(table["doc_id"].astype(str))
    order = np.lexsort((table["position"].to_numpy(), docs))
    table = table.iloc[order]
    docs = docs[order]
    groups, labels = group_codes(table, by, corpus)
    types, _ = pd.factorize(table["norm"].astype(str))
    n_groups, n_types = len(labels), int(types.max()) + 1
    pair = np.unique(groups * n_types + types, return_counts=True)
    pair_group, freq = pair[0] // n_types, pair[1].astype(np.float64)
    n = np.bincount(groups, minlength=n_groups).astype(np.float64)
    v = np.bincount(pair_group, minlength=n_groups).astype(np.float64)
    sum_sq = np.bincount(pair_group, weights=freq ** 2, minlength=n_groups)
    sum_d = np.bincount(pair_group, weights=freq * (freq - 1), minlength=n_groups)
    base = np.log(log_base)
    values: dict[str, np.ndarray] = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        log_n, log_v = np.log(n) / base, np.log(v) / base
        formulas = {
            "TTR": lambda: v / n,
            "C": lambda: log_v / log_n,
            "R": lambda: v / np.sqrt(n),
            "CTTR": lambda: v / np.sqrt(2 * n),
            "U": lambda: log_n ** 2 / (log_n - log_v),
            "S": lambda: (np.log(log_v) / base) / (np.log(log_n) / base),
            "K": lambda: 1e4 * sum_sq / n ** 2,
            "I": lambda: np.where(sum_sq == v, 0.0, v ** 2 / (sum_sq - v)),
            "D": lambda: sum_d / (n * (n - 1)),
            "Vm": lambda: np.sqrt(sum_sq / n ** 2 - 1 / v),
            "Maas": lambda: np.sqrt((log_n - log_v) / log_n ** 2),
            "lgV0": lambda: np.log10(v) / np.sqrt(1 - (np.log10(v) / np.log10(n)) ** 2),
            "lgeV0": lambda: np.log(v) / np.sqrt(1 - (np.log(v) / np.log(n)) ** 2),
            "MATTR": lambda: _moving(docs, types, groups, n_groups, window, "mattr_window"),
            "MSTTR": lambda: _segments(docs, types, groups, n_groups, segment),
        }
        for name in chosen:
            values[name] = np.asarray(formulas[name](), dtype=np.float64)
    rows = np.repeat(np.arange(n_groups), len(chosen))
    return pd.DataFrame({
        by: pd.Categorical.from_codes(rows, categories=labels),
        "tokens": n.astype(np.int64)[rows],
        "types": v.astype(np.int64)[rows],
        "measure": pd.Categorical(np.tile(chosen, n_groups), categories=chosen),
        "value": np.stack([values[m] for m in chosen], axis=1).ravel(),
    })


def _doc_runs(docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First row and length of every article's run (rows are in article order)."""
    first = np.flatnonzero(np.append(True, docs[1:] != docs[:-1]))
    return first, np.diff(np.append(first, len(docs)))


def _short(lengths: np.ndarray, size: int, name: str) -> np.ndarray:
    """Each article's window: ``size``, or its own length when shorter (warned)."""
    short = lengths < size
    if short.any():
        warnings.warn(f"{name} = {size} exceeds the tokens of {int(short.sum())} "
                      f"article(s); each of them is one window of its own length",
                      UserWarning, stacklevel=5)
    return np.minimum(lengths, size)


def _moving(docs, types, groups, n_groups: int, window: int, name: str) -> np.ndarray:
    """MATTR: per group, the mean over every window of its articles of types / window."""
    first, lengths = _doc_runs(docs)
    size = _short(lengths, window, name)
    n_rows = len(docs)
    run = np.repeat(np.arange(len(first)), lengths)
    # previous row of the same type in the same article (-1: none)
    key = docs.astype(np.int64) * (int(types.max()) + 1) + types
    order = np.lexsort((np.arange(n_rows), key))
    prev = np.full(n_rows, -1, dtype=np.int64)
    same = key[order][1:] == key[order][:-1]
    prev[order[1:][same]] = order[:-1][same]
    # row j adds one type to every window start s with prev < s <= j, in its article
    w = size[run]
    doc_first = first[run]
    last_start = doc_first + lengths[run] - w
    lo = np.maximum.reduce([prev + 1, np.arange(n_rows) - w + 1, doc_first])
    hi = np.minimum(np.arange(n_rows), last_start)
    ok = lo <= hi
    diff = np.zeros(n_rows + 1, dtype=np.int64)
    np.add.at(diff, lo[ok], 1)
    np.add.at(diff, hi[ok] + 1, -1)
    distinct = np.cumsum(diff)[:n_rows]
    is_start = np.arange(n_rows) <= last_start
    ttr = distinct[is_start] / w[is_start]
    g = groups[is_start]
    return (np.bincount(g, weights=ttr, minlength=n_groups)
            / np.bincount(g, minlength=n_groups))


def _segments(docs, types, groups, n_groups: int, segment: int) -> np.ndarray:
    """MSTTR: per group, the mean TTR of the complete segments of its articles."""
    first, lengths = _doc_runs(docs)
    size = _short(lengths, segment, "msttr_segment")
    run = np.repeat(np.arange(len(first)), lengths)
    offset = np.arange(len(docs)) - first[run]
    seg_in_doc = offset // size[run]
    complete = seg_in_doc < lengths[run] // size[run]
    seg_key = pd.factorize(pd.MultiIndex.from_arrays([run[complete],
                                                      seg_in_doc[complete]]))[0]
    n_seg = int(seg_key.max()) + 1 if len(seg_key) else 0
    distinct = np.bincount(pd.unique(seg_key * (int(types.max()) + 1) + types[complete])
                           // (int(types.max()) + 1), minlength=n_seg)
    seg_size = np.bincount(seg_key, minlength=n_seg)
    seg_group = np.zeros(n_seg, dtype=np.int64)
    seg_group[seg_key] = groups[complete]
    ttr = distinct / seg_size
    return (np.bincount(seg_group, weights=ttr, minlength=n_groups)
            / np.bincount(seg_group, minlength=n_groups))
