"""Character spans ``[start, end)`` in articles: whether they overlap.

The frame matcher leaves out the matches that overlap an exclusion, and the lexicon leaves
out the words that overlap a frame match; both ask this one question.
"""

from __future__ import annotations

import numpy as np

__all__ = ["spans_overlap"]


_BLOCK = 1 << 20


def spans_overlap(doc: np.ndarray, start: np.ndarray, end: np.ndarray, match_doc: np.ndarray,
                  match_start: np.ndarray, match_end: np.ndarray) -> np.ndarray:
    """For each span [start, end) of article ``doc``: whether a match [a, b) of the same
    article overlaps it (a < end and b > start).

    The articles are laid end to end (offset ``doc * width + position``, ``width`` wider
    than any article's offsets), the matches sorted by their start with the running maximum
    of their ends: the matches starting before a span's end overlap it when the furthest
    end among them lies past its start. Memory grows with the matches; the spans are
    compared :data:`_BLOCK` at a time.
    """
    out = np.zeros(len(doc), dtype=bool)
    if not len(doc) or not len(match_doc):
        return out
    low = min(int(start.min()), int(end.min()), int(match_start.min()), int(match_end.min()))
    high = max(int(start.max()), int(end.max()), int(match_start.max()), int(match_end.max()))
    width = high - low + 1
    if (max(int(doc.max()), int(match_doc.max())) + 1) * width >= np.iinfo(np.int64).max:
        raise ValueError("the character offsets are too large to compare")
    m_start = match_doc * width + (match_start - low)
    order = np.argsort(m_start, kind="stable")
    m_start = m_start[order]
    reach = np.maximum.accumulate((match_doc * width + (match_end - low))[order])
    for a in range(0, len(doc), _BLOCK):  # a block of spans at a time: memory stays flat
        b = min(a + _BLOCK, len(doc))
        base = doc[a:b].astype(np.int64) * width - low
        last = np.searchsorted(m_start, base + end[a:b], side="left") - 1
        out[a:b] = (last >= 0) & (reach[np.maximum(last, 0)] > base + start[a:b])
    return out
