"""Read a corpus source with the reader the registry chooses, and account for every article.

:func:`corpus_check` returns every problem found; :func:`corpus_load` raises
:class:`~analysis.corpus.problems.CorpusError` listing them all unless ``skip_invalid``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis.corpus.decode import text_encoding
from analysis.corpus.dedupe import (
    NEAR_REPORT,
    dropped_summary,
    duplicates_drop,
    duplicates_pairs,
)
from analysis.corpus.doubts import doubts_check, outlet_lookalikes_message
from analysis.corpus.options import (
    CorpusOptions,
    corpus_options_given,
    corpus_options_signature,
)
from analysis.corpus.problems import CorpusError, CorpusReport, Problem
from analysis.corpus.readers import ReadOptions, reader_for, reader_suffixes
from analysis.corpus.readers.base import CORE_COLUMNS, Entry
from analysis.text.words import text_invisible_count, text_normalise

__all__ = ["corpus_check", "corpus_load"]


def _short_place(entry: Entry, source: Path) -> str:
    file, line, unit = entry.where
    name = Path(file)
    if name == source and line is not None:
        return f"{unit} {line}"
    short = name.relative_to(source).as_posix() if name.is_relative_to(source) else name.name
    return short if line is None else f"{short}, {unit} {line}"


def _repeats_dropped(copies: list[tuple[Entry, Entry]], source: Path) -> pd.DataFrame:
    """The rows :func:`~analysis.corpus.dedupe.duplicates_drop` gives for rows that repeat
    an earlier row exactly, id included: the repeat is left out, the first row kept."""
    rows = []
    for entry, first in copies:
        record = entry.record
        rows.append({
            "doc_id": record.get("doc_id"), "outlet": record.get("outlet"),
            "date": record.get("date"), "title": record.get("title"),
            "duplicate_of": first.record.get("doc_id"),
            "duplicate_outlet": first.record.get("outlet"), "kind": "exact",
            "similarity": 1.0,
            "reason": f"{_short_place(entry, source)} repeats {_short_place(first, source)} "
                      "exactly (the same id, text and columns)"})
    return pd.DataFrame(rows).astype({"similarity": "float64"})


def _remove_invisible(entry: Entry) -> None:
    """Normalise the article's text and title with :func:`analysis.text.text_normalise`
    (NFC, the invisible characters removed), with a warning that counts what was removed."""
    record = entry.record
    if record is None:
        return
    found = 0
    for key in ("text", "title"):
        value = record.get(key)
        if isinstance(value, str):
            found += text_invisible_count(value)
            record[key] = text_normalise(value).strip()
    if found and not record.get("text"):
        entry.problem(f"the text holds nothing but {found} invisible character(s) (soft "
                      "hyphens, zero-width spaces or joiners).",
                      "Give the article its text, or remove it.")
    elif found:
        entry.problems.append(Problem(
            entry.where[0], f"{entry.label}: {found} invisible character(s) (soft hyphens, "
            "zero-width spaces or joiners) inside the text or title were removed, so that "
            "the words they split are found and counted whole.", "Nothing to do.",
            line=entry.where[1], unit=entry.where[2] or "line", severity="warning"))


@corpus_options_signature(without=("skip_invalid",))
def corpus_check(source: str | Path, **options) -> CorpusReport:
    """Read a corpus and report every problem found, without raising for bad input.

    Returns a :class:`CorpusReport`: ``corpus`` holds the articles that load (columns as
    in :func:`corpus_load`; ``None`` when a problem concerns the whole corpus, such as a
    missing column), ``problems`` every problem with its file and line, ``n_given`` the
    number of articles the source holds, ``skipped`` the articles that a problem takes
    out, ``exports`` the articles announced and read per news export file, ``duplicates``
    the duplicate pairs (exact copies, and near-copies at similarity 0.9, or ``near`` when
    lower) and ``dropped`` what ``dedupe`` leaves out. Options as in :func:`corpus_load`.

    >>> from analysis.paths import CORPUS_DIR
    >>> report = corpus_check(CORPUS_DIR)
    >>> report.ok, report.n_given, len(report.corpus), report.skipped, len(report.duplicates)
    (True, 5, 5, [], 0)
    """
    return _check(source, corpus_options_given(corpus_check, options), find_duplicates=True)


def _check(source, options: CorpusOptions, *, find_duplicates: bool) -> CorpusReport:
    path = Path(source).expanduser()
    cols, named = options.columns()
    dedupe, near, encoding = options.dedupe, options.near, options.encoding
    if encoding is not None:
        try:
            text_encoding(encoding)
        except LookupError as exc:
            said, _, hint = str(exc).partition("; ")
            return CorpusReport(str(path), None, [Problem(
                str(path), f"{said}.", f"{hint[0].upper()}{hint[1:]}.")])
    if not path.exists():
        problem = Problem(str(path), "does not exist.",
                          "Give the path to a folder of .txt articles or to a CSV, JSONL or "
                          "Parquet file.")
        return CorpusReport(str(path), None, [problem])
    reader = reader_for(path)
    if reader is None:
        suffixes = reader_suffixes()
        hint = (f"Use a folder of .txt files, or a {', '.join(suffixes[:-1])} or "
                f"{suffixes[-1]} file.")
        if path.suffix.lower() == ".txt":
            hint = ("To load articles in .txt files, give the folder that holds them (with a "
                    "metadata.csv naming their outlet and date).")
        elif path.suffix.lower() in {".xlsx", ".xls", ".ods"}:
            hint = "Save the spreadsheet as CSV (UTF-8) and give that file."
        problem = Problem(str(path), f"is not a corpus: files ending in {path.suffix!r} "
                          "cannot be read.", hint)
        return CorpusReport(str(path), None, [problem])
    entries, problems = reader.read(path, ReadOptions(cols, named, encoding,
                                                      options.include_hidden))
    suffix = path.suffix.lower()
    if not reader.folder and suffix not in reader.suffixes and suffix in reader_suffixes():
        problems.insert(0, Problem(
            str(path), f"is named {suffix} but holds {reader.describe}, so it was read as "
            "such.", f"Rename it to end in {reader.suffixes[0]}.", severity="warning"))

    by_id: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.doc_id is not None:
            by_id.setdefault(entry.doc_id, []).append(entry)
    copies: list[tuple[Entry, Entry]] = []  # (a repeat of an identical row, the first)
    for doc_id, group in by_id.items():
        if len(group) < 2:
            continue
        if all(e.record is not None and e.record == group[0].record for e in group):
            # the same row repeated (an export artefact): one article, its repeats
            # duplicates that dedupe leaves out (reported) and every other mode refuses
            first = _short_place(group[0], path)
            for entry in group[1:]:
                entry.label = f"{doc_id} ({_short_place(entry, path)})"
                if dedupe == "none":
                    entry.problem(
                        f"repeats {first} exactly (the same id {doc_id!r} and the same "
                        "text and columns).",
                        "Give --dedupe corpus (or outlet) to keep one copy, or remove the "
                        "repeated row.")
                    entry.record = None
                else:
                    copies.append((entry, group[0]))
            continue
        places = "; ".join(_short_place(e, path) for e in group)
        for entry in group:
            entry.problem(f"the id {doc_id!r} is used by {len(group)} articles ({places}).",
                          "Give every article its own id.")
            entry.label = f"{doc_id} ({_short_place(entry, path)})"
            entry.record = None
    repeated = {id(entry) for entry, _ in copies}

    for entry in entries:
        _remove_invisible(entry)
    doubts_check(entries)
    skipped: list[str] = []
    records: list[dict] = []
    for entry in entries:
        errors = [p for p in entry.problems if p.severity == "error"]
        problems += [
            Problem(p.file, p.message, p.hint, p.line, p.unit,
                    doc_id=entry.label if p.severity == "error" else None,
                    severity=p.severity)
            for p in entry.problems
        ]
        if errors or entry.record is None:
            skipped.append(entry.label)
            repeated.discard(id(entry))
        elif id(entry) not in repeated:
            records.append(entry.record)

    blocking = any(p.severity == "error" and p.doc_id is None for p in problems)
    exports = list({id(e.export): e.export for e in entries if e.export is not None}.values())
    report = CorpusReport(str(path), None, problems, len(entries),
                          skipped if not blocking else [], exports=exports)
    if blocking:
        return report
    frame = (pd.DataFrame.from_records(records) if records
             else pd.DataFrame(columns=CORE_COLUMNS))
    extra = [c for c in frame.columns if c not in CORE_COLUMNS]
    frame = frame[CORE_COLUMNS + extra].reset_index(drop=True)
    frame = frame.astype({c: "string" for c in frame.columns})
    lookalikes = outlet_lookalikes_message(frame["outlet"].value_counts().to_dict())
    if lookalikes:
        report.problems.append(Problem(
            str(path), lookalikes, "Write each outlet the same way in the source (the "
            "letters of one alphabet, no invisible characters).", severity="warning"))
    if find_duplicates:
        report.duplicates = duplicates_pairs(frame, near=min(NEAR_REPORT, near))
    if dedupe != "none":
        report.dropped = duplicates_drop(frame, dedupe=dedupe, near=near,
                                         pairs=report.duplicates)
        frame = frame[~frame["doc_id"].isin(report.dropped["doc_id"])].reset_index(drop=True)
    copies = [(entry, first) for entry, first in copies if id(entry) in repeated]
    if copies:
        report.dropped = pd.concat([report.dropped, _repeats_dropped(copies, path)],
                                   ignore_index=True)
    frame.attrs["source"] = str(path)
    report.corpus = frame
    return report


@corpus_options_signature()
def corpus_load(source: str | Path, **options) -> pd.DataFrame:
    """Load a corpus: a folder (seed-format ``.txt`` files and news exports, in any mix), a
    CSV/TSV/JSONL/Parquet file, a news export (Nexis Uni ``.docx`` or ``.rtf``, LexisNexis
    ``.txt``) or a ``.zip`` of exports.

    Returns one row per article with the columns

    - ``doc_id``: the article's id (metadata ``doc_id``, else the file's path in the folder
      without ``.txt``; for tables the id column, else ``<file stem>-<row number>``),
    - ``outlet``: the outlet, or ``"(unknown)"`` when the source names none,
    - ``date``: ``YYYY-MM`` or ``YYYY-MM-DD`` (``<NA>`` when unknown),
    - ``title``: the headline (``""`` when unknown),
    - ``text``: the article text, NFC-normalised, ``\\n`` line ends, without the header,

    followed by every other metadata column (for a folder: ``file``, the text file's path
    in the folder; for a news export: ``byline, section, length_words`` (the export's own
    word count), ``language`` (ISO code), ``load_date, source_file, source_position``),
    all as pandas ``string`` dtype. ``attrs["source"]`` names the source,
    ``attrs["n_given"]`` counts the articles it holds, ``attrs["skipped_articles"]`` lists
    the articles left out and ``attrs["skipped"]`` the problems that left them out (both
    empty unless ``skip_invalid``), and ``attrs["dropped"]`` the duplicates left out, one
    dict per article with the columns of :func:`~analysis.corpus.dedupe.duplicates_drop`
    (``pd.DataFrame(corpus.attrs["dropped"])`` makes it a table).

    ``dedupe`` drops duplicate articles: ``"outlet"`` keeps one copy per outlet,
    ``"corpus"`` one copy overall (the first by date, then by id), ``"none"`` (the
    default) keeps all. ``near`` (default 1.0: exact copies only) also counts as copies
    the texts whose word 5-gram sets have a Jaccard similarity of at least ``near``. See
    :mod:`analysis.corpus.dedupe`; a warning says how many were dropped.

    ``encoding`` names the encoding of the text files (default: detected per file). It
    applies to ``metadata.csv`` too unless that file is valid UTF-8.

    Hidden files and folders (names starting with ``.``) in a folder or a ``.zip`` are not
    read, and a warning names them; ``include_hidden=True`` reads them too.

    Raises :class:`CorpusError` listing every problem (file, line and what to do) when any
    article cannot be read; with ``skip_invalid=True`` those articles are left out instead,
    and a warning gives their count. Problems with the corpus as a whole (a missing
    column, an unreadable ``metadata.csv``) always raise.

    >>> from analysis.paths import CORPUS_DIR
    >>> corpus = corpus_load(CORPUS_DIR)
    >>> sorted(corpus["outlet"])
    ['De Morgen', 'NOS', 'NRC', 'Trouw', 'de Volkskrant']
    """
    given = corpus_options_given(corpus_load, options)
    skip_invalid, dedupe, near = given.skip_invalid, given.dedupe, given.near
    report = _check(source, given, find_duplicates=False)
    corpus = report.corpus
    if corpus is None or (report.errors and not skip_invalid):
        raise CorpusError(report.problems)
    if corpus.empty:
        raise CorpusError(report.problems + [Problem(
            report.source, f"none of its {report.n_given} article(s) could be loaded.",
            "Fix the problems above.")])
    corpus.attrs["skipped"] = report.errors
    corpus.attrs["skipped_articles"] = list(report.skipped)
    corpus.attrs["n_given"] = report.n_given
    # Records, not a DataFrame: pandas compares attrs when it concatenates tables.
    corpus.attrs["dropped"] = ([] if report.dropped is None
                               else report.dropped.to_dict("records"))
    for problem in report.warnings:
        warnings.warn(str(problem), stacklevel=2)
    if report.skipped:
        warnings.warn(
            f"{len(report.skipped)} of {report.n_given} article(s) skipped as invalid: "
            f"{', '.join(report.skipped)}; see corpus.attrs['skipped'] for why.",
            stacklevel=2,
        )
    if report.dropped is not None and not report.dropped.empty:
        warnings.warn(
            f"{dropped_summary(report.dropped)} (dedupe={dedupe!r}, near={near}); see "
            "corpus.attrs['dropped'] for which article each one copies.", stacklevel=2)
    return corpus
