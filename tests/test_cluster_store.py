"""analysis.cluster.store: the workers of a cluster read and write the client's token
store, with the keys of the in-process path; a repeated analysis reads every partition's
tokens instead of making them, and its table equals the in-process table."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

import analysis.tokens.corpus_tables as tokens_module
from analysis.cluster import cluster_frequency, dataset_load, partition_load
from analysis.cluster.store import store_shared, store_task
from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.tokens import store as tokenstore
from analysis.tokens import tokens_cache_clear, tokens_corpus
from analysis.vocabulary import textstat_frequency

OPTIONS = {"remove_stopwords": True}


@pytest.fixture(scope="module")
def client():
    """Two workers in this process: the test's settings (the smallest corpus the store
    keeps) reach them; the store's folder is still sent with every task."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0", silence_logs=50) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    """The bundled corpus in four partitions (2, 1, 1 and 1 articles)."""
    corpus = corpus_load(CORPUS_DIR)
    folder = tmp_path_factory.mktemp("four") / "dataset"
    folder.mkdir()
    for number, rows in enumerate([[0, 1], [2], [3], [4]]):
        corpus.iloc[rows].to_parquet(folder / f"part-{number}.parquet", index=False)
    return folder


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """A store of this test's own, for corpora of every size; returns its folder."""
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    monkeypatch.setattr(tokens_module, "STORE_MIN_CHARS", 0)
    tokens_cache_clear()
    tokenstore.STATS.clear()
    yield tmp_path / "cache" / "tokens"
    tokens_cache_clear()


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def in_process(folder: Path) -> pd.DataFrame:
    corpus = dataset_load(folder)
    return textstat_frequency(tokens_corpus(corpus, **OPTIONS), by="outlet", corpus=corpus)


def on_cluster(client, folder: Path) -> pd.DataFrame:
    return cluster_frequency(folder, client=client, by="outlet", token_options=OPTIONS)


def same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def test_four_partitions_give_the_in_process_table_first_and_from_the_store(
        client, dataset, store):
    first = on_cluster(client, dataset)
    assert tokenstore.STATS["writes"] == 4 and tokenstore.STATS["hits"] == 0
    assert len(entries(store)) == 4
    tokenstore.STATS.clear()
    again = on_cluster(client, dataset)
    assert tokenstore.STATS["hits"] == 4 and tokenstore.STATS["writes"] == 0
    assert len(entries(store)) == 4
    expected = in_process(dataset)
    same(first, expected)
    same(again, expected)
    assert first["count"].sum() == expected["count"].sum() > 0


def test_a_partition_tokenised_in_process_is_read_on_the_cluster_and_back(
        client, dataset, store):
    files = sorted(dataset.glob("*.parquet"))
    tokens_corpus(partition_load(files[0])[0])
    assert tokenstore.STATS["writes"] == 1
    tokens_cache_clear()
    on_cluster(client, dataset)
    assert tokenstore.STATS["writes"] == 4 and tokenstore.STATS["hits"] == 1
    tokens_cache_clear()
    tokens_corpus(corpus_load(files[3]))  # stored by a worker
    assert tokenstore.STATS["hits"] == 2 and tokenstore.STATS["writes"] == 4
    assert len(entries(store)) == 4


def test_no_cache_on_the_client_switches_the_store_off_on_the_workers(
        client, dataset, store, monkeypatch):
    monkeypatch.setenv("DISCOURSE_NO_CACHE", "1")
    same(on_cluster(client, dataset), in_process(dataset))
    assert entries(store) == [] and tokenstore.STATS["writes"] == 0


def test_a_task_uses_the_store_it_is_sent_not_the_workers_environment(
        dataset, store, tmp_path):
    file = str(sorted(dataset.glob("*.parquet"))[2])

    def work(path):
        corpus, notes = partition_load(path)
        return len(tokens_corpus(corpus)), notes, corpus["doc_id"].tolist()

    sent = tokenstore.StoreSettings(tmp_path / "sent" / "tokens", 2**30)
    result, notes, ids = store_task(work, file, store=sent)
    assert result > 0 and notes == [] and len(ids) == 1
    assert len(entries(sent.folder)) == 1 and entries(store) == []
    tokens_cache_clear()
    store_task(work, file, store=tokenstore.StoreSettings(None, 2**30))  # switched off
    assert len(entries(sent.folder)) == 1 and tokenstore.STATS["writes"] == 1


def test_the_store_sent_is_the_clients_folder_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", "relative-cache")
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    assert store_shared().folder == tmp_path / "relative-cache" / "tokens"


def test_a_store_the_workers_cannot_write_is_a_note_and_the_table_is_right(
        client, dataset, store, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be\n", encoding="utf-8")
    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(blocked))
    table = on_cluster(client, dataset)
    same(table, in_process(dataset))
    assert any(f"the token store {blocked / 'tokens'} cannot be written" in note
               for note in table.attrs["notes"])


def test_workers_storing_one_entry_at_once_leave_one_whole_entry(store):
    corpus = corpus_load(CORPUS_DIR)
    raw = tokens_module._tokenise(tokens_module._texts(corpus), progress=False)
    tables = tokens_module._raw_tables(raw)
    barrier = threading.Barrier(8)
    saved = []

    def write():
        barrier.wait()
        saved.append(tokenstore.tokenstore_save("k" * 24, tables))

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert saved == [store / ("k" * 24)] * 8
    assert entries(store) == ["k" * 24]  # no temporary folder left behind
    loaded = tokenstore.tokenstore_load("k" * 24)
    assert loaded is not None
    assert (loaded["tokens"]["code"] == tables["tokens"]["code"]).all()


def test_tasks_side_by_side_in_the_threads_of_one_worker_each_keep_their_store_notes(tmp_path):
    # Both tasks begin before either warns, and both have warned before either ends: a
    # worker with two threads runs them so. Each task's notes hold its own message only.
    both = threading.Barrier(2, timeout=30)

    def work(name):
        both.wait()
        tokenstore._warn_once(f"{tmp_path}/{name}", f"the token store {name} cannot be written")
        both.wait()
        return name, [f"read {name}"], [name]

    results = {}

    def run(name):
        results[name] = store_task(work, name, store=tokenstore.StoreSettings(None, 0))

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {
        "a": ("a", ["read a", "the token store a cannot be written"], ["a"]),
        "b": ("b", ["read b", "the token store b cannot be written"], ["b"]),
    }
