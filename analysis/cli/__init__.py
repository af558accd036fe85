"""The ``discourse`` command line: one sub-command per analysis, CSV out.

Each module in :mod:`analysis.cli` registers its sub-commands with ``register(commands)``;
:func:`main` collects them. Errors the user can fix (a bad corpus, a missing column) end
the program with a message naming the file and what to do, not with a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import warnings
from pathlib import Path

from analysis import __version__
from analysis.cli.common import OutputFolder, OutputPath, UserError, cache_environment
from analysis.corpus import CorpusError
from analysis.io import (
    OutputError,
    OutputInCorpusError,
    corpus_protect,
    output_check,
    output_writable,
)

__all__ = ["main", "build_parser", "UserError"]

COMMAND_MODULES = ("corpus", "vocabulary", "statistics", "frames", "sentiment", "learn",
                   "timeline", "quotes", "validation", "topics", "search", "cache")


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
        _check_outputs(parser, args)
        with corpus_protect(*_sources(args)), cache_environment(args), _store_warnings():
            return int(args.func(args) or 0)
    except (OutputInCorpusError, OutputError) as exc:
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
    except OSError as exc:  # a file the user named that the system cannot read or write
        if exc.filename is None:
            raise
        print(f"discourse {args.command}: {exc.filename}: {_os_reason(exc)}", file=sys.stderr)
        return 2


def _os_reason(exc: OSError) -> str:
    """What an operating-system error on a file means for the user, as one sentence."""
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file."
    if isinstance(exc, NotADirectoryError):
        return "is a file, not a folder."
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder."
    if isinstance(exc, PermissionError):
        return "permission denied; give a file you may read (or a folder you may write to)."
    return f"{(exc.strerror or str(exc)).rstrip('.').lower()}."


@contextlib.contextmanager
def _store_warnings():
    """A warning of the token store is one line on stderr (``warning: ...``), as the
    command's other warnings are."""
    from analysis.tokens.store import TokenStoreWarning

    shown = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, TokenStoreWarning):
            print(f"warning: {message}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = shown


def _sources(args: argparse.Namespace) -> list[str]:
    """The corpora a command reads: ``CORPUS`` (or ``--corpus``), and every ``SOURCE`` of
    ``discourse import``."""
    return [s for s in [getattr(args, "corpus", None), *getattr(args, "sources", [])] if s]


def _option_names(parser: argparse.ArgumentParser, command: str) -> dict[str, str]:
    """The option strings of each argument of ``command``, by dest (``-o/--output``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            sub = action.choices[command]
            return {a.dest: "/".join(a.option_strings) or a.dest for a in sub._actions}
    return {}


def _check_outputs(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Check every output option (those of ``type=output_path`` or ``output_folder``)
    before the command runs: nothing is written into the bundled corpus or any corpus the
    command reads, a file is not a folder (nor the reverse), its folder may be written to,
    and no two options name the same file."""
    names = _option_names(parser, args.command)
    seen: dict[Path, str] = {}
    for dest, value in vars(args).items():
        if not (isinstance(value, OutputPath) and value):
            continue
        output_check(value, *_sources(args))
        example = f"{args.command if dest == 'output' else dest}.csv"
        output_writable(value, folder=isinstance(value, OutputFolder), example=example)
        resolved = Path(value).resolve()
        if resolved in seen:
            raise UserError(f"{seen[resolved]} and {names.get(dest, dest)} both name {value}. "
                            "Give each output its own file.")
        seen[resolved] = names.get(dest, dest)


if __name__ == "__main__":
    sys.exit(main())
