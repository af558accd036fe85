"""Frame and actor dictionaries against hand codes: exact counts on small corpora with known
errors, every wrong unit in the error table and no other, and bad codes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.dictionaries import Frame, FrameDictionary
from analysis.dictionaries.actors import actors_load
from analysis.validation.dictionary import actors_validate, frames_validate

BOOK = FrameDictionary({
    "sancties": Frame("sancties", "Sancties", "", ("sanctie*", "boycot*")),
    "diplomatie": Frame("diplomatie", "Diplomatie", "", ("*overleg*", "gesprek*")),
})
CORPUS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d", "e", "f"],
    "outlet": ["NOS", "NOS", "NRC", "NRC", "AD", "AD"],
    "text": [
        "De EU dreigt met sancties. Het overleg duurt voort.",          # S, D
        "Een boycot van Russisch gas ligt op tafel.",                    # S
        "Het overleg in Genève leverde niets op.",                       # D
        "De ministers spraken urenlang met elkaar.",                     # (D missed)
        "Sanctie-experts waren niet bij het gesprek.",                   # S? D
        "Het weer was slecht in Brussel.",                               # none
    ],
})
# The coder's view: b has no sanctions frame (a boycott proposal the coder did not count),
# d is diplomacy without a pattern, e's "Sanctie-experts" is no sanctions frame.
CODES = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d", "e", "f"],
    "sancties": ["1", "0", "0", "0", "0", "0"],
    "diplomatie": ["1", "0", "1", "1", "1", "0"],
})


def test_counts_and_scores_by_hand():
    scores, _ = frames_validate(CORPUS, CODES, BOOK, n_boot=0)
    s = scores.set_index("frame")
    # sancties: fired in a, b, e; coded in a -> tp 1 (a), fp 2 (b, e), fn 0, tn 3
    assert s.loc["sancties", ["tp", "fp", "fn", "tn"]].tolist() == [1, 2, 0, 3]
    assert s.loc["sancties", "precision"] == pytest.approx(1 / 3)
    assert s.loc["sancties", "recall"] == 1.0
    assert s.loc["sancties", "f1"] == pytest.approx(2 / (2 + 2))
    # diplomatie: fired in a, c, e; coded in a, c, d, e -> tp 3, fp 0, fn 1 (d), tn 2
    assert s.loc["diplomatie", ["tp", "fp", "fn", "tn"]].tolist() == [3, 0, 1, 2]
    assert s.loc["diplomatie", "precision"] == 1.0
    assert s.loc["diplomatie", "recall"] == pytest.approx(3 / 4)
    assert s.loc["diplomatie", "units"] == 6
    assert s.loc["sancties", "label"] == "Sancties"
    # alpha of two binary codings, 6 units: diplomatie, the values 1,1 1,1 1,0 1,1 0,0 0,0
    # n = 12, n_1 = 7, n_0 = 5; D_o = 2/12; D_e = 2*7*5/(12*11) -> alpha = 1 - 11/35
    assert s.loc["diplomatie", "alpha"] == pytest.approx(1 - 11 / 35)


def test_error_table_lists_exactly_the_wrong_units():
    _, errors = frames_validate(CORPUS, CODES, BOOK, n_boot=0)
    got = sorted(zip(errors["frame"], errors["doc_id"], errors["error"], strict=True))
    assert got == [("diplomatie", "d", "false negative"),
                   ("sancties", "b", "false positive"),
                   ("sancties", "e", "false positive")]
    e = errors.set_index(["frame", "doc_id"])
    assert e.loc[("sancties", "b"), "pattern"] == "boycot*"
    assert e.loc[("sancties", "b"), "matched_text"] == "boycot"
    assert e.loc[("sancties", "b"), "context"] == "Een [boycot] van Russisch gas ligt op tafel."
    assert e.loc[("sancties", "e"), "line"] == 6
    assert e.loc[("diplomatie", "d"), "pattern"] == ""


def test_sentences_as_units():
    codes = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": ["1", "2"],
                          "sancties": ["1", "1"], "diplomatie": ["0", "1"]})
    scores, errors = frames_validate(CORPUS, codes, BOOK, unit="sentence", n_boot=0)
    s = scores.set_index("frame")
    assert s.loc["sancties", ["tp", "fp", "fn", "tn"]].tolist() == [1, 0, 1, 0]
    assert s.loc["diplomatie", ["tp", "fp", "fn", "tn"]].tolist() == [1, 0, 0, 1]
    assert errors["unit_id"].tolist() == ["a#2"]
    assert errors["context"].tolist() == ["Het overleg duurt voort."]


def test_empty_codes_are_not_counted_but_listed():
    codes = CODES.assign(sancties=["1", "", "0", "0", "0", "0"])
    scores, errors = frames_validate(CORPUS, codes, BOOK, n_boot=0)
    s = scores.set_index("frame")
    assert s.loc["sancties", "units"] == 5 and s.loc["sancties", "uncoded"] == 1
    uncoded = scores.attrs["uncoded"]
    assert uncoded.values.tolist() == [["sancties", "b", 3]]
    assert "b" not in set(errors.loc[errors["frame"] == "sancties", "doc_id"])


def test_intervals():
    scores, _ = frames_validate(CORPUS, CODES, BOOK, n_boot=300)
    d = scores.set_index("frame").loc["diplomatie"]
    assert d["recall_low"] <= d["recall"] <= d["recall_high"]
    assert d["precision_low"] == d["precision_high"] == 1.0  # no false positive to draw


@pytest.mark.parametrize(("codes", "message"), [
    (CODES.assign(doc_id=["a", "b", "x", "d", "e", "f"]),
     "codes.csv, line 4, column 'doc_id': 'x' is not an article of the corpus"),
    (CODES.drop(columns="diplomatie"),
     "codes.csv: no column 'diplomatie' for frame 'diplomatie'"),
    (CODES.assign(sancties=["1", "0", "2", "0", "0", "0"]),
     "codes.csv, line 4, column 'sancties': '2' is not 0 or 1"),
    (CODES.rename(columns={"doc_id": "id"}), "codes.csv: no column 'doc_id'"),
    (pd.concat([CODES, CODES.iloc[[0]].assign(sancties="0")]),
     "codes.csv, line 8: unit 'a' is coded also on line 2 with other codes"),
    (CODES.iloc[:0], "codes.csv: no coded units"),
])
def test_bad_codes(codes, message):
    with pytest.raises(ValueError) as info:
        frames_validate(CORPUS, codes, BOOK, source="codes.csv", n_boot=0)
    assert str(info.value).startswith(message)


def test_sentence_not_in_article():
    codes = pd.DataFrame({"doc_id": ["a"], "sentence_id": ["7"], "sancties": ["1"],
                          "diplomatie": ["0"]})
    with pytest.raises(ValueError, match="line 2, column 'sentence_id': article 'a' has no "
                       "sentence '7'"):
        frames_validate(CORPUS, codes, BOOK, unit="sentence", source="codes.csv")


def test_actors():
    book = actors_load()
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS"] * 3,
                           "text": ["Poetin sprak met Biden.", "Het Kremlin zweeg.",
                                    "Biden reisde af."]})
    codes = pd.DataFrame({"doc_id": ["a", "b", "c"],
                          **{a: ["0"] * 3 for a in book.ids}})
    codes["poetin"] = ["1", "1", "0"]   # b: the Kremlin read as Putin by the coder
    codes["biden"] = ["1", "0", "0"]    # c: coder missed Biden
    scores, errors = actors_validate(corpus, codes, book, n_boot=0)
    s = scores.set_index("actor")
    assert s.loc["poetin", ["tp", "fp", "fn", "tn"]].tolist() == [1, 0, 1, 1]
    assert s.loc["biden", ["tp", "fp", "fn", "tn"]].tolist() == [1, 1, 0, 1]
    wrong = errors[errors["actor"].isin(["poetin", "biden"])]
    assert sorted(zip(wrong["actor"], wrong["doc_id"], wrong["error"], strict=True)) == \
        [("biden", "c", "false positive"), ("poetin", "b", "false negative")]
    assert wrong.set_index("actor").loc["biden", "pattern"] == "Biden"
    assert s.loc["poetin", "precision"] == 1.0 and s.loc["biden", "recall"] == 1.0


def test_sentence_codes_read_as_articles_get_a_hint():
    codes = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": ["1", "2"],
                          "sancties": ["1", "0"], "diplomatie": ["0", "1"]})
    with pytest.raises(ValueError, match=r"line 3: unit 'a' is coded also on line 2 with "
                       r"other codes; the codes have a sentence_id column: are they of "
                       r"sentences \(unit sentence\)\?"):
        frames_validate(CORPUS, codes, BOOK, source="codes.csv", n_boot=0)
