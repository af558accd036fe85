"""``discourse frames``: frame prominence per group, the match table and the audit."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

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
    corpus_from_args,
    grouped,
    grouping_from_args,
    output_path,
    write_table,
)


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
    frames = commands.add_parser(
        "frames", help="count the frames of a frame dictionary per outlet (or other column)",
        description="Find every match of every frame of a frame dictionary in the corpus and "
        "write, per group of articles, each frame's hits, hits per 1,000 words and the "
        "articles that have it. --matches writes every match (article, sentence, pattern, "
        "matched text, character offsets) so that any count can be checked; --audit prints "
        "what each frame's patterns caught. Start your own dictionary with "
        "`discourse frames --init myframes.toml`.",
        epilog="example: discourse frames corpus/ --frames myframes.toml --by outlet "
        "-o frames.csv --matches matches.csv --audit")
    add_corpus_arguments(frames, required=False)  # CORPUS is not needed with --init
    frames.add_argument("--frames", metavar="FILE", default=None,
                        help="the frame dictionary (TOML; default: the shipped one)")
    add_grouping_arguments(frames)
    frames.add_argument("-o", "--output", metavar="FILE", default=None, type=output_path,
                        help="write the counts to this CSV file (default: print them)")
    frames.add_argument("--matches", metavar="FILE", default=None, type=output_path,
                        help="write every match to this CSV file")
    frames.add_argument("--cooccurrence", metavar="FILE", default=None, type=output_path,
                        help="write the co-occurrence of frames within sentences to this CSV "
                        "file")
    frames.add_argument("--audit", action="store_true",
                        help="print each frame's matched forms with their counts")
    frames.add_argument("--fold-diacritics", action=argparse.BooleanOptionalAction,
                        default=None,
                        help="ignore accents and diaeresis, deëscalatie = deescalatie "
                        "(default: the dictionary's setting)")
    frames.add_argument("--init", metavar="FILE", default=None, type=output_path,
                        help="write the shipped frame dictionary to FILE for editing, "
                        "and stop")
    add_cluster_arguments(frames, rows="matches-dir",
                          rows_help="with --scheduler: write every match into this folder, "
                          "one Parquet file per partition")
    frames.set_defaults(func=run_frames)


def run_frames(args) -> int:
    from analysis.dictionaries.frames import FrameFileError, frames_init, frames_load
    from analysis.dictionaries.frames_stats import frames_audit, frames_cooccurrence, frames_count
    from analysis.dictionaries.matcher import frames_match

    if args.init:
        try:
            path = frames_init(args.init)
        except (FileExistsError, OSError) as exc:
            raise UserError(str(exc)) from None
        print(f"Wrote the frame dictionary to {path}; edit it, then run "
              f"`discourse frames CORPUS --frames {path}`.", file=sys.stderr)
        return 0
    if args.corpus is None:
        raise UserError("give a CORPUS to analyse, or --init FILE to write the frame "
                        "dictionary.")
    try:
        book = frames_load(args.frames)
    except FrameFileError as exc:
        raise UserError(str(exc)) from None
    if args.scheduler:
        return _frames_on_cluster(args, book)
    cluster_refuse(args, matches_dir="without it, give --matches FILE")
    corpus = corpus_from_args(args)
    by = grouping_from_args(args, corpus)
    matches = frames_match(corpus, book, fold_diacritics=args.fold_diacritics)
    if args.matches:
        write_table(matches, args.matches)
    if args.cooccurrence:
        write_table(frames_cooccurrence(matches, level="sentence"), args.cooccurrence)
    with grouped():
        counts = frames_count(matches, corpus, by=by, period=args.period)
    write_table(counts, args.output)
    if args.audit:
        audit = frames_audit(matches)
        print("\nAudit: what each frame's patterns caught")
        with pd.option_context("display.max_rows", None, "display.width", 200,
                               "display.max_colwidth", 60):
            print(audit.to_string(index=False, formatters={"share": "{:.1%}".format}))
    return 0


def _frames_on_cluster(args, book) -> int:
    from analysis.cluster import cluster_frames

    whole = "it needs the whole corpus at once"
    cluster_refuse(args, period=whole, dedupe=whole, near=whole, dropped=whole,
                   cooccurrence=whole, audit=whole,
                   matches="give --matches-dir DIR: one Parquet file per partition")
    with cluster_client(args) as client:
        counts = cluster_frames(args.corpus, client=client, frames=book, by=cluster_by(args),
                                fold_diacritics=args.fold_diacritics,
                                matches_dir=args.matches_dir,
                                corpus_options=cluster_corpus_options(args))
    cluster_notes(counts)
    write_table(counts, args.output)
    return 0
