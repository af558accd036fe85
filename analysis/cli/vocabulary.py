"""``discourse frequencies``, ``keyness``, ``collocations`` and ``kwic``: the vocabulary of a
corpus as CSV tables (columns as documented in :mod:`analysis.vocabulary` and
:mod:`analysis.vocabulary.concordance`)."""

from __future__ import annotations

import argparse
import sys

from analysis.cli import UserError, cluster, common
from analysis.vocabulary.terms import MAX_NGRAM

__all__ = ["register"]


_positive = common.whole_number(1)
_ngram = common.whole_number(1, MAX_NGRAM)


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
    if filters:
        group.add_argument("--unit", choices=("word", "lemma"), default="word",
                           help="count words as written (default) or their lemmas (oorlogen "
                           "-> oorlog; Dutch lemmas by simplemma, once per distinct word)")


def _add_counting_arguments(parser: argparse.ArgumentParser, run) -> None:
    """The token options, the cluster options and ``-o`` of a counting command that
    ``run`` carries out."""
    _add_token_arguments(parser)
    cluster.add_cluster_arguments(parser)
    common.add_output_argument(parser)
    parser.set_defaults(func=run)


def _token_options(args) -> dict:
    """The tokens_corpus options of the command line."""
    from analysis.tokens.corpus_tables import stopwords_load

    if getattr(args, "stem", False) and getattr(args, "unit", "word") == "lemma":
        raise UserError("--stem and --unit lemma both change what is counted; choose one")
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

    tokens = tokens_corpus(corpus, **_token_options(args))
    if getattr(args, "unit", "word") == "lemma":
        from analysis.query.lemma import tokens_lemmatise

        tokens = tokens_lemmatise(tokens)
    return tokens


def _on_cluster(args, compute, **options):
    """The table of ``compute`` (a function of :mod:`analysis.cluster`) on
    ``--scheduler``, with every option of the in-process command."""
    by = cluster.cluster_grouping(args)
    token_options = _token_options(args)
    with cluster.cluster_client(args) as client, common.grouped():
        table = compute(args.corpus, client=client, by=by, ngram=args.ngram,
                        period=args.period, token_options=token_options,
                        unit=getattr(args, "unit", "word"),
                        corpus_options=cluster.cluster_corpus_options(args),
                        **cluster.cluster_dedupe(args), **options)
    cluster.cluster_notes(table, args)
    return table


def register(commands) -> None:
    """Add ``frequencies``, ``keyness``, ``collocations`` and ``kwic`` to ``discourse``."""
    freq = common.add_command(
        commands, "frequencies", help="term frequencies per outlet (or another column), as CSV",
        description="""
            Count every term (or n-gram) per group: count, per 1,000 tokens, number of articles,
            rank. Columns: <by>, term, count, per_1000, docfreq, rank; with --period first period
            and articles.
        """)
    common.add_grouping_arguments(freq)
    freq.add_argument("--ngram", type=_ngram, default=1, metavar="N",
                      help="count n-grams of N words (default: 1); n-grams do not cross "
                      "punctuation or sentence ends")
    freq.add_argument("--min-count", type=_positive, default=1, metavar="N",
                      help="leave out terms seen fewer than N times in a group (default: 1)")
    freq.add_argument("--weight", choices=("prop", "tfidf", "logcount"), default=None,
                      help="add a column of weighted counts, named after the weight: prop "
                      "(count / the group's tokens), tfidf (count x log10(groups / groups "
                      "with the term), quanteda's dfm_tfidf with the groups as documents), "
                      "logcount (1 + log10 count); computed before --min-count")
    _add_counting_arguments(freq, run_frequencies)

    key = common.add_command(
        commands, "keyness", help="keywords of each outlet against the rest of the corpus, as CSV",
        description="""
            For each group against all other groups: log-likelihood G2 (Rayson & Garside 2000,
            signed; or the statistic of --measure), p, p adjusted for the number of terms
            tested, Log Ratio (Hardie 2014; a zero count counts as 0.5). Columns: <by>, term,
            count_target, count_reference, size_target, size_reference, per_1000_target,
            per_1000_reference, g2, p, p_adj, log_ratio, direction, significant. With --period
            each period is compared, within its --by group, with the other periods (--reference
            rest) or with the period before it (--reference previous: what is new); the columns
            then start with period, <by>, articles, reference.
        """)
    common.add_grouping_arguments(key)
    key.add_argument("--reference", choices=("rest", "previous"), default="rest",
                     help="with --period: compare each period with all other periods (rest, "
                     "default) or with the period before it (previous)")
    key.add_argument("--ngram", type=_ngram, default=1, metavar="N",
                     help="compare n-grams of N words (default: 1)")
    key.add_argument("--min-count", type=_positive, default=5, metavar="N",
                     help="test only terms seen at least N times in the corpus (default: 5)")
    key.add_argument("--adjust", choices=("bh", "holm"), default="bh",
                     help="p-value adjustment: bh = Benjamini-Hochberg (default), holm = Holm")
    key.add_argument("--alpha", type=float, default=0.05,
                     help="significance level for the adjusted p-value (default: 0.05)")
    key.add_argument("--measure", choices=("g2", "lr", "chi2", "exact", "pmi"), default="g2",
                     help="the statistic, as quanteda's textstat_keyness(measure = ...): g2 "
                     "(default, see --g2), lr (quanteda's G2, with --correction), chi2 "
                     "(Pearson, with --correction, default yates), exact (Fisher's exact "
                     "test: conditional odds ratio), pmi (natural log); its column is named "
                     "g2, chi2, odds_ratio or pmi")
    key.add_argument("--g2", choices=("two-cell", "four-cell"), default="two-cell",
                     help="two-cell: Rayson & Garside's G2 (default); four-cell: quanteda's "
                     "textstat_keyness(measure = 'lr'), with --correction")
    key.add_argument("--correction", choices=("yates", "williams", "none"), default=None,
                     help="with --g2 four-cell, --measure lr or chi2: quanteda's correction "
                     "(default: yates, as quanteda)")
    _add_counting_arguments(key, run_keyness)

    coll = common.add_command(
        commands, "collocations", help="word pairs (bigrams) or the words around a node, as CSV",
        description="""
            Without --node: adjacent word pairs (or sequences of --size words); with --node: the
            words within --window tokens of the node. Scores: count, expected, PMI, logDice, G2, p,
            chi2, t, and for sequences quanteda's lambda and z.
        """,
        func=run_collocations)
    coll.add_argument("--node", metavar="WORD", default=None,
                      help='the node: a word, a phrase ("koude oorlog") or a pattern (escal*)')
    coll.add_argument("--window", type=_positive, default=5, metavar="N",
                      help="tokens on each side of the node (default: 5)")
    coll.add_argument("--min-count", type=_positive, default=2, metavar="N",
                      help="leave out pairs seen fewer than N times (default: 2)")
    coll.add_argument("--size", metavar="N[,N]", default="2",
                      help="without --node: sequences of N words, or several sizes "
                      "comma-separated (2,3), scored as quanteda's textstat_collocations: "
                      "collocation, count, count_nested, length, lambda, z (default: 2, word "
                      "pairs with every score)")
    coll.add_argument("--measure", choices=("g2", "lambda", "z", "pmi", "log_dice", "chi2",
                                            "t", "count"), default=None,
                      help="rank by this column, largest first (default: g2; z for --size "
                      "other than 2); lambda and z are quanteda's, chi2 and t NLTK's")
    _add_token_arguments(coll)
    common.add_output_argument(coll)

    kw = common.add_command(
        commands, "kwic", help="keyword in context: every occurrence of a word, phrase or pattern",
        description="""
            Every occurrence of PATTERN with its context. PATTERN is a word, a phrase ("koude
            oorlog") or a pattern with * and ? ("escal*"); case is ignored. Prints a concordance,
            or writes a CSV with the columns doc_id, outlet, sentence_id, position, left, match,
            right.
        """,
        func=run_kwic)
    kw.add_argument("pattern", metavar="PATTERN", nargs="?", default=None,
                    help="word, phrase or pattern to find")
    kw.add_argument("--query", metavar="[NAME=]STRING", action="append", default=[],
                    help="a search string instead of PATTERN (AND, OR, NOT, w/N, lemma:, ... "
                    "see docs/guides/search-strings.md); repeat for several")
    kw.add_argument("--queries", metavar="FILE", default=None,
                    help="a file of queries, one `label# query` a line")
    kw.add_argument("--window", type=_positive, default=5, metavar="N",
                    help="words of context on each side (default: 5)")
    common.add_output_argument(kw, required=False)


def run_frequencies(args) -> int:
    from analysis.vocabulary.frequency import textstat_frequency

    min_count = 1 if args.weight else args.min_count
    if args.scheduler:
        from analysis.cluster import cluster_frequency

        table = _on_cluster(args, cluster_frequency, min_count=min_count)
    else:
        cluster.cluster_refuse(args)
        corpus = common.corpus_from_args(args)
        by = common.grouping_from_args(args, corpus)
        with common.grouped():
            table = textstat_frequency(_tokens(args, corpus), by=by, ngram=args.ngram,
                                       corpus=corpus, min_count=min_count, period=args.period)
    if args.weight:
        with common.grouped():
            table = _weighted(table, args.weight, args.min_count)
    common.write_table(table, args.output)
    return 0


def _weighted(table, weight: str, min_count: int):
    """``table`` (every term of every group) with the column of ``weight``, then without
    the terms counted fewer than ``min_count`` times in a group."""
    from analysis.statistics import counts_weight

    columns = list(table.columns)
    keys = [c for c in columns[:columns.index("term")] if c != "articles"]
    group = table[keys].astype(str).agg("\x1f".join, axis=1)
    weighted = counts_weight(table.assign(_group=group), weight=weight, by="_group")
    weighted = weighted.drop(columns="_group")
    keep = weighted["term"].isna() | (weighted["count"] >= min_count)
    return weighted[keep.to_numpy()].reset_index(drop=True)


def run_keyness(args) -> int:
    from analysis.vocabulary.keyness import textstat_keyness

    if not 0 < args.alpha < 1:
        raise UserError(f"--alpha must lie between 0 and 1, not {args.alpha}")
    if args.reference == "previous" and args.period is None:
        raise UserError("--reference previous compares each period with the one before it: "
                        "give --period too")
    if args.correction is not None and args.measure in ("exact", "pmi"):
        raise UserError(f"--measure {args.measure} takes no --correction")
    if args.correction is not None and args.measure == "g2" and args.g2 != "four-cell":
        raise UserError("--correction applies to the four-cell G2: give --g2 four-cell (or "
                        "--measure lr) too")
    if args.g2 != "two-cell" and args.measure != "g2":
        raise UserError("--g2 chooses the G2 of --measure g2; leave it out with --measure "
                        f"{args.measure}")
    if args.scheduler:
        from analysis.cluster import cluster_keyness

        table = _on_cluster(args, cluster_keyness, min_count=args.min_count,
                            adjust=args.adjust, alpha=args.alpha, reference=args.reference,
                            measure=args.measure, g2=args.g2, correction=args.correction)
        common.write_table(table, args.output)
        return 0
    cluster.cluster_refuse(args)
    corpus = common.corpus_from_args(args)
    by = common.grouping_from_args(args, corpus)
    _many_groups_note(corpus, by)
    with common.grouped():
        table = textstat_keyness(_tokens(args, corpus), by=by, ngram=args.ngram,
                                 corpus=corpus, min_count=args.min_count, adjust=args.adjust,
                                 alpha=args.alpha, period=args.period,
                                 reference=args.reference, g2=args.g2,
                                 correction=args.correction, measure=args.measure)
    common.write_table(table, args.output)
    return 0


#: More groups than this, and keyness says that its table grows with them.
MANY_GROUPS = 1000


def _many_groups_note(corpus, by) -> None:
    """A note on stderr when ``by`` holds more than :data:`MANY_GROUPS` groups: keyness
    writes a row per term and group, so its table grows with terms times groups."""
    if not isinstance(by, str):
        return
    groups = int(corpus[by].nunique(dropna=False))
    if groups > MANY_GROUPS:
        print(f"note: --by {by} has {groups:,} groups, and keyness compares each with the "
              "rest: the table has a row per term and group, so it may run to millions of "
              "rows. A coarser --by column or a higher --min-count makes it smaller.",
              file=sys.stderr)


def run_collocations(args) -> int:
    from analysis.vocabulary.collocations import textstat_collocations

    try:
        sizes = [int(k) for k in args.size.split(",") if k.strip()]
    except ValueError:
        raise UserError(f"--size takes whole numbers, comma-separated (2,3), not "
                        f"{args.size!r}") from None
    if args.node is not None and sizes != [2]:
        raise UserError("--size applies to sequences: leave it out with --node")
    corpus = common.corpus_from_args(args)
    try:
        table = textstat_collocations(_tokens(args, corpus), node=args.node,
                                      window=args.window, min_count=args.min_count,
                                      size=sizes[0] if len(sizes) == 1 else sizes,
                                      measure=args.measure)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    common.write_table(table, args.output)
    return 0


def run_kwic(args) -> int:
    from analysis.tokens.corpus_tables import tokens_corpus
    from analysis.vocabulary.concordance import kwic, kwic_format

    if (args.pattern is None) == (not args.query and not args.queries):
        raise UserError("give a PATTERN, or search strings with --query or --queries (not "
                        "both)")
    if args.pattern is None:
        from analysis.cli.search import queries_from_args
        from analysis.query.kwic import query_kwic

        parsed = queries_from_args(args)
        corpus = common.corpus_from_args(args)
        table = query_kwic(corpus, parsed, window=args.window)
        what = ", ".join(repr(name) for name in parsed)
    else:
        corpus = common.corpus_from_args(args)
        try:
            table = kwic(tokens_corpus(corpus), corpus, args.pattern, window=args.window)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        what = repr(args.pattern)
    if args.output is None:
        print(kwic_format(table))
        print(f"{len(table)} occurrence(s) of {what}", file=sys.stderr)
    else:
        common.write_table(table, args.output)
    return 0
