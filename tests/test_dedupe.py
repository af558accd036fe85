"""Exact copies, syndication and near-copies: a corpus with known pairs just above and
just below the threshold, and the exact result of every dedupe mode."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.dedupe import (
    duplicates_by_outlet,
    duplicates_drop,
    duplicates_keys,
    duplicates_pairs,
    duplicates_pairs_from_keys,
    jaccard,
    text_fingerprint,
    text_shingles,
)

# 104 words, all 5-grams distinct: 100 shingles.
BASE = (
    "De gemeenteraad van Zaltbommel heeft dinsdagavond na een lang debat ingestemd met het "
    "plan om de oude haven om te bouwen tot een wijk met tweehonderd woningen. Voorstanders "
    "spraken van een kans om jonge gezinnen in de stad te houden, tegenstanders vreesden voor "
    "het verdwijnen van de laatste scheepswerf aan het water. De wethouder beloofde dat de "
    "werf mag blijven tot haar huurcontract afloopt en dat er een fonds komt voor bedrijven "
    "die moeten verhuizen. Met de bouw kan volgens de planning over twee jaar worden begonnen, "
    "als de provincie de vergunningen op tijd afgeeft en de bodem schoon blijkt, zo meldt het "
    "college.")
# 11 new words: similarity 100 / 111 = 0.9009 (just above 0.9).
PLUS_11 = "Een buurtcomité kondigde direct na afloop bezwaar aan tegen het besluit."
# 12 new words: similarity 100 / 112 = 0.8929 (just below 0.9).
PLUS_12 = "Omwonenden willen eerst weten hoeveel verkeer de nieuwe wijk straks zal trekken."
OTHER = "Het waterschap opent zaterdag een nieuw gemaal bij de Nieuwe Merwede."

ABOVE = 100 / 111
BELOW = 100 / 112


def corpus() -> pd.DataFrame:
    rows = [
        ("rivier-1", "Rivierblad", "2023-03-03", BASE),
        ("rivier-2", "Rivierblad", "2023-03-03", "  " + BASE.upper().replace(" ", "\n ")),
        ("delta-1", "Dagblad van de Delta", "2023-03-02", BASE),
        ("gelders-1", "Gelders Avondnieuws", "2023-03-04", BASE + " " + PLUS_11),
        ("gelders-2", "Gelders Avondnieuws", "2023-03-05", BASE + " " + PLUS_12),
        ("other-1", "Rivierblad", "2023-03-06", OTHER),
        ("other-2", "Dagblad van de Delta", "2023-03-06", OTHER),
        ("empty-1", "Rivierblad", "2023-03-07", ""),
        ("empty-2", "Rivierblad", "2023-03-07", ""),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "date", "text"]).assign(title="")


def test_the_fixture_texts_have_the_sizes_the_expected_values_assume():
    assert len(BASE.split()) == 104 and len(text_shingles(BASE)) == 100
    assert len(PLUS_11.split()) == 11 and len(PLUS_12.split()) == 12
    assert jaccard(text_shingles(BASE), text_shingles(BASE + " " + PLUS_11)) == ABOVE
    assert jaccard(text_shingles(BASE), text_shingles(BASE + " " + PLUS_12)) == BELOW


def test_exact_copies_fold_case_whitespace_and_unicode_forms():
    assert text_fingerprint("Café  NAVO\n") == text_fingerprint("cafe\u0301 navo")
    assert text_fingerprint("NAVO.") != text_fingerprint("NAVO")


def test_pairs_exact_only_by_default():
    pairs = duplicates_pairs(corpus())
    assert pairs[["doc_id", "other_id", "kind"]].values.tolist() == [
        ["rivier-1", "rivier-2", "exact"],
        ["rivier-1", "delta-1", "exact"],
        ["rivier-2", "delta-1", "exact"],
        ["other-1", "other-2", "exact"],
    ]
    assert pairs["similarity"].tolist() == [1.0] * 4


def test_near_pairs_just_above_the_threshold_are_found_and_just_below_are_not():
    pairs = duplicates_pairs(corpus(), near=0.9)
    near = pairs[pairs["kind"] == "near"]
    assert near[["doc_id", "other_id"]].values.tolist() == [
        ["rivier-1", "gelders-1"], ["rivier-2", "gelders-1"], ["delta-1", "gelders-1"]]
    assert near["similarity"].tolist() == [round(ABOVE, 6)] * 3
    lower = duplicates_pairs(corpus(), near=0.89)
    assert sorted(lower.loc[lower["kind"] == "near", "other_id"].unique()) == [
        "gelders-1", "gelders-2"]


def test_pairs_are_the_same_on_every_run():
    first = duplicates_pairs(corpus(), near=0.8)
    for _ in range(3):
        pd.testing.assert_frame_equal(duplicates_pairs(corpus(), near=0.8), first)
    # gelders-1 and gelders-2 share 100 of 123 shingles.
    assert first.loc[(first["doc_id"] == "gelders-1") & (first["other_id"] == "gelders-2"),
                     "similarity"].tolist() == [round(100 / 123, 6)]


def dropped(mode: str, near: float = 1.0) -> list[tuple[str, str, str]]:
    table = duplicates_drop(corpus(), dedupe=mode, near=near)
    return list(zip(table["doc_id"], table["duplicate_of"], table["kind"], strict=True))


def test_dedupe_none_drops_nothing():
    assert dropped("none") == []
    assert dropped("none", 0.5) == []


def test_dedupe_outlet_keeps_one_copy_per_outlet():
    assert dropped("outlet") == [("rivier-2", "rivier-1", "exact")]
    # gelders-1 and gelders-2 are 0.813 alike: not copies at 0.9.
    assert dropped("outlet", 0.9) == [("rivier-2", "rivier-1", "exact")]


def test_dedupe_corpus_keeps_the_first_by_date_then_id():
    assert dropped("corpus") == [
        ("rivier-1", "delta-1", "exact"),
        ("rivier-2", "delta-1", "exact"),
        ("other-2", "other-1", "exact"),
    ]
    assert dropped("corpus", 0.9) == [
        ("rivier-1", "delta-1", "exact"),
        ("rivier-2", "delta-1", "exact"),
        ("gelders-1", "delta-1", "near"),
        ("other-2", "other-1", "exact"),
    ]
    assert dropped("corpus", 0.89) == [
        ("rivier-1", "delta-1", "exact"),
        ("rivier-2", "delta-1", "exact"),
        ("gelders-1", "delta-1", "near"),
        ("gelders-2", "delta-1", "near"),
        ("other-2", "other-1", "exact"),
    ]


def test_dropped_table_says_why():
    table = duplicates_drop(corpus(), dedupe="corpus", near=0.9)
    assert list(table.columns) == ["doc_id", "outlet", "date", "title", "duplicate_of",
                                   "duplicate_outlet", "kind", "similarity", "reason"]
    row = table.set_index("doc_id").loc["gelders-1"]
    assert row["duplicate_outlet"] == "Dagblad van de Delta"
    assert row["reason"] == ("a near-copy (similarity 0.901) of delta-1 "
                             "(Dagblad van de Delta)")
    assert table.set_index("doc_id").loc["rivier-1", "reason"] == (
        "an exact copy of delta-1 (Dagblad van de Delta)")


def test_undated_articles_come_last_and_ties_go_by_id():
    frame = pd.DataFrame({"doc_id": ["b", "a", "c"], "outlet": ["X", "X", "X"],
                          "date": [None, None, "2023-01-01"], "title": "",
                          "text": ["Zelfde tekst."] * 3})
    table = duplicates_drop(frame, dedupe="corpus")
    assert list(zip(table["doc_id"], table["duplicate_of"], strict=True)) == [
        ("b", "c"), ("a", "c")]


def test_by_outlet_summary():
    frame = corpus()
    table = duplicates_by_outlet(frame, near=0.9)
    assert table.to_dict("records") == [
        {"outlet": "Dagblad van de Delta", "articles": 2, "dropped": 0, "exact_copies": 2,
         "near_copies": 0, "within_outlet": 0,
         "shared_with": "Gelders Avondnieuws (1); Rivierblad (2)"},
        {"outlet": "Gelders Avondnieuws", "articles": 2, "dropped": 0, "exact_copies": 0,
         "near_copies": 1, "within_outlet": 0,
         "shared_with": "Dagblad van de Delta (1); Rivierblad (1)"},
        {"outlet": "Rivierblad", "articles": 5, "dropped": 0, "exact_copies": 3,
         "near_copies": 0, "within_outlet": 2,
         "shared_with": "Dagblad van de Delta (3); Gelders Avondnieuws (2)"},
    ]
    pd.testing.assert_frame_equal(
        duplicates_by_outlet(frame, pairs=duplicates_pairs(frame, near=0.9)), table)


def test_by_outlet_summary_after_dedupe_counts_what_was_dropped():
    frame = corpus()
    dropped = duplicates_drop(frame, dedupe="corpus")
    kept = frame[~frame["doc_id"].isin(dropped["doc_id"])].reset_index(drop=True)
    kept.attrs["dropped"] = dropped.to_dict("records")
    table = duplicates_by_outlet(kept, near=0.9)
    assert table[["outlet", "articles", "dropped", "exact_copies", "near_copies"]].to_dict(
        "records") == [
        {"outlet": "Dagblad van de Delta", "articles": 1, "dropped": 1, "exact_copies": 0,
         "near_copies": 1},
        {"outlet": "Gelders Avondnieuws", "articles": 2, "dropped": 0, "exact_copies": 0,
         "near_copies": 1},
        {"outlet": "Rivierblad", "articles": 3, "dropped": 2, "exact_copies": 0,
         "near_copies": 0},
    ]


@pytest.mark.parametrize("near", [0, -0.1, 1.5])
def test_threshold_out_of_range_is_refused(near):
    with pytest.raises(ValueError, match="near must be above 0 and at most 1"):
        duplicates_pairs(corpus(), near=near)


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="dedupe must be one of none, outlet, corpus"):
        duplicates_drop(corpus(), dedupe="all")


@pytest.mark.parametrize("near", [1.0, 0.9, 0.85])
def test_keys_of_parts_give_the_pairs_of_the_whole_corpus(near):
    """Keys computed part by part (each article's fingerprint and, for the first of its
    text in its part, its MinHash signature), joined in corpus order, give the pairs of
    the whole corpus; the 5-grams are asked for the near-copy candidates only."""
    whole = corpus()
    parts = [whole.iloc[:2], whole.iloc[2:5], whole.iloc[5:]]
    keys = pd.concat([duplicates_keys(p.reset_index(drop=True), near=near) for p in parts],
                     ignore_index=True)
    assert "text" not in keys.columns
    asked = []

    def shingles(rows):
        asked.extend(rows)
        return {i: text_shingles(whole["text"].iloc[i]) for i in rows}

    pairs = duplicates_pairs_from_keys(keys, near=near, shingles=shingles)
    pd.testing.assert_frame_equal(pairs, duplicates_pairs(whole, near=near))
    # the candidates: the base text (rivier-1) and its longer versions (gelders-1, -2)
    assert asked == ([] if near == 1.0 else [0, 3, 4])
    dropped = duplicates_drop(keys, dedupe="corpus", near=near, pairs=pairs)
    pd.testing.assert_frame_equal(dropped, duplicates_drop(whole, dedupe="corpus", near=near))
