"""Readability against quanteda.textstats' own tests
(tests/testthat/test-textstat_readability.R), Dutch syllables against hand-counted words,
and hand-computed values of the Dutch formulas (Douma 1960, Brouwer 1963)."""

import pandas as pd
import pytest

from analysis.statistics import READABILITY_MEASURES, syllables_count, textstat_readability
from analysis.tokens import tokens_corpus


def _corpus(**texts):
    return pd.DataFrame({"doc_id": list(texts), "outlet": "X", "text": list(texts.values())})


def _values(table, measure):
    return table[table["measure"] == measure]["value"].tolist()


def test_flesch_and_fog_as_quanteda():
    """quanteda: "readability count is ok": Flesch 103 (tolerance 0.01), FOG 2.8."""
    toks = tokens_corpus(_corpus(text1="The cat in the hat ate breakfast."))
    table = textstat_readability(toks, measure=["Flesch", "FOG"], language="en")
    assert _values(table, "Flesch") == [pytest.approx(103, rel=0.01)]
    assert _values(table, "Flesch")[0] == pytest.approx(206.835 - 1.015 * 7 - 84.6 * 8 / 7)
    assert _values(table, "FOG") == [pytest.approx(2.8)]


def test_flesch_of_a_long_text_is_a_number():
    """quanteda: "readability works: basic"."""
    txt = ("This was adjusted by a prolongation of the period of reimbursement in nature of "
           "a new loan at an interest of 5% for the term of ten years, and the expenses of "
           "this operation were a commission of 3%. The first installment of the loan of "
           "$2,000,000 from the Bank of the United States has been paid, as was directed by "
           "law. For the second it is necessary that provision be made. No pecuniary "
           "consideration is more urgent than the regular redemption and discharge of the "
           "public debt.")
    table = textstat_readability(tokens_corpus(_corpus(text1=txt)), measure="Flesch",
                                 language="en")
    assert table["value"].notna().all()


PAGES = dict(d1="PAGE 1. This is a single sentence.  Short sentence. Three word sentence.",
             d2="PAGE 2. Very short! Shorter.",
             d3="Very long sentence, with multiple parts, separated by commas.  PAGE 3.")


def test_mean_sentence_length_as_quanteda():
    """quanteda: "readability works with sentence length filtering": c(3, 1.67, 5.50)
    (tolerance 0.01), and c(4, NA, 9) with min_sentence_length = 3."""
    toks = tokens_corpus(_corpus(**PAGES))
    table = textstat_readability(toks, measure="meanSentenceLength", language="en")
    assert table["value"].tolist() == pytest.approx([3, 1.67, 5.50], rel=0.01)
    table = textstat_readability(toks, measure="meanSentenceLength", language="en",
                                 min_sentence_length=3)
    assert table["value"].tolist() == pytest.approx([4, float("nan"), 9], nan_ok=True)


def test_empty_document_is_nan_as_quanteda():
    """quanteda: "returns NA for empty documents": Flesch c(112.085, NA, 97.025), and
    c(112.085, NA, NA) with min_sentence_length = 5."""
    corpus = _corpus(d1="The cat in the hat at green ham and eggs.", d2="",
                     d3="Once upon a time.")
    toks = tokens_corpus(corpus)
    table = textstat_readability(toks, measure="Flesch", language="en", corpus=corpus)
    assert table["doc_id"].tolist() == ["d1", "d2", "d3"]
    assert table["value"].tolist() == pytest.approx([112.085, float("nan"), 97.025],
                                                    nan_ok=True)
    table = textstat_readability(toks, measure="Flesch", language="en", corpus=corpus,
                                 min_sentence_length=5)
    assert table["value"].tolist() == pytest.approx([112.085, float("nan"), float("nan")],
                                                    nan_ok=True)
    every = textstat_readability(toks, measure="all", language="en", corpus=corpus)
    assert every[every["doc_id"] == "d2"]["value"].isna().all()


def test_unknown_measure_is_refused_as_quanteda():
    """quanteda: "raises error for non-included measures"."""
    toks = tokens_corpus(_corpus(a="Een zin."))
    with pytest.raises(ValueError, match="unknown readability measure.*Gibberish"):
        textstat_readability(toks, measure="Gibberish")


# Hand-counted syllables (the hyphen marks the syllables, as the Woordenlijst splits them)
DUTCH = {
    "oorlog": 2,        # oor-log
    "de": 1,
    "lopen": 2,         # lo-pen
    "eeuw": 1,
    "nieuw": 1,
    "ijzer": 2,         # ij-zer
    "uitgeverij": 4,    # uit-ge-ve-rij
    "bijeenkomst": 3,   # bij-een-komst
    "koeien": 2,        # koe-ien
    "mooier": 2,        # mooi-er
    "eieren": 3,        # ei-e-ren
    "Europa": 3,        # Eu-ro-pa
    "auteur": 2,        # au-teur
    "oud": 1,
    "huis": 1,
    "piano": 3,         # pi-a-no
    "theater": 3,       # the-a-ter
    "januari": 4,       # ja-nu-a-ri
    "ideeën": 3,        # i-dee-ën
    "België": 3,        # Bel-gi-ë
    "Oekraïne": 4,      # Oe-kra-ï-ne
    "coöperatie": 5,    # co-ö-pe-ra-tie
    "geïnteresseerd": 5,  # ge-ïn-te-res-seerd
    "financiële": 5,    # fi-nan-ci-ë-le
    "verkiezingen": 4,  # ver-kie-zin-gen
    "onderhandelingen": 6,  # on-der-han-de-lin-gen
    "Rusland": 2,
    "NAVO-top": 3,      # NA-VO-top
    "reeën": 2,         # ree-ën
    "café": 2,
}


@pytest.mark.parametrize(("word", "expected"), DUTCH.items())
def test_dutch_syllables_against_hand_counts(word, expected):
    assert syllables_count(word) == expected


def test_english_syllables_and_words_without_vowels():
    words = {"breakfast": 2, "once": 1, "upon": 2, "time": 1, "ate": 1, "the": 1,
             "table": 2, "consideration": 5}
    assert {w: syllables_count(w, language="en") for w in words} == words
    assert syllables_count("2022") == 1
    with pytest.raises(ValueError, match="language"):
        syllables_count("oorlog", language="de")


def test_dutch_formulas_by_hand():
    """Two sentences, 11 words, 25 syllables, counted by hand: ASL = 11 / 2, ASW = 25 / 11.
    Flesch-Douma = 206.84 - 0.93 ASL - 77 ASW = 26.725;
    Brouwer = 195 - 2 ASL - (2/3) 100 ASW = 32.4848."""
    text = "Het kabinet valt. De onderhandelingen over de begroting mislukten gisteren plots."
    table = textstat_readability(tokens_corpus(_corpus(a=text)), measure="all")
    first = table.iloc[0]
    # het 1, ka-bi-net 3, valt 1 | de 1, on-der-han-de-lin-gen 6, o-ver 2, de 1,
    # be-gro-ting 3, mis-luk-ten 3, gis-te-ren 3, plots 1: 25 syllables, 11 words
    assert (first["sentences"], first["words"], first["syllables"]) == (2, 11, 25)
    asl, asw = 11 / 2, 25 / 11
    expected = {
        "Flesch.Douma": 206.84 - 0.93 * asl - 77 * asw,   # 26.725
        "Brouwer": 195 - 2 * asl - 2 / 3 * 100 * asw,      # 32.4848
        "Flesch": 206.835 - 1.015 * asl - 84.6 * asw,
        "FOG": 0.4 * (asl + 100 * 5 / 11),  # 5 words of 3+ syllables
        "meanSentenceLength": asl,
        "meanWordSyllables": asw,
    }
    assert table["measure"].tolist() == list(READABILITY_MEASURES)
    assert dict(zip(table["measure"], table["value"], strict=True)) == pytest.approx(expected)
    assert expected["Flesch.Douma"] == pytest.approx(26.725)
    assert expected["Brouwer"] == pytest.approx(32.48485, abs=1e-5)


def test_groups_pool_sentences():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
                           "text": ["De kat zat.", "De hond lag daar stil."]})
    table = textstat_readability(tokens_corpus(corpus), by="outlet",
                                 measure="meanSentenceLength")
    assert table[["outlet", "sentences", "words", "value"]].values.tolist() == [
        ["X", 2, 8, 4.0]]
