"""Frame dictionary, matching and summaries, on hand-made Dutch sentences and on the
bundled corpus. Every expected number below was counted by hand from the texts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.dictionaries import (
    DEFAULT_FRAMES_FILE,
    MATCH_COLUMNS,
    FrameDictionary,
    FrameFileError,
    frames_audit,
    frames_cooccurrence,
    frames_count,
    frames_init,
    frames_kwic,
    frames_load,
    frames_match,
)
from analysis.paths import CORPUS_DIR
from analysis.tokens import tokens_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "frames"
LANGUAGE = FIXTURES / "language.toml"


@pytest.fixture(scope="module")
def cases() -> pd.DataFrame:
    return corpus_load(FIXTURES / "default_cases.jsonl")


@pytest.fixture(scope="module")
def cases_matches(cases) -> pd.DataFrame:
    return frames_match(cases)


@pytest.fixture(scope="module")
def language() -> pd.DataFrame:
    return corpus_load(FIXTURES / "language_cases.jsonl")


@pytest.fixture(scope="module")
def bundled() -> pd.DataFrame:
    return corpus_load(CORPUS_DIR)


@pytest.fixture(scope="module")
def bundled_matches(bundled) -> pd.DataFrame:
    return frames_match(bundled)


def _forms(matches: pd.DataFrame, frame: str) -> list[str]:
    return matches.loc[matches["frame"] == frame, "matched_text"].tolist()


def _offsets_point_at_text(matches: pd.DataFrame, corpus: pd.DataFrame) -> None:
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    for row in matches.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.matched_text


# --------------------------------------------------------------------------- the file


def test_default_dictionary_has_the_required_frames():
    frames = frames_load()
    assert frames.names == ["koude_oorlog", "escalatie", "sancties", "diplomatie", "militair"]
    assert frames.fold_diacritics is True
    assert frames.labels["koude_oorlog"] == "Koude Oorlog"
    for frame in frames.frames.values():
        assert frame.definition and frame.patterns
    assert frames_load(DEFAULT_FRAMES_FILE) == frames


@pytest.mark.parametrize("name, line, frame, words", [
    ("broken_syntax.toml", 2, None, "not valid TOML"),
    ("unknown_key.toml", 5, "sancties", "Did you mean 'patterns'?"),
    ("unknown_table.toml", 1, None, "Did you mean 'frames'?"),
    ("bad_pattern.toml", 11, "sancties", "'embargo(s)'"),
    ("duplicate.toml", 7, "sancties", "listed twice"),
])
def test_mistakes_in_the_file_name_the_file_line_and_frame(name, line, frame, words):
    with pytest.raises(FrameFileError) as info:
        frames_load(FIXTURES / name)
    error = info.value
    assert isinstance(error, ValueError)
    assert (error.line, error.frame) == (line, frame)
    assert error.file.endswith(name)
    assert f"{name}, line {line}" in str(error)
    assert words in str(error)


def test_a_frame_may_give_an_english_label(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('[frames.a]\nlabel = "Koude Oorlog"\nlabel_en = " Cold War "\n'
                    'definition = "d"\npatterns = ["koude oorlog"]\n'
                    '[frames.b]\nlabel = "sancties"\ndefinition = "d"\npatterns = ["x"]\n',
                    encoding="utf-8")
    frames = frames_load(path)
    assert frames.frames["a"].label_en == "Cold War"
    assert frames.frames["b"].label_en is None
    assert frames.labels_en == {"a": "Cold War", "b": "sancties"}  # else the label
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["NOS"], "text": ["De Koude Oorlog."]})
    matches = frames_match(corpus, frames)
    for table in (matches, frames_count(matches, corpus), frames_cooccurrence(matches)):
        assert table.attrs["frame_labels"] == {"a": "Koude Oorlog", "b": "sancties"}
        assert table.attrs["frame_labels_en"] == {"a": "Cold War", "b": "sancties"}
    assert frames_load().labels_en["koude_oorlog"] == "Cold War"
    path.write_text('[frames.a]\nlabel = "A"\nlabel_en = ""\ndefinition = "d"\n'
                    'patterns = ["x"]\n', encoding="utf-8")
    with pytest.raises(FrameFileError, match="line 3: frame 'a': label_en must be a non-empty"):
        frames_load(path)


def test_missing_keys_and_wrong_types(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('[frames.a]\nlabel = "A"\npatterns = ["x"]\n', encoding="utf-8")
    with pytest.raises(FrameFileError, match="line 1: frame 'a': the key 'definition'"):
        frames_load(path)
    path.write_text('[frames.a]\nlabel = "A"\ndefinition = "d"\npatterns = "x"\n',
                    encoding="utf-8")
    with pytest.raises(FrameFileError, match="line 4: frame 'a': patterns must be a list"):
        frames_load(path)
    path.write_text('[settings]\nfold_diacritics = "ja"\n[frames.a]\nlabel = "A"\n'
                    'definition = "d"\npatterns = ["x"]\n', encoding="utf-8")
    with pytest.raises(FrameFileError, match="line 2: setting fold_diacritics must be true"):
        frames_load(path)
    path.write_text('[frames.a]\nlabel = "A"\ndefinition = "d"\npatterns = ["*"]\n',
                    encoding="utf-8")
    with pytest.raises(FrameFileError, match="line 4: frame 'a': .*only of wildcards"):
        frames_load(path)
    with pytest.raises(FrameFileError, match="no such file"):
        frames_load(tmp_path / "missing.toml")


def test_init_writes_the_default_and_never_overwrites(tmp_path):
    target = frames_init(tmp_path / "mijn.toml")
    assert target.read_bytes() == DEFAULT_FRAMES_FILE.read_bytes()
    with pytest.raises(FileExistsError):
        frames_init(target)


def test_an_edited_dictionary_is_used(tmp_path, cases):
    path = frames_init(tmp_path / "mijn.toml")
    text = path.read_text(encoding="utf-8")
    # Drop the pattern "blokken": the Koude Oorlog count of document a falls from 9 to 8.
    path.write_text(text.replace('    "blokken",', ""), encoding="utf-8")
    edited = frames_match(cases, path)
    assert (edited["frame"] == "koude_oorlog").sum() == 8
    assert "blokken" not in _forms(edited, "koude_oorlog")


# --------------------------------------------------------------------------- the language


def test_pattern_language(language):
    """language_cases.jsonl with language.toml, one frame per feature:

    ko: "Koude Oorlog" (the phrase beats "koude*"), "koude winter" dropped by the
        exclusion, "Koude handen" by koude*, "Sovjet-Unie" once although "sovjet-unie",
        "sovjet" and "unie" all hit it, "Europese Unie" by unie, and the phrase over a
        line break twice ("koude\\noorlog", "Koude-\\nOorlog"): 6.
    infix *sanctie*: Sanctie, sancties, sanctiepakket, exportsancties, EU-sancties: 5.
    whole sancties: sancties, and the part after the hyphen of EU-sancties: 2.
    prefix sanctie*: Sanctie, sancties, sanctiepakket, sancties (of EU-sancties): 4.
    suffix *sancties: sancties, exportsancties, EU-sancties: 3.
    one sanctie?: sancties twice (Sanctie has no extra letter, sanctiepakket too many): 2.
    dia deëscalatie with folding: Deëscalatie and deescalatie: 2.
    overlap: raket, raketten, rakettenprogramma, each once, by its longest pattern
        (ties go to the pattern listed first, before *raket*): 3.
    """
    matches = frames_match(language, LANGUAGE)
    counts = matches["frame"].value_counts().to_dict()
    assert counts == {"ko": 6, "infix": 5, "whole": 2, "prefix": 4, "suffix": 3, "one": 2,
                      "dia": 2, "overlap": 3}
    assert _forms(matches, "ko") == ["Koude Oorlog", "Koude", "Sovjet-Unie", "Unie",
                                     "koude\noorlog", "Koude-\nOorlog"]
    assert matches.loc[matches["frame"] == "ko", "pattern"].tolist() == [
        "koude oorlog", "koude*", "sovjet-unie", "unie", "koude oorlog", "koude oorlog"]
    assert _forms(matches, "suffix") == ["sancties", "exportsancties", "EU-sancties"]
    assert _forms(matches, "one") == ["sancties", "sancties"]
    assert matches.loc[matches["frame"] == "overlap", "pattern"].tolist() == [
        "raket", "raketten", "rakettenprogramma"]
    _offsets_point_at_text(matches, language)
    # The phrase over a line break starts in sentence 9 (every line break ends a sentence).
    assert matches.loc[matches["matched_text"] == "koude\noorlog", "sentence_id"].item() == 9


def test_diacritics_folding_is_an_option(language):
    folded = frames_match(language, LANGUAGE, fold_diacritics=True)
    exact = frames_match(language, LANGUAGE, fold_diacritics=False)
    assert _forms(folded, "dia") == ["Deëscalatie", "deescalatie"]
    assert _forms(exact, "dia") == ["Deëscalatie"]  # case still ignored, ë not


def test_match_table_columns_and_types(cases_matches):
    assert list(cases_matches.columns) == MATCH_COLUMNS
    assert list(cases_matches["frame"].cat.categories) == frames_load().names
    assert cases_matches.attrs["frame_labels"]["koude_oorlog"] == "Koude Oorlog"


def test_default_dictionary_on_the_hand_made_cases(cases, cases_matches):
    """default_cases.jsonl with the shipped dictionary.

    a, koude_oorlog 9: Koude Oorlog, Koude-Oorlogsretoriek, koudeoorlogsretoriek (one phrase,
      three spellings); not "koude winter"; Sovjet-Unie (once), Oostblok, Warschaupact,
      IJzeren Gordijn; "blokken" but not "houten blokken" (excluded); "koude\\noorlog".
    b, escalatie 11: escalatie, escalatiescenario, escalatie-scenario; de-escalatie,
      deëscalatie, deescalatie, deëscaleren; invasie, binnenvallen, binnen te vallen,
      troepenopbouw; not "escalator" (excluded). militair 1: troepenopbouw (shared span).
    c, sancties 8: sancties, sanctiepakket, exportsancties, EU-sancties, strafmaatregelen,
      embargo, exportverbod, SWIFT; not "Taylor Swift" (excluded). diplomatie 5: overleg,
      gesprek, onderhandelingen, dialoog, akkoord. militair 4: troepen, militairen, wapens,
      raketten.
    """
    table = cases_matches.groupby(["doc_id", "frame"], observed=True).size()
    assert table.to_dict() == {
        ("a", "koude_oorlog"): 9, ("b", "escalatie"): 11, ("b", "militair"): 1,
        ("c", "sancties"): 8, ("c", "diplomatie"): 5, ("c", "militair"): 4}
    assert _forms(cases_matches, "koude_oorlog") == [
        "Koude Oorlog", "Koude-Oorlogsretoriek", "koudeoorlogsretoriek", "Sovjet-Unie",
        "Oostblok", "Warschaupact", "IJzeren Gordijn", "blokken", "koude\noorlog"]
    assert _forms(cases_matches, "escalatie") == [
        "escalatie", "escalatiescenario", "escalatie-scenario", "de-escalatie", "deëscalatie",
        "deescalatie", "deëscaleren", "invasie", "binnenvallen", "binnen te vallen",
        "troepenopbouw"]
    assert _forms(cases_matches, "sancties") == [
        "sancties", "sanctiepakket", "exportsancties", "EU-sancties", "strafmaatregelen",
        "embargo", "exportverbod", "SWIFT"]
    _offsets_point_at_text(cases_matches, cases)
    # Sentence ids are those of tokens_sentences: "Taylor Swift zingt erover." is sentence 3
    # of c, the paragraph after it starts sentence 4.
    c = cases_matches[cases_matches["doc_id"] == "c"]
    assert c.loc[c["frame"] == "diplomatie", "sentence_id"].unique().tolist() == [4]


# --------------------------------------------------------------------------- summaries


def test_counts_per_outlet_and_per_other_column(cases, cases_matches):
    """Word tokens (tokens_corpus rows, punctuation left out), counted by hand:
    a 52, b 41, c 42. Krant A = a; Krant B = b + c = 83 words, 2 articles."""
    words = tokens_corpus(cases).groupby("doc_id", observed=True).size().to_dict()
    assert words == {"a": 52, "b": 41, "c": 42}
    counts = frames_count(cases_matches, cases)
    assert list(counts.columns) == ["outlet", "frame", "label", "hits", "words", "per_1000",
                                    "docs", "docs_with_frame", "share_docs"]
    assert len(counts) == 2 * 5  # every frame for every outlet, zeros included
    row = counts.set_index(["outlet", "frame"])
    assert row.loc[("Krant A", "koude_oorlog"), ["hits", "words", "docs"]].tolist() == [9, 52, 1]
    assert row.loc[("Krant A", "koude_oorlog"), "per_1000"] == pytest.approx(9000 / 52)
    # militair in Krant B: 1 (b) + 4 (c) = 5 hits in 83 words, in 2 of 2 articles.
    b = row.loc[("Krant B", "militair")]
    assert [b["hits"], b["words"], b["docs_with_frame"], b["share_docs"]] == [5, 83, 2, 1.0]
    assert b["per_1000"] == pytest.approx(5000 / 83)
    # sancties in Krant B: 8 hits, only in c: 1 of 2 articles.
    assert row.loc[("Krant B", "sancties"), "share_docs"] == 0.5
    assert row.loc[("Krant A", "sancties"), ["hits", "per_1000"]].tolist() == [0, 0.0]
    by_date = frames_count(cases_matches, cases, by="date").set_index(["date", "frame"])
    # date 2022-01: a + b (93 words); 2022-02: c (42 words).
    assert by_date.loc[("2022-01", "escalatie"), ["hits", "words"]].tolist() == [11, 93]
    assert by_date.loc[("2022-02", "diplomatie"), ["hits", "words"]].tolist() == [5, 42]
    with pytest.raises(KeyError, match="no column 'medium'"):
        frames_count(cases_matches, cases, by="medium")


def test_audit(cases_matches):
    audit = frames_audit(cases_matches)
    assert list(audit.columns) == ["frame", "form", "patterns", "hits", "docs", "share"]
    ko = audit[audit["frame"] == "koude_oorlog"].set_index("form")
    # "Koude Oorlog" and "koude\noorlog" are one form: "koude oorlog", 2 hits of 9.
    assert ko.loc["koude oorlog", ["patterns", "hits"]].tolist() == ["koude oorlog", 2]
    assert ko.loc["koude oorlog", "share"] == pytest.approx(2 / 9)
    assert ko.loc["sovjet-unie", "patterns"] == "sovjet-unie"
    assert audit["hits"].sum() == len(cases_matches)
    assert audit["frame"].drop_duplicates().tolist() == [
        "koude_oorlog", "escalatie", "sancties", "diplomatie", "militair"]


def test_cooccurrence_by_sentence_and_document(cases_matches):
    """Sentence 3 of b holds escalatie and militair (troepenopbouw), sentences 1-3 of b hold
    escalatie: so escalatie is in 3 sentences, militair in 2 (b3, c5), both in 1.
    Articles: escalatie in b; militair in b and c; both in b."""
    s = frames_cooccurrence(cases_matches).set_index(["frame_a", "frame_b"])
    assert len(s) == 25
    pair = s.loc[("escalatie", "militair")]
    assert [pair["units_a"], pair["units_b"], pair["units_both"]] == [3, 2, 1]
    assert pair["jaccard"] == pytest.approx(1 / 4)
    assert pair["share_of_a"] == pytest.approx(1 / 3)
    assert s.loc[("militair", "escalatie"), "share_of_a"] == pytest.approx(1 / 2)
    assert s.loc[("koude_oorlog", "sancties"), ["units_both", "jaccard"]].tolist() == [0, 0.0]
    d = frames_cooccurrence(cases_matches, level="document").set_index(["frame_a", "frame_b"])
    assert d.loc[("escalatie", "militair"), ["units_a", "units_b", "units_both"]].tolist() == [
        1, 2, 1]
    assert d.loc[("sancties", "diplomatie"), "jaccard"] == 1.0  # both only in c
    with pytest.raises(ValueError, match="level"):
        frames_cooccurrence(cases_matches, level="paragraph")


def test_kwic(cases, cases_matches):
    kwic = frames_kwic(cases_matches, cases, window=3)
    assert len(kwic) == len(cases_matches)
    row = kwic[kwic["match"] == "IJzeren Gordijn"].iloc[0]
    assert (row["left"], row["right"]) == ("Warschaupact en het", "zijn geschiedenis. De")
    first = kwic.iloc[0]  # the first words of the article: no left context
    assert (first["left"], first["match"]) == ("De", "Koude Oorlog")
    line_break = kwic[kwic["start"] == 313].iloc[0]
    assert line_break["match"] == "koude oorlog"  # white space shown as one space


# --------------------------------------------------------------------------- bundled corpus


def test_bundled_corpus_named_frames(bundled, bundled_matches):
    """Counted by hand in corpus/*.txt (grep -io, then read in context):

    koude_oorlog (19):
      NRC 8: "Koude Oorlog" x3; "Sovjet-Unie" x2; "Sovjet-Republieken"; "Oostblok";
        "ideologische blokken". ("oorlogsvoering" is not the frame.)
      De Morgen 4: "Koude Oorlog"; "Sovjet-Unie" x2; "Warschaupact".
      NOS 4: "Koude Oorlog"; "Sovjet-Unie" x2; "ex-Sovjetstaten" (its part Sovjetstaten).
      Trouw 0.
      de Volkskrant 3: "Oostbloklanden"; "communistische blok"; "Sovjet-Unie".
    escalatie (21):
      NRC 8: "escalatie" x2; "escalatie-scenario" x2 (quote and streamer); "de-escaleren";
        "binnen te vallen"; "invasie" x2.
      De Morgen 2: "inval"; "binnen te vallen".
      NOS 4: "troepenopbouw"; "deëscaleert"; "invasie" x2 ("militaire invasie", "invasie
        van vijanden"). Not "valt hij Oekraïne binnen": a separable verb split by other
        words is outside the pattern language.
      Trouw 3: "geëscaleerd" (negated: "verder geëscaleerd is de kwestie ook niet", still
        the frame's vocabulary); "de-escalatie"; "invasie".
      de Volkskrant 4: "escalatie"; "invasie" x2; "binnenvalt".
    sancties (8):
      NRC 1: "exportverbod". Not "van het internationaal betalingsverkeer afgekoppeld":
        a sanction described without sanction vocabulary.
      De Morgen 1: "sancties".
      NOS 5: "sancties" x3; "SWIFT-systeem"; "embargo".
      Trouw 0.
      de Volkskrant 1: "sancties".
    """
    named = bundled_matches[bundled_matches["frame"].isin(["koude_oorlog", "escalatie",
                                                           "sancties"])]
    table = named.groupby(["frame", "outlet"], observed=True).size()
    assert table.to_dict() == {
        ("koude_oorlog", "NRC"): 8, ("koude_oorlog", "De Morgen"): 4,
        ("koude_oorlog", "NOS"): 4, ("koude_oorlog", "de Volkskrant"): 3,
        ("escalatie", "NRC"): 8, ("escalatie", "De Morgen"): 2, ("escalatie", "NOS"): 4,
        ("escalatie", "Trouw"): 3, ("escalatie", "de Volkskrant"): 4,
        ("sancties", "NRC"): 1, ("sancties", "De Morgen"): 1, ("sancties", "NOS"): 5,
        ("sancties", "de Volkskrant"): 1,
    }
    nos = named[(named["outlet"] == "NOS") & (named["frame"] == "escalatie")]
    assert sorted(nos["matched_text"]) == ["deëscaleert", "invasie", "invasie", "troepenopbouw"]
    vk = named[(named["outlet"] == "de Volkskrant") & (named["frame"] == "koude_oorlog")]
    assert vk["matched_text"].tolist() == ["Oostbloklanden", "communistische blok",
                                           "Sovjet-Unie"]
    _offsets_point_at_text(bundled_matches, bundled)


def test_bundled_corpus_per_1000_uses_the_token_table(bundled, bundled_matches):
    counts = frames_count(bundled_matches, bundled).set_index(["outlet", "frame"])
    words = tokens_corpus(bundled).groupby("outlet", observed=True).size()
    for outlet, n in words.items():
        row = counts.loc[(outlet, "sancties")]
        assert row["words"] == n
        assert row["per_1000"] == pytest.approx(1000 * row["hits"] / n)
    assert counts.loc[("NOS", "sancties"), "hits"] == 5


def test_bad_corpus_input():
    twice = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["X", "X"], "text": ["x", "y"]})
    with pytest.raises(ValueError, match="doc_id 'a' occurs more than once"):
        frames_match(twice)


def test_a_frame_dictionary_object_is_accepted(cases):
    book = frames_load()
    assert isinstance(book, FrameDictionary)
    assert frames_match(cases, book).equals(frames_match(cases))


def test_apostrophes_straight_and_curly_are_the_same(tmp_path):
    """"zo'n crisis" finds "Zo’n crisis" (curly) and "zo'n crisis" (straight); "’s avonds"
    finds "'s avonds": 3 matches, with and without diacritics folding."""
    path = tmp_path / "f.toml"
    path.write_text('[frames.x]\nlabel = "x"\ndefinition = "d"\n'
                    'patterns = ["zo\'n crisis", "’s avonds"]\n', encoding="utf-8")
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
                           "text": ["Zo’n crisis en zo'n crisis, 's avonds."]})
    for fold in (True, False):
        matches = frames_match(corpus, path, fold_diacritics=fold)
        assert matches["matched_text"].tolist() == ["Zo’n crisis", "zo'n crisis", "'s avonds"]
        assert matches["start"].tolist() == [0, 15, 28]


def test_a_wildcard_word_in_a_phrase_stands_for_one_word(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('[frames.zee]\nlabel = "Zee"\ndefinition = "d"\n'
                    'patterns = ["* oceaan", "federale * van *", "?? wacht"]\n',
                    encoding="utf-8")
    text = ("De Stille Oceaan en de Atlantische-oceaan. Oceaan! De federale minister van "
            "defensie, de federale politie van Brussel. Wij wacht, de VS wacht.")
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]})
    found = frames_match(corpus, path)
    # "Oceaan!" starts a sentence: no word before it; "Wij" has three letters, not two
    assert found["matched_text"].tolist() == [
        "Stille Oceaan", "Atlantische-oceaan", "federale minister van defensie",
        "federale politie van Brussel", "VS wacht"]
    assert [text[s:e] for s, e in zip(found["start"], found["end"], strict=True)] == \
        found["matched_text"].tolist()
    assert found["sentence_id"].tolist() == [1, 1, 3, 3, 4]


def test_wildcard_words_combine_with_exact_and_case_patterns(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('[frames.a]\nlabel = "A"\ndefinition = "d"\n'
                    'patterns = ["* OM~s", "=federale * van defensie", "* walvis"]\n'
                    '[frames.b]\nlabel = "B"\ndefinition = "d"\n'
                    'patterns = ["federale * van defensie"]\n', encoding="utf-8")
    text = "Het OM en het om. De federale minister van defensie-zaken sprak."
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]})
    found = frames_match(corpus, path)
    # ~s keeps the case of OM only; = stops the last word before the compound runs on
    assert found[["frame", "matched_text", "start", "end"]].values.tolist() == [
        ["a", "Het OM", 0, 6], ["a", "federale minister van defensie", 21, 51],
        ["b", "federale minister van defensie-zaken", 21, 57]]
    assert found.attrs["silent_patterns"] == [("a", "* walvis")]


@pytest.mark.parametrize("pattern", ["*", "* ?", "=*~s", "* -", "?? *"])
def test_a_pattern_made_only_of_wildcards_is_refused(tmp_path, pattern):
    path = tmp_path / "f.toml"
    path.write_text('[frames.a]\nlabel = "A"\ndefinition = "d"\n'
                    f'patterns = ["navo", "{pattern}"]\n', encoding="utf-8")
    with pytest.raises(FrameFileError, match=r"line 4: frame 'a': pattern .* is made only of "
                       r"wildcards\. Give at least one word with a letter"):
        frames_load(path)


@pytest.mark.parametrize("pattern", ["-", "\u2010", " - ", "'", "-'-", "=", "-~s", "=-~s"])
def test_a_pattern_without_a_letter_or_digit_is_named(tmp_path, pattern):
    path = tmp_path / "f.toml"
    path.write_text('[frames.a]\nlabel = "A"\ndefinition = "d"\n'
                    f'patterns = ["navo", "{pattern}"]\n', encoding="utf-8")
    with pytest.raises(FrameFileError, match=r"line 4: frame 'a': pattern .* holds no letter "
                       r"or digit\. Every pattern needs at least one letter or digit"):
        frames_load(path)


def test_a_folder_given_as_the_dictionary_is_named(tmp_path):
    with pytest.raises(FrameFileError, match=rf"{tmp_path}: is a folder, not a dictionary "
                       r"file\. Give the \.toml file"):
        frames_load(tmp_path)


def test_a_byte_order_mark_is_read_as_the_other_readers_read_it(tmp_path):
    path = tmp_path / "f.toml"
    text = '[frames.a]\nlabel = "A"\ndefinition = "d"\npatterns = ["navo"]\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    frames = frames_load(path)
    assert frames.names == ["a"]
    assert frames.frames["a"].line == 1
