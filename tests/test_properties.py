"""Properties over arbitrary Unicode text: tokens, sentences, corpus loading, frames and
sentiment never raise, offsets point at the text they name, and counts do not change under
a change of letter case or of line endings."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import dictionaries, sentiment
from analysis.corpus import CorpusError, corpus_load
from analysis.text import text_normalise, tokens_tokenize, tokens_words
from analysis.tokens import sentences_split, tokens_corpus

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Dutch news words, punctuation and layout, so that examples look like articles too.
DUTCH = ["NAVO", "Rusland", "Oekraïne", "de-escaleren", "zo'n", "’s", "127", "duizend",
         "3,5", "2022-01", "dhr.", "o.a.", "Koude", "Oorlog", "sancties", "EU-sancties",
         "Sovjet-Unie", "vrede", "oorlog", "goed", "slecht", "niet", "Poetin", "Biden",
         "...", "…", "„", "”", "—", "-", ".", ",", "?", "!", ":", "\n", "\n\n", " ", "\t"]


def no_length_change(char: str) -> bool:
    """True when upper and lower case of ``char`` are single characters: case changes
    such as ß -> SS or İ -> i̇ change the letters themselves, not just their case."""
    return len(char.upper()) == 1 and len(char.lower()) == 1


ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=200)
MIXED_TEXT = st.lists(st.one_of(st.sampled_from(DUTCH), ANY_TEXT.map(lambda t: t[:12])),
                      max_size=40).map(" ".join)
TEXT = st.one_of(ANY_TEXT, MIXED_TEXT)
CASE_SAFE_TEXT = TEXT.map(lambda t: "".join(c for c in t if no_length_change(c)))


def swapcase(text: str) -> str:
    return "".join(c.swapcase() for c in text)


# --------------------------------------------------------------------------- tokens


@SETTINGS
@given(TEXT)
def test_token_strings_are_those_of_the_full_tokenizer(text):
    assert tokens_words(text) == [t[0] for t in tokens_tokenize(text)]


@SETTINGS
@given(TEXT)
def test_tokens_point_at_their_text_in_order(text):
    previous_end = 0
    for token, start, end, kind in tokens_tokenize(text):
        assert text[start:end] == token
        assert previous_end <= start < end <= len(text)
        assert kind in {"word", "number", "punct"}
        previous_end = end


@SETTINGS
@given(TEXT)
def test_tokens_leave_out_only_white_space(text):
    covered = set()
    for _, start, end, _ in tokens_tokenize(text):
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@SETTINGS
@given(TEXT)
def test_sentences_point_at_stripped_text_in_order(text):
    previous_end = 0
    for start, end in sentences_split(text):
        sentence = text[start:end]
        assert sentence and sentence == sentence.strip()
        assert previous_end <= start
        previous_end = end
    assert previous_end <= len(text)


@SETTINGS
@given(CASE_SAFE_TEXT)
def test_token_counts_do_not_depend_on_letter_case(text):
    tokens = tokens_tokenize(text)
    for changed in (text.upper(), text.lower(), swapcase(text)):
        assert [(s, e, k) for _, s, e, k in tokens_tokenize(changed)] == [
            (s, e, k) for _, s, e, k in tokens]


# --------------------------------------------------------------------------- loading

LOADABLE = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"],
                                 exclude_characters="\ufeff"), max_size=120)
LOADABLE_TEXT = st.one_of(
    LOADABLE,
    st.lists(st.one_of(st.sampled_from(DUTCH), LOADABLE.map(lambda t: t[:10])),
             max_size=30).map(" ".join),
).filter(lambda t: t.strip())


def load_one(data: bytes) -> pd.DataFrame:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a.txt").write_bytes(data)
        return corpus_load(folder)


@SETTINGS
@given(LOADABLE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_loading_keeps_every_character(text, encoding):
    """Every visible character: the text is normalised as everywhere (NFC, the invisible
    characters removed, see analysis.text.text_normalise)."""
    text = text.replace("\r", "")
    assume(text_normalise(text).strip())
    corpus = load_one((" date 2022-01\n" + text).encode(encoding))
    assert corpus["text"].tolist() == [text_normalise(text).strip()]


@SETTINGS
@given(st.binary(max_size=200))
def test_loading_arbitrary_bytes_loads_or_names_the_problem(data):
    try:
        corpus = load_one(b" date 2022-01 " + data)
    except CorpusError as exc:
        assert exc.problems and all(p.file.endswith("a.txt") for p in exc.problems)
    else:
        assert len(corpus) == 1 and corpus["text"].iloc[0]


@SLOW
@given(LOADABLE_TEXT)
def test_counts_do_not_depend_on_line_endings(text):
    text = text.replace("\r", "")
    unix = load_one((" date 2022-01\n" + text).encode("utf-8"))
    windows = load_one((" date 2022-01\r\n" + text.replace("\n", "\r\n")).encode("utf-8"))
    assert windows["text"].tolist() == unix["text"].tolist()
    columns = ["sentence_id", "token", "start", "end"]
    assert tokens_corpus(windows)[columns].astype(str).values.tolist() == \
        tokens_corpus(unix)[columns].astype(str).values.tolist()


# --------------------------------------------------------------------------- frames

PATTERN_WORDS = sorted({word.strip("*?") for frame in dictionaries.frames_load().frames.values()
                        for pattern in frame.patterns for word in pattern.split()
                        if word.strip("*?")})
FRAME_TEXT = st.lists(st.one_of(st.sampled_from(PATTERN_WORDS), st.sampled_from(DUTCH),
                                ANY_TEXT.map(lambda t: t[:8])),
                      min_size=1, max_size=30).map(" ".join)
CASE_SAFE_FRAME_TEXT = FRAME_TEXT.map(lambda t: "".join(c for c in t if no_length_change(c)))


def match(text: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": [text]})
    return dictionaries.frames_match(corpus)


@SLOW
@given(FRAME_TEXT)
def test_frame_matches_point_at_the_matched_text(text):
    found = match(text)
    normalised = text_normalise(text)  # offsets refer to the normalised text, as everywhere
    for start, end, matched in found[["start", "end", "matched_text"]].itertuples(index=False):
        assert normalised[start:end] == matched


@SLOW
@given(CASE_SAFE_FRAME_TEXT)
def test_frame_counts_do_not_depend_on_letter_case(text):
    counts = match(text)["frame"].value_counts().sort_index().tolist()
    assert match(text.upper())["frame"].value_counts().sort_index().tolist() == counts
    assert match(swapcase(text))["frame"].value_counts().sort_index().tolist() == counts


@SLOW
@given(FRAME_TEXT.filter(lambda t: t.strip() and "\r" not in t))
def test_frame_counts_do_not_depend_on_line_endings(text):
    try:
        unix = load_one((" date 2022-01\n" + text).encode("utf-8"))
    except CorpusError:  # control characters: refused whatever the line endings
        return
    windows = load_one((" date 2022-01\r\n" + text.replace("\n", "\r\n")).encode("utf-8"))
    one, two = dictionaries.frames_match(unix), dictionaries.frames_match(windows)
    assert two["frame"].value_counts().sort_index().tolist() == \
        one["frame"].value_counts().sort_index().tolist()


# --------------------------------------------------------------------------- sentiment

@SLOW
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_lexicon_sentiment_never_raises_and_stays_in_range(texts):
    scores = sentiment.sentiment_score(texts, method="lexicon", progress=False)
    assert len(scores) == len(texts)
    assert scores["polarity"].between(-1, 1).all()
    assert set(scores["label"]) <= {-1, 0, 1}


@SLOW
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_classifier_sentiment_never_raises_and_stays_in_range(texts):
    scores = sentiment.sentiment_score(texts, method="classifier", progress=False)
    assert len(scores) == len(texts)
    assert scores["polarity"].between(-1, 1).all()
    assert set(scores["label"]) <= {-1, 0, 1}
