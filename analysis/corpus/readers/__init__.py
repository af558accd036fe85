"""The registry of input formats: which reader reads a corpus source.

:data:`READERS` lists one :class:`~analysis.corpus.readers.base.Reader` per format, each
backed by one module of this package:

==============  ===========================  ===============================================
reader          module                       reads
==============  ===========================  ===============================================
folder          :mod:`.folder`               a folder of seed-format ``.txt`` files, and the
                                             news exports in it (through :mod:`.exports`)
delimited       :mod:`.delimited`            ``.csv`` and ``.tsv`` files
jsonl           :mod:`.jsonl`                ``.jsonl`` and ``.ndjson`` files
parquet         :mod:`.parquet`              ``.parquet`` files
nexis-docx      :mod:`.nexis_docx`           Nexis Uni Word exports (``.docx``)
nexis-rtf       :mod:`.nexis_rtf`            Nexis Uni RTF exports (``.rtf``, ``.doc``)
lexisnexis-txt  :mod:`.lexisnexis_txt`       classic LexisNexis text exports (``.txt``)
zip             :mod:`.zip_archive`          a ``.zip`` of exports, folders inside it too
==============  ===========================  ===============================================

The four export readers share one ``read`` (:func:`.exports.read`), which tells the kind
of each file from its content (a ``.zip`` holding a Word document is read as one); their
modules give the text of each kind, :mod:`.nexis_uni` and :mod:`.lexisnexis_txt` split it
into articles, and :mod:`.export_layout` holds what both layouts share (fields, dates).

:func:`reader_for` chooses: a folder goes to the reader with ``folder=True``; a file to the
reader that claims its suffix, unless the file's first bytes are surely another format
(a reader's ``sniff`` says so, e.g. Parquet's magic number in a file named ``.csv``); a
file whose suffix no reader claims is read by a reader whose ``sniff`` recognises it, and
otherwise refused with a message naming the suffixes there are.

**Adding a format** is one module and one line here. The module defines

``read(path: Path, options: ReadOptions) -> tuple[list[Entry], list[Problem]]``
    one :class:`~analysis.corpus.readers.base.Entry` per article the source holds (also
    for those that cannot be loaded: ``record=None`` and their ``problems``), in source
    order, plus the problems about the source as a whole. Each loaded ``record`` is a dict
    of strings with ``doc_id, outlet, date, title, text`` (``outlet`` is
    :data:`analysis.tables.MISSING_GROUP` when unknown; ``date`` ``YYYY-MM`` or
    ``YYYY-MM-DD`` or ``None``; checked with :mod:`analysis.corpus.values`) and any other
    metadata. Text is decoded with :func:`analysis.corpus.decode._decode`. Never raise for
    bad input, never write, never execute what is read.
``sniff(head: bytes) -> bool`` (optional)
    true only when the first 4,096 bytes surely are this format.

and the line in :data:`READERS` gives its name, ``read``, the suffixes it claims,
``sniff`` and a few words for messages, e.g.::

    Reader("nexis-docx", nexis_docx.read, suffixes=(".docx",), sniff=nexis_docx.sniff,
           describe="a Nexis Uni .docx export"),

Readers earlier in the list win when two claim a suffix or recognise the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus.readers import (
    delimited,
    exports,
    folder,
    jsonl,
    lexisnexis_txt,
    nexis_docx,
    nexis_rtf,
    parquet,
    zip_archive,
)
from analysis.corpus.readers.base import Entry, Reader, ReadOptions, ReadResult

__all__ = ["READERS", "Reader", "ReadOptions", "ReadResult", "Entry", "reader_for",
           "reader_suffixes", "SNIFF_BYTES"]

#: How many bytes of a file a reader's ``sniff`` sees.
SNIFF_BYTES = 4096

#: Every input format, in the order they are tried.
READERS: tuple[Reader, ...] = (
    Reader("folder", folder.read, folder=True, describe="a folder of .txt files"),
    Reader("delimited", delimited.read, suffixes=(".csv", ".tsv"),
           describe="a CSV or TSV file"),
    Reader("jsonl", jsonl.read, suffixes=(".jsonl", ".ndjson"), sniff=jsonl.sniff,
           describe="a JSON Lines file"),
    Reader("parquet", parquet.read, suffixes=(".parquet",), sniff=parquet.sniff,
           describe="a Parquet file"),
    Reader("nexis-docx", exports.read, suffixes=(".docx",), sniff=nexis_docx.sniff,
           describe="a Nexis Uni Word export"),
    Reader("nexis-rtf", exports.read, suffixes=(".rtf", ".doc"), sniff=nexis_rtf.sniff,
           describe="a Nexis Uni RTF export"),
    Reader("lexisnexis-txt", exports.read, suffixes=(".txt",), sniff=lexisnexis_txt.sniff,
           describe="a LexisNexis text export"),
    Reader("zip", exports.read, suffixes=(".zip",), sniff=zip_archive.sniff,
           describe="a zip archive of exports"),
)


def reader_suffixes() -> list[str]:
    """Every file suffix a reader claims, in registry order.

    >>> reader_suffixes()
    ['.csv', '.tsv', '.jsonl', '.ndjson', '.parquet', '.docx', '.rtf', '.doc', '.txt', '.zip']
    """
    return [s for reader in READERS for s in reader.suffixes]


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""


def reader_for(path: str | Path) -> Reader | None:
    """The reader for ``path`` (see the module docstring), or ``None`` when none reads it.

    >>> from analysis.paths import CORPUS_DIR
    >>> reader_for(CORPUS_DIR).name
    'folder'
    """
    path = Path(path)
    if path.is_dir():
        return next((r for r in READERS if r.folder), None)
    suffix = path.suffix.lower()
    claimed = [r for r in READERS if suffix in r.suffixes]
    head = _head(path)
    sniffed = [r for r in READERS if r.sniff is not None and not r.folder and r.sniff(head)]
    for reader in claimed:
        if reader in sniffed or (reader.sniff is None and not sniffed):
            return reader
    if sniffed:
        return sniffed[0]
    return claimed[0] if claimed else None
