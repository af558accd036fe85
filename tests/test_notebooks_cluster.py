"""analysis.notebooks.cluster: with the notebook parameter ``scheduler`` the heavy analyses
of the notebooks run on a Dask cluster and give the tables of the notebook's own process;
without it they are the in-process calls."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis.notebooks.cluster as nbcluster
from analysis.dictionaries import frames_load, frames_match
from analysis.notebooks.parameters import ParameterError
from analysis.notebooks.setup import parameters_check
from analysis.sentiment import sentiment_corpus
from analysis.timeline import timeline
from analysis.tokens import tokens_corpus
from analysis.vocabulary import textstat_frequency, textstat_keyness


@pytest.fixture(scope="module")
def client():
    """Two workers in this process."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0", silence_logs=50) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture
def on_cluster(client, tmp_path, monkeypatch):
    """A set-up whose scheduler is the test's cluster; the bundled corpus in partitions of
    two articles (three partitions) in this test's cache folder."""
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(nbcluster, "PARTITION_ROWS", 2)
    monkeypatch.setitem(nbcluster._CLIENTS, "tcp://test:8786", client)

    def make(**values):
        return parameters_check("test", {"scheduler": "tcp://test:8786",
                                         "out_dir": str(tmp_path / "out"), **values})

    return make


def in_process(**values):
    return parameters_check("test", {"out_dir": "/tmp/discourse-unused", **values})


def same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


# --------------------------------------------------------------------------- the parameter


def test_scheduler_is_none_unless_set(monkeypatch):
    monkeypatch.delenv("DISCOURSE_SCHEDULER", raising=False)
    assert in_process().scheduler is None
    assert in_process(scheduler="local").scheduler == "local"
    assert in_process(scheduler=" tcp://10.0.0.5:8786 ").scheduler == "tcp://10.0.0.5:8786"


def test_scheduler_from_the_environment(monkeypatch):
    monkeypatch.setenv("DISCOURSE_SCHEDULER", "tcp://head:8786")
    assert in_process().scheduler == "tcp://head:8786"
    assert in_process(scheduler="local").scheduler == "local"  # the notebook's value wins


@pytest.mark.parametrize(("value", "env", "message"), [
    ("udp://head:8786", None, r"^scheduler must be 'local' .* not 'udp://head:8786'\.$"),
    ("tcp://head", None, r"not 'tcp://head'\.$"),
    (None, "cluster", r"^scheduler \(\$DISCOURSE_SCHEDULER\) must be .* not 'cluster'\.$"),
])
def test_a_scheduler_that_is_none_is_named(monkeypatch, value, env, message):
    monkeypatch.delenv("DISCOURSE_SCHEDULER", raising=False)
    if env is not None:
        monkeypatch.setenv("DISCOURSE_SCHEDULER", env)
    with pytest.raises(ParameterError, match=message):
        in_process(scheduler=value)


def test_figures_takes_the_scheduler_option():
    from analysis.cli import build_parser

    args = build_parser().parse_args(["figures", "--scheduler", "tcp://head:8786"])
    assert args.parameter_scheduler == "tcp://head:8786"


def test_without_a_scheduler_there_is_no_client(monkeypatch):
    monkeypatch.delenv("DISCOURSE_SCHEDULER", raising=False)
    assert nbcluster.notebook_client(in_process()) is None


# --------------------------------------------------------------------------- the tables


def test_frequency_on_the_cluster_equals_in_process(on_cluster):
    setup = on_cluster()
    table = nbcluster.notebook_frequency(setup, remove_stopwords=True)
    corpus = in_process().corpus
    expected = textstat_frequency(tokens_corpus(corpus, remove_stopwords=True), by="outlet",
                                  corpus=corpus)
    same(table, expected)
    same(nbcluster.notebook_frequency(in_process(), remove_stopwords=True), expected)
    assert len(sorted(nbcluster.notebook_dataset(setup).glob("*.parquet"))) == 3


def test_merged_groups_reach_the_cluster(on_cluster):
    setup = on_cluster(max_groups=2)
    table = nbcluster.notebook_frequency(setup)
    assert "(other)" in set(table["outlet"].astype(str))
    same(table, nbcluster.notebook_frequency(in_process(max_groups=2)))


def test_keyness_on_the_cluster_equals_in_process(on_cluster):
    table = nbcluster.notebook_keyness(on_cluster(), min_count=2, remove_stopwords=True)
    corpus = in_process().corpus
    expected = textstat_keyness(tokens_corpus(corpus, remove_stopwords=True), by="outlet",
                                corpus=corpus, min_count=2, adjust="bh")
    same(table, expected)
    assert len(table) > 0


def test_matches_and_tone_on_the_cluster_equal_in_process(on_cluster):
    setup = on_cluster()
    corpus = in_process().corpus
    matches = nbcluster.notebook_matches(setup)
    expected = frames_match(corpus)
    same(matches.drop(columns=[]), expected)
    assert len(matches) > 10
    for method, exclude in (("lexicon", matches), ("lexicon", None), ("classifier", None)):
        tone = nbcluster.notebook_sentiment(setup, method, exclude=exclude)
        same(tone, sentiment_corpus(corpus, method=method, exclude=exclude, progress=False))
    excluded = nbcluster.notebook_sentiment(setup, "lexicon", exclude=matches)
    assert not excluded["polarity"].equals(
        nbcluster.notebook_sentiment(setup, "lexicon")["polarity"])  # exclude is applied


def test_timeline_on_the_cluster_equals_in_process(on_cluster):
    frames = frames_load(None)
    corpus = in_process().corpus
    table = nbcluster.notebook_timeline(on_cluster(), period="month", frames=frames,
                                        measures=["frames", "tone"])
    expected = timeline(corpus, period="month", by="outlet", matches=frames_match(corpus),
                        measures=["frames", "tone"])
    same(table, expected)


def test_the_dataset_is_written_once(on_cluster):
    setup = on_cluster()
    folder = nbcluster.notebook_dataset(setup)
    files = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.parquet")}
    assert nbcluster.notebook_dataset(on_cluster()) == folder
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.parquet")} == files
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # nothing temporary
