"""Doubtful articles: what ``discourse check`` warns about while the articles still load.

An article is doubtful when

- its date lies in the future (a typing error, or a date format read the wrong way round)
  or before :data:`FIRST_YEAR` (earlier than any newspaper: often a missing date read as
  the year 1),
- its text holds no words, only punctuation or invisible characters (an export that lost
  the article), or only numbers (the wrong column taken for the text), or
- its text is not Dutch (:mod:`analysis.text.language`): the stopwords, the sentiment lexicon
  and the classifier are Dutch, so their numbers mean nothing for it.

Dates with a time zone are reported by the readers, once per file (see
:func:`analysis.corpus.values._zone_warning`). :func:`outlet_lookalikes` finds outlet names
that look alike but differ in their characters (letters of another alphabet, invisible
characters), which would be counted as outlets of their own.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Mapping

from analysis.corpus.readers.base import Entry
from analysis.periods.binning import FIRST_YEAR
from analysis.text.language import LanguageGuess, language_guess

__all__ = ["doubts_check", "outlet_lookalikes", "FIRST_YEAR"]


_WORD_CHARACTER = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_DUTCH_HINT = ("The stopwords, the sentiment lexicon and the classifier are Dutch: their "
                   "numbers mean nothing for it. Leave it out, or check that it belongs in "
                   "the corpus.")


def doubts_check(entries: list[Entry], *, today: _dt.date | None = None) -> None:
    """Add a warning to every loaded entry whose article is doubtful (see the module
    docstring). ``today`` (default: the date today) decides what lies in the future."""
    now = (today or _dt.date.today()).isoformat()
    guesses: dict[str, LanguageGuess] = {}  # a text repeated (an export's copies) is read once
    for entry in entries:
        record = entry.record
        if record is None or any(p.severity == "error" for p in entry.problems):
            continue
        doc_id, date, text = record["doc_id"], record.get("date"), record["text"] or ""
        if date and date > now[:len(date)]:
            entry.warn(f"article {doc_id!r} is dated {date}, which lies in the future.",
                       "Check the date.")
        elif date and date < f"{FIRST_YEAR:04d}":
            entry.warn(f"article {doc_id!r} is dated {date}, before {FIRST_YEAR}, earlier "
                       "than any newspaper.", "Check the date (a date that was missing is "
                       "often read as the year 1).")
        if _WORD_CHARACTER.search(text) and not _LETTER.search(text):
            entry.warn(f"article {doc_id!r} holds no words, only numbers.",
                       "Check that the text column is the column of the article texts "
                       "(--text-column, text_column=...).")
            continue
        if not _WORD_CHARACTER.search(text):
            entry.warn(f"article {doc_id!r} holds no words, only punctuation or invisible "
                       "characters.", "Check the source: the article may have been exported "
                       "empty.")
            continue
        guess = guesses.get(text)
        if guess is None:
            guess = guesses[text] = language_guess(text)
        if guess.dutch is False:
            entry.warn(f"article {doc_id!r} {guess.describe()}", _NOT_DUTCH_HINT)


#: The Latin letters that a (lower-case) Cyrillic or Greek letter looks like or stands
#: for: the letters a name typed with a wrong keyboard layout or copied from a Cyrillic
#: source holds in place of Latin ones.
_LOOKALIKE = {
    "а": "a", "в": "bv", "е": "e", "ё": "e", "з": "z3", "і": "i", "ї": "i", "ј": "j",
    "к": "k", "м": "m", "н": "hn", "о": "o", "п": "pn", "р": "pr", "с": "cs", "т": "t",
    "у": "yu", "х": "xh", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b",
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "nh", "ι": "i", "κ": "k", "μ": "mu",
    "ν": "vn", "ο": "o", "ρ": "pr", "τ": "t", "υ": "uy", "χ": "x", "ω": "w", "ζ": "z",
}


def _script(char: str) -> str | None:
    """The alphabet of a letter (``LATIN``, ``CYRILLIC``, ``GREEK``, ...), None for any
    other character."""
    if not char.isalpha():
        return None
    return unicodedata.name(char, "?").split(" ")[0]


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Zl", "Zp") or char in "\u00a0\u2007\u202f"


def _plain(name: str) -> str:
    """``name`` without invisible characters, NFKC, case-folded."""
    return unicodedata.normalize("NFKC", "".join(c for c in name if not _invisible(c))
                                 ).casefold()


def _foreign(name: str) -> list[str]:
    """The letters of ``name`` that are not of its main alphabet (in ``NРC`` with a
    Cyrillic Р: the Р)."""
    scripts = [s for s in map(_script, name) if s]
    if not scripts:
        return []
    main = "LATIN" if "LATIN" in scripts else max(set(scripts), key=scripts.count)
    return [c for c in name if _script(c) not in (None, main)]


def _shown(name: str) -> str:
    """``name`` quoted, with invisible characters and letters of another alphabet written
    as ``\\uXXXX``."""
    odd = set(_foreign(name))
    return "'" + "".join(f"\\u{ord(c):04x}" if c in odd or _invisible(c) else c
                         for c in name) + "'"


def _why(name: str) -> str:
    parts = []
    invisible = [c for c in name if _invisible(c)]
    if invisible:
        kinds = sorted({unicodedata.name(c, f"U+{ord(c):04X}").lower() for c in invisible})
        parts.append(("a " if len(invisible) == 1 else f"{len(invisible)} ") + ", ".join(kinds)
                     + ("" if len(invisible) == 1 else "s"))
    foreign = _foreign(name)
    if foreign:
        scripts = sorted({_script(c).title() for c in foreign})
        parts.append(("a " if len(foreign) == 1 else f"{len(foreign)} ")
                     + "/".join(scripts) + (" letter" if len(foreign) == 1 else " letters"))
    return "; ".join(parts)


def outlet_lookalikes(counts: Mapping[str, int]) -> list[list[str]]:
    """Groups of outlet names (``counts``: articles per outlet) that look alike but differ
    in their characters: the same but for invisible characters (zero-width spaces, soft
    hyphens, joiners) or compatibility forms, or a name holding letters of another
    alphabet (a Cyrillic Р or С in a Latin name) that is the same as another name at every
    letter of its own alphabet. Each group is sorted with its plain names first; groups
    are sorted by their first name.

    >>> outlet_lookalikes({"NRC": 3, "N\u0420C": 1, "NOS": 2, "NO\u200bS": 1, "Trouw": 1})
    [['NOS', 'NO\u200bS'], ['NRC', 'N\u0420C']]
    """
    names = sorted(counts)
    keys = {name: _plain(name) for name in names}
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    by_key: dict[str, str] = {}
    for name in names:
        join(name, by_key.setdefault(keys[name], name))
    for name in names:
        foreign = set(_foreign(keys[name]))
        if not foreign:
            continue
        pattern = re.compile("".join(f"[{_LOOKALIKE.get(c, c)}]" if c in foreign
                                     else re.escape(c) for c in keys[name]))
        for other in names:
            if other != name and pattern.fullmatch(keys[other]):
                join(name, other)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    found = [sorted(g, key=lambda n: (bool(_why(n)), n)) for g in groups.values()
             if len(g) > 1]
    return sorted(found, key=lambda g: g[0])


def outlet_lookalikes_message(counts: Mapping[str, int]) -> str | None:
    """The warning naming every group of :func:`outlet_lookalikes`, or None."""
    groups = outlet_lookalikes(counts)
    if not groups:
        return None

    def one(name: str) -> str:
        why = _why(name)
        n = counts[name]
        return f"{_shown(name)} ({n} article{'' if n == 1 else 's'}{'; ' + why if why else ''})"

    listed = "; ".join(", ".join(one(n) for n in group) for group in groups)
    return (f"{len(groups)} group(s) of outlet names look alike but differ in their "
            f"characters, so each is counted as an outlet of its own: {listed}.")
