"""The notebooks' heavy analyses, in the notebook's process or on a Dask cluster.

With the notebook parameter ``scheduler`` (``discourse figures --scheduler WHERE``, or
``$DISCOURSE_SCHEDULER``) set to ``"local"`` (a cluster on this machine) or
``"tcp://HOST:PORT"`` (a running scheduler), the frequencies, keyness, frame matches,
tone and timeline of a notebook are computed on the cluster's workers by the functions of
:mod:`analysis.cluster`; without it (the default) by the in-process functions, exactly as
a notebook would call them. Both give the same tables.

On a cluster, the notebook's corpus (as :func:`analysis.notebooks.notebook_setup` loaded
it, its groups already limited to ``max_groups``) is written once as a partitioned
dataset of :data:`PARTITION_ROWS` articles a file into ``<cache folder>/partitions/``
(``$DISCOURSE_CACHE_DIR``, else the user's cache folder), named by the fingerprint of
its rows: every notebook of a run, and every later run on the same corpus, uses the same
partitions, so the workers read their tokens from the token store
(:mod:`analysis.cluster.store`) after the first analysis. On a cluster of several
machines, that folder must be on a file system they share. One client per scheduler is
kept for the notebook's kernel and closed when it ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["PARTITION_ROWS", "notebook_client", "notebook_dataset", "notebook_frequency",
           "notebook_keyness", "notebook_matches", "notebook_sentiment", "notebook_timeline"]

#: Articles per partition of a notebook's corpus on a cluster (about 750,000 tokens at
#: 750 tokens an article).
PARTITION_ROWS = 1_000

_CLIENTS: dict[str, Any] = {}


def notebook_client(setup):
    """The :class:`distributed.Client` of ``setup.scheduler`` (made on first use and kept
    until the kernel ends), or None without a scheduler."""
    scheduler = setup.parameters.get("scheduler")
    if scheduler is None:
        return None
    if scheduler not in _CLIENTS:
        from analysis.cluster import scheduler_client

        manager = scheduler_client(scheduler)
        _CLIENTS[scheduler] = manager.__enter__()
        atexit.register(manager.__exit__, None, None, None)
    return _CLIENTS[scheduler]


def _cache_base() -> Path:
    from analysis.tokens.store import CACHE_DIR_ENV

    base = os.environ.get(CACHE_DIR_ENV, "").strip()
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("dutch-discourse")
    return Path(base).expanduser().resolve()


def notebook_dataset(setup) -> Path:
    """The notebook's corpus as a partitioned dataset (see the module's description), made
    when it is not there yet; written into a temporary folder and renamed into place, so a
    second notebook never reads a half-written dataset."""
    from analysis.corpus import corpus_fingerprint
    from analysis.io import output_check

    corpus = setup.corpus
    key = f"{corpus_fingerprint(corpus)[:24]}-{PARTITION_ROWS}"
    folder = _cache_base() / "partitions" / key
    if folder.is_dir():
        return folder
    output_check(folder.parent, setup.parameters.get("corpus_path"))
    tmp = folder.with_name(f".tmp-{key}-{uuid.uuid4().hex}")
    tmp.mkdir(parents=True)
    try:
        for number, start in enumerate(range(0, max(len(corpus), 1), PARTITION_ROWS)):
            part = corpus.iloc[start:start + PARTITION_ROWS]
            part.to_parquet(tmp / f"part-{number:05d}.parquet", index=False)
        try:
            os.rename(tmp, folder)
        except OSError:
            if not folder.is_dir():
                raise
    finally:  # left only when another kernel made the dataset meanwhile, or on an error
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def _where(setup):
    client = notebook_client(setup)
    return (None, None) if client is None else (client, notebook_dataset(setup))


def notebook_frequency(setup, *, min_count: int = 1, **token_options) -> pd.DataFrame:
    """:func:`analysis.vocabulary.textstat_frequency` of the notebook's corpus by
    ``setup.by`` (the tokens of :func:`analysis.tokens.tokens_corpus` with
    ``token_options``); on the cluster :func:`analysis.cluster.cluster_frequency`."""
    client, dataset = _where(setup)
    if client is not None:
        from analysis.cluster import cluster_frequency

        return cluster_frequency(dataset, client=client, by=setup.by, min_count=min_count,
                                 token_options=token_options)
    from analysis.tokens import tokens_corpus
    from analysis.vocabulary import textstat_frequency

    corpus = setup.corpus
    return textstat_frequency(tokens_corpus(corpus, **token_options), by=setup.by,
                              corpus=corpus, min_count=min_count)


def notebook_keyness(setup, *, min_count: int = 5, adjust: str = "bh",
                     **token_options) -> pd.DataFrame:
    """:func:`analysis.vocabulary.textstat_keyness` of every group of ``setup.by`` against
    the rest; on the cluster :func:`analysis.cluster.cluster_keyness`."""
    client, dataset = _where(setup)
    if client is not None:
        from analysis.cluster import cluster_keyness

        return cluster_keyness(dataset, client=client, by=setup.by, min_count=min_count,
                               adjust=adjust, token_options=token_options)
    from analysis.tokens import tokens_corpus
    from analysis.vocabulary import textstat_keyness

    corpus = setup.corpus
    return textstat_keyness(tokens_corpus(corpus, **token_options), by=setup.by,
                            corpus=corpus, min_count=min_count, adjust=adjust)


def notebook_matches(setup, frames=None) -> pd.DataFrame:
    """:func:`analysis.dictionaries.frames_match` of the notebook's corpus with ``frames``
    (a dictionary, its file, or None: the shipped one); on the cluster
    :func:`analysis.cluster.tables.cluster_matches`."""
    client, dataset = _where(setup)
    if client is not None:
        from analysis.cluster.tables import cluster_matches

        return cluster_matches(dataset, client=client, frames=frames)
    from analysis.dictionaries import frames_match

    return frames_match(setup.corpus, frames)


def notebook_sentiment(setup, method: str = "lexicon", *,
                       exclude: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`analysis.sentiment.sentiment_corpus` of the notebook's corpus (``exclude``:
    frame matches whose words are left out); on the cluster
    :func:`analysis.cluster.tables.cluster_sentences`."""
    client, dataset = _where(setup)
    if client is not None:
        from analysis.cluster.tables import cluster_sentences

        return cluster_sentences(dataset, client=client, method=method, exclude=exclude)
    from analysis.sentiment import sentiment_corpus

    return sentiment_corpus(setup.corpus, method=method, exclude=exclude)


def notebook_timeline(setup, *, period: str, frames=None, matches: pd.DataFrame | None = None,
                      measures=("frames", "tone")) -> pd.DataFrame:
    """:func:`analysis.timeline.timeline` of the notebook's corpus by ``setup.by``, with
    the frame ``matches`` (in-process) made with ``frames``; on the cluster
    :func:`analysis.cluster.cluster_timeline` with ``frames`` (the workers find the
    matches of their partitions, read from the token store)."""
    client, dataset = _where(setup)
    if client is not None:
        from analysis.cluster import cluster_timeline

        return cluster_timeline(dataset, client=client, period=period, by=setup.by,
                                measures=list(measures), frames=frames)
    from analysis.timeline import timeline

    return timeline(setup.corpus, period=period, by=setup.by, matches=matches,
                    measures=list(measures))
