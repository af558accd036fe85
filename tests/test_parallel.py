import multiprocessing
import os
import sys

import pytest

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


def _script_without_main_guard(tmp_path):
    script = tmp_path / "analyse.py"
    script.write_text(
        "from analysis.parallel import process_pool\n"
        "from tests.test_parallel import _square_and_pid\n"
        "with process_pool() as pool:\n"
        "    print(sorted(r for r, _ in pool.map(_square_and_pid, range(4))))\n",
        encoding="utf-8")
    return script


def test_a_script_without_a_main_guard_can_use_the_pool(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(_script_without_main_guard(tmp_path))],
                          capture_output=True, text=True, cwd=root, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[0, 1, 4, 9]"]


def test_garbage_collection_is_frozen_only_while_the_pool_lives():
    import gc

    before = gc.get_freeze_count()
    with process_pool() as pool:
        assert pool._max_workers == cores()
        if "fork" in multiprocessing.get_all_start_methods():
            assert pool._mp_context.get_start_method() == "fork"
            assert gc.get_freeze_count() > before
        list(pool.map(_square_and_pid, range(2)))
    assert gc.get_freeze_count() == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_memory_goes_back_to_the_system():
    import numpy as np
    import psutil

    from analysis.parallel import memory_release

    process = psutil.Process()
    # 256 MB in blocks under glibc's mmap threshold (128 kB), freed but for every 64th,
    # which keeps the heap from shrinking at its top: the C library keeps the pages
    blocks = [np.ones(16_000) for _ in range(2_000)]
    kept = blocks[::64]
    del blocks
    before = process.memory_info().rss
    memory_release()
    after = process.memory_info().rss
    assert before - after > 128 * 2**20
    assert all(len(k) == 16_000 for k in kept)


_SEEN: list[int] = []


def _sum_seen_and_pid(items: list[int]) -> tuple[int, int, int]:
    """The sum of ``items``, the number of chunks this process had worked before, and its
    process id."""
    before = len(_SEEN)
    _SEEN.append(sum(items))
    return sum(items), before, os.getpid()


def test_the_first_chunk_is_worked_here_and_its_caches_reach_the_workers():
    import analysis.parallel as parallel

    if cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs two cores and forked workers")
    _SEEN.clear()
    results = parallel.chunks_map(_sum_seen_and_pid, [1, 2, 3, 4, 5, 6],
                                  [(0, 2), (2, 4), (4, 6)], parallel=True, progress=False,
                                  desc="sum", unit="number", first_here=True)
    assert [r[0] for r in results] == [3, 7, 11]
    assert results[0][1:] == (0, os.getpid())
    # forked after the first chunk: every worker starts with what it left
    assert all(before >= 1 and pid != os.getpid() for _, before, pid in results[1:])
    assert _SEEN == [3]
    _SEEN.clear()


def _slow_for_the_first(items: list[int]) -> tuple[int, int]:
    import time

    if items[0] == 3:
        time.sleep(0.3)  # the second chunk comes in after the third
    return sum(items), os.getpid()


def test_gather_takes_each_result_here_in_the_order_of_the_chunks():
    import analysis.parallel as parallel

    if cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs two cores and forked workers")
    taken = []

    def gather(result):
        taken.append((result[0], os.getpid()))
        return -result[0]

    results = parallel.chunks_map(_slow_for_the_first, [1, 2, 3, 4, 5, 6],
                                  [(0, 2), (2, 4), (4, 6)], parallel=True, progress=False,
                                  desc="sum", unit="number", first_here=True, gather=gather)
    assert results == [-3, -7, -11]
    assert taken == [(3, os.getpid()), (7, os.getpid()), (11, os.getpid())]


def test_gather_in_this_process_without_workers():
    import analysis.parallel as parallel

    results = parallel.chunks_map(sum, [1, 2, 3, 4, 5], [(0, 2), (2, 5)], parallel=False,
                                  progress=False, desc="sum", unit="number", gather=str)
    assert results == ["3", "12"]


def test_threads_run_side_by_side_results_in_order_and_in_turn_when_serial():
    import threading

    import analysis.parallel as parallel

    if cores() < 2:
        pytest.skip("needs two cores")
    both = threading.Barrier(2, timeout=5)

    def meet(value):  # returns only when the other call is running too
        def call():
            both.wait()
            return value, threading.get_ident()
        return call

    results = parallel.threads_run([meet("a"), meet("b")])
    assert [value for value, _ in results] == ["a", "b"]
    assert results[0][1] != results[1][1] != threading.get_ident()
    here = threading.get_ident()
    with parallel.serial():
        assert parallel.threads_run([lambda: threading.get_ident()] * 2) == [here, here]
    assert parallel.threads_run([lambda: threading.get_ident()] * 2, wanted=False) == [
        here, here]
