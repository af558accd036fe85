"""The reader protocol: what every input format's reader receives and returns.

A reader is a function ``read(path, options) -> (entries, problems)``:

- ``path``: the file (or folder) to read; ``options``: a :class:`ReadOptions` (the column
  names to use, which of them the user named, the encoding).
- ``entries``: one :class:`Entry` per article the source holds, in source order, also for
  the articles that cannot be loaded: ``label`` (its id, or where it is when it has none),
  ``where`` (``(file, line or row or byte offset or None, unit)``), ``record`` (the loaded
  article as a dict of strings with at least ``doc_id, outlet, date, title, text``, plus
  any other metadata; ``None`` when it cannot be loaded), ``problems`` (what is wrong with
  this article), ``doc_id`` (its id when it has one, for the duplicate check) and
  ``export`` (for an article read from a news export: the
  :class:`~analysis.corpus.readers.exports.ExportCount` of its file).
- ``problems``: :class:`~analysis.corpus.problems.Problem` s about the source as a whole (an
  unreadable file, a missing column: ``doc_id=None``, which stops the corpus from loading)
  and warnings (``severity="warning"``, which take nothing out).

:func:`analysis.corpus.corpus_check` checks duplicate ids across entries, turns every
entry's problems into the report and builds the table. A reader never raises for bad
input, never writes, and never executes what it reads. See :mod:`analysis.corpus.readers`
for the registry that chooses the reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corpus.problems import Problem

__all__ = ["Entry", "ReadOptions", "Reader", "ReadResult", "missing_column", "SYSTEM_FILES",
           "system_file", "hidden_part", "hidden_problem"]

CORE_COLUMNS = ["doc_id", "outlet", "date", "title", "text"]
_COLUMN_HINT = {"text": "--text-column", "doc_id": "--id-column", "outlet": "--outlet-column",
                "date": "--date-column", "title": "--title-column"}
_COLUMN_ARG = {"text": "text_column", "doc_id": "id_column", "outlet": "outlet_column",
               "date": "date_column", "title": "title_column"}
_WHAT = {"text": "article texts", "doc_id": "article ids", "outlet": "outlets",
         "date": "dates", "title": "titles"}


@dataclass(frozen=True)
class ReadOptions:
    """What a reader needs to know besides the path.

    ``columns`` maps each core field (``text``, ``doc_id``, ``outlet``, ``date``, ``title``)
    to the column (or metadata.csv column) that holds it; ``named`` holds the fields whose
    column the user named (a named column that is missing is an error, a default one that
    is missing is not); ``encoding`` is the text encoding asked for (``None``: detect);
    ``include_hidden`` reads hidden files and folders (names starting with ``.``) too,
    which are otherwise named in a warning and not read.
    """

    columns: dict[str, str]
    named: frozenset[str] = frozenset()
    encoding: str | None = None
    include_hidden: bool = False


#: Files an operating system keeps beside the user's (Finder's folder settings, the
#: AppleDouble files of a Mac, Windows' thumbnail cache): never articles, passed over
#: without a word in folders and archives.
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "__MACOSX"})


def system_file(parts: Iterable[str]) -> bool:
    """True for a path (its parts) that lies in or is a file of :data:`SYSTEM_FILES`, or an
    AppleDouble file (``._name``).

    >>> system_file(("export", ".DS_Store")), system_file(("__MACOSX", "a.docx"))
    (True, True)
    >>> system_file((".drafts", "a.txt"))
    False
    """
    return any(p in SYSTEM_FILES or p.startswith("._") for p in parts)


def hidden_part(parts: tuple[str, ...]) -> tuple[str, ...] | None:
    """The parts of a path up to its first hidden one (a name starting with ``.``), or
    None when no part is hidden (``.`` and ``..`` are not names)."""
    for n, part in enumerate(parts):
        if part.startswith(".") and part not in (".", ".."):
            return parts[:n + 1]
    return None


def hidden_problem(where: str, hidden: Iterable[tuple[tuple[str, ...], bool]]) -> Problem | None:
    """The warning naming what was not read because it is hidden: ``hidden`` holds, for
    every file passed over, the parts of its first hidden file or folder and whether that
    is a folder. None when nothing was passed over."""
    found: dict[tuple[str, ...], tuple[bool, int]] = {}
    for parts, folder in hidden:
        was = found.get(parts, (folder, 0))
        found[parts] = (was[0] or folder, was[1] + 1)
    if not found:
        return None
    shown = []
    for parts, (folder, files) in sorted(found.items()):
        name = "/".join(parts)
        shown.append(f"{name}/ ({files} file{'' if files == 1 else 's'})" if folder else name)
    return Problem(where, f"{len(found)} hidden file(s) or folder(s) (names starting with "
                   f"'.') were not read: {', '.join(shown)}.",
                   "Give --include-hidden (include_hidden=True in Python) to read them.",
                   severity="warning")


@dataclass
class Entry:
    """One article given: its label (id, or where it is), where it is, what loaded of it,
    and what is wrong with it."""

    label: str
    where: tuple[str, int | None, str]
    record: dict | None = None
    problems: list[Problem] = field(default_factory=list)
    doc_id: str | None = None
    export: object | None = None  # the ExportCount of the export file it comes from

    def problem(self, message: str, hint: str = "", *, file: str | None = None,
                line: int | None = None, unit: str | None = None) -> None:
        self.problems.append(Problem(
            file if file is not None else self.where[0], message, hint,
            line=line if file is not None or line is not None else self.where[1],
            unit=unit or self.where[2]))

    def warn(self, message: str, hint: str = "") -> None:
        """Add a warning at the entry's place: it is reported, and takes nothing out."""
        self.problems.append(Problem(self.where[0], message, hint, line=self.where[1],
                                     unit=self.where[2], severity="warning"))


ReadResult = tuple[list[Entry], list[Problem]]


@dataclass(frozen=True)
class Reader:
    """One input format: its ``name``, its ``read`` function (see the module docstring),
    the file ``suffixes`` it claims (lower case, with the dot), whether it reads a
    ``folder``, and ``sniff``: a test on the first bytes of a file that is true only when
    they surely are this format (a magic number), so that a file whose suffix lies is still
    read by the right reader. ``describe`` says in a few words what it reads, for messages.
    """

    name: str
    read: Callable[[Path, ReadOptions], ReadResult]
    suffixes: tuple[str, ...] = ()
    folder: bool = False
    sniff: Callable[[bytes], bool] | None = None
    describe: str = ""


def missing_column(file: str, column: str, key: str, columns: Iterable[str], *,
                    table: bool = True) -> Problem:
    listed = ", ".join(repr(str(c)) for c in columns) or "none"
    message = f"has no column {column!r} for the {_WHAT[key]} (its columns: {listed})."
    hint = (f"Name the column that holds the {_WHAT[key]} with {_COLUMN_HINT[key]} "
            f"({_COLUMN_ARG[key]}=... in Python)")
    hint += ", or add a header line naming the columns." if table and key == "text" else "."
    return Problem(file, message, hint)
