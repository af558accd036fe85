"""Discourse analysis of Dutch news: corpus loading, vocabulary, framing and sentiment.

The package follows the research pipeline, one package per step; each imports only the
ones below it (the layers contract in pyproject.toml):

- :mod:`analysis.cli` (the ``discourse`` command) and :mod:`analysis.notebooks`
- :mod:`analysis.cluster`: the same analyses over a partitioned corpus, on a cluster
- :mod:`analysis.textplot`: plot functions that return matplotlib Figures
- :mod:`analysis.output`: ``figure_save``, ``table_save`` (the one figure helper), tables
  for papers, captions and the message catalogue
- :mod:`analysis.timeline` (frames and tone per period) and :mod:`analysis.quotes`
- :mod:`analysis.dictionaries` (frame and actor dictionaries and their matches) and
  :mod:`analysis.sentiment` (a registry of methods)
- :mod:`analysis.vocabulary`: frequency, keyness, collocations, dispersion, KWIC, and
  :mod:`analysis.statistics`: lexical diversity, readability, similarity, weighting
- :mod:`analysis.tokens`: sentences, tokens, the compiled engine and the token store
- :mod:`analysis.corpus`: one reader per input format, chosen by a registry
- :mod:`analysis.text` (what a word is, spans, language) and :mod:`analysis.periods`
  (dates binned into periods, the cluster bootstrap over articles)
- helpers: :mod:`analysis.io` (the output guard, atomic write, file hash),
  :mod:`analysis.tables` (missing-group label, column check, ``by=``),
  :mod:`analysis.parallel`, :mod:`analysis.paths`, :mod:`analysis.textblob_compat`,
  :mod:`analysis.lazy`

The functions most analyses call are importable from ``analysis`` itself (``from analysis
import corpus_load, tokens_corpus, textstat_frequency``); each is imported when first used,
so ``import analysis`` stays quick.
"""

from importlib.metadata import PackageNotFoundError, version

from analysis.lazy import lazy_exports

try:
    __version__ = version("dutch-discourse")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "analysis.corpus": ["corpus_load", "corpus_check", "corpus_summary"],
    "analysis.tokens": ["sentences_split", "tokens_tokenize", "tokens_sentences",
                        "tokens_corpus", "stopwords_load"],
    "analysis.vocabulary": ["textstat_frequency", "textstat_keyness", "textstat_collocations",
                            "textstat_dispersion", "kwic", "kwic_match"],
    "analysis.statistics": ["textstat_lexdiv", "textstat_readability", "textstat_simil",
                            "textstat_dist"],
    "analysis.dictionaries": ["frames_load", "frames_init", "frames_match", "frames_count",
                              "frames_audit", "frames_cooccurrence", "frames_kwic",
                              "actors_load", "actors_init", "actors_match", "actors_count"],
    "analysis.sentiment": ["sentiment_lexicon", "sentiment_classifier", "sentiment_score",
                           "sentiment_corpus", "sentiment_aggregate", "sentiment_by_frame",
                           "sentiment_extremes", "sentiment_validate", "sentiment_train"],
    "analysis.quotes": ["quotes_find", "quotes_share", "quotes_direct"],
    "analysis.timeline": ["timeline_articles", "timeline_from_articles", "events_load"],
    "analysis.output": ["figure_save", "table_save"],
    "analysis.textplot": [
        "textplot_corpus_overview", "textplot_frames_heatmap", "textplot_frames_bars",
        "textplot_frames_cooccurrence", "textplot_quotes_share", "textplot_quotes_direct",
        "textplot_actors_heatmap", "textplot_sentiment_groups", "textplot_sentiment_frames",
        "textplot_sentiment_validity", "textplot_timeline", "textplot_new_terms",
        "textplot_frequency", "textplot_keyness", "textplot_xray"],
})
