"""The token store: the sentences and tokens of a corpus, kept on disk between processes.

Splitting a corpus into sentences and tokens is the slowest step every analysis shares.
:mod:`analysis.tokens` keeps its result (the arrays every sentence and token table is
derived from, before any option such as lower-casing or stopwords is applied) in memory for
one process; this module keeps the same arrays on disk, as Parquet, so that the next
command or notebook kernel reads them instead of tokenising again.

- **Where.** ``<cache folder>/tokens/``, the cache folder being ``$DISCOURSE_CACHE_DIR``
  or, without it, the user's cache folder of the platform
  (``platformdirs.user_cache_dir("dutch-discourse")``, e.g. ``~/.cache/dutch-discourse``).
  ``DISCOURSE_NO_CACHE=1`` switches the store off. The command line sets both with
  ``--cache-dir DIR`` and ``--no-cache``. Nothing is ever written into a corpus folder
  (:func:`analysis.io.output_check`). Within a :func:`tokenstore_using` block the store
  given there is used instead (the client's store, on the workers of a Dask cluster).
- **What.** One entry (a folder) per key: ``sentences.parquet``, ``tokens.parquet``,
  ``types.parquet`` (the sorted vocabulary) and ``manifest.json``, which names the corpus
  (source, articles, sentences, tokens), the key's parts and the size and SHA-256 of every
  file. The key is given by the caller (:mod:`analysis.tokens`: the fingerprint of the
  texts, the tokenizer's settings and the toolkit version), so a change of any of them
  finds no entry and makes a new one.
- **Safe.** An entry is written into a temporary folder and renamed into place with its
  manifest inside: readers see a whole entry or none, and of two processes writing the same
  entry at once (two threads, two workers on two machines sharing the folder), one wins
  and the other's copy is discarded. Every file is checked against
  the manifest when read; a damaged entry (a truncated or altered file) is removed, with a
  one-line :class:`TokenStoreWarning` naming it, and the caller tokenises again.
- **Bounded.** After each write the least recently used entries are removed until the
  store holds at most ``$DISCOURSE_CACHE_MAX_GIB`` GiB (default :data:`DEFAULT_MAX_GIB`); an
  entry larger than that is not kept.

:data:`STATS` counts hits, misses, writes and damaged entries of this process.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import io
import json
import math
import os
import shutil
import time
import uuid
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.io import OutputInCorpusError, output_check

__all__ = [
    "CACHE_DIR_ENV",
    "NO_CACHE_ENV",
    "MAX_GIB_ENV",
    "DEFAULT_MAX_GIB",
    "STORE_FORMAT",
    "STATS",
    "TokenStoreWarning",
    "StoreSettings",
    "tokenstore_settings",
    "tokenstore_using",
    "tokenstore_notes",
    "tokenstore_key",
    "tokenstore_load",
    "tokenstore_save",
    "tokenstore_entries",
    "tokenstore_clear",
    "size_text",
]

#: The environment variable naming the cache folder (the store is its ``tokens/`` folder).
CACHE_DIR_ENV = "DISCOURSE_CACHE_DIR"
#: The environment variable that switches the store off (any value but ``""`` and ``0``).
NO_CACHE_ENV = "DISCOURSE_NO_CACHE"
#: The environment variable giving the store's largest size, in GiB.
MAX_GIB_ENV = "DISCOURSE_CACHE_MAX_GIB"
#: The store's largest size without ``$DISCOURSE_CACHE_MAX_GIB``.
DEFAULT_MAX_GIB = 5.0
#: The layout of an entry; part of every key, so a new layout never reads an old entry.
STORE_FORMAT = 1

_MANIFEST = "manifest.json"
_TABLES = ("sentences", "tokens", "types")
#: Temporary and removed folders start with this; a crashed writer's are removed later.
_HIDDEN = "."
_STALE_SECONDS = 3600

#: Hits, misses, writes and damaged entries of this process (for tests and benchmarks).
STATS: Counter[str] = Counter()

_WARNED: set[str] = set()


class TokenStoreWarning(UserWarning):
    """The token store could not be used as asked (a damaged entry, a folder that cannot
    be written); the work is done all the same, without the store."""


@dataclass(frozen=True)
class StoreSettings:
    """Where the store lives (``folder``; None when switched off) and its largest size."""

    folder: Path | None
    max_bytes: int


_NOTES: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "tokenstore_notes", default=None)


@contextlib.contextmanager
def tokenstore_notes() -> Iterator[list[str]]:
    """Within the block (in this thread), what the store would warn of (a damaged entry,
    a folder that cannot be written) is added to the list it gives, each message once,
    instead of being shown: a task on a Dask worker hands them to the client. A context
    variable, not :func:`warnings.catch_warnings`, so that tasks running side by side in
    the threads of one worker each keep their own.

    >>> with tokenstore_notes() as notes:
    ...     _warn_once("example", "the token store example cannot be written")
    >>> notes
    ['the token store example cannot be written']
    """
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def _noted(message: str) -> bool:
    """Whether ``message`` went to the notes of a :func:`tokenstore_notes` block."""
    notes = _NOTES.get()
    if notes is None:
        return False
    if message not in notes:
        notes.append(message)
    return True


def _warn_once(key: str, message: str) -> None:
    if _noted(message):
        return
    if key not in _WARNED:
        _WARNED.add(key)
        warnings.warn(message, TokenStoreWarning, stacklevel=4)


_USING: contextvars.ContextVar[StoreSettings | None] = contextvars.ContextVar(
    "tokenstore_using", default=None)


@contextlib.contextmanager
def tokenstore_using(settings: StoreSettings | None) -> Iterator[None]:
    """Within the block (in this thread), :func:`tokenstore_settings` gives ``settings``
    instead of reading the environment (``None``: the environment, as outside). A task
    on a Dask worker runs in it with the settings of the client that sent it.

    >>> with tokenstore_using(StoreSettings(None, 0)):
    ...     tokenstore_settings().folder is None
    True
    """
    token = _USING.set(settings)
    try:
        yield
    finally:
        _USING.reset(token)


def tokenstore_settings() -> StoreSettings:
    """The store's folder and largest size, read from the environment at each call (or
    those of the enclosing :func:`tokenstore_using` block).

    >>> import os
    >>> saved = os.environ.get("DISCOURSE_CACHE_DIR")
    >>> os.environ["DISCOURSE_CACHE_DIR"] = "/tmp/discourse-cache-example"
    >>> tokenstore_settings().folder.as_posix()
    '/tmp/discourse-cache-example/tokens'
    >>> if saved is None:
    ...     del os.environ["DISCOURSE_CACHE_DIR"]
    ... else:
    ...     os.environ["DISCOURSE_CACHE_DIR"] = saved
    """
    using = _USING.get()
    if using is not None:
        return using
    off = os.environ.get(NO_CACHE_ENV, "").strip()
    gib = DEFAULT_MAX_GIB
    text = os.environ.get(MAX_GIB_ENV, "").strip()
    if text:
        try:
            gib = float(text)
            if not (gib >= 0 and math.isfinite(gib)):
                raise ValueError
        except ValueError:
            gib = DEFAULT_MAX_GIB
            _warn_once(f"max:{text}", f"{MAX_GIB_ENV}={text!r} is not a size in GiB (such as "
                       f"2.5); the token store keeps at most {DEFAULT_MAX_GIB:g} GiB.")
    max_bytes = int(gib * 2**30)
    if off and off != "0":
        return StoreSettings(None, max_bytes)
    base = os.environ.get(CACHE_DIR_ENV, "").strip()
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("dutch-discourse")
    return StoreSettings(Path(base).expanduser() / "tokens", max_bytes)


def tokenstore_key(parts: Mapping[str, object]) -> str:
    """The name of the entry for ``parts`` (what the stored tables depend on): 24 hex
    digits of the SHA-256 of the parts and the store's format.

    >>> key = tokenstore_key({"texts": "ab12", "version": "0.1.0"})
    >>> len(key), key == tokenstore_key({"version": "0.1.0", "texts": "ab12"})
    (24, True)
    """
    text = json.dumps({"format": STORE_FORMAT, **parts}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


# --------------------------------------------------------------------------- reading


class _Damaged(Exception):
    """An entry whose files do not match its manifest."""


def _read_table(path: Path, expected: Mapping[str, object]) -> dict[str, np.ndarray]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = path.read_bytes()
    if len(data) != expected["bytes"]:
        raise _Damaged(f"{path.name} holds {len(data)} bytes, not {expected['bytes']}")
    if hashlib.sha256(data).hexdigest() != expected["sha256"]:
        raise _Damaged(f"{path.name} does not match its checksum")
    try:
        table = pq.ParquetFile(pa.BufferReader(data)).read()
    except (pa.ArrowException, OSError) as exc:
        raise _Damaged(f"{path.name} cannot be read ({exc})") from None
    dtypes = expected["dtypes"]
    if table.column_names != list(dtypes):
        raise _Damaged(f"{path.name} has the columns {table.column_names}")
    out = {}
    for name, dtype in dtypes.items():
        column = table.column(name)
        # one row group, so one chunk: its numbers are used in place (a read-only array)
        column = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
        if dtype == "object":
            out[name] = np.asarray(column.to_numpy(zero_copy_only=False), dtype=object)
        else:
            out[name] = column.to_numpy(zero_copy_only=False).astype(dtype, copy=False)
    return out


def _entry_path(folder: Path, key: str) -> Path:
    return folder / key


def tokenstore_load(
    key: str, *, settings: StoreSettings | None = None,
    check: Callable[[dict[str, dict[str, np.ndarray]]], str | None] | None = None,
) -> dict[str, dict[str, np.ndarray]] | None:
    """The tables stored under ``key`` (``{"sentences": {column: array}, "tokens": ...,
    "types": ...}``, with the dtypes they were saved with), or None when there is no such
    entry or the store is off. ``check(tables)`` says what is wrong with values that match
    their checksums but cannot be right (a code outside the vocabulary, an offset past the
    text), or None. A damaged entry (files that do not match the manifest, or values
    ``check`` refuses) is removed, with a :class:`TokenStoreWarning` naming it, and None
    is returned, so the caller makes it anew."""
    settings = settings or tokenstore_settings()
    if settings.folder is None:
        return None
    entry = _entry_path(settings.folder, key)
    manifest_path = entry / _MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        STATS["misses"] += 1
        return None
    except (OSError, ValueError) as exc:
        if not entry.is_dir():
            STATS["misses"] += 1
            return None
        return _damaged(entry, f"its manifest cannot be read ({exc})")
    try:
        if manifest.get("key") != key or manifest.get("format") != STORE_FORMAT:
            raise _Damaged("its manifest belongs to another entry")
        tables = {name: _read_table(entry / f"{name}.parquet", manifest["files"][name])
                  for name in _TABLES}
        for name, columns in tables.items():
            rows = {len(v) for v in columns.values()}
            if rows != {manifest["files"][name]["rows"]}:
                raise _Damaged(f"{name}.parquet has {rows} rows, not "
                               f"{manifest['files'][name]['rows']}")
        wrong = check(tables) if check is not None else None
        if wrong:
            raise _Damaged(wrong)
    except FileNotFoundError:
        if not entry.is_dir():  # removed by another process meanwhile
            STATS["misses"] += 1
            return None
        return _damaged(entry, "a file of it is missing")
    except (KeyError, TypeError, AttributeError):
        return _damaged(entry, "its manifest is incomplete")
    except _Damaged as exc:
        return _damaged(entry, str(exc))
    with contextlib.suppress(OSError):
        os.utime(manifest_path)  # the last use, for removing the least recently used
    STATS["hits"] += 1
    return tables


def _damaged(entry: Path, reason: str) -> None:
    STATS["damaged"] += 1
    _remove(entry)
    message = (f"the token store entry {entry} is damaged ({reason}); it was removed and "
               "the corpus is tokenised again.")
    if not _noted(message):
        warnings.warn(message, TokenStoreWarning, stacklevel=4)
    return None


def _remove(entry: Path) -> bool:
    """Remove an entry: renamed first (atomic), so no reader sees it half removed."""
    trash = entry.with_name(f"{_HIDDEN}removed-{entry.name}-{os.getpid()}-{uuid.uuid4().hex}")
    try:
        os.rename(entry, trash)
    except FileNotFoundError:
        return False
    shutil.rmtree(trash, ignore_errors=True)
    return True


# --------------------------------------------------------------------------- writing


def _parquet(columns: Mapping[str, np.ndarray]) -> tuple[bytes, dict[str, str]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays, dtypes = {}, {}
    for name, values in columns.items():
        values = np.asarray(values)
        dtypes[name] = str(values.dtype)
        arrays[name] = pa.array(values.tolist() if values.dtype == object else values,
                                type=pa.string() if values.dtype == object else None)
    buffer = io.BytesIO()
    # Parquet's own encodings (dictionary, run lengths) already make the file small; without
    # a compression codec on top and in one row group it is read several times faster
    table = pa.table(arrays)
    pq.write_table(table, buffer, compression="none", row_group_size=max(1, table.num_rows))
    return buffer.getvalue(), dtypes


def tokenstore_save(
    key: str,
    tables: Mapping[str, Mapping[str, np.ndarray]],
    *,
    meta: Mapping[str, object] | None = None,
    protect: tuple[str | Path | None, ...] = (),
    settings: StoreSettings | None = None,
) -> Path | None:
    """Store ``tables`` (``sentences``, ``tokens`` and ``types``, each a mapping of column
    name to array) under ``key``, with ``meta`` (what ``discourse cache info`` shows:
    ``source``, ``articles``, ``sentences``, ``tokens``, ...) in its manifest; returns the
    entry's folder, or None when the store is off or cannot be written (a
    :class:`TokenStoreWarning` says why, once per folder). ``protect`` names corpora the
    store must not lie in. An entry already there (written by another process meanwhile)
    is kept as it is."""
    settings = settings or tokenstore_settings()
    folder = settings.folder
    if folder is None:
        return None
    entry = _entry_path(folder, key)
    try:
        output_check(folder, *protect)
    except OutputInCorpusError as exc:
        _warn_once(f"corpus:{folder}", f"the token store is not used: {exc}")
        return None
    files, blobs = {}, {}
    for name in _TABLES:
        data, dtypes = _parquet(tables[name])
        rows = {len(v) for v in tables[name].values()}
        blobs[name] = data
        files[name] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                       "rows": rows.pop() if rows else 0, "dtypes": dtypes}
    manifest = {"format": STORE_FORMAT, "key": key, **dict(meta or {}), "files": files,
                "created": time.time()}
    manifest_bytes = json.dumps(manifest, indent=1, default=str).encode("utf-8")
    size = sum(len(b) for b in blobs.values()) + len(manifest_bytes)
    if size > settings.max_bytes:
        _warn_once(f"size:{folder}", f"the tokens of this corpus take {size_text(size)}, more "
                   f"than the token store may hold ({size_text(settings.max_bytes)}); they are "
                   f"not kept. Raise {MAX_GIB_ENV} to keep them.")
        return None
    # unique across threads, processes and machines sharing the folder
    tmp = folder / f"{_HIDDEN}tmp-{key}-{os.getpid()}-{uuid.uuid4().hex}"
    try:
        tmp.mkdir(parents=True)
        for name, data in blobs.items():
            (tmp / f"{name}.parquet").write_bytes(data)
        (tmp / _MANIFEST).write_bytes(manifest_bytes)  # last: an entry has all its files
        try:
            os.rename(tmp, entry)
        except OSError:
            if not (entry / _MANIFEST).is_file():
                raise
            shutil.rmtree(tmp, ignore_errors=True)  # another process stored it meanwhile
            return entry
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        _warn_once(f"write:{folder}", f"the token store {folder} cannot be written "
                   f"({(exc.strerror or str(exc)).lower()}); the tokens are not kept. Set "
                   f"{CACHE_DIR_ENV} (or --cache-dir) to a folder you may write to, or "
                   "switch the store off with --no-cache.")
        return None
    STATS["writes"] += 1
    with contextlib.suppress(OSError):  # another process may be removing entries meanwhile
        _prune(folder, settings.max_bytes, keep=entry.name)
    return entry


def _prune(folder: Path, max_bytes: int, *, keep: str) -> None:
    """Remove the least recently used entries (not ``keep``) until the store holds at most
    ``max_bytes``; remove the leftovers of crashed writers."""
    now = time.time()
    for path in folder.iterdir():
        if path.name.startswith(_HIDDEN):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > _STALE_SECONDS:
                    shutil.rmtree(path, ignore_errors=True)
    entries = sorted(_scan(folder), key=lambda e: e[2])  # oldest use first
    total = sum(size for _, size, _ in entries)
    for path, size, _ in entries:
        if total <= max_bytes:
            break
        if path.name != keep and _remove(path):
            total -= size


def _scan(folder: Path) -> Iterator[tuple[Path, int, float]]:
    """Each entry folder with its size on disk and its last use."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name.startswith(_HIDDEN) or not path.is_dir():
            continue
        try:
            size = sum(f.stat().st_size for f in path.iterdir())
            used = (path / _MANIFEST).stat().st_mtime
        except OSError:
            continue
        yield path, size, used


# --------------------------------------------------------------------------- info, clear

ENTRY_COLUMNS = ["entry", "source", "fingerprint", "articles", "sentences", "tokens", "bytes",
                 "created", "last_used", "version", "status"]


def tokenstore_entries(*, settings: StoreSettings | None = None) -> pd.DataFrame:
    """One row per entry of the store, the most recently used first.

    Returns the columns ``entry`` (its folder's name), ``source`` (the corpus file or folder
    it was made from, when known), ``fingerprint`` (of the corpus texts), ``articles``,
    ``sentences``, ``tokens``, ``bytes`` (on disk), ``created`` and ``last_used``
    (timestamps), ``version`` (of the toolkit) and ``status`` (``ok``, or ``damaged`` for
    an entry whose manifest cannot be read: it is removed when next read, or by
    ``discourse cache clear``).

    >>> import tempfile
    >>> empty = StoreSettings(Path(tempfile.mkdtemp()), 2**30)
    >>> tokenstore_entries(settings=empty).columns.tolist()[:4]
    ['entry', 'source', 'fingerprint', 'articles']
    """
    settings = settings or tokenstore_settings()
    rows = []
    for path, size, used in (_scan(settings.folder) if settings.folder else ()):
        try:
            manifest = json.loads((path / _MANIFEST).read_text(encoding="utf-8"))
            status = "ok"
        except (OSError, ValueError):
            manifest, status = {}, "damaged"
        created = manifest.get("created")
        rows.append({
            "entry": path.name, "source": manifest.get("source"),
            "fingerprint": manifest.get("fingerprint"), "articles": manifest.get("articles"),
            "sentences": manifest.get("sentences"), "tokens": manifest.get("tokens"),
            "bytes": size,
            "created": pd.Timestamp(created, unit="s") if created else pd.NaT,
            "last_used": pd.Timestamp(used, unit="s"),
            "version": manifest.get("version"), "status": status})
    table = pd.DataFrame(rows, columns=ENTRY_COLUMNS)
    return table.sort_values("last_used", ascending=False, kind="stable").reset_index(drop=True)


def tokenstore_clear(entry: str | None = None, *,
                     settings: StoreSettings | None = None) -> pd.DataFrame:
    """Remove every entry (``entry`` None) or the one whose name starts with ``entry``;
    returns the rows of :func:`tokenstore_entries` removed. Raises ``KeyError`` when no
    entry (or more than one) has that name.

    >>> import tempfile
    >>> empty = StoreSettings(Path(tempfile.mkdtemp()), 2**30)
    >>> len(tokenstore_clear(settings=empty))
    0
    """
    settings = settings or tokenstore_settings()
    table = tokenstore_entries(settings=settings)
    if entry is not None:
        table = table[table["entry"].str.startswith(entry)]
        if len(table) != 1:
            raise KeyError(entry)
    removed = [settings.folder / name for name in table["entry"]
               if _remove(settings.folder / name)]
    return table[table["entry"].isin([p.name for p in removed])].reset_index(drop=True)


def size_text(size: float) -> str:
    """A size in bytes, readably.

    >>> size_text(512), size_text(3 * 2**20), size_text(5 * 2**30)
    ('512 bytes', '3.0 MiB', '5.0 GiB')
    """
    for unit, power in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 2**power:
            return f"{size / 2**power:.1f} {unit}"
    return f"{int(size)} bytes"
