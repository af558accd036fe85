"""Topics found in the data: LDA, seeded LDA, their tables and a model file.

- :func:`topics_dtm`: the articles as the model sees them (stored tokens, stopwords and
  rare and common terms removed, words or lemmas),
- :func:`topics_fit`: LDA (Blei, Ng & Jordan 2003) with tomotopy, or seeded topics from a
  frame dictionary's patterns (:func:`topics_seeds`),
- :func:`topics_terms`, :func:`topics_docs`, :func:`topics_quality`,
  :func:`topics_prevalence`, :func:`topics_representative`: the tables,
- :func:`topics_select`: several K side by side (coherence against exclusivity),
- :func:`topics_save`, :func:`topics_load`, :func:`topics_apply`: the model file (no
  pickle) and scoring new articles with it.

The topic network (ANTMN) is in :mod:`analysis.networks`.
"""

from analysis.topics.lda import TopicModel, topics_fit, topics_k_auto, topics_seeds
from analysis.topics.model_file import (
    MODEL_FORMAT,
    topics_apply,
    topics_load,
    topics_model_bytes,
    topics_save,
)
from analysis.topics.quality import npmi_pairs, topics_exclusivity, topics_frex, topics_npmi
from analysis.topics.selection import topics_select
from analysis.topics.tables import (
    topics_compare_frames,
    topics_docs,
    topics_labels,
    topics_prevalence,
    topics_quality,
    topics_representative,
    topics_terms,
)
from analysis.topics.vocabulary import TopicCorpus, TopicsError, terms_unit, topics_dtm

__all__ = ["TopicCorpus", "TopicModel", "TopicsError", "MODEL_FORMAT", "topics_dtm",
           "terms_unit", "topics_fit", "topics_k_auto", "topics_compare_frames", "topics_seeds",
           "topics_terms", "topics_docs",
           "topics_quality", "topics_prevalence", "topics_representative", "topics_labels",
           "topics_select", "topics_save", "topics_load", "topics_apply",
           "topics_model_bytes", "npmi_pairs", "topics_npmi", "topics_exclusivity",
           "topics_frex"]
