"""Search strings and pattern modifiers in frame and actor dictionaries: a ``query`` key
per frame, exact forms (``=``), case (``~s``), and patterns that hold operator words or
match nothing reported."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main
from analysis.dictionaries import (
    Frame,
    FrameDictionary,
    FrameFileError,
    frames_audit,
    frames_load,
    frames_match,
    frames_pattern_warnings,
)
from analysis.dictionaries.actors import actors_match

CORPUS = pd.DataFrame({
    "doc_id": ["a", "b"], "outlet": ["NOS", "AD"],
    "text": ["De kosten van de belasting stijgen. Kosten, zei hij.",
             "Het OM vroeg om de schuld, de schulden en de schuldeisers."]})

TOML = '''
[frames.lasten]
label = "Lasten"
definition = "Kosten en belasting."
patterns = ["kosten AND belasting", "heffing"]
query = "kosten w/3 belasting"

[frames.schuld]
label = "Schuld"
definition = "Alleen de schuld."
patterns = ["=de schuld", "OM~s"]

[frames.alleen_query]
label = "Alleen een zoekvraag"
definition = "Een frame zonder patronen."
query = "lemma:schuld NOT OM~s"
'''


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "frames.toml"
    path.write_text(TOML, encoding="utf-8")
    return frames_load(path)


def test_query_key_exact_form_and_case(book):
    assert book.frames["lasten"].query == "kosten w/3 belasting"
    assert book.frames["alleen_query"].patterns == ()
    m = frames_match(CORPUS, book)
    got = m[["frame", "pattern", "matched_text"]].astype(str).values.tolist()
    assert got == [
        ["lasten", "kosten w/3 belasting", "kosten"],
        ["lasten", "kosten w/3 belasting", "belasting"],
        ["lasten", "kosten w/3 belasting", "Kosten"],  # 2 words after belasting
        ["schuld", "OM~s", "OM"],
        ["schuld", "=de schuld", "de schuld"],
    ]
    # without the exact form and the case, "om" and "de schulden" were counted
    loose = FrameDictionary({"s": Frame("s", "S", "d", ("de schuld", "OM"))})
    assert frames_match(CORPUS, loose)["matched_text"].tolist() == [
        "OM", "om", "de schuld", "de schulden", "de schuldeisers"]


def test_a_query_that_finds_nothing_in_one_article_does_not_find_it(book):
    # lemma:schuld NOT OM~s: the article with OM is left out
    m = frames_match(CORPUS, book)
    assert "alleen_query" not in set(m["frame"].astype(str))


def test_operator_words_and_silent_patterns_are_reported(book):
    m = frames_match(CORPUS, book)
    warnings = frames_pattern_warnings(book, m)
    assert warnings == [
        "frame 'lasten': pattern 'kosten AND belasting' holds the operator word AND, but it "
        "is read as words in a row; write the search string as "
        "query = \"kosten AND belasting\".",
        "frame 'lasten': pattern 'kosten AND belasting' matches nothing in the corpus.",
        "frame 'lasten': pattern 'heffing' matches nothing in the corpus.",
        "frame 'alleen_query': query 'lemma:schuld NOT OM~s' matches nothing in the corpus.",
    ]
    audit = frames_audit(m, silent=True)
    silent = audit[audit["form"] == "(no match)"]
    assert silent[["frame", "patterns", "hits"]].values.tolist() == [
        ["lasten", "kosten AND belasting", 0], ["lasten", "heffing", 0],
        ["alleen_query", "lemma:schuld NOT OM~s", 0]]
    assert "(no match)" not in set(frames_audit(m)["form"])


def test_frames_command_warns_and_audits(tmp_path, book, capsys):
    corpus = tmp_path / "c.csv"
    CORPUS.to_csv(corpus, index=False)
    path = tmp_path / "frames.toml"
    path.write_text(TOML, encoding="utf-8")
    assert main(["frames", str(corpus), "--frames", str(path), "-o", str(tmp_path / "o.csv"),
                 "--audit"]) == 0
    captured = capsys.readouterr()
    assert ("warning: frame 'lasten': pattern 'kosten AND belasting' holds the operator word "
            "AND") in captured.err
    assert "warning: 3 patterns match nothing in the corpus" in captured.err
    assert "Patterns to check" in captured.out and "(no match)" in captured.out


def test_a_malformed_query_in_a_dictionary_names_file_line_and_column(tmp_path):
    path = tmp_path / "frames.toml"
    path.write_text(TOML.replace('query = "kosten w/3 belasting"',
                                 'query = "(kosten w/3 belasting"'), encoding="utf-8")
    with pytest.raises(FrameFileError, match=r"frames.toml, line 6: frame 'lasten': query "
                       r"'lasten', column 22: '\)' expected"):
        frames_load(path)


def test_case_sensitive_actor_alias(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text('''
[actors.om]
label = "Openbaar Ministerie"
group = "Justitie"
role = "aanklager"
kind = "organisation"
aliases = ["OM~s", "Openbaar Ministerie"]
''', encoding="utf-8")
    mentions = actors_match(CORPUS, path)
    assert mentions[["actor", "alias", "matched_text"]].astype(str).values.tolist() == [
        ["om", "OM~s", "OM"]]


def test_actor_query_key(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text('''
[actors.om]
label = "Openbaar Ministerie"
group = "Justitie"
role = "aanklager"
kind = "organisation"
aliases = ["Openbaar Ministerie"]
query = "OM~s w/2 vroeg"
''', encoding="utf-8")
    mentions = actors_match(CORPUS, path)
    assert mentions[["actor", "alias", "matched_text"]].astype(str).values.tolist() == [
        ["om", "OM~s w/2 vroeg", "OM"], ["om", "OM~s w/2 vroeg", "vroeg"]]


def test_actors_command_warns_about_operator_words(tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    CORPUS.to_csv(corpus, index=False)
    path = tmp_path / "actors.toml"
    path.write_text('''
[actors.om]
label = "Openbaar Ministerie"
group = "Justitie"
role = "aanklager"
kind = "organisation"
aliases = ["OM~s", "OM OR justitie"]
''', encoding="utf-8")
    assert main(["actors", str(corpus), "--actors", str(path),
                 "-o", str(tmp_path / "a.csv")]) == 0
    err = capsys.readouterr().err
    assert ("warning: actor 'om': alias 'OM OR justitie' holds the operator word OR, but it "
            "is read as words in a row") in err
    assert "note: 1 alias matches nothing in the corpus" in err
