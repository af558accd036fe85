"""Quotation marks: which marks open and close a quotation, and which are apostrophes."""

from __future__ import annotations

import re

__all__ = ["quotes_marks", "quotes_typography"]

_DOUBLE_CLOSERS = {"„": "”“\"", "“": "”\"", "”": "”", '"': '"', "«": "»", "‹": "›"}
_SINGLE_CLOSERS = {"‘": "’", "‚": "’‘", "’": "’", "'": "'"}
_CLOSERS = {**_DOUBLE_CLOSERS, **_SINGLE_CLOSERS}
_MARKS = re.compile("[„“”\"«»‹›‘’‚']")
_ELISION = re.compile(r"['’](?:s|t|n|k|m|r|\d{2})(?!\w)", re.IGNORECASE)


# Dutch newspaper typography (AD and the regional papers): two commas open a quotation,
# two apostrophes (or a right double quotation mark) close it: ,,Nee'', zei hij.
_COMMAS_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[:;—–-])),,(?=[^\s,])", re.MULTILINE)
_APOSTROPHES_CLOSE = re.compile(r"(?<=\S)''|''(?=[\s,.;:!?)\]—–-]|$)")


def quotes_typography(text: str) -> str:
    """``text`` with the two-character quotation marks of Dutch newspaper typography written
    as one mark each, at the same offsets: ``,,`` that opens a quotation becomes `` „``
    and ``''`` that closes one becomes ``” `` (a space takes the second character), so
    every offset into the result is an offset into ``text``.

    >>> quotes_typography(",,Nee'', zei hij. Zo'n ''grap''.")
    " „Nee” , zei hij. Zo'n ''grap” ."
    >>> quotes_typography("1,,2 en a,,b") == "1,,2 en a,,b"
    True
    """
    if ",," not in text and "''" not in text:
        return text
    chars = list(text)
    for m in _COMMAS_OPEN.finditer(text):
        chars[m.start():m.end()] = [" ", "„"]
    for m in _APOSTROPHES_CLOSE.finditer(text):
        if chars[m.start()] == "'" and chars[m.start() + 1] == "'":
            chars[m.start():m.end()] = ["”", " "]
    return "".join(chars)


def _is_word(char: str) -> bool:
    return char.isalnum()


def quotes_marks(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The quotations marked in ``text``: ``(spans, unclosed)``.

    ``spans`` are the ``(open, close)`` offsets of the opening and closing mark of every
    outermost quotation (the quoted words are ``text[open + 1:close]``); a quote inside a
    quote is part of the outer one. A quotation runs over paragraphs only where the next
    paragraph opens with the same mark (the Dutch convention for long quotes).
    ``unclosed`` lists the offsets of opening marks that were never closed; they give no
    quotation. Every Dutch convention counts: „…”, “…”, "…", ‘…’, '…', «…», ‹…›, and the
    newspaper typography ,,…'' and ,,…” (see :func:`quotes_typography`; the opening offset
    is then that of the second comma, the closing one that of the first apostrophe).

    >>> t = "„Ik zei ‘nee’”, aldus Lavrov, zo'n man. Hij zei ‘ja"
    >>> spans, unclosed = quotes_marks(t)
    >>> [t[a + 1:b] for a, b in spans], unclosed
    (['Ik zei ‘nee’'], [48])
    >>> t = "Hij zei: ,,We gaan niet weg''. Zij: ,,Nooit.”"
    >>> [t[a + 1:b] for a, b in quotes_marks(t)[0]]
    ['We gaan niet weg', 'Nooit.']
    """
    return marks_in_view(quotes_typography(text))


def marks_in_view(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """:func:`quotes_marks` of a text already passed through :func:`quotes_typography`
    (for callers that keep that view themselves and need not make it twice)."""
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
