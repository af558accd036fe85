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


# ----------------------------------------------------------------- the fast word count


def _guess_by_pattern(text: str) -> LanguageGuess:
    """The guess made the plain way: every word found by the pattern over the whole head,
    counted, and each profile intersected with the counts (what :func:`language_guess`
    must equal)."""
    from collections import Counter

    from analysis.text import language as lang

    head = lang._head(text)
    if lang._NON_LATIN.search(head):
        letters = "".join(lang._LETTER.findall(head))
        latin = len(lang._LATIN.findall(letters))
        if letters and latin < len(letters) / 2:
            words = len(head.split())
            if words < lang.MIN_WORDS:
                return LanguageGuess("short", "", words, 0.0, 0.0)
            counts = {name: len(rx.findall(letters)) for name, rx in lang._SCRIPT_RES.items()}
            script = max(counts, key=counts.get)
            if not counts[script]:
                return LanguageGuess("script", "a non-Latin script", words,
                                     1 - latin / len(letters), 0.0)
            return LanguageGuess("script", f"{script} script", words,
                                 counts[script] / len(letters), 0.0)
    words = Counter(w.lower() for w in lang._WORD.findall(head))
    n = sum(words.values())
    if n < lang.MIN_WORDS:
        return LanguageGuess("short", "", n, 0.0, 0.0)
    shares = {code: sum(words[w] for w in profile.intersection(words)) / n
              for code, (_, profile) in language_profiles().items()}
    best = max(shares, key=shares.get)
    dutch = shares.get("nl", 0.0)
    if best != "nl" and shares[best] >= lang.MIN_SHARE:
        return LanguageGuess(best, language_profiles()[best][0], n, shares[best], dutch)
    if dutch < lang.MIN_DUTCH_SHARE and n >= lang.MIN_WORDS_UNKNOWN:
        return LanguageGuess("unknown", "an unknown language", n, 0.0, dutch)
    return LanguageGuess("nl", language_profiles()["nl"][0], n, dutch, dutch)


def test_a_piece_of_letters_only_is_one_word_of_the_pattern():
    from analysis.text.language import _WORD

    letters = [chr(c) for c in range(0x110000)
               if not 0xD800 <= c <= 0xDFFF and chr(c).isalpha()]
    assert all(_WORD.fullmatch(c) for c in letters)
    assert not any(c.isalpha() for c in "'’-_0123456789²½")


def test_the_quick_look_misses_no_letter_of_another_script():
    from analysis.text.language import _MAYBE_NON_LATIN, _NON_LATIN

    passed = [chr(c) for c in range(0x2400) if not _MAYBE_NON_LATIN.match(chr(c))]
    assert not any(_NON_LATIN.match(c) for c in passed)
    assert set("aZéøſḀỿ’‘“”„–—−€×÷∑ 1.,;") <= set(passed)
    # letters of Latin-1 that are not Latin letters to the test: micro sign, superscripts
    assert all(_MAYBE_NON_LATIN.match(c) and _NON_LATIN.match(c) for c in "µ²³¹¼½¾")


def test_guesses_equal_the_plain_word_count_on_odd_texts():
    import random

    pieces = ["de", "het", "een", "the", "and", "der", "und", "le", "la", "el", "il", "że",
              "ve", "bir", "De", "HET", "Één", "één", "hond-achtige", "'s", "d'r", "zo’n",
              "l'homme", "co-operation", "--", "-", "'", "’", "_", "__init__", "x_y", "2e",
              "²", "µm", "½", "Ⅻ", "İstanbul", "ΣΟΦΟΣ", "σοφός", "Москва", "мир", "القاهرة",
              "東京", "ß", "STRASSE", "ǅ", "ﬁne", "a\u0301", "no\u00adpe", "x\u200by",
              "word.", "(woord)", "«mot»", "1,5", "2024", "e-mail-adres", "a'b’c-d",
              "Genève", "\u00a0", "\t", "\n", "\u2003", "\x1c"]
    rng = random.Random(29)
    texts = ["", "Kort.", "   ", DUTCH, ENGLISH, ARABIC, DUTCH * 40, ENGLISH * 40,
             ARABIC * 30]
    for _ in range(3000):
        size = rng.choice([5, 19, 20, 21, 49, 50, 51, 120, 600])
        texts.append("".join(rng.choice(pieces) + rng.choice(["", " ", " ", "  ", "\n"])
                             for _ in range(size)))
    for text in texts:
        assert language_guess(text) == _guess_by_pattern(text), text


def test_guesses_equal_the_plain_word_count_on_the_bundled_corpus():
    for text in corpus_load(CORPUS_DIR)["text"]:
        assert language_guess(text) == _guess_by_pattern(text)
