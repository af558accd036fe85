"""Worker processes for the analyses that split a large corpus over the cores."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def cores() -> int:
    """Number of cores this process may use (its CPU affinity where the system has one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def process_pool(**options) -> ProcessPoolExecutor:
    """A pool of one worker process per core (``options`` go to ``ProcessPoolExecutor``).

    Workers are started by a small server process ("forkserver"), not forked from the
    caller, where the system offers it: a notebook kernel that holds a large corpus does
    not hand a copy of its memory to each worker, and each worker receives only the part
    of the work it is given. Elsewhere the system's default start method is used.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver") if "forkserver" in methods else None
    return ProcessPoolExecutor(max_workers=cores(), mp_context=context, **options)
