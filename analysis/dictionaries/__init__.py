"""Dictionaries of words and phrases and their matches: the one reader of dictionary files
(:mod:`.reader`: TOML, line numbers, "did you mean"), the frame file (:mod:`.frames`), the
frames a trained classifier labels (:mod:`.frames_model`), the matcher (:mod:`.matcher`),
the statistics of the matches (:mod:`.frames_stats`) and the actor file with its mentions
(:mod:`.actors`).

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".reader": ["DictionaryFileError", "DictionaryFile", "dictionary_parse", "dictionary_text"],
    ".frames": ["DEFAULT_FRAMES_FILE", "MATCH_COLUMNS", "FrameFileError", "Frame",
        "FrameDictionary", "frames_load", "frames_init", "frames_pattern_warnings",
        "OPERATOR_WORDS"],
    ".frames_model": ["FrameModel"],
    ".matcher": ["frames_match"],
    ".frames_stats": ["frames_count", "FrameTallies", "frames_from_tallies", "frames_audit",
        "frames_cooccurrence", "frames_kwic"],
    ".actors": ["DEFAULT_ACTORS_FILE", "MENTION_COLUMNS", "ActorFileError", "Actor",
        "ActorDictionary", "actors_load", "actors_init", "actors_match", "actors_count"],
})
