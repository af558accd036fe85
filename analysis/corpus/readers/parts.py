"""A folder of table parts: one corpus split over several Parquet files (as ``discourse import
--partition-rows`` writes it), or over several CSV/TSV or JSONL files.

The folder holds nothing else: no ``.txt`` file, no ``metadata.csv``, no subfolder, and files
of one kind only (``.parquet``; ``.csv`` and ``.tsv``; or ``.jsonl`` and ``.ndjson``). Each
part is read by the reader of its kind, exactly as that file alone would be read (the same
columns, checks and messages, naming the part and its row or line), the parts in the order
of their names: the articles are those of the parts one after the other. Without an id
column an article's ``doc_id`` is ``<part's stem>-<row>``, as for one file (and as on a
cluster, :mod:`analysis.cluster.dataset`).

A dataset larger than :data:`CLUSTER_ADVISED_BYTES` on disk is still read, with a warning
that names its size and advises a Dask cluster (``--scheduler``), which never holds the
whole corpus in one process.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus.problems import Problem
from analysis.corpus.readers import delimited, jsonl, parquet
from analysis.corpus.readers.base import Entry, ReadOptions, ReadResult

__all__ = ["CLUSTER_ADVISED_BYTES", "table_parts", "read"]

#: Above this many bytes of part files (about 50 million words as Parquet, some 20 million
#: as CSV) a warning advises analysing the dataset on a Dask cluster.
CLUSTER_ADVISED_BYTES = 200 * 2**20

_KINDS = {
    ".parquet": ("Parquet", parquet.read),
    ".csv": ("CSV", delimited.read),
    ".tsv": ("CSV", delimited.read),
    ".jsonl": ("JSONL", jsonl.read),
    ".ndjson": ("JSONL", jsonl.read),
}


def table_parts(folder: Path) -> list[Path] | None:
    """The part files of ``folder`` in name order, when it is a folder of table parts (see
    the module docstring), else None.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("part-1.parquet", "part-0.parquet"):
    ...     _ = (folder / name).write_bytes(b"PAR1")
    >>> [p.name for p in table_parts(folder)]
    ['part-0.parquet', 'part-1.parquet']
    >>> _ = (folder / "notes.txt").write_text("x")
    >>> table_parts(folder) is None
    True
    """
    files = []
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue
        if not path.is_file():
            return None  # a subfolder: a folder of articles
        files.append(path)
    kinds = {_KINDS[p.suffix.lower()][0] if p.suffix.lower() in _KINDS else None
             for p in files}
    if len(kinds) != 1 or None in kinds or any(p.name == "metadata.csv" for p in files):
        return None
    return sorted(files, key=lambda p: p.name)


def read(folder: Path, options: ReadOptions) -> ReadResult:
    """The articles of every part of ``folder``, one part after the other, and the problems
    of each part (naming it), plus a warning when the dataset is larger than
    :data:`CLUSTER_ADVISED_BYTES`."""
    parts = table_parts(folder) or []
    entries: list[Entry] = []
    problems: list[Problem] = []
    for part in parts:
        found, said = _KINDS[part.suffix.lower()][1](part, options)
        entries += found
        problems += said
    size = sum(p.stat().st_size for p in parts)
    if size > CLUSTER_ADVISED_BYTES:
        problems.append(Problem(
            str(folder), f"holds {len(parts)} parts of {size / 2**20:,.0f} MiB in all, more "
            f"than {CLUSTER_ADVISED_BYTES // 2**20} MiB: it is read into memory as one corpus "
            "(every analysis holds all of it at once).",
            "If memory runs short, analyse it on a Dask cluster instead: --scheduler local "
            "(or tcp://HOST:PORT), in Python the functions of analysis.cluster.",
            severity="warning"))
    return entries, problems
