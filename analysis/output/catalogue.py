"""The catalogue of words of every figure and paper table, in Dutch and English.

:data:`MESSAGES` maps each key (``area.what``) to its text in every language of
:data:`analysis.output.messages.LANGS`; :func:`analysis.output.messages.msg` fills in its
``{fields}``. The entries are kept in the data file ``analysis/data/messages.toml``: a new
plot adds its entries there, in both languages with the same fields.

>>> MESSAGES["corpus.words_title"]
{'nl': 'Woorden per {group}', 'en': 'Words per {group}'}
"""

from __future__ import annotations

import tomllib

from analysis.paths import DATA_DIR

__all__ = ["MESSAGES", "MESSAGES_FILE"]

#: The data file of the catalogue.
MESSAGES_FILE = DATA_DIR / "messages.toml"

# Keys are ``area.what``: one area per plot module or table family. Each value gives the
# text in every language of LANGS; ``{field}`` is filled in by msg().
MESSAGES: dict[str, dict[str, str]] = tomllib.loads(MESSAGES_FILE.read_text(encoding="utf-8"))
