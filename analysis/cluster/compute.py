"""The map and reduce steps: each partition is analysed on a worker, which reads it
itself; what comes back is small (count tables, one row per article for the tone), is
summed on the client, and the statistics are computed from the sums by the functions of
the in-process path. So every table equals the in-process table of the whole dataset
(:func:`analysis.cluster.dataset.dataset_load`): the same rows in the same order, the
same values and dtypes.

The per-article and per-sentence tables (frame matches, sentence tone) are written by the
workers, one Parquet file per partition named after it, into a folder
(``matches_dir=``, ``sentences_dir=``). Read together in file-name order
(``pd.concat`` of ``pd.read_parquet`` of each file, sorted by name) they are the rows of
the in-process table in its order; ``doc_id`` and ``outlet`` are categorical per file, so
compare them as text.

Not available here (they need the whole corpus at once): periods (except in the
timeline), duplicate removal, collocations, the frame audit and co-occurrence, a sentence
bootstrap. The dataset's folder must be readable by the client (which lists and checks
the partitions) and by every worker (a shared file system on a cluster of machines).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from analysis.cluster.dataset import ClusterError, dataset_partitions, partition_load
from analysis.cluster.store import stored
from analysis.dictionaries.frames import FrameDictionary, frames_load
from analysis.dictionaries.frames_stats import FrameTallies, frames_from_tallies
from analysis.dictionaries.matcher import frames_match
from analysis.io import output_check, write_atomic
from analysis.parallel import serial
from analysis.periods.binning import periods_by
from analysis.sentiment import sentiment_corpus
from analysis.sentiment.aggregate import (
    _with_metadata,
    sentiment_articles,
    sentiment_from_articles,
)
from analysis.tokens.corpus_tables import tokens_cache_clear, tokens_corpus
from analysis.vocabulary.frequency import TermCounts, frequency_from_counts
from analysis.vocabulary.keyness import keyness_check, keyness_from_counts

__all__ = ["cluster_counts", "cluster_frequency", "cluster_keyness", "cluster_frames",
           "cluster_sentiment", "cluster_timeline"]

#: The options of :func:`analysis.tokens.tokens_corpus` a word count takes.
TOKEN_OPTIONS = ("lowercase", "remove_punct", "remove_numbers", "remove_stopwords",
                 "stopwords", "stem")


# --------------------------------------------------------------------------- map helpers


def _map(client, dataset: str | Path, work, *, corpus_options: dict | None,
         **kwargs) -> tuple[list, list[str]]:
    """:func:`_run` of ``work(file, corpus_options=..., **kwargs)`` over the partitions of
    ``dataset``, each read with ``corpus_options``."""
    corpus_options = dict(corpus_options or {})
    files = dataset_partitions(dataset, text_column=corpus_options.get("text_column"))
    return _run(client, files, work, corpus_options=corpus_options, **kwargs)


def _run(client, files: list[Path], work, **kwargs) -> tuple[list, list[str]]:
    """``work(file, **kwargs)`` for every partition on the workers (each returns its
    result, its warnings and its article ids); the results in partition order and the
    warnings. An id in two partitions, and a worker that dies (most often over its memory
    limit), end the run with a :class:`ClusterError` naming the partition."""
    try:
        from distributed import KilledWorker
    except ImportError:  # pragma: no cover - older distributed
        from distributed.scheduler import KilledWorker

    work = stored(work)  # with the client's token store (analysis.cluster.store)
    futures = [client.submit(work, str(file), pure=False, **kwargs) for file in files]
    results, notes, seen = [], [], {}
    try:
        for file, future in zip(files, futures, strict=True):
            try:
                result, said, ids = future.result()
            except KilledWorker:
                raise ClusterError(
                    f"{file}: the worker analysing this partition died ({_limit(client)}); "
                    "give each worker more memory (--memory-limit), or split the dataset "
                    "into smaller partitions (discourse import SOURCE -o FOLDER/ "
                    "--partition-rows N)") from None
            for doc_id in ids:
                if seen.setdefault(doc_id, file) != file:
                    raise ClusterError(f"{file}: the id {doc_id!r} is also used in "
                                       f"{seen[doc_id]}; give every article its own id")
            results.append(result)
            notes += said
    finally:
        client.cancel([f for f in futures if not f.done()])
    return results, notes


def _limit(client) -> str:
    workers = client.scheduler_info().get("workers", {})
    limits = {w.get("memory_limit") for w in workers.values()}
    if len(limits) == 1 and (limit := limits.pop()):
        return f"most often: over its memory limit of {limit / 2**30:.2g} GiB"
    return "most often: over its memory limit"


def _load(file: str, corpus_options: dict,
          require: Sequence[str] = ()) -> tuple[pd.DataFrame, list]:
    """A partition and the notes of reading it; raises :class:`ClusterError` when it holds
    articles but lacks one of the columns ``require`` (every partition needs them)."""
    corpus, notes = partition_load(file, **corpus_options)
    for column in require:
        if len(corpus) and column not in corpus.columns:
            raise ClusterError(
                f"{file}: has no column {column!r}; choose a column every partition has "
                f"(this one has: {', '.join(map(str, corpus.columns))})")
    return corpus, notes


def _ids(corpus: pd.DataFrame) -> list[str]:
    return corpus["doc_id"].astype(str).tolist()


def _write_part(table: pd.DataFrame, folder: str, file: str) -> None:
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    write_atomic(Path(folder) / Path(file).name, buffer.getvalue())


def _outputs(folder: str | Path | None, dataset: str | Path) -> str | None:
    """The output folder, made, after checking that it is not inside the dataset."""
    if folder is None:
        return None
    output_check(folder, dataset)
    Path(folder).mkdir(parents=True, exist_ok=True)
    return str(Path(folder).resolve())


def _notes(table: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    table.attrs["notes"] = list(dict.fromkeys(notes))
    return table


# --------------------------------------------------------------------------- words


def _term_counts(file: str, *, corpus_options: dict, token_options: dict, by: str,
                 ngram: int, docfreq: bool):
    with serial():
        corpus, notes = _load(file, corpus_options, [by])
        if corpus.empty:
            return None, notes, []
        tokens = tokens_corpus(corpus, progress=False, **token_options)
        counts = TermCounts.of(tokens, by, ngram, corpus, docfreq=docfreq).to_table()
        tokens_cache_clear()
        return counts, notes, _ids(corpus)


def _summed_counts(dataset, client, *, by, ngram, corpus_options, token_options, docfreq):
    unknown = sorted(set(token_options or {}) - set(TOKEN_OPTIONS))
    if unknown:
        raise ValueError(f"unknown token options: {', '.join(unknown)}; choose among "
                         f"{', '.join(TOKEN_OPTIONS)}")
    parts, notes = _map(client, dataset, _term_counts, corpus_options=corpus_options,
                        token_options=dict(token_options or {}), by=by, ngram=ngram,
                        docfreq=docfreq)
    parts = [p for p in parts if p is not None]
    if not parts:
        raise ClusterError(f"{dataset}: none of its partitions holds an article")
    counts = TermCounts.from_table([p[0] for p in parts], [p[1] for p in parts])
    return counts, notes


def cluster_counts(
    dataset: str | Path,
    *,
    client,
    by: str = "outlet",
    ngram: int = 1,
    token_options: dict | None = None,
    corpus_options: dict | None = None,
) -> TermCounts:
    """The term counts of a partitioned dataset (with document frequencies), summed over
    its partitions on the workers of ``client``: count once, then
    :func:`analysis.vocabulary.frequency_from_counts` and
    :func:`analysis.vocabulary.keyness_from_counts` both compute from them (on the client).
    ``attrs``-free; the warnings of the partitions are in ``counts.notes``."""
    counts, notes = _summed_counts(dataset, client, by=by, ngram=ngram,
                                   corpus_options=corpus_options,
                                   token_options=token_options, docfreq=True)
    counts.notes = notes
    return counts


def cluster_frequency(
    dataset: str | Path,
    *,
    client,
    by: str = "outlet",
    ngram: int = 1,
    min_count: int = 1,
    token_options: dict | None = None,
    corpus_options: dict | None = None,
) -> pd.DataFrame:
    """:func:`analysis.vocabulary.textstat_frequency` of a partitioned dataset, on the
    workers of ``client``: the same table as ``textstat_frequency(tokens_corpus(corpus,
    **token_options), by=by, ngram=ngram, corpus=corpus, min_count=min_count)`` of the
    whole dataset. ``token_options``: those of :func:`analysis.tokens.tokens_corpus`
    (``remove_stopwords``, ``stem``, ...); ``corpus_options``: the ``*_column``,
    ``encoding`` and ``skip_invalid`` options of :func:`analysis.corpus.corpus_load`.
    ``attrs["notes"]`` holds the warnings the partitions gave.
    """
    counts, notes = _summed_counts(dataset, client, by=by, ngram=ngram,
                                   corpus_options=corpus_options,
                                   token_options=token_options, docfreq=True)
    return _notes(frequency_from_counts(counts, by=by, min_count=min_count), notes)


def cluster_keyness(
    dataset: str | Path,
    *,
    client,
    by: str = "outlet",
    ngram: int = 1,
    min_count: int = 5,
    adjust: Literal["bh", "holm"] = "bh",
    alpha: float = 0.05,
    g2: Literal["two-cell", "four-cell"] = "two-cell",
    correction: Literal["yates", "williams", "none"] | None = None,
    token_options: dict | None = None,
    corpus_options: dict | None = None,
) -> pd.DataFrame:
    """:func:`analysis.vocabulary.textstat_keyness` (each group against the rest) of a
    partitioned dataset, on the workers of ``client``; options as there and in
    :func:`cluster_frequency`."""
    keyness_check(min_count=min_count, adjust=adjust, alpha=alpha, reference="rest", g2=g2,
                  correction=correction)
    counts, notes = _summed_counts(dataset, client, by=by, ngram=ngram,
                                   corpus_options=corpus_options,
                                   token_options=token_options, docfreq=False)
    table = keyness_from_counts(counts, by=by, min_count=min_count, adjust=adjust,
                                alpha=alpha, g2=g2, correction=correction)
    return _notes(table, notes)


# --------------------------------------------------------------------------- frames


def _frame_tallies(file: str, *, corpus_options: dict, book: FrameDictionary, by: str,
                   fold_diacritics: bool | None, matches_dir: str | None):
    with serial():
        corpus, notes = _load(file, corpus_options, [by])
        if corpus.empty:
            return None, notes, []
        matches = frames_match(corpus, book, fold_diacritics=fold_diacritics)
        if matches_dir is not None:
            _write_part(matches, matches_dir, file)
        tallies = FrameTallies.grouped(matches, corpus, by)
        tokens_cache_clear()
        return tallies, notes, _ids(corpus)


def cluster_frames(
    dataset: str | Path,
    *,
    client,
    frames: FrameDictionary | str | Path | None = None,
    by: str = "outlet",
    fold_diacritics: bool | None = None,
    matches_dir: str | Path | None = None,
    corpus_options: dict | None = None,
) -> pd.DataFrame:
    """:func:`analysis.dictionaries.frames_count` of :func:`analysis.dictionaries.frames_match` of a
    partitioned dataset, on the workers of ``client``: the same table as
    ``frames_count(frames_match(corpus, frames), corpus, by=by)`` of the whole dataset.
    ``matches_dir``: write every match, one Parquet file per partition, into this folder.
    """
    book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    parts, notes = _map(client, dataset, _frame_tallies, corpus_options=corpus_options,
                        book=book, by=by, fold_diacritics=fold_diacritics,
                        matches_dir=_outputs(matches_dir, dataset))
    parts = [p for p in parts if p is not None]
    if not parts:
        raise ClusterError(f"{dataset}: none of its partitions holds an article")
    table = frames_from_tallies(FrameTallies.sum(parts), names=list(book.names),
                                labels=dict(book.labels), by=by)
    table.attrs["frame_labels_en"] = book.labels_en
    return _notes(table, notes)


# --------------------------------------------------------------------------- tone


def _tone_articles(file: str, *, corpus_options: dict, method: str, by: list[str],
                   sentences_dir: str | None):
    with serial():
        corpus, notes = _load(file, corpus_options, by)
        if corpus.empty:
            return None, notes, []
        scores = sentiment_corpus(corpus, method=method, progress=False)
        if sentences_dir is not None:
            _write_part(scores, sentences_dir, file)
        articles = sentiment_articles(_with_metadata(scores, corpus, by), by=by) if by else None
        tokens_cache_clear()
        return articles, notes, _ids(corpus)


def cluster_sentiment(
    dataset: str | Path,
    *,
    client,
    method: str = "lexicon",
    by: str | list[str] | None = "outlet",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = 20220110,
    sentences_dir: str | Path | None = None,
    corpus_options: dict | None = None,
) -> pd.DataFrame | None:
    """The tone of a partitioned dataset, on the workers of ``client``: the same table as
    ``sentiment_aggregate(sentiment_corpus(corpus, method=method), corpus, by=by,
    resample="document")`` of the whole dataset (the article bootstrap, computed on the
    client from one row per article). ``sentences_dir``: write the tone of every
    sentence, one Parquet file per partition, into this folder; with ``by=None`` only that
    is done and None is returned."""
    columns = [] if by is None else periods_by(by, None)
    if by is None and sentences_dir is None:
        raise ValueError("give by= for the mean tone per group, or sentences_dir= for the "
                         "tone of every sentence")
    parts, notes = _map(client, dataset, _tone_articles, corpus_options=corpus_options,
                        method=method, by=columns,
                        sentences_dir=_outputs(sentences_dir, dataset))
    if by is None:
        return None
    parts = [p for p in parts if p is not None]
    if not parts:
        raise ClusterError(f"{dataset}: none of its partitions holds an article")
    table = sentiment_from_articles(pd.concat(parts, ignore_index=True), by=columns,
                                    resample="document", n_boot=n_boot,
                                    confidence=confidence, seed=seed)
    table.attrs.update(resample="document", n_boot=n_boot, confidence=confidence)
    return _notes(table, notes)


# --------------------------------------------------------------------------- timeline


def _timeline_articles(file: str, *, corpus_options: dict, book: FrameDictionary | None,
                       by: list[str], measures: list[str]):
    from analysis.timeline.measures import TONE_PREFIX, timeline_articles

    with serial():
        corpus, notes = _load(file, corpus_options, ["date", *by])
        if corpus.empty:
            return None, notes, []
        matches = frames_match(corpus, book) if book is not None else None
        tone = [m.removeprefix(TONE_PREFIX) for m in measures if m.startswith(TONE_PREFIX)]
        scores = (pd.concat([sentiment_corpus(corpus, method=m, progress=False) for m in tone],
                            ignore_index=True) if tone else None)
        articles = timeline_articles(corpus, by=by, measures=measures, matches=matches,
                                     scores=scores)
        tokens_cache_clear()
        return articles, notes, _ids(corpus)


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
) -> pd.DataFrame:
    """:func:`analysis.timeline.timeline` of a partitioned dataset, on the workers of
    ``client``: frames and tone per article on the workers, then the periods, values and
    article-bootstrap intervals on the client from one row per article
    (:func:`analysis.timeline.timeline_from_articles`); the same table as
    ``timeline(corpus, ...)`` with the matches of ``frames``."""
    from analysis.timeline.measures import timeline_from_articles, timeline_measures

    wanted = timeline_measures(measures)
    columns = [by] if isinstance(by, str) else list(by or [])
    book = None
    if "frames" in wanted:
        book = frames if isinstance(frames, FrameDictionary) else frames_load(frames)
    parts, notes = _map(client, dataset, _timeline_articles, corpus_options=corpus_options,
                        book=book, by=columns, measures=wanted)
    parts = [p for p in parts if p is not None]
    if not parts:
        raise ClusterError(f"{dataset}: none of its partitions holds an article")
    articles = pd.concat(parts, ignore_index=True)
    articles.attrs = dict(parts[0].attrs)
    table = timeline_from_articles(articles, period=period, by=by, n_boot=n_boot,
                                   confidence=confidence, seed=seed)
    return _notes(table, notes)
