"""The ``discourse`` command line: one sub-command per analysis, CSV out.

Each module in :mod:`analysis.cli` registers its sub-commands with ``register(commands)``;
:func:`main` collects them. Errors the user can fix (a bad corpus, a missing column) end
the program with a message naming the file and what to do, not with a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from analysis import __version__
from analysis.corpus import CorpusError

__all__ = ["main", "build_parser", "UserError"]

COMMAND_MODULES = ("corpus", "vocabulary", "frames", "sentiment", "timeline")


class UserError(Exception):
    """An error in what the user asked for; printed without a traceback, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discourse",
        description="Discourse analysis of Dutch news: check a corpus, count its vocabulary, "
        "find its frames, score its tone, and regenerate every figure.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"analysis.cli.{name}").register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _refuse_outputs_in_corpus(args)
        return int(args.func(args) or 0)
    except CorpusError as exc:
        print(exc, file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"discourse {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and the like
        return 0


#: Option names (argparse dests) that name a file or folder the command writes.
OUTPUT_OPTIONS = ("output", "out", "matches", "cooccurrence")


def _refuse_outputs_in_corpus(args: argparse.Namespace) -> None:
    from analysis.figures import figures_refuse_corpus
    from analysis.paths import CORPUS_DIR

    corpus = getattr(args, "corpus", None)
    sources = {CORPUS_DIR} | ({corpus} if corpus else set())
    for name in OUTPUT_OPTIONS:
        value = getattr(args, name, None)
        if isinstance(value, str) and value:
            for source in sources:
                try:
                    figures_refuse_corpus(value, source)
                except ValueError as exc:
                    raise UserError(str(exc)) from None


if __name__ == "__main__":
    sys.exit(main())
