"""Options and output shared by every ``discourse`` sub-command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis.corpus import corpus_load
from analysis.figures import write_atomic

__all__ = ["add_corpus_arguments", "corpus_options", "corpus_from_args", "write_table",
           "add_output_argument"]

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


def add_output_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=required,
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
