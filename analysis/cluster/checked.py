"""Checked partitions kept on disk: a partition read and checked once is read back whole.

Reading a partition (:func:`analysis.cluster.dataset.partition_load`) checks every article
as :func:`analysis.corpus.corpus_load` does: the columns, the ids, the dates, the
invisible characters, the language of every text. With the token store, a repeated
analysis reads a partition's tokens instead of making them, and the reading and checking
become most of what is left; so the checked partition (its articles, their ``attrs`` and
the warnings reading it gave) is kept too, beside the token store:

- **Where.** ``<cache folder>/checked/``: the ``checked`` folder beside the token
  store's ``tokens`` folder (:func:`analysis.tokens.store.tokenstore_settings`, the client's
  store on the workers of a cluster). Switched off with the store (``DISCOURSE_NO_CACHE=1``,
  ``--no-cache``).
- **Key.** The partition's path (as given, which its warnings name, and resolved), size,
  modification and change times (``mtime_ns``, ``ctime_ns``) and inode, the corpus
  options, the toolkit version and the sizes and times of the modules and data files that
  read and check a corpus, and today's date (an article dated after today is warned
  about). A partition that changes, or a new version of the checks, finds no entry; the
  entry of the partition's earlier state is removed when the new one is written.
- **What.** One Parquet file per entry: the articles, with the ``attrs`` and the warnings
  as JSON in the file's metadata. It is written through a temporary file renamed into
  place (:func:`analysis.io.write_atomic`), so two workers writing the same entry leave one
  whole file; an entry that cannot be read is removed and the partition read again. A
  folder that cannot be written only means the partitions are read each time.
- **Bounded.** After each write the least recently used entries are removed until the
  folder holds at most the token store's size limit. ``discourse cache info`` counts the
  entries, ``discourse cache clear`` removes them with the token store.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.corpus.problems import Problem
from analysis.tokens.store import tokenstore_settings

__all__ = ["CHECKED_FORMAT", "checked_folder", "checked_key", "checked_load", "checked_size",
           "checked_clear"]

#: The layout of an entry; a change makes every entry stale.
CHECKED_FORMAT = 1
_META = b"discourse_checked"
_PROBLEM = "__problem__"


def checked_folder() -> Path | None:
    """The folder of the checked partitions (``partitions`` beside the token store's
    ``tokens`` folder), or None when the store is off.

    >>> import os
    >>> saved = os.environ.get("DISCOURSE_CACHE_DIR")
    >>> os.environ["DISCOURSE_CACHE_DIR"] = "/tmp/discourse-cache-example"
    >>> checked_folder().as_posix()
    '/tmp/discourse-cache-example/checked'
    >>> if saved is None:
    ...     del os.environ["DISCOURSE_CACHE_DIR"]
    ... else:
    ...     os.environ["DISCOURSE_CACHE_DIR"] = saved
    """
    folder = tokenstore_settings().folder
    return None if folder is None else Path(folder).parent / "checked"


@lru_cache(maxsize=1)
def _code() -> dict[str, object]:
    """The toolkit version and the size and time of every module and data file that reads
    and checks a corpus (so an entry made by other checks is not taken)."""
    from analysis import __version__
    from analysis.paths import DATA_DIR

    package = Path(__file__).resolve().parents[1]
    files = [*sorted((package / "corpus").rglob("*.py")),
             *sorted((package / "text").rglob("*.py")),
             package / "cluster" / "dataset.py", package / "cluster" / "checked.py",
             *sorted((DATA_DIR / "languages").glob("*.txt"))]
    stamps = []
    for file in files:
        with contextlib.suppress(OSError):
            stat = file.stat()
            stamps.append([file.name, stat.st_size, stat.st_mtime_ns])
    return {"version": __version__, "code": stamps}


def _digest(parts: dict, size: int) -> str:
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


def checked_key(path: str | Path, options: dict, *, today: str | None = None) -> str | None:
    """The entry's file name for the partition ``path`` read with ``options`` (see the
    module docstring), or None when the file cannot be looked at: the digest of the path
    and options (shared by every state of the file), then that of the whole key."""
    given, path = str(path), Path(path).resolve()
    try:
        stat = path.stat()
    except OSError:
        return None
    read = {"path": str(path), "given": given, "options": options}
    state = {"format": CHECKED_FORMAT, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
             "ctime_ns": stat.st_ctime_ns, "inode": stat.st_ino,
             "today": today or _dt.date.today().isoformat(), **_code()}
    return f"{_digest(read, 16)}-{_digest({**read, **state}, 24)}"


def _encode(value):
    if isinstance(value, Problem):
        return {_PROBLEM: asdict(value)}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {_PROBLEM}:
            return Problem(**value[_PROBLEM])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _read(file: Path) -> tuple[pd.DataFrame, list[str]] | None:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(file)
        meta = json.loads(table.schema.metadata[_META])
        corpus = table.to_pandas()
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged entry, whatever pyarrow says: read anew
        with contextlib.suppress(OSError):
            file.unlink()
        return None
    corpus.attrs = _decode(meta["attrs"])
    with contextlib.suppress(OSError):
        os.utime(file)  # its last use, for pruning
    return corpus, list(meta["notes"])


def _write(folder: Path, name: str, corpus: pd.DataFrame, notes: list[str], *,
           source: Path) -> None:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from analysis.io import OutputError, OutputInCorpusError, output_check, write_atomic

    encoded = _encode(corpus.attrs)
    try:
        meta = json.dumps({"attrs": encoded, "notes": list(notes)})
    except (TypeError, ValueError):
        return  # attrs that JSON cannot hold: not kept
    if _decode(json.loads(meta)["attrs"]) != corpus.attrs:
        return
    bare = corpus.copy(deep=False)
    bare.attrs = {}
    table = pa.Table.from_pandas(bare, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           _META: meta.encode("utf-8")})
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="none")
    try:
        output_check(folder / f"{name}.parquet", source.parent)  # never into the dataset
        write_atomic(folder / f"{name}.parquet", buffer.getvalue())
    except (OutputError, OutputInCorpusError):
        return  # a folder that cannot be written: the partition is read each time
    prefix = name.split("-")[0]
    with contextlib.suppress(OSError):
        _prune(folder, keep=name, prefix=prefix)


def _prune(folder: Path, *, keep: str, prefix: str) -> None:
    """Remove the entries of the partition's earlier states (``prefix``: the same file
    and options), then the least recently used entries until the folder holds at most
    the store's size limit."""
    limit = tokenstore_settings().max_bytes
    entries = []
    for file in folder.glob("*.parquet"):
        if file.stem == keep:
            continue
        if file.stem.split("-")[0] == prefix:
            file.unlink(missing_ok=True)
            continue
        with contextlib.suppress(OSError):
            stat = file.stat()
            entries.append((stat.st_mtime, stat.st_size, file))
    total = sum(size for _, size, _ in entries)
    with contextlib.suppress(OSError):
        total += (folder / f"{keep}.parquet").stat().st_size
    for _, size, file in sorted(entries):
        if total <= limit:
            break
        file.unlink(missing_ok=True)
        total -= size


def checked_load(path: str | Path, options: dict,
                 load: Callable[[], tuple[pd.DataFrame, list[str]]]
                 ) -> tuple[pd.DataFrame, list[str]]:
    """``load()`` (the partition ``path`` read and checked with ``options``: its articles
    and warnings), or what it gave before for the same partition, options and checks (see
    the module docstring). With the store off, ``load()``."""
    folder = checked_folder()
    name = None if folder is None else checked_key(path, options)
    if name is None:
        return load()
    found = _read(folder / f"{name}.parquet")
    if found is not None:
        return found
    corpus, notes = load()
    if checked_key(path, options) == name:  # not changed while it was read
        _write(folder, name, corpus, notes, source=Path(path).resolve())
    return corpus, notes


def checked_size(folder: Path) -> tuple[int, int]:
    """The number of entries in ``folder`` (a :func:`checked_folder`) and their bytes.

    >>> import tempfile
    >>> checked_size(Path(tempfile.mkdtemp()) / "checked")
    (0, 0)
    """
    sizes = []
    for file in folder.glob("*.parquet") if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            sizes.append(file.stat().st_size)
    return len(sizes), sum(sizes)


def checked_clear(folder: Path) -> tuple[int, int]:
    """Remove every entry of ``folder`` (and what a writer left behind); returns the
    number of entries removed and their bytes."""
    count, size = checked_size(folder)
    for file in folder.glob("*.parquet") if folder.is_dir() else ():
        file.unlink(missing_ok=True)
    for file in folder.glob(".*.tmp") if folder.is_dir() else ():
        file.unlink(missing_ok=True)
    return count, size
