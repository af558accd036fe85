"""What a Dutch word is: the token pattern shared by the corpus and token layers.

The lowest text layer, below :mod:`analysis.corpus` and :mod:`analysis.tokens`: the word-list
reader, the shipped abbreviation list, the hyphen characters that join a compound
(:data:`HYPHENS`), and the token pattern with :func:`tokens_tokenize`, :func:`tokens_words`
and :func:`tokens_count_words` (re-exported by :mod:`analysis.tokens`). The corpus summary
counts words with it without importing the token tables.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from analysis.paths import DATA_DIR

__all__ = [
    "INVISIBLE_CHARACTERS",
    "text_normalise",
    "text_invisible_count",
    "ABBREVIATIONS_FILE",
    "HYPHENS",
    "wordlist_load",
    "wordlist_parse",
    "abbreviations_load",
    "tokens_tokenize",
    "tokens_words",
    "tokens_count_words",
]

ABBREVIATIONS_FILE = DATA_DIR / "abbreviations_nl.txt"

#: Characters that show nothing and only hint at a line break or a ligature: the soft
#: hyphen, the zero-width space, non-joiner and joiner, the word joiner and the zero-width
#: no-break space (a byte-order mark inside a text). Inside a word they would split it
#: ("sanc\u00adties"); :func:`text_normalise` removes them.
INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


def text_normalise(text: str) -> str:
    """The one normalisation of every text the toolkit reads (the corpus loader, the token
    tables, frames, KWIC): Unicode NFC (so a decomposed "Gene\u0300ve" is "Genève") with the
    :data:`INVISIBLE_CHARACTERS` removed. Offsets in every table refer to this text, which
    is also the text of a loaded corpus.

    >>> text_normalise("Gene\u0300ve: sanc\u00adties, zero\u200bwidth")
    'Genève: sancties, zerowidth'
    """
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def text_invisible_count(text: str) -> int:
    """How many :data:`INVISIBLE_CHARACTERS` ``text`` holds.

    >>> text_invisible_count("sanc\u00adties en \u200bnog")
    2
    """
    return sum(text.count(ch) for ch in INVISIBLE_CHARACTERS)

def wordlist_load(path: str | Path) -> frozenset[str]:
    """The words of a one-word-a-line file, lower-cased; ``#`` starts a comment line.

    >>> from analysis.tokens import STOPWORDS_FILE
    >>> sorted(wordlist_load(STOPWORDS_FILE))[:3]
    ["'n", "'s", "'t"]
    """
    return wordlist_parse(Path(path).read_text(encoding="utf-8-sig"))


def wordlist_parse(text: str) -> frozenset[str]:
    """The words of a one-word-a-line text, lower-cased; ``#`` starts a comment line.

    >>> sorted(wordlist_parse("# mijn lijst\\nDe\\n\\nnavo\\n"))
    ['de', 'navo']
    """
    words = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    return frozenset(words)

def abbreviations_load(path: str | Path | None = None) -> frozenset[str]:
    """Abbreviations (without their final period) that do not end a sentence."""
    return wordlist_load(path or ABBREVIATIONS_FILE)

def _abbreviation_pattern(abbreviations: Iterable[str]) -> str:
    # longest first; the same order in every process (the token store keys on the pattern)
    forms = sorted(sorted(re.escape(a) + r"\." for a in abbreviations), key=len, reverse=True)
    return "|".join(forms)

_NUMBER_WORDS = r"honderd|duizend|miljoen|miljard|biljoen"

#: The hyphen characters inside a word (NAVO-top): hyphen-minus, hyphen, non-breaking hyphen.
HYPHENS = "\\-\u2010\u2011"

_TOKEN = re.compile(
    rf"""
    (?P<abbr>(?<!\w)(?=[^\W\d_][\w.]{{0,8}}\.)  # cheap test before the long list
             (?:{_abbreviation_pattern(abbreviations_load())})(?!\w))
  | (?P<elision>(?<!\w)['’](?:s|t|n|k|m|r|\d{{2}})(?:[{HYPHENS}]\w+)*(?!\w))
  | (?P<number>\d+(?:[.,]\d+)*(?:[ \u00a0](?:{_NUMBER_WORDS})(?!\w))?(?![\w{HYPHENS}]))
  | (?P<word>\w+(?:(?:[{HYPHENS}]|['’](?=\w))\w+)*)
  | (?P<ellipsis>\.{{2,}}|…)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE | re.IGNORECASE,
)

_NUMERIC = re.compile(rf"\d+(?:[.,:/{HYPHENS}]\d+)*")

_KINDS = ("word", "number", "punct")

_KIND_OF_GROUP = {"abbr": 0, "elision": 0, "word": 0, "number": 1, "ellipsis": 2, "punct": 2}

def _kind(m: re.Match) -> int:
    """0 (word), 1 (number) or 2 (punct) for a match of ``_TOKEN``."""
    group = m.lastgroup
    kind = _KIND_OF_GROUP[group]
    if kind == 0:
        token = m.group()
        if _NUMERIC.fullmatch(token) or (group == "elision" and token[1:].isdigit()):
            kind = 1
    return kind

def tokens_tokenize(text: str) -> list[tuple[str, int, int, str]]:
    """Tokens of ``text`` as ``(token, start, end, kind)`` with kind ``word``, ``number``
    or ``punct``; ``text[start:end] == token``. Give NFC-normalised text (as
    :func:`analysis.corpus.corpus_load` does): in decomposed text an accent splits a word.

    >>> [t[0] for t in tokens_tokenize("NAVO-Rusland: zo'n 127 duizend militairen…")]
    ['NAVO-Rusland', ':', "zo'n", '127 duizend', 'militairen', '…']
    """
    return [(m.group(), m.start(), m.end(), _KINDS[_kind(m)]) for m in _TOKEN.finditer(text)]

#: ``_TOKEN`` without its named groups: ``findall`` then gives the tokens as strings.
_TOKEN_TEXT = re.compile(re.sub(r"\(\?P<\w+>", "(?:", _TOKEN.pattern), _TOKEN.flags)

def tokens_words(text: str) -> list[str]:
    """The tokens of ``text`` as strings, as :func:`tokens_tokenize` finds them (faster
    when neither offsets nor kinds are needed).

    >>> tokens_words("NAVO-Rusland: zo'n 127 duizend militairen…")
    ['NAVO-Rusland', ':', "zo'n", '127 duizend', 'militairen', '…']
    """
    return _TOKEN_TEXT.findall(text)

def tokens_count_words(text: str) -> int:
    """Number of word and number tokens in ``text`` (punctuation not counted).

    >>> tokens_count_words("De NAVO-top, in 2022, duurde ’s avonds lang.")
    8
    """
    return sum(1 for t in tokens_tokenize(text) if t[3] != "punct")
