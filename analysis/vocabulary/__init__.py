"""Word statistics from the token table: frequencies (:mod:`.frequency`), keyness
(:mod:`.keyness`), collocations (:mod:`.collocations`), dispersion (:mod:`.dispersion`), the
association measures of keyness and collocations (:mod:`.association`),
keywords in context (:mod:`.concordance`) and the counting core they share (:mod:`.terms`).

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".frequency": ["TermCounts", "textstat_frequency", "frequency_from_counts"],
    ".keyness": ["textstat_keyness", "keyness_from_counts", "keyness_check",
                 "KEYNESS_MEASURES"],
    ".collocations": ["textstat_collocations", "COLLOCATION_MEASURES"],
    ".dispersion": ["textstat_dispersion"],
    ".concordance": ["kwic_match", "kwic", "kwic_format"],
    "analysis.tables": ["MISSING_GROUP"],
})
