"""Sentences and tokens of a corpus: Punkt sentences and the tokenizer's settings
(:mod:`.sentences`), the corpus tables every analysis reuses (:mod:`.corpus_tables`), the
compiled engine (:mod:`.compiled`) and the token store on disk (:mod:`.store`).

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".corpus_tables": ["STOPWORDS_FILE", "stopwords_load", "tokens_sentences", "tokens_corpus",
        "tokens_cache_clear", "STORE_MIN_CHARS"],
    ".sentences": ["sentences_split", "sentences_spans", "tokens_settings", "TOKENIZER_MODULES"],
    ".store": ["CACHE_DIR_ENV", "NO_CACHE_ENV", "MAX_GIB_ENV", "DEFAULT_MAX_GIB",
        "STORE_FORMAT", "STATS", "TokenStoreWarning", "StoreSettings", "tokenstore_settings",
        "tokenstore_using", "tokenstore_key", "tokenstore_load", "tokenstore_save",
        "tokenstore_entries", "tokenstore_clear", "size_text"],
    "analysis.text.words": ["ABBREVIATIONS_FILE", "wordlist_load", "abbreviations_load",
        "tokens_tokenize", "tokens_words", "tokens_count_words"],
})
