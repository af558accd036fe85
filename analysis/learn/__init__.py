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

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""


from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".errors": ["LearnError"],
    ".features": ["FEATURE_BLOCKS", "FEATURE_SETTINGS", "Features", "learn_lemmatise"],
    ".models": ["MODELS", "MODEL_DEFAULTS", "learn_model"],
    ".classifier": ["Classifier", "learn_fit", "learn_labels", "learn_prob_columns",
        "learn_settings"],
    ".training": ["LEARNING_CURVE", "learn_check", "learn_folds", "learn_metrics",
        "learn_crossvalidate", "learn_train"],
    ".store": ["MODEL_FORMAT_VERSION", "learn_save", "learn_load", "learn_report_load"],
    ".corpus": ["learn_classify"],
    ".active": ["learn_uncertain", "learn_uncertainty", "learn_sample_uncertain"],
    ".questions": ["FrameRule", "learn_questions", "learn_rule_apply", "learn_rule_parse",
        "learn_yes_no"],
})
