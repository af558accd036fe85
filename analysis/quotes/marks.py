"""Quotation marks: which marks open and close a quotation, and which are apostrophes."""

from __future__ import annotations

import re

__all__ = ["quotes_marks"]

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
