"""One sentence where a notebook's table or figure comes out empty: why, and what to change.

Each ``note_*`` function returns the sentence (``None`` when there is nothing to say); a
notebook cell prints it with :func:`note_print`, so a reader of a small corpus learns why
a table has no rows or a figure has fewer panels than groups.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["note_print", "note_keyness", "note_collocations", "note_kwic", "note_frames",
           "note_sentiment_frames"]


def note_print(note: str | None) -> None:
    """Print ``note`` (a sentence from a ``note_*`` function) when there is one."""
    if note:
        print(note)


def _articles(corpus: pd.DataFrame) -> str:
    return f"{len(corpus):,} article{'s' if len(corpus) != 1 else ''}"


def note_keyness(keyness: pd.DataFrame, corpus: pd.DataFrame, *, by: str,
                 min_count: int) -> str | None:
    """Why the keyness table (of :func:`analysis.vocabulary.textstat_keyness`) has no
    significant term, or which groups have none.

    >>> corpus = pd.DataFrame({"outlet": ["A", "B"]})
    >>> k = pd.DataFrame({"outlet": pd.Categorical(["A", "B"]), "term": ["x", "x"],
    ...                   "significant": [False, False]})
    >>> print(note_keyness(k, corpus, by="outlet", min_count=5))  # doctest: +NORMALIZE_WHITESPACE
    No term is significant: of the 1 term(s) tested (those occurring at least 5 times), none
    differs between the groups of 'outlet' by more than chance allows after the correction
    for multiple testing (2 articles). Add articles, or lower min_count to test more terms.
    """
    if keyness.empty:
        return (f"No term occurs at least {min_count} times in the corpus ({_articles(corpus)}), "
                "so no term could be tested: lower min_count in this cell, or add articles.")
    significant = keyness[keyness["significant"]]
    tested = keyness["term"].nunique()
    if significant.empty:
        return (f"No term is significant: of the {tested:,} term(s) tested (those occurring at "
                f"least {min_count} times), none differs between the groups of {by!r} by more "
                f"than chance allows after the correction for multiple testing "
                f"({_articles(corpus)}). Add articles, or lower min_count to test more terms.")
    groups = [str(g) for g in keyness[by].astype("category").cat.categories]
    without = [g for g in groups if g not in set(significant[by].astype(str))]
    if without:
        return (f"{len(without)} of {len(groups)} groups have no significant term (their panel "
                f"says so): {', '.join(without)}.")
    return None


def note_collocations(collocations: pd.DataFrame, corpus: pd.DataFrame, *,
                      min_count: int) -> str | None:
    """Why the collocation table is empty.

    >>> note_collocations(pd.DataFrame(), pd.DataFrame({"x": [1]}), min_count=3)
    'No word pair occurs at least 3 times in the 1 article: lower min_count in this cell, or add articles.'
    """
    if not collocations.empty:
        return None
    return (f"No word pair occurs at least {min_count} times in the {_articles(corpus)}: lower "
            "min_count in this cell, or add articles.")


def note_kwic(lines: pd.DataFrame, pattern: str, corpus: pd.DataFrame) -> str | None:
    """Why a KWIC table is empty.

    >>> note_kwic(pd.DataFrame(), "koude oorlog", pd.DataFrame({"x": [1, 2]}))
    "'koude oorlog' does not occur in the 2 articles: change the pattern in this cell (* matches any letters)."
    """
    if not lines.empty:
        return None
    return (f"{pattern!r} does not occur in the {_articles(corpus)}: change the pattern in this "
            "cell (* matches any letters).")


def note_frames(matches: pd.DataFrame, corpus: pd.DataFrame, frames_file) -> str | None:
    """Why the frame tables are empty.

    >>> note_frames(pd.DataFrame(), pd.DataFrame({"x": [1]}), "f.toml")
    "No pattern of the frame dictionary f.toml occurs in the 1 article: check the dictionary's patterns against the frame audit of a corpus where they do occur, or widen them (e.g. sanctie*)."
    """
    if not matches.empty:
        return None
    return (f"No pattern of the frame dictionary {frames_file} occurs in the "
            f"{_articles(corpus)}: check the dictionary's patterns against the frame audit of "
            "a corpus where they do occur, or widen them (e.g. sanctie*).")


def note_sentiment_frames(by_frame: pd.DataFrame, corpus: pd.DataFrame) -> str | None:
    """Why there is no tone per frame (and so no figure of it).

    >>> note_sentiment_frames(pd.DataFrame(), pd.DataFrame({"x": [1, 2, 3]}))
    'No sentence of the 3 articles invokes a frame of the dictionary, so there is no tone per frame and no figure of it: see the frame audit of rq2, or use a dictionary whose patterns occur (frames_file).'
    """
    if not by_frame.empty:
        return None
    return (f"No sentence of the {_articles(corpus)} invokes a frame of the dictionary, so "
            "there is no tone per frame and no figure of it: see the frame audit of rq2, or use "
            "a dictionary whose patterns occur (frames_file).")
