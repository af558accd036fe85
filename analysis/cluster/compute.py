"""The map and reduce steps of the word counts and the frames: each partition is analysed
on a worker, which reads it itself (:mod:`analysis.cluster.mapping`); what comes back is
small (count tables, and one row per article for the periods), is summed on the client,
and the statistics are computed from the sums by the functions of the in-process path. So
every table equals the in-process table of the whole dataset (``corpus_load`` of the
folder, the parts in name order, with the same options): the same rows in the same order,
the same values and dtypes. The tone and the timeline are in :mod:`analysis.cluster.tone`.

Every option of the in-process analyses works here: periods (``period=``, their cells and
note made on the client from the articles' dates), duplicate removal (``dedupe=``,
``near=``; the duplicates dropped are in ``attrs["dropped"]``), lemmas
(``unit="lemma"``), every keyness measure, the frame audit and co-occurrence. Each
partition is read and tokenised once per analysis.

The per-article and per-sentence tables (frame matches, sentence tone) are written by the
workers, one Parquet file per partition named after it, into a folder
(``matches_dir=``, ``sentences_dir=``). Read together in file-name order
(``pd.concat`` of ``pd.read_parquet`` of each file, sorted by name) they are the rows of
the in-process table in its order; ``doc_id`` and ``outlet`` are categorical per file, so
compare them as text. The dataset's folder must be readable by the client (which lists and
checks the partitions) and by every worker (a shared file system on a cluster of
machines).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from analysis.cluster.mapping import (
    MapResult,
    articles_meta,
    map_partitions,
    outputs,
    periods_of,
    with_notes,
    write_part,
)
from analysis.dictionaries.frames import FrameDictionary, frames_load
from analysis.dictionaries.frames_stats import (
    FrameTallies,
    audit_from_tallies,
    audit_tallies,
    cooccurrence_counts,
    cooccurrence_from_counts,
    frames_from_cells,
    frames_from_tallies,
)
from analysis.dictionaries.matcher import frames_match
from analysis.periods.binning import periods_assign, periods_by
from analysis.tokens.corpus_tables import tokens_corpus
from analysis.vocabulary.frequency import (
    _CELL,
    TermCounts,
    _cell_columns,
    _resolve_by,
    frequency_from_counts,
)
from analysis.vocabulary.keyness import keyness_check, keyness_from_counts
from analysis.vocabulary.terms import _check_min_count

__all__ = ["cluster_counts", "cluster_frequency", "cluster_keyness", "cluster_frames",
           "ClusterFrames"]

#: The options of :func:`analysis.tokens.tokens_corpus` a word count takes.
TOKEN_OPTIONS = ("lowercase", "remove_punct", "remove_numbers", "remove_stopwords",
                 "stopwords", "stem")


# --------------------------------------------------------------------------- words


def _term_counts(corpus: pd.DataFrame, *, file: str, token_options: dict, unit: str,
                 by, period: str | None, ngram: int, docfreq: bool):
    tokens = tokens_corpus(corpus, progress=False, **token_options)
    if unit == "lemma":
        from analysis.query.lemma import tokens_lemmatise

        tokens = tokens_lemmatise(tokens)
    group, _, tokens, keyed = _resolve_by(by, period, corpus, tokens)
    meta = articles_meta(corpus, periods_by(by, period)) if period else None
    if not len(keyed):  # no article of the partition has a period
        return None, meta
    return TermCounts.of(tokens, group, ngram, keyed, docfreq=docfreq).to_table(), meta


@dataclass
class _Counts:
    counts: TermCounts
    group: str
    cells: object
    mapped: MapResult


def _summed_counts(dataset, client, *, by, period, ngram, corpus_options, token_options,
                   unit, docfreq, dedupe, near) -> _Counts:
    unknown = sorted(set(token_options or {}) - set(TOKEN_OPTIONS))
    if unknown:
        raise ValueError(f"unknown token options: {', '.join(unknown)}; choose among "
                         f"{', '.join(TOKEN_OPTIONS)}")
    if unit not in ("word", "lemma"):
        raise ValueError(f"unit must be 'word' or 'lemma', not {unit!r}")
    if unit == "lemma" and (token_options or {}).get("stem"):
        raise ValueError("stem and unit='lemma' both change what is counted; choose one")
    columns = periods_by(by, period)
    if period is None and len(columns) != 1:
        raise ValueError(f"by must name one column without a period, not {by!r}; "
                         "several columns combine with period=")
    mapped = map_partitions(client, dataset, _term_counts, corpus_options=corpus_options,
                            require=columns, dedupe=dedupe, near=near,
                            token_options=dict(token_options or {}), unit=unit, by=by,
                            period=period, ngram=ngram, docfreq=docfreq)
    parts = [counts for counts, _ in mapped.results if counts is not None]
    counts = TermCounts.from_table([p[0] for p in parts], [p[1] for p in parts])
    cells = None
    if period is not None:
        cells = periods_of([meta for _, meta in mapped.results], period, columns)
    return _Counts(counts, _CELL if period else columns[0], cells, mapped)


def cluster_counts(
    dataset: str | Path,
    *,
    client,
    by: str = "outlet",
    ngram: int = 1,
    token_options: dict | None = None,
    unit: Literal["word", "lemma"] = "word",
    corpus_options: dict | None = None,
    dedupe: Literal["none", "outlet", "corpus"] = "none",
    near: float = 1.0,
) -> TermCounts:
    """The term counts of a partitioned dataset (with document frequencies), summed over
    its partitions on the workers of ``client``: count once, then
    :func:`analysis.vocabulary.frequency_from_counts` and
    :func:`analysis.vocabulary.keyness_from_counts` both compute from them (on the client).
    ``attrs``-free; the warnings of the partitions are in ``counts.notes``, the
    duplicates dropped in ``counts.dropped``."""
    summed = _summed_counts(dataset, client, by=by, period=None, ngram=ngram,
                            corpus_options=corpus_options, token_options=token_options,
                            unit=unit, docfreq=True, dedupe=dedupe, near=near)
    summed.counts.notes = list(dict.fromkeys(summed.mapped.notes))
    summed.counts.dropped = summed.mapped.dropped
    return summed.counts


def cluster_frequency(
    dataset: str | Path,
    *,
    client,
    by: str | list[str] | None = None,
    ngram: int = 1,
    min_count: int = 1,
    period: str | None = None,
    token_options: dict | None = None,
    unit: Literal["word", "lemma"] = "word",
    corpus_options: dict | None = None,
    dedupe: Literal["none", "outlet", "corpus"] = "none",
    near: float = 1.0,
) -> pd.DataFrame:
    """:func:`analysis.vocabulary.textstat_frequency` of a partitioned dataset, on the
    workers of ``client``: the same table as ``textstat_frequency(tokens, by=by,
    ngram=ngram, corpus=corpus, min_count=min_count, period=period)`` of the whole
    dataset, ``corpus = corpus_load(dataset, dedupe=dedupe, near=near,
    **corpus_options)`` and ``tokens = tokens_corpus(corpus, **token_options)`` (with
    ``unit="lemma"``: :func:`analysis.query.lemma.tokens_lemmatise` of it).
    ``token_options``: those of :func:`analysis.tokens.tokens_corpus`
    (``remove_stopwords``, ``stem``, ...); ``corpus_options``: the ``*_column``,
    ``encoding`` and ``skip_invalid`` options of :func:`analysis.corpus.corpus_load`.
    ``by`` as there: default ``outlet``, or none with a period. ``attrs["notes"]``
    holds the warnings the partitions gave, ``attrs["dropped"]`` the duplicates left out.
    """
    _check_min_count(min_count)
    summed = _summed_counts(dataset, client, by=by, period=period, ngram=ngram,
                            corpus_options=corpus_options, token_options=token_options,
                            unit=unit, docfreq=True, dedupe=dedupe, near=near)
    table = frequency_from_counts(summed.counts, by=summed.group, min_count=min_count)
    if summed.cells is not None:
        table = _cell_columns(table, summed.cells, placeholder={"count": 0, "docfreq": 0})
    return with_notes(table, summed.mapped)


def cluster_keyness(
    dataset: str | Path,
    *,
    client,
    by: str | list[str] | None = None,
    ngram: int = 1,
    min_count: int = 5,
    adjust: Literal["bh", "holm"] = "bh",
    alpha: float = 0.05,
    period: str | None = None,
    reference: Literal["rest", "previous"] = "rest",
    measure: Literal["g2", "lr", "chi2", "exact", "pmi"] = "g2",
    g2: Literal["two-cell", "four-cell"] = "two-cell",
    correction: Literal["yates", "williams", "none"] | None = None,
    token_options: dict | None = None,
    unit: Literal["word", "lemma"] = "word",
    corpus_options: dict | None = None,
    dedupe: Literal["none", "outlet", "corpus"] = "none",
    near: float = 1.0,
) -> pd.DataFrame:
    """:func:`analysis.vocabulary.textstat_keyness` of a partitioned dataset, on the
    workers of ``client``; options as there and in :func:`cluster_frequency`."""
    keyness_check(min_count=min_count, adjust=adjust, alpha=alpha, reference=reference,
                  g2=g2, correction=correction, measure=measure)
    if reference == "previous" and period is None:
        raise ValueError("reference='previous' compares each period with the one before: "
                         "give period=")
    summed = _summed_counts(dataset, client, by=by, period=period, ngram=ngram,
                            corpus_options=corpus_options, token_options=token_options,
                            unit=unit, docfreq=False, dedupe=dedupe, near=near)
    table = keyness_from_counts(summed.counts, by=summed.group, min_count=min_count,
                                adjust=adjust, alpha=alpha, g2=g2, correction=correction,
                                cells=summed.cells, reference=reference, measure=measure)
    return with_notes(table, summed.mapped)


# --------------------------------------------------------------------------- frames


def _frame_tallies(corpus: pd.DataFrame, *, file: str, book: FrameDictionary, by,
                   period: str | None, fold_diacritics: bool | None,
                   matches_dir: str | None, audit: bool, cooccurrence: bool):
    matches = frames_match(corpus, book, fold_diacritics=fold_diacritics)
    if matches_dir is not None:
        write_part(matches, matches_dir, file)
    if period is None:
        tallies = FrameTallies.grouped(matches, corpus, by)
        meta = None
    else:
        columns = periods_by(by, period)
        group_of = FrameTallies.cells_of(periods_assign(corpus, period, by=columns,
                                                        warn=False))
        tallies = FrameTallies.of(matches, corpus, group_of, list(dict.fromkeys(group_of)))
        meta = articles_meta(corpus, columns)
    return (tallies, meta, list(matches.attrs.get("silent_patterns", [])),
            audit_tallies(matches) if audit else None,
            cooccurrence_counts(matches) if cooccurrence else None)


@dataclass
class ClusterFrames:
    """What :func:`cluster_frames` returns: ``counts`` (the table of
    :func:`analysis.dictionaries.frames_count`), ``audit`` (of
    :func:`analysis.dictionaries.frames_audit` with ``silent=True``, when asked for),
    ``cooccurrence`` (of :func:`analysis.dictionaries.frames_cooccurrence` by sentence,
    when asked for) and ``silent_patterns`` (the (frame, pattern) pairs that matched
    nothing in the whole dataset, as ``attrs["silent_patterns"]`` of the match table)."""

    counts: pd.DataFrame
    audit: pd.DataFrame | None
    cooccurrence: pd.DataFrame | None
    silent_patterns: list


def cluster_frames(
    dataset: str | Path,
    *,
    client,
    frames: FrameDictionary | str | Path | None = None,
    by: str | list[str] | None = None,
    period: str | None = None,
    fold_diacritics: bool | None = None,
    matches_dir: str | Path | None = None,
    corpus_options: dict | None = None,
    dedupe: Literal["none", "outlet", "corpus"] = "none",
    near: float = 1.0,
    audit: bool = False,
    cooccurrence: bool = False,
) -> pd.DataFrame | ClusterFrames:
    """:func:`analysis.dictionaries.frames_count` of :func:`analysis.dictionaries.frames_match`
    of a partitioned dataset, on the workers of ``client``: the same table as
    ``frames_count(frames_match(corpus, frames), corpus, by=by, period=period)`` of the
    whole dataset (read as in :func:`cluster_frequency`). ``matches_dir``: write every
    match, one Parquet file per partition, into this folder. ``attrs["silent_patterns"]``
    holds the (frame, pattern) pairs that matched nothing in the whole dataset. With
    ``audit`` or ``cooccurrence``, a :class:`ClusterFrames` with those tables too.
    """
    book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    columns = periods_by(by, period)
    if period is None and len(columns) != 1:
        raise ValueError(f"by must name one column without a period, not {by!r}; "
                         "several columns combine with period=")
    mapped = map_partitions(client, dataset, _frame_tallies, corpus_options=corpus_options,
                            require=columns, dedupe=dedupe, near=near, book=book,
                            by=columns[0] if period is None else by, period=period,
                            fold_diacritics=fold_diacritics,
                            matches_dir=outputs(matches_dir, dataset), audit=audit,
                            cooccurrence=cooccurrence)
    parts = mapped.results
    names, labels = list(book.names), dict(book.labels)
    tallies = FrameTallies.sum([p[0] for p in parts])
    if period is None:
        table = frames_from_tallies(tallies, names=names, labels=labels, by=columns[0])
    else:
        cells = periods_of([p[1] for p in parts], period, columns)
        table = frames_from_cells(tallies, cells, names=names, labels=labels)
    silent = [pair for pair in parts[0][2] if all(pair in p[2] for p in parts[1:])]
    table.attrs.update(frame_labels_en=book.labels_en, silent_patterns=silent)
    table = with_notes(table, mapped)
    if not audit and not cooccurrence:
        return table
    found = None
    if audit:
        found = audit_from_tallies([p[3] for p in parts], names=names,
                                   silent_patterns=silent, silent=True)
    both = None
    if cooccurrence:
        both = cooccurrence_from_counts(np.sum([p[4] for p in parts], axis=0), names=names)
        both.attrs.update(frame_labels=labels, frame_labels_en=book.labels_en,
                          level="sentence")
    return ClusterFrames(table, found, both, silent)
