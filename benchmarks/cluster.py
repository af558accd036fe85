"""The cluster stages of the benchmark (select them with ``--stages``; none runs by default):

- ``cluster-inprocess``: load the corpus, tokenise it, frequencies, keyness (each outlet
  against the rest) and frame counts, all in this process: the reference,
- ``cluster-pipeline``: the same tables from the same corpus split into partitions of about
  a million tokens (:func:`partitioned_copy`, cached), on a ``LocalCluster`` of one worker
  per core, each of one thread and at most ``MEMORY_LIMIT``: counted once
  (:func:`analysis.cluster.cluster_counts`), frequencies and keyness from the sums, frames
  in a second pass. Its row's ``ours/peer`` is the speed against ``cluster-inprocess``,
- ``cluster-50m``: the same on the partitioned synthetic dataset of 50 million tokens
  (:func:`benchmarks.synthetic.synthetic_dataset`), more than the workers' memory together
  could hold as one table: proof that the corpus need not fit in memory.

The cluster stages report each worker's peak memory (RSS, sampled every 0.5 s on the
workers) as ``worker_peak_mib`` and the workers' limit; the cluster is started in the
untimed setup. The tables are checked against each other where both are made: the
in-process and cluster results on the same corpus are equal (see tests/test_cluster.py;
here the row counts are reported).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

#: The memory limit of each worker of the cluster stages.
MEMORY_LIMIT = "2GiB"
#: Size of the 'larger than memory' dataset.
LARGE_TOKENS = 50_000_000


def partitioned_copy(path: str | Path, *, rows: int | None = None) -> Path:
    """The Parquet file ``path`` as a partitioned dataset beside it (``<stem>-parts/``,
    made once): files of ``rows`` articles (default: about 1,000,000 tokens each, at the
    synthetic corpora's 750 tokens an article), written one row group at a time."""
    import pyarrow.parquet as pq

    path = Path(path)
    rows = rows or 1_330
    folder = path.with_name(f"{path.stem}-parts")
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(exist_ok=True)
    source = pq.ParquetFile(path)
    number = 0
    for batch in source.iter_batches(batch_size=rows):
        target = folder / f"part-{number:05d}.parquet"
        tmp = target.with_suffix(".parquet.tmp")
        pq.write_table(__import__("pyarrow").Table.from_batches([batch]), tmp,
                       compression="zstd")
        os.replace(tmp, target)
        number += 1
    done.write_text(f"{number}\n", encoding="utf-8")
    return folder


def _rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


class _WorkerMemory(threading.Thread):
    """The highest RSS of every worker, polled from the client."""

    def __init__(self, client, interval: float = 0.5):
        super().__init__(daemon=True)
        self.client, self.interval = client, interval
        self.peak: dict[str, int] = {}
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                for worker, rss in self.client.run(_rss).items():
                    self.peak[worker] = max(self.peak.get(worker, 0), rss)
            except Exception:  # noqa: BLE001 - a worker restarting; keep sampling
                pass
            self.stop.wait(self.interval)


def _tables_in_process(path: Path) -> dict:
    from analysis.corpus import corpus_load
    from analysis.dictionaries import frames_count, frames_match
    from analysis.tokens import tokens_corpus
    from analysis.vocabulary import textstat_frequency, textstat_keyness

    corpus = corpus_load(path)
    tokens = tokens_corpus(corpus, progress=False)
    freq = textstat_frequency(tokens)
    key = textstat_keyness(tokens)
    frames = frames_count(frames_match(corpus), corpus)
    return {"frequency_rows": len(freq), "keyness_rows": len(key), "frames_rows": len(frames)}


def inprocess_setup(ctx) -> Path:
    return ctx["path"]


def inprocess_run(path: Path) -> dict:
    return _tables_in_process(path)


def _warm() -> None:
    import analysis.cluster.compute  # noqa: F401 - what every task needs, imported once
    import analysis.cluster.tone  # noqa: F401


def _cluster_setup(folder: Path, tokens: int) -> dict:
    import atexit

    from analysis.cluster import scheduler_client

    manager = scheduler_client("local", memory_limit=MEMORY_LIMIT, dashboard=False)
    client = manager.__enter__()
    atexit.register(manager.__exit__, None, None, None)  # stopped after the timed run
    client.run(_warm)  # every worker up, with the toolkit imported (as in a session)
    files = sorted(folder.glob("*.parquet"))
    return {"folder": folder, "client": client, "manager": manager, "tokens": tokens,
            "partitions": len(files)}


def pipeline_setup(ctx) -> dict:
    return _cluster_setup(partitioned_copy(ctx["path"]), ctx["tokens"])


def large_setup(ctx) -> dict:
    from benchmarks.synthetic import synthetic_dataset

    folder, info = synthetic_dataset(LARGE_TOKENS, log=lambda m: print(m, flush=True))
    state = _cluster_setup(folder, info["tokens_exact"])
    state["articles"] = info["articles"]
    return state


def cluster_run(state: dict) -> dict:
    from analysis.cluster import cluster_counts, cluster_frames
    from analysis.vocabulary import frequency_from_counts, keyness_from_counts

    client = state["client"]
    memory = _WorkerMemory(client)
    memory.start()
    try:
        counts = cluster_counts(state["folder"], client=client)
        freq = frequency_from_counts(counts, by="outlet")
        key = keyness_from_counts(counts, by="outlet")
        frames = cluster_frames(state["folder"], client=client)
    finally:
        memory.stop.set()
        memory.join()
    peaks = sorted(memory.peak.values())
    return {
        "partitions": state["partitions"],
        "workers": len(peaks),
        "memory_limit": MEMORY_LIMIT,
        "worker_peak_mib": [round(p / 2**20) for p in peaks],
        "frequency_rows": len(freq), "keyness_rows": len(key), "frames_rows": len(frames),
    }
