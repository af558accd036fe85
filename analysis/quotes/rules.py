"""The word lists the quote finder reads (speech verbs, cues, phrases that are no speech,
title words, anaphors), the word classes of Dutch it knows, and the fast lookup of phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.paths import DATA_DIR

__all__ = ["SPEECH_VERBS_FILE", "CUES_FILE", "NOT_SPEECH_FILE", "TITLE_WORDS_FILE",
           "ANAPHORA_FILE", "QuoteRules", "quotes_rules"]

SPEECH_VERBS_FILE = DATA_DIR / "speech_verbs_nl.txt"
CUES_FILE = DATA_DIR / "quote_cues_nl.txt"
NOT_SPEECH_FILE = DATA_DIR / "quote_not_speech_nl.txt"
TITLE_WORDS_FILE = DATA_DIR / "quote_title_words_nl.txt"
ANAPHORA_FILE = DATA_DIR / "quote_anaphora_nl.txt"

# Words that, right before an actor's name (after any determiner), put it in a
# prepositional phrase: such an actor is not the subject, so not the speaker.
_PREPOSITIONS = frozenset(
    "in met tegen naar aan over uit voor bij op door tussen van na tijdens zonder onder "
    "via richting namens binnen buiten rond rondom jegens omtrent sinds tot vanuit "
    "dankzij ondanks wegens".split())
_DETERMINERS = frozenset("de het een der den zijn haar hun ons onze diens wiens".split())
# Words a speaker's noun phrase may hold besides names (capitalised) and hyphenated words.
_NP_WORDS = frozenset(
    "de het een der den van en voor minister onderminister president premier woordvoerder "
    "generaal analist historica historicus strateeg geopolitiek diplomaat topdiplomaat "
    "ambassadeur voorzitter voormalig voormalige chef leider commissaris hoogleraar "
    "deskundige expert onderzoeker directeur adviseur persbureau plaatsvervangend "
    "plaatsvervangende topman topvrouw baas staatshoofd regeringsleider kanselier "
    "bondskanselier vicepresident secretaris correspondent journalist".split())
# Leading words of a clause that are not part of its subject.
_ADVERBIALS = frozenset(
    "maar en ook eerder daarnaast daarom dan nu toen wel echter zo dus bovendien intussen "
    "inmiddels later vandaag gisteren gisteravond gisterochtend morgen zondag maandag dinsdag "
    "woensdag donderdag vrijdag zaterdag zondagavond maandagavond al nog".split())
# Words after a speech verb that end the speaker's noun phrase.
_NP_STOP = _PREPOSITIONS - {"van"} | _ADVERBIALS | frozenset(
    "dat of te om die dan niet vorige vorig afgelopen deze na afloop eerder ook al nog "
    "zich er het".split()) - frozenset(["de", "het"])
_CONJUNCTIONS = frozenset(
    "terwijl omdat toen zoals nadat voordat zodra wanneer hoewel als zodat dat of want "
    "doordat indien mits tenzij totdat".split())
_COMPLEMENTS = frozenset("dat of te wie wat welke hoe waarom wanneer waar".split())
_WORD = re.compile(r"[^\W_][\w'’\-\u2010\u2011]*")
_MASK = "\u25a0"


# --------------------------------------------------------------------------- the word lists


def _phrase_regex(phrase: str) -> str:
    """A phrase of the word lists as a regex: words separated by white space, ``...`` for
    up to eight words in between."""
    parts = [p.strip() for p in phrase.split("...")]
    words = [r"\s+".join(re.escape(w) for w in part.split()) for part in parts if part]
    return r"(?<!\w)" + r"(?:\s+\S+){0,8}?\s+".join(words) + r"(?!\w)"


def _lines(path: str | Path) -> list[str]:
    out = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), 1):
        line = " ".join(line.split()).lower()
        if line and not line.startswith("#"):
            if not _WORD.search(line):
                raise ValueError(f"{path}, line {number}: {line!r} holds no word; write one "
                                 "word or phrase a line")
            out.append(line)
    return out


@dataclass(frozen=True)
class QuoteRules:
    """The word lists the quote finder uses (see :func:`quotes_rules`)."""

    speech_verbs: tuple[str, ...]
    cues: tuple[str, ...]
    not_speech: tuple[str, ...]
    title_words: frozenset[str]
    anaphora: tuple[tuple[str, str | None], ...]



@lru_cache(maxsize=32)
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[re.Pattern]]:
    """The phrases' regexes by their first word (lower case), longest phrase first."""
    table: dict[str, list[re.Pattern]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        first = _WORD.match(phrase)
        key = first.group().lower() if first else phrase.split()[0]
        table.setdefault(key, []).append(re.compile(_phrase_regex(phrase), re.IGNORECASE))
    return table


def _trie(words: list[str]) -> str:
    """A regex that matches exactly ``words``, as a trie (fast for many words)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)


@lru_cache(maxsize=32)
def _first_words(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w'’\-])" + _trie(sorted(_by_first_word(phrases))) +
                      r"(?![\w'’\-])", re.IGNORECASE)


def _phrases_in(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of the phrases in ``text``, left to right, not overlapping (the longest
    phrase wins where several start at a word); only the words that open a phrase are
    tried, so a long list costs little."""
    table = _by_first_word(phrases)
    out: list[tuple[int, int]] = []
    for word in _first_words(phrases).finditer(text):
        if out and word.start() < out[-1][1]:
            continue
        for regex in table.get(word.group().lower(), ()):
            found = regex.match(text, word.start())
            if found:
                out.append((found.start(), found.end()))
                break
    return out


@lru_cache(maxsize=256)
def _anaphor_regex(phrase: str, where: str) -> re.Pattern:
    body = _phrase_regex(phrase)
    return re.compile(r"[\s,]*(" + body + ")" if where == "first" else
                      "(" + body + r")[\s,]*$", re.IGNORECASE)


def quotes_rules(
    *,
    speech_verbs: str | Path | None = None,
    cues: str | Path | None = None,
    not_speech: str | Path | None = None,
    title_words: str | Path | None = None,
    anaphora: str | Path | None = None,
) -> QuoteRules:
    """Read the word lists (one word or phrase a line, ``#`` for comments); ``None`` reads
    the shipped list. Raises ``FileNotFoundError`` or ``ValueError`` naming the file.

    >>> rules = quotes_rules()
    >>> "zei" in rules.speech_verbs, "volgens" in rules.cues, dict(rules.anaphora)["hij"]
    (True, True, 'm')
    """
    return _rules(*(str(p) if p is not None else None
                    for p in (speech_verbs, cues, not_speech, title_words, anaphora)))


@lru_cache(maxsize=8)
def _rules(speech_verbs, cues, not_speech, title_words, anaphora) -> QuoteRules:
    verbs = _lines(speech_verbs or SPEECH_VERBS_FILE)
    anaph = []
    for line in _lines(anaphora or ANAPHORA_FILE):
        found = re.fullmatch(r"(.*?)\s*\((m|v)\)", line)
        anaph.append((found.group(1), found.group(2)) if found else (line, None))
    return QuoteRules(tuple(verbs), tuple(_lines(cues or CUES_FILE)),
                      tuple(_lines(not_speech or NOT_SPEECH_FILE)),
                      frozenset(_lines(title_words or TITLE_WORDS_FILE)), tuple(anaph))
