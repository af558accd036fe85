"""``discourse topics``, ``discourse topics-apply`` and ``discourse network``: topic models
(LDA, seeded LDA, several K side by side), scoring new articles with a saved model, and
co-occurrence networks of words, actors or frames for Gephi and networkx."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.cli import UserError
from analysis.cli.common import (
    add_command,
    comma_names,
    corpus_from_args,
    fraction,
    output_folder,
    output_path,
    whole_number,
    write_table,
)

__all__ = ["register"]


def _ks(value: str) -> list[int]:
    try:
        ks = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        ks = []
    if not ks or min(ks) < 2:
        raise argparse.ArgumentTypeError(
            f"expected a number of topics, 2 or more, or several separated by commas "
            f"(5,10,20), not {value!r}")
    return sorted(set(ks))


def register(commands) -> None:
    """Add ``topics``, ``topics-apply`` and ``network`` to ``discourse``."""
    from analysis.periods import PERIODS

    topics = add_command(
        commands, "topics",
        help="topic models (LDA or seeded LDA) with their tables, network and model",
        description="""
            Fit LDA topics on the articles' words (stopwords, numbers and rare and common terms left
            out) and write into DIR: topic-terms.csv (top terms by weight and FREX), doc-topics.csv
            (each article's topic shares, summing to 1), topic-quality.csv (NPMI coherence,
            exclusivity, prevalence), prevalence-<by>.csv and prevalence-period.csv (share of the
            words per group and period, with cluster-bootstrap intervals),
            representative-articles.csv, topic-network.graphml (ANTMN: topics linked by the cosine
            similarity of their article shares, with Louvain communities) and model.npz (for
            topics-apply). With several K (--k 5,10,20) each model goes into DIR/k<K>/ and
            model-selection.csv and .png compare them. The same corpus, options and --seed give the
            same files.
        """,
        epilog="example: discourse topics corpus.csv --k 10 -o topics/; "
        "discourse topics corpus.csv --seed-frames myframes.toml --residual 3 -o seeded/",
        func=run_topics)
    topics.add_argument("--k", type=_ks, default=None, metavar="K",
                        help="the number of topics, or several separated by commas to compare "
                        "(e.g. 5,10,20,40); at most the number of articles")
    topics.add_argument("--seed", type=int, default=1,
                        help="random seed of the sampler and the communities (default: 1)")
    topics.add_argument("--seed-frames", metavar="FRAMES.toml", default=None,
                        help="seeded topics: one per frame of this frame dictionary, its "
                        "patterns' words as seed words, named after the frame")
    topics.add_argument("--only-frames", metavar="NAMES", default=None,
                        help="with --seed-frames: seed only these frames (comma-separated)")
    topics.add_argument("--residual", type=whole_number(0), default=2, metavar="N",
                        help="with --seed-frames: unseeded topics besides the seeded ones "
                        "(default: 2)")
    topics.add_argument("--seed-weight", type=float, default=0.1, metavar="W",
                        help="with --seed-frames: the seed words' prior, as a share of an "
                        "average topic's tokens (default: 0.1)")
    topics.add_argument("--unit", choices=("lemma", "word"), default="lemma",
                        help="count lemmas (simplemma's Dutch data; default) or word forms")
    topics.add_argument("--min-df", type=whole_number(1), default=2, metavar="N",
                        help="leave out terms found in fewer than N articles (default: 2)")
    topics.add_argument("--max-df", type=fraction("share of the articles,"), default=0.9,
                        metavar="F",
                        help="leave out terms found in more than this share of the articles "
                        "(default: 0.9)")
    topics.add_argument("--stopwords", metavar="FILE", default=None,
                        help="a stopword file, one word a line (default: the shipped Dutch "
                        "list)")
    topics.add_argument("--iterations", type=whole_number(10), default=500, metavar="N",
                        help="Gibbs sampling sweeps (default: 500)")
    topics.add_argument("--top-terms", type=whole_number(1), default=15, metavar="N",
                        help="terms per topic in topic-terms.csv, by weight and by FREX "
                        "(default: 15)")
    topics.add_argument("--drop-topics", metavar="NAMES", default=None,
                        help="leave these topics (comma-separated, e.g. topic_03) out of the "
                        "topic network")
    topics.add_argument("--by", metavar="COLUMN", default="outlet",
                        help="the corpus column of the prevalence table (default: outlet)")
    topics.add_argument("--period", choices=PERIODS, default="month",
                        help="the periods of prevalence-period.csv (default: month)")
    topics.add_argument("--n-boot", type=whole_number(100), default=2000, metavar="N",
                        help="bootstrap resamples of the intervals (default: 2000)")
    topics.add_argument("--articles", type=whole_number(1), default=5, metavar="N",
                        help="representative articles per topic (default: 5)")
    topics.add_argument("-o", "--output", metavar="DIR", required=True, type=output_folder,
                        help="the folder to write into (made when missing)")

    apply = add_command(
        commands, "topics-apply", help="topic shares of new articles under a saved topic model",
        description="""
            Give every article of CORPUS its topic shares under the model saved by discourse topics
            (model.npz), the topics held fixed; writes doc_id, topic, share, known_tokens. Words the
            model does not know are ignored; an article without a known word is named on stderr and
            has no rows.
        """,
        epilog="example: discourse topics-apply new.csv --model topics/model.npz -o shares.csv",
        func=run_topics_apply)
    apply.add_argument("--model", metavar="FILE", required=True,
                       help="model.npz written by discourse topics")
    apply.add_argument("-o", "--output", metavar="FILE", type=output_path, default=None,
                       help="write the table to this CSV (or .parquet) file (default: print)")

    network = add_command(
        commands, "network",
        help="co-occurrence network of words, actors or frames (GraphML, GEXF)",
        description="""
            Link the words (or actors, or frames) found together in a sentence or an article, weight
            each link by count, PMI or logDice, find Louvain communities, and write the network as
            GraphML or GEXF (by the suffix of FILE) for Gephi or networkx. Nodes: label, units
            (sentences or articles they are in), community; edges: weight, count.
        """,
        epilog="example: discourse network corpus.csv --of words --top 60 --measure logdice "
        "-o words.graphml",
        func=run_network)
    network.add_argument("--of", choices=("words", "actors", "frames"), default="words",
                         help="what the nodes are (default: words)")
    network.add_argument("--window", choices=("sentence", "article"), default="sentence",
                         help="found together in one sentence (default) or one article")
    network.add_argument("--top", type=whole_number(2), default=50, metavar="N",
                         help="the N items in the most units (default: 50)")
    network.add_argument("--measure", choices=("count", "pmi", "logdice"), default="count",
                         help="edge weight (default: count)")
    network.add_argument("--min-count", type=whole_number(1), default=1, metavar="N",
                         help="link two items found together in at least N units (default: 1)")
    network.add_argument("--unit", choices=("word", "lemma"), default="word",
                         help="with --of words: word forms (default) or lemmas")
    network.add_argument("--frames", metavar="FILE", default=None,
                         help="with --of frames: the frame dictionary (default: the shipped one)")
    network.add_argument("--actors", metavar="FILE", default=None,
                         help="with --of actors: the actor dictionary (default: the shipped "
                         "one)")
    network.add_argument("--stopwords", metavar="FILE", default=None,
                         help="with --of words: a stopword file (default: the shipped list)")
    network.add_argument("--seed", type=int, default=1,
                         help="seed of the community detection (default: 1)")
    network.add_argument("-o", "--output", metavar="FILE", required=True, type=output_path,
                         help="FILE.graphml or FILE.gexf")


def _stopwords(path: str | None) -> str | None:
    if path is not None and not Path(path).is_file():
        raise UserError(f"stopword file {path} not found; give a text file with one word a line")
    return path


def _book(path: str | None):
    from analysis.dictionaries import FrameFileError, frames_load

    try:
        return frames_load(path)
    except FrameFileError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the frame dictionary ({exc.strerror})") from None


def run_topics(args) -> int:
    from analysis.topics import TopicsError, topics_dtm, topics_seeds, topics_select

    if args.seed_frames and args.k:
        raise UserError("with --seed-frames the topics are the frames plus --residual; leave "
                        "out --k")
    if not args.seed_frames and not args.k:
        raise UserError("give the number of topics (--k 10, or --k 5,10,20 to compare) or "
                        "--seed-frames FRAMES.toml")
    if args.only_frames and not args.seed_frames:
        raise UserError("--only-frames chooses frames of --seed-frames; give that too")
    book = _book(args.seed_frames) if args.seed_frames else None
    corpus = corpus_from_args(args)
    out = Path(args.output)
    try:
        dtm = topics_dtm(corpus, unit=args.unit, min_df=args.min_df, max_df=args.max_df,
                         stopwords=_stopwords(args.stopwords))
        print(f"{len(dtm.vocab)} terms in {int((dtm.lengths > 0).sum())} of {len(dtm.doc_ids)} "
              f"articles ({int(dtm.lengths.sum())} tokens)", file=sys.stderr)
        if book is not None:
            seeds = topics_seeds(dtm, book, frames_only=comma_names(args.only_frames) or None)
            _write_all(args, corpus, dtm, out, seeds=seeds)
        elif len(args.k) == 1:
            _write_all(args, corpus, dtm, out, k=args.k[0])
        else:
            from analysis.output.figures import figure_save
            from analysis.textplot import textplot_topics_selection

            for k in args.k:
                _check_k(k, dtm)
            table, models = topics_select(dtm, args.k, seed=args.seed,
                                          iterations=args.iterations)
            write_table(table, str(out / "model-selection.csv"))
            figure_save(textplot_topics_selection(table), "model-selection", out_dir=out,
                        formats="png")
            for k, model in models.items():
                _write_model(args, corpus, dtm, model, out / f"k{k}")
    except TopicsError as exc:
        raise UserError(str(exc)) from None
    return 0


def _check_k(k: int, dtm) -> None:
    from analysis.topics import TopicsError

    with_words = int((dtm.lengths > 0).sum())
    if k > with_words:
        raise TopicsError(f"{k} topics for {with_words} articles with words: a topic model "
                          f"needs at least as many articles as topics; choose --k {with_words} "
                          "or fewer")


def _write_all(args, corpus, dtm, out: Path, *, k: int | None = None, seeds=None) -> None:
    from analysis.topics import topics_fit

    model = topics_fit(dtm, k, seeds=seeds, residual=args.residual, seed=args.seed,
                       seed_weight=args.seed_weight, iterations=args.iterations)
    _write_model(args, corpus, dtm, model, out)


def _write_model(args, corpus, dtm, model, out: Path) -> None:
    from analysis.networks import network_topics, network_write
    from analysis.tables import ColumnError
    from analysis.topics import (
        topics_docs,
        topics_labels,
        topics_prevalence,
        topics_quality,
        topics_representative,
        topics_save,
        topics_terms,
    )

    write_table(topics_terms(model, n=args.top_terms), str(out / "topic-terms.csv"))
    docs = topics_docs(model)
    if docs.attrs["without_words"]:
        missing = docs.attrs["without_words"]
        print(f"warning: {len(missing)} article(s) have no word left after filtering and no "
              f"topic shares: {', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}",
              file=sys.stderr)
    write_table(docs, str(out / "doc-topics.csv"))
    quality = topics_quality(model, dtm)
    write_table(quality, str(out / "topic-quality.csv"))
    try:
        by_group = topics_prevalence(model, corpus, by=args.by, n_boot=args.n_boot,
                                     seed=args.seed)
    except ColumnError as exc:
        raise UserError(f"--by: {exc}") from None
    write_table(by_group, str(out / f"prevalence-{args.by}.csv"))
    if "date" in corpus and corpus["date"].notna().any():
        by_period = topics_prevalence(model, corpus, period=args.period, n_boot=args.n_boot,
                                      seed=args.seed)
        if by_period.attrs.get("note"):
            print(f"note: {by_period.attrs['note']}", file=sys.stderr)
        write_table(by_period, str(out / "prevalence-period.csv"))
    else:
        print("note: the articles have no dates; no prevalence-period.csv", file=sys.stderr)
    write_table(topics_representative(model, corpus, n=args.articles),
                str(out / "representative-articles.csv"))
    sizes = dict(zip(quality["topic"], quality["prevalence"], strict=True))
    try:
        graph = network_topics(docs, sizes=sizes, labels=topics_labels(model),
                               drop=comma_names(args.drop_topics), seed=args.seed)
    except ValueError as exc:
        raise UserError(f"--drop-topics: {exc}") from None
    network_write(graph, out / "topic-network.graphml")
    topics_save(model, out / "model.npz")
    print(f"Wrote the topic model of {model.k} topics to {out}", file=sys.stderr)


def run_topics_apply(args) -> int:
    from analysis.topics import TopicsError, topics_apply, topics_load

    if not Path(args.model).is_file():
        raise UserError(f"model file {args.model} not found; give the model.npz that "
                        "discourse topics wrote")
    try:
        model = topics_load(args.model)
    except TopicsError as exc:
        raise UserError(str(exc)) from None
    corpus = corpus_from_args(args)
    table = topics_apply(model, corpus)
    missing = table.attrs["without_words"]
    if missing:
        print(f"warning: {len(missing)} article(s) have no word the model knows and no topic "
              f"shares: {', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}",
              file=sys.stderr)
    write_table(table, args.output)
    return 0


def run_network(args) -> int:
    from analysis.dictionaries.actors import ActorFileError
    from analysis.networks import (
        NETWORK_FORMATS,
        cooccurrence_items,
        network_cooccurrence,
        network_write,
    )

    suffix = Path(args.output).suffix.lower()
    if suffix not in NETWORK_FORMATS:
        raise UserError(f"-o {args.output}: name a .graphml or .gexf file")
    if args.frames and args.of != "frames":
        raise UserError("--frames is used with --of frames")
    if args.actors and args.of != "actors":
        raise UserError("--actors is used with --of actors")
    book = _book(args.frames) if args.of == "frames" else None
    corpus = corpus_from_args(args)
    try:
        items = cooccurrence_items(corpus, args.of, unit=args.unit, frames=book,
                                   actors=args.actors, stopwords=_stopwords(args.stopwords))
    except ActorFileError as exc:
        raise UserError(str(exc)) from None
    if not len(items):
        raise UserError(f"no {args.of} found in the corpus: nothing to link")
    graph = network_cooccurrence(items, window=args.window, top=args.top,
                                 measure=args.measure, min_count=args.min_count,
                                 seed=args.seed)
    network_write(graph, args.output)
    communities = len({c for _, c in graph.nodes(data="community")})
    print(f"Wrote {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges and "
          f"{communities} {'community' if communities == 1 else 'communities'} to "
          f"{args.output}", file=sys.stderr)
    return 0
