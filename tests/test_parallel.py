import multiprocessing
import os

from analysis.parallel import cores, process_pool


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_cores_counts_the_usable_cores():
    n = cores()
    assert n >= 1
    if hasattr(os, "sched_getaffinity"):
        assert n == len(os.sched_getaffinity(0))


def test_pool_runs_the_work_in_other_processes():
    with process_pool() as pool:
        results = list(pool.map(_square_and_pid, range(5)))
    assert [r for r, _ in results] == [0, 1, 4, 9, 16]
    assert os.getpid() not in {pid for _, pid in results}


def test_workers_are_not_forked_from_the_caller_where_a_forkserver_exists():
    pool = process_pool()
    try:
        expected = ("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                    else multiprocessing.get_start_method())
        assert pool._mp_context.get_start_method() == expected
        assert pool._max_workers == cores()
    finally:
        pool.shutdown()
