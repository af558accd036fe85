"""Syllables of a word, counted from its spelling (no dictionary, no network).

**Dutch** (``language="nl"``): a syllable is a vowel nucleus. The letters a, e, i, o, u, y
(and their accented forms) are vowels, as is the digraph ``ij``. A run of vowels is split
into nuclei from left to right, taking the longest of the vowel combinations that are one
sound: the trigraphs ``aai``, ``ooi``, ``oei``, ``eeu``, ``ieu`` and the digraphs ``aa``,
``ee``, ``oo``, ``uu``, ``ie``, ``oe``, ``eu``, ``ui``, ``ij``, ``ei``, ``ou``, ``au``;
any other vowel is a nucleus of its own (``be-a-men``, ``pi-a-no``, ``ja-nu-a-ri``). A
vowel with a diaeresis (``ë``, ``ï``, ``ö``, ``ü``) always starts a new syllable
(``ide-eën``, ``Oe-kra-ï-ne``). Final ``e`` is a syllable (the schwa of ``lopen``, ``de``).

**English** (``language="en"``): the runs of vowels (a, e, i, o, u, y), less a silent
final ``e`` (``time``, ``ate``; not ``the``, ``table``). quanteda's ``nsyllable`` looks a
word up in the CMU pronouncing dictionary first and counts vowel runs for the others, so
the two can differ on irregular words.

A token without a vowel (a number such as ``2022``, an abbreviation such as ``tv``)
counts as one syllable.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

__all__ = ["syllables_count"]

_DUTCH_NUCLEI = ("aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe",
                 "eu", "ui", "ij", "ei", "ou", "au")
_PLAIN_VOWELS = set("aeiouyáàâéèêíìîóòôúùûý")
_DIAERESIS = set("äëïöüÿ")
_DUTCH_VOWEL_RUN = re.compile("(?:ij|[aeiouyáàâéèêíìîóòôúùûýäëïöüÿ])+")
_ENGLISH_VOWEL_RUN = re.compile("[aeiouy]+")


def _nuclei(run: str) -> int:
    """Nuclei of one run of Dutch vowel letters."""
    count, i = 0, 0
    while i < len(run):
        count += 1
        if run[i] in _DIAERESIS:
            i += 1
            continue
        for nucleus in _DUTCH_NUCLEI:
            if run.startswith(nucleus, i):
                i += len(nucleus)
                break
        else:
            i += 1
    return count


@lru_cache(maxsize=200_000)
def _dutch(word: str) -> int:
    return sum(_nuclei(run) for run in _DUTCH_VOWEL_RUN.findall(word))


@lru_cache(maxsize=200_000)
def _english(word: str) -> int:
    letters = re.sub("[^a-z]", "", unicodedata.normalize("NFKD", word).encode(
        "ascii", "ignore").decode())
    count = len(_ENGLISH_VOWEL_RUN.findall(letters))
    if (count > 1 and letters.endswith("e") and not letters.endswith(("ee", "ye"))
            and not re.search("[^aeiouy]le$", letters)):
        count -= 1
    return count


def syllables_count(word: str, *, language: Literal["nl", "en"] = "nl") -> int:
    """The number of syllables of ``word`` (see the module documentation).

    >>> [syllables_count(w) for w in ["oorlog", "ideeën", "Oekraïne", "januari", "eeuw"]]
    [2, 3, 4, 4, 1]
    >>> [syllables_count(w, language="en") for w in ["breakfast", "once", "the", "table"]]
    [2, 1, 1, 2]
    """
    if language not in ("nl", "en"):
        raise ValueError(f"language must be 'nl' or 'en', not {language!r}")
    folded = unicodedata.normalize("NFC", str(word)).lower()
    count = _dutch(folded) if language == "nl" else _english(folded)
    return max(count, 1)
