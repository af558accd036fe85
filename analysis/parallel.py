"""Worker processes for the analyses that split a large corpus over the cores."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


def cores() -> int:
    """Number of cores this process may use (its CPU affinity where the system has one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


@contextmanager
def process_pool(**options) -> Iterator[ProcessPoolExecutor]:
    """A pool of one worker process per core, for a ``with`` block (``options`` go to
    ``ProcessPoolExecutor``).

    Where the system can fork (Linux, macOS with the "fork" method), workers are forked:
    they start at once and need no ``if __name__ == "__main__":`` guard in a user's
    script. Python's garbage collector is frozen while the pool lives, so that a worker
    does not write to (and so copy) the memory of every object a large notebook kernel
    holds; each worker receives only the part of the work it is given. Elsewhere the
    system's default start method is used.
    """
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if fork else None
    if fork:
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=cores(), mp_context=context, **options) as pool:
            yield pool
    finally:
        if fork:
            gc.unfreeze()
