"""The partitioned dataset: a folder of Parquet files, one partition each.

Every partition has the corpus columns (``text``; ``doc_id``, ``outlet``, ``date``,
``title`` when present, or the columns named by the ``*_column`` options) and any
metadata, as one table file that :func:`analysis.corpus.corpus_load` reads. Partitions
are taken in the order of their file names; an article's ``doc_id`` must be unique across
the whole dataset (without an id column it is ``<file stem>-<row>``, unique already). A
partition without rows is allowed (it adds nothing).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis.cluster.checked import checked_load
from analysis.corpus import CorpusError, corpus_load
from analysis.corpus.options import CorpusOptions
from analysis.corpus.readers.base import CORE_COLUMNS

__all__ = ["ClusterError", "dataset_partitions", "partition_load", "dataset_load",
           "partition_need", "memory_enough", "WORKER_BYTES", "BYTES_PER_TEXT_BYTE"]

#: What a worker process takes before it holds any partition (Python, pandas, pyarrow,
#: Dask and the toolkit's modules, measured at about 140 MiB, with room to spare).
WORKER_BYTES = 256 * 2**20
#: What a worker holds per byte of a partition's data (uncompressed): the table, its
#: sentences and tokens (one row of a dozen columns per five or six characters of text).
BYTES_PER_TEXT_BYTE = 24

#: The options of :func:`analysis.corpus.corpus_load` that apply to one partition.
PARTITION_OPTIONS = CorpusOptions.PER_FILE


class ClusterError(ValueError):
    """A problem with a partitioned dataset, a scheduler or a worker: a one-line message
    naming the file or address and what to do."""


def dataset_partitions(folder: str | Path, *, text_column: str | None = None) -> list[Path]:
    """The Parquet files of the dataset ``folder``, sorted by name, after checking each
    one's schema (its footer only, not its rows): it must be a Parquet file and have the
    text column (``text_column``, default ``text``). Raises :class:`ClusterError` naming
    the folder or file.

    >>> import tempfile
    >>> dataset_partitions(tempfile.mkdtemp())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.cluster.dataset.ClusterError: ...: holds no .parquet files; ...
    """
    import pyarrow.parquet as pq

    path = Path(folder).expanduser()
    if not path.is_dir():
        raise ClusterError(
            f"{path}: {'does not exist' if not path.exists() else 'is not a folder'}; with "
            "a scheduler, give a folder of Parquet files (discourse import SOURCE -o "
            "FOLDER/ --partition-rows N makes one)")
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".parquet")
    if not files:
        raise ClusterError(f"{path}: holds no .parquet files; make a partitioned dataset "
                           "with discourse import SOURCE -o FOLDER/ --partition-rows N")
    text = text_column or "text"
    for file in files:
        try:
            names = pq.read_schema(file).names
        except Exception as exc:  # noqa: BLE001 - any reason a footer cannot be read
            raise ClusterError(f"{file}: cannot be read as Parquet ({_short(exc)}); replace "
                               "the file or remove it from the folder") from None
        if text not in names:
            raise ClusterError(
                f"{file}: has no column {text!r} (its columns: {', '.join(names)}); name "
                "the text column with --text-column (text_column=), or write the partition "
                "anew with discourse import")
    return files


def partition_need(path: str | Path) -> int:
    """About the bytes a worker needs to analyse the partition ``path``:
    :data:`WORKER_BYTES` plus :data:`BYTES_PER_TEXT_BYTE` per byte of its data as its
    Parquet footer gives it (uncompressed; the rows are not read)."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    data = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    return WORKER_BYTES + BYTES_PER_TEXT_BYTE * data


def memory_enough(partitions: list[Path], memory_limit: int, *, shown: str) -> None:
    """Raise :class:`ClusterError` when a worker of ``memory_limit`` bytes (``shown`` as
    the user wrote it) cannot hold the largest of ``partitions``: such a worker would be
    restarted by its nanny again and again, and the run would never end."""
    if not partitions:
        return
    largest = max(partitions, key=partition_need)
    need = partition_need(largest)
    if memory_limit < need:
        raise ClusterError(
            f"--memory-limit {shown} is below what a worker needs for the largest partition, "
            f"{largest} (about {need / 2**20:.0f} MiB: the worker itself and the partition's "
            f"tokens); give --memory-limit {-(-need // 2**20)}MiB or more, or write smaller "
            "partitions (discourse import --partition-rows N)")


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def partition_load(path: str | Path, **options) -> tuple[pd.DataFrame, list[str]]:
    """One partition as :func:`analysis.corpus.corpus_load` reads a table file (the same
    columns, checks and normalisation; ``options`` are its ``*_column``, ``encoding`` and
    ``skip_invalid``), and the warnings it gave (text, each naming the file). A partition
    without rows gives an empty corpus. A partition read and checked before (the same
    file, options and checks) is read back from the token store's folder
    (:mod:`analysis.cluster.checked`). Raises :class:`ClusterError` naming the file."""
    import pyarrow.parquet as pq

    unknown = sorted(set(options) - set(PARTITION_OPTIONS))
    if unknown:
        raise ClusterError(f"options not available per partition: {', '.join(unknown)}")
    path = Path(path)
    try:
        rows = pq.read_metadata(path).num_rows
    except Exception as exc:  # noqa: BLE001
        raise ClusterError(f"{path}: cannot be read as Parquet ({_short(exc)}); replace "
                           "the file or remove it from the folder") from None
    if rows == 0:
        empty = pd.DataFrame({c: pd.Series(dtype="string") for c in CORE_COLUMNS})
        empty.attrs["source"] = str(path)
        return empty, []
    return checked_load(path, options, lambda: _partition_read(path, options))


def _partition_read(path: Path, options: dict) -> tuple[pd.DataFrame, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            corpus = corpus_load(path, **options)
        except CorpusError as exc:
            errors = [p for p in exc.problems if p.severity == "error"] or exc.problems
            more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
            raise ClusterError(f"{errors[0]}{more}; run discourse check {path} to see "
                               "every problem") from None
    return corpus, [str(w.message) for w in caught]


def dataset_load(folder: str | Path, **options) -> pd.DataFrame:
    """The whole dataset in memory, its partitions one after the other (for a dataset
    that fits: the in-process path, and to compare with it). ``attrs["notes"]`` holds
    the warnings of the partitions. Raises :class:`ClusterError` when an id occurs in
    two partitions."""
    parts, notes = [], []
    for file in dataset_partitions(folder, text_column=options.get("text_column")):
        corpus, said = partition_load(file, **options)
        parts.append(corpus)
        notes += said
    whole = pd.concat(parts, ignore_index=True)
    whole = whole.astype({c: "string" for c in whole.columns})
    duplicated = whole["doc_id"].duplicated()
    if duplicated.any():
        raise ClusterError(f"{folder}: the id {whole.loc[duplicated, 'doc_id'].iloc[0]!r} "
                           "occurs in more than one article; give every article its own id")
    whole.attrs = {"source": str(folder), "notes": notes}
    return whole
