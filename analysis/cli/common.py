"""Options and output shared by every ``discourse`` sub-command."""

from __future__ import annotations

import argparse
import io
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.corpus import corpus_load
from analysis.corpus.options import CorpusOptions
from analysis.io import table_to_csv, write_atomic

__all__ = ["prose", "add_command", "add_corpus_arguments", "corpus_options", "corpus_from_args",
           "write_table",
           "add_output_argument", "add_grouping_arguments", "grouping_from_args",
           "grouped", "whole_number", "read_coded_sample", "OutputPath", "output_path",
           "OutputFolder", "output_folder", "report_loading", "write_dropped", "UserError",
           "add_cache_arguments", "cache_environment", "encoding_option"]

COLUMN_OPTIONS = CorpusOptions.COLUMNS


def prose(text: str) -> str:
    """A paragraph written across lines in the code (a command's description), as one line
    (argparse wraps it to the terminal).

    >>> prose("  Two lines\\n      of help.\\n")
    'Two lines of help.'
    """
    return " ".join(text.split())


def add_command(commands, name: str, *, help: str, description: str, epilog: str | None = None,
                func=None, corpus: bool = True) -> argparse.ArgumentParser:
    """The sub-command ``name`` of ``discourse`` (its parser, to add its own options to): its
    one-line ``help``, its ``description`` (a paragraph written across lines, see
    :func:`prose`), an example ``epilog``, the function that runs it and, unless ``corpus``
    is False, the corpus arguments of :func:`add_corpus_arguments`.

    >>> commands = argparse.ArgumentParser(prog="discourse").add_subparsers(dest="command")
    >>> check = add_command(commands, "check", help="check a corpus", description='''
    ...     Load a corpus and
    ...     list its problems.
    ... ''', func=print)
    >>> check.description, check.get_default("func") is print
    ('Load a corpus and list its problems.', True)
    >>> commands.choices["check"].parse_args(["corpus.csv"]).corpus
    'corpus.csv'
    """
    parser = commands.add_parser(name, help=help, description=prose(description), epilog=epilog)
    if corpus:
        add_corpus_arguments(parser)
    if func is not None:
        parser.set_defaults(func=func)
    return parser


class UserError(Exception):
    """An error in what the user asked for; printed without a traceback, exit status 2."""


def add_corpus_arguments(
    parser: argparse.ArgumentParser, *, positional: bool = True, required: bool = True,
    source: bool = True, cache: bool = True,
) -> None:
    """``CORPUS`` (or ``--corpus`` when not ``positional``; neither when not ``source``),
    the ``--*-column`` options, ``--encoding``, ``--include-hidden``, ``--skip-invalid``,
    the duplicate options (``--dedupe``, ``--near``, ``--dropped``) and, with ``cache``,
    the token store options (``--cache-dir``, ``--no-cache``). ``required=False`` lets a positional
    CORPUS be left out (for sub-commands that also work without a corpus)."""
    help_corpus = ("a folder of seed-format .txt files (with an optional metadata.csv) and "
                   "news exports; a CSV, TSV, JSONL or Parquet file with one article a row; "
                   "a Nexis Uni .docx or .rtf export, a LexisNexis .txt export, or a .zip of "
                   "exports")
    if not source:
        pass
    elif positional:
        parser.add_argument("corpus", metavar="CORPUS", help=help_corpus,
                            nargs=None if required else "?")
    else:
        parser.add_argument("--corpus", metavar="CORPUS", default=None,
                            help=help_corpus + " (default: the bundled corpus)")
    group = parser.add_argument_group("corpus columns (for table files)")
    for key in COLUMN_OPTIONS:
        default = "doc_id" if key == "id" else key
        group.add_argument(f"--{key}-column", metavar="NAME", default=None,
                           help=f"the column that holds the {key} (default: {default})")
    group.add_argument("--encoding", default=None, type=encoding_option,
                       help="the files' encoding (default: detected: UTF-8, UTF-16 with BOM, "
                       "or Windows-1252)")
    group.add_argument("--include-hidden", action="store_true",
                       help="also read hidden files and folders (names starting with '.') in "
                       "a corpus folder or .zip; without it they are named in a warning and "
                       "not read")
    group.add_argument("--skip-invalid", action="store_true",
                       help="leave out articles that cannot be read, and list each of them, "
                       "instead of stopping")
    add_dedupe_arguments(parser)
    if cache:
        add_cache_arguments(parser)


def encoding_option(value: str) -> str:
    """The ``type=`` of every option that names an encoding: a text encoding Python knows
    (not a codec such as rot13 or base64 that turns bytes into bytes)."""
    from analysis.corpus.decode import text_encoding

    try:
        text_encoding(value)
    except LookupError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def add_cache_arguments(parser: argparse.ArgumentParser) -> None:
    """``--cache-dir DIR`` and ``--no-cache``: where the token store is, or none (see
    :mod:`analysis.tokens.store`; :func:`cache_environment` applies them)."""
    group = parser.add_argument_group(
        "token store (the corpus's sentences and tokens, kept for the next run)")
    group.add_argument("--cache-dir", metavar="DIR", type=output_folder, default=None,
                       help="keep the token store in DIR/tokens (default: $DISCOURSE_CACHE_DIR, "
                       "else the user's cache folder, e.g. ~/.cache/dutch-discourse); "
                       "'discourse cache info' shows it")
    group.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the token store: tokenise the corpus anew")


@contextmanager
def cache_environment(args: argparse.Namespace) -> Iterator[None]:
    """Within the block, the token store follows ``--cache-dir`` and ``--no-cache``: they
    are set in the environment (``DISCOURSE_CACHE_DIR``, ``DISCOURSE_NO_CACHE``), so the
    notebook kernels ``discourse figures`` starts follow them too; restored afterwards."""
    from analysis.tokens.store import CACHE_DIR_ENV, NO_CACHE_ENV

    wanted = {}
    if getattr(args, "cache_dir", None):
        wanted[CACHE_DIR_ENV] = str(Path(args.cache_dir).expanduser().resolve())
    if getattr(args, "no_cache", False):
        wanted[NO_CACHE_ENV] = "1"
    before = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def fraction(what: str):
    """An argparse type: a number above 0 and at most 1, ``what`` naming it in the error."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0.0 < number <= 1.0:
            raise argparse.ArgumentTypeError(
                f"expected a {what} above 0 and at most 1 (e.g. 0.9), not {value!r}")
        return number

    return parse


def comma_names(value: str | None) -> list[str]:
    """The names of a comma-separated option, stripped, empty ones left out."""
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def add_dedupe_arguments(parser: argparse.ArgumentParser) -> None:
    """``--dedupe``, ``--near`` and ``--dropped``: duplicate articles."""
    from analysis.corpus.dedupe import DEDUPE_MODES

    group = parser.add_argument_group("duplicate articles")
    group.add_argument("--dedupe", choices=DEDUPE_MODES, default="none",
                       help="drop duplicates: 'outlet' keeps one copy per outlet, 'corpus' one "
                       "copy overall (the first by date, then by id); 'none' keeps all "
                       "(default: none; duplicates are reported by 'discourse check')")
    group.add_argument("--near", type=fraction("similarity"), default=1.0, metavar="T",
                       help="also treat texts whose word 5-grams have a Jaccard similarity of "
                       "at least T as copies (default: 1.0, exact copies only)")
    group.add_argument("--dropped", metavar="FILE", type=output_path, default=None,
                       help="write the dropped articles, and the article each one copies, "
                       "to this CSV file")


def corpus_options(args: argparse.Namespace) -> CorpusOptions:
    """The corpus options of the command line (``--*-column``, ``--encoding``,
    ``--include-hidden``, ``--skip-invalid``, ``--dedupe``, ``--near``)."""
    return CorpusOptions.of(args)


def write_dropped(dropped: pd.DataFrame | None, args: argparse.Namespace) -> None:
    """Say how many duplicates were dropped, and why, on stderr; write the table to
    ``--dropped FILE`` when given (an empty table when none were dropped)."""
    from analysis.corpus.dedupe import dropped_summary, duplicates_drop

    if dropped is None or dropped.empty:  # the table's columns, no rows
        dropped = duplicates_drop(pd.DataFrame(columns=["doc_id", "text"]), dedupe="none")
    if getattr(args, "dedupe", "none") != "none":
        print(f"Duplicates (--dedupe {args.dedupe}, --near {args.near}): "
              f"{dropped_summary(dropped)}.", file=sys.stderr)
    if getattr(args, "dropped", None):
        write_table(dropped, args.dropped)


def add_match_arguments(parser: argparse.ArgumentParser, matches: str) -> None:
    """``-o/--output FILE`` for the counts of a dictionary command and ``--matches FILE``
    for ``matches`` (``every match``) as one table."""
    parser.add_argument("-o", "--output", metavar="FILE", default=None, type=output_path,
                        help="write the counts to this CSV file (default: print them)")
    parser.add_argument("--matches", metavar="FILE", default=None, type=output_path,
                        help=f"write {matches} to this CSV file")


def add_init_argument(parser: argparse.ArgumentParser, kind: str) -> None:
    """``--init FILE``: write the shipped ``kind`` dictionary (see :func:`dictionary_init`)."""
    parser.add_argument("--init", metavar="FILE", default=None, type=output_path,
                        help=f"write the shipped {kind} dictionary to FILE for editing, "
                        "and stop")


def dictionary_init(args: argparse.Namespace, init, *, kind: str, option: str) -> bool:
    """``--init FILE`` of a dictionary command: write the shipped ``kind`` dictionary with
    ``init(FILE)``, say how to use it and return True (the command is done); without it,
    False, once a CORPUS is given."""
    if args.init:
        try:
            path = init(args.init)
        except (FileExistsError, OSError) as exc:
            raise UserError(str(exc)) from None
        print(f"Wrote the {kind} dictionary to {path}; edit it, then run "
              f"`discourse {args.command} CORPUS {option} {path}`.", file=sys.stderr)
        return True
    if args.corpus is None:
        raise UserError(f"give a CORPUS to analyse, or --init FILE to write the {kind} "
                        "dictionary.")
    return False


def corpus_from_args(args: argparse.Namespace, default=None) -> pd.DataFrame:
    """Load the corpus named on the command line; report skipped articles on stderr."""
    import warnings

    source = args.corpus if args.corpus is not None else default
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = corpus_load(source, **corpus_options(args).keywords())
    report_loading(corpus, caught)
    write_dropped(pd.DataFrame(corpus.attrs.get("dropped", [])), args)
    return corpus


def report_loading(corpus: pd.DataFrame, caught) -> None:
    """Print the warnings caught while loading ``corpus`` and the articles skipped, on
    stderr (the dropped duplicates are told by :func:`write_dropped`)."""
    for warning in caught:
        message = str(warning.message)
        # Skipped articles are listed one by one below; dropped ones by write_dropped.
        if "skipped as invalid" not in message and "corpus.attrs['dropped']" not in message:
            # a problem of the corpus says "warning:" itself, after the file it concerns
            said = ": warning: " in message
            print(message if said else f"warning: {message}", file=sys.stderr)
    skipped = corpus.attrs.get("skipped", [])
    if skipped:
        ids = {p.doc_id for p in skipped}
        print(f"Skipped {len(ids)} invalid article(s):", file=sys.stderr)
        for problem in skipped:
            print(f"  - {problem}", file=sys.stderr)


class OutputPath(str):
    """The value of an option that names a file or folder the command writes."""


class OutputFolder(OutputPath):
    """The value of an option that names a folder the command writes into."""


def output_path(value: str) -> OutputPath:
    """The ``type=`` of every option that names a file a command writes:
    :func:`analysis.cli.main` checks each such value with :func:`analysis.io.output_check`
    and :func:`analysis.io.output_writable` before the command runs, so an output inside the
    corpus, a folder given for a file, a folder the user may not write to, and two options
    naming the same file are refused up front."""
    return OutputPath(value)


def output_folder(value: str) -> OutputFolder:
    """The ``type=`` of every option that names a folder a command writes into (checked as
    :func:`output_path` values are)."""
    return OutputFolder(value)


def add_output_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=required, type=output_path,
                        help="write the table to this CSV file (or Parquet, every value "
                        "exact, when FILE ends in .parquet)" +
                        ("" if required else " (default: print it)"))


def write_table(table: pd.DataFrame, output: str | None) -> None:
    """Write ``table`` to ``output`` atomically: as CSV (see :func:`analysis.io.table_to_csv`:
    floats to 10 significant digits, formula-like text cells prefixed with ``'``), or as
    Parquet, every value exact, when the name ends in ``.parquet``; print it readably when
    ``output`` is None."""
    if output is None:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 80):
            print(table.to_string(index=False))
        return
    if Path(output).suffix.lower() == ".parquet":
        buffer = io.BytesIO()
        table.to_parquet(buffer, index=False)
        data = buffer.getvalue()
    else:
        data = table_to_csv(table)
    write_atomic(Path(output), data)
    print(f"Wrote {len(table)} rows to {output}", file=sys.stderr)


def add_grouping_arguments(parser: argparse.ArgumentParser, *, by_default: str = "outlet"
                           ) -> None:
    """``--by COLUMN[,COLUMN]`` and ``--period day|week|month|quarter|year``."""
    from analysis.periods.binning import PERIODS

    parser.add_argument(
        "--by", metavar="COLUMN", default=None,
        help=f"group by this corpus column (default: {by_default}, or none with --period), "
        "e.g. outlet, country, doc_id; with --period several, comma-separated")
    parser.add_argument(
        "--period", choices=PERIODS, default=None,
        help="also group by period: the article's date binned into days, ISO weeks (from "
        "Monday), months, quarters or years, named by their first day (YYYY-MM-DD); "
        "periods without articles are rows with 0 articles")


def grouping_from_args(args: argparse.Namespace, corpus: pd.DataFrame,
                       default: str | None = "outlet"):
    """The ``by`` columns (a name, a list, or None) of ``--by``, checked against the corpus."""
    if args.by is None:
        columns = [] if getattr(args, "period", None) or default is None else [default]
    else:
        columns = [c.strip() for c in args.by.split(",") if c.strip()]
    for column in columns:
        if column not in corpus.columns:
            raise UserError(f"the corpus has no column {column!r}; choose --by among: "
                            f"{', '.join(c for c in map(str, corpus.columns) if c != 'text')}")
    if len(columns) > 1 and not getattr(args, "period", None):
        raise UserError("several --by columns combine with --period only; give one column")
    if not columns:
        return None
    return columns[0] if len(columns) == 1 else columns


@contextmanager
def grouped():
    """Around a grouping computation: a ``ValueError`` (a mistake in what was asked) ends
    the command with its message, and the notes on articles left out of the periods (and
    any other warning) are printed on stderr afterwards."""
    from analysis.periods.binning import PeriodWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except ValueError as exc:
            raise UserError(str(exc)) from None
    for warning in caught:
        kind = "note" if issubclass(warning.category, PeriodWarning) else "warning"
        print(f"{kind}: {warning.message}", file=sys.stderr)


def read_coded_sample(path: Path, encoding: str) -> pd.DataFrame:
    """A hand-coded sample (CSV, or TSV by its suffix), every cell as text; a missing file,
    a wrong encoding or a broken file ends the command with a message naming the file."""
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give the CSV or TSV file of the coded sample.")
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False,
                           encoding=encoding)
    except pd.errors.EmptyDataError:
        raise UserError(f"{path}: is empty; write a header line naming the columns, and one "
                        "row per coded item.") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not readable as {encoding} ({exc.reason} at byte "
                        f"{exc.start}); give the right --encoding") from None
    except pd.errors.ParserError as exc:
        raise UserError(f"{path}: not a readable CSV/TSV file: {exc}") from None


def whole_number(minimum: int = 1, maximum: int | None = None):
    """An argparse type: a whole number, ``minimum`` or more (and at most ``maximum``)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = minimum - 1
        if maximum is not None and not minimum <= number <= maximum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {minimum} to {maximum}, not {value!r}")
        if number < minimum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number, {minimum} or more, not {value!r}")
        return number

    return parse
