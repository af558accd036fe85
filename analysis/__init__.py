"""Discourse analysis of Dutch news: corpus loading, vocabulary, framing and sentiment.

The package is organised in verb families, one module each:

- :mod:`analysis.corpus`: ``corpus_load``, ``corpus_check``, ``corpus_summary``
- :mod:`analysis.tokens`: ``sentences_split``, ``tokens_tokenize``, ``tokens_corpus``
- :mod:`analysis.figures`: ``figure_save``, ``table_save`` (the one figure helper)
- :mod:`analysis.textplot`: plot functions that return matplotlib Figures
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dutch-discourse")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
