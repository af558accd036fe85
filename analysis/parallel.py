"""Worker processes for the analyses that split a large corpus over the cores, and the
memory a large step frees given back to the system."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar


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


def memory_release() -> None:
    """Give the memory a large step has freed back to the system, where the C library
    keeps it otherwise (glibc holds freed blocks for reuse, so a kernel that tokenised a
    corpus keeps hundreds of MB it no longer uses); elsewhere nothing.

    >>> memory_release()
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _malloc_trim():
    """glibc's ``malloc_trim``, or None (another C library, another system)."""
    global _TRIM
    if _TRIM is False:
        import ctypes
        import ctypes.util

        _TRIM = None
        name = ctypes.util.find_library("c") if os.name == "posix" else None
        try:
            _TRIM = ctypes.CDLL(name).malloc_trim if name else None
        except (OSError, AttributeError):  # not glibc: no malloc_trim
            _TRIM = None
    return _TRIM


_TRIM = False

_SERIAL: ContextVar[bool] = ContextVar("serial", default=False)


@contextmanager
def serial() -> Iterator[None]:
    """Within the block, work stays in this process (a Dask worker: its cluster already
    gives every core its own worker)."""
    token = _SERIAL.set(True)
    try:
        yield
    finally:
        _SERIAL.reset(token)


def use_processes(wanted: bool, chunks: int) -> bool:
    """Whether work ``wanted`` in processes goes to them: when there are more than one core
    and more than one chunk, outside a :func:`serial` block and not in a daemonic process
    (which may not start processes of its own)."""
    if _SERIAL.get() or multiprocessing.current_process().daemon:
        return False
    return wanted and cores() > 1 and chunks > 1


#: Steps over tables of at least this many rows run their parts in threads
#: (:func:`threads_run`); below, starting the threads costs more than they gain.
THREADS_ROWS = 1_000_000


def threads_run(calls: Sequence[Callable[[], object]], *, wanted: bool = True) -> list:
    """Each of ``calls`` run, results in their order: side by side in threads of this
    process when ``wanted``, there is more than one call and more than one core, and not in
    a :func:`serial` block; otherwise in turn. For steps whose work is in numpy or scipy
    loops over large arrays, which let other threads run meanwhile.

    >>> threads_run([lambda: 1 + 1, lambda: "b"])
    [2, 'b']
    """
    if not (wanted and len(calls) > 1 and cores() > 1 and not _SERIAL.get()):
        return [call() for call in calls]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(cores(), len(calls))) as pool:
        futures = [pool.submit(call) for call in calls]
        return [future.result() for future in futures]


class _NoBar:
    """Stands in for a progress bar that is not shown."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None


def _bar(progress: bool, **options):
    """A tqdm bar (``options`` go to it) when ``progress``; otherwise one that shows nothing,
    without importing tqdm (with asyncio, a tenth of a second at the start of a command)."""
    if not progress:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(**options)


def chunks_map(work: Callable, items: Sequence, bounds: Sequence[tuple[int, int]], *,
               parallel: bool, progress: bool, desc: str, unit: str,
               initializer: Callable | None = None, initargs: tuple = (),
               first_here: bool = False, gather: Callable | None = None) -> list:
    """``work(items[a:b])`` for each ``(a, b)`` of ``bounds``, results in that order.
    With ``gather``, each result is handed to ``gather`` in this process as soon as it and
    every earlier one are in (while the workers go on with the rest), and what ``gather``
    returns is kept in its place.

    When :func:`use_processes` says so for ``parallel`` and the number of chunks, the
    chunks go to a :func:`process_pool`, whose workers first run
    ``initializer(*initargs)``; otherwise they are worked in this process (without the
    initializer). With ``first_here``, the first chunk is worked in this process before
    the pool starts, so that forked workers inherit what it filled (the caches of
    ``work``). A tqdm bar, when ``progress``, counts the items done.

    >>> chunks_map(sum, [1, 2, 3, 4, 5], [(0, 2), (2, 5)], parallel=False, progress=False,
    ...            desc="sum", unit="number")
    [3, 12]
    """
    parallel = use_processes(parallel, len(bounds))
    results = []
    keep = gather if gather is not None else _same
    with _bar(progress, total=sum(b - a for a, b in bounds), desc=desc, unit=unit) as bar:
        if parallel:
            rest = bounds
            if first_here:
                (a, b), rest = bounds[0], bounds[1:]
                results.append(keep(work(items[a:b])))
                bar.update(b - a)
            with process_pool(initializer=initializer, initargs=initargs) as pool:
                futures = [pool.submit(work, items[a:b]) for a, b in rest]
                for n, (a, b) in enumerate(rest):
                    future, futures[n] = futures[n], None  # its result let go once kept
                    results.append(keep(future.result()))
                    del future
                    bar.update(b - a)
        else:
            for a, b in bounds:
                results.append(keep(work(items[a:b])))
                bar.update(b - a)
    return results


def _same(result):
    return result
