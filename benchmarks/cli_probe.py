"""Run one ``discourse`` command in this process, as the ``discourse`` script does, and
record how long it spent getting the corpus's sentences and tokens.

    python -m benchmarks.cli_probe RESULT.json COMMAND [ARGS...]

``RESULT.json`` receives ``seconds`` (from the start of this process to the command's end,
imports included), ``tokens_seconds`` (the time inside :func:`analysis.tokens.tokens_corpus`
and :func:`analysis.tokens.tokens_sentences`, the outermost call counted once: reading the
token store or tokenising, and making the tables), the same two as CPU seconds of this
process (``cpu_seconds``, ``tokens_cpu_seconds``: on a busy machine a share of CPU time
is steadier than one of wall time; worker processes are not counted), ``exit`` and the
token store's counters (:data:`analysis.tokens.STATS`). The two functions are wrapped
in :mod:`analysis.tokens` before any other module imports them, so every caller (the
command line, frames, sentiment) goes through the wrappers.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import functools  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def _probe(module, names: tuple[str, ...]) -> list[float]:
    """Wrap ``names`` of ``module`` in timers; returns [wall seconds, CPU seconds] spent in
    them, filled in as they run."""
    spent = [0.0, 0.0]
    depth = [0]

    def timed(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            depth[0] += 1
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    spent[0] += time.perf_counter() - start
                    spent[1] += time.process_time() - cpu
        return wrapper

    for name in names:
        setattr(module, name, timed(getattr(module, name)))
    return spent


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    result, command = Path(argv[0]), argv[1:]
    import analysis.tokens.corpus_tables
    from analysis.tokens import store as tokenstore

    spent = _probe(analysis.tokens.corpus_tables, ("tokens_corpus", "tokens_sentences"))
    from analysis.cli import main as discourse

    code = discourse(command)
    result.write_text(json.dumps({
        "command": command, "exit": code, "seconds": time.perf_counter() - STARTED,
        "tokens_seconds": spent[0], "cpu_seconds": time.process_time(),
        "tokens_cpu_seconds": spent[1], "store": dict(tokenstore.STATS)}), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
