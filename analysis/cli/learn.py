"""``discourse classify-train`` and ``discourse classify``: a classifier learnt from your
own codes, and its labels for a corpus."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.cli import UserError
from analysis.cli.common import (
    add_command,
    add_output_argument,
    corpus_from_args,
    encoding_option,
    output_folder,
    read_coded_sample,
    whole_number,
    write_table,
)

MODEL_CHOICES = ("logreg", "svm", "nb")
FEATURE_CHOICES = ("word", "char", "lemma")


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
    train = add_command(
        commands, "classify-train", help="train a classifier on your own coded texts",
        description="""
            Train a classifier (a frame 0/1, a topic, a tone: any categories) on coded texts (a CSV
            or TSV file with a text column and a label column): stratified K-fold cross-validation,
            then a final fit on all codes. MODEL_DIR receives the model (arrays and JSON, with its
            SHA-256), and report.json: cross-validated accuracy, macro-F1, Krippendorff's alpha
            (nominal), per-class precision, recall and F1, the confusion matrix and a learning curve
            (scores when training on 25%, 50%, 75% and all of each training fold). With --rule, the
            label is a frame defined over yes/no question columns, and the report compares learning
            the frame directly with learning each question and combining the answers.
        """,
        func=run_train, corpus=False)
    train.add_argument("codes", metavar="CODES", help="CSV or TSV file of coded texts")
    train.add_argument("--text-column", metavar="NAME", required=True,
                       help="the column that holds the texts")
    labels = train.add_mutually_exclusive_group(required=True)
    labels.add_argument("--label-column", metavar="NAME",
                        help="the column that holds the codes (the labels)")
    labels.add_argument("--rule", metavar="RULE",
                        help="a frame from yes/no question columns, e.g. "
                        "'conflict = any(q1, q2, q3)' or 'frame = all(q1, q2)'")
    train.add_argument("--model", choices=MODEL_CHOICES, default="logreg",
                       help="logreg (logistic regression, default), svm (linear support "
                       "vector machine, calibrated) or nb (multinomial naive Bayes)")
    train.add_argument("--features", default="word,char", metavar="BLOCKS",
                       help="comma-separated feature blocks among word (1-2-grams), char "
                       "(2-5-grams) and lemma (Dutch lemma 1-2-grams); default: word,char")
    train.add_argument("--folds", type=whole_number(2), default=5,
                       help="number of cross-validation folds (default: 5)")
    train.add_argument("--seed", type=int, default=0, help="random seed of the folds "
                       "(default: 0)")
    train.add_argument("--encoding", default="utf-8", type=encoding_option,
                       help="the file's encoding (default: utf-8)")
    train.add_argument("-o", "--output", metavar="MODEL_DIR", required=True,
                       type=output_folder, help="the folder to write the model into")

    classify = add_command(
        commands, "classify", help="label every article or sentence with a trained classifier",
        description="""
            Label every article (or sentence) of a corpus with a classifier from `discourse
            classify-train`. Rows: doc_id (and sentence_id), label (the most probable), and
            prob_<label> for every label.
        """,
        func=run_classify)
    classify.add_argument("--model", metavar="MODEL_DIR", required=True,
                          help="the folder of a classifier from classify-train")
    classify.add_argument("--level", choices=("article", "sentence"), default="article",
                          help="one row per article (default) or per sentence")
    add_output_argument(classify)


def _features(value: str) -> dict:
    from analysis.learn import FEATURE_SETTINGS

    blocks = [b.strip() for b in value.split(",") if b.strip()]
    unknown = [b for b in blocks if b not in FEATURE_CHOICES]
    if unknown or not blocks:
        raise UserError(f"--features {value!r}: choose among {', '.join(FEATURE_CHOICES)}, "
                        "comma-separated")
    lemma = {"ngram_range": [1, 2], "min_df": 1, "sublinear_tf": True}
    return {b: (FEATURE_SETTINGS.get(b) or lemma) if b in blocks else None
            for b in FEATURE_CHOICES}


def run_train(args) -> int:
    from analysis.learn import (
        LearnError,
        learn_check,
        learn_questions,
        learn_rule_apply,
        learn_rule_parse,
        learn_save,
        learn_train,
    )

    path = Path(args.codes)
    table = read_coded_sample(path, args.encoding)
    columns = [args.text_column] + ([args.label_column] if args.label_column else [])
    for option, column in zip(("--text-column", "--label-column"), columns, strict=False):
        if column not in table.columns:
            raise UserError(f"{path}: no column {column!r} (from {option}); the columns are "
                            f"{', '.join(map(repr, table.columns))}")
    features = _features(args.features)
    options = {"model": args.model, "folds": args.folds, "seed": args.seed,
               "features": features, "source": str(path)}
    try:
        if args.rule:
            rule = learn_rule_parse(args.rule)
            codes = learn_rule_apply(table, rule).tolist()
        else:
            codes = table[args.label_column].tolist()
        learn_check(table[args.text_column].tolist(), codes, folds=args.folds,
                    source=str(path))
        print(f"Training on {len(table)} coded texts from {path} ({args.model}, "
              f"{args.folds}-fold cross-validation, seed {args.seed})", file=sys.stderr)
        model, report = learn_train(table[args.text_column].tolist(), codes,
                                    progress=True, **options)
        if args.rule:
            report["questions"] = learn_questions(table[args.text_column].tolist(), table,
                                                  rule, **options)
    except LearnError as exc:
        message = str(exc)
        raise UserError(message if message.startswith(str(path)) else
                        f"{path}: {message}") from None
    report["data"] = {"file": path.name, "text_column": args.text_column,
                      "label_column": args.label_column, "rule": args.rule}
    learn_save(model, args.output, report=report)
    cv = report["cv"]
    print(f"cross-validated: accuracy {cv['accuracy']:.3f}, macro-F1 {cv['macro_f1']:.3f}, "
          f"Krippendorff's alpha {cv['alpha']:.3f} (always {cv['majority']['label']!r}: "
          f"accuracy {cv['majority']['accuracy']:.3f})")
    if args.rule:
        q = report["questions"]
        for way in ("direct", "questions"):
            print(f"  {q['rule']} learnt {'directly' if way == 'direct' else 'per question'}"
                  f": accuracy {q[way]['accuracy']:.3f}, macro-F1 {q[way]['macro_f1']:.3f}")
    for point in report["learning_curve"]:
        print(f"  trained on {point['n_train']:.0f} codes: accuracy {point['accuracy']:.3f}, "
              f"macro-F1 {point['macro_f1']:.3f}")
    print(f"Wrote the model and report.json into {args.output}", file=sys.stderr)
    return 0


def run_classify(args) -> int:
    from analysis.learn import LearnError, learn_classify, learn_load

    try:
        model = learn_load(args.model)
    except LearnError as exc:
        raise UserError(str(exc)) from None
    corpus = corpus_from_args(args)
    write_table(learn_classify(corpus, model, level=args.level), args.output)
    return 0
