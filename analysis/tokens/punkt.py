"""Punkt's sentence boundaries for many texts at once, without importing NLTK.

The toolkit runs NLTK's Punkt (``PunktSentenceTokenizer.span_tokenize``, NLTK 3.10) with
an abbreviation list and nothing else learnt: no collocations, no frequent sentence
starters, no orthographic data. Punkt's decision at a candidate sentence end then rests
on a few features of the word before it and the first character of the word after it,
which :class:`PunktBulk` computes for every candidate of every text with numpy:

- the candidates: ``.``, ``?`` or ``!`` followed by a closing mark, a quote or a bracket
  (Punkt's ``_re_non_word_chars``) or by white space and a word, within a line;
- the word before each (from the last ASCII white space after the previous candidate,
  as ``_match_potential_end_contexts`` finds it, with its overlaps left out);
- the decision: ``?`` and ``!`` always end a sentence; after ``.`` Punkt breaks unless the
  word is a known abbreviation, or an initial or a number followed by a lower-case word or
  ``, ; :`` (an initial also before a capital). A context outside these plain shapes (a
  word with an inner quote or ellipsis, a next word holding a period) is decided by
  :meth:`PunktBulk.contains_break`, Punkt's ``text_contains_sentbreak`` with its own
  regular expressions, once per distinct context;
- the slices, the realignment of closing quotes and brackets (``_realign_boundaries``)
  and the stripping of white space, as arrays.

The regular expressions are Punkt's (``PunktLanguageVars``), compiled with the ``regex``
engine as NLTK compiles them. ``tests/test_tokens_punkt.py`` compares every step with
NLTK's own Punkt on random texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

import numpy as np
import regex

__all__ = ["CLOSING", "NON_WORD", "PunktBulk"]

#: Punkt's ``_re_non_word_chars``: a candidate end followed by one of these is a candidate
#: without a next word.
NON_WORD = ")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!"
#: The characters Punkt's realignment pattern (``re_boundary_realignment``) starts with.
CLOSING = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"
_SENT_END = ".?!"
_PUNCTUATION = (";", ":", ",", ".", "!", "?")  # PunktSentenceTokenizer.PUNCTUATION

_NON_WORD_RE = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_WORD_TOKENIZE_FMT = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )"""


@cache
def _word_tokenize() -> regex.Pattern:
    """Punkt's word tokenizer (compiled when a context first needs it)."""
    return regex.compile(_WORD_TOKENIZE_FMT % {
        "NonWord": _NON_WORD_RE, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START},
        regex.UNICODE | regex.VERBOSE)


_REALIGN = regex.compile(r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)',
                         regex.MULTILINE)
_ELLIPSIS = regex.compile(r"\.\.+$")
_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)

#: The word before a candidate ``.`` in its plain shape: opening brackets or straight
#: double quotes (each a token of its own), at most one other mark glued to the word
#: (a curly quote: one token with the word), and letters and digits joined by single
#: hyphens or periods.
_PLAIN_WORD = regex.compile(r"[(\[\"]*([^\w\s(\[\"{`:;&#*@)}\]\-,.?!]?)"
                            r"([^\W_]+(?:[-.][^\W_]+)*)")

# classes of characters, bit flags
_SPACE = 1      # white space to the ``regex`` engine (``\s`` in Punkt's patterns)
_PY_SPACE = 2   # white space to ``str.strip``
_ASCII_SPACE = 4  # ``string.whitespace``: where Punkt starts the word before a candidate
_END = 8        # . ? !
_NON_WORD = 16
_CLOSING = 32
_COMMA_LIKE = 64  # , ; : (a token of its own in Punkt's punctuation)

#: Every white space character lies below this code point (checked by the tests).
_SPACE_LIMIT = 0x3001


def _table() -> np.ndarray:
    table = np.zeros(_SPACE_LIMIT, dtype=np.uint8)
    chars = "".join(map(chr, range(_SPACE_LIMIT)))
    for m in regex.finditer(r"\s", chars):
        table[m.start()] |= _SPACE
    for m in re.finditer(r"\s", chars):  # the ``re`` engine's \s is str.isspace
        table[m.start()] |= _PY_SPACE
    for flag, members in ((_ASCII_SPACE, " \t\n\r\x0b\x0c"), (_END, _SENT_END),
                          (_NON_WORD, NON_WORD), (_CLOSING, CLOSING), (_COMMA_LIKE, ",;:")):
        for ch in members:
            table[ord(ch)] |= flag
    return table


_TABLE = _table()


def _flags(codes: np.ndarray) -> np.ndarray:
    """The class flags of ``codes`` (code points)."""
    codes = np.asarray(codes, dtype=np.int64)
    inside = codes < _SPACE_LIMIT
    if inside.all():
        return _TABLE[codes]
    out = np.zeros(len(codes), dtype=np.uint8)
    out[inside] = _TABLE[codes[inside]]
    return out


def _case(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each code point is lower case, and upper case (``str.islower``,
    ``str.isupper``)."""
    distinct, index = np.unique(codes, return_inverse=True)
    chars = [chr(c) for c in distinct.tolist()]
    lower = np.fromiter((c.islower() for c in chars), dtype=bool, count=len(chars))
    upper = np.fromiter((c.isupper() for c in chars), dtype=bool, count=len(chars))
    return lower[index], upper[index]


def _code_points(text: str) -> np.ndarray:
    """The code points of ``text`` (a lone surrogate as its own value)."""
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(text):
        return np.frombuffer(data, dtype=np.uint16)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _scan(codes: np.ndarray, start: np.ndarray, step: int, flag: int, *,
          has: bool = True, newline: bool = True, limit: np.ndarray | None = None,
          finish: Callable[[int, int], int]) -> np.ndarray:
    """From each position of ``start``, move by ``step`` while the character there has
    the class ``flag`` (lacks it, if not ``has``), is not a line break unless
    ``newline``, and (with ``limit``) the position is at least its ``limit``; the
    positions reached. Runs longer than :data:`_SCAN_STEPS` characters are finished by
    ``finish(position, index)`` (a regular expression, in one call)."""
    pos = start.astype(np.int64, copy=True)
    bound = None if limit is None else np.asarray(limit, dtype=np.int64)

    def more(index: np.ndarray) -> np.ndarray:
        here = pos[index]
        if bound is not None:
            ok = here >= bound[index]
            index, here = index[ok], here[ok]
        c = codes[here]
        ok = ((_flags(c) & flag) > 0) == has
        if not newline:
            ok &= c != 10
        return index[ok]

    active = more(np.arange(len(pos)))
    steps = 0
    while len(active):
        if steps == _SCAN_STEPS:
            for i in active.tolist():
                pos[i] = finish(int(pos[i]), i)
            break
        pos[active] += step
        active = more(active)
        steps += 1
    return pos


#: Characters a scan over arrays moves before the rest of a long run is left to a regular
#: expression (a run of white space or a word of some thousand characters).
_SCAN_STEPS = 32
_BLANKS = regex.compile(r"[^\S\n]*")
_NON_BLANKS = regex.compile(r"\S*")


# decision classes of the token after a candidate period
_OTHER, _PUNCT, _LOWER, _UPPER, _ANY = 0, 1, 2, 3, 4
# what the word before a candidate period is
_PLAIN, _ABBREV, _INITIAL_W, _NUMBER, _IRREGULAR = 0, 1, 2, 3, 4


class PunktBulk:
    """NLTK Punkt with the abbreviations ``abbreviations`` (lower case, without their
    final period) and no other parameters, over many texts at once.

    >>> punkt = PunktBulk(frozenset({"dhr", "o.a"}))
    >>> text = 'Dhr. Jansen kwam o.a. "op tijd." (Daarna sprak J. Bach lang!) Wat nu?! Zo.'
    >>> [text[a:b] for a, b in punkt.span_tokenize(text)]
    ['Dhr. Jansen kwam o.a. "op tijd."', '(Daarna sprak J. Bach lang!)', 'Wat nu?!', 'Zo.']
    """

    _MEMO_MAX = 200_000

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = frozenset(abbreviations)
        self._words: dict[str, int] = {}
        self._contexts: dict[str, bool] = {}

    # ----------------------------------------------------------------- Punkt's decision

    def contains_break(self, context: str) -> bool:
        """Punkt's ``text_contains_sentbreak(context)``: whether a token other than the
        last ends a sentence, after Punkt's first and second annotation passes."""
        found = self._contexts.get(context)
        if found is None:
            if len(self._contexts) >= self._MEMO_MAX:
                self._contexts.clear()
            findall = _word_tokenize().findall
            tokens = [t for line in context.split("\n") if line.strip()
                      for t in findall(line)]
            found = any(self._token_breaks(tokens[k], tokens[k + 1])
                        for k in range(len(tokens) - 1))
            self._contexts[context] = found
        return found

    def _token_breaks(self, tok: str, following: str) -> bool:
        """Whether Punkt marks ``tok`` (followed by the token ``following``) as a sentence
        break."""
        if tok in _SENT_END:
            brk = True
        elif _ELLIPSIS.match(tok):
            brk = False
        elif tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            brk = not (low in self.abbreviations
                       or low.split("-")[-1] in self.abbreviations)
        else:
            brk = False
        if not tok.endswith("."):
            return brk
        kind = _NUMERIC.sub("##number##", tok.lower())
        if len(kind) > 1 and kind[-1] == ".":
            kind = kind[:-1]
        initial = _INITIAL.match(tok) is not None
        if initial or kind == "##number##":
            # the orthographic heuristic, without orthographic data
            if following in _PUNCTUATION or following[0].islower():
                return False
            if initial and following[0].isupper():
                return False
        return brk

    def _word(self, word: str) -> int:
        """What the word before a candidate period is, for :meth:`_decide`."""
        kind = self._words.get(word)
        if kind is None:
            if len(self._words) >= self._MEMO_MAX:
                self._words.clear()
            m = _PLAIN_WORD.fullmatch(word)
            if m is None:
                kind = _IRREGULAR
            else:
                glued, core = m.group(1), m.group(2)
                low = (glued + core).lower()
                if low in self.abbreviations or low.split("-")[-1] in self.abbreviations:
                    kind = _ABBREV
                elif glued:
                    kind = _PLAIN
                elif len(core) == 1 and not core.isdecimal():
                    kind = _INITIAL_W
                elif _NUMERIC.match(core.lower() + "."):
                    kind = _NUMBER
                else:
                    kind = _PLAIN
            self._words[word] = kind
        return kind

    # ----------------------------------------------------------------- spans

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Punkt's ``span_tokenize(text)`` for a text without line breaks."""
        starts, ends, _ = self._raw_spans(text, strip=False)
        return list(zip(starts.tolist(), ends.tolist(), strict=True))

    def sentences(self, texts: list[str], *, piece_chars: int,
                  long_paragraph: Callable[[str], Iterable[tuple[int, int]]]
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The sentences of every text: each line read by Punkt (a line longer than
        ``piece_chars`` by ``long_paragraph``), spans without their outer white space.
        Returns the number of sentences of each text and the starts and ends of all, in
        order, as offsets into their text."""
        joined = "\n".join(texts)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        text_starts = np.cumsum(lengths + 1) - lengths - 1
        starts, ends, long = self._raw_spans(joined, strip=True, longer_than=piece_chars)
        if long:
            extra = self._long_lines(joined, long, long_paragraph)
            starts = np.concatenate([starts, extra[0]])
            ends = np.concatenate([ends, extra[1]])
            order = np.argsort(starts, kind="stable")
            starts, ends = starts[order], ends[order]
        text_of = np.searchsorted(text_starts, starts, side="right") - 1
        counts = np.bincount(text_of, minlength=len(texts)).astype(np.int64)
        base = text_starts[text_of]
        return counts, starts - base, ends - base

    def _long_lines(self, joined: str, lines: list[tuple[int, int]],
                    long_paragraph: Callable[[str], Iterable[tuple[int, int]]]):
        """The stripped spans of the lines ``lines`` (start and end offsets into
        ``joined``), each read by ``long_paragraph``."""
        starts, ends = [], []
        for a, b in lines:
            line = joined[a:b]
            for s, e in long_paragraph(line):
                piece = line[s:e]
                stripped = piece.strip()
                if stripped:
                    lead = len(piece) - len(piece.lstrip())
                    starts.append(a + s + lead)
                    ends.append(a + s + lead + len(stripped))
        return np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)

    def _raw_spans(self, text: str, *, strip: bool, longer_than: int | None = None
                   ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
        """Punkt's spans of every line of ``text`` (lines end at ``\\n``), as offsets
        into ``text``; with ``strip``, without their outer white space (and empty ones
        left out). Lines longer than ``longer_than`` give none: their starts and ends
        come third."""
        codes = _code_points(text + "\n")
        newlines = np.flatnonzero(codes == 10)
        line_start = np.concatenate([[0], newlines[:-1] + 1])
        line_end = newlines  # exclusive
        keep_line = (np.ones(len(line_start), dtype=bool) if longer_than is None
                     else line_end - line_start <= longer_than)

        # candidates: . ? ! followed by a non-word mark, or by white space and a word
        marks = np.flatnonzero((codes == 46) | (codes == 63) | (codes == 33))
        ends = marks
        after = codes[ends + 1]
        after_flags = _flags(after)
        non_word = (after_flags & _NON_WORD) > 0
        spaced = ((after_flags & _SPACE) > 0) & (after != 10)
        next_at = np.full(len(ends), -1, dtype=np.int64)
        if spaced.any():
            first = _scan(codes, ends[spaced] + 1, 1, _SPACE, newline=False,
                          finish=lambda p, _: _BLANKS.match(text, p).end())
            ok = codes[first] != 10
            next_at[np.flatnonzero(spaced)[ok]] = first[ok]
            spaced[np.flatnonzero(spaced)[~ok]] = False
        valid = non_word | spaced
        cand, next_at, non_word = ends[valid], next_at[valid], non_word[valid]
        line = np.searchsorted(newlines, cand, side="left")
        inside = keep_line[line]
        cand, next_at, non_word, line = (cand[inside], next_at[inside], non_word[inside],
                                         line[inside])

        # the word before each candidate (Punkt's _match_potential_end_contexts)
        ascii_space = np.flatnonzero((codes == 32) | ((codes >= 9) & (codes <= 13)))
        k = np.searchsorted(ascii_space, cand, side="left") - 1
        last_space = np.where(k >= 0, ascii_space[np.maximum(k, 0)], -1)
        para = line_start[line]
        first_in_line = np.ones(len(cand), dtype=bool)
        first_in_line[1:] = line[1:] != line[:-1]
        previous = np.concatenate([[-1], cand[:-1]])
        fresh = first_in_line | (last_space > previous)
        value = np.where(first_in_line & (last_space <= para), para, last_space + 1)
        source = np.maximum.accumulate(np.where(fresh, np.arange(len(cand)), 0))
        word_start = value[source]
        emitted = np.ones(len(cand), dtype=bool)
        emitted[:-1] = (line[1:] != line[:-1]) | (cand[:-1] <= word_start[1:])

        decided = self._decisions(text, codes, marks, cand[emitted], word_start[emitted],
                                  next_at[emitted], non_word[emitted])
        breaks = np.flatnonzero(emitted)[decided]
        starts, ends = self._slices(text, codes, cand[breaks], next_at[breaks], line[breaks],
                                    line_start, line_end, keep_line, strip=strip)
        long = np.flatnonzero(~keep_line)
        return starts, ends, list(zip(line_start[long].tolist(), line_end[long].tolist(),
                                      strict=True))

    def _decisions(self, text: str, codes: np.ndarray, marks: np.ndarray, cand: np.ndarray,
                   word_start: np.ndarray, next_at: np.ndarray, non_word: np.ndarray
                   ) -> np.ndarray:
        """Whether Punkt breaks at each candidate."""
        decided = np.ones(len(cand), dtype=bool)  # ? and ! always break
        period = np.flatnonzero(codes[cand] == 46)
        if not len(period):
            return decided
        cand, word_start = cand[period], word_start[period]
        next_at, non_word = next_at[period], non_word[period]
        # the token after: its first character's class, or _ANY when its word holds a
        # sentence-end mark before its last character (then Punkt's own reading decides)
        following = np.where(non_word, cand + 1, next_at)
        first = codes[following]
        flags = _flags(first)
        lower, upper = _case(first)
        cls = np.full(len(cand), _OTHER, dtype=np.int8)
        cls[upper] = _UPPER
        cls[lower] = _LOWER
        cls[(flags & _COMMA_LIKE) > 0] = _PUNCT
        cls[non_word & ((first == 63) | (first == 33) | (first == 58) | (first == 59))] = _PUNCT
        context_end = cand + 2  # after a non-word mark: the mark
        spaced = np.flatnonzero(~non_word)
        if len(spaced):
            cls[spaced[(flags[spaced] & _END) > 0]] = _ANY
            start = next_at[spaced]
            end = _scan(codes, start + 1, 1, _SPACE, has=False,
                        finish=lambda p, _: _NON_BLANKS.match(text, p).end())
            # a sentence-end mark inside the next word, before its last character
            irregular = (np.searchsorted(marks, end - 1, side="left")
                         - np.searchsorted(marks, start, side="left")) > 0
            cls[spaced[irregular]] = _ANY
            context_end[spaced] = end
        kind = self._word_kinds(text, codes, word_start, cand)
        # the table decides, but after an irregular word or before a token of class _ANY
        # Punkt's own reading of the context does
        out = _DECIDE_ARRAY[kind, np.minimum(cls, _UPPER)]
        contains = self.contains_break
        for k in np.flatnonzero((kind == _IRREGULAR) | (cls == _ANY)).tolist():
            out[k] = contains(text[int(word_start[k]):int(context_end[k])])
        decided[period] = out
        return decided

    def _word_kinds(self, text: str, codes: np.ndarray, starts: np.ndarray,
                    ends: np.ndarray) -> np.ndarray:
        """What each word ``text[starts[k]:ends[k]]`` is (:meth:`_word`; -1 for no word),
        looked up once per distinct word: words of up to :data:`_WORD_WIDTH` characters
        are told apart by their code points, laid out as rows of a matrix."""
        kind = np.full(len(starts), -1, dtype=np.int64)
        lengths = ends - starts
        short = np.flatnonzero((lengths > 0) & (lengths <= _WORD_WIDTH))
        if len(short):
            at = starts[short, None] + np.arange(_WORD_WIDTH)
            inside = at < ends[short, None]
            rows = np.where(inside, codes[np.minimum(at, len(codes) - 1)], 0)
            rows = np.column_stack([lengths[short], rows]).astype(np.uint32)
            keys = np.ascontiguousarray(rows).view(
                np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
            _, first, codes_of = np.unique(keys, return_index=True, return_inverse=True)
            word = self._word
            distinct = np.array([word(text[int(starts[short[k]]):int(ends[short[k]])])
                                 for k in first.tolist()], dtype=np.int64)
            kind[short] = distinct[codes_of.reshape(-1)]
        word = self._word
        for k in np.flatnonzero(lengths > _WORD_WIDTH).tolist():
            kind[k] = word(text[int(starts[k]):int(ends[k])])
        return kind

    def _slices(self, text: str, codes: np.ndarray, breaks: np.ndarray,
                next_at: np.ndarray, line: np.ndarray, line_start: np.ndarray,
                line_end: np.ndarray, keep_line: np.ndarray, *, strip: bool
                ) -> tuple[np.ndarray, np.ndarray]:
        """Punkt's slices from the breaks, realigned, as ``_slices_from_text`` and
        ``_realign_boundaries`` make them (stripped when ``strip``)."""
        lines = np.flatnonzero(keep_line)
        # each line's last slice ends at its last character that is not white space
        first = line_start[lines]
        last = _scan(codes, line_end[lines] - 1, -1, _PY_SPACE, limit=first,
                     finish=lambda p, i: first[i] - 1 + len(text[first[i]:p + 1].rstrip())
                     ) + 1
        n_breaks = np.bincount(line, minlength=len(line_start))[lines]
        slice_line = np.repeat(lines, n_breaks + 1)
        total = len(slice_line)
        is_last = np.zeros(total, dtype=bool)
        last_pos = np.cumsum(n_breaks + 1) - 1
        is_last[last_pos] = True
        stop = np.empty(total, dtype=np.int64)
        stop[is_last] = last
        stop[~is_last] = breaks + 1
        following = np.where(next_at >= 0, next_at, breaks + 1)
        start = np.empty(total, dtype=np.int64)
        first_pos = last_pos - n_breaks
        start[first_pos] = line_start[lines]
        rest = np.ones(total, dtype=bool)
        rest[first_pos] = False
        start[rest] = following

        # realignment: a slice followed (in its line) by one starting with closing marks
        shift = np.zeros(total, dtype=np.int64)
        new_stop = stop.copy()
        matched = np.zeros(total, dtype=bool)
        pairs = np.flatnonzero(~is_last)  # slice k and k + 1 in the same line
        if len(pairs):
            nxt_start, nxt_stop = start[pairs + 1], stop[pairs + 1]
            maybe = (nxt_start < nxt_stop) & ((_flags(codes[nxt_start]) & _CLOSING) > 0)
            for k, a, b in zip(pairs[maybe].tolist(), nxt_start[maybe].tolist(),
                               nxt_stop[maybe].tolist(), strict=True):
                m = _REALIGN.match(text, a, b)
                if m:
                    matched[k] = True
                    new_stop[k] = a + len(m.group(0).rstrip())
                    shift[k + 1] = m.end() - a
        start = start + shift
        keep = matched | (start < stop)
        start, stop = start[keep], new_stop[keep]
        if strip and len(start):
            edge = ((_flags(codes[start]) & _PY_SPACE) > 0) | (
                (_flags(codes[np.maximum(stop - 1, 0)]) & _PY_SPACE) > 0) | (start >= stop)
            if edge.any():
                for k in np.flatnonzero(edge).tolist():
                    piece = text[start[k]:stop[k]]
                    stripped = piece.strip()
                    lead = len(piece) - len(piece.lstrip())
                    start[k] += lead
                    stop[k] = start[k] + len(stripped)
                nonempty = start < stop
                start, stop = start[nonempty], stop[nonempty]
        return start, stop


def _decide_table() -> list[list[bool]]:
    """Punkt's decision after a word of each kind (_PLAIN ... _NUMBER) followed by a token
    of each class (_OTHER ... _UPPER); index -1: no word (the period stands alone)."""
    table = []
    for kind in (_PLAIN, _ABBREV, _INITIAL_W, _NUMBER):
        row = []
        for cls in (_OTHER, _PUNCT, _LOWER, _UPPER):
            brk = kind != _ABBREV
            if kind in (_INITIAL_W, _NUMBER):
                if cls in (_PUNCT, _LOWER) or (kind == _INITIAL_W and cls == _UPPER):
                    brk = False
            row.append(brk)
        table.append(row)
    table.append([True] * 4)  # a period without a word before it
    return table


_DECIDE = _decide_table()
#: The same table as an array: row -1 (the last) for a candidate without a word, and a row
#: of any value for an irregular word (decided apart).
_DECIDE_ARRAY = np.array(_DECIDE + [[False] * 4], dtype=bool)[[0, 1, 2, 3, 5, 4]]
#: Words before a candidate up to this long are told apart in bulk (longer ones one by one).
_WORD_WIDTH = 24
