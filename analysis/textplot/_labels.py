"""Dutch words for the grouping columns, as the figures show them."""

from __future__ import annotations

GROUP_WORDS = {"outlet": "medium", "doc_id": "artikel", "date": "datum", "country": "land"}


def group_word(by: str) -> str:
    """The Dutch word for grouping column ``by`` (the column name when there is none).

    >>> group_word("outlet"), group_word("section")
    ('medium', 'section')
    """
    return GROUP_WORDS.get(by, by)
