"""Quotes: who speaks, directly and indirectly, and who gets to speak in each outlet.

:func:`quotes_find` finds every quotation in a corpus by Dutch quotation rules:

- **direct** quotes: words in quotation marks („…”, “…”, "…", ‘…’, '…', «…»), also when
  they run over several sentences or paragraphs, with the attribution before ("Lavrov:
  „…”"), inside („…”, zei hij, „…”) or after („…”, aldus de minister.). Apostrophes
  in words (zo'n, 's, ’91) are not quotation marks; a quote inside a quote belongs to the
  outer one; a title in quotation marks (het boek ‘…’) and a word in scare quotes without
  a speaker are not quotations; an unclosed quotation mark gives no quote;
- **indirect** quotes: reported speech ("X zei dat …", "X liet weten …", "…, zei X",
  "volgens X …", "…, aldus X"), given as the reported content.

The speaker is the actor of the actor dictionary (:mod:`analysis.actors`) named in the
attribution, else the noun phrase there; a pronoun or a short description ("zei hij",
"de minister") is resolved to the last person of the dictionary named in the same or the
previous two sentences, and marked as resolved; a quote that stands alone continues the
speaker of the quote before it. The speech verbs, the cues and the other word lists are
plain data files (:data:`SPEECH_VERBS_FILE` and the others), editable like the stopwords.

:func:`quotes_share` sums the quotes per outlet and actor group (who gets to speak),
:func:`quotes_direct` counts how many of each group's quotes are direct;
:func:`quotes_gold_locate` and :func:`quotes_validate` score the quotes against a
hand-coded sample (precision and recall of detection, accuracy of attribution).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from analysis.actors import ActorDictionary, actors_load, actors_match
from analysis.paths import DATA_DIR
from analysis.tables import MISSING_GROUP, groups_by, require_columns

__all__ = [
    "QUOTE_COLUMNS",
    "SPEECH_VERBS_FILE",
    "CUES_FILE",
    "NOT_SPEECH_FILE",
    "TITLE_WORDS_FILE",
    "ANAPHORA_FILE",
    "CODED_BUNDLED_FILE",
    "QuoteRules",
    "quotes_rules",
    "quotes_marks",
    "quotes_find",
    "quotes_share",
    "quotes_direct",
    "quotes_coded_load",
    "quotes_gold_locate",
    "quotes_validate",
]

SPEECH_VERBS_FILE = DATA_DIR / "speech_verbs_nl.txt"
CUES_FILE = DATA_DIR / "quote_cues_nl.txt"
NOT_SPEECH_FILE = DATA_DIR / "quote_not_speech_nl.txt"
TITLE_WORDS_FILE = DATA_DIR / "quote_title_words_nl.txt"
ANAPHORA_FILE = DATA_DIR / "quote_anaphora_nl.txt"
#: Every quotation of the five bundled articles, coded by hand with its speaker.
CODED_BUNDLED_FILE = DATA_DIR / "quotes_coded_bundled.csv"

#: The columns of :func:`quotes_find`, in order.
QUOTE_COLUMNS = ["doc_id", "outlet", "sentence_id", "start", "end", "quote", "kind", "verb",
                 "speaker_text", "actor", "label", "group", "resolved", "words"]
#: The group of a quote whose speaker is no actor of the dictionary (the one label of a
#: missing group, :data:`analysis.tables.MISSING_GROUP`).
NO_GROUP = MISSING_GROUP

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
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
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


# --------------------------------------------------------------------------- quotation marks

_DOUBLE_CLOSERS = {"„": "”“\"", "“": "”\"", "”": "”", '"': '"', "«": "»", "‹": "›"}
_SINGLE_CLOSERS = {"‘": "’", "‚": "’‘", "’": "’", "'": "'"}
_CLOSERS = {**_DOUBLE_CLOSERS, **_SINGLE_CLOSERS}
_MARKS = re.compile("[„“”\"«»‹›‘’‚']")
_ELISION = re.compile(r"['’](?:s|t|n|k|m|r|\d{2})(?!\w)", re.IGNORECASE)


def _is_word(char: str) -> bool:
    return char.isalnum()


def quotes_marks(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The quotations marked in ``text``: ``(spans, unclosed)``.

    ``spans`` are the ``(open, close)`` offsets of the opening and closing mark of every
    outermost quotation (the quoted words are ``text[open + 1:close]``); a quote inside a
    quote is part of the outer one. A quotation runs over paragraphs only where the next
    paragraph opens with the same mark (the Dutch convention for long quotes).
    ``unclosed`` lists the offsets of opening marks that were never closed; they give no
    quotation.

    >>> t = "„Ik zei ‘nee’”, aldus Lavrov, zo'n man. Hij zei ‘ja"
    >>> spans, unclosed = quotes_marks(t)
    >>> [t[a + 1:b] for a, b in spans], unclosed
    (['Ik zei ‘nee’'], [48])
    """
    spans: list[tuple[int, int]] = []
    unclosed: list[int] = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    last = 0
    for m in _MARKS.finditer(text):
        i = m.start()
        mark = text[i]
        if stack and "\n" in text[last:i]:
            # a paragraph break inside an open quote: the quote goes on only when the new
            # paragraph opens with the same mark
            starts = [last + b.end() for b in re.finditer(r"\n\s*", text[last:i + 1])]
            if starts[-1] == i and mark == stack[0][0] and \
                    all(p == i for p in starts if p <= i):
                last = i
                continue
            unclosed.append(stack[0][1])
            stack = []
        last = i
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if mark in "'’":
            if _is_word(prev) and _is_word(nxt):
                continue  # an apostrophe inside a word: zo'n
            if not _is_word(prev) and _ELISION.match(text, i):
                continue  # 's, 't, 'n, ’91
        if i > 0 and not prev.isspace():
            closed = False
            for depth in range(len(stack) - 1, -1, -1):
                opener, pos = stack[depth]
                if mark in _CLOSERS[opener]:
                    del stack[depth:]
                    if not stack and i > pos + 1:
                        spans.append((pos, i))
                    closed = True
                    break
            if closed:
                continue
        if mark in _CLOSERS and i + 1 < n and not nxt.isspace() and not _is_word(prev):
            if mark in "”’" and not (i == 0 or prev.isspace() or prev in "(:—–-"):
                continue
            stack.append((mark, i))
    if stack:
        unclosed.append(stack[0][1])
    return spans, sorted(unclosed)


# --------------------------------------------------------------------------- one article


@dataclass
class _Mention:
    start: int
    end: int
    actor: str
    kind: str
    gender: str | None
    sentence: int


@dataclass
class _Quote:
    start: int
    end: int
    kind: str
    verb: str
    speaker_text: str
    actor: str
    resolved: bool
    sentence: int
    sentence_end: int


class _Article:
    """Everything the rules need about one article."""

    def __init__(self, text: str, sentences: list[tuple[int, int, int]],
                 mentions: list[_Mention], rules: QuoteRules):
        self.text = text
        self.rules = rules
        self.spans, self.unclosed = quotes_marks(text)
        chars = list(text)
        for a, b in self.spans:
            chars[a:b + 1] = _MASK * (b + 1 - a)
        self.masked = "".join(chars)
        self.sentences = sentences or [(1, 0, len(text))]
        self.sent_starts = [s for _, s, _ in self.sentences]
        self.mentions = [m for m in mentions if not self._quoted(m.start)]
        self.anaphora = dict(rules.anaphora)
        self.verbs = [(a, b) for a, b in self._cues(rules.speech_verbs, rules.not_speech)
                      if not self._noun_or_infinitive(a)]
        self.cues = self._cues(rules.cues, ())

    def _noun_or_infinitive(self, pos: int) -> bool:
        """A verb form after a determiner is a noun ("zijn eisen"), after "te" an
        infinitive ("om te beloven"): neither attributes speech."""
        before = re.search(r"(\w+)\s+$", self.masked[max(0, pos - 30):pos])
        return bool(before) and before.group(1).lower() in _DETERMINERS | {
            "te", "die", "deze", "dit", "om"}

    def _quoted(self, pos: int) -> bool:
        return self.masked[pos] == _MASK if pos < len(self.masked) else False

    def _cues(self, phrases: tuple[str, ...], exclude: tuple[str, ...]
              ) -> list[tuple[int, int]]:
        """Where ``phrases`` occur outside quotation marks, less those inside one of the
        ``exclude`` phrases ("kort gezegd")."""
        blocked = _phrases_in(self.masked, exclude) if exclude else []
        starts = [a for a, _ in blocked]
        out = []
        for a, b in _phrases_in(self.masked, phrases):
            k = bisect.bisect_left(starts, b) - 1  # the last blocked span starting before b
            if any(blocked[i][1] > a for i in range(max(k - 3, 0), k + 1)):
                continue
            out.append((a, b))
        return out

    def sentence_of(self, pos: int) -> int:
        """The index (into ``sentences``) of the sentence holding ``pos``."""
        return max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)

    # ---------------------------------------------------------------- speakers

    def _valid(self, m: _Mention, floor: int) -> bool:
        """Not inside a prepositional phrase ("in Moskou", "met Sherman"); a preposition
        before ``floor`` (the cue "in de woorden van") does not count."""
        words = list(_WORD.finditer(self.text, max(0, m.start - 60), m.start))
        while words and words[-1].group().lower() in _DETERMINERS:
            words.pop()
        if not words or words[-1].start() < floor:
            return True
        gap = self.text[words[-1].end():m.start]
        return not (words[-1].group().lower() in _PREPOSITIONS and not re.search(r"[,;:]", gap))

    def _candidates(self, a: int, b: int, *, prepositional: bool = False) -> list[_Mention]:
        return [m for m in self.mentions if a <= m.start and m.end <= b and
                (prepositional or self._valid(m, a))]

    def _np_like(self, a: int, b: int) -> bool:
        """Only words of a noun phrase (names, titles, determiners) between a and b."""
        for w in _WORD.findall(self.text[a:b]):
            if not (w[0].isupper() or "-" in w or w.lower() in _NP_WORDS) or \
                    w.lower() in _ADVERBIALS - {"en"} | _CONJUNCTIONS:
                return False
        return not re.search(r"[.;:!?\n" + _MASK + "]", self.masked[a:b])

    def _pick(self, cands: list[_Mention], *, prefer_person_within: int) -> _Mention | None:
        if not cands:
            return None
        first = cands[0]
        if first.kind != "person":
            for m in cands[1:]:
                if m.kind == "person" and m.start - first.end <= prefer_person_within and \
                        self._np_like(first.end, m.start):
                    return m
        return first

    def _np_left(self, m: _Mention, floor: int) -> int:
        """The start of the noun phrase that ends with mention ``m`` (e.g. "de Russische
        onderminister van Buitenlandse Zaken Sergej Rjabkov")."""
        start = m.start
        for w in reversed(list(_WORD.finditer(self.text, floor, m.start))):
            gap = self.text[w.end():start]
            if gap.strip(" -\u2010\u2011") or "\n" in gap:
                break
            word = w.group()
            if word.lower() in _ADVERBIALS | _CONJUNCTIONS | _PREPOSITIONS - {"van"}:
                break
            if word[0].isupper() or "-" in word or word.lower() in _NP_WORDS:
                start = w.start()
            else:
                break
        while True:  # a leading "van" or "en" does not open a noun phrase
            first = _WORD.match(self.text, start)
            if first and first.group().lower() in {"van", "en", "voor"} and \
                    first.end() < m.start:
                nxt = _WORD.search(self.text, first.end())
                start = nxt.start() if nxt else start
            else:
                break
        return start

    def _np_right(self, m: _Mention, ceiling: int) -> int:
        """The end of the noun phrase that starts with ``m``: later mentions of the same
        actor in apposition ("de secretaris-generaal van de NAVO, Jens Stoltenberg")."""
        end = m.end
        for other in self.mentions:
            if other.start >= end and other.end <= ceiling and other.actor == m.actor and \
                    other.start - end <= 40 and self._np_like(end, other.start):
                end = other.end
        return end

    def _speaker_from(self, m: _Mention, floor: int, ceiling: int) -> tuple[str, str, bool]:
        a = self._np_left(m, floor)
        b = self._np_right(m, ceiling)
        return " ".join(self.text[a:b].split()), m.actor, False

    def _anaphor_at(self, a: int, b: int, where: Literal["first", "last"]
                    ) -> tuple[str, int, str] | None:
        """An anaphor (pronoun or description) that opens (or closes) the text a..b:
        ``(phrase, offset, text as written)``."""
        segment = self.masked[a:b]
        for phrase, _ in sorted(self.anaphora.items(), key=lambda p: -len(p[0])):
            regex = _anaphor_regex(phrase, where)
            found = regex.match(segment) if where == "first" else regex.search(segment)
            if found:
                return phrase, a + found.start(1), found.group(1)
        return None

    def resolve(self, phrase: str, pos: int) -> str:
        """The actor an anaphor at ``pos`` refers to: the last person named (outside quotes)
        in the same or the previous two sentences, of the anaphor's gender; else ''."""
        gender = self.anaphora.get(phrase)
        here = self.sentence_of(pos)
        floor = self.sentences[max(here - 2, 0)][1]
        for m in reversed(self.mentions):
            if m.start >= pos or m.kind != "person":
                continue
            if m.start < floor:
                break
            if gender is None or m.gender is None or m.gender == gender:
                return m.actor
        return ""

    def _np_after(self, a: int, b: int) -> str:
        words: list[re.Match] = []
        for w in _WORD.finditer(self.masked, a, b):
            gap = self.masked[(words[-1].end() if words else a):w.start()]
            if words and gap.strip() and not (gap.strip() == "," and w.group()[0].isupper()):
                break
            if w.group().lower() in _NP_STOP and not (words and w.group().lower() == "van"):
                break
            words.append(w)
            if len(words) >= 10:
                break
        return " ".join(self.text[words[0].start():words[-1].end()].split()) if words else ""

    def _np_before(self, a: int, b: int) -> str:
        words = list(_WORD.finditer(self.masked, a, b))
        while words and words[0].group().lower() in _ADVERBIALS:
            words = words[1:]
        if not words or len(words) > 6 or re.search(r"[,;:" + _MASK + "]",
                                                      self.masked[words[0].start():b]):
            return ""
        return " ".join(self.text[words[0].start():words[-1].end()].split())

    def clause_start(self, pos: int, floor: int) -> int:
        start = floor
        for m in re.finditer(r"[;:]|" + _MASK + r"+|,\s+(?:maar|en|want|terwijl|omdat|toen|"
                             r"zodat|hoewel|nu)\b|\s[—–]\s", self.masked[floor:pos]):
            start = floor + m.end()
        return start

    def clause_end(self, pos: int, ceiling: int, *, comma: bool) -> int:
        stop = re.compile(r"[;:]|" + _MASK + r"|\s(?:dat|of)\b" + (r"|," if comma else ""))
        found = stop.search(self.masked, pos, ceiling)
        return found.start() if found else ceiling

    def _after(self, start: int, ceiling: int, *, comma: bool) -> tuple[str, str, bool]:
        end = self.clause_end(start, ceiling, comma=comma)
        chosen = self._pick(self._candidates(start, end), prefer_person_within=80)
        if chosen:
            return self._speaker_from(chosen, start, end)
        ana = self._anaphor_at(start, end, "first")
        if ana:
            return ana[2], self.resolve(ana[0], ana[1]), True
        return self._np_after(start, end), "", False

    def _subject_position(self, m: _Mention, start: int) -> bool:
        """Whether only a clause opening (determiners, a conjunction, a comma) comes before
        ``m`` in its clause."""
        words = [w.lower() for w in _WORD.findall(self.masked[start:m.start])]
        while words and words[-1] in _DETERMINERS | _NP_WORDS:
            words.pop()
        return not words or words[-1] in _ADVERBIALS | {"terwijl", "omdat", "zoals", "toen"} \
            or bool(re.search(r",\s*(?:\w+\s+)?$", self.masked[start:m.start]))

    def _before(self, a: int, floor: int) -> tuple[str, str, bool]:
        start = self.clause_start(a, floor)
        cands = self._candidates(start, a)
        adjacent = [m for m in cands if not self.masked[m.end:a].strip()
                    and self._subject_position(m, start)]
        chosen = adjacent[-1] if adjacent else self._pick(cands, prefer_person_within=40)
        if chosen:
            return self._speaker_from(chosen, start, a)
        ana = self._anaphor_at(start, a, "last") or self._anaphor_at(start, a, "first")
        if ana:
            return ana[2], self.resolve(ana[0], ana[1]), True
        return self._np_before(start, a), "", False

    def speaker(self, cue: tuple[int, int], *, is_cue: bool, ceiling: int
                ) -> tuple[str, str, bool]:
        """``(speaker_text, actor, resolved)`` for the speech verb or cue at ``cue``."""
        a, b = cue
        verb_end = b if is_cue else a + len(self.text[a:b].split()[0])
        s_floor = self.sentences[self.sentence_of(a)][1]
        inverted = is_cue or bool(re.search(r"[," + _MASK + r"]\s*$", self.masked[s_floor:a]))
        tries = [self._after(verb_end, ceiling, comma=False), self._before(a, s_floor)] \
            if inverted else \
            [self._before(a, s_floor), self._after(verb_end, ceiling, comma=True)]
        for found in tries:
            if found[1]:
                return found
        for found in tries:
            if found[0]:
                return found
        # a speaker only in a prepositional phrase: "Aan Amerikaanse kant werd ... gesproken"
        cands = self._candidates(s_floor, a, prepositional=True)
        if cands:
            return self._speaker_from(cands[0], s_floor, a)
        return "", "", False

    # ---------------------------------------------------------------- direct quotes

    def _complement(self, b: int, ceiling: int) -> re.Match | None:
        """The dat/of/te/question word that opens the reported content after a verb."""
        tail = self.masked[b:ceiling]
        stop = re.search(r"[,;:" + _MASK + r"]", tail)
        window = tail[:stop.start()] if stop else tail
        for w in list(_WORD.finditer(window))[:12]:
            if w.group().lower() in _COMPLEMENTS:
                return w
        return None

    def _attribution_after(self, close: int, ceiling: int) -> tuple[int, int, bool] | None:
        found = re.match(r"[\s,]*", self.masked[close + 1:ceiling])
        at = close + 1 + found.end()
        for a, b in self.cues:
            if a == at:
                return a, b, True
        for a, b in self.verbs:
            if a == at and self._complement(b, ceiling) is None:
                return a, b, False
        return None

    def _title(self, open_: int) -> bool:
        before = _WORD.findall(self.text[max(0, open_ - 40):open_])
        return bool(before) and before[-1].lower() in self.rules.title_words and \
            not self.text[max(0, open_ - 3):open_].strip().endswith((",", ":"))

    def _first_cue(self, a: int, b: int) -> tuple[tuple[int, int], bool] | None:
        """The first cue or speech verb starting in a..b, and whether it is a cue."""
        found = sorted([(c, True) for c in self.cues if a <= c[0] < b] +
                       [(c, False) for c in self.verbs if a <= c[0] < b])
        return found[0] if found else None

    def direct(self) -> list[_Quote]:
        out: list[_Quote] = []
        for open_, close in self.spans:
            inner = self.text[open_ + 1:close]
            n_words = len(_WORD.findall(inner))
            if n_words == 0 or self._title(open_):
                continue
            first = self.sentence_of(open_)
            last = self.sentence_of(close)
            lo, hi = self.sentences[first][1], self.sentences[last][2]
            speaker, verb = None, ""
            after = self._attribution_after(close, hi)
            if after:
                verb = self.text[after[0]:after[1]]
                speaker = self.speaker(after[:2], is_cue=after[2], ceiling=hi)
            elif re.search(r":\s*$", self.masked[lo:open_]):
                colon = lo + self.masked[lo:open_].rstrip().rfind(":")
                start = self.clause_start(colon, lo)
                own = self._first_cue(start, colon)
                if own:
                    verb = self.text[own[0][0]:own[0][1]]
                    speaker = self.speaker(own[0], is_cue=own[1], ceiling=colon)
                else:
                    cands = self._candidates(start, colon)
                    if cands:
                        speaker = self._speaker_from(cands[-1], start, colon)
                        verb = ":"
            if speaker is None:
                inside = self._first_cue(lo, hi)
                if inside:
                    verb = self.text[inside[0][0]:inside[0][1]]
                    speaker = self.speaker(inside[0], is_cue=inside[1], ceiling=hi)
            if speaker is None and not _WORD.search(self.masked[lo:hi]):
                previous = out[-1] if out else None
                if previous is not None and first - previous.sentence_end <= 2:
                    speaker = (previous.speaker_text, previous.actor, True)
            if speaker is None and n_words >= 3:
                cands = self._candidates(lo, hi)
                chosen = next((m for m in cands if m.kind == "person"),
                              cands[0] if cands else None)
                if chosen:
                    speaker = self._speaker_from(chosen, lo, hi)
            if speaker is None:
                continue  # scare quotes, a term, a name: no one speaks
            text, actor, resolved = speaker
            out.append(_Quote(open_ + 1, close, "direct", " ".join(verb.split()), text, actor,
                              resolved, first, last))
        return out

    # ---------------------------------------------------------------- indirect quotes

    def _content(self, a: int, b: int, is_cue: bool, s_lo: int, s_hi: int
                 ) -> tuple[int, int] | None:
        """The reported content of the verb or cue at a..b in the sentence s_lo..s_hi."""
        word = self.text[a:b].lower()
        if is_cue and word.startswith("aldus"):
            return self.clause_start(a, s_lo), a
        if is_cue:
            lead = self.masked[s_lo:a]
            if _WORD.search(lead):
                return s_lo, s_hi  # "Russische diplomaten kwamen volgens AFP ..."
            end = self.clause_end(b, s_hi, comma=True)
            cands = self._candidates(b, end)
            if cands:
                return self._np_right(cands[0], end), s_hi
            return (end, s_hi) if end < s_hi else None
        comp = self._complement(b, s_hi)
        if comp is not None:
            word = comp.group().lower()
            return (b + comp.end() if word == "dat" else b if word == "te"
                    else b + comp.start()), s_hi
        before = self.masked[s_lo:a].rstrip()
        tail = self.masked[b:s_hi]
        if before.endswith(","):  # "…, zei Lavrov." / "…, zeggen analisten."
            rest = re.split(r"[,;:" + _MASK + "]", tail)[0]
            start = self.clause_start(a, s_lo)
            opening = re.search(r"(\w+)\s*$", self.masked[s_lo:start])
            if opening and opening.group(1).lower() in _CONJUNCTIONS:
                return None  # "toen de wereld …, spraken de grootmachten": no content
            if len(_WORD.findall(rest)) <= 12:
                return start, s_lo + len(before) - 1
            return None
        if not _WORD.search(re.split(r"[,;:.!?" + _MASK + "]", tail)[0]):
            comma = before.rfind(",")  # "…, zoals Poetin zegt."
            if comma >= 0:
                opening = max(before.rfind(",", 0, comma) + 1, 0)
                return s_lo + opening, s_lo + comma
        return None

    def indirect(self, direct: list[_Quote]) -> list[_Quote]:
        quoted = [(q.start - 1, q.end + 1) for q in direct]
        events = sorted([(c, True) for c in self.cues] + [(c, False) for c in self.verbs])
        found = []
        for (a, b), is_cue in events:
            index = self.sentence_of(a)
            _, s_lo, s_hi = self.sentences[index]
            content = self._content(a, b, is_cue, s_lo, s_hi)
            if content is not None:
                found.append([a, b, is_cue, index, *content])
        # a later statement inside an earlier one's content ends that content at the comma
        # before it: "Moskou eist dat …, de VS dreigen …"
        for i, x in enumerate(found):
            for y in found[i + 1:]:
                if y[3] == x[3] and x[4] < y[0] < x[5]:
                    comma = self.masked.rfind(",", x[4], y[0])
                    if comma > x[4]:
                        x[5] = comma
        out: list[_Quote] = []
        taken: list[tuple[int, int]] = []
        for a, b, is_cue, index, c_lo, c_hi in found:
            piece = self.text[c_lo:c_hi]
            c_lo += len(piece) - len(piece.lstrip(" ,:"))
            c_hi = c_lo + len(self.text[c_lo:c_hi].rstrip(" ,.;:!?"))
            if len(_WORD.findall(self.masked[c_lo:c_hi])) < 3:
                continue
            if any(qa < c_hi and c_lo < qb for qa, qb in quoted):
                continue  # the words are quoted: the direct quote stands for them
            if any(ta < c_hi and c_lo < tb for ta, tb in taken):
                continue
            speaker = self.speaker((a, b), is_cue=is_cue, ceiling=self.sentences[index][2])
            if not speaker[0]:
                continue  # reported speech needs someone who speaks
            taken.append((c_lo, c_hi))
            out.append(_Quote(c_lo, c_hi, "indirect", " ".join(self.text[a:b].split()),
                              *speaker, index, index))
        return out


def quotes_find(
    corpus: pd.DataFrame,
    actors: ActorDictionary | str | Path | None = None,
    *,
    rules: QuoteRules | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every quotation in the corpus, one row per quote, with its speaker.

    ``actors`` is an actor dictionary (:func:`analysis.actors.actors_load`, a path, or
    ``None`` for the shipped one); ``rules`` the word lists of :func:`quotes_rules`
    (``None``: the shipped ones); ``mentions`` the table of
    :func:`analysis.actors.actors_match` if it is at hand.

    Returns the columns

    - ``doc_id``, ``outlet``: the article,
    - ``sentence_id``: the sentence in which the quote starts (as in
      :func:`analysis.tokens.tokens_sentences`),
    - ``start``, ``end``: character offsets of the quote into the article's ``text``
      (for a direct quote the words between the quotation marks),
    - ``quote``: ``text[start:end]``,
    - ``kind``: ``direct`` (in quotation marks) or ``indirect`` (reported speech; a
      paraphrase that carries words in quotation marks is given as the direct quote of
      those words),
    - ``verb``: the speech verb or cue of the attribution as written ("zei", "aldus",
      "liet nogmaals weten", ":" for "X: „…”"; empty when the quote stands alone),
    - ``speaker_text``: the speaker as written (the noun phrase, or the pronoun),
    - ``actor``, ``label``, ``group``: the speaker's actor, label and group in the
      dictionary (empty when the speaker is no actor, or a pronoun without antecedent),
    - ``resolved``: True when the actor was found through a pronoun or description
      ("zei ze"), or from the quote before (a quote standing alone),
    - ``words``: the quote's words,

    ordered by article and offset. ``attrs["unclosed"]`` lists ``(doc_id, offset)`` of
    quotation marks that were opened and never closed.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": [
    ...     "„We zijn niet van plan aan te vallen”, zei Lavrov. Volgens Blinken is "
    ...     "dat niet waar. Hij zei dat er sancties komen."]})
    >>> q = quotes_find(c)
    >>> q[["quote", "kind", "verb", "actor", "resolved"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['We zijn niet van plan aan te vallen', 'direct', 'zei', 'lavrov', False],
     ['is dat niet waar', 'indirect', 'Volgens', 'blinken', False],
     ['er sancties komen', 'indirect', 'zei', 'blinken', True]]
    """
    from analysis.tokens import tokens_sentences

    book = actors if isinstance(actors, ActorDictionary) else actors_load(actors)
    rules = rules or quotes_rules()
    if mentions is None:
        mentions = actors_match(corpus, book)
    sentences = tokens_sentences(corpus)
    texts = corpus["text"].astype(str).tolist()
    doc_ids = corpus["doc_id"].astype(str).tolist()
    outlets = corpus["outlet"].astype(str).tolist() if "outlet" in corpus.columns else \
        [""] * len(doc_ids)
    sent_by_doc = {d: list(zip(g["sentence_id"].tolist(), g["start"].tolist(),
                               g["end"].tolist(), strict=True))
                   for d, g in sentences.groupby(sentences["doc_id"].astype(str), sort=False)}
    men_by_doc: dict[str, list[_Mention]] = {}
    info = {a: (x.kind, x.gender) for a, x in book.actors.items()}
    for row in mentions.itertuples(index=False):
        actor = str(row.actor)
        kind, gender = info.get(actor, (str(row.kind), None))
        men_by_doc.setdefault(str(row.doc_id), []).append(
            _Mention(int(row.start), int(row.end), actor, kind, gender, int(row.sentence_id)))
    rows = []
    unclosed = []
    from analysis.tokens import tokens_count_words

    for doc, outlet, text in zip(doc_ids, outlets, texts, strict=True):
        article = _Article(text, sent_by_doc.get(doc, []), men_by_doc.get(doc, []), rules)
        unclosed += [(doc, pos) for pos in article.unclosed]
        direct = article.direct()
        found = sorted(direct + article.indirect(direct), key=lambda q: (q.start, q.end))
        for q in found:
            actor = book.actors.get(q.actor)
            quote = text[q.start:q.end]
            rows.append((doc, outlet, article.sentences[q.sentence][0], q.start, q.end, quote,
                         q.kind, q.verb, q.speaker_text, q.actor,
                         actor.label if actor else "", actor.group if actor else "",
                         bool(q.resolved and q.actor), tokens_count_words(quote)))
    table = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    table = table.astype({"sentence_id": "int64", "start": "int64", "end": "int64",
                          "words": "int64", "resolved": "bool"})
    table.attrs["unclosed"] = unclosed
    table.attrs["groups"] = list(book.groups)
    table.attrs["group_labels_en"] = dict(book.groups_en)
    return table


# --------------------------------------------------------------------------- summaries


def _speaking_groups(quotes: pd.DataFrame, groups: list[str] | None) -> tuple[pd.Series,
                                                                              list[str]]:
    """Each quote's actor group (:data:`NO_GROUP` for a speaker that is no actor) and the
    order of the groups: ``groups``, or the dictionary's order kept by :func:`quotes_find`,
    then any other, then :data:`NO_GROUP`; only groups that speak are listed unless
    ``groups`` is given."""
    group = quotes["group"].fillna("").astype(str).replace("", NO_GROUP)
    present = set(group)
    order = list(groups if groups is not None else quotes.attrs.get("groups", []))
    order = [g for g in order if g in present or groups is not None]
    order += [g for g in dict.fromkeys(group) if g not in order and g != NO_GROUP]
    if NO_GROUP in present and NO_GROUP not in order:
        order.append(NO_GROUP)
    return group, order


def quotes_share(quotes: pd.DataFrame, *, by: str = "outlet",
                 corpus: pd.DataFrame | None = None,
                 groups: list[str] | None = None) -> pd.DataFrame:
    """Who gets to speak: per ``by`` value (outlet), kind and actor group, the quotes and
    the quoted words, and their shares.

    ``by`` is a column of ``quotes`` or, with ``corpus``, of the corpus (looked up by
    ``doc_id``: country, date, ...). ``groups`` fixes the order of the groups (default:
    the dictionary's order kept by :func:`quotes_find`, then :data:`NO_GROUP` for speakers
    that are no actor). Returns one row per ``by`` value, kind (``all``, ``direct``,
    ``indirect``) and group, with

    - ``<by>``, ``kind``, ``group``,
    - ``quotes``: the quotes of the group's speakers,
    - ``share_quotes``: ``quotes`` as a share of all the ``by`` value's quotes of that kind
      (0 when there are none),
    - ``words``: the words in those quotes,
    - ``share_words``: ``words`` as a share of all quoted words of that kind.

    Only groups that speak somewhere in the table are listed (all of ``groups`` when given).

    >>> q = pd.DataFrame({"outlet": ["NOS", "NOS", "NRC"], "kind": ["direct", "indirect",
    ...     "direct"], "group": ["Rusland", "", "NAVO"], "words": [6, 2, 4]})
    >>> t = quotes_share(q, groups=["Rusland", "NAVO"])
    >>> t[(t.kind == "all") & (t.outlet == "NOS")][["group", "quotes", "share_words"]
    ...     ].values.tolist()
    [['Rusland', 1, 0.75], ['NAVO', 0, 0.0], ['(unknown)', 1, 0.25]]
    """
    require_columns(quotes, ["kind", "group", "words"], what="the quote table")
    values_of = groups_by(quotes, by, corpus=corpus, what="the quote table")
    group, order = _speaking_groups(quotes, groups)
    values = list(dict.fromkeys(values_of))
    data = pd.DataFrame({by: values_of.to_numpy(), "group": group.to_numpy(),
                         "kind": quotes["kind"].astype(str).to_numpy(),
                         "words": quotes["words"].to_numpy()})
    frames = []
    for kind in ("all", "direct", "indirect"):
        part = data if kind == "all" else data[data["kind"] == kind]
        full = pd.MultiIndex.from_product([values, order], names=[by, "group"])
        counts = part.groupby([by, "group"]).agg(quotes=("kind", "size"),
                                                 words=("words", "sum"))
        counts = counts.reindex(full, fill_value=0).reset_index()
        totals = counts.groupby(by)[["quotes", "words"]].transform("sum")
        counts["share_quotes"] = np.where(totals["quotes"] > 0,
                                          counts["quotes"] / totals["quotes"].clip(lower=1), 0.0)
        counts["share_words"] = np.where(totals["words"] > 0,
                                         counts["words"] / totals["words"].clip(lower=1), 0.0)
        counts.insert(1, "kind", kind)
        frames.append(counts)
    table = pd.concat(frames, ignore_index=True)
    table = table[[by, "kind", "group", "quotes", "share_quotes", "words", "share_words"]]
    table = table.astype({"quotes": "int64", "words": "int64"})
    table.attrs["group_labels_en"] = dict(quotes.attrs.get("group_labels_en", {}))
    return table


def quotes_direct(quotes: pd.DataFrame, *, by: str = "outlet",
                  corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quoted or paraphrased: per ``by`` value (outlet) and actor group that speaks there,
    how many of the group's quotes are direct.

    ``by`` as in :func:`quotes_share`. Returns one row per ``by`` value and group with at
    least one quote, with

    - ``<by>``, ``group`` (groups in the order of :func:`quotes_share`),
    - ``quotes``: the group's quotes, ``direct``: how many of them are direct,
    - ``share_direct``: ``direct / quotes``.

    >>> q = pd.DataFrame({"outlet": ["NOS", "NOS", "NRC"], "kind": ["direct", "indirect",
    ...     "direct"], "group": ["Rusland", "Rusland", ""]})
    >>> quotes_direct(q).values.tolist()
    [['NOS', 'Rusland', 2, 1, 0.5], ['NRC', '(unknown)', 1, 1, 1.0]]
    """
    require_columns(quotes, ["kind", "group"], what="the quote table")
    values_of = groups_by(quotes, by, corpus=corpus, what="the quote table")
    group, order = _speaking_groups(quotes, None)
    data = pd.DataFrame({by: values_of.to_numpy(), "group": group.to_numpy(),
                         "direct": (quotes["kind"].astype(str) == "direct").to_numpy()})
    table = data.groupby([by, "group"], sort=False)["direct"].agg(["size", "sum"])
    table = table.reset_index().rename(columns={"size": "quotes", "sum": "direct"})
    table["share_direct"] = table["direct"] / table["quotes"]
    table["_value"] = table[by].map({v: i for i, v in enumerate(dict.fromkeys(values_of))})
    table["_group"] = table["group"].map({g: i for i, g in enumerate(order)})
    table = table.sort_values(["_value", "_group"]).drop(columns=["_value", "_group"])
    table = table.reset_index(drop=True).astype({"quotes": "int64", "direct": "int64"})
    table.attrs["group_labels_en"] = dict(quotes.attrs.get("group_labels_en", {}))
    table.attrs["groups"] = order
    return table


# --------------------------------------------------------------------------- validation

GOLD_COLUMNS = ["doc_id", "kind", "quote", "speaker", "actor"]


def quotes_coded_load(path: str | Path = CODED_BUNDLED_FILE) -> pd.DataFrame:
    """A hand-coded sample of quotations (CSV, UTF-8, the columns of
    :func:`quotes_gold_locate`), every cell as text; the default is the coding of every
    quotation in the five bundled articles.

    >>> coded = quotes_coded_load()
    >>> len(coded), coded["kind"].value_counts().to_dict()
    (56, {'indirect': 32, 'direct': 24})
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def quotes_gold_locate(gold: pd.DataFrame, corpus: pd.DataFrame, *, source: str = "the sample"
                       ) -> pd.DataFrame:
    """Find each hand-coded quote in its article: adds ``start`` and ``end``.

    ``gold`` has the columns ``doc_id``, ``kind`` (direct/indirect), ``quote`` (the quoted
    words as they stand in the article, for a direct quote without the quotation marks),
    ``speaker`` (as written) and ``actor`` (the dictionary id, or empty). A row with an
    empty ``quote`` marks an article coded as having no quotation. A quote that occurs
    more than once in its article is taken at its first occurrence after the previous
    row's quote. Raises ``ValueError`` naming the row (line of a CSV file, counting the
    header as line 1) for an unknown article, kind, or a quote not in the article.

    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Hij zei: „Nee.”"]})
    >>> g = pd.DataFrame({"doc_id": ["a"], "kind": ["direct"], "quote": ["Nee."],
    ...                   "speaker": ["hij"], "actor": [""]})
    >>> quotes_gold_locate(g, c)[["start", "end"]].values.tolist()
    [[10, 14]]
    """
    missing = [c for c in ("doc_id", "kind", "quote") if c not in gold.columns]
    if missing:
        raise ValueError(f"{source}: missing column(s) {', '.join(missing)}; a coded sample "
                         f"needs {', '.join(GOLD_COLUMNS)} (speaker and actor may be empty)")
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str), strict=True))
    outlets = dict(zip(corpus["doc_id"].astype(str),
                       corpus["outlet"].astype(str) if "outlet" in corpus.columns else
                       [""] * len(corpus), strict=True))
    rows = []
    last: dict[str, int] = {}
    for i, row in enumerate(gold.fillna("").astype(str).to_dict("records")):
        line = i + 2
        doc = row["doc_id"].strip()
        if doc not in texts:
            raise ValueError(f"{source}, line {line}: article {doc!r} is not in the corpus; "
                             "check doc_id (and the corpus you gave)")
        quote = row["quote"]
        kind = row["kind"].strip().lower()
        if not quote.strip():
            rows.append({**row, "doc_id": doc, "kind": "", "start": -1, "end": -1})
            continue
        if kind not in ("direct", "indirect"):
            raise ValueError(f"{source}, line {line}: kind must be direct or indirect, not "
                             f"{row['kind']!r}")
        text = texts[doc]
        at = text.find(quote, last.get(doc, 0))
        if at < 0:
            at = text.find(quote)
        if at < 0:
            squeezed = re.escape(" ".join(quote.split())).replace(r"\ ", r"\s+")
            found = re.search(squeezed, text)
            if not found:
                raise ValueError(f"{source}, line {line}: the quote {quote[:60]!r} is not in "
                                 f"article {doc!r}; copy it exactly from the article")
            at, end = found.start(), found.end()
        else:
            end = at + len(quote)
        last[doc] = at + 1
        rows.append({**row, "doc_id": doc, "kind": kind, "start": at, "end": end})
    table = pd.DataFrame(rows)
    for column in ("speaker", "actor"):
        if column not in table.columns:
            table[column] = ""
    table["outlet"] = table["doc_id"].map(outlets)
    return table


def _pairs(gold: pd.DataFrame, found: pd.DataFrame) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold and found quotes of the same article whose
    spans overlap by at least half the shorter one; the largest overlaps first."""
    options = []
    for doc, g in gold.groupby("doc_id", sort=False):
        f = found[found["doc_id"] == doc]
        for gi, ga, gb in zip(g.index, g["start"], g["end"], strict=True):
            for fi, fa, fb in zip(f.index, f["start"], f["end"], strict=True):
                overlap = min(gb, fb) - max(ga, fa)
                if overlap > 0 and overlap >= 0.5 * min(gb - ga, fb - fa):
                    options.append((-overlap, gi, fi))
    used_g, used_f, out = set(), set(), []
    for _, gi, fi in sorted(options):
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            out.append((gi, fi))
    return out


def _same_speaker(gold_row, found_row) -> bool:
    gold_actor = str(gold_row["actor"] or "").strip()
    if gold_actor:
        return gold_actor == str(found_row["actor"] or "")
    if str(found_row["actor"] or ""):
        return False

    def norm(s):
        return " ".join(str(s or "").lower().split())

    return norm(gold_row["speaker"]) == norm(found_row["speaker_text"])


def quotes_validate(found: pd.DataFrame, gold: pd.DataFrame
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score found quotes (:func:`quotes_find`) against hand-coded ones
    (:func:`quotes_gold_locate`), in the articles the coding covers.

    A found quote is a hit when a coded quote of the same article overlaps it by at least
    half of the shorter of the two (each coded quote matches at most one found quote). The
    speaker is right when the actor is the coded actor, or, for a coded speaker that is no
    actor, when no actor was found and the speaker's words are the coded ones.

    Returns ``(scores, pairs)``. ``scores`` has one row per ``kind`` (``direct`` and
    ``indirect``: matched within the kind; ``all``: regardless of kind) with

    - ``coded``, ``found``, ``hits``: coded quotes, found quotes, found quotes that match,
    - ``precision`` (``hits / found``), ``recall`` (``hits / coded``), ``f1``,
    - ``attribution_correct``, ``attribution_accuracy``: hits with the right speaker, and
      their share of the hits (NaN without hits).

    ``pairs`` lists every coded and every found quote (``kind="all"`` matching) with
    ``doc_id, start, end, quote, kind, speaker, actor`` of the coding, ``found_*`` of the
    finder, and ``outcome``: ``hit`` (right speaker), ``wrong speaker``, ``missed`` or
    ``false alarm``.

    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...     "text": ["„Nee”, zei Lavrov. Het ‘gesprek’ was lang."]})
    >>> g = quotes_gold_locate(pd.DataFrame({"doc_id": ["a"], "kind": ["direct"],
    ...     "quote": ["Nee"], "speaker": ["Lavrov"], "actor": ["lavrov"]}), c)
    >>> s, p = quotes_validate(quotes_find(c), g)
    >>> s.set_index("kind").loc["direct", ["precision", "recall", "attribution_accuracy"]
    ...     ].tolist()
    [1.0, 1.0, 1.0]
    """
    docs = set(gold["doc_id"].astype(str))
    found = found[found["doc_id"].astype(str).isin(docs)].reset_index(drop=True)
    found = found.assign(doc_id=found["doc_id"].astype(str))
    coded = gold[gold["start"] >= 0].reset_index(drop=True)
    coded = coded.assign(doc_id=coded["doc_id"].astype(str),
                         actor=coded["actor"].fillna("").astype(str),
                         speaker=coded["speaker"].fillna("").astype(str))
    rows = []
    for kind in ("direct", "indirect", "all"):
        g = coded if kind == "all" else coded[coded["kind"] == kind]
        f = found if kind == "all" else found[found["kind"] == kind]
        pairs = _pairs(g, f)
        hits = len(pairs)
        right = sum(_same_speaker(g.loc[gi], f.loc[fi]) for gi, fi in pairs)
        precision = hits / len(f) if len(f) else float("nan")
        recall = hits / len(g) if len(g) else float("nan")
        f1 = (2 * precision * recall / (precision + recall)
              if hits and precision + recall > 0 else 0.0 if len(f) and len(g) else float("nan"))
        rows.append({"kind": kind, "coded": len(g), "found": len(f), "hits": hits,
                     "precision": precision, "recall": recall, "f1": f1,
                     "attribution_correct": int(right),
                     "attribution_accuracy": right / hits if hits else float("nan")})
    scores = pd.DataFrame(rows)
    pairs = _pairs(coded, found)
    matched_f = {fi for _, fi in pairs}
    out = []
    base = ["doc_id", "start", "end", "quote", "kind", "speaker", "actor"]
    for gi, fi in pairs:
        out.append({**{c: coded.loc[gi, c] for c in base},
                    **{f"found_{c}": found.loc[fi, c] for c in
                       ("start", "end", "quote", "kind", "speaker_text", "actor")},
                    "outcome": "hit" if _same_speaker(coded.loc[gi], found.loc[fi])
                    else "wrong speaker"})
    for gi in sorted(set(coded.index) - {g for g, _ in pairs}):
        out.append({**{c: coded.loc[gi, c] for c in base}, "outcome": "missed"})
    for fi in sorted(set(found.index) - matched_f):
        out.append({"doc_id": found.loc[fi, "doc_id"],
                    **{f"found_{c}": found.loc[fi, c] for c in
                       ("start", "end", "quote", "kind", "speaker_text", "actor")},
                    "outcome": "false alarm"})
    columns = base + [f"found_{c}" for c in ("start", "end", "quote", "kind", "speaker_text",
                                             "actor")] + ["outcome"]
    table = pd.DataFrame(out, columns=columns)
    table["_pos"] = table["start"].fillna(table["found_start"])
    table = table.sort_values(["doc_id", "_pos"], kind="stable").drop(columns="_pos")
    return scores, table.reset_index(drop=True)
