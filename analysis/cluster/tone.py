"""The map and reduce steps of the tone and the timeline (see :mod:`analysis.cluster.compute`
for what the cluster path promises): the tone of every sentence is scored on the workers;
what comes back is one row per article (and, for a sentence bootstrap, the value of every
sentence: one number each); the aggregates, periods and intervals are computed on the
client by the in-process functions, with the same seed, so the tables are identical."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd

from analysis.cluster import mapping
from analysis.dictionaries.frames import FrameDictionary, frames_load
from analysis.dictionaries.matcher import frames_match
from analysis.periods.binning import periods_assign, periods_by
from analysis.sentiment import sentiment_corpus
from analysis.sentiment.aggregate import (
    _with_metadata,
    sentence_values,
    sentiment_articles,
    sentiment_dated,
    sentiment_from_articles,
    sentiment_intervals,
    sentiment_periods,
)

__all__ = ["cluster_sentiment", "cluster_timeline"]


# --------------------------------------------------------------------------- tone


def _tone(corpus: pd.DataFrame, *, file: str, method: str, by: list[str] | None,
          period: str | None, level: str, resample: str, exclude: FrameDictionary | None,
          sentences_dir: str | None):
    from analysis.sentiment.corpus import _documents
    from analysis.sentiment.methods import sentiment_method

    matches = frames_match(corpus, exclude) if exclude is not None else None
    scores = sentiment_corpus(corpus, method=method, progress=False, exclude=matches)
    if sentences_dir is not None:
        mapping.write_part(scores, sentences_dir, file)
    if level == "document":
        return _documents(scores, sentiment_method(method)), None, None
    if by is None:
        return None, None, None
    table = _with_metadata(scores, corpus, by)
    keys, meta = by, None
    if period is not None:
        table = sentiment_dated(table, periods_assign(corpus, period, warn=False))
        keys, meta = ["period", *by], mapping.articles_meta(corpus, [])
    values = sentence_values(table, by=keys) if resample == "sentence" else None
    return sentiment_articles(table, by=keys), values, meta


def cluster_sentiment(
    dataset: str | Path,
    *,
    client,
    method: str = "lexicon",
    by: str | list[str] | None = "outlet",
    period: str | None = None,
    level: Literal["sentence", "document"] = "sentence",
    resample: Literal["sentence", "document"] = "document",
    exclude_frames: FrameDictionary | str | Path | bool | None = None,
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
    sentences_dir: str | Path | None = None,
    corpus_options: dict | None = None,
    dedupe: Literal["none", "outlet", "corpus"] = "none",
    near: float = 1.0,
) -> pd.DataFrame | None:
    """The tone of a partitioned dataset, on the workers of ``client``: the same table as
    ``sentiment_aggregate(sentiment_corpus(corpus, method=method, exclude=matches), corpus,
    by=by, period=period, resample=resample)`` of the whole dataset (read as in
    :func:`analysis.cluster.cluster_frequency`; ``matches``: the
    :func:`analysis.dictionaries.frames_match` of ``exclude_frames``, a dictionary, its
    file, or True for the shipped one). With ``level="document"`` (and no ``by`` or
    ``period``): the table of ``sentiment_corpus(corpus, level="document")``, one row per
    article. ``by`` is ``outlet`` by default; ``None`` means no column (with a period:
    the period alone; without one: no aggregate). ``sentences_dir``: write the tone of
    every sentence, one Parquet file per partition, into this folder; with ``by=None``,
    no period and ``level="sentence"`` only that is done and None is returned."""
    from analysis.sentiment.methods import sentiment_method

    sentiment_method(method)  # an unknown method is named before any task runs
    if level not in ("sentence", "document"):
        raise ValueError(f"unknown level {level!r}: use 'sentence' or 'document'")
    if resample not in ("sentence", "document"):
        raise ValueError(f"resample must be 'sentence' or 'document', not {resample!r}")
    aggregate = by is not None or period is not None
    if level == "document" and aggregate:
        raise ValueError("by= and period= average the sentences: leave level= out")
    if not aggregate and level == "sentence" and sentences_dir is None:
        raise ValueError("give by= or period= for the mean tone per group, level='document' "
                         "for the tone of every article, or sentences_dir= for the tone of "
                         "every sentence")
    columns = periods_by(by, period) if aggregate else []
    exclude = None
    if exclude_frames is not None and exclude_frames is not False:
        exclude = (exclude_frames if isinstance(exclude_frames, FrameDictionary) else
                   frames_load(None if exclude_frames is True else exclude_frames))
    mapped = mapping.map_partitions(client, dataset, _tone, corpus_options=corpus_options,
                            require=columns, dedupe=dedupe, near=near, method=method,
                            by=columns if aggregate else None, period=period, level=level,
                            resample=resample, exclude=exclude,
                            sentences_dir=mapping.outputs(sentences_dir, dataset))
    parts = [p for p in mapped.results if p[0] is not None]
    if level == "document":
        return mapping.with_notes(pd.concat([p[0] for p in parts], ignore_index=True), mapped)
    if not aggregate:
        return None
    keys = ["period", *columns] if period is not None else columns
    intervals = None
    if resample == "sentence":
        intervals = sentiment_intervals([p[1] for p in parts], n_boot=n_boot, seed=seed,
                                        confidence=confidence)
    articles = pd.concat([p[0] for p in parts], ignore_index=True)
    table = sentiment_from_articles(articles, by=keys, resample=resample, n_boot=n_boot,
                                    confidence=confidence, seed=seed, intervals=intervals)
    if period is not None:
        cells = mapping.periods_of([p[2] for p in mapped.results], period, [])
        table = sentiment_periods(table, articles, cells, by=keys)
    table.attrs.update(resample=resample, n_boot=n_boot, confidence=confidence)
    return mapping.with_notes(table, mapped)


# --------------------------------------------------------------------------- timeline


def _timeline_articles(corpus: pd.DataFrame, *, file: str, book: FrameDictionary | None,
                       by: list[str], measures: list[str]):
    from analysis.timeline.measures import TONE_PREFIX, timeline_articles

    matches = frames_match(corpus, book) if book is not None else None
    tone = [m.removeprefix(TONE_PREFIX) for m in measures if m.startswith(TONE_PREFIX)]
    scores = (pd.concat([sentiment_corpus(corpus, method=m, progress=False) for m in tone],
                        ignore_index=True) if tone else None)
    return timeline_articles(corpus, by=by, measures=measures, matches=matches, scores=scores)


def cluster_timeline(
    dataset: str | Path,
    *,
    client,
    period: str = "month",
    by: str | list[str] | None = None,
    measures: str | list[str] = ("frames", "tone"),
    frames: FrameDictionary | str | Path | None = None,
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
    corpus_options: dict | None = None,
    dedupe: Literal["none", "outlet", "corpus"] = "none",
    near: float = 1.0,
) -> pd.DataFrame:
    """:func:`analysis.timeline.timeline` of a partitioned dataset, on the workers of
    ``client``: frames and tone per article on the workers, then the periods, values and
    article-bootstrap intervals on the client from one row per article
    (:func:`analysis.timeline.timeline_from_articles`); the same table as
    ``timeline(corpus, ...)`` with the matches of ``frames`` (the dataset read as in
    :func:`analysis.cluster.cluster_frequency`)."""
    from analysis.timeline.measures import timeline_from_articles, timeline_measures

    wanted = timeline_measures(measures)
    columns = [by] if isinstance(by, str) else list(by or [])
    book = None
    if "frames" in wanted:
        book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    mapped = mapping.map_partitions(client, dataset, _timeline_articles,
                            corpus_options=corpus_options, require=["date", *columns],
                            dedupe=dedupe, near=near, book=book, by=columns, measures=wanted)
    articles = pd.concat(mapped.results, ignore_index=True)
    articles.attrs = dict(mapped.results[0].attrs)
    table = timeline_from_articles(articles, period=period, by=by, n_boot=n_boot,
                                   confidence=confidence, seed=seed)
    return mapping.with_notes(table, mapped)
