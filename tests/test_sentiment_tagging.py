"""The part-of-speech tagger over arrays gives the tags Pattern's sentence-by-sentence tagger
gave when the reference was recorded (tests/fixtures/sentiment/lexicon_reference.json.gz)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from analysis.sentiment.tagger import _scorer
from analysis.sentiment.tagging import tags_flat, words_flat

REFERENCE = Path(__file__).parent / "fixtures" / "sentiment" / "lexicon_reference.json.gz"


def _reference() -> dict[str, list[dict]]:
    return json.loads(gzip.decompress(REFERENCE.read_bytes()))


@pytest.mark.parametrize("name", list(_reference()))
def test_tags_identical_to_the_recorded_reference(name):
    rows = _reference()[name]
    tagged = tags_flat(*words_flat([tuple(r["words"]) for r in rows]))
    got = tagged.sentence_tags()
    assert len(got) == len(rows)
    for row, tags in zip(rows, got, strict=True):
        assert list(tags) == row["tags"], row["words"]


def test_all_sentences_at_once_equal_one_at_a_time():
    rows = _reference()["salad"][:200]
    sentences = [tuple(r["words"]) for r in rows]
    together = tags_flat(*words_flat(sentences)).sentence_tags()
    alone = [tags_flat(*words_flat([s])).sentence_tags()[0] for s in sentences]
    assert together == alone


def test_hand_tagged_sentences():
    # Pattern's own tags: "naar" before a noun is a preposition, "nare" an adjective, "zat"
    # a verb; an unknown capitalised word is a proper noun, "3,5" a cardinal, and the unknown
    # "kocht" a noun (Pattern's lexicon lacks it, no morphology rule fits)
    sentences = [("Hij", "ging", "naar", "huis", "."), ("Wat", "een", "nare", "dag", "."),
                 ("Hij", "zat", "thuis", "."), ("Blorpvaart", "kocht", "3,5", "huizen")]
    assert tags_flat(*words_flat(sentences)).sentence_tags() == [
        ("PRP", "VBD", "IN", "NN", "."), ("PRP", "DT", "JJ", "NN", "."),
        ("PRP", "VBD", "RB", "."), ("NNP", "NN", "CD", "NNS")]


def test_the_padding_word_is_a_word_like_any_other():
    # Pattern pads a sentence with the word "STAART": a word "STAART" in the text equals it
    sentences = [("STAART", "is", "een", "woord"), ("Het", "woord", "STAART", ".")]
    scorer = _scorer()
    expected = [tuple(t for _, t in scorer.tag(s)) for s in sentences]
    assert tags_flat(*words_flat(sentences)).sentence_tags() == expected


def test_empty_sentences_and_no_sentences():
    tagged = tags_flat(*words_flat([(), ("Goed", "."), ()]))
    assert tagged.sentence_tags() == [(), ("JJ", "."), ()]
    assert tags_flat(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object),
                     np.zeros(0, dtype=np.int64)).sentence_tags() == []
