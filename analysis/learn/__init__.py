"""Classifiers learnt from a researcher's own codes: frames (0/1), topics, tone, any
category.

A classifier is features (:mod:`.features`: TF-IDF word n-grams, character n-grams,
simplemma lemma n-grams) and a model of the registry (:mod:`.models`: ``logreg``, ``svm``,
``nb``, scikit-learn, each with ``fit``/``predict_proba``). :func:`learn_train` checks the
codes, cross-validates on stratified folds, fits on all codes and reports accuracy,
macro-F1, Krippendorff's alpha, per-class figures, the confusion matrix and a learning
curve (:mod:`.training`). A model is saved as plain arrays and JSON with a SHA-256 checked
on loading, never pickled (:mod:`.store`). :func:`learn_classify` labels a corpus
(:mod:`.corpus`), :func:`learn_uncertain` draws the texts to code next (:mod:`.active`),
and :func:`learn_questions` learns a frame from indicator questions (:mod:`.questions`).
The sentiment classifier (:mod:`analysis.sentiment`) is trained, saved and reported with
this same code.
"""

from __future__ import annotations

from analysis.learn.active import learn_uncertain, learn_uncertainty
from analysis.learn.classifier import (
    Classifier,
    LearnError,
    learn_fit,
    learn_labels,
    learn_prob_columns,
    learn_settings,
)
from analysis.learn.corpus import learn_classify
from analysis.learn.features import FEATURE_BLOCKS, FEATURE_SETTINGS, Features, learn_lemmatise
from analysis.learn.models import MODEL_DEFAULTS, MODELS, learn_model
from analysis.learn.questions import (
    FrameRule,
    learn_questions,
    learn_rule_apply,
    learn_rule_parse,
    learn_yes_no,
)
from analysis.learn.store import (
    MODEL_FORMAT_VERSION,
    learn_load,
    learn_report_load,
    learn_save,
)
from analysis.learn.training import (
    LEARNING_CURVE,
    learn_check,
    learn_crossvalidate,
    learn_folds,
    learn_metrics,
    learn_train,
)

__all__ = [
    "Classifier", "LearnError", "Features", "FrameRule",
    "FEATURE_BLOCKS", "FEATURE_SETTINGS", "MODELS", "MODEL_DEFAULTS", "MODEL_FORMAT_VERSION",
    "LEARNING_CURVE",
    "learn_fit", "learn_labels", "learn_prob_columns", "learn_settings", "learn_model",
    "learn_lemmatise", "learn_check", "learn_folds", "learn_metrics", "learn_crossvalidate",
    "learn_train", "learn_save", "learn_load", "learn_report_load", "learn_classify",
    "learn_uncertain", "learn_uncertainty", "learn_questions", "learn_rule_parse",
    "learn_rule_apply", "learn_yes_no",
]
