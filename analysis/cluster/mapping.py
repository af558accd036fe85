"""The map step of every cluster analysis: each partition is read once and analysed once,
on a worker; with duplicate removal, the partitions' articles are kept on the workers
while the client decides which copies to drop.

Without ``dedupe``, one task per partition reads it and analyses it. With ``dedupe``
(``"outlet"`` or ``"corpus"``), each worker reads its partition and keeps it in memory
(Dask spills it to the worker's disk when memory runs short); what finding copies needs
of each article (:func:`analysis.corpus.dedupe.duplicates_keys`: its fingerprint and,
for near-copies, a MinHash signature; never its text) comes back to the client, which
decides which articles are dropped with the in-process functions
(:func:`analysis.corpus.dedupe.duplicates_pairs_from_keys`,
:func:`analysis.corpus.dedupe.duplicates_drop`) on the keys of all partitions in
partition order, the order in which the in-process loader reads them; the candidates
for near-copies send their word 5-grams, so their similarity is computed exactly. The
analysis then runs on the kept partition without the dropped articles.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from analysis.cluster.dataset import ClusterError, dataset_partitions, partition_load
from analysis.cluster.store import stored
from analysis.io import output_check, write_atomic
from analysis.parallel import serial
from analysis.tokens.corpus_tables import tokens_cache_clear

__all__ = ["MapResult", "map_partitions", "run_partitions"]


class MapResult:
    """What :func:`map_partitions` returns: ``results`` (one per partition that holds an
    article after duplicate removal, in partition order), ``notes`` (the warnings of
    reading the partitions) and ``dropped`` (the duplicates left out: the records of
    :func:`analysis.corpus.dedupe.duplicates_drop`, empty without ``dedupe``)."""

    def __init__(self, results: list, notes: list[str], dropped: list[dict]):
        self.results, self.notes, self.dropped = results, notes, dropped


def map_partitions(client, dataset: str | Path, work: Callable, *,
                   corpus_options: dict | None, require: Sequence[str] = (),
                   dedupe: str = "none", near: float = 1.0, **kwargs) -> MapResult:
    """``work(corpus, file=..., **kwargs)`` for every partition of ``dataset`` on the
    workers of ``client``, each partition read with ``corpus_options`` (every partition
    holding articles must have the columns ``require``) and without the duplicates
    ``dedupe`` and ``near`` drop (see :func:`analysis.corpus.corpus_load`). Raises
    :class:`ClusterError` when no partition holds an article."""
    from analysis.corpus.options import CorpusOptions

    CorpusOptions(dedupe=dedupe, near=near)  # a ValueError for a mode or near out of range
    corpus_options = dict(corpus_options or {})
    files = dataset_partitions(dataset, text_column=corpus_options.get("text_column"))
    common = dict(corpus_options=corpus_options, require=tuple(require), work=work,
                  kwargs=kwargs)
    task = stored(_task)  # with the client's token store (analysis.cluster.store)
    if dedupe == "none":
        futures = [client.submit(task, str(file), None, drop=(), pure=False, **common)
                   for file in files]
        results, notes = run_partitions(client, files, futures)
        dropped: list[dict] = []
    else:
        loads = [client.submit(_read, str(file), corpus_options, tuple(require), pure=False)
                 for file in files]
        try:
            keys_of = [client.submit(_keys, load, near, pure=False) for load in loads]
            keys, notes = run_partitions(client, files, keys_of)
            dropped, drops = _decide(client, loads, keys, dedupe=dedupe, near=near)
            futures = [client.submit(task, str(file), load, drop=drop, pure=False, **common)
                       for file, load, drop in zip(files, loads, drops, strict=True)]
            results, _ = run_partitions(client, files, futures)
        finally:
            client.cancel(loads)
    results = [r for r in results if r is not None]
    if not results:
        raise ClusterError(f"{dataset}: none of its partitions holds an article")
    return MapResult(results, notes, dropped)


def run_partitions(client, files: list[Path], futures: list) -> tuple[list, list[str]]:
    """The results of ``futures`` (one per partition of ``files``, each returning its
    result, its warnings and its article ids) in partition order, and the warnings. An
    id in two partitions, and a worker that dies (most often over its memory limit), end
    the run with a :class:`ClusterError` naming the partition."""
    try:
        from distributed import KilledWorker
    except ImportError:  # pragma: no cover - older distributed
        from distributed.scheduler import KilledWorker

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


# --------------------------------------------------------------------------- on a worker


def _read(file: str, corpus_options: dict, require: Sequence[str] = ()
          ) -> tuple[pd.DataFrame, list[str]]:
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


def _task(file: str, loaded, *, corpus_options: dict, require: Sequence[str], work,
          kwargs: dict, drop: Sequence[str]):
    """Read the partition ``file`` (or take it ``loaded``), leave out the articles
    ``drop`` and analyse the rest with ``work``: its result (None when no article is
    left), the warnings of reading it (when read here) and its article ids."""
    with serial(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a period's note is said once, on the client
        corpus, notes = loaded if loaded is not None else _read(file, corpus_options, require)
        ids = _ids(corpus)
        if loaded is not None:
            notes = []
        if len(drop):
            corpus = corpus[~corpus["doc_id"].astype(str).isin(set(drop))]
            corpus = corpus.reset_index(drop=True)
        if corpus.empty:
            return None, notes, ids
        try:
            return work(corpus, file=file, **kwargs), notes, ids
        finally:
            tokens_cache_clear()


def _keys(loaded, near: float):
    from analysis.corpus.dedupe import duplicates_keys

    corpus, notes = loaded
    return duplicates_keys(corpus, near=near), notes, _ids(corpus)


def _shingles(loaded, rows: list[int]) -> dict[int, frozenset]:
    from analysis.corpus.dedupe import text_shingles

    texts = loaded[0]["text"].astype(str).tolist()
    return {i: text_shingles(texts[i]) for i in rows}


# --------------------------------------------------------------------------- on the client


def _decide(client, loads: list, keys: list[pd.DataFrame], *, dedupe: str,
            near: float) -> tuple[list[dict], list[list[str]]]:
    """The duplicates dropped (records) and, per partition, the ids it drops: decided on
    the keys of all partitions in partition order, as the in-process loader does."""
    from analysis.corpus.dedupe import duplicates_drop, duplicates_pairs_from_keys

    whole = pd.concat(keys, ignore_index=True)
    starts, at = [], 0
    for part in keys:
        starts.append(at)
        at += len(part)

    def shingles(rows: list[int]) -> dict[int, frozenset]:
        wanted: dict[int, list[int]] = {}
        for row in rows:  # the partition of each row, and its row there
            part = max(k for k, s in enumerate(starts) if s <= row and len(keys[k]))
            wanted.setdefault(part, []).append(row - starts[part])
        futures = {k: client.submit(_shingles, loads[k], local, pure=False)
                   for k, local in wanted.items()}
        return {starts[k] + i: sets for k, f in futures.items()
                for i, sets in f.result().items()}

    pairs = duplicates_pairs_from_keys(whole, near=near, shingles=shingles)
    dropped = duplicates_drop(whole, dedupe=dedupe, near=near, pairs=pairs)
    gone = set(dropped["doc_id"].astype(str))
    drops = [[d for d in part["doc_id"].astype(str) if d in gone] for part in keys]
    return dropped.to_dict("records"), drops


def write_part(table: pd.DataFrame, folder: str, file: str) -> None:
    """``table`` as a Parquet file named after the partition ``file``, in ``folder``."""
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    write_atomic(Path(folder) / Path(file).name, buffer.getvalue())


def outputs(folder: str | Path | None, dataset: str | Path) -> str | None:
    """The output folder, made, after checking that it is not inside the dataset."""
    if folder is None:
        return None
    output_check(folder, dataset)
    Path(folder).mkdir(parents=True, exist_ok=True)
    return str(Path(folder).resolve())


def with_notes(table: pd.DataFrame, mapped: MapResult) -> pd.DataFrame:
    """``table`` with the partitions' warnings (``attrs["notes"]``) and the duplicates
    dropped (``attrs["dropped"]``, records as in ``corpus.attrs["dropped"]``)."""
    table.attrs["notes"] = list(dict.fromkeys(mapped.notes))
    table.attrs["dropped"] = list(mapped.dropped)
    return table


def articles_meta(corpus: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The columns of each article that its period and group need (``doc_id``,
    ``date`` and ``columns``): the periods of the whole dataset are made from them on the
    client."""
    wanted = list(dict.fromkeys(["doc_id", "date", *columns]))
    return corpus[[c for c in wanted if c in corpus.columns]].reset_index(drop=True)


def periods_of(parts: list[pd.DataFrame], period: str, by: Sequence[str]):
    """The :class:`analysis.periods.PeriodCells` of the whole dataset, from the
    :func:`articles_meta` of its partitions (the note on articles left out is said as a
    warning, as in-process)."""
    from analysis.periods.binning import periods_assign

    meta = pd.concat(parts, ignore_index=True)
    return periods_assign(meta, period, by=list(by))
