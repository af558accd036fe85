"""The one reader of dictionary files: every mistake names the file, the line and the
entry, with a suggestion for a misspelt key; frames and actors read through it."""

from __future__ import annotations

import pytest

from analysis.dictionaries.actors import ActorFileError
from analysis.dictionaries.frames import FrameFileError
from analysis.dictionaries.reader import DictionaryFileError, dictionary_parse

TEXT = '''[settings]
fold_diacritics = false

[frames.sancties]
label = "Sancties"
patterns = ["sanctie*", "boycot"]
'''


def test_the_entries_come_with_their_header_line_and_section():
    book = dictionary_parse(TEXT, "f.toml", table="frames")
    assert book.settings == {"fold_diacritics": False}
    entries = list(book.entries(keys=("label", "patterns"), required=("patterns",)))
    assert [(name, head, section) for name, _, head, section in entries] == [
        ("sancties", 4, (3, 6))]
    _, spec, head, section = entries[0]
    assert book.key_line("patterns", *section) == 6
    assert book.patterns(spec, "patterns", name="sancties", head=head, section=section) == (
        ["sanctie*", "boycot"], ("sanctie*", "boycot"))
    assert book.string(spec, "label", name="sancties", head=head, section=section) == "Sancties"


@pytest.mark.parametrize("error, table, word, expected", [
    (FrameFileError, "frames", "name", "f.toml, line 5: frame 'sancties': unknown key 'lable'. "
     "Did you mean 'label'?"),
    (ActorFileError, "actors", "id", "f.toml, line 5: actor 'sancties': unknown key 'lable'. "
     "Did you mean 'label'?"),
])
def test_a_misspelt_key_is_named_with_its_line_and_a_suggestion(error, table, word, expected):
    text = TEXT.replace("frames.", f"{table}.").replace("label =", "lable =")
    book = dictionary_parse(text, "f.toml", table=table, error=error)
    with pytest.raises(error) as caught:
        list(book.entries(keys=("label", "patterns"), name_word=word))
    assert str(caught.value) == expected
    assert isinstance(caught.value, DictionaryFileError)


def test_a_pattern_outside_the_pattern_language_is_named_with_its_line():
    book = dictionary_parse(TEXT.replace('"boycot"', '"boy(cot"'), "f.toml", table="frames")
    (name, spec, head, section), = book.entries(keys=("label", "patterns"))
    with pytest.raises(DictionaryFileError) as caught:
        book.patterns(spec, "patterns", name=name, head=head, section=section)
    assert str(caught.value) == (
        "f.toml, line 6: entry 'sancties': pattern 'boy(cot' in patterns holds '('. Only "
        "letters, digits, apostrophes, spaces, hyphens, * and ? are allowed (with = before a "
        "pattern for the exact form and ~s after it for case); for AND, OR, NOT and proximity "
        'write query = "...".')


def test_an_unknown_table_and_an_unknown_setting_are_named():
    with pytest.raises(DictionaryFileError, match=r"f.toml, line 1: unknown table or key "
                                                  r"'frame'. Did you mean 'frames'\?"):
        dictionary_parse('[frame.x]\nlabel = "X"\n', "f.toml", table="frames")
    with pytest.raises(DictionaryFileError, match=r"f.toml, line 2: unknown setting "
                                                  r"'fold'. Allowed: fold_diacritics."):
        dictionary_parse("[settings]\nfold = true\n", "f.toml", table="frames")
