"""The words of every figure and paper table, in Dutch and English, from one catalogue.

Every title, axis label, legend, panel note and table header that a plot or a paper table
shows is an entry of :data:`MESSAGES`: a key (``area.what``) with its Dutch (``nl``) and
English (``en``) text, in which ``{name}`` fields are filled in by :func:`msg`. Numbers are
written with :func:`number`, which follows the language: decimal comma and a full stop
between thousands in Dutch (``1.234,5``), the other way round in English (``1,234.5``).

A new plot adds its entries to the catalogue, ``analysis/data/messages.toml`` (both
languages, the same ``{fields}`` in each; a test checks that) and calls
``msg("its.key", lang, ...)``; it never writes a word of its own.

>>> msg("keyness.title", "en", group=group_word("outlet", "en"))
'Keywords per outlet against the rest of the corpus'
>>> number(1234.5, "nl"), number(1234.5, "en"), number(0.0312, "en", digits=2)
('1.234,5', '1,234.5', '0.03')
"""

from __future__ import annotations

import string
from typing import Literal, get_args

from analysis.output.catalogue import MESSAGES

__all__ = ["Lang", "LANGS", "MESSAGES", "lang_check", "msg", "number", "group_word",
           "column_header", "method_name"]

#: The languages of figures and tables.
Lang = Literal["nl", "en"]
LANGS: tuple[str, ...] = get_args(Lang)


def lang_check(lang: str) -> Lang:
    """``lang`` when it is one of :data:`LANGS`; otherwise a ``ValueError`` that lists them.

    >>> lang_check("en")
    'en'
    >>> lang_check("de")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of 'nl', 'en', not 'de'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, LANGS))}, not {lang!r}")
    return lang  # type: ignore[return-value]


def msg(key: str, lang: Lang = "nl", /, **fields) -> str:
    """The text of catalogue entry ``key`` in ``lang``, with ``{fields}`` filled in.

    Numbers among ``fields`` should already be written with :func:`number`.

    >>> msg("frames.bars_title", "nl", group="medium")
    'Frames per medium'
    """
    lang_check(lang)
    try:
        entry = MESSAGES[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in analysis.output.MESSAGES; add it there "
                       "in every language") from None
    return entry[lang].format(**fields)


def fields_of(text: str) -> set[str]:
    """The ``{field}`` names of a catalogue text.

    >>> sorted(fields_of("{method}\\naccuracy {accuracy}"))
    ['accuracy', 'method']
    """
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def number(value: float, lang: Lang = "nl", *, digits: int | None = None,
           signed: bool = False) -> str:
    """``value`` written for readers of ``lang``: a thousands separator and the decimal
    mark of the language; ``digits`` decimals (None: as many as needed, up to six);
    ``signed`` puts ``+`` before positive numbers.

    >>> number(6031, "nl"), number(6031, "en"), number(-0.25, "nl", digits=2)
    ('6.031', '6,031', '-0,25')
    >>> number(1.5, "en", signed=True), number(0.0, "nl", digits=1, signed=True)
    ('+1.5', '0,0')
    """
    lang_check(lang)
    if digits is None:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{digits}f}"
    if text.lstrip("-").strip("0.,") == "":  # no "-0" or "-0.00"
        text = text.lstrip("-")
    elif signed and not text.startswith("-"):
        text = "+" + text
    if lang == "nl":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def group_word(by: str, lang: Lang = "nl") -> str:
    """The word for grouping column ``by`` in ``lang`` (the column name when the catalogue
    has none).

    >>> group_word("outlet"), group_word("outlet", "en"), group_word("krant")
    ('medium', 'outlet', 'krant')
    """
    key = f"group.{by}"
    return msg(key, lang) if key in MESSAGES else by


def column_header(column: str, lang: Lang = "nl") -> str:
    """The header of table column ``column`` in ``lang`` (the column name when the
    catalogue has none).

    >>> column_header("per_1000", "en"), column_header("per_1000", "nl")
    ('per 1,000 words', 'per 1.000 woorden')
    """
    key = f"column.{column}"
    if key not in MESSAGES:
        return column
    return msg(key, lang, thousand=number(1000, lang))


def method_name(method: str, lang: Lang = "nl") -> str:
    """The name of sentiment measure ``method`` in ``lang`` (the key when there is none).

    >>> method_name("classifier", "en")
    'Classifier (headlines)'
    """
    key = f"method.{method}"
    return msg(key, lang) if key in MESSAGES else method
