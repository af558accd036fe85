"""Options and output shared by every ``discourse`` sub-command."""

from __future__ import annotations

import argparse
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.corpus import corpus_load
from analysis.io import write_atomic

__all__ = ["add_corpus_arguments", "corpus_options", "corpus_from_args", "write_table",
           "add_output_argument", "add_grouping_arguments", "grouping_from_args",
           "grouped", "whole_number", "OutputPath", "output_path"]

COLUMN_OPTIONS = ("text", "id", "outlet", "date", "title")


def add_corpus_arguments(
    parser: argparse.ArgumentParser, *, positional: bool = True, required: bool = True
) -> None:
    """``CORPUS`` (or ``--corpus`` when not ``positional``), the ``--*-column`` options,
    ``--encoding`` and ``--skip-invalid``. ``required=False`` lets a positional CORPUS be
    left out (for sub-commands that also work without a corpus)."""
    help_corpus = ("a folder of seed-format .txt files (with an optional metadata.csv), or a "
                   "CSV, TSV, JSONL or Parquet file with one article a row")
    if positional:
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
    group.add_argument("--encoding", default=None,
                       help="the files' encoding (default: detected: UTF-8, UTF-16 with BOM, "
                       "or Windows-1252)")
    group.add_argument("--skip-invalid", action="store_true",
                       help="leave out articles that cannot be read, and list each of them, "
                       "instead of stopping")


def corpus_options(args: argparse.Namespace) -> dict[str, str | None]:
    """The column and encoding options of ``args`` as keyword arguments for corpus_load."""
    options = {f"{key}_column": getattr(args, f"{key}_column") for key in COLUMN_OPTIONS}
    options["encoding"] = args.encoding
    return options


def corpus_from_args(args: argparse.Namespace, default=None) -> pd.DataFrame:
    """Load the corpus named on the command line; report skipped articles on stderr."""
    import warnings

    source = args.corpus if args.corpus is not None else default
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = corpus_load(source, skip_invalid=args.skip_invalid, **corpus_options(args))
    for warning in caught:
        if "skipped as invalid" not in str(warning.message):  # listed one by one below
            print(f"warning: {warning.message}", file=sys.stderr)
    skipped = corpus.attrs.get("skipped", [])
    if skipped:
        ids = {p.doc_id for p in skipped}
        print(f"Skipped {len(ids)} invalid article(s):", file=sys.stderr)
        for problem in skipped:
            print(f"  - {problem}", file=sys.stderr)
    return corpus


class OutputPath(str):
    """The value of an option that names a file or folder the command writes."""


def output_path(value: str) -> OutputPath:
    """The ``type=`` of every option that names a file or folder a command writes:
    :func:`analysis.cli.main` checks each such value with :func:`analysis.io.output_check`
    before the command runs, so an output inside the corpus is refused up front."""
    return OutputPath(value)


def add_output_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=required, type=output_path,
                        help="write the table to this CSV file" +
                        ("" if required else " (default: print it)"))


def write_table(table: pd.DataFrame, output: str | None) -> None:
    """Write ``table`` as CSV to ``output`` atomically, or print it readably when None."""
    if output is None:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 80):
            print(table.to_string(index=False))
        return
    write_atomic(Path(output), table.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    print(f"Wrote {len(table)} rows to {output}", file=sys.stderr)


def add_grouping_arguments(parser: argparse.ArgumentParser, *, by_default: str = "outlet"
                           ) -> None:
    """``--by COLUMN[,COLUMN]`` and ``--period day|week|month|quarter|year``."""
    from analysis.periods import PERIODS

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
    from analysis.cli import UserError

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
    from analysis.cli import UserError
    from analysis.periods import PeriodWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except ValueError as exc:
            raise UserError(str(exc)) from None
    for warning in caught:
        kind = "note" if issubclass(warning.category, PeriodWarning) else "warning"
        print(f"{kind}: {warning.message}", file=sys.stderr)


def whole_number(minimum: int = 1):
    """An argparse type: a whole number, ``minimum`` or more."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = minimum - 1
        if number < minimum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number, {minimum} or more, not {value!r}")
        return number

    return parse
