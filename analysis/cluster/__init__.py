"""Analyses of corpora larger than memory, or on more than one machine, with Dask.

A corpus given as a *partitioned dataset* (a folder of Parquet files, each with the corpus
columns ``doc_id, outlet, date, title, text`` and any metadata, as ``discourse import -o
FOLDER/ --partition-rows N`` writes it) is analysed partition by partition on the workers
of a :class:`distributed.Client`: each worker reads its partition itself (the corpus
never passes through the client), tokenises it and finds its frames and tone; the small
count tables are summed across partitions, and the statistics are computed on the client
from the summed counts with the same functions as the in-process path
(:class:`analysis.vocabulary.TermCounts`, :class:`analysis.dictionaries.FrameTallies`,
:func:`analysis.sentiment.aggregate.sentiment_from_articles`,
:func:`analysis.timeline.timeline_from_articles`).

- :mod:`.dataset`: listing and checking the partitions, reading one partition,
- :mod:`.scheduler`: where the work runs (``"local"``: a ``LocalCluster`` on this
  machine; ``"tcp://HOST:PORT"``: an existing scheduler), a small registry,
- :mod:`.mapping`: each partition read and analysed once on a worker, duplicates
  decided on the client,
- :mod:`.compute`: the map and reduce steps of frequencies, keyness and frames,
- :mod:`.tone`: those of the tone and the timeline.
"""

from analysis.cluster.compute import (
    ClusterFrames,
    cluster_counts,
    cluster_frames,
    cluster_frequency,
    cluster_keyness,
)
from analysis.cluster.dataset import (
    ClusterError,
    dataset_load,
    dataset_partitions,
    partition_load,
)
from analysis.cluster.scheduler import SCHEDULERS, scheduler_client
from analysis.cluster.tone import cluster_sentiment, cluster_timeline

__all__ = [
    "ClusterError",
    "ClusterFrames",
    "SCHEDULERS",
    "cluster_counts",
    "cluster_frames",
    "cluster_frequency",
    "cluster_keyness",
    "cluster_sentiment",
    "cluster_timeline",
    "dataset_load",
    "dataset_partitions",
    "partition_load",
    "scheduler_client",
]
