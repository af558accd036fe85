"""``discourse frames``: frame prominence per group, the match table and the audit."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from analysis.cli import UserError, cluster, common
from analysis.cli.common import prose


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
    frames = commands.add_parser(
        "frames", help="count the frames of a frame dictionary per outlet (or other column)",
        description=prose("""
            Find every match of every frame of a frame dictionary in the corpus and write, per
            group of articles, each frame's hits, hits per 1,000 words and the articles that have
            it. --matches writes every match (article, sentence, pattern, matched text, character
            offsets) so that any count can be checked; --audit prints what each frame's patterns
            caught. Start your own dictionary with `discourse frames --init myframes.toml`.
        """),
        epilog="example: discourse frames corpus/ --frames myframes.toml --by outlet "
        "-o frames.csv --matches matches.csv --audit")
    common.add_corpus_arguments(frames, required=False)  # CORPUS is not needed with --init
    frames.add_argument("--frames", metavar="FILE", default=None,
                        help="the frame dictionary (TOML; default: the shipped one)")
    common.add_grouping_arguments(frames)
    common.add_match_arguments(frames, "every match")
    frames.add_argument("--cooccurrence", metavar="FILE", default=None, type=common.output_path,
                        help="write the co-occurrence of frames within sentences to this CSV "
                        "file")
    frames.add_argument("--audit", action="store_true",
                        help="print each frame's matched forms with their counts")
    frames.add_argument("--fold-diacritics", action=argparse.BooleanOptionalAction,
                        default=None,
                        help="ignore accents and diaeresis, deëscalatie = deescalatie "
                        "(default: the dictionary's setting)")
    common.add_init_argument(frames, "frame")
    cluster.add_cluster_arguments(frames, rows="matches-dir",
                          rows_help="with --scheduler: write every match into this folder, "
                          "one Parquet file per partition")
    frames.set_defaults(func=run_frames)


def run_frames(args) -> int:
    from analysis.dictionaries.frames import FrameFileError, frames_init, frames_load
    from analysis.dictionaries.frames_stats import frames_audit, frames_cooccurrence, frames_count
    from analysis.dictionaries.matcher import frames_match

    if common.dictionary_init(args, frames_init, kind="frame", option="--frames"):
        return 0
    try:
        book = frames_load(args.frames)
    except FrameFileError as exc:
        raise UserError(str(exc)) from None
    if args.scheduler:
        return _frames_on_cluster(args, book)
    cluster.cluster_refuse(args, matches_dir="without it, give --matches FILE")
    corpus = common.corpus_from_args(args)
    by = common.grouping_from_args(args, corpus)
    matches = frames_match(corpus, book, fold_diacritics=args.fold_diacritics)
    warned = _pattern_warnings(book, matches)
    if args.matches:
        common.write_table(matches, args.matches)
    if args.cooccurrence:
        common.write_table(frames_cooccurrence(matches, level="sentence"), args.cooccurrence)
    with common.grouped():
        counts = frames_count(matches, corpus, by=by, period=args.period)
    common.write_table(counts, args.output)
    if args.audit:
        _print_audit(frames_audit(matches, silent=True), warned)
    return 0


def _pattern_warnings(book, matches: pd.DataFrame) -> list[str]:
    """Print what may be wrong with the dictionary's patterns (those that match nothing
    in one line), on stderr; return every warning, for the audit."""
    from analysis.dictionaries.frames import frames_pattern_warnings

    warned = frames_pattern_warnings(book, matches)
    silent = [w for w in warned if w.endswith("matches nothing in the corpus.")]
    for line in warned:
        if line not in silent:
            print(f"warning: {line}", file=sys.stderr)
    if silent:
        shown = "; ".join(line.removesuffix(" matches nothing in the corpus.")
                          for line in silent[:3])
        more = f" and {len(silent) - 3} more" if len(silent) > 3 else ""
        some = "1 pattern matches" if len(silent) == 1 else f"{len(silent)} patterns match"
        print(f"warning: {some} nothing in the corpus ({shown}{more}); --audit lists them.",
              file=sys.stderr)
    return warned


def _print_audit(audit: pd.DataFrame, warned: list[str]) -> None:
    print("\nAudit: what each frame's patterns caught")
    with pd.option_context("display.max_rows", None, "display.width", 200,
                           "display.max_colwidth", 60):
        print(audit.to_string(index=False, formatters={"share": "{:.1%}".format}))
    if warned:
        print("\nPatterns to check")
        for line in warned:
            print(f"- {line}")


def _frames_on_cluster(args, book) -> int:
    from analysis.cluster import ClusterFrames, cluster_frames

    cluster.cluster_refuse(args, matches="give --matches-dir DIR: one Parquet file per "
                           "partition")
    with cluster.cluster_client(args) as client, common.grouped():
        found = cluster_frames(args.corpus, client=client, frames=book,
                               by=cluster.cluster_grouping(args), period=args.period,
                               fold_diacritics=args.fold_diacritics,
                               matches_dir=args.matches_dir,
                               corpus_options=cluster.cluster_corpus_options(args),
                               audit=args.audit, cooccurrence=bool(args.cooccurrence),
                               **cluster.cluster_dedupe(args))
    if not isinstance(found, ClusterFrames):
        found = ClusterFrames(found, None, None, found.attrs["silent_patterns"])
    cluster.cluster_notes(found.counts, args)
    silent = pd.DataFrame()
    silent.attrs["silent_patterns"] = found.silent_patterns
    warned = _pattern_warnings(book, silent)
    if args.cooccurrence:
        common.write_table(found.cooccurrence, args.cooccurrence)
    common.write_table(found.counts, args.output)
    if args.audit:
        _print_audit(found.audit, warned)
    return 0
