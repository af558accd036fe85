"""One article: its quotation marks, speech verbs and actor mentions, and the rules that
find its direct and indirect quotations and their speakers."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from analysis.quotes.marks import marks_in_view, quotes_typography
from analysis.quotes.rules import (
    _ADVERBIALS,
    _COMPLEMENTS,
    _CONJUNCTIONS,
    _DETERMINERS,
    _MASK,
    _NP_STOP,
    _NP_WORDS,
    _PREPOSITIONS,
    _WORD,
    QuoteRules,
    _anaphor_regex,
    _phrases_in,
)

_SPACE_COMMA = re.compile(r"[\s,]*")

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
        # ,,…'' written as „…” at the same offsets, so the rules read one typography
        self.text = text = quotes_typography(text)
        self.rules = rules
        self.spans, self.unclosed = marks_in_view(text)
        chars = list(text)
        for a, b in self.spans:
            chars[a:b + 1] = _MASK * (b + 1 - a)
        self.masked = "".join(chars)
        self.sentences = sentences or [(1, 0, len(text))]
        self.sent_starts = [s for _, s, _ in self.sentences]
        self.mentions = sorted((m for m in mentions if not self._quoted(m.start)),
                               key=lambda m: m.start)
        # every lookup of mentions goes through these, so that an article's work grows
        # with its length, not with the square of it
        self.mention_starts = [m.start for m in self.mentions]
        self.anaphora = dict(rules.anaphora)
        self.verbs = [(a, b) for a, b in self._cues(rules.speech_verbs, rules.not_speech)
                      if not self._noun_or_infinitive(a)]
        self.cues = self._cues(rules.cues, ())
        # by position, for lookups in logarithmic time (both lists are in text order)
        self.events = sorted([(c, True) for c in self.cues] + [(c, False) for c in self.verbs])
        self.event_starts = [c[0] for c, _ in self.events]
        self.anaphora_longest_first = sorted(self.anaphora, key=lambda p: -len(p))

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

    def _mentions_from(self, a: int, b: int | None = None) -> Iterator[_Mention]:
        """The mentions that start at ``a`` or later (and at ``b`` or earlier), in order
        (one at a time: no copy of the list)."""
        lo = bisect.bisect_left(self.mention_starts, a)
        hi = len(self.mentions) if b is None else bisect.bisect_right(self.mention_starts, b)
        for i in range(lo, hi):
            yield self.mentions[i]

    def _candidates(self, a: int, b: int, *, prepositional: bool = False) -> list[_Mention]:
        return [m for m in self._mentions_from(a, b) if m.end <= b and
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
        for other in self._mentions_from(end):
            if other.start < end:
                continue
            if other.start - end > 40:  # the later ones start later still
                break
            if other.end <= ceiling and other.actor == m.actor and \
                    self._np_like(end, other.start):
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
        for phrase in self.anaphora_longest_first:
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
        for i in range(bisect.bisect_left(self.mention_starts, pos) - 1, -1, -1):
            m = self.mentions[i]
            if m.kind != "person":
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
        at = _SPACE_COMMA.match(self.masked, close + 1, max(ceiling, close + 1)).end()
        here = self._events_in(at, at + 1)
        for (a, b), is_cue in here:
            if is_cue:
                return a, b, True
        for (a, b), is_cue in here:
            if not is_cue and self._complement(b, ceiling) is None:
                return a, b, False
        return None

    def _events_in(self, a: int, b: int) -> list[tuple[tuple[int, int], bool]]:
        """The cues (True) and speech verbs (False) starting in a..b, in text order."""
        return self.events[bisect.bisect_left(self.event_starts, a):
                           bisect.bisect_left(self.event_starts, b)]  # a short slice

    def _title(self, open_: int) -> bool:
        before = _WORD.findall(self.text[max(0, open_ - 40):open_])
        return bool(before) and before[-1].lower() in self.rules.title_words and \
            not self.text[max(0, open_ - 3):open_].strip().endswith((",", ":"))

    def _first_cue(self, a: int, b: int) -> tuple[tuple[int, int], bool] | None:
        """The first cue or speech verb starting in a..b, and whether it is a cue."""
        found = self._events_in(a, b)
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
        events = self.events
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
            for j in range(i + 1, len(found)):
                y = found[j]
                if y[3] != x[3]:  # found is in text order: the sentence's statements end
                    break
                if x[4] < y[0] < x[5]:
                    comma = self.masked.rfind(",", x[4], y[0])
                    if comma > x[4]:
                        x[5] = comma
        out: list[_Quote] = []
        quoted.sort()
        quoted_starts = [qa for qa, _ in quoted]
        reach = list(itertools.accumulate((qb for _, qb in quoted), max))
        taken: list[tuple[int, int]] = []  # in order, never overlapping
        for a, b, is_cue, index, c_lo, c_hi in found:
            piece = self.text[c_lo:c_hi]
            c_lo += len(piece) - len(piece.lstrip(" ,:"))
            c_hi = c_lo + len(self.text[c_lo:c_hi].rstrip(" ,.;:!?"))
            if len(_WORD.findall(self.masked[c_lo:c_hi])) < 3:
                continue
            k = bisect.bisect_left(quoted_starts, c_hi)
            if k and reach[k - 1] > c_lo:
                continue  # the words are quoted: the direct quote stands for them
            k = bisect.bisect_left(taken, (c_hi,))
            if k and taken[k - 1][1] > c_lo:
                continue
            speaker = self.speaker((a, b), is_cue=is_cue, ceiling=self.sentences[index][2])
            if not speaker[0]:
                continue  # reported speech needs someone who speaks
            bisect.insort(taken, (c_lo, c_hi))
            out.append(_Quote(c_lo, c_hi, "indirect", " ".join(self.text[a:b].split()),
                              *speaker, index, index))
        return out
