"""``discourse frequencies``, ``keyness``, ``collocations`` and ``kwic``: the vocabulary of a
corpus as CSV tables (columns as documented in :mod:`analysis.vocabulary` and
:mod:`analysis.vocabulary.concordance`)."""

from __future__ import annotations

import argparse
import sys

from analysis.cli import UserError
from analysis.cli.cluster import (
    add_cluster_arguments,
    cluster_by,
    cluster_client,
    cluster_corpus_options,
    cluster_notes,
    cluster_refuse,
)
from analysis.cli.common import (
    add_corpus_arguments,
    add_grouping_arguments,
    add_output_argument,
    corpus_from_args,
    grouped,
    grouping_from_args,
    whole_number,
    write_table,
)

__all__ = ["register"]


_positive = whole_number(1)


def _add_token_arguments(parser: argparse.ArgumentParser, *, filters: bool = True) -> None:
    group = parser.add_argument_group("tokens")
    if filters:
        group.add_argument("--remove-stopwords", action="store_true",
                           help="leave out the shipped Dutch stopwords (or those of --stopwords)")
        group.add_argument("--stopwords", metavar="FILE", default=None,
                           help="a stopword file, one word a line (implies --remove-stopwords)")
        group.add_argument("--remove-numbers", action="store_true",
                           help="leave out numbers (2022, 127 duizend)")
        group.add_argument("--stem", action="store_true",
                           help="count Snowball Dutch stems (word families) instead of words")
    group.add_argument("--case-sensitive", action="store_true",
                       help="keep upper and lower case apart (default: lower-case everything)")


def _token_options(args) -> dict:
    """The tokens_corpus options of the command line."""
    from analysis.tokens.corpus_tables import stopwords_load

    stopwords = getattr(args, "stopwords", None)
    if stopwords is not None:
        from pathlib import Path

        if not Path(stopwords).is_file():
            raise UserError(f"stopword file {stopwords} not found; give a text file with one "
                            "word a line")
        try:
            stopwords = stopwords_load(stopwords)
        except ValueError as exc:
            raise UserError(f"the stopword file {exc}") from None
    return dict(
        lowercase=not args.case_sensitive,
        remove_stopwords=getattr(args, "remove_stopwords", False) or stopwords is not None,
        stopwords=stopwords,
        remove_numbers=getattr(args, "remove_numbers", False),
        stem=getattr(args, "stem", False),
    )


def _tokens(args, corpus):
    from analysis.tokens.corpus_tables import tokens_corpus

    return tokens_corpus(corpus, **_token_options(args))


_WHOLE = "it needs the whole corpus at once"


def _on_cluster(args, compute, **options) -> int:
    """Run ``compute`` (a function of :mod:`analysis.cluster`) on ``--scheduler``."""
    cluster_refuse(args, period=_WHOLE, dedupe=_WHOLE, near=_WHOLE, dropped=_WHOLE)
    by = cluster_by(args)
    token_options = _token_options(args)
    with cluster_client(args) as client:
        table = compute(args.corpus, client=client, by=by, ngram=args.ngram,
                        min_count=args.min_count, token_options=token_options,
                        corpus_options=cluster_corpus_options(args), **options)
    cluster_notes(table)
    write_table(table, args.output)
    return 0


def register(commands) -> None:
    """Add ``frequencies``, ``keyness``, ``collocations`` and ``kwic`` to ``discourse``."""
    freq = commands.add_parser(
        "frequencies", help="term frequencies per outlet (or another column), as CSV",
        description="Count every term (or n-gram) per group: count, per 1,000 tokens, "
        "number of articles, rank. Columns: <by>, term, count, per_1000, docfreq, rank; "
        "with --period first period and articles.")
    add_corpus_arguments(freq)
    add_grouping_arguments(freq)
    freq.add_argument("--ngram", type=_positive, default=1, metavar="N",
                      help="count n-grams of N words (default: 1); n-grams do not cross "
                      "punctuation or sentence ends")
    freq.add_argument("--min-count", type=_positive, default=1, metavar="N",
                      help="leave out terms seen fewer than N times in a group (default: 1)")
    _add_token_arguments(freq)
    add_cluster_arguments(freq)
    add_output_argument(freq)
    freq.set_defaults(func=run_frequencies)

    key = commands.add_parser(
        "keyness", help="keywords of each outlet against the rest of the corpus, as CSV",
        description="For each group against all other groups: log-likelihood G2 (Rayson & "
        "Garside 2000, signed), p, p adjusted for the number of terms tested, Log Ratio "
        "(Hardie 2014; a zero count counts as 0.5). Columns: <by>, term, count_target, "
        "count_reference, size_target, size_reference, per_1000_target, "
        "per_1000_reference, g2, p, p_adj, log_ratio, direction, significant. With "
        "--period each period is compared, within its --by group, with the other periods "
        "(--reference rest) or with the period before it (--reference previous: what is "
        "new); the columns then start with period, <by>, articles, reference.")
    add_corpus_arguments(key)
    add_grouping_arguments(key)
    key.add_argument("--reference", choices=("rest", "previous"), default="rest",
                     help="with --period: compare each period with all other periods (rest, "
                     "default) or with the period before it (previous)")
    key.add_argument("--ngram", type=_positive, default=1, metavar="N",
                     help="compare n-grams of N words (default: 1)")
    key.add_argument("--min-count", type=_positive, default=5, metavar="N",
                     help="test only terms seen at least N times in the corpus (default: 5)")
    key.add_argument("--adjust", choices=("bh", "holm"), default="bh",
                     help="p-value adjustment: bh = Benjamini-Hochberg (default), holm = Holm")
    key.add_argument("--alpha", type=float, default=0.05,
                     help="significance level for the adjusted p-value (default: 0.05)")
    key.add_argument("--g2", choices=("two-cell", "four-cell"), default="two-cell",
                     help="two-cell: Rayson & Garside's G2 (default); four-cell: quanteda's "
                     "textstat_keyness(measure = 'lr'), with --correction")
    key.add_argument("--correction", choices=("yates", "williams", "none"), default=None,
                     help="with --g2 four-cell: quanteda's correction (default: yates, as "
                     "quanteda)")
    _add_token_arguments(key)
    add_cluster_arguments(key)
    add_output_argument(key)
    key.set_defaults(func=run_keyness)

    coll = commands.add_parser(
        "collocations", help="word pairs (bigrams) or the words around a node, as CSV",
        description="Without --node: adjacent word pairs; with --node: the words within "
        "--window tokens of the node. Scores: count, expected, PMI, logDice, G2, p.")
    add_corpus_arguments(coll)
    coll.add_argument("--node", metavar="WORD", default=None,
                      help='the node: a word, a phrase ("koude oorlog") or a pattern (escal*)')
    coll.add_argument("--window", type=_positive, default=5, metavar="N",
                      help="tokens on each side of the node (default: 5)")
    coll.add_argument("--min-count", type=_positive, default=2, metavar="N",
                      help="leave out pairs seen fewer than N times (default: 2)")
    _add_token_arguments(coll)
    add_output_argument(coll)
    coll.set_defaults(func=run_collocations)

    kw = commands.add_parser(
        "kwic", help="keyword in context: every occurrence of a word, phrase or pattern",
        description="Every occurrence of PATTERN with its context. PATTERN is a word, a "
        'phrase ("koude oorlog") or a pattern with * and ? ("escal*"); case is ignored. '
        "Prints a concordance, or writes a CSV with the columns doc_id, outlet, "
        "sentence_id, position, left, match, right.")
    add_corpus_arguments(kw)
    kw.add_argument("pattern", metavar="PATTERN", help="word, phrase or pattern to find")
    kw.add_argument("--window", type=_positive, default=5, metavar="N",
                    help="words of context on each side (default: 5)")
    add_output_argument(kw, required=False)
    kw.set_defaults(func=run_kwic)


def run_frequencies(args) -> int:
    from analysis.vocabulary.frequency import textstat_frequency

    if args.scheduler:
        from analysis.cluster import cluster_frequency

        return _on_cluster(args, cluster_frequency)
    cluster_refuse(args)
    corpus = corpus_from_args(args)
    by = grouping_from_args(args, corpus)
    with grouped():
        table = textstat_frequency(_tokens(args, corpus), by=by, ngram=args.ngram,
                                   corpus=corpus, min_count=args.min_count, period=args.period)
    write_table(table, args.output)
    return 0


def run_keyness(args) -> int:
    from analysis.vocabulary.keyness import textstat_keyness

    if not 0 < args.alpha < 1:
        raise UserError(f"--alpha must lie between 0 and 1, not {args.alpha}")
    if args.reference == "previous" and args.period is None:
        raise UserError("--reference previous compares each period with the one before it: "
                        "give --period too")
    if args.correction is not None and args.g2 != "four-cell":
        raise UserError("--correction applies to the four-cell G2: give --g2 four-cell too")
    if args.scheduler:
        from analysis.cluster import cluster_keyness

        return _on_cluster(args, cluster_keyness, adjust=args.adjust, alpha=args.alpha,
                           g2=args.g2, correction=args.correction)
    cluster_refuse(args)
    corpus = corpus_from_args(args)
    by = grouping_from_args(args, corpus)
    with grouped():
        table = textstat_keyness(_tokens(args, corpus), by=by, ngram=args.ngram,
                                 corpus=corpus, min_count=args.min_count, adjust=args.adjust,
                                 alpha=args.alpha, period=args.period,
                                 reference=args.reference, g2=args.g2,
                                 correction=args.correction)
    write_table(table, args.output)
    return 0


def run_collocations(args) -> int:
    from analysis.vocabulary.collocations import textstat_collocations

    corpus = corpus_from_args(args)
    try:
        table = textstat_collocations(_tokens(args, corpus), node=args.node,
                                      window=args.window, min_count=args.min_count)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    write_table(table, args.output)
    return 0


def run_kwic(args) -> int:
    from analysis.tokens.corpus_tables import tokens_corpus
    from analysis.vocabulary.concordance import kwic, kwic_format

    corpus = corpus_from_args(args)
    try:
        table = kwic(tokens_corpus(corpus), corpus, args.pattern, window=args.window)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if args.output is None:
        print(kwic_format(table))
        print(f"{len(table)} occurrence(s) of {args.pattern!r}", file=sys.stderr)
    else:
        write_table(table, args.output)
    return 0
