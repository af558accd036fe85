"""``discourse timeline``: frame prominence and tone per period (and outlet), with
cluster-bootstrap intervals over articles, as one long CSV table."""

from __future__ import annotations

from analysis.cli import UserError, cluster, common
from analysis.cli.common import prose

__all__ = ["register"]


def register(commands) -> None:
    """Add ``timeline`` to ``discourse``."""
    from analysis.periods.binning import PERIODS

    timeline = commands.add_parser(
        "timeline", help="frames and tone per period (and outlet), with intervals, as CSV",
        description=prose("""
            Bin the articles' dates into periods and give, per period (and --by group) and measure,
            one row: period, <by>, measure, value, ci_low, ci_high, articles, words. A frame's
            value is its matches per 1,000 words; tone_lexicon and tone_classifier give the mean
            sentence tone (-1 to 1). The 95% intervals are cluster-bootstrap intervals: the article
            is the unit that is resampled, so the words and sentences of one article are never
            treated as independent. Periods without articles are rows with 0 articles. Articles
            dated to the month only are left out of day and week periods, and counted.
        """),
        epilog="example: discourse timeline corpus.csv --period month --by outlet "
        "--measures frames,tone -o timeline.csv")
    common.add_corpus_arguments(timeline)
    timeline.add_argument("--period", choices=PERIODS, default="month",
                          help="days, ISO weeks (from Monday), months (default), quarters "
                          "or years, named by their first day (YYYY-MM-DD)")
    timeline.add_argument("--by", metavar="COLUMN", default=None,
                          help="also per value of this corpus column (e.g. outlet; several "
                          "comma-separated); default: the period alone")
    timeline.add_argument("--frames", metavar="FILE", default=None,
                          help="the frame dictionary (TOML; default: the shipped one)")
    timeline.add_argument("--measures", default="frames,tone",
                          help="comma-separated: frames, tone (both tone measures), "
                          "tone_lexicon, tone_classifier (default: frames,tone)")
    timeline.add_argument("--n-boot", type=common.whole_number(100), default=2000, metavar="N",
                          help="bootstrap resamples (default: 2000)")
    timeline.add_argument("--seed", type=int, default=20220110,
                          help="seed of the bootstrap (default: 20220110)")
    common.add_output_argument(timeline, required=False)
    cluster.add_cluster_arguments(timeline)
    timeline.set_defaults(func=run_timeline)


def run_timeline(args) -> int:
    from analysis.dictionaries.frames import FrameFileError, frames_load
    from analysis.dictionaries.matcher import frames_match
    from analysis.timeline.measures import timeline, timeline_measures

    try:
        measures = timeline_measures(args.measures)
    except ValueError as exc:
        raise UserError(f"--measures: {exc}") from None
    book = None
    if "frames" in measures:
        try:
            book = frames_load(args.frames)
        except FrameFileError as exc:
            raise UserError(str(exc)) from None
    elif args.frames:
        raise UserError("--frames is used with the measure frames; add it to --measures")
    if args.scheduler:
        return _timeline_on_cluster(args, measures, book)
    cluster.cluster_refuse(args)
    corpus = common.corpus_from_args(args)
    by = common.grouping_from_args(args, corpus, default=None)
    matches = frames_match(corpus, book) if book is not None else None
    with common.grouped():
        table = timeline(corpus, period=args.period, by=by, measures=measures,
                         matches=matches, n_boot=args.n_boot, seed=args.seed)
    common.write_table(table, args.output)
    return 0


def _timeline_on_cluster(args, measures, book) -> int:
    from analysis.cluster import cluster_timeline

    by = [c.strip() for c in args.by.split(",") if c.strip()] if args.by else None
    with cluster.cluster_client(args) as client, common.grouped():
        table = cluster_timeline(args.corpus, client=client, period=args.period, by=by,
                                 measures=measures, frames=book, n_boot=args.n_boot,
                                 seed=args.seed,
                                 corpus_options=cluster.cluster_corpus_options(args),
                                 **cluster.cluster_dedupe(args))
    cluster.cluster_notes(table, args)
    common.write_table(table, args.output)
    return 0
