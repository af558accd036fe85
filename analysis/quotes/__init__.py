"""Quotes: who speaks, directly and indirectly, and who gets to speak in each outlet.

:func:`quotes_find` finds every quotation in a corpus by Dutch quotation rules:

- **direct** quotes: words in quotation marks („…”, “…”, "…", ‘…’, '…', «…»), also when
  they run over several sentences or paragraphs, with the attribution before ("Lavrov:
  „…”"), inside („…”, zei hij, „…”) or after („…”, aldus de minister.). Apostrophes
  in words (zo'n, 's, ’91) are not quotation marks; a quote inside a quote belongs to the
  outer one; a title in quotation marks (het boek ‘…’) and a word in scare quotes without
  a speaker are not quotations; an unclosed quotation mark gives no quote;
- **indirect** quotes: reported speech ("X zei dat …", "X liet weten …", "…, zei X",
  "volgens X …", "…, aldus X"), given as the reported content.

The speaker is the actor of the actor dictionary (:mod:`analysis.dictionaries.actors`) named in the
attribution, else the noun phrase there; a pronoun or a short description ("zei hij",
"de minister") is resolved to the last person of the dictionary named in the same or the
previous two sentences, and marked as resolved; a quote that stands alone continues the
speaker of the quote before it. The speech verbs, the cues and the other word lists are
plain data files (:data:`SPEECH_VERBS_FILE` and the others), editable like the stopwords.

:func:`quotes_share` sums the quotes per outlet and actor group (who gets to speak),
:func:`quotes_direct` counts how many of each group's quotes are direct;
:func:`quotes_gold_locate` and :func:`quotes_validate` score the quotes against a
hand-coded sample (precision and recall of detection, accuracy of attribution).
"""

from __future__ import annotations

from analysis.quotes.find import QUOTE_COLUMNS, quotes_find
from analysis.quotes.marks import quotes_marks, quotes_typography
from analysis.quotes.rules import (
    ANAPHORA_FILE,
    CUES_FILE,
    NOT_SPEECH_FILE,
    SPEECH_VERBS_FILE,
    TITLE_WORDS_FILE,
    QuoteRules,
    quotes_rules,
)
from analysis.quotes.summary import NO_GROUP, quotes_direct, quotes_share
from analysis.quotes.validation import (
    CODED_BUNDLED_FILE,
    GOLD_COLUMNS,
    quotes_coded_load,
    quotes_gold_locate,
    quotes_validate,
)

__all__ = [
    "QUOTE_COLUMNS",
    "NO_GROUP",
    "GOLD_COLUMNS",
    "SPEECH_VERBS_FILE",
    "CUES_FILE",
    "NOT_SPEECH_FILE",
    "TITLE_WORDS_FILE",
    "ANAPHORA_FILE",
    "CODED_BUNDLED_FILE",
    "QuoteRules",
    "quotes_rules",
    "quotes_marks",
    "quotes_typography",
    "quotes_find",
    "quotes_share",
    "quotes_direct",
    "quotes_coded_load",
    "quotes_gold_locate",
    "quotes_validate",
]
