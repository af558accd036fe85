"""Where the work runs: a small registry of schedulers.

- ``"local"``: a :class:`distributed.LocalCluster` on this machine, started for the run
  and stopped after it: ``workers`` processes (default: one per core) of one thread
  each, each limited to ``memory_limit`` (default ``"2GiB"``): a worker that holds more
  is restarted by its nanny, and the partition it worked on is reported.
- ``"tcp://HOST:PORT"``: an existing scheduler (``dask scheduler`` with ``dask worker``
  processes, or a ``dask-jobqueue`` cluster); the run fails with a clear message when it
  does not answer within ``timeout`` seconds.

A new kind of scheduler is one function added to :data:`SCHEDULERS` (name: the address's
scheme, or the whole name).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from analysis.cluster.dataset import ClusterError

__all__ = ["SCHEDULERS", "scheduler_client", "memory_check"]

#: The dashboard of a local cluster (``http://127.0.0.1:8787/status``; another port when
#: that one is taken).
DASHBOARD = "127.0.0.1:8787"


def memory_check(memory_limit: str) -> int:
    """The bytes of a memory limit such as ``"2GiB"`` or ``"1500MB"``; ``ValueError``
    saying what is expected otherwise.

    >>> memory_check("2GiB")
    2147483648
    """
    from dask.utils import parse_bytes

    try:
        value = parse_bytes(str(memory_limit))
    except (ValueError, TypeError):
        value = 0
    if value <= 0:
        raise ValueError(f"a memory limit is a size such as 2GiB or 1500MB, not "
                         f"{memory_limit!r}")
    return value


@contextmanager
def _local(address: str, *, workers: int | None, memory_limit: str, timeout: float,
           dashboard: bool) -> Iterator:
    from distributed import Client, LocalCluster

    memory_check(memory_limit)
    n = workers or os.cpu_count() or 1
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                           memory_limit=memory_limit,
                           dashboard_address=DASHBOARD if dashboard else ":0",
                           silence_logs=50)
    try:
        with Client(cluster, timeout=timeout) as client:
            yield client
    finally:
        cluster.close()


@contextmanager
def _tcp(address: str, *, workers: int | None, memory_limit: str, timeout: float,
         dashboard: bool) -> Iterator:
    from distributed import Client

    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"{address}: no Dask scheduler answered within {timeout:g} s ({type(exc).__name__}); "
            "start one (dask scheduler, then dask worker ADDRESS) or check the host and "
            "port") from None
    with client:
        if not client.scheduler_info().get("workers"):
            try:
                client.wait_for_workers(1, timeout=timeout)
            except (OSError, TimeoutError):
                raise ClusterError(f"{address}: the scheduler has no workers; start some "
                                   f"(dask worker {address})") from None
        yield client


#: The schedulers, by name: ``local``, and ``tcp`` for ``tcp://HOST:PORT`` addresses.
SCHEDULERS: dict[str, Callable] = {"local": _local, "tcp": _tcp}


@contextmanager
def scheduler_client(scheduler: str = "local", *, workers: int | None = None,
                     memory_limit: str = "2GiB", timeout: float = 10.0,
                     dashboard: bool = True) -> Iterator:
    """A :class:`distributed.Client` for ``scheduler`` (``"local"`` or
    ``"tcp://HOST:PORT"``), closed (and a local cluster stopped) on leaving the block.
    ``workers`` and ``memory_limit`` apply to a local cluster. Raises
    :class:`ClusterError` for an unknown scheduler, and when an address does not answer.
    """
    name = scheduler.split("://", 1)[0] if "://" in scheduler else scheduler
    if name not in SCHEDULERS or (name == "tcp" and "://" not in scheduler):
        raise ClusterError(f"unknown scheduler {scheduler!r}: give 'local' (a cluster on this "
                           "machine) or the address of a running scheduler, tcp://HOST:PORT")
    if workers is not None and workers < 1:
        raise ClusterError(f"workers must be 1 or more, not {workers}")
    with SCHEDULERS[name](scheduler, workers=workers, memory_limit=memory_limit,
                          timeout=timeout, dashboard=dashboard) as client:
        yield client
