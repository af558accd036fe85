"""``--scheduler``, ``--workers`` and ``--memory-limit``: the commands ``frequencies``,
``keyness``, ``frames``, ``sentiment`` and ``timeline`` on a Dask cluster, for a
partitioned dataset (a folder of Parquet files; see :mod:`analysis.cluster`), with every
option they take in-process."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager

from analysis.cli.common import UserError, corpus_options, output_folder, whole_number

__all__ = ["add_cluster_arguments", "cluster_client", "cluster_refuse", "cluster_grouping",
           "cluster_corpus_options", "cluster_dedupe", "cluster_notes"]


def add_cluster_arguments(parser: argparse.ArgumentParser, *, rows: str | None = None,
                          rows_help: str = "") -> None:
    """The cluster options; ``rows`` names a folder option (``--matches-dir``) for the
    per-article table the workers write, one Parquet file per partition."""
    group = parser.add_argument_group(
        "on a Dask cluster (CORPUS: a folder of Parquet files, one partition each)")
    group.add_argument("--scheduler", metavar="WHERE", default=None,
                       help="analyse the partitions in parallel: 'local' (a cluster on this "
                       "machine, one worker per core) or tcp://HOST:PORT (a running Dask "
                       "scheduler)")
    group.add_argument("--workers", type=whole_number(1), default=None, metavar="N",
                       help="with --scheduler local: N workers (default: one per core)")
    group.add_argument("--memory-limit", default="2GiB", metavar="SIZE",
                       help="with --scheduler local: the memory of each worker (default: "
                       "2GiB)")
    if rows:
        group.add_argument(f"--{rows}", metavar="DIR", default=None, type=output_folder,
                           help=rows_help)


def _given(dest: str, value) -> bool:
    if value is None or value is False:
        return False
    if dest == "dedupe":
        return value != "none"
    if dest == "near":
        return value != 1.0
    return True


def cluster_refuse(args: argparse.Namespace, **options: str) -> None:
    """With ``--scheduler``: refuse each option of ``options`` given (dest: why). Without
    it: refuse the cluster options, and each option of ``options`` given (dest: what to
    give instead), which then are the options that need a scheduler."""
    for dest, why in options.items():
        if _given(dest, getattr(args, dest, None)):
            flag = "--" + dest.replace("_", "-")
            if args.scheduler:
                raise UserError(f"{flag} is not available with --scheduler: {why}")
            raise UserError(f"{flag} goes with --scheduler; {why}")
    if args.scheduler is None and (args.workers is not None or args.memory_limit != "2GiB"):
        raise UserError("--workers and --memory-limit apply with --scheduler local")


def cluster_grouping(args: argparse.Namespace, default: str | None = "outlet"):
    """The ``by`` columns of ``--by`` and ``--period`` (a name, a list, or None), as
    :func:`analysis.cli.common.grouping_from_args` gives them in-process (each partition
    checks that it has them)."""
    period = getattr(args, "period", None)
    if args.by is None:
        columns = [] if period or default is None else [default]
    else:
        columns = [c.strip() for c in args.by.split(",") if c.strip()]
    if len(columns) > 1 and not period:
        raise UserError("several --by columns combine with --period only; give one column")
    if not columns:
        return None
    return columns[0] if len(columns) == 1 else columns


def cluster_dedupe(args: argparse.Namespace) -> dict:
    """``--dedupe`` and ``--near`` as the keyword options of the cluster functions."""
    return {"dedupe": getattr(args, "dedupe", "none"), "near": getattr(args, "near", 1.0)}


def cluster_corpus_options(args: argparse.Namespace) -> dict:
    """The column, encoding and skip options for reading each partition."""
    return corpus_options(args).per_file()


@contextmanager
def cluster_client(args: argparse.Namespace):
    """A client of ``--scheduler``; a problem with the dataset, the scheduler or a worker
    ends the command with its one-line message."""
    import analysis.cluster as cluster
    from analysis.cluster import ClusterError, dataset_partitions
    from analysis.cluster.dataset import memory_enough
    from analysis.cluster.scheduler import memory_check

    try:
        partitions = dataset_partitions(args.corpus, text_column=args.text_column)
    except ClusterError as exc:  # before any worker starts
        raise UserError(str(exc)) from None
    try:
        limit = memory_check(args.memory_limit)
    except ValueError as exc:
        raise UserError(f"--memory-limit: {exc}") from None
    if args.scheduler == "local":  # an existing cluster's workers have their own limits
        try:
            memory_enough(partitions, limit, shown=args.memory_limit)
        except ClusterError as exc:
            raise UserError(str(exc)) from None
    if args.scheduler != "local" and args.workers is not None:
        raise UserError("--workers applies to --scheduler local; an existing cluster has its "
                        "own workers")
    try:
        with cluster.scheduler_client(args.scheduler, workers=args.workers,
                                      memory_limit=args.memory_limit) as client:
            print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr)
            yield client
    except ValueError as exc:  # a ClusterError, or a scheduler address that is not one
        raise UserError(str(exc)) from None


def cluster_notes(table, args: argparse.Namespace | None = None) -> None:
    """Print the warnings the partitions gave, on stderr; with ``args``, say how many
    duplicates were dropped and write ``--dropped FILE``, as the in-process command
    does."""
    attrs = table.attrs if table is not None else {}
    for note in attrs.get("notes", []):
        print(note if ": warning: " in note else f"warning: {note}", file=sys.stderr)
    if args is not None:
        import pandas as pd

        from analysis.cli.common import write_dropped

        write_dropped(pd.DataFrame(attrs.get("dropped", [])), args)
