"""Tone per group (outlet, date, frame, any column) with percentile bootstrap intervals,
and the sentences that drive it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.sentiment.labels import LABELS
from analysis.tables import groups_by, require_columns

__all__ = ["sentiment_aggregate", "sentiment_by_frame", "sentiment_extremes"]


def _bootstrap(values: np.ndarray, docs: np.ndarray, *, resample: str, n_boot: int,
               seed: int, confidence: float) -> tuple[float, float]:
    from scipy.stats import bootstrap

    if len(values) < 2:
        return np.nan, np.nan
    rng = np.random.default_rng(seed)
    if resample == "sentence":
        if np.all(values == values[0]):
            return float(values[0]), float(values[0])
        res = bootstrap((values,), np.mean, n_resamples=n_boot, method="percentile",
                        confidence_level=confidence, random_state=rng, vectorized=True,
                        batch=max(1, 2_000_000 // len(values)))
    else:
        frame = pd.DataFrame({"doc": docs, "v": values}).groupby("doc", sort=False)["v"]
        sums, counts = frame.sum().to_numpy(float), frame.size().to_numpy(float)
        if len(sums) < 2:
            return np.nan, np.nan
        if np.allclose(sums / counts, sums[0] / counts[0]):
            return float(sums[0] / counts[0]), float(sums[0] / counts[0])

        def ratio(s, c, axis=-1):
            return s.sum(axis=axis) / c.sum(axis=axis)

        res = bootstrap((sums, counts), ratio, paired=True, n_resamples=n_boot,
                        method="percentile", confidence_level=confidence, random_state=rng,
                        vectorized=True, batch=max(1, 2_000_000 // len(sums)))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def sentiment_aggregate(
    scores: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    *,
    by: str | Sequence[str] = "outlet",
    value: str = "polarity",
    resample: Literal["sentence", "document"] = "sentence",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
) -> pd.DataFrame:
    """Mean tone per group with a percentile bootstrap interval.

    ``scores``: the sentence table of :func:`sentiment_corpus`. ``by``: one or more columns
    of ``scores`` or of the corpus (e.g. ``date``; give ``corpus`` to merge them in on
    ``doc_id``). ``value``: the column to average (``polarity``, ``label``, ``prob_*``...).
    ``resample="sentence"`` resamples the sentences of each group (the interval describes
    these texts); ``"document"`` resamples whole articles (a cluster bootstrap; use it to
    generalise to an outlet's coverage, it needs several articles per group). The bootstrap
    is scipy.stats.bootstrap, percentile method, ``n_boot`` resamples, NumPy Generator
    seeded with ``seed``, so results repeat exactly.

    Returns one row per group: the ``by`` columns, ``method``, ``n_documents``,
    ``n_sentences``, ``mean``, ``ci_low``, ``ci_high`` (empty for fewer than two units),
    ``share_negative``, ``share_neutral``, ``share_positive`` (shares of the labels).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["NOS", "NOS", "NRC"],
    ...                   "method": "lexicon", "polarity": [0.2, 0.4, -0.1], "label": [1, 1, 0]})
    >>> t = sentiment_aggregate(s)[["outlet", "n_sentences", "mean", "ci_low", "ci_high"]]
    >>> t.round(2).values.tolist()
    [['NOS', 2, 0.3, 0.2, 0.4], ['NRC', 1, -0.1, nan, nan]]
    """
    by = [by] if isinstance(by, str) else list(by)
    table = _with_metadata(scores, corpus, by)
    require_columns(table, [value], what="the score table")
    rows = []
    for key, group in table.groupby(by, observed=True, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        values = group[value].to_numpy(float)
        ok = ~np.isnan(values)
        docs = group["doc_id"].astype(str).to_numpy()
        low, high = _bootstrap(values[ok], docs[ok], resample=resample, n_boot=n_boot,
                               seed=seed, confidence=confidence)
        labels = group["label"].to_numpy() if "label" in group else np.zeros(0)
        row = dict(zip(by, key, strict=True))
        row.update({
            "method": _single(group, "method"),
            "n_documents": int(pd.unique(docs).size),
            "n_sentences": int(len(group)),
            "mean": float(values[ok].mean()) if ok.any() else np.nan,
            "ci_low": low,
            "ci_high": high,
        })
        for name, lab in zip(("negative", "neutral", "positive"), LABELS, strict=True):
            row[f"share_{name}"] = float(np.mean(labels == lab)) if len(labels) else np.nan
        rows.append(row)
    columns = [*by, "method", "n_documents", "n_sentences", "mean", "ci_low", "ci_high",
               "share_negative", "share_neutral", "share_positive"]
    table = pd.DataFrame(rows, columns=columns)
    # how the intervals were made, for the figure's caption
    table.attrs.update(resample=resample, n_boot=n_boot, confidence=confidence)
    return table


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
    by: str | Sequence[str] = "outlet",
    value: str = "polarity",
    resample: Literal["sentence", "document"] = "sentence",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
) -> pd.DataFrame:
    """Tone of the sentences that invoke each frame, per group (default: per outlet).

    ``scores``: the sentence table of :func:`sentiment_corpus`; ``matches``: the frame
    matches (``doc_id``, ``sentence_id``, ``frame``, as :func:`analysis.frames.frames_match`
    returns them). A sentence counts once per frame however many of the frame's patterns it
    matches; a sentence with two frames counts for both. Returns the columns of
    :func:`sentiment_aggregate` with ``frame`` first.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["NOS", "NOS"], "sentence_id": [1, 2],
    ...                   "method": "lexicon", "polarity": [0.5, -0.5], "label": [1, -1]})
    >>> m = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [1, 1, 2],
    ...                   "frame": ["oorlog", "oorlog", "diplomatie"]})
    >>> sentiment_by_frame(s, m)[["frame", "outlet", "n_sentences", "mean"]].values.tolist()
    [['diplomatie', 'NOS', 1, -0.5], ['oorlog', 'NOS', 1, 0.5]]
    """
    require_columns(matches, ["doc_id", "sentence_id", "frame"], what="the frame matches",
                    hint="give the table of analysis.frames.frames_match")
    keys = matches[["doc_id", "sentence_id", "frame"]].copy()
    keys["doc_id"] = keys["doc_id"].astype(str)
    keys["sentence_id"] = keys["sentence_id"].astype(np.int64)
    keys["frame"] = keys["frame"].astype(str)
    keys = keys.drop_duplicates()
    table = scores.copy()
    table["doc_id"] = table["doc_id"].astype(str)
    table["sentence_id"] = table["sentence_id"].astype(np.int64)
    joined = table.merge(keys, on=["doc_id", "sentence_id"], how="inner")
    by = [by] if isinstance(by, str) else list(by)
    out = sentiment_aggregate(joined, by=["frame", *by], value=value, resample=resample,
                              n_boot=n_boot, confidence=confidence, seed=seed)
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
