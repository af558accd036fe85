"""PunktBulk gives NLTK Punkt's sentences, decision for decision, without importing NLTK:
on hand-made cases and on random texts of abbreviations, initials, numbers, ellipses,
quotes and brackets (hypothesis), compared with NLTK's own Punkt with the same
parameters."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.tokens import punkt as punkt_module
from analysis.tokens.punkt import PunktBulk
from analysis.tokens.sentences import _default_abbreviations, _punkt

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ABBREVIATIONS = frozenset({"dhr", "o.a", "jan", "ca", "st", "nr", "a", "min"})

WORDS = ["o.a.", "dhr.", "Dhr.", "jan.", "Jan.", "ca.", "st.", "ex-min.", "nr.", "a.",
         "J.", "j.", "A.B.", "U.S.", "e.g.,", "12.", "1.", "3,5", "-3.", "10.000.", "²",
         "٣.", "##number##.", "...", "..", "…", ". . .", ".", "?", "!", "?!", "!!!",
         "(", ")", "[", "]", "{", "}", '"', "“", "”", "‘", "’", "'", "«", "»", "„",
         ".)", '."', ".”", "?”", "!)", "(Ja.)", '"Nee."', "“Zo.”", "'s", "zo'n.",
         "zo’n.", "a?b", "a.b.c", "--", "-", "—", ",", ";", ":", "*", "@", "&", "#",
         "De", "de", "Ja.", "nee.", "Oekraïne.", "İstanbul.", "ǅemal.", "straße.",
         "Ελλάδα.", "x", "X", "_a.", "a_b.", "Lang" * 12, "lang" * 10 + ".", "b" * 40 + "?x"]
SEPARATORS = [" ", " ", " ", "  ", "", "\t", "\u00a0", "\x1c", "\u3000", "\u2028", "\r",
              " \x0b", " " * 40, "\u00a0 " * 20, "\x1c" * 35]
PIECE = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS),
                  st.text(st.characters(codec="utf-8", blacklist_characters="\n"),
                          max_size=4))
LINE = st.lists(st.tuples(PIECE, st.sampled_from(SEPARATORS)), min_size=1,
                max_size=40).map(lambda parts: "".join(a + b for a, b in parts))


@SETTINGS
@given(LINE)
def test_the_spans_are_punkts_with_the_same_parameters(line):
    reference = _punkt(ABBREVIATIONS)
    assert PunktBulk(ABBREVIATIONS).span_tokenize(line) == list(
        reference.span_tokenize(line))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINE)
def test_runs_left_to_a_regular_expression_end_where_the_arrays_would(line):
    reference = _punkt(ABBREVIATIONS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(punkt_module, "_SCAN_STEPS", 1)
        assert PunktBulk(ABBREVIATIONS).span_tokenize(line) == list(
            reference.span_tokenize(line))


@SETTINGS
@given(st.lists(LINE, min_size=1, max_size=6))
def test_many_lines_at_once_are_each_line_on_its_own(lines):
    bulk = PunktBulk(ABBREVIATIONS)
    text = "\n".join(lines)
    counts, starts, ends = bulk.sentences([text, "Eén. Twee."], piece_chars=10**6,
                                          long_paragraph=bulk.span_tokenize)
    expected, offset = [], 0
    for line in lines:
        for a, b in _punkt(ABBREVIATIONS).span_tokenize(line):
            piece = line[a:b]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                expected.append((offset + a + lead, offset + a + lead + len(piece.strip())))
        offset += len(line) + 1
    assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == expected + [(0, 4),
                                                                               (5, 10)]
    assert counts.tolist() == [len(expected), 2]


@SETTINGS
@given(LINE)
def test_a_context_is_decided_as_punkt_decides_it(context):
    reference = _punkt(ABBREVIATIONS)
    assert PunktBulk(ABBREVIATIONS).contains_break(context) == \
        reference.text_contains_sentbreak(context)


def test_abbreviations_initials_and_numbers_by_hand():
    bulk = PunktBulk(_default_abbreviations())
    text = ("Dhr. Rjabkov kwam o.a. op 10 jan. 2022 aan. J. S. Bach speelde. "
            "Op 12. mei niet. Hij zei: “Nee.” En ging (weg.) Nu!")
    spans = bulk.span_tokenize(text)
    assert spans == list(_punkt(_default_abbreviations()).span_tokenize(text))
    assert [text[a:b] for a, b in spans] == [
        "Dhr. Rjabkov kwam o.a. op 10 jan. 2022 aan.", "J. S. Bach speelde.",
        "Op 12. mei niet.", "Hij zei: “Nee.”", "En ging (weg.)", "Nu!"]


def test_the_patterns_are_punkts():
    lang = _punkt(frozenset())._lang_vars
    assert punkt_module._WORD_TOKENIZE_FMT == lang._word_tokenize_fmt
    assert punkt_module._MULTI_CHAR == lang._re_multi_char_punct
    assert punkt_module._WORD_START == lang._re_word_start
    assert punkt_module._REALIGN.pattern == lang.re_boundary_realignment.pattern
    bmp = "".join(map(chr, range(0xD800)))
    for pattern in (lang._re_non_word_chars, punkt_module._NON_WORD_RE):
        assert set(regex.findall(pattern, bmp)) == set(punkt_module.NON_WORD)
    assert lang.sent_end_chars == tuple(punkt_module._SENT_END)


def test_every_white_space_character_is_in_the_table():
    chars = "".join(chr(i) for i in range(punkt_module._SPACE_LIMIT, sys.maxunicode + 1)
                    if not 0xD800 <= i < 0xE000)
    assert regex.search(r"\s", chars) is None
    assert not any(c.isspace() for c in chars)


def test_sentences_are_found_without_importing_nltk():
    code = ("import sys, pandas as pd; from analysis.tokens import tokens_corpus; "
            "c = pd.DataFrame({'doc_id': ['a'], 'outlet': ['x'], 'text': ['Eén. Twee.']}); "
            "t = tokens_corpus(c); assert t['sentence_id'].tolist() == [1, 2], t; "
            "print('nltk' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"DISCOURSE_NO_CACHE": "1",
                                           "PYTHONPATH": ":".join(sys.path)})
    assert done.stdout.strip() == "False"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab.-1\x00’é", min_size=0, max_size=30), max_size=12))
def test_words_before_candidates_are_read_in_bulk_as_one_by_one(words):
    bulk = PunktBulk(frozenset({"a.b", "ab"}))
    text = " ".join(words)
    starts, ends, at = [], [], 0
    for w in words:
        starts.append(at)
        ends.append(at + len(w))
        at += len(w) + 1
    codes = np.array([ord(ch) for ch in text + "\n"], dtype=np.int64)
    kinds = bulk._word_kinds(text, codes, np.array(starts, dtype=np.int64),
                             np.array(ends, dtype=np.int64))
    assert kinds.tolist() == [bulk._word(w) if w else -1 for w in words]


def test_long_words_and_words_alike_in_their_first_characters():
    bulk = PunktBulk(frozenset({"ab"}))
    words = ["a" * 24 + "b", "a" * 24 + "1", "ab", "a\x00", "a", "", "x" * 60]
    text = " ".join(words)
    bounds = np.cumsum([0] + [len(w) + 1 for w in words])
    codes = np.array([ord(ch) for ch in text + "\n"], dtype=np.int64)
    kinds = bulk._word_kinds(text, codes, bounds[:-1], bounds[:-1] + [len(w) for w in words])
    # plain, plain, abbreviation, irregular (a NUL is not a letter), initial, none, plain
    assert kinds.tolist() == [0, 0, 1, 4, 2, -1, 0]
