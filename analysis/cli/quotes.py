"""``discourse actors``, ``discourse quotes`` and ``discourse quotes-validate``: who is
named, who is quoted, and how well the quote finder agrees with a hand coding."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from analysis.cli import UserError, common
from analysis.cli.common import encoding_option, prose

__all__ = ["register"]


def register(commands) -> None:
    """Add ``actors``, ``quotes`` and ``quotes-validate`` to ``discourse``."""
    actors = commands.add_parser(
        "actors", help="count how often each actor (person, institution) is named, per outlet",
        description=prose("""
            Find every mention of every actor of an actor dictionary (names, titles and
            descriptions, in the pattern language of the frame dictionary) and write, per outlet
            (or --by column) and actor (or group with --level group): mentions, mentions per 1,000
            words and the share of articles that name the actor. --matches writes every mention
            (article, sentence, alias, matched text, character offsets). Start your own dictionary
            with `discourse actors --init myactors.toml`.
        """),
        epilog="example: discourse actors corpus/ --actors myactors.toml --by outlet "
        "-o actors.csv --matches mentions.csv")
    common.add_corpus_arguments(actors, required=False)  # CORPUS is not needed with --init
    _add_actors_option(actors)
    actors.add_argument("--by", metavar="COLUMN", default=None,
                        help="count per value of this corpus column (default: outlet)")
    actors.add_argument("--level", choices=("actor", "group"), default="actor",
                        help="one row per actor (default) or per group of actors")
    common.add_match_arguments(actors, "every mention")
    common.add_init_argument(actors, "actor")
    actors.set_defaults(func=run_actors)

    quotes = commands.add_parser(
        "quotes", help="find every quotation and its speaker",
        description=prose("""
            Find every direct quotation (in „…”, “…”, "…", ‘…’, '…' or «…», also over several
            sentences, with the attribution before, inside or after it) and every indirect one (X
            zei dat …, volgens X …, …, aldus X), with its speech verb and speaker: the actor of the
            actor dictionary, else the noun phrase; a pronoun is resolved to the last person named
            in the same or the two sentences before (column resolved), or left empty. One row per
            quotation: doc_id, outlet, sentence_id, start, end, quote, kind, verb, speaker_text,
            actor, label, group, resolved, words. --shares writes, per outlet and actor group, the
            share of the quotes and of the quoted words, for all, direct and indirect quotes.
        """),
        epilog="example: discourse quotes corpus/ --actors myactors.toml -o quotes.csv "
        "--shares who-speaks.csv")
    common.add_corpus_arguments(quotes)
    _add_actors_option(quotes)
    _add_word_list_options(quotes)
    quotes.add_argument("--by", metavar="COLUMN", default=None,
                        help="the column of --shares (default: outlet)")
    quotes.add_argument("-o", "--output", metavar="FILE", default=None, type=common.output_path,
                        help="write the quotations to this CSV file (default: print them)")
    quotes.add_argument("--shares", metavar="FILE", default=None, type=common.output_path,
                        help="write who speaks per outlet (shares of quotes and quoted "
                        "words per actor group) to this CSV file")
    quotes.set_defaults(func=run_quotes)

    validate = commands.add_parser(
        "quotes-validate", help="check the quote finder against your own hand coding",
        description=prose("""
            Score the quote finder against a hand-coded sample: a CSV or TSV file with one row per
            quotation and the columns doc_id (the article), kind (direct or indirect), quote (the
            quoted words exactly as in the article; for a direct quote without the quotation
            marks), speaker (as written) and actor (the id in the actor dictionary, empty when the
            speaker is none of its actors). Code every quotation of the articles you list; an
            article without quotations gets one row with an empty quote. Prints precision and
            recall of the quotes found, per kind, and the share of found quotes whose speaker is
            right.
        """),
        epilog="example: discourse quotes-validate coded.csv --corpus corpus.csv "
        "-o scores.csv --pairs pairs.csv  (the bundled corpus and its coding: "
        "discourse quotes-validate analysis/data/quotes_coded_bundled.csv)")
    validate.add_argument("file", metavar="FILE", help="CSV or TSV file of coded quotations")
    common.add_corpus_arguments(validate, positional=False)
    _add_actors_option(validate)
    _add_word_list_options(validate)
    validate.add_argument("--sample-encoding", default="utf-8", type=encoding_option,
                          help="the coded file's encoding (default: utf-8)")
    validate.add_argument("-o", "--output", metavar="FILE", default=None, type=common.output_path,
                          help="also write the scores to this CSV file")
    validate.add_argument("--pairs", metavar="FILE", default=None, type=common.output_path,
                          help="write every coded and every found quote with its outcome "
                          "(hit, wrong speaker, missed, false alarm) to this CSV file")
    validate.set_defaults(func=run_validate)


def _add_actors_option(parser) -> None:
    parser.add_argument("--actors", metavar="FILE", default=None,
                        help="the actor dictionary (TOML; default: the shipped one)")


def _add_word_list_options(parser) -> None:
    group = parser.add_argument_group("word lists (one word or phrase a line; default: the "
                                      "shipped ones in analysis/data/)")
    for option, what in (("speech-verbs", "speech verb forms"),
                         ("cues", "attribution cues (volgens, aldus, ...)"),
                         ("not-speech", "phrases that are no speech (kort gezegd, ...)"),
                         ("title-words", "words that introduce a title in quotation marks"),
                         ("anaphora", "pronouns and descriptions resolved to a speaker")):
        group.add_argument(f"--{option}", metavar="FILE", default=None, help=what)


def _actors(args):
    from analysis.dictionaries.actors import ActorFileError, actors_load

    try:
        return actors_load(args.actors)
    except ActorFileError as exc:
        raise UserError(str(exc)) from None


def _rules(args):
    from analysis.quotes import quotes_rules

    try:
        return quotes_rules(speech_verbs=args.speech_verbs, cues=args.cues,
                            not_speech=args.not_speech, title_words=args.title_words,
                            anaphora=args.anaphora)
    except FileNotFoundError as exc:
        raise UserError(f"{exc.filename}: no such file") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(str(exc)) from None


def run_actors(args) -> int:
    from analysis.dictionaries.actors import actors_count, actors_init, actors_match

    if common.dictionary_init(args, actors_init, kind="actor", option="--actors"):
        return 0
    book = _actors(args)
    corpus = common.corpus_from_args(args)
    by = common.grouping_from_args(args, corpus)
    mentions = actors_match(corpus, book)
    _alias_warnings(book, mentions)
    if args.matches:
        common.write_table(mentions, args.matches)
    common.write_table(actors_count(mentions, corpus, by=by, level=args.level), args.output)
    return 0


def _alias_warnings(book, mentions) -> None:
    """Aliases with operator words, each a warning; aliases that match nothing, counted."""
    from analysis.dictionaries.frames import frames_pattern_warnings

    warned = frames_pattern_warnings(book.as_frames(), mentions, unit="actor",
                                     pattern="alias")
    silent = [w for w in warned if w.endswith("matches nothing in the corpus.")]
    for line in warned:
        if line not in silent:
            print(f"warning: {line}", file=sys.stderr)
    if silent:
        some = "1 alias matches" if len(silent) == 1 else f"{len(silent)} aliases match"
        print(f"note: {some} nothing in the corpus (--matches lists what each actor's aliases "
              "caught)", file=sys.stderr)


def run_quotes(args) -> int:
    from analysis.quotes import quotes_find, quotes_share

    book = _actors(args)
    rules = _rules(args)
    corpus = common.corpus_from_args(args)
    by = common.grouping_from_args(args, corpus)
    found = quotes_find(corpus, book, rules=rules)
    for doc_id, offset in found.attrs.get("unclosed", []):
        print(f"note: article {doc_id}: a quotation mark opened at character {offset} is "
              "never closed; it gives no quotation", file=sys.stderr)
    common.write_table(found, args.output)  # the command's own output first
    if args.shares:
        common.write_table(quotes_share(found, by=by, corpus=corpus), args.shares)
    return 0


def run_validate(args) -> int:
    from analysis.paths import CORPUS_DIR
    from analysis.quotes import quotes_find, quotes_gold_locate, quotes_validate

    path = Path(args.file)
    sample = common.read_coded_sample(path, args.sample_encoding)
    if sample.empty:
        raise UserError(f"{path}: no rows to validate")
    book = _actors(args)
    rules = _rules(args)
    corpus = common.corpus_from_args(args, default=CORPUS_DIR)
    try:
        gold = quotes_gold_locate(sample, corpus, source=str(path))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    unknown = sorted(set(gold["actor"].astype(str)) - set(book.ids) - {""})
    if unknown:
        line = int((gold["actor"].astype(str) == unknown[0]).to_numpy().nonzero()[0][0]) + 2
        raise UserError(f"{path}, line {line}: actor {unknown[0]!r} is not in the actor "
                        f"dictionary {book.path}; use its ids (or leave actor empty)")
    docs = gold["doc_id"].astype(str).unique()
    subset = corpus[corpus["doc_id"].astype(str).isin(docs)].reset_index(drop=True)
    scores, pairs = quotes_validate(quotes_find(subset, book, rules=rules), gold)
    print(f"{len(docs)} article(s), {int(scores.iloc[-1]['coded'])} coded quotations")
    for row in scores.itertuples():
        print(f"{row.kind:>8}: coded {row.coded}, found {row.found}, hits {row.hits}; "
              f"precision {_fmt(row.precision)}, recall {_fmt(row.recall)}, "
              f"F1 {_fmt(row.f1)}; speaker right {row.attribution_correct} of {row.hits} "
              f"({_fmt(row.attribution_accuracy)})")
    wrong = pairs[pairs["outcome"] != "hit"]
    if len(wrong):
        print("\nNot in agreement (see --pairs for all):")
        with pd.option_context("display.max_rows", None, "display.width", 200,
                               "display.max_colwidth", 50):
            print(wrong[["doc_id", "quote", "actor", "found_quote", "found_actor",
                         "outcome"]].fillna("").to_string(index=False))
    if args.output:
        common.write_table(scores, args.output)
    if args.pairs:
        common.write_table(pairs, args.pairs)
    return 0


def _fmt(value: float) -> str:
    return "n/a" if pd.isna(value) else f"{value:.3f}"
