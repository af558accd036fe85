"""``discourse search``: which articles each search string finds, with its hits."""

from __future__ import annotations

from analysis.cli import UserError
from analysis.cli.common import (
    add_command,
    add_grouping_arguments,
    add_output_argument,
    corpus_from_args,
    grouped,
    grouping_from_args,
    output_path,
    write_table,
)

__all__ = ["register", "queries_from_args"]


def register(commands) -> None:
    """Add ``search`` to ``discourse``."""
    search = add_command(
        commands, "search",
        help="the articles each search string (AmCAT or Nexis Uni syntax) finds",
        description="""
            Run named search strings over the corpus and write one row per article and query where
            the query holds: doc_id, outlet, date, title, query, hits (the stretches of text it
            matched), units (sentences or paragraphs where it holds, with --scope) and negated (hits
            with niet, geen, nooit, ... within three words before them). The syntax is that of
            AmCAT/Lucene and Nexis Uni: AND, OR (or a space), NOT, brackets, "phrases", wildcards *
            and ?, "a b"~N and a w/N b (within N words), w/s, w/p, pre/N, title:, text:, lemma:,
            =exact and ~s (case as written). All queries are run in one pass over the corpus's
            tokens.
        """,
        epilog="example: discourse search corpus/ --query 'sancties=sanctie* w/5 (rusland OR "
        "poetin)' --queries queries.txt -o hits.csv --summary per-outlet.csv",
        func=run_search)
    search.add_argument("--query", metavar="NAME=STRING", action="append", default=[],
                        help="a named search string (repeat for several); without NAME= the "
                        "string names itself")
    search.add_argument("--queries", metavar="FILE", default=None,
                        help="a file of queries, one `label# query` a line (AmCAT's format)")
    search.add_argument("--scope", choices=("article", "sentence", "paragraph"),
                        default="article",
                        help="where the whole query must hold: in the article (default), in "
                        "one sentence or in one paragraph")
    add_grouping_arguments(search)
    add_output_argument(search)
    search.add_argument("--summary", metavar="FILE", default=None, type=output_path,
                        help="also write, per query and group (--by, --period), the articles, "
                        "the articles found, their share and their hits")


def queries_from_args(args) -> dict:
    """The parsed queries of ``--query`` and ``--queries`` (a mistake is a :class:`UserError`
    naming the query and the column)."""
    from analysis.query.parse import QueryError, queries_named, queries_read, query_parse

    try:
        parsed = {}
        if getattr(args, "queries", None):
            parsed.update(queries_read(args.queries))
        for name, text in queries_named(args.query or []).items():
            if name in parsed:
                raise QueryError(f"the name {name!r} is given twice; give each query its own "
                                 "name", name=name)
            parsed[name] = query_parse(text, name=name)
    except QueryError as exc:
        raise UserError(str(exc)) from None
    if not parsed:
        raise UserError("give at least one --query NAME=STRING or --queries FILE.")
    return parsed


def run_search(args) -> int:
    from analysis.query.evaluate import query_search, query_summary

    parsed = queries_from_args(args)
    corpus = corpus_from_args(args)
    by = grouping_from_args(args, corpus)
    found = query_search(corpus, parsed, scope=args.scope)
    write_table(found, args.output)
    if args.summary:
        with grouped():
            summary = query_summary(found, corpus, by=by, period=args.period)
        write_table(summary, args.summary)
    return 0
