"""Statistics of texts as quanteda.textstats computes them: lexical diversity
(:mod:`.lexdiv`), readability with Dutch syllable counting (:mod:`.readability`,
:mod:`.syllables`), similarity and distance between documents or groups
(:mod:`.similarity`) and weighted count tables (:mod:`.weighting`).

Every function takes the token table of :func:`analysis.tokens.tokens_corpus` (or a count
table) and returns a long, tidy DataFrame. ``docs/guides/statistics.md`` lists every measure
with its formula and the quanteda name it matches. Every name in ``__all__`` is importable
from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".lexdiv": ["textstat_lexdiv", "LEXDIV_MEASURES"],
    ".readability": ["textstat_readability", "READABILITY_MEASURES"],
    ".syllables": ["syllables_count"],
    ".similarity": ["textstat_simil", "textstat_dist", "SIMIL_METHODS", "DIST_METHODS"],
    ".weighting": ["counts_weight", "WEIGHTS"],
})
