"""What the language tests share: the words only one language of the catalogue has, and the
words a figure shows (drawn, or written as SVG text)."""

from __future__ import annotations

import html
import re
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]{3,}")


def words_of(texts) -> set[str]:
    """The words (three letters or more, lower-cased) of ``texts``."""
    return {w.lower() for t in texts for w in _WORD.findall(t)}


def only_words(lang: str) -> set[str]:
    """The words of the catalogue's ``lang`` texts that none of the other language's have."""
    from analysis.output import LANGS, MESSAGES

    def words(texts):
        # placeholders such as {outlet_word} are no words of the language
        return words_of(re.sub(r"\{[^}]*\}", " ", t) for t in texts)

    mine = words(entry[lang] for entry in MESSAGES.values())
    others = words(entry[other] for entry in MESSAGES.values() for other in LANGS
                   if other != lang)
    return mine - others


def svg_texts(path: Path) -> list[str]:
    """Every text an SVG figure shows (the toolkit keeps text as text in SVG)."""
    svg = Path(path).read_text(encoding="utf-8")
    return [html.unescape(re.sub(r"<[^>]+>", " ", t))
            for t in re.findall(r"<text\b[^>]*>(.*?)</text>", svg, flags=re.S)]
