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
from analysis.cli.common import OutputPath, UserError
from analysis.corpus import CorpusError
from analysis.io import OutputInCorpusError, corpus_protect, output_check

__all__ = ["main", "build_parser", "UserError"]

COMMAND_MODULES = ("corpus", "vocabulary", "frames", "sentiment", "timeline", "quotes")


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
        with corpus_protect(*_sources(args)):
            return int(args.func(args) or 0)
    except OutputInCorpusError as exc:
        print(f"discourse {args.command}: {exc}", file=sys.stderr)
        return 2
    except CorpusError as exc:
        print(exc, file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"discourse {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and the like
        return 0


def _sources(args: argparse.Namespace) -> list[str]:
    """The corpora a command reads: ``CORPUS`` (or ``--corpus``), and every ``SOURCE`` of
    ``discourse import``."""
    return [s for s in [getattr(args, "corpus", None), *getattr(args, "sources", [])] if s]


def _refuse_outputs_in_corpus(args: argparse.Namespace) -> None:
    """Check every output option (those of ``type=output_path``) before the command runs:
    nothing is written into the bundled corpus or any corpus the command reads."""
    for value in vars(args).values():
        if isinstance(value, OutputPath) and value:
            output_check(value, *_sources(args))


if __name__ == "__main__":
    sys.exit(main())
