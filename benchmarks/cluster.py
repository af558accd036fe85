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
  could hold as one table: proof that the corpus need not fit in memory,
- ``cluster-store``: the frequency table of the corpus in :data:`STORE_PARTS` partitions on
  a ``LocalCluster``, twice: first with an empty token store (the workers tokenise every
  partition and store it), then again (they read every partition's tokens from the
  store). Its ``extra`` holds both runs' seconds, their ratio, whether the repeated run is
  at least :data:`STORE_SPEEDUP` times faster, and whether the table equals the
  in-process table of the same rows (checked after the timed runs).

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
#: The partitions of the cluster-store stage, and how much faster its repeated run is to be.
STORE_PARTS = 4
STORE_SPEEDUP = 3.0


def partitioned_copy(path: str | Path, *, rows: int | None = None,
                     parts: int | None = None) -> Path:
    """The Parquet file ``path`` as a partitioned dataset beside it (``<stem>-parts/``,
    made once): files of ``rows`` articles (default: about 1,000,000 tokens each, at the
    synthetic corpora's 750 tokens an article), written one row group at a time; or, with
    ``parts``, that many files of about equal size (``<stem>-<parts>parts/``)."""
    import pyarrow.parquet as pq

    path = Path(path)
    if parts is not None:
        rows = -(-pq.read_metadata(path).num_rows // parts)
        folder = path.with_name(f"{path.stem}-{parts}parts")
    else:
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


# --------------------------------------------------------------------------- the token store


def _warm_tokens() -> None:
    """Tokenise a sentence with the store off: the tokenizer's modules imported on the
    worker, so the first timed run does not pay for them (a session keeps its cluster)."""
    import pandas as pd

    from analysis.tokens import tokens_cache_clear, tokens_corpus
    from analysis.tokens.store import StoreSettings, tokenstore_using

    with tokenstore_using(StoreSettings(None, 0)):
        tokens_corpus(pd.DataFrame({"doc_id": ["w"], "outlet": ["w"],
                                    "text": ["Een zin. Nog een zin."]}), progress=False)
    tokens_cache_clear()


def store_setup(ctx) -> dict:
    """A new, empty token store for this run (``$DISCOURSE_CACHE_DIR``), the corpus in
    :data:`STORE_PARTS` partitions, and a warm cluster."""
    import atexit
    import shutil
    import tempfile

    cache = Path(tempfile.mkdtemp(prefix="discourse-bench-cluster-store-"))
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    os.environ["DISCOURSE_CACHE_DIR"] = str(cache)
    os.environ.pop("DISCOURSE_NO_CACHE", None)
    state = _cluster_setup(partitioned_copy(ctx["path"], parts=STORE_PARTS), ctx["tokens"])
    state["client"].run(_warm_tokens)
    state["cache"] = cache
    return state


def store_run(state: dict) -> dict:
    """The frequency table on the cluster with an empty store, then again from it."""
    import time

    from analysis.cluster import cluster_frequency

    client, folder = state["client"], state["folder"]
    seconds, tables = [], []
    for _ in range(2):
        started = time.perf_counter()
        tables.append(cluster_frequency(folder, client=client, by="outlet"))
        seconds.append(time.perf_counter() - started)
    state["table"] = tables[0]
    entries = [p for p in (state["cache"] / "tokens").iterdir()
               if not p.name.startswith(".")]
    ratio = seconds[0] / seconds[1]
    print(f"cluster-store: first run {seconds[0]:.2f} s, repeated run {seconds[1]:.2f} s "
          f"({ratio:.1f}x; target >= {STORE_SPEEDUP:g}x: "
          f"{'met' if ratio >= STORE_SPEEDUP else 'NOT met'}); {len(entries)} store entries",
          flush=True)
    return {"partitions": state["partitions"], "first_seconds": round(seconds[0], 3),
            "repeat_seconds": round(seconds[1], 3), "repeat_speedup": round(ratio, 2),
            "store_entries": len(entries), "frequency_rows": len(tables[0]),
            "same_repeated": bool(tables[0].equals(tables[1]))}


def store_check(state: dict, extra: dict) -> dict:
    """Whether the cluster's table equals the in-process table of the same rows (the
    dataset loaded whole, tokenised without the store)."""
    import pandas as pd

    from analysis.cluster import dataset_load
    from analysis.tokens import tokens_corpus
    from analysis.tokens.store import StoreSettings, tokenstore_using
    from analysis.vocabulary import textstat_frequency

    corpus = dataset_load(state["folder"])
    with tokenstore_using(StoreSettings(None, 0)):
        expected = textstat_frequency(tokens_corpus(corpus, progress=False), by="outlet",
                                      corpus=corpus)
    try:
        pd.testing.assert_frame_equal(state["table"].reset_index(drop=True),
                                      expected.reset_index(drop=True))
        same = True
    except AssertionError:
        same = False
    print(f"cluster-store: the table equals the in-process table: {'yes' if same else 'NO'}",
          flush=True)
    return {**extra, "same_in_process": same}
