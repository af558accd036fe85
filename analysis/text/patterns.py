"""The pattern primitives shared by every matcher of words (frames, actors, queries).

A pattern word is written with ``*`` (any letters, running on through a hyphen that joins
two parts of a compound) and ``?`` (one letter or digit); :func:`word_regex` turns it into
a regular expression that ignores case and, with ``fold``, accents and the diaeresis
(``deescalatie`` = ``deëscalatie``). :data:`JOIN` is what may stand between two words of a
phrase (spaces, one line break, a hyphen, or nothing: a closed compound).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from analysis.text.words import HYPHENS

__all__ = ["STAR", "BLANK", "JOIN", "pattern_words", "fold", "fold_char", "accented",
           "literal", "case_literal", "word_regex", "pattern_flags", "fold_lower_table"]

#: Any letters or digits, running on through a hyphen inside a compound.
STAR = rf"(?:\w|[{HYPHENS}](?=\w))*"
#: White space with at most one line break.
BLANK = r"[^\S\n]*\n?[^\S\n]*"
#: What may stand between two words of a phrase.
JOIN = rf"(?:{BLANK}(?:[{HYPHENS}]{BLANK})?)"


def pattern_words(pattern: str) -> list[str]:
    """The words of a pattern: split at white space and hyphens."""
    return [w for w in re.split(rf"[\s{HYPHENS}]+", pattern) if w]


def fold(text: str) -> str:
    """Strip accents and diaeresis, letter by letter (``deëscalatie`` -> ``deescalatie``)."""
    return "".join(fold_char(c) for c in text)


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0]
    return char


@lru_cache(maxsize=1)
def accented() -> dict[str, str]:
    """For each base letter, the characters that fold to it (itself first)."""
    table: dict[str, list[str]] = {}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = fold_char(char)
        if base != char and base.isascii():
            for c in {char.lower(), char}:
                table.setdefault(base.lower(), [base.lower()]).append(c)
    return {k: "".join(dict.fromkeys(v)) for k, v in table.items()}


def literal(text: str, fold_accents: bool) -> str:
    """A regex for ``text`` (to be used ignoring case); with ``fold_accents`` every letter
    also finds its accented forms, and a straight apostrophe a curly one."""
    variants_of = accented() if fold_accents else {}
    out = []
    for char in (fold(text).lower() if fold_accents else text):
        variants = "'’" if char in "'’" else variants_of.get(char)
        out.append(f"[{variants}]" if variants else re.escape(char))
    return "".join(out)


def case_literal(text: str, fold_accents: bool) -> str:
    """A regex for ``text`` with its case kept (to be used without ignoring case); with
    ``fold_accents`` every letter also finds its accented forms of the same case.

    >>> [bool(re.fullmatch(case_literal("OM", True), w)) for w in ["OM", "ÖM", "om", "Om"]]
    [True, True, False, False]
    """
    variants_of = accented() if fold_accents else {}
    out = []
    for char in text:
        if char in "'’":
            out.append("['’]")
            continue
        variants = [v for v in variants_of.get(fold(char).lower(), "")
                    if v.isupper() == char.isupper() and v != char]
        out.append(f"[{''.join(dict.fromkeys([char, *variants]))}]" if variants
                   else re.escape(char))
    return "".join(out)


def word_regex(word: str, fold_accents: bool, case: bool = False) -> str:
    """The regex of one pattern word with its wildcards (``sanctie*``, ``sanctie?``), to be
    used ignoring case; with ``case``, to be used with case (upper and lower as written).

    >>> bool(re.fullmatch(word_regex("deescalatie*", True), "Deëscalatiepogingen", re.I))
    True
    """
    text = case_literal if case else literal
    parts = re.split(r"([*?])", word)
    return "".join(STAR if p == "*" else r"\w" if p == "?" else text(p, fold_accents)
                   for p in parts if p)


def pattern_flags(pattern: str) -> tuple[str, bool, bool]:
    """A dictionary pattern without its modifiers, and them: ``exact`` (a leading ``=``:
    the whole word, a phrase whose last word does not run on into a compound) and ``case``
    (a trailing ``~s``: upper and lower case as written, as corpustools writes it).

    >>> pattern_flags("=de schuld"), pattern_flags("OM~s"), pattern_flags("navo")
    (('de schuld', True, False), ('OM', False, True), ('navo', False, False))
    """
    text = pattern.strip()
    exact = text.startswith("=")
    case = text.endswith("~s")
    if exact:
        text = text[1:]
    if case:
        text = text[:-2]
    return text.strip(), exact, case


def fold_lower_table(text: str) -> dict[int, str]:
    """A one-character-for-one translation to lower case without accents."""
    table = {}
    for char in set(text):
        target = "'" if char == "’" else fold(char.lower())[:1] or char
        if target != char:
            table[ord(char)] = target
    return table
