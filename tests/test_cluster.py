"""analysis.cluster: every table computed partition by partition on a LocalCluster of two
workers equals the in-process table of the whole dataset; the bad inputs give one-line
messages naming the file or address."""

from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest

from analysis.cluster import (
    ClusterError,
    cluster_frames,
    cluster_frequency,
    cluster_keyness,
    cluster_sentiment,
    cluster_timeline,
    dataset_load,
    dataset_partitions,
    partition_load,
    scheduler_client,
)
from analysis.cluster.mapping import run_partitions
from analysis.corpus import corpus_load
from analysis.dictionaries import frames_count, frames_match
from analysis.paths import CORPUS_DIR
from analysis.sentiment import sentiment_aggregate, sentiment_corpus
from analysis.timeline import timeline
from analysis.tokens import tokens_corpus
from analysis.vocabulary import textstat_frequency, textstat_keyness
from tests.clusterdata import threads_client, write_dataset

COLUMNS = ["doc_id", "outlet", "date", "title", "text", "country"]

# the note on articles left out of the periods (tested where it matters)
pytestmark = pytest.mark.filterwarnings("ignore::analysis.periods.binning.PeriodWarning")


def write_partitions(folder, parts):
    folder.mkdir()
    for number, rows in enumerate(parts):
        frame = pd.DataFrame(rows, columns=COLUMNS).astype("string")
        frame.to_parquet(folder / f"part-{number:03d}.parquet", index=False)
    return folder


@pytest.fixture(scope="module")
def client():
    import dask
    import distributed  # noqa: F401 - its defaults in dask.config first: leaving the block
    # below restores them (without it, it would remove the whole "distributed" section)

    # a worker that dies fails its task at once (the default retries it on three workers)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            scheduler_client("local", workers=2, memory_limit="1GiB", dashboard=False) as c:
        yield c


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled corpus in three partitions (2, 1 and 2 articles)."""
    corpus = corpus_load(CORPUS_DIR)
    folder = tmp_path_factory.mktemp("bundled") / "dataset"
    folder.mkdir()
    for number, rows in enumerate([[0, 1], [2], [3, 4]]):
        corpus.iloc[rows].to_parquet(folder / f"part-{number}.parquet", index=False)
    return folder


@pytest.fixture(scope="module")
def handmade(tmp_path_factory):
    """Outlet A in the first and the third partition, the second partition empty, an
    article without a country."""
    return write_partitions(tmp_path_factory.mktemp("handmade") / "dataset", [
        [("a1", "A", "2022-01-10", "t", "Sancties tegen Rusland. De oorlog duurt.", "NL"),
         ("b1", "B", "2022-01-11", "t", "Vrede en overleg. Vrede!", "BE")],
        [],
        [("a2", "A", "2022-01-12", "t", "Nieuwe sancties. Sancties werken niet.", "NL"),
         ("c1", "C", "2022-01-13", "t", "Overleg over sancties.", None)],
    ])


def same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Categorical columns as text: each partition file has its own categories."""
    return table.astype({c: str for c in table.columns
                         if isinstance(table[c].dtype, pd.CategoricalDtype)})


def read_parts(folder) -> pd.DataFrame:
    files = sorted(folder.glob("*.parquet"))
    return pd.concat([as_text(pd.read_parquet(f)) for f in files], ignore_index=True)


# --------------------------------------------------------------------------- the dataset


def test_partitions_in_name_order_and_the_empty_one_loads(handmade):
    files = dataset_partitions(handmade)
    assert [f.name for f in files] == ["part-000.parquet", "part-001.parquet",
                                       "part-002.parquet"]
    empty, notes = partition_load(files[1])
    assert len(empty) == 0 and notes == []
    assert dataset_load(handmade)["doc_id"].tolist() == ["a1", "b1", "a2", "c1"]


# --------------------------------------------------------------------------- equality


def test_frequencies_hand_computed_across_partitions(client, handmade):
    table = cluster_frequency(handmade, client=client)
    row = table[(table["outlet"] == "A") & (table["term"] == "sancties")]
    # A: "sancties tegen rusland de oorlog duurt" + "nieuwe sancties sancties werken niet"
    assert row[["count", "docfreq", "rank"]].values.tolist() == [[3, 2, 1]]
    assert row["per_1000"].tolist() == [3 / 11 * 1000]


@pytest.mark.parametrize("options", [
    {},
    {"ngram": 2, "token_options": {"remove_stopwords": True}},
    {"by": "doc_id", "token_options": {"stem": True}, "min_count": 2},
])
def test_frequencies_equal_in_process(client, bundled, options):
    whole = dataset_load(bundled)
    options = dict(options)
    token_options = options.pop("token_options", {})
    expected = textstat_frequency(tokens_corpus(whole, **token_options), corpus=whole,
                                  **options)
    got = cluster_frequency(bundled, client=client, token_options=token_options, **options)
    same(got, expected)


def test_frequencies_by_corpus_column_with_missing_group(client, handmade):
    whole = dataset_load(handmade)
    expected = textstat_frequency(tokens_corpus(whole), corpus=whole, by="country")
    got = cluster_frequency(handmade, client=client, by="country")
    same(got, expected)
    assert sorted(got["country"].unique()) == ["", "BE", "NL"]  # a missing value reads as ""


@pytest.mark.parametrize("options", [
    {"min_count": 2},
    {"min_count": 1, "g2": "four-cell", "correction": "williams", "adjust": "holm"},
])
def test_keyness_equal_in_process(client, bundled, options):
    whole = dataset_load(bundled)
    expected = textstat_keyness(tokens_corpus(whole), corpus=whole, **options)
    same(cluster_keyness(bundled, client=client, **options), expected)


def test_keyness_with_an_outlet_over_partitions(client, handmade):
    whole = dataset_load(handmade)
    expected = textstat_keyness(tokens_corpus(whole), corpus=whole, min_count=1)
    got = cluster_keyness(handmade, client=client, min_count=1)
    same(got, expected)
    row = got[(got["outlet"] == "A") & (got["term"] == "sancties")]
    assert row[["count_target", "count_reference", "size_target",
                "size_reference"]].values.tolist() == [[3, 1, 11, 7]]  # B: 4 words, C: 3


@pytest.mark.parametrize("dataset", ["bundled", "handmade"])
def test_frames_counts_and_matches_equal_in_process(client, request, tmp_path, dataset):
    folder = request.getfixturevalue(dataset)
    whole = dataset_load(folder)
    matches = frames_match(whole)
    got = cluster_frames(folder, client=client, matches_dir=tmp_path / "matches")
    same(got, frames_count(matches, whole))
    assert got.attrs["frame_labels"] == matches.attrs["frame_labels"]
    files = sorted(p.name for p in (tmp_path / "matches").iterdir())
    assert files == sorted(p.name for p in folder.glob("*.parquet") if
                           len(pd.read_parquet(p)))  # none for the empty partition
    same(read_parts(tmp_path / "matches"), as_text(matches))


def test_frames_hand_computed(client, handmade):
    table = cluster_frames(handmade, client=client)
    row = table[(table["outlet"] == "A") & (table["frame"] == "sancties")]
    assert row[["hits", "words", "docs", "docs_with_frame"]].values.tolist() == [[3, 11, 2, 2]]
    assert table["outlet"].unique().tolist() == ["A", "B", "C"]  # order of first article


@pytest.mark.parametrize("method", ["lexicon", "classifier"])
def test_sentiment_aggregates_and_sentences_equal_in_process(client, bundled, tmp_path,
                                                             method):
    whole = dataset_load(bundled)
    scores = sentiment_corpus(whole, method=method)
    expected = sentiment_aggregate(scores, whole, by="outlet", resample="document")
    got = cluster_sentiment(bundled, client=client, method=method, by="outlet",
                            sentences_dir=tmp_path / "sentences")
    same(got, expected)
    same(read_parts(tmp_path / "sentences"), as_text(scores))


def test_sentiment_over_partitions_by_corpus_column(client, handmade):
    whole = dataset_load(handmade)
    expected = sentiment_aggregate(sentiment_corpus(whole), whole, by="country",
                                   resample="document", n_boot=200)
    got = cluster_sentiment(handmade, client=client, by="country", n_boot=200)
    same(got, expected)
    assert got["n_documents"].tolist() == [1, 1, 2]  # "", BE, NL


@pytest.mark.parametrize(("period", "by"), [("month", "outlet"), ("day", None)])
def test_timeline_equal_in_process(client, handmade, period, by):
    whole = dataset_load(handmade)
    options = dict(period=period, by=by, measures=["frames", "tone_lexicon"], n_boot=200)
    expected = timeline(whole, **options)
    got = cluster_timeline(handmade, client=client, **options)
    same(got, expected)
    assert got.attrs["frame_labels"] == expected.attrs["frame_labels"]


def test_timeline_hand_computed(client, handmade):
    got = cluster_timeline(handmade, client=client, period="month", by="outlet",
                           measures="frames", n_boot=200)
    row = got[(got["outlet"] == "A") & (got["measure"] == "sancties")]
    assert row[["period", "value", "articles", "words"]].values.tolist() == [
        ["2022-01-01", 1000 * 3 / 11, 2, 11]]


# --------------------------------------------------------------------------- errors


def test_unreadable_partition_is_named(client, handmade, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    for file in handmade.glob("*.parquet"):
        (folder / file.name).write_bytes(file.read_bytes())
    (folder / "part-001.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(ClusterError, match=r"part-001\.parquet: cannot be read as Parquet"):
        cluster_frequency(folder, client=client)


def test_missing_text_column_is_named(tmp_path):
    folder = tmp_path / "dataset"
    folder.mkdir()
    pd.DataFrame({"doc_id": ["x"], "body": ["Tekst."]}).to_parquet(folder / "p.parquet")
    with pytest.raises(ClusterError, match=r"p\.parquet: has no column 'text' \(its columns: "
                       r"doc_id, body\); name the text column with --text-column"):
        dataset_partitions(folder)
    assert len(dataset_partitions(folder, text_column="body")) == 1


@pytest.mark.parametrize("analysis", [cluster_frames, cluster_frequency, cluster_sentiment,
                                      cluster_timeline])
def test_missing_by_column_is_named(client, bundled, analysis):
    """Every analysis names the partition and the column it lacks, with the columns it has."""
    with pytest.raises(ClusterError, match=r"part-0\.parquet: has no column 'medium'; choose "
                       r"a column every partition has \(this one has: doc_id, "):
        analysis(bundled, client=client, by="medium")


def test_not_a_dataset(tmp_path):
    with pytest.raises(ClusterError, match="holds no .parquet files"):
        dataset_partitions(tmp_path)
    with pytest.raises(ClusterError, match="does not exist"):
        dataset_partitions(tmp_path / "nothing")


def test_duplicate_ids_across_partitions(tmp_path):
    row = ("x", "A", "2022-01-10", "t", "Tekst.", "NL")
    folder = write_partitions(tmp_path / "dataset", [[row], [row]])
    with pytest.raises(ClusterError, match="the id 'x' occurs in more than one article"):
        dataset_load(folder)


def test_duplicate_ids_across_partitions_on_the_cluster(client, tmp_path):
    row = ("x", "A", "2022-01-10", "t", "Tekst.", "NL")
    folder = write_partitions(tmp_path / "dataset", [[row], [row]])
    with pytest.raises(ClusterError, match=r"part-001\.parquet: the id 'x' is also used in "
                       r".*part-000\.parquet; give every article its own id"):
        cluster_frequency(folder, client=client)


def test_scheduler_that_does_not_answer():
    with pytest.raises(ClusterError, match=r"tcp://127\.0\.0\.1:9: no Dask scheduler "
                       r"answered within 2 s"):
        with scheduler_client("tcp://127.0.0.1:9", timeout=2):
            pass


def test_unknown_scheduler():
    with pytest.raises(ClusterError, match="unknown scheduler 'slurm'"):
        with scheduler_client("slurm"):
            pass


def test_worker_that_dies_names_the_partition(client, bundled):
    files = dataset_partitions(bundled)[:1]
    with pytest.raises(ClusterError, match=r"part-0\.parquet: the worker analysing this "
                       r"partition died \(most often: over its memory limit of 1 GiB\)"):
        run_partitions(client, files, [client.submit(lambda file: os._exit(3), str(files[0]),
                                                     pure=False)])
    client.wait_for_workers(2, timeout=60)  # the nanny starts it again


# --------------------------------------------------------------------------- every option


@pytest.fixture(scope="module")
def threads():
    with threads_client() as c:
        yield c


@pytest.fixture(scope="module")
def four(tmp_path_factory):
    """Four partitions: three outlets over four months, a month-only and an undated
    article, copies (see tests/clusterdata.py)."""
    return write_dataset(tmp_path_factory.mktemp("four") / "dataset")


def whole_of(folder, **options) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return corpus_load(folder, **options)


PERIODS = [("month", None), ("month", "outlet"), ("week", ["outlet", "country"]),
           ("quarter", "country")]


@pytest.mark.parametrize(("period", "by"), PERIODS)
def test_frequencies_keyness_and_frames_by_period_equal_in_process(threads, four, period,
                                                                   by):
    whole = whole_of(four)
    tokens = tokens_corpus(whole)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = cluster_frequency(four, client=threads, period=period, by=by)
    expected = textstat_frequency(tokens, corpus=whole, period=period, by=by)
    same(got, expected)
    assert got.attrs["note"] == expected.attrs["note"]
    assert [str(w.message) for w in caught] == [expected.attrs["note"]]  # said once
    same(cluster_keyness(four, client=threads, period=period, by=by, min_count=1),
         textstat_keyness(tokens, corpus=whole, period=period, by=by, min_count=1))
    same(cluster_frames(four, client=threads, period=period, by=by),
         frames_count(frames_match(whole), whole, period=period, by=by))


def test_frequencies_by_month_hand_computed(threads, four):
    got = cluster_frequency(four, client=threads, period="month", by="outlet")
    march = got[(got["period"] == "2022-03-01") & (got["outlet"] == "A")]
    # a2: "nieuwe sancties sancties werken niet zegt de oppositie boos", 9 words
    assert march[march["term"] == "sancties"][["articles", "count", "per_1000"]
                                              ].values.tolist() == [[1, 2, 2 / 9 * 1000]]
    empty = got[(got["period"] == "2022-02-01") & (got["outlet"] == "A")]
    assert empty[["articles", "count"]].values.tolist() == [[0, 0]]  # c1 is C's


@pytest.mark.parametrize("reference", ["rest", "previous"])
def test_keyness_against_the_period_before_equal_in_process(threads, four, reference):
    whole = whole_of(four)
    same(cluster_keyness(four, client=threads, period="month", by="outlet", min_count=1,
                         reference=reference),
         textstat_keyness(tokens_corpus(whole), corpus=whole, period="month", by="outlet",
                          min_count=1, reference=reference))


@pytest.mark.parametrize("options", [{"measure": "lr", "correction": "williams"},
                                     {"measure": "chi2"}, {"measure": "exact"},
                                     {"measure": "pmi"}])
def test_keyness_measures_equal_in_process(threads, four, options):
    whole = whole_of(four)
    same(cluster_keyness(four, client=threads, min_count=1, **options),
         textstat_keyness(tokens_corpus(whole), corpus=whole, min_count=1, **options))


def test_lemmas_equal_in_process(threads, four):
    from analysis.query.lemma import tokens_lemmatise

    whole = whole_of(four)
    got = cluster_frequency(four, client=threads, unit="lemma", ngram=2)
    same(got, textstat_frequency(tokens_lemmatise(tokens_corpus(whole)), corpus=whole,
                                 ngram=2))
    same(cluster_keyness(four, client=threads, unit="lemma", min_count=1),
         textstat_keyness(tokens_lemmatise(tokens_corpus(whole)), corpus=whole,
                          min_count=1))
    got = cluster_frequency(four, client=threads, unit="lemma")
    # "sancties" 3 times in A (a1, a2 twice, a3) and b2's "sancties": the lemma sanctie
    row = got[(got["outlet"] == "A") & (got["term"] == "sanctie")]
    assert row[["count", "docfreq"]].values.tolist() == [[4, 3]]


def test_frame_audit_cooccurrence_and_silent_patterns_equal_in_process(threads, four):
    from analysis.dictionaries import frames_audit, frames_cooccurrence

    whole = whole_of(four, dedupe="corpus")
    matches = frames_match(whole)
    found = cluster_frames(four, client=threads, audit=True, cooccurrence=True,
                           dedupe="corpus")
    same(found.counts, frames_count(matches, whole))
    same(found.audit, frames_audit(matches, silent=True))
    same(found.cooccurrence, frames_cooccurrence(matches, level="sentence"))
    assert found.silent_patterns == matches.attrs["silent_patterns"]
    assert found.counts.attrs["silent_patterns"] == matches.attrs["silent_patterns"]
    row = found.audit[(found.audit["frame"] == "sancties") &
                      (found.audit["form"] == "sancties")]
    assert row[["hits", "docs"]].values.tolist() == [[5, 4]]  # a1, a2 (2), a3, b2


def test_duplicates_dropped_on_worker_processes(client, four):
    """The keys, the kept partitions and the 5-grams of the candidates travel between
    processes (the other tests run the workers in this process)."""
    whole = whole_of(four, dedupe="corpus", near=0.8)
    got = cluster_frequency(four, client=client, dedupe="corpus", near=0.8, by="doc_id")
    same(got, textstat_frequency(tokens_corpus(whole), corpus=whole, by="doc_id"))
    assert [d["doc_id"] for d in got.attrs["dropped"]] == ["a1", "c1", "b3", "c2"]
