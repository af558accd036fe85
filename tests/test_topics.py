"""Topic models: two disjoint vocabularies give two topics, shares sum to 1, the same seed gives
the same bytes, seeded topics keep their seeds, NPMI and FREX by hand, and clear errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.cli import main
from analysis.dictionaries import DEFAULT_FRAMES_FILE
from analysis.topics import (
    TopicCorpus,
    TopicModel,
    TopicsError,
    npmi_pairs,
    topics_apply,
    topics_docs,
    topics_dtm,
    topics_fit,
    topics_frex,
    topics_load,
    topics_model_bytes,
    topics_npmi,
    topics_prevalence,
    topics_quality,
    topics_save,
    topics_seeds,
    topics_terms,
)

FRUIT = ["appel", "peer", "kers", "pruim", "banaan", "druif", "meloen", "citroen"]
TRAFFIC = ["auto", "fiets", "trein", "tram", "bus", "vrachtwagen", "scooter", "metro"]


def two_vocabularies(n: int = 20, words: int = 40, seed: int = 0) -> pd.DataFrame:
    """``n`` articles, the even ones of fruit words, the odd ones of traffic words."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        vocab = FRUIT if i % 2 == 0 else TRAFFIC
        text = " ".join(rng.choice(vocab, size=words).tolist()) + "."
        rows.append({"doc_id": f"d{i:02d}", "outlet": "NOS" if i < n // 2 else "NRC",
                     "date": f"2022-0{1 + i % 3}-10", "title": f"Artikel {i}", "text": text})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return two_vocabularies()


@pytest.fixture(scope="module")
def dtm(corpus) -> TopicCorpus:
    return topics_dtm(corpus, unit="word", min_df=1, max_df=1.0)


@pytest.fixture(scope="module")
def model(dtm) -> TopicModel:
    return topics_fit(dtm, 2, seed=7, iterations=200)


def test_two_disjoint_vocabularies_give_two_topics_that_separate_them(model):
    terms = topics_terms(model, n=8)
    top = terms[terms["rank"] <= 8].groupby("topic")["term"].apply(set)
    assert sorted(map(sorted, top)) == sorted([sorted(FRUIT), sorted(TRAFFIC)])
    docs = topics_docs(model)
    best = docs.loc[docs.groupby("doc_id")["share"].idxmax()]
    fruit_topic = top[top.apply(lambda s: "appel" in s)].index[0]
    expected = ["fruit" if int(d[1:]) % 2 == 0 else "traffic" for d in best["doc_id"]]
    found = ["fruit" if t == fruit_topic else "traffic" for t in best["topic"]]
    assert found == expected
    assert best["share"].min() > 0.9


def test_shares_of_every_article_sum_to_one(model):
    docs = topics_docs(model)
    sums = docs.groupby("doc_id")["share"].sum()
    assert len(sums) == 20
    np.testing.assert_allclose(sums.to_numpy(), 1.0, rtol=0, atol=1e-12)
    assert ((docs["share"] >= 0) & (docs["share"] <= 1)).all()


def test_the_same_seed_gives_the_same_tables_and_model_bytes(dtm, corpus):
    a = topics_fit(dtm, 3, seed=11, iterations=100)
    b = topics_fit(dtm, 3, seed=11, iterations=100)
    for table in (topics_terms, topics_docs):
        assert table(a).to_csv() == table(b).to_csv()
    assert topics_model_bytes(a) == topics_model_bytes(b)
    prev_a = topics_prevalence(a, corpus, n_boot=200)
    prev_b = topics_prevalence(b, corpus, n_boot=200)
    assert prev_a.to_csv() == prev_b.to_csv()


def test_seeded_topics_keep_their_seed_words_at_the_top(dtm):
    seeds = {"fruit": ("kers",), "verkeer": ("tram",)}
    model = topics_fit(dtm, seeds=seeds, residual=1, seed=3, iterations=200)
    assert model.topics == ("fruit", "verkeer", "other_01")
    terms = topics_terms(model, n=5)
    for topic, (word,) in seeds.items():
        row = terms[(terms["topic"] == topic) & (terms["term"] == word)].iloc[0]
        assert row["rank"] == 1
        assert bool(row["seed"])
    fruit_top = set(terms[(terms["topic"] == "fruit") & (terms["rank"] <= 5)]["term"])
    assert fruit_top <= set(FRUIT)


def test_seeds_are_found_with_the_frame_pattern_language():
    dtm = TopicCorpus(("a",), ("escalatie", "koudeoorlog", "sanctie", "sanctiepakket"), ())
    found = topics_seeds(dtm, {"sancties": ["sanctie*"], "koude_oorlog": ["koude oorlog"]})
    assert found == {"sancties": ("sanctie", "sanctiepakket"), "koude_oorlog": ("koudeoorlog",)}


def test_seeds_not_in_the_corpus_are_named_with_what_was_found():
    dtm = TopicCorpus(("a",), ("sanctie", "tank"), ())
    with pytest.raises(TopicsError) as caught:
        topics_seeds(dtm, {"sancties": ["sanctie*"], "diplomatie": ["overleg", "akkoord"]})
    message = str(caught.value)
    assert "diplomatie (overleg, akkoord)" in message
    assert "sancties: 1 (sanctie)" in message


def test_npmi_hand_computed_on_a_tiny_corpus():
    # 4 articles: a in 3, b in 2, a and b together in 2, c alone in 1.
    docs = [np.array([0, 1]), np.array([0, 1, 0]), np.array([0]), np.array([2])]
    matrix = npmi_pairs([set(d.tolist()) for d in docs], [0, 1, 2])
    expected_ab = math.log((2 / 4) / ((3 / 4) * (2 / 4))) / -math.log(2 / 4)
    assert matrix[0, 1] == pytest.approx(expected_ab, abs=1e-12)
    assert expected_ab == pytest.approx(0.4150374992788438)
    assert matrix[0, 2] == -1.0  # never together
    assert matrix[1, 2] == -1.0
    # a topic of a, b and c: the mean of its three pairs
    coherence = topics_npmi([[0, 1, 2]], docs)
    assert coherence[0] == pytest.approx((expected_ab - 1 - 1) / 3, abs=1e-12)


def test_npmi_of_two_words_in_every_article_is_one():
    assert npmi_pairs([{"a", "b"}, {"a", "b"}], ["a", "b"])[0, 1] == 1.0


def test_frex_hand_computed():
    phi = np.array([[0.5, 0.3, 0.2], [0.1, 0.3, 0.6]])
    # topic 1: exclusivity 5/6, 1/2, 1/4 -> ECDF 1, 2/3, 1/3; frequency ECDF 1, 2/3, 1/3
    frex = topics_frex(phi)
    assert frex[0].tolist() == pytest.approx([1.0, 2 / 3, 1 / 3])
    # weight 1: exclusivity alone
    assert topics_frex(phi, weight=1.0)[1].tolist() == pytest.approx([1 / 3, 2 / 3, 1.0])


def test_quality_prevalence_is_the_token_weighted_share():
    dtm = TopicCorpus(("d1", "d2"), ("a", "b"), (np.array([0, 0]), np.array([1] * 6)))
    model = TopicModel(("t1", "t2"), dtm.vocab, np.array([[0.9, 0.1], [0.1, 0.9]]),
                       np.array([[1.0, 0.0], [0.5, 0.5]]), dtm.doc_ids, np.array([2, 6]),
                       np.array([0.1, 0.1]), 0.01)
    quality = topics_quality(model, dtm, n=2)
    assert quality["prevalence"].tolist() == pytest.approx([(2 + 3) / 8, 3 / 8])
    corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["NOS", "NOS"]})
    prev = topics_prevalence(model, corpus, n_boot=200)
    assert prev["prevalence"].tolist() == pytest.approx([5 / 8, 3 / 8])
    assert prev["articles"].tolist() == [2, 2] and prev["tokens"].tolist() == [8, 8]
    assert (prev["ci_low"] <= prev["prevalence"]).all()
    assert (prev["prevalence"] <= prev["ci_high"]).all()


def test_k_larger_than_the_articles_is_refused(dtm):
    with pytest.raises(TopicsError, match="21 topics for 20 articles with words"):
        topics_fit(dtm, 21)


def test_an_empty_vocabulary_after_filtering_names_the_filters(corpus):
    with pytest.raises(TopicsError, match="16 occur in fewer than 21 articles"):
        topics_dtm(corpus, unit="word", min_df=21)


def test_lemmas_merge_word_forms():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NOS"],
                           "text": ["De sancties en oorlogen.", "Een sanctie, een oorlog."]})
    dtm = topics_dtm(corpus, unit="lemma", min_df=2, max_df=1.0)
    assert dtm.vocab == ("oorlog", "sanctie")
    assert topics_dtm(corpus, unit="word", min_df=1, max_df=1.0).vocab == (
        "oorlog", "oorlogen", "sanctie", "sancties")


def test_the_model_file_round_trips_without_pickle_and_scores_new_articles(
        model, corpus, tmp_path):
    path = topics_save(model, tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as data:
        assert sorted(data.files) == ["alpha", "meta", "phi", "stopwords", "vocab"]
    loaded = topics_load(path)
    assert loaded.topics == model.topics and loaded.vocab == model.vocab
    np.testing.assert_array_equal(loaded.phi, model.phi)
    applied = topics_apply(loaded, corpus)
    fitted = topics_docs(model)
    best_applied = applied.loc[applied.groupby("doc_id")["share"].idxmax(), "topic"].tolist()
    best_fitted = fitted.loc[fitted.groupby("doc_id")["share"].idxmax(), "topic"].tolist()
    assert best_applied == best_fitted
    assert applied.groupby("doc_id")["share"].sum().to_numpy() == pytest.approx(1.0)
    assert applied["known_tokens"].iloc[0] == 40


def test_a_file_that_is_not_a_model_is_named(tmp_path):
    bad = tmp_path / "model.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TopicsError, match="model.npz: not a topic model file"):
        topics_load(bad)


# ----------------------------------------------------------------------- the command line


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory, corpus):
    path = tmp_path_factory.mktemp("topics") / "corpus.csv"
    corpus.to_csv(path, index=False)
    return path


def test_topics_command_writes_every_table_byte_for_byte_again(corpus_file, tmp_path, capsys):
    args = ["topics", str(corpus_file), "--k", "2", "--unit", "word", "--min-df", "1",
            "--max-df", "1", "--iterations", "100", "--n-boot", "200"]
    assert main([*args, "-o", str(tmp_path / "a")]) == 0
    assert main([*args, "-o", str(tmp_path / "b")]) == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["doc-topics.csv", "model.npz", "prevalence-outlet.csv",
                     "prevalence-period.csv", "representative-articles.csv",
                     "topic-network.graphml", "topic-quality.csv", "topic-terms.csv"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    docs = pd.read_csv(tmp_path / "a" / "doc-topics.csv")
    assert list(docs.columns) == ["doc_id", "topic", "share"]
    rep = pd.read_csv(tmp_path / "a" / "representative-articles.csv")
    assert list(rep.columns) == ["topic", "rank", "doc_id", "outlet", "title", "share", "tokens"]
    shares = tmp_path / "shares.csv"
    assert main(["topics-apply", str(corpus_file), "--model", str(tmp_path / "a" / "model.npz"),
                 "-o", str(shares)]) == 0
    assert len(pd.read_csv(shares)) == 40


def test_several_k_write_the_model_selection(corpus_file, tmp_path, capsys):
    out = tmp_path / "sel"
    assert main(["topics", str(corpus_file), "--k", "3,2", "--unit", "word", "--min-df", "1",
                 "--iterations", "50", "--n-boot", "100", "-o", str(out)]) == 0
    table = pd.read_csv(out / "model-selection.csv")
    assert table["k"].tolist() == [2, 3]
    assert list(table.columns) == ["k", "coherence", "exclusivity", "ll_per_word"]
    assert (out / "model-selection.png").is_file()
    assert (out / "k2" / "topic-terms.csv").is_file() and (out / "k3" / "model.npz").is_file()


@pytest.mark.parametrize(("extra", "message"), [
    (["--k", "25"], "25 topics for 20 articles with words"),
    (["--k", "2", "--min-df", "30"], "no term is left for the topic model"),
    (["--k", "2", "--drop-topics", "topic_09"], "--drop-topics: no topic topic_09 to drop"),
    (["--k", "1"], "expected a number of topics, 2 or more"),
])
def test_bad_input_is_one_line_and_exit_2(corpus_file, tmp_path, capsys, extra, message):
    with pytest.raises(SystemExit) if extra == ["--k", "1"] else _no_exit() as caught:
        code = main(["topics", str(corpus_file), "--unit", "word", "--iterations", "20",
                     "--n-boot", "100", *extra, "-o", str(tmp_path / "out")])
    code = caught.value.code if extra == ["--k", "1"] else code
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert message in err[-1]


def test_seed_frames_not_in_the_corpus_exit_2(corpus_file, tmp_path, capsys):
    code = main(["topics", str(corpus_file), "--seed-frames", str(DEFAULT_FRAMES_FILE),
                 "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err[-1].startswith("discourse topics: no seed word of the frame(s) koude_oorlog")
    assert "Seed words found: none" in err[-1]


class _no_exit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_seeded_topics_are_compared_with_the_frame_matches_by_hand():
    from analysis.topics import topics_compare_frames

    model = TopicModel(("fruit", "other_01"), ("kers",), np.ones((2, 1)),
                       np.array([[0.9, 0.1], [0.1, 0.9], [0.5, 0.5], [0.3, 0.7]]),
                       ("d1", "d2", "d3", "d4"), np.array([10, 10, 20, 0]),
                       np.array([0.1, 0.1]), 0.01, seeds={"fruit": ("kers", "peer")})
    # matches per 1,000 kept tokens: d1 300, d2 0, d3 50 (d4 has no words: left out)
    matches = pd.DataFrame({"doc_id": ["d1", "d1", "d1", "d3", "d4"],
                            "frame": ["fruit"] * 4 + ["fruit"]})
    table = topics_compare_frames(model, matches)
    assert table.to_dict("records") == [{
        "frame": "fruit", "seed_words": "kers, peer", "articles": 3, "articles_matched": 2,
        "mean_share": pytest.approx((0.9 + 0.1 + 0.5) / 3), "rho": pytest.approx(1.0)}]
