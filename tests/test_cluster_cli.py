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
    (["sentiment", "--scheduler", "local"], "give --by COLUMN or --period (the mean tone "
     "per group), --level document (the tone of every article) or --sentences-dir DIR"),
    (["sentiment", "--scheduler", "local", "--by", "outlet", "--level", "document"],
     "--by and --period average the sentences: leave out --level"),
    (["frames", "--scheduler", "local", "--matches", "m.csv"], "--matches is not available "
     "with --scheduler: give --matches-dir DIR"),
    (["frames", "--matches-dir", "m"], "--matches-dir goes with --scheduler; without it, "
     "give --matches FILE"),
])
def test_other_commands_refuse_what_is_not_asked_right(dataset, capsys, argv, message):
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


# --------------------------------------------------------------------------- every option


@pytest.fixture(scope="module")
def four(tmp_path_factory):
    from tests.clusterdata import write_dataset

    return write_dataset(tmp_path_factory.mktemp("four") / "dataset")


@pytest.fixture(scope="module")
def scheduler():
    """The address of a running scheduler (one worker thread in this process: quick to
    start, and one for every command here)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                      dashboard_address=":0", silence_logs=50) as cluster:
        yield cluster.scheduler_address


def both(capsys, tmp_path, command, folder, *argv, files=("out.csv",), scheduler):
    """Run ``command`` in-process and on the cluster of ``scheduler``, each writing
    ``files`` (the options naming them are in ``argv`` as ``{out.csv}``) into its own
    folder; return the two runs' stdout, stderr and file contents."""
    runs = []
    for where, extra in (("in", []), ("cluster", ["--scheduler", scheduler])):
        (tmp_path / where).mkdir()
        args = [str(tmp_path / where / a[1:-1]) if a[1:-1] in files else a for a in argv]
        code, out, err = run(capsys, command, folder, *args, *extra)
        assert code == 0, err
        lines = [line for line in err.splitlines() if "dashboard" not in line]
        runs.append((out, lines, {f: (tmp_path / where / f).read_bytes() for f in files}))
    return runs


def test_frequencies_by_period_without_duplicates_weighted(four, tmp_path, capsys,
        scheduler):
    (out, err, files), (out2, err2, files2) = both(
        capsys, tmp_path, "frequencies", four, "--period", "month", "--by", "outlet",
        "--dedupe", "corpus", "--near", "0.8", "--dropped", "{dropped.csv}",
        "--weight", "tfidf", "--min-count", "2", "-o", "{out.csv}",
        files=("out.csv", "dropped.csv"), scheduler=scheduler)
    assert files2 == files
    assert b"a1,A,2022-01-10,t,a3,A,near,0.837209" in files["dropped.csv"]
    said = [line for line in err if line.startswith(("Duplicates", "note:"))]
    assert said == [line for line in err2 if line.startswith(("Duplicates", "note:"))]
    assert said[0] == ("Duplicates (--dedupe corpus, --near 0.8): 4 article(s) dropped: 1 "
                       "exact copy within one outlet, 1 exact copy across outlets, 1 "
                       "near-copy within one outlet, 1 near-copy across outlets.")


def test_keyness_of_lemmas_by_a_measure_against_the_period_before(four, tmp_path, capsys,
        scheduler):
    (_, _, files), (_, _, files2) = both(
        capsys, tmp_path, "keyness", four, "--unit", "lemma", "--measure", "chi2",
        "--period", "month", "--reference", "previous", "--min-count", "1",
        "-o", "{out.csv}", scheduler=scheduler)
    assert files2 == files and files["out.csv"].count(b"\n") > 20


def test_frames_audit_and_cooccurrence(four, tmp_path, capsys,
        scheduler):
    (out, err, files), (out2, err2, files2) = both(
        capsys, tmp_path, "frames", four, "--audit", "--cooccurrence", "{co.csv}",
        "--period", "quarter", "--dedupe", "outlet", "-o", "{out.csv}",
        files=("out.csv", "co.csv"), scheduler=scheduler)
    assert files2 == files
    assert out2 == out and "Audit: what each frame's patterns caught" in out
    warned = [line for line in err if "nothing in the corpus" in line]
    assert warned and warned == [line for line in err2 if "nothing in the corpus" in line]


def test_sentiment_per_article_and_with_a_sentence_bootstrap(four, tmp_path, capsys,
        scheduler):
    (_, _, files), (_, _, files2) = both(
        capsys, tmp_path, "sentiment", four, "--level", "document", "-o", "{out.csv}",
        scheduler=scheduler)
    assert files2 == files and files["out.csv"].count(b"\n") == 10  # header, 9 articles
    for where in ("in", "cluster"):
        (tmp_path / where / "out.csv").rename(tmp_path / where / "documents.csv")
        (tmp_path / where).rename(tmp_path / f"{where}-documents")
    (_, _, files), (_, _, files2) = both(
        capsys, tmp_path, "sentiment", four, "--by", "outlet", "--period", "month",
        "--resample", "sentence", "--exclude-frames", "-o", "{out.csv}", scheduler=scheduler)
    assert files2 == files


def test_timeline_without_duplicates(four, tmp_path, capsys,
        scheduler):
    (_, _, files), (_, _, files2) = both(
        capsys, tmp_path, "timeline", four, "--dedupe", "corpus", "--measures",
        "frames,tone_lexicon", "--n-boot", "200", "-o", "{out.csv}",
        scheduler=scheduler)
    assert files2 == files
