"""``discourse lexdiv``, ``readability`` and ``similarity``: lexical diversity, readability
and the similarity (or distance) of documents or groups, as CSV tables (columns as
documented in :mod:`analysis.statistics`)."""

from __future__ import annotations

import argparse

from analysis.cli.common import (
    UserError,
    add_command,
    add_output_argument,
    corpus_from_args,
    grouped,
    whole_number,
    write_table,
)

__all__ = ["register"]

_positive = whole_number(1)


def _measures(allowed: tuple[str, ...]):
    """An argparse type: one measure, a comma-separated list of them, or ``all``."""
    def parse(text: str) -> list[str]:
        names = [n.strip() for n in text.split(",") if n.strip()]
        if names == ["all"]:
            return list(allowed)
        wrong = [n for n in names if n not in allowed]
        if wrong or not names:
            raise argparse.ArgumentTypeError(
                f"unknown measure {', '.join(wrong) or repr(text)}; choose among "
                f"{', '.join(allowed)} (comma-separated), or all")
        return names
    return parse


def _by(args, corpus, default: str) -> str:
    by = args.by or default
    if by not in corpus.columns:
        raise UserError(f"the corpus has no column {by!r}; choose --by among: "
                        f"{', '.join(c for c in map(str, corpus.columns) if c != 'text')}")
    return by


def _add_by(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--by", metavar="COLUMN", default=None,
                        help=f"one value per group of this corpus column (default: {default}), "
                        "e.g. doc_id, outlet, date")


def register(commands) -> None:
    """Add ``lexdiv``, ``readability`` and ``similarity`` to ``discourse``."""
    from analysis.statistics import (
        DIST_METHODS,
        LEXDIV_MEASURES,
        READABILITY_MEASURES,
        SIMIL_METHODS,
        WEIGHTS,
    )

    lex = add_command(
        commands, "lexdiv",
        help="lexical diversity (TTR, MATTR, Yule's K, ...) per article or group",
        description="Lexical diversity of each article (or --by group), as quanteda's "
        "textstat_lexdiv: " + ", ".join(LEXDIV_MEASURES) + ". Columns: <by>, tokens, "
        "types, measure, value. Numbers are left out unless --keep-numbers.",
        func=run_lexdiv)
    _add_by(lex, "doc_id")
    lex.add_argument("--measure", type=_measures(LEXDIV_MEASURES), default=["TTR"],
                     metavar="NAME[,NAME]", help="the measures, comma-separated, or all "
                     "(default: TTR)")
    lex.add_argument("--mattr-window", type=_positive, default=100, metavar="N",
                     help="tokens in each MATTR window (default: 100)")
    lex.add_argument("--msttr-segment", type=_positive, default=100, metavar="N",
                     help="tokens in each MSTTR segment (default: 100)")
    lex.add_argument("--keep-numbers", action="store_true",
                     help="count numbers as tokens (default: leave them out, as quanteda)")
    add_output_argument(lex)

    read = add_command(
        commands, "readability",
        help="readability (Flesch-Douma, Brouwer, Flesch) per article or group",
        description="Readability of each article (or --by group): " +
        ", ".join(READABILITY_MEASURES) + ". Columns: <by>, sentences, words, syllables, "
        "measure, value.",
        func=run_readability)
    _add_by(read, "doc_id")
    read.add_argument("--measure", type=_measures(READABILITY_MEASURES),
                      default=["Flesch.Douma"], metavar="NAME[,NAME]",
                      help="the measures, comma-separated, or all (default: Flesch.Douma)")
    read.add_argument("--language", choices=("nl", "en"), default="nl",
                      help="the syllable rules: Dutch (default) or English")
    read.add_argument("--min-sentence-length", type=_positive, default=1, metavar="N",
                      help="leave out sentences of fewer than N words (default: 1)")
    add_output_argument(read)

    sim = add_command(
        commands, "similarity", help="similarity or distance of every pair of groups (or articles)",
        description="The similarity (" + ", ".join(SIMIL_METHODS) + ") or distance (" +
        ", ".join(DIST_METHODS) + ") of every pair of --by groups, from their word counts, "
        "as quanteda's textstat_simil and textstat_dist. Columns: <by>_1, <by>_2, <method>.",
        func=run_similarity)
    _add_by(sim, "outlet")
    sim.add_argument("--method", choices=SIMIL_METHODS + DIST_METHODS, default="cosine",
                     help="default: cosine")
    sim.add_argument("--weight", choices=WEIGHTS, default=None,
                     help="weigh the counts first: prop (share of the group's tokens), "
                     "tfidf (quanteda's dfm_tfidf), logcount (1 + log10 count)")
    sim.add_argument("--p", type=float, default=2.0, metavar="P",
                     help="the exponent of the minkowski distance (default: 2)")
    add_output_argument(sim)


def _per_group(args, textstat, **options) -> int:
    """Write ``textstat`` (a ``textstat_*`` of :mod:`analysis.statistics`) of the corpus's
    tokens, with ``--measure`` per ``--by`` group (default: per article) and ``options``."""
    from analysis.tokens import tokens_corpus

    corpus = corpus_from_args(args)
    by = _by(args, corpus, "doc_id")
    with grouped():
        table = textstat(tokens_corpus(corpus), measure=args.measure, by=by, corpus=corpus,
                         **options)
    write_table(table, args.output)
    return 0


def run_lexdiv(args) -> int:
    from analysis.statistics import textstat_lexdiv

    return _per_group(args, textstat_lexdiv, remove_numbers=not args.keep_numbers,
                      mattr_window=args.mattr_window, msttr_segment=args.msttr_segment)


def run_readability(args) -> int:
    from analysis.statistics import textstat_readability

    return _per_group(args, textstat_readability, language=args.language,
                      min_sentence_length=args.min_sentence_length)


def run_similarity(args) -> int:
    from analysis.statistics import SIMIL_METHODS, textstat_dist, textstat_simil
    from analysis.tokens import tokens_corpus

    corpus = corpus_from_args(args)
    by = _by(args, corpus, "outlet")
    if args.p != 2.0 and args.method != "minkowski":
        raise UserError("--p is the exponent of the minkowski distance: give --method "
                        "minkowski too")
    with grouped():
        tokens = tokens_corpus(corpus)
        if args.method in SIMIL_METHODS:
            table = textstat_simil(tokens, method=args.method, by=by, corpus=corpus,
                                   weight=args.weight)
        else:
            table = textstat_dist(tokens, method=args.method, by=by, corpus=corpus,
                                  weight=args.weight, p=args.p)
    write_table(table, args.output)
    return 0
