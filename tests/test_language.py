"""The shipped language detector, on short texts whose function words are counted by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import corpus_load
from analysis.paths import CORPUS_DIR
from analysis.text import LanguageGuess, language_guess, language_profiles, language_table

ENGLISH = ("The talks in Geneva ended on Monday and the Russian delegation said that it had "
           "not been given what it wanted from the West.")
ARABIC = ("انتهت المحادثات في جنيف بين الوفدين الأمريكي والروسي دون تحقيق أي تقدم يوم "
          "الاثنين، وقال مسؤولون إن الجانب الروسي طالب بضمانات بعدم توسع حلف الناتو شرقا")
DUTCH = ("De Amerikaanse en Russische delegaties hebben maandag in Genève urenlang "
         "onderhandeld, maar van een doorbraak is nog geen sprake, zei een woordvoerder.")


def test_english_is_told_by_its_function_words():
    # 24 words; English function words: the x3, in, on, and, said, that, it x2, had, not,
    # been, what, from (15); Dutch ones: in, had (2)
    guess = language_guess(ENGLISH)
    assert guess == LanguageGuess("en", "English", 24, 15 / 24, 2 / 24)
    assert guess.dutch is False
    assert guess.describe() == ("reads as English, not Dutch (62% of the 24 words read are "
                                "common English words, 8% common Dutch ones).")


def test_arabic_is_told_by_its_script():
    guess = language_guess(ARABIC)
    assert (guess.code, guess.name, guess.words, guess.share) == ("script", "Arabic script",
                                                                   26, 1.0)
    assert guess.describe() == ("is written in Arabic script, not in Dutch (100% of the "
                                "letters of the 26 words read).")
    # four Latin letters among 130 Arabic ones do not make it Latin
    assert language_guess("NAVO " + ARABIC).share == pytest.approx(126 / 130)


def test_dutch_is_dutch_and_short_texts_are_not_judged():
    # 22 words; Dutch function words: de, en, hebben, in, maar, van, een x2, is, nog, geen
    guess = language_guess(DUTCH)
    assert guess == LanguageGuess("nl", "Dutch", 22, 11 / 22, 11 / 22)
    assert guess.dutch is True and guess.describe() == ""
    short = language_guess("The talks ended.")
    assert (short.code, short.words, short.dutch, short.describe()) == ("short", 3, None, "")


def test_latin_text_in_no_profiled_language_is_unknown():
    # 50 words of Dutch-looking letters without one Dutch (or other) function word
    text = " ".join(["Kwartaalcijfers", "beursgenoteerde", "ondernemingen"] * 17)[:-1]
    guess = language_guess(text)
    assert (guess.code, guess.words, guess.share_dutch) == ("unknown", 51, 0.0)
    assert guess.describe() == ("does not read as Dutch (only 0% of the 51 words read are "
                                "common Dutch words, where Dutch news has about 40%).")


def test_profiles_ship_as_data_files():
    profiles = language_profiles()
    assert list(profiles) == ["nl", "de", "en", "es", "fr", "it", "pl", "pt", "tr"]
    assert profiles["nl"][0] == "Dutch" and {"de", "het", "een"} <= profiles["nl"][1]


def test_every_bundled_article_reads_as_dutch():
    table = language_table(corpus_load(CORPUS_DIR))
    assert table["language"].tolist() == ["nl"] * 5
    assert list(table.columns) == ["doc_id", "language", "name", "words", "share",
                                   "share_dutch"]
    assert table["share_dutch"].between(0.35, 0.5).all()


def test_table_of_mixed_articles():
    corpus = pd.DataFrame({"doc_id": ["nl", "en", "ar", "leeg"],
                           "text": [DUTCH, ENGLISH, ARABIC, pd.NA]})
    table = language_table(corpus)
    assert table[["doc_id", "language", "words"]].values.tolist() == [
        ["nl", "nl", 22], ["en", "en", 24], ["ar", "script", 26], ["leeg", "short", 0]]
