"""Discourse analysis of Dutch news: corpus loading, vocabulary, framing and sentiment.

The package is organised in layers, each importing only the ones below it:

- :mod:`analysis.cli` (the ``discourse`` command) and :mod:`analysis.notebooks`
- :mod:`analysis.textplot`: plot functions that return matplotlib Figures;
  :mod:`analysis.figures`: ``figure_save``, ``table_save`` (the one figure helper)
- :mod:`analysis.timeline`: frames and tone per period, from frames and sentiment
- the analyses: :mod:`analysis.textstat`, :mod:`analysis.kwic`, :mod:`analysis.frames`,
  :mod:`analysis.sentiment` (a package: one module per concern, a registry of methods)
- :mod:`analysis.tokens`: ``sentences_split``, ``tokens_tokenize``, ``tokens_corpus``;
  :mod:`analysis.tokenstore`: the sentences and tokens of a corpus kept on disk between runs
- :mod:`analysis.corpus` (a package: one reader per input format, chosen by a registry):
  ``corpus_load``, ``corpus_check``, ``corpus_summary``
- :mod:`analysis.text` (what a word is), :mod:`analysis.io` (the output guard, atomic
  write, file hash), :mod:`analysis.tables` (missing-group label, column check, ``by=``),
  :mod:`analysis.periods` (dates binned into periods, for every ``period=``),
  :mod:`analysis.bootstrap` (the cluster bootstrap over articles),
  :mod:`analysis.paths`, :mod:`analysis.parallel`"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dutch-discourse")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
