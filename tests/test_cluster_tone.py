"""analysis.cluster.tone: the tone and the timeline of a partitioned dataset equal the
in-process tables for every option: periods, groups, the sentence bootstrap, frame words
left out, one row per article, duplicates dropped."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis.cluster import cluster_sentiment, cluster_timeline
from analysis.corpus import corpus_load
from analysis.dictionaries import frames_match
from analysis.sentiment import sentiment_aggregate, sentiment_corpus
from analysis.timeline import timeline
from tests.clusterdata import same, threads_client, write_dataset

pytestmark = pytest.mark.filterwarnings("ignore::analysis.periods.binning.PeriodWarning")


@pytest.fixture(scope="module")
def client():
    with threads_client() as c:
        yield c


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return write_dataset(tmp_path_factory.mktemp("tone") / "dataset")


def whole_of(folder, **options) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return corpus_load(folder, **options)


@pytest.mark.parametrize("resample", ["document", "sentence"])
@pytest.mark.parametrize(("period", "by"), [(None, "outlet"), ("month", None),
                                            ("month", "outlet"),
                                            ("week", ["outlet", "country"])])
def test_aggregates_equal_in_process(client, dataset, period, by, resample):
    whole = whole_of(dataset)
    expected = sentiment_aggregate(sentiment_corpus(whole), whole, by=by, period=period,
                                   resample=resample, n_boot=200)
    got = cluster_sentiment(dataset, client=client, by=by, period=period,
                            resample=resample, n_boot=200)
    same(got, expected)
    assert {k: got.attrs.get(k) for k in ("resample", "n_boot", "note")} == {
        k: expected.attrs.get(k) for k in ("resample", "n_boot", "note")}


def test_sentence_bootstrap_over_partitions_hand_checked(client, dataset):
    """Outlet A's sentences lie in three partitions; the interval is the bootstrap of all
    of them, in corpus order, with the same seed: not of one partition's."""
    got = cluster_sentiment(dataset, client=client, by="outlet", resample="sentence",
                            n_boot=200).set_index("outlet")
    scores = sentiment_corpus(whole_of(dataset))
    a = scores[scores["outlet"] == "A"]["polarity"].to_numpy(float)
    from analysis.sentiment.aggregate import _bootstrap_sentences

    low, high = _bootstrap_sentences(a, n_boot=200, seed=20220110, confidence=0.95)
    assert (got.loc["A", "ci_low"], got.loc["A", "ci_high"]) == (low, high)
    assert got.loc["A", "n_sentences"] == len(a) == 12  # a1 3, a2 2, a3 4, a4 3


def test_frame_words_left_out_equal_in_process(client, dataset, tmp_path):
    whole = whole_of(dataset)
    scores = sentiment_corpus(whole, exclude=frames_match(whole))
    got = cluster_sentiment(dataset, client=client, by="country", exclude_frames=True,
                            n_boot=200, sentences_dir=tmp_path / "sentences")
    same(got, sentiment_aggregate(scores, whole, by="country", resample="document",
                                  n_boot=200))
    written = pd.concat([pd.read_parquet(f) for f in sorted((tmp_path / "sentences").iterdir())],
                        ignore_index=True)
    same(written.astype({"doc_id": str, "outlet": str}),
         scores.astype({"doc_id": str, "outlet": str}))
    # "koude" in a4's "Een zeer koude oorlog." is a frame's word, not tone
    kept = sentiment_corpus(whole)
    changed = kept["polarity"].to_numpy() != written["polarity"].to_numpy()
    assert kept.loc[changed, "sentence"].tolist() == ["Een zeer koude oorlog."]
    assert written.loc[changed, "polarity"].tolist() == [0.0]


@pytest.mark.parametrize("method", ["lexicon", "classifier"])
def test_one_row_per_article_equal_in_process(client, dataset, method):
    whole = whole_of(dataset, dedupe="outlet")
    got = cluster_sentiment(dataset, client=client, by=None, level="document",
                            method=method, dedupe="outlet")
    same(got, sentiment_corpus(whole, method=method, level="document"))
    assert "b3" not in set(got["doc_id"])  # B's copy of b1


def test_level_document_does_not_take_groups(client, dataset):
    with pytest.raises(ValueError, match="average the sentences: leave level= out"):
        cluster_sentiment(dataset, client=client, by="outlet", level="document")


def test_timeline_without_duplicates_equal_in_process(client, dataset):
    whole = whole_of(dataset, dedupe="corpus", near=0.8)
    options = dict(period="month", by="outlet", measures=["frames", "tone_lexicon"],
                   n_boot=200)
    got = cluster_timeline(dataset, client=client, dedupe="corpus", near=0.8, **options)
    same(got, timeline(whole, **options))
    assert [d["doc_id"] for d in got.attrs["dropped"]] == ["a1", "c1", "b3", "c2"]
