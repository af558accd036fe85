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
