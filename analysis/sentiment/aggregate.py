"""Tone per group (outlet, date, frame, any column) with percentile bootstrap intervals,
and the sentences that drive it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.periods.binning import Period, periods_assign, periods_by
from analysis.periods.bootstrap import bootstrap_ratio
from analysis.sentiment.labels import LABELS
from analysis.tables import groups_by, require_columns

__all__ = ["sentiment_aggregate", "sentiment_articles", "sentiment_from_articles",
           "sentiment_by_frame", "sentiment_extremes"]


def _bootstrap_sentences(values: np.ndarray, *, n_boot: int, seed: int,
                         confidence: float) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``values`` (the sentences resampled)."""
    from scipy.stats import bootstrap

    if len(values) < 2:
        return np.nan, np.nan
    if np.all(values == values[0]):
        return float(values[0]), float(values[0])
    res = bootstrap((values,), np.mean, n_resamples=n_boot, method="percentile",
                    confidence_level=confidence, rng=np.random.default_rng(seed),
                    vectorized=True, batch=max(1, 2_000_000 // len(values)))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def sentiment_aggregate(
    scores: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    *,
    by: str | Sequence[str] | None = None,
    value: str = "polarity",
    resample: Literal["sentence", "document"] = "sentence",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
    period: Period | None = None,
) -> pd.DataFrame:
    """Mean tone per group with a percentile bootstrap interval.

    ``scores``: the sentence table of :func:`sentiment_corpus`. ``by``: one or more columns
    of ``scores`` or of the corpus (e.g. ``date``; give ``corpus`` to merge them in on
    ``doc_id``). ``value``: the column to average (``polarity``, ``label``, ``prob_*``...).
    ``resample="sentence"`` resamples the sentences of each group (the interval describes
    these texts); ``"document"`` resamples whole articles (a cluster bootstrap; use it to
    generalise to an outlet's coverage, it needs several articles per group). The bootstrap
    is scipy.stats.bootstrap, percentile method, ``n_boot`` resamples, NumPy Generator
    seeded with ``seed``, so results repeat exactly; the article bootstrap is
    :func:`analysis.periods.bootstrap_ratio` on the articles' summed tone and sentences.
    ``by`` defaults to ``outlet`` (none with a period). ``period`` (``day``, ``week``,
    ``month``, ``quarter``, ``year``; needs ``corpus``) bins the articles' dates (see
    :mod:`analysis.periods`) into a first column ``period``, combined with ``by``; every
    period from the first to the last is a row, one without articles with
    ``n_documents`` 0 and an empty mean.

    Returns one row per group: ``period`` (with a period), the ``by`` columns, ``method``,
    ``n_documents``,
    ``n_sentences``, ``mean``, ``ci_low``, ``ci_high`` (empty for fewer than two units),
    ``share_negative``, ``share_neutral``, ``share_positive`` (shares of the labels).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["NOS", "NOS", "NRC"],
    ...                   "method": "lexicon", "polarity": [0.2, 0.4, -0.1], "label": [1, 1, 0]})
    >>> t = sentiment_aggregate(s)[["outlet", "n_sentences", "mean", "ci_low", "ci_high"]]
    >>> t.round(2).values.tolist()
    [['NOS', 2, 0.3, 0.2, 0.4], ['NRC', 1, -0.1, nan, nan]]
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2022-01-10", "2022-03-02"]})
    >>> t = sentiment_aggregate(s, c, period="month")
    >>> t[["period", "n_documents", "mean"]].round(2).values.tolist()
    [['2022-01-01', 1, 0.3], ['2022-02-01', 0, nan], ['2022-03-01', 1, -0.1]]
    """
    by = periods_by(by, period)
    table = _with_metadata(scores, corpus, by)
    cells = None
    if period is not None:
        if corpus is None:
            raise ValueError("grouping by period reads the articles' dates: pass the corpus")
        cells = periods_assign(corpus, period)
        table = sentiment_dated(table, cells)
        by = ["period", *by]
    require_columns(table, [value], what="the score table")
    intervals = None
    if resample == "sentence":  # the sentences of each group are resampled
        intervals = sentiment_intervals([sentence_values(table, by=by, value=value)],
                                        n_boot=n_boot, seed=seed, confidence=confidence)
    out = sentiment_from_articles(sentiment_articles(table, by=by, value=value), by=by,
                                  resample=resample, n_boot=n_boot, confidence=confidence,
                                  seed=seed, intervals=intervals)
    if cells is not None:
        out = sentiment_periods(out, table, cells, by=by)
    # how the intervals were made, for the figure's caption
    out.attrs.update(resample=resample, n_boot=n_boot, confidence=confidence)
    return out


def sentence_values(table: pd.DataFrame, *, by: Sequence[str], value: str = "polarity"
                    ) -> dict[tuple, np.ndarray]:
    """The values a sentence bootstrap resamples: per group of ``by`` (a tuple), the
    ``value`` of its sentences that have one, in table order. The values of separate parts
    of a corpus (each article in one part) are joined, in corpus order, by
    :func:`sentiment_intervals`."""
    out = {}
    for key, group in table.groupby(list(by), observed=True, sort=True):
        values = group[value].to_numpy(float)
        out[key if isinstance(key, tuple) else (key,)] = values[~np.isnan(values)]
    return out


def sentiment_intervals(parts: list[dict[tuple, np.ndarray]], *, n_boot: int, seed: int,
                        confidence: float) -> dict[tuple, tuple[float, float]]:
    """The sentence-bootstrap interval of every group, from the :func:`sentence_values` of
    a corpus, or of its parts in corpus order."""
    joined: dict[tuple, list[np.ndarray]] = {}
    for part in parts:
        for key, values in part.items():
            joined.setdefault(key, []).append(values)
    return {key: _bootstrap_sentences(np.concatenate(values), n_boot=n_boot, seed=seed,
                                      confidence=confidence)
            for key, values in joined.items()}


def sentiment_periods(out: pd.DataFrame, rows: pd.DataFrame, cells, *, by: Sequence[str]
                      ) -> pd.DataFrame:
    """The aggregates ``out`` (``by``: ``period`` first) with a row for every period of
    ``cells`` (the periods of the whole corpus) and every value of the other ``by``
    columns found in ``rows`` (the dated sentences, or their articles): empty cells as
    rows with 0 articles."""
    by = list(by)
    values = [cells.cells["period"].tolist()] + [sorted(pd.unique(rows[c].astype(str)))
                                                  for c in by[1:]]
    grid = pd.MultiIndex.from_product(values, names=by).to_frame(index=False)
    out = grid.merge(out.astype({c: str for c in by}), on=by, how="left")
    out["method"] = out["method"].fillna(_single(rows, "method"))
    for column in ("n_documents", "n_sentences"):
        out[column] = out[column].fillna(0).astype(np.int64)
    out.attrs.update(period=cells.period, note=cells.note)
    return out


def sentiment_dated(table: pd.DataFrame, cells) -> pd.DataFrame:
    """The sentences of ``table`` whose article has a period in ``cells``, with the
    column ``period``."""
    dated = cells.docs.set_index("doc_id")["period"]
    table = table.assign(period=table["doc_id"].map(dated))
    return table[table["period"].notna()]


_ARTICLE_COLUMNS = ["method", "n_sentences", "n_valid", "total", "n_negative", "n_neutral",
                    "n_positive"]


def sentiment_articles(scores: pd.DataFrame, *, by: Sequence[str], value: str = "polarity"
                       ) -> pd.DataFrame:
    """The tone of each article in each group: what :func:`sentiment_from_articles`
    computes the aggregates from (small: one row per article, not per sentence).

    ``scores``: sentence scores with ``doc_id``, the ``by`` columns and ``value`` (and
    ``method``, ``label`` when there). Returns one row per group and article, in the order
    of their first sentence, with the ``by`` columns, ``doc_id``, ``method``,
    ``n_sentences``, ``n_valid`` (sentences with a value), ``total`` (the sum of the
    values) and ``n_negative``, ``n_neutral``, ``n_positive`` (sentences of each label;
    empty without a ``label`` column).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["NOS", "NOS", "NRC"],
    ...                   "polarity": [0.2, 0.4, -0.1], "label": [1, 1, 0]})
    >>> sentiment_articles(s, by=["outlet"])[["doc_id", "n_valid", "n_positive"]].values.tolist()
    [['a', 2, 2], ['b', 1, 0]]
    """
    by = list(by)
    keys = [*by, "doc_id"]
    values = scores[value].to_numpy(float)
    frame = pd.DataFrame({k: scores[k].to_numpy() for k in keys})
    frame["method"] = (scores["method"].astype(str).to_numpy() if "method" in scores
                       else "")
    frame["n_sentences"] = 1
    frame["n_valid"] = (~np.isnan(values)).astype(np.int64)
    frame["total"] = values
    labelled = "label" in scores
    for name, lab in zip(("negative", "neutral", "positive"), LABELS, strict=True):
        frame[f"n_{name}"] = ((scores["label"].to_numpy() == lab).astype(np.int64)
                              if labelled else 0)
    grouped = frame.groupby(keys, sort=False, observed=True)
    out = grouped.agg(method=("method", "first"), n_sentences=("n_sentences", "sum"),
                      n_valid=("n_valid", "sum"), total=("total", "sum"),
                      n_negative=("n_negative", "sum"), n_neutral=("n_neutral", "sum"),
                      n_positive=("n_positive", "sum")).reset_index()
    if not labelled:
        out[["n_negative", "n_neutral", "n_positive"]] = np.nan
    return out[[*keys, *_ARTICLE_COLUMNS]]


def sentiment_from_articles(
    articles: pd.DataFrame,
    *,
    by: Sequence[str],
    resample: Literal["sentence", "document"] = "document",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
    intervals: dict | None = None,
) -> pd.DataFrame:
    """The table of :func:`sentiment_aggregate` (without periods) from the article table of
    :func:`sentiment_articles`: the one computation of the mean, the shares and the
    article bootstrap, for one corpus or for the articles of all partitions of a corpus
    (:mod:`analysis.cluster`). ``intervals`` (per group key, a tuple) gives the intervals
    of a sentence bootstrap, which needs every sentence; without it ``resample`` must be
    ``"document"``.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"outlet": ["NOS", "NOS"], "doc_id": ["a", "b"], "method": "x",
    ...     "n_sentences": [2, 1], "n_valid": [2, 1], "total": [0.6, -0.3],
    ...     "n_negative": [0, 1], "n_neutral": [0, 0], "n_positive": [2, 0]})
    >>> t = sentiment_from_articles(a, by=["outlet"], n_boot=100)
    >>> t[["n_sentences", "mean", "share_positive"]].round(2).values.tolist()
    [[3.0, 0.1, 0.67]]
    """
    by = list(by)
    if resample == "sentence" and intervals is None:
        raise ValueError("a sentence bootstrap resamples every sentence: give "
                         "resample='document', or the sentence scores to sentiment_aggregate")
    rows = []
    for key, group in articles.groupby(by, observed=True, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        valid = group[group["n_valid"].to_numpy() > 0]
        n_valid = int(valid["n_valid"].sum())
        n_sentences = int(group["n_sentences"].sum())
        if intervals is not None:
            low, high = intervals[key]
        elif n_valid < 2:
            low, high = np.nan, np.nan
        else:
            low, high = bootstrap_ratio(valid["total"].to_numpy(float),
                                        valid["n_valid"].to_numpy(float), n_boot=n_boot,
                                        confidence=confidence, seed=seed)
        row = dict(zip(by, key, strict=True))
        row.update({
            "method": _single(group, "method"),
            "n_documents": int(len(group)),
            "n_sentences": n_sentences,
            "mean": float(valid["total"].sum() / n_valid) if n_valid else np.nan,
            "ci_low": low,
            "ci_high": high,
        })
        for name in ("negative", "neutral", "positive"):
            count = group[f"n_{name}"].to_numpy(float)
            row[f"share_{name}"] = (float(count.sum() / n_sentences)
                                    if n_sentences and not np.isnan(count).any() else np.nan)
        rows.append(row)
    columns = [*by, "method", "n_documents", "n_sentences", "mean", "ci_low", "ci_high",
               "share_negative", "share_neutral", "share_positive"]
    return pd.DataFrame(rows, columns=columns)


def _single(table: pd.DataFrame, column: str):
    if column not in table:
        return ""
    values = pd.unique(table[column].astype(str))
    return values[0] if len(values) == 1 else "/".join(sorted(values))


def _with_metadata(scores: pd.DataFrame, corpus: pd.DataFrame | None,
                   by: list[str]) -> pd.DataFrame:
    """``scores`` with ``doc_id`` as text and each ``by`` column as its groups (from the
    scores, or from the corpus by ``doc_id``; a missing value is the missing group)."""
    require_columns(scores, ["doc_id"], what="the score table")
    table = scores.copy()
    table["doc_id"] = table["doc_id"].astype(str)
    for column in by:
        table[column] = groups_by(scores, column, corpus=corpus, what="the score table")
    return table


def sentiment_by_frame(
    scores: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    value: str = "polarity",
    resample: Literal["sentence", "document"] = "sentence",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
    corpus: pd.DataFrame | None = None,
    period: Period | None = None,
) -> pd.DataFrame:
    """Tone of the sentences that invoke each frame, per group (default: per outlet; with
    ``period`` and ``corpus``, per period and frame, combined with ``by``).

    ``scores``: the sentence table of :func:`sentiment_corpus`; ``matches``: the frame
    matches (``doc_id``, ``sentence_id``, ``frame``, as :func:`analysis.dictionaries.frames_match`
    returns them). A sentence counts once per frame however many of the frame's patterns it
    matches; a sentence with two frames counts for both. Returns the columns of
    :func:`sentiment_aggregate` with ``frame`` first (after ``period``).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["NOS", "NOS"], "sentence_id": [1, 2],
    ...                   "method": "lexicon", "polarity": [0.5, -0.5], "label": [1, -1]})
    >>> m = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [1, 1, 2],
    ...                   "frame": ["oorlog", "oorlog", "diplomatie"]})
    >>> sentiment_by_frame(s, m)[["frame", "outlet", "n_sentences", "mean"]].values.tolist()
    [['diplomatie', 'NOS', 1, -0.5], ['oorlog', 'NOS', 1, 0.5]]
    """
    require_columns(matches, ["doc_id", "sentence_id", "frame"], what="the frame matches",
                    hint="give the table of analysis.dictionaries.frames_match")
    keys = matches[["doc_id", "sentence_id", "frame"]].copy()
    keys["doc_id"] = keys["doc_id"].astype(str)
    keys["sentence_id"] = keys["sentence_id"].astype(np.int64)
    keys["frame"] = keys["frame"].astype(str)
    keys = keys.drop_duplicates()
    table = scores.copy()
    table["doc_id"] = table["doc_id"].astype(str)
    table["sentence_id"] = table["sentence_id"].astype(np.int64)
    joined = table.merge(keys, on=["doc_id", "sentence_id"], how="inner")
    out = sentiment_aggregate(joined, corpus, by=["frame", *periods_by(by, period)],
                              value=value, resample=resample, n_boot=n_boot,
                              confidence=confidence, seed=seed, period=period)
    return out


def sentiment_extremes(scores: pd.DataFrame, *, by: str = "outlet", n: int = 3,
                       value: str = "polarity") -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences of each group, so a reader
    sees what drives the averages. Sentences with a score of 0 are not listed.

    Returns the rows of ``scores`` with a column ``side`` (``negative``/``positive``) and
    ``rank`` (1 = strongest), ordered by group, side, rank; a sentence without a ``by``
    value is in the group :data:`analysis.tables.MISSING_GROUP`.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"outlet": ["A", "A", "A"], "sentence": ["x", "y", "z"],
    ...                   "polarity": [0.5, -0.2, 0.0]})
    >>> sentiment_extremes(s, n=1)[["outlet", "side", "sentence"]].values.tolist()
    [['A', 'negative', 'y'], ['A', 'positive', 'x']]
    """
    require_columns(scores, [value], what="the score table")
    table = scores.assign(**{by: groups_by(scores, by, what="the score table")})
    parts = []
    for _, group in table.groupby(by, sort=True):
        values = group[value]
        neg = group[values < 0].sort_values(value, ascending=True, kind="stable").head(n)
        pos = group[values > 0].sort_values(value, ascending=False, kind="stable").head(n)
        for side, part in (("negative", neg), ("positive", pos)):
            part = part.copy()
            part.insert(0, "side", side)
            part.insert(1, "rank", np.arange(1, len(part) + 1))
            parts.append(part)
    if not parts:
        return scores.head(0).assign(side=pd.Series(dtype=str), rank=pd.Series(dtype=int))
    out = pd.concat(parts, ignore_index=True)
    columns = [by, "side", "rank"] + [c for c in out.columns if c not in (by, "side", "rank")]
    return out[columns]
