"""Which language an article is written in, told by a small detector shipped with the package.

A corpus of Dutch news sometimes holds an article that is not Dutch: a wire story in English,
a press release in French, a quote in Arabic. The stopwords, the sentiment lexicon and the
classifier trained on Dutch headlines mean nothing for such a text, so ``discourse check``
names it. :func:`language_guess` decides from the article's first
:data:`READ_CHARS` characters, without any download:

1. **Script**: when most letters are not Latin, the article is in that script (Arabic,
   Cyrillic, Greek, Hebrew, Armenian, Georgian, Devanagari, Thai, Chinese, Japanese or
   Korean).
2. **Function words**: otherwise, the share of its words that are among the most frequent
   function words of each language profiled in ``analysis/data/languages/`` (Dutch,
   English, German, French, Spanish, Italian, Portuguese, Polish, Turkish; one file a
   language, so a new file adds one). Another language is guessed when its share is larger
   than the Dutch one and at least :data:`MIN_SHARE`. A text of at least
   :data:`MIN_WORDS_UNKNOWN` words with almost no Dutch function words (under
   :data:`MIN_DUTCH_SHARE`; Dutch news has about 40%) is in an unknown language.

Texts of fewer than :data:`MIN_WORDS` words are not judged: too short to tell.

>>> language_guess("De NAVO en Rusland praten in Genève over de troepen aan de grens met "
...                "Oekraïne, maar van een doorbraak is nog geen sprake.").code
'nl'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.paths import DATA_DIR

__all__ = [
    "LANGUAGES_DIR",
    "READ_CHARS",
    "MIN_WORDS",
    "MIN_SHARE",
    "MIN_DUTCH_SHARE",
    "MIN_WORDS_UNKNOWN",
    "LanguageGuess",
    "language_profiles",
    "language_guess",
    "language_table",
]

LANGUAGES_DIR = DATA_DIR / "languages"
#: Characters read from the start of a text (cut at a space): some hundreds of words.
READ_CHARS = 2_000
#: Texts with fewer words are too short to tell.
MIN_WORDS = 20
#: Another language is guessed when its function words are more frequent than Dutch ones
#: and make up at least this share of the words (prose has 30-50%).
MIN_SHARE = 0.15
#: A text of at least MIN_WORDS_UNKNOWN words with fewer Dutch function words than this
#: share, and no other language guessed, is in an unknown language. (Dutch headlines strung
#: together can have none in 30 words; Dutch prose has about 40%.)
MIN_DUTCH_SHARE = 0.03
MIN_WORDS_UNKNOWN = 50

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_SCRIPTS = {
    "Arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "Cyrillic": "\u0400-\u052f",
    "Greek": "\u0370-\u03ff\u1f00-\u1fff",
    "Hebrew": "\u0590-\u05ff",
    "Armenian": "\u0530-\u058f",
    "Georgian": "\u10a0-\u10ff",
    "Devanagari": "\u0900-\u097f",
    "Thai": "\u0e00-\u0e7f",
    "Chinese or Japanese": "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff",
    "Korean": "\uac00-\ud7af\u1100-\u11ff",
}
_SCRIPT_RES = {name: re.compile(f"[{ranges}]") for name, ranges in _SCRIPTS.items()}
#: Any letter of another script than Latin (those named above, and every other one).
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
                        r"\u1e00-\u1eff]")
#: A character outside the ranges in which :data:`_NON_LATIN` matches nothing (ASCII, most
#: of Latin-1, the Latin blocks, punctuation such as curly quotes and dashes, currency and
#: mathematical signs): a quick first look, since the full test is slower.
_MAYBE_NON_LATIN = re.compile(r"[^\x00-\xb1\xb4\xb6-\xb8\xba\xbb\xbf-\u024f\u1e00-\u1eff"
                              r"\u2000-\u206f\u20a0-\u20cf\u2200-\u22ff]")


@dataclass(frozen=True)
class LanguageGuess:
    """What :func:`language_guess` found in a text.

    ``code`` is a profiled language's code (``"nl"``, ``"en"``, ...), ``"script"`` when most
    letters are in a script other than Latin, ``"unknown"`` for Latin text that reads as no
    profiled language, or ``"short"`` for a text of fewer than :data:`MIN_WORDS` words.
    ``name`` says it in English (``"English"``, ``"Arabic script"``). ``words`` counts the
    words read; ``share`` is the share of them that are function words of the guessed
    language (for a script: the share of letters in it), ``share_dutch`` the share that are
    Dutch function words.
    """

    code: str
    name: str
    words: int
    share: float
    share_dutch: float

    @property
    def dutch(self) -> bool | None:
        """True for Dutch, False for another language, None when too short to tell."""
        return None if self.code == "short" else self.code == "nl"

    def describe(self) -> str:
        """Why the text is not taken for Dutch, as the end of a sentence ("" for
        Dutch or a text too short to tell).

        >>> LanguageGuess("en", "English", 300, 0.41, 0.03).describe()
        'reads as English, not Dutch (41% of the 300 words read are common English words, 3% common Dutch ones).'
        """  # noqa: E501
        if self.dutch is not False:
            return ""
        if self.code == "script":
            return (f"is written in {self.name}, not in Dutch ({self.share:.0%} of the letters "
                    f"of the {self.words} words read).")
        if self.code == "unknown":
            return (f"does not read as Dutch (only {self.share_dutch:.0%} of the {self.words} "
                    "words read are common Dutch words, where Dutch news has about 40%).")
        return (f"reads as {self.name}, not Dutch ({self.share:.0%} of the {self.words} words "
                f"read are common {self.name} words, {self.share_dutch:.0%} common Dutch "
                "ones).")


def _profile(path: Path) -> tuple[str, frozenset[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    name = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else path.stem
    words = frozenset(w.strip().lower() for w in lines
                      if w.strip() and not w.startswith("#"))
    return name, words


@lru_cache(maxsize=1)
def language_profiles() -> dict[str, tuple[str, frozenset[str]]]:
    """Every profiled language: ``{code: (name, function words)}``, Dutch first.

    >>> profiles = language_profiles()
    >>> list(profiles)[:2], profiles["en"][0], "the" in profiles["en"][1]
    (['nl', 'de'], 'English', True)
    """
    paths = sorted(LANGUAGES_DIR.glob("*.txt"), key=lambda p: (p.stem != "nl", p.stem))
    return {p.stem: _profile(p) for p in paths}


def _head(text: str) -> str:
    if len(text) <= READ_CHARS:
        return text
    cut = text.rfind(" ", 0, READ_CHARS)
    return text[:cut if cut > READ_CHARS // 2 else READ_CHARS]


def _words(head: str) -> Counter:
    """The words of ``head`` (:data:`_WORD`), lower-cased, and how often each occurs.

    A word never spans white space, so the text is split at white space first: a piece
    of letters only is one word whole (every character of it a letter of :data:`_WORD`),
    and only the other pieces (with punctuation, digits, hyphens or apostrophes) go
    through the pattern. The words are lower-cased together, one a line (each as on its
    own: a line end is neither a letter nor part of a word).

    >>> _words("De kat, de KAT en de hond-achtige 2e kat.")
    Counter({'de': 3, 'kat': 3, 'en': 1, 'hond-achtige': 1, 'e': 1})
    """
    pieces = head.split()
    odd = [piece for piece in pieces if not piece.isalpha()]
    words = [piece for piece in pieces if piece.isalpha()] if odd else pieces
    if odd:
        words += _WORD.findall(" ".join(odd))
    if not words:
        return Counter()
    return Counter("\n".join(words).lower().split("\n"))


@lru_cache(maxsize=1)
def _profile_members() -> dict[str, tuple[str, ...]]:
    """Every function word of a profile: ``{word: (code, ...)}``, the languages it is a
    function word of, in the order of :func:`language_profiles`."""
    members: dict[str, list[str]] = {}
    for code, (_, profile) in language_profiles().items():
        for word in profile:
            members.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in members.items()}


def language_guess(text: str) -> LanguageGuess:
    """The language of ``text`` (see the module docstring for how it is decided).

    >>> language_guess("The talks in Geneva ended without a breakthrough on Monday, as the "
    ...                "Russian delegation said that it had not been given what it wanted.").name
    'English'
    >>> language_guess("Геннадий Гатилов").code
    'short'
    """
    head = _head(text)
    if _MAYBE_NON_LATIN.search(head) and _NON_LATIN.search(head):
        letters = "".join(_LETTER.findall(head))
        latin = len(_LATIN.findall(letters))
        if letters and latin < len(letters) / 2:
            words = len(head.split())
            if words < MIN_WORDS:
                return LanguageGuess("short", "", words, 0.0, 0.0)
            counts = {name: len(rx.findall(letters)) for name, rx in _SCRIPT_RES.items()}
            script = max(counts, key=counts.get)
            if not counts[script]:
                return LanguageGuess("script", "a non-Latin script", words,
                                     1 - latin / len(letters), 0.0)
            return LanguageGuess("script", f"{script} script", words,
                                 counts[script] / len(letters), 0.0)
    words = _words(head)
    n = sum(words.values())
    if n < MIN_WORDS:
        return LanguageGuess("short", "", n, 0.0, 0.0)
    found = dict.fromkeys(language_profiles(), 0)  # function words per language
    members = _profile_members()
    for word in words.keys() & members.keys():
        for code in members[word]:
            found[code] += words[word]
    shares = {code: count / n for code, count in found.items()}
    best = max(shares, key=shares.get)  # Dutch first: a tie goes to Dutch
    dutch = shares.get("nl", 0.0)
    if best != "nl" and shares[best] >= MIN_SHARE:
        return LanguageGuess(best, language_profiles()[best][0], n, shares[best], dutch)
    if dutch < MIN_DUTCH_SHARE and n >= MIN_WORDS_UNKNOWN:
        return LanguageGuess("unknown", "an unknown language", n, 0.0, dutch)
    return LanguageGuess("nl", language_profiles()["nl"][0], n, dutch, dutch)


def language_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """The language of every article of ``corpus`` (a table with ``doc_id`` and ``text``).

    Returns one row per article with the columns ``doc_id``, ``language`` (the code of
    :class:`LanguageGuess`), ``name``, ``words`` (words read), ``share`` and
    ``share_dutch``.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "text": ["Kort."]})
    >>> language_table(c)[["doc_id", "language", "words"]].values.tolist()
    [['a', 'short', 1]]
    """
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        guess = language_guess("" if pd.isna(text) else str(text))
        rows.append({"doc_id": doc_id, "language": guess.code, "name": guess.name,
                     "words": guess.words, "share": guess.share,
                     "share_dutch": guess.share_dutch})
    return pd.DataFrame(rows, columns=["doc_id", "language", "name", "words", "share",
                                       "share_dutch"])
