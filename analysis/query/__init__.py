"""Search strings as researchers write them (AmCAT/Lucene and Nexis Uni): boolean
operators, proximity, phrases, wildcards, fields and lemmas, run over the token tables.

- :mod:`analysis.query.parse`: the grammar and the query tree (:func:`query_parse`),
- :mod:`analysis.query.lemma`: Dutch lemmas, once per distinct word form,
- :mod:`analysis.query.index`: a corpus's tokens laid out once, terms matched per word form,
- :mod:`analysis.query.tree`: the query tree evaluated over that layout,
- :mod:`analysis.query.evaluate`: every hit of every query (:func:`query_hits`), the
  articles (or sentences, paragraphs) each query finds (:func:`query_search`) and their
  counts per group (:func:`query_summary`),
- :mod:`analysis.query.kwic`: each hit in its context (:func:`query_kwic`).

Frame and actor dictionaries take a search string per frame (``query = "..."``), and
``tokens_lemmatise`` (:mod:`analysis.query.lemma`) makes frequencies, keyness and
collocations count lemmas.

The syntax, with examples, is in ``docs/guides/search-strings.md``. Every name in
``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".parse": ["FIELDS", "QueryError", "Term", "Phrase", "Field", "And", "Or", "AndNot", "Not",
        "Near", "Node", "query_parse", "query_words", "queries_parse", "queries_read"],
    ".evaluate": ["NEGATORS_FILE", "HIT_COLUMNS", "SEARCH_COLUMNS", "Scope", "query_hits",
        "query_search", "query_summary", "query_evaluate", "QueryIndex"],
    ".kwic": ["query_kwic"],
    ".lemma": ["lemma_of", "lemmas_of", "tokens_lemmatise"],
})
