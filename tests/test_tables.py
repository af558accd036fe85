"""The table helpers: one missing-group label, one missing-column error, one by= resolver."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.tables import MISSING_GROUP, ColumnError, groups_by, require_columns


def test_require_columns_names_what_is_missing_and_what_there_is():
    table = pd.DataFrame({"doc_id": ["a"], "text": ["x"]})
    with pytest.raises(ColumnError) as caught:
        require_columns(table, ["doc_id", "outlet", "date"], what="the corpus",
                        hint="load it with corpus_load")
    error = caught.value
    assert str(error) == ("the corpus has no columns 'outlet', 'date' (its columns: "
                          "'doc_id', 'text'); load it with corpus_load")
    assert error.missing == ["outlet", "date"] and error.columns == ["doc_id", "text"]
    assert isinstance(error, ValueError) and isinstance(error, KeyError)


def test_groups_by_a_column_of_the_table_or_of_the_corpus():
    scores = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                           "outlet": ["NOS", None, "NRC", "NOS"]})
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "country": ["NL", None, "BE"]})
    assert groups_by(scores, "outlet").tolist() == ["NOS", MISSING_GROUP, "NRC", "NOS"]
    # d is not in the corpus; b has no country: both in the missing group
    assert groups_by(scores, "country", corpus=corpus).tolist() == [
        "NL", MISSING_GROUP, "BE", MISSING_GROUP]
    assert MISSING_GROUP == "(unknown)"


def test_groups_by_a_column_nobody_has():
    scores = pd.DataFrame({"doc_id": ["a"]})
    with pytest.raises(ColumnError, match="pass the corpus"):
        groups_by(scores, "country", what="the scores")
    with pytest.raises(ColumnError, match=r"the corpus has no column 'country' \(its "
                       r"columns: 'doc_id'\)"):
        groups_by(scores, "country", corpus=pd.DataFrame({"doc_id": ["a"]}))


def test_one_missing_group_label_in_frequencies_frames_and_sentiment():
    """One article without a country: frequencies, frame counts and sentiment aggregates
    all put it in the group '(unknown)', none drops it or names it differently."""
    from analysis.dictionaries import frames_count, frames_match
    from analysis.sentiment import sentiment_aggregate, sentiment_corpus, sentiment_extremes
    from analysis.tokens import tokens_corpus
    from analysis.vocabulary import textstat_frequency

    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "outlet": ["NOS", "NRC", None],
        "country": ["NL", None, "BE"],
        "text": ["Sancties tegen Rusland.", "Nieuwe sancties, goed plan.", "Geen nieuws."]})
    groups = [MISSING_GROUP, "BE", "NL"]  # sorted: "(" before letters

    freq = textstat_frequency(tokens_corpus(corpus), by="country", corpus=corpus)
    assert sorted(freq["country"].astype(str).unique()) == groups
    unknown = freq[freq["country"].astype(str) == MISSING_GROUP]
    assert unknown.set_index("term")["count"].to_dict() == {
        "nieuwe": 1, "sancties": 1, "goed": 1, "plan": 1}

    frames = frames_count(frames_match(corpus), corpus, by="country")
    sancties = frames[frames["frame"] == "sancties"].set_index("country")["hits"]
    assert sancties.to_dict() == {"NL": 1, MISSING_GROUP: 1, "BE": 0}

    scores = sentiment_corpus(corpus)
    by_country = sentiment_aggregate(scores, corpus, by="country")
    assert by_country["country"].tolist() == groups
    assert by_country["n_sentences"].tolist() == [1, 1, 1]
    by_outlet = sentiment_aggregate(scores)  # the scores' own outlet column, one missing
    assert by_outlet["outlet"].tolist() == [MISSING_GROUP, "NOS", "NRC"]
    extremes = sentiment_extremes(scores, by="outlet")
    assert extremes[["outlet", "side"]].values.tolist() == [["NRC", "positive"]]


def test_groups_top_keeps_the_largest_and_merges_the_rest():
    from analysis.tables import OTHER_GROUP, groups_top

    values = pd.Series([f"Bron {k:04d}" for k in range(1000)] + ["NRC"] * 5 + ["NOS"] * 3)
    shown = groups_top(values, n=25)
    assert shown.nunique() == 25
    assert shown[values == "NRC"].eq("NRC").all() and shown[values == "NOS"].eq("NOS").all()
    kept = sorted(set(shown) - {"NRC", "NOS", OTHER_GROUP})
    assert kept == [f"Bron {k:04d}" for k in range(22)]  # ties: name order
    assert (shown == OTHER_GROUP).sum() == 1000 - 22
    assert groups_top(values, n=None).equals(values.astype(str))


def test_groups_top_shortens_long_names_and_keeps_them_apart():
    from analysis.tables import groups_top

    long = "Zeer Lange\nKrantnaam " * 40
    shown = groups_top(pd.Series([long, long + "B", "NRC", None]), n=None, width=20)
    assert shown.tolist() == ["Zeer Lange Krantnaa…", "Zeer Lange Krantnaa… (2)", "NRC",
                              "(unknown)"]
    assert all(len(s) <= 24 for s in shown)
