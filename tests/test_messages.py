"""The message catalogue: every entry in both languages with the same fields, and numbers
written as each language writes them."""

from __future__ import annotations

import pytest

from analysis.output import (
    LANGS,
    MESSAGES,
    column_header,
    group_word,
    lang_check,
    method_name,
    msg,
    number,
)
from analysis.output.messages import fields_of


def test_every_entry_exists_in_every_language_with_the_same_fields():
    for key, entry in MESSAGES.items():
        assert set(entry) == set(LANGS), key
        assert all(text.strip() for text in entry.values()), key
        assert fields_of(entry["nl"]) == fields_of(entry["en"]), key


@pytest.mark.parametrize(("value", "kwargs", "nl", "en"), [
    (6031, {}, "6.031", "6,031"),
    (1234567.5, {}, "1.234.567,5", "1,234,567.5"),
    (0.5, {}, "0,5", "0.5"),
    (2.0, {}, "2", "2"),
    (-0.25, {"digits": 2}, "-0,25", "-0.25"),
    (0.1234, {"digits": 2}, "0,12", "0.12"),
    (1.04, {"digits": 1, "signed": True}, "+1,0", "+1.0"),
    (-0.001, {"digits": 2}, "0,00", "0.00"),  # no negative zero
    (-0.0, {}, "0", "0"),
    (1000, {"digits": 1}, "1.000,0", "1,000.0"),
])
def test_numbers_follow_the_language(value, kwargs, nl, en):
    assert number(value, "nl", **kwargs) == nl
    assert number(value, "en", **kwargs) == en


def test_msg_fills_in_fields_in_the_chosen_language():
    assert msg("corpus.words_title", "nl", group="medium") == "Woorden per medium"
    assert msg("corpus.words_title", "en", group="outlet") == "Words per outlet"
    assert msg("sentiment.validity_title", "en", n="6,031", folds=5) == (
        "Validity: each measure against human codes (6,031 headlines, 5-fold "
        "cross-validation)")


def test_unknown_language_and_key_are_named():
    with pytest.raises(ValueError, match="lang must be one of 'nl', 'en', not 'fr'"):
        msg("corpus.words", "fr")
    with pytest.raises(ValueError, match="not 'EN'"):
        lang_check("EN")
    with pytest.raises(KeyError, match="no message 'corpus.pages'"):
        msg("corpus.pages", "nl")


def test_words_for_columns_groups_and_methods():
    assert [group_word("outlet", lang) for lang in LANGS] == ["medium", "outlet"]
    assert group_word("krant", "en") == "krant"  # a column of the user's: its own name
    assert column_header("g2", "en") == "G²"
    assert column_header("per_1000_target", "nl") == "per 1.000 (groep)"
    assert column_header("ci_low", "en") == "95% CI lower"
    assert column_header("my_column", "nl") == "my_column"
    assert method_name("always_neutral", "nl") == "Altijd 'neutraal'"
