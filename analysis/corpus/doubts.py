"""Doubtful articles: what ``discourse check`` warns about while the articles still load.

An article is doubtful when

- its date lies in the future (a typing error, or a date format read the wrong way round),
- its text holds no words, only punctuation or invisible characters (an export that lost
  the article), or
- its text is not Dutch (:mod:`analysis.text.language`): the stopwords, the sentiment lexicon
  and the classifier are Dutch, so their numbers mean nothing for it.

Dates with a time zone are reported by the readers, once per file (see
:func:`analysis.corpus.values._zone_warning`).
"""

from __future__ import annotations

import datetime as _dt
import re

from analysis.corpus.readers.base import Entry
from analysis.text.language import language_guess

__all__ = ["doubts_check"]

_WORD_CHARACTER = re.compile(r"[^\W_]")
_NOT_DUTCH_HINT = ("The stopwords, the sentiment lexicon and the classifier are Dutch: their "
                   "numbers mean nothing for it. Leave it out, or check that it belongs in "
                   "the corpus.")


def doubts_check(entries: list[Entry], *, today: _dt.date | None = None) -> None:
    """Add a warning to every loaded entry whose article is doubtful (see the module
    docstring). ``today`` (default: the date today) decides what lies in the future."""
    now = (today or _dt.date.today()).isoformat()
    for entry in entries:
        record = entry.record
        if record is None or any(p.severity == "error" for p in entry.problems):
            continue
        doc_id, date, text = record["doc_id"], record.get("date"), record["text"] or ""
        if date and date > now[:len(date)]:
            entry.warn(f"article {doc_id!r} is dated {date}, which lies in the future.",
                       "Check the date.")
        if not _WORD_CHARACTER.search(text):
            entry.warn(f"article {doc_id!r} holds no words, only punctuation or invisible "
                       "characters.", "Check the source: the article may have been exported "
                       "empty.")
            continue
        guess = language_guess(text)
        if guess.dutch is False:
            entry.warn(f"article {doc_id!r} {guess.describe()}", _NOT_DUTCH_HINT)
