"""analysis.cluster.mapping: duplicates are dropped on a cluster exactly as the in-process
loader drops them, and each partition is read and tokenised once per analysis."""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import analysis.cluster.mapping as mapping
import analysis.tokens.corpus_tables as corpus_tables
from analysis.cluster import (
    cluster_frames,
    cluster_frequency,
    cluster_keyness,
    cluster_sentiment,
    cluster_timeline,
)
from analysis.corpus import corpus_load
from analysis.tokens import tokens_corpus
from analysis.vocabulary import textstat_frequency
from tests.clusterdata import same, threads_client, write_dataset


@pytest.fixture(scope="module")
def client():
    with threads_client() as c:
        yield c


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return write_dataset(tmp_path_factory.mktemp("mapping") / "dataset")


def loaded(folder, **options) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the note on the duplicates dropped
        return corpus_load(folder, **options)


# a3 (2022-01-09) comes first by date, then a1, b1, c1 (2022-02), ..., c2 (undated) last.
# Exact copies: a1 = c1; b1 = b3 = c2 (c2 in lower case). a1 is a3 without its last
# sentence: a near-copy at 36/43 = 0.837.
@pytest.mark.parametrize(("dedupe", "near", "dropped"), [
    ("corpus", 1.0, ["c1", "b3", "c2"]),
    ("outlet", 1.0, ["b3"]),  # c1 copies A's a1, c2 B's b1: other outlets
    ("corpus", 0.8, ["a1", "c1", "b3", "c2"]),  # a1 and its copy c1 are near a3
    ("outlet", 0.8, ["a1", "b3"]),
])
def test_dedupe_drops_what_the_loader_drops(client, dataset, dedupe, near, dropped):
    whole = loaded(dataset, dedupe=dedupe, near=near)
    got = cluster_frequency(dataset, client=client, dedupe=dedupe, near=near)
    same(got, textstat_frequency(tokens_corpus(whole), corpus=whole))
    assert [d["doc_id"] for d in got.attrs["dropped"]] == dropped
    same(pd.DataFrame(got.attrs["dropped"]), pd.DataFrame(whole.attrs["dropped"]))


def test_a_partition_of_copies_only_is_left_out(client, dataset):
    got = cluster_frequency(dataset, client=client, dedupe="corpus", by="doc_id")
    assert sorted(got["doc_id"].unique()) == ["a1", "a2", "a3", "a4", "b1", "b2"]


def test_no_duplicates_dropped_without_dedupe(client, dataset):
    assert cluster_frequency(dataset, client=client).attrs["dropped"] == []


def test_near_out_of_range_is_refused_before_any_task(client, dataset):
    with pytest.raises(ValueError, match="near must be above 0 and at most 1"):
        cluster_frequency(dataset, client=client, dedupe="corpus", near=0)


ANALYSES = {
    "frequency": lambda d, c, **o: cluster_frequency(d, client=c, period="month", by="outlet",
                                                     unit="lemma", **o),
    "keyness": lambda d, c, **o: cluster_keyness(d, client=c, min_count=1, measure="chi2",
                                                 **o),
    "frames": lambda d, c, **o: cluster_frames(d, client=c, period="month", audit=True,
                                               cooccurrence=True, **o),
    "sentiment": lambda d, c, **o: cluster_sentiment(d, client=c, period="month",
                                                     resample="sentence",
                                                     exclude_frames=True, n_boot=100, **o),
    "documents": lambda d, c, **o: cluster_sentiment(d, client=c, by=None, level="document",
                                                     **o),
    "timeline": lambda d, c, **o: cluster_timeline(d, client=c, n_boot=100, **o),
}


@pytest.mark.parametrize("dedupe", ["none", "corpus"])
@pytest.mark.parametrize("analysis", list(ANALYSES))
def test_each_partition_read_and_tokenised_once(client, dataset, monkeypatch, analysis,
                                                dedupe):
    read, tokenised = Counter(), []
    load, tokenise = mapping.partition_load, corpus_tables._tokenise

    def counted_load(file, **options):
        read[Path(file).name] += 1
        return load(file, **options)

    def counted_tokenise(texts, **options):
        tokenised.append(len(texts))
        return tokenise(texts, **options)

    monkeypatch.setattr(mapping, "partition_load", counted_load)
    monkeypatch.setattr(corpus_tables, "_tokenise", counted_tokenise)
    corpus_tables.tokens_cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the note on the articles without a period
        ANALYSES[analysis](dataset, client, dedupe=dedupe)
    assert read == {f"part-00{n}.parquet": 1 for n in range(4)}
    # every partition is tokenised once; with dedupe (c1, b3 and c2 dropped) the last
    # holds nothing left to tokenise
    assert tokenised == ([2, 3, 3, 1] if dedupe == "none" else [2, 2, 2])
