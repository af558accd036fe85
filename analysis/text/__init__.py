"""What a word is: text normalisation, the token pattern and word lists (:mod:`.words`),
the pattern rules shared by frames, actors and search strings (:mod:`.patterns`),
character spans (:mod:`.spans`) and the language of a text (:mod:`.language`).

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".words": ["INVISIBLE_CHARACTERS", "text_normalise", "text_invisible_count",
        "ABBREVIATIONS_FILE", "HYPHENS", "wordlist_load", "wordlist_parse",
        "abbreviations_load", "tokens_tokenize", "tokens_words", "tokens_count_words"],
    ".patterns": ["STAR", "BLANK", "JOIN", "pattern_words", "fold", "fold_char", "accented",
        "literal", "case_literal", "word_regex", "pattern_flags", "fold_lower_table"],
    ".spans": ["spans_overlap"],
    ".language": ["LANGUAGES_DIR", "READ_CHARS", "MIN_WORDS", "MIN_SHARE", "MIN_DUTCH_SHARE",
        "MIN_WORDS_UNKNOWN", "LanguageGuess", "language_profiles", "language_guess",
        "language_table"],
})
