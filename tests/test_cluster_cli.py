"""The cluster options on the command line: `discourse import --partition-rows` writes a
partitioned dataset, and `discourse frequencies --scheduler local` on it writes the table
the in-process command writes for the same articles."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main
from analysis.paths import CORPUS_DIR


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("import") / "dataset"
    assert main(["import", str(CORPUS_DIR), "-o", f"{folder}/", "--partition-rows", "2"]) == 0
    return folder


def test_import_writes_partitions_of_n_articles(dataset, capsys):
    files = sorted(p.name for p in dataset.iterdir())
    assert files == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [len(pd.read_parquet(dataset / f)) for f in files] == [2, 2, 1]
    code, _, err = run(capsys, "import", CORPUS_DIR, "-o", f"{dataset}/",
                       "--partition-rows", "2")
    assert code == 2 and "is a folder" in err  # never mixed with old partitions


def test_frequencies_on_a_local_cluster_equal_in_process(dataset, tmp_path, capsys):
    single = tmp_path / "corpus.parquet"
    assert main(["import", str(CORPUS_DIR), "-o", str(single)]) == 0
    assert main(["frequencies", str(single), "--remove-stopwords",
                 "-o", str(tmp_path / "in.csv")]) == 0
    code, _, err = run(capsys, "frequencies", dataset, "--scheduler", "local", "--workers", "1",
                       "--memory-limit", "1GiB", "--remove-stopwords",
                       "-o", tmp_path / "cluster.csv")
    assert code == 0, err
    assert "Dask dashboard: http://" in err
    assert (tmp_path / "cluster.csv").read_bytes() == (tmp_path / "in.csv").read_bytes()


@pytest.mark.parametrize(("argv", "message"), [
    (["--scheduler", "local", "--period", "month"], "--period is not available with "
     "--scheduler: it needs the whole corpus at once"),
    (["--scheduler", "local", "--memory-limit", "lots"], "--memory-limit: a memory limit is "
     "a size such as 2GiB"),
    (["--workers", "2"], "--workers and --memory-limit apply with --scheduler local"),
    (["--scheduler", "tcp://127.0.0.1:9", "--workers", "2"], "--workers applies to "
     "--scheduler local"),
])
def test_cluster_options_refused(dataset, tmp_path, capsys, argv, message):
    code, _, err = run(capsys, "frequencies", dataset, *argv, "-o", tmp_path / "f.csv")
    assert code == 2
    assert message in err


def test_a_folder_without_partitions_is_refused_before_any_worker_starts(tmp_path, capsys):
    code, _, err = run(capsys, "keyness", CORPUS_DIR, "--scheduler", "local",
                       "-o", tmp_path / "k.csv")
    assert code == 2
    assert f"{CORPUS_DIR}: holds no .parquet files" in err
    assert "dashboard" not in err


@pytest.mark.parametrize(("argv", "message"), [
    (["sentiment", "--scheduler", "local"], "give --by COLUMN (the mean tone per group) or "
     "--sentences-dir DIR"),
    (["sentiment", "--scheduler", "local", "--by", "outlet", "--resample", "sentence"],
     "--resample sentence is not available with --scheduler"),
    (["frames", "--scheduler", "local", "--audit"], "--audit is not available with "
     "--scheduler"),
    (["frames", "--matches-dir", "m"], "--matches-dir goes with --scheduler; without it, "
     "give --matches FILE"),
])
def test_other_commands_refuse_what_a_cluster_cannot_do(dataset, capsys, argv, message):
    command, *rest = argv
    code, _, err = run(capsys, command, dataset, *rest)
    assert code == 2
    assert message in err


@pytest.mark.parametrize("limit", ["100MB", "1B"])
def test_a_memory_limit_below_a_partitions_need_is_refused_before_any_worker_starts(
        dataset, tmp_path, capsys, monkeypatch, limit):
    """A worker that cannot hold a partition (nor itself) would be restarted without end;
    the limit is refused up front, naming the largest partition, its need and the limit."""
    import analysis.cluster
    from analysis.cluster.dataset import WORKER_BYTES, partition_need

    def started(*args, **kwargs):
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(analysis.cluster, "scheduler_client", started)
    largest = max(dataset.iterdir(), key=partition_need)
    need = partition_need(largest)
    assert WORKER_BYTES < need < WORKER_BYTES + 2**20  # tiny partitions: the worker itself
    code, _, err = run(capsys, "frequencies", dataset, "--scheduler", "local", "--workers",
                       "1", "--memory-limit", limit, "-o", tmp_path / "f.csv")
    assert code == 2
    assert err == (
        f"discourse frequencies: --memory-limit {limit} is below what a worker needs for the "
        f"largest partition, {largest} (about {need / 2**20:.0f} MiB: the worker itself and "
        f"the partition's tokens); give --memory-limit {-(-need // 2**20)}MiB or more, or "
        "write smaller partitions (discourse import --partition-rows N)\n")
