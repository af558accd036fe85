"""Statistics of texts as quanteda.textstats computes them: lexical diversity
(:mod:`~analysis.statistics.lexdiv`), readability with Dutch syllable counting
(:mod:`~analysis.statistics.readability`, :mod:`~analysis.statistics.syllables`),
similarity and distance between documents or groups (:mod:`~analysis.statistics.similarity`)
and weighted count tables (:mod:`~analysis.statistics.weighting`).

Every function takes the token table of :func:`analysis.tokens.tokens_corpus` (or a count
table) and returns a long, tidy DataFrame. ``docs/guides/statistics.md`` lists every measure
with its formula and the quanteda name it matches.
"""

from analysis.statistics.lexdiv import LEXDIV_MEASURES, textstat_lexdiv
from analysis.statistics.readability import READABILITY_MEASURES, textstat_readability
from analysis.statistics.similarity import (
    DIST_METHODS,
    SIMIL_METHODS,
    textstat_dist,
    textstat_simil,
)
from analysis.statistics.syllables import syllables_count
from analysis.statistics.weighting import WEIGHTS, counts_weight

__all__ = ["textstat_lexdiv", "LEXDIV_MEASURES", "textstat_readability",
           "READABILITY_MEASURES", "syllables_count", "textstat_simil", "textstat_dist",
           "SIMIL_METHODS", "DIST_METHODS", "counts_weight", "WEIGHTS"]
