"""Suggested captions for figures, in Dutch or English, for an author to paste and adapt.

A plot function says what its figure shows, with which measure and which interval method
(:func:`caption_set`); :func:`analysis.output.figure_save` adds the corpus the figure rests
on (:func:`caption_corpus`: articles, outlets, date range) and writes the caption into the
manifest and into ``CAPTIONS.md`` in the output folder (:func:`captions_markdown`).

>>> import pandas as pd
>>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["NOS", "NRC", "NOS"],
...                   "date": ["2022-01-10", "2022-01-12", None], "text": ["x", "y", "z"]})
>>> caption_corpus(c, "en")
'Corpus: 3 articles from 2 outlets (NOS, NRC), 10–12 January 2022.'
>>> caption_corpus(c, "nl")
'Corpus: 3 artikelen uit 2 media (NOS, NRC), 10–12 januari 2022.'
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

import pandas as pd

from analysis.output.messages import Lang, lang_check, msg, number

__all__ = ["caption_set", "caption_get", "caption_corpus", "caption_dates", "captions_markdown",
           "CAPTIONS_NAME"]

#: The file in the output folder that holds every figure's suggested caption.
CAPTIONS_NAME = "CAPTIONS.md"
#: Outlets are named in the caption up to this many.
NAMED_OUTLETS = 6

_MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")

# figure -> (what it shows, whether the corpus clause belongs to it)
_CAPTIONS: WeakKeyDictionary = WeakKeyDictionary()


def caption_set(fig, text: str, *, corpus: bool = True) -> None:
    """Say what ``fig`` shows (``text``: what, the measure, the interval method), for its
    suggested caption; ``corpus=False`` when the figure does not rest on the corpus (the
    validation against human codes)."""
    _CAPTIONS[fig] = (text, corpus)


def caption_get(fig) -> tuple[str, bool]:
    """What :func:`caption_set` said of ``fig``: (text, corpus clause wanted); ("", True)
    when nothing was said."""
    return _CAPTIONS.get(fig, ("", True))


def _date_parts(value: str) -> tuple[int, int | None, int | None] | None:
    match = _DATE.match(str(value).strip())
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _date_text(parts, lang: Lang) -> str:
    year, month, day = parts
    if month is None:
        return str(year)
    name = _MONTHS[lang][month - 1]
    return f"{day} {name} {year}" if day else f"{name} {year}"


def caption_dates(dates, lang: Lang = "nl") -> str:
    """The date range of ``dates`` (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` strings;
    others and missing ones are left out), written for readers of ``lang``; "" when none.

    >>> caption_dates(["2022-01-10", "2022-01-12"], "en")
    '10–12 January 2022'
    >>> caption_dates(["2021-12-30", "2022-01-02", "2022-01"], "nl")
    '30 december 2021 – 2 januari 2022'
    >>> caption_dates(["2022-01", "2022-01"], "en"), caption_dates([None], "en")
    ('January 2022', '')
    """
    lang_check(lang)
    known = [d for d in dates if not (d is None or pd.isna(d))]  # None, NaN and pd.NA
    parts = sorted({p for p in (_date_parts(d) for d in known) if p},
                   key=lambda p: (p[0], p[1] or 0, p[2] or 0))
    if not parts:
        return ""
    first, last = parts[0], parts[-1]
    if first == last:
        return _date_text(first, lang)
    if first[:2] == last[:2] and first[2] and last[2]:  # days of one month
        return f"{first[2]}–{_date_text(last, lang)}"
    return f"{_date_text(first, lang)} – {_date_text(last, lang)}"


def caption_corpus(corpus: pd.DataFrame, lang: Lang = "nl") -> str:
    """One sentence on the corpus a figure rests on: its articles, its outlets (named when
    there are at most six) and its date range, in ``lang``."""
    lang_check(lang)
    articles = len(corpus)
    outlets = list(pd.unique(corpus["outlet"].astype(str))) if "outlet" in corpus else []
    text = msg("caption.corpus", lang, articles=number(articles, lang),
               article_word=msg("caption.article" if articles == 1 else "caption.articles",
                                lang),
               outlets=number(len(outlets), lang),
               outlet_word=msg("caption.outlet" if len(outlets) == 1 else "caption.outlets",
                               lang))
    if 0 < len(outlets) <= NAMED_OUTLETS:
        text += f" ({', '.join(sorted(outlets, key=str.casefold))})"
    dates = caption_dates(corpus["date"].tolist(), lang) if "date" in corpus else ""
    return text + (f", {dates}" if dates else "") + "."


def captions_markdown(entries: list[dict[str, str]], lang: Lang = "nl") -> str:
    """The text of ``CAPTIONS.md``: a heading, then per figure (``name``, ``files``,
    ``notebook``, ``caption``, in the order given) its files and its caption."""
    lang_check(lang)
    lines = [f"# {msg('caption.heading', lang)}", "", msg("caption.intro", lang), ""]
    for entry in entries:
        lines += [f"## {entry['name']}", "",
                  msg("caption.files", lang, files=entry["files"],
                      notebook=entry["notebook"] or "-"), "",
                  entry["caption"], ""]
    return "\n".join(lines)
