"""Load a corpus of news articles into one tidy table, and account for every article.

Two input shapes are read:

1. A folder of ``.txt`` files in the seed format: a header `` date YYYY-MM`` or
   `` date YYYY-MM-DD`` before the text, with an optional ``metadata.csv`` beside them
   (a ``file`` column naming each text file, plus any of ``doc_id, outlet, date, title``
   and other columns). Files in subfolders are read too; ``metadata.csv`` names them by
   their path inside the corpus folder (``NRC/001.txt``), never with ``../`` or an
   absolute path. Hidden files and folders (names starting with ``.``) are not read;
   other files that are not ``.txt`` are named in a warning.
2. One table file with one article a row: CSV (``.csv``, comma or semicolon separated;
   ``.tsv``), JSON Lines (``.jsonl``, ``.ndjson``) or Parquet (``.parquet``). Columns
   that are not called ``text, doc_id, outlet, date, title`` are named with the
   ``*_column`` options.

Text files are decoded as UTF-8 (with or without byte-order mark), UTF-16 (with or
without byte-order mark) or Windows-1252, detected per file, unless an encoding is named.

Every problem found is collected, with the file and line (or row, or byte offset), before
anything is returned: :func:`corpus_check` returns them all, :func:`corpus_load` raises
:class:`CorpusError` listing them all unless ``skip_invalid=True``, in which case the bad
articles are left out and listed in ``corpus.attrs["skipped"]``. Every article given is
either loaded or listed as skipped; nothing is written anywhere, and nothing is executed
(CSV, JSON and Parquet are parsed as data only).

The package: :mod:`analysis.corpus.readers` (one module per input format, and the
registry that chooses one), :mod:`analysis.corpus.load` (:func:`corpus_check`,
:func:`corpus_load`), :mod:`analysis.corpus.options` (:class:`CorpusOptions`, the one list
of loading options), :mod:`analysis.corpus.problems` (:class:`Problem`,
:class:`CorpusError`, :class:`CorpusReport`), :mod:`analysis.corpus.decode`,
:mod:`analysis.corpus.values` (dates and metadata values) and
:mod:`analysis.corpus.summary` (:func:`corpus_fingerprint`, :func:`corpus_summary`).
"""

from __future__ import annotations

from analysis.corpus.decode import decode_bytes
from analysis.corpus.load import corpus_check, corpus_load
from analysis.corpus.options import CorpusOptions
from analysis.corpus.problems import CorpusError, CorpusReport, Problem
from analysis.corpus.readers import READERS, reader_for, reader_suffixes
from analysis.corpus.readers.base import CORE_COLUMNS
from analysis.corpus.readers.folder import METADATA_NAME
from analysis.corpus.summary import corpus_fingerprint, corpus_summary
from analysis.tables import MISSING_GROUP

__all__ = [
    "CORE_COLUMNS",
    "MISSING_OUTLET",
    "METADATA_NAME",
    "TABLE_SUFFIXES",
    "READERS",
    "Problem",
    "CorpusOptions",
    "CorpusError",
    "CorpusReport",
    "corpus_check",
    "corpus_load",
    "corpus_fingerprint",
    "corpus_summary",
    "decode_bytes",
    "reader_for",
]

#: Value of ``outlet`` for articles whose source names no outlet.
MISSING_OUTLET = MISSING_GROUP
#: The file suffixes a reader claims.
TABLE_SUFFIXES = set(reader_suffixes())
