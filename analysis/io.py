"""Every file the toolkit writes goes through here: one guard, one atomic write, one hash.

- :func:`output_check` is the one output-path guard: it raises :class:`OutputInCorpusError`
  when a path is a corpus file or lies inside a corpus folder (the bundled ``corpus/``,
  any corpus named in the call, and any corpus protected with :func:`corpus_protect`).
- :func:`output_writable` raises :class:`OutputError` when a path cannot be written: a
  folder where a file is wanted (or the reverse), a folder the user may not write to.
- :func:`write_atomic` writes bytes through a temporary file renamed into place, after
  calling :func:`output_check` and :func:`output_writable`, so no writer (tables, figures,
  ``--init``, the model, the training report, match tables) can put a file into a corpus,
  and a failed write (a read-only folder, a full disk) ends in :class:`OutputError`.
- :func:`file_sha256` is the one way a file's SHA-256 is computed.
- :func:`table_to_csv` is the one way a table becomes CSV (every ``discourse ... -o`` and
  every table in ``figures/``): UTF-8, ``\\n`` line ends, floats with
  :data:`SIGNIFICANT_DIGITS` (10) significant digits, as the shortest text that reads back as
  the rounded value (``0.231809247``, ``3.0``, ``1e-07``), so that arithmetic noise in the last
  digits, which differs between builds of numpy, scipy and the BLAS, never changes a file;
  text cells that a spreadsheet would run as a formula get a leading ``'`` (OWASP).

A writer needs nothing but ``write_atomic(path, data)``; a command that learns which corpus
it reads wraps its work in ``with corpus_protect(source):`` so that this corpus is guarded
too, and may call ``output_check(path, source)`` early to refuse before any work is done.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import math
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.paths import CORPUS_DIR

__all__ = [
    "OutputInCorpusError",
    "OutputError",
    "output_check",
    "output_writable",
    "corpus_protect",
    "write_atomic",
    "file_sha256",
    "SIGNIFICANT_DIGITS",
    "float_text",
    "FORMULA_STARTS",
    "text_cell",
    "table_to_csv",
]

_UMASK = os.umask(0o022)
os.umask(_UMASK)
_CHUNK = 1 << 20

#: Corpus sources (folders or files) that nothing may be written into, besides CORPUS_DIR.
_PROTECTED: contextvars.ContextVar[tuple[Path, ...]] = contextvars.ContextVar(
    "protected_corpora", default=())


class OutputInCorpusError(ValueError):
    """An output path that is a corpus file or lies inside a corpus folder."""


class OutputError(OSError):
    """An output that cannot be written: a folder where a file is wanted (or the reverse),
    a folder the user may not write to, a full disk. The message names the path and what to
    do."""


def _cannot(path: str | Path, reason: str,
            advice: str = "Choose a folder you may write to.") -> OutputError:
    return OutputError(f"cannot write {path}: {reason}. {advice}")


def _special_kind(path: Path) -> str | None:
    """What ``path`` is when it exists and is neither a regular file nor a folder (a named
    pipe, a device, a socket), following links; None otherwise."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return None
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((what for test, what in kinds if test(mode)), None)


def output_writable(path: str | Path, *, folder: bool = False,
                    example: str = "table.csv") -> Path:
    """``path`` when a file (with ``folder``: a folder) can be written there; raise
    :class:`OutputError` when it names a folder where a file is wanted (``example`` names a
    file for the hint) or the reverse, or lies in a folder this user may not write to.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> output_writable(folder / "a.csv") == folder / "a.csv"
    True
    >>> output_writable(folder, example="freq.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.io.OutputError: the output file ... is a folder. Give a file name, e.g. .../freq.csv.
    """
    out = Path(path)
    special = _special_kind(out)
    if special:
        raise _cannot(path, f"it is {special}, not a regular file; only a regular file is "
                      "ever replaced", "Give the name of a new or regular file.")
    if folder and out.exists() and not out.is_dir():
        raise OutputError(f"the output folder {path} is a file. Give a folder for the figures "
                          "and tables (it is made when missing).")
    if not folder and out.is_dir():
        raise OutputError(f"the output file {path} is a folder. Give a file name, e.g. "
                          f"{out / example}.")
    existing = out.parent if not folder or not out.exists() else out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise _cannot(path, f"{existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise _cannot(path, "permission denied")
    return out


def output_check(path: str | Path, *corpora: str | Path | None) -> Path:
    """``path`` when it may be written; raise :class:`OutputInCorpusError` when it is a
    corpus file or lies inside a corpus folder.

    The corpora checked are the bundled ``corpus/`` folder, every ``corpora`` given (None is
    ignored) and those protected with :func:`corpus_protect`. Links are resolved first.

    >>> from analysis.paths import FIGURES_DIR
    >>> output_check(FIGURES_DIR / "a.csv") == FIGURES_DIR / "a.csv"
    True
    >>> output_check(CORPUS_DIR / "frames.toml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.io.OutputInCorpusError: the output ... lies inside the corpus folder ...
    """
    out = Path(path).resolve()
    sources = [CORPUS_DIR, *_PROTECTED.get(), *(c for c in corpora if c is not None)]
    for source in sources:
        resolved = Path(source).expanduser().resolve()
        if out == resolved or (resolved.is_dir() and out.is_relative_to(resolved)):
            what = "folder" if Path(path).suffix == "" or out.is_dir() else "file"
            where = "is the corpus" if out == resolved else "lies inside the corpus folder"
            raise OutputInCorpusError(
                f"the output {what} {path} {where} {source}; nothing may be written into "
                f"the corpus. Choose another output {what}.")
    return Path(path)


@contextlib.contextmanager
def corpus_protect(*sources: str | Path | None) -> Iterator[None]:
    """Within the ``with`` block, :func:`output_check` (and so :func:`write_atomic`) also
    refuses paths inside each of ``sources`` (None is ignored)."""
    added = tuple(Path(s).expanduser() for s in sources if s is not None)
    token = _PROTECTED.set(_PROTECTED.get() + added)
    try:
        yield
    finally:
        _PROTECTED.reset(token)


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename:
    a failed run leaves the old file (or none), never half a file. Refuses (before writing
    anything) a path inside a corpus, see :func:`output_check`.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", b"NAVO").read_bytes()
    b'NAVO'
    """
    path = output_writable(output_check(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot(path, (exc.strerror or str(exc)).lower()) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes the file private; use the umask
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot(path, (exc.strerror or str(exc)).lower()) from None
        raise
    return path


def file_sha256(path: str | Path) -> str:
    """SHA-256 hex digest of a file's bytes, read in chunks of 1 MiB.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> file_sha256(write_atomic(folder / "a.txt", b""))[:16]
    'e3b0c44298fc1c14'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


#: Significant digits of every float in a CSV file the toolkit writes.
SIGNIFICANT_DIGITS = 10


def float_text(value: float) -> str:
    """``value`` rounded to :data:`SIGNIFICANT_DIGITS` significant digits, as the shortest
    text that reads back as that rounded float.

    >>> float_text(-0.23180924700314517), float_text(-0.2318092470031452)
    ('-0.231809247', '-0.231809247')
    >>> float_text(3.0), float_text(2 / 3), float_text(1e-7), float_text(float("inf"))
    ('3.0', '0.6666666667', '1e-07', 'inf')
    """
    value = float(value)
    if not math.isfinite(value):
        return repr(value)
    return repr(float(f"{value:.{SIGNIFICANT_DIGITS}g}"))


#: A text cell starting with one of these is read as a formula by spreadsheet programs
#: (OWASP, "CSV Injection"): equals, plus, minus, at, tab, carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """``value`` made safe for a spreadsheet: a text that starts like a formula gets a
    leading ``'`` (OWASP's rule), so Excel, LibreOffice and Google Sheets show it as text
    instead of running it; every other text is returned as it is.

    >>> text_cell("=SUM(A1:A9)"), text_cell("-5 graden"), text_cell("@NOS"), text_cell("NOS")
    ("'=SUM(A1:A9)", "'-5 graden", "'@NOS", 'NOS')
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(value: object) -> object:
    if isinstance(value, float | np.floating) and not pd.isna(value):
        return float_text(value)
    if isinstance(value, str):
        return text_cell(value)
    return value


def _column(values: pd.Series) -> pd.Series:
    if pd.api.types.is_float_dtype(values.dtype):
        return values.map(float_text, na_action="ignore").astype(object)
    if isinstance(values.dtype, pd.CategoricalDtype):
        return _column(values.astype(object).where(values.notna(), None))
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        return values.astype(object).map(_cell, na_action="ignore")
    return values


def table_to_csv(table: pd.DataFrame, *, index: bool = False) -> bytes:
    """The bytes of ``table`` as a CSV file (UTF-8, ``\\n`` line ends); ``index=True`` writes
    the index as the first column(s). Floats, also in mixed columns, have
    :data:`SIGNIFICANT_DIGITS` significant digits, and every text cell (column names too)
    that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    ``'`` (:func:`text_cell`), so that a spreadsheet never runs an outlet, a title or a text
    as a formula; ``table`` itself is left as it is (and Parquet files keep every value).

    >>> table = pd.DataFrame({"term": ["oorlog", "vrede"], "G2": [4.534918620235, 1 / 3]})
    >>> print(table_to_csv(table).decode())
    term,G2
    oorlog,4.53491862
    vrede,0.3333333333
    <BLANKLINE>
    """
    frame = table.reset_index() if index else table
    frame = pd.DataFrame({i: _column(frame.iloc[:, i]) for i in range(frame.shape[1])})
    names = table.reset_index().columns if index else table.columns
    frame.columns = [text_cell(n) if isinstance(n, str) else n for n in names]
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
