"""``discourse sample``, ``discourse reliability``, ``discourse frames-validate`` and
``discourse actors-validate``: validate a dictionary against your own hand codes."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from analysis.cli.common import (
    UserError,
    add_command,
    comma_names,
    corpus_from_args,
    encoding_option,
    output_folder,
    output_path,
    whole_number,
    write_table,
)

LEVEL_CHOICES = ("nominal", "ordinal", "interval", "ratio")


def register(commands) -> None:
    """Add this module's sub-commands to the ``discourse`` parser."""
    sample = add_command(
        commands, "sample", help="draw a stratified random sample of articles or sentences to code",
        description="""
            Draw a reproducible random sample of N articles (or sentences), stratified by a corpus
            column: each group gets a share proportional to its size, rounded by the largest
            remainder so the total is exactly N (--per-group: N from every group). Repeated texts
            are left out (and counted). Writes a coding sheet: unit_id, doc_id, sentence_id, the
            group, date, title, text and one empty column per frame (--frames) or per --variables.
            The same corpus and --seed give the same sheet.
        """,
        epilog="example: discourse sample corpus/ --n 40 --by outlet --unit sentence "
        "--frames myframes.toml -o sheet.xlsx",
        func=run_sample)
    sample.add_argument("--n", type=whole_number(1), required=True, metavar="N",
                        help="the number of units to draw (per group with --per-group)")
    sample.add_argument("--by", metavar="COLUMN", default=None,
                        help="stratify by this corpus column (e.g. outlet; default: none)")
    sample.add_argument("--per-group", action="store_true",
                        help="draw N units from every group instead of N in all")
    sample.add_argument("--unit", choices=("article", "sentence"), default="article",
                        help="what a unit to code is (default: article)")
    sample.add_argument("--seed", type=int, default=None,
                        help="the random seed (default: the toolkit's, 20220110)")
    what = sample.add_mutually_exclusive_group()
    what.add_argument("--frames", metavar="FILE", default=None,
                      help="one column per frame of this dictionary (default: the shipped "
                      "dictionary's frames)")
    what.add_argument("--variables", metavar="A,B", default=None,
                      help="one column per variable named here, comma-separated")
    sample.add_argument("--model", metavar="MODEL_DIR", default=None,
                        help="with --uncertain: a classifier from `discourse classify-train`")
    sample.add_argument("--uncertain", action="store_true",
                        help="draw the N units the --model classifier is least sure of "
                        "(the smallest margin between its two most probable labels), "
                        "within the --by quotas, instead of random ones: the units to code "
                        "next")
    sample.add_argument("-o", "--output", metavar="SHEET", required=True, type=output_path,
                        help="the coding sheet to write: CSV, or an Excel workbook when the "
                        "name ends in .xlsx")

    rel = add_command(
        commands, "reliability",
        help="Krippendorff's alpha between coders, with a bootstrap interval",
        description="""
            Krippendorff's alpha of the codes of two or more coders: long data (one row per unit and
            coder: --unit-column, --coder-column, --value-column; several value columns give one row
            each) or wide data (one row per unit, one column per coder: --unit-column,
            --coder-columns). Missing values are allowed; labels get their order from --order.
            Writes variable, level, alpha, alpha_low, alpha_high (bootstrap, Hayes & Krippendorff
            2007), units, units_single (coded by one coder: not counted), coders, values and
            agreement (percent agreement).
        """,
        epilog="example: discourse reliability codes.csv --unit-column unit_id "
        "--coder-column coder --value-column sancties,diplomatie -o alpha.csv",
        func=run_reliability, corpus=False)
    rel.add_argument("codes", metavar="CODES", help="the codes (CSV, TSV or .xlsx)")
    rel.add_argument("--unit-column", metavar="C", default="unit_id",
                     help="the column with the unit's id (default: unit_id)")
    rel.add_argument("--coder-column", metavar="C", default=None,
                     help="long data: the column with the coder's name")
    rel.add_argument("--value-column", metavar="A,B", default=None,
                     help="long data: the column(s) with the codes, comma-separated; one "
                     "row of output each")
    rel.add_argument("--coder-columns", metavar="A,B,C", default=None,
                     help="wide data: one column per coder, comma-separated")
    rel.add_argument("--level", choices=LEVEL_CHOICES, default="nominal",
                     help="the level of measurement (default: nominal)")
    rel.add_argument("--order", metavar="V1,V2,...", default=None,
                     help="the values in their order, for labels (e.g. \"laag,midden,hoog\")")
    rel.add_argument("--missing", metavar="V", action="append", default=[],
                     help="a value that means 'no code' (e.g. 99 or \"weet niet\"); "
                     "repeat for several; empty cells are always missing")
    rel.add_argument("--n-boot", type=whole_number(0), default=2000, metavar="B",
                     help="bootstrap resamples for the interval (default: 2000; 0: none)")
    rel.add_argument("--seed", type=int, default=None, help="the bootstrap's seed")
    rel.add_argument("--encoding", default="utf-8", type=encoding_option,
                     help="the file's encoding (default: utf-8)")
    rel.add_argument("--pairwise", metavar="FILE", type=output_path, default=None,
                     help="write alpha per pair of coders to this CSV file")
    rel.add_argument("--units", metavar="FILE", type=output_path, default=None,
                     help="write every unit with its values and disagreement, the most "
                     "disagreement first, to this CSV file")
    rel.add_argument("--top", type=whole_number(0), default=5, metavar="K",
                     help="print the K units with the most disagreement (default: 5)")
    rel.add_argument("-o", "--output", metavar="FILE", default=None, type=output_path,
                     help="write the table to this CSV file (default: print it)")

    for kind in ("frames", "actors"):
        one = kind[:-1]
        cmd = add_command(
            commands, f"{kind}-validate",
            help=f"score a{'n' if kind == 'actors' else ''} {one} dictionary against your "
            "hand codes: precision, recall, F1, alpha and every error",
            description=f"Score the {one} dictionary against hand codes of the corpus's "
            f"units (one row per unit with its id and one 0/1 column per {one}; an empty "
            f"cell is 'not coded'). Writes to DIR: scores.csv ({one}, label, uncoded, "
            "units, tp, fp, fn, tn, precision, recall, f1 with _low/_high bootstrap "
            "intervals, alpha, alpha_low, alpha_high), errors.csv (every false positive "
            "and false negative with the pattern that fired and the matched text in "
            "context) and uncoded.csv (the cells left empty: not counted).",
            epilog=f"example: discourse {kind}-validate corpus/ --{kind} my{kind}.toml "
            "--codes sheet.xlsx -o validation/")
        cmd.add_argument(f"--{kind}", metavar="FILE", default=None,
                         help=f"the {one} dictionary (default: the shipped one)")
        cmd.add_argument("--codes", metavar="CODES", required=True,
                         help="the hand codes (CSV, TSV or .xlsx; a filled-in coding sheet)")
        cmd.add_argument("--codes-id-column", metavar="C", default="doc_id",
                         help="the codes' column with the article id (default: doc_id)")
        cmd.add_argument("--unit", choices=("article", "sentence"), default="article",
                         help="what a coded unit is; sentences also need a sentence_id "
                         "column (default: article)")
        cmd.add_argument("--n-boot", type=whole_number(0), default=2000, metavar="B",
                         help="bootstrap resamples for the intervals (default: 2000)")
        cmd.add_argument("--seed", type=int, default=None, help="the bootstrap's seed")
        cmd.add_argument("-o", "--output", metavar="DIR", required=True, type=output_folder,
                         help="the folder to write scores.csv, errors.csv and uncoded.csv to")
        cmd.set_defaults(func=run_validate, kind=kind)


def _seed(args) -> dict:
    return {} if args.seed is None else {"seed": args.seed}


def run_sample(args) -> int:
    from analysis.dictionaries import FrameFileError, frames_load
    from analysis.validation.sampling import sample_draw
    from analysis.validation.sheet import sheet_make, sheet_write

    if args.variables is not None:
        variables = comma_names(args.variables)
        if not variables:
            raise UserError("--variables names no variable; give names, comma-separated")
    else:
        try:
            variables = frames_load(args.frames).names
        except FrameFileError as exc:
            raise UserError(str(exc)) from None
    if args.uncertain != (args.model is not None):
        raise UserError("--uncertain and --model go together: --model MODEL_DIR --uncertain "
                        "draws the units that classifier is least sure of")
    model = None
    if args.model is not None:
        from analysis.learn import LearnError, learn_load

        try:
            model = learn_load(args.model)
        except LearnError as exc:
            raise UserError(str(exc)) from None
    corpus = corpus_from_args(args)
    try:
        if model is not None:
            from analysis.learn import learn_sample_uncertain

            sample = learn_sample_uncertain(corpus, model, args.n, by=args.by,
                                            per_group=args.per_group, unit=args.unit)
        else:
            sample = sample_draw(corpus, args.n, by=args.by, per_group=args.per_group,
                                 unit=args.unit, **_seed(args))
        sheet = sheet_make(sample, variables, by=args.by)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    duplicates = sample.attrs["duplicates"]
    if duplicates:
        shown = ", ".join(duplicates[:5]) + (", ..." if len(duplicates) > 5 else "")
        print(f"Left out {len(duplicates)} {args.unit}(s) repeating an earlier text: {shown}",
              file=sys.stderr)
    quota = ", ".join(f"{g}: {k}" for g, k in sample.attrs["quota"].items())
    sheet_write(sheet, args.output)
    print(f"Wrote {len(sheet)} {args.unit}s to {args.output} ({quota}); code the columns "
          f"{', '.join(variables)} with 1 or 0.", file=sys.stderr)
    return 0


def _read(path: str, encoding: str = "utf-8") -> pd.DataFrame:
    from analysis.validation.sheet import sheet_read

    try:
        return sheet_read(path, encoding=encoding)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def run_reliability(args) -> int:
    from analysis.validation.reliability import (
        reliability_alpha,
        reliability_data,
        reliability_pairwise,
        reliability_units,
    )

    wide = args.coder_columns is not None
    if wide and (args.coder_column or args.value_column):
        raise UserError("give --coder-columns (wide data) or --coder-column with "
                        "--value-column (long data), not both")
    if not wide and not (args.coder_column and args.value_column):
        raise UserError("give --coder-column and --value-column (one row per unit and "
                        "coder), or --coder-columns A,B (one column per coder)")
    table = _read(args.codes, args.encoding)
    order = comma_names(args.order) if args.order else None
    datasets = []
    try:
        if wide:
            datasets.append(reliability_data(
                table, unit_column=args.unit_column, coder_columns=comma_names(args.coder_columns),
                level=args.level, order=order, missing=args.missing, source=args.codes))
        else:
            for column in comma_names(args.value_column):
                datasets.append(reliability_data(
                    table, unit_column=args.unit_column, coder_column=args.coder_column,
                    value_column=column, level=args.level, order=order,
                    missing=args.missing, source=args.codes))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    result = reliability_alpha(datasets, level=args.level, n_boot=args.n_boot, **_seed(args))
    units = pd.concat([reliability_units(d, level=args.level) for d in datasets],
                      ignore_index=True)
    single = units[~units["pairable"]]
    if len(single):
        shown = ", ".join(f"{r.unit} ({r.variable})" for r in single.head(5).itertuples())
        print(f"note: {len(single)} unit(s) coded by one coder only are not counted in "
              f"alpha (units_single): {shown}{', ...' if len(single) > 5 else ''}; "
              "--units FILE lists them all", file=sys.stderr)
    write_table(result, args.output)
    if args.pairwise:
        write_table(pd.concat([reliability_pairwise(d, level=args.level) for d in datasets],
                              ignore_index=True), args.pairwise)
    if args.units:
        write_table(units, args.units)
    if args.top:
        worst = units[units["disagreement"] > 0].head(args.top)
        if len(worst):
            print("\nThe units with the most disagreement", file=sys.stderr)
            print(worst[["variable", "unit", "values", "disagreement"]].to_string(index=False),
                  file=sys.stderr)
    return 0


def run_validate(args) -> int:
    from analysis.validation.dictionary import actors_validate, frames_validate

    table = _read(args.codes)
    corpus = corpus_from_args(args)
    validate = frames_validate if args.kind == "frames" else actors_validate
    try:
        scores, errors = validate(corpus, table, getattr(args, args.kind),
                                  unit=args.unit, id_column=args.codes_id_column,
                                  source=args.codes, n_boot=args.n_boot, **_seed(args))
    except ValueError as exc:  # also a FrameFileError: the file, line and frame named
        raise UserError(str(exc)) from None
    uncoded = scores.attrs["uncoded"]
    out = Path(args.output)
    write_table(scores, str(out / "scores.csv"))
    write_table(errors, str(out / "errors.csv"))
    write_table(uncoded, str(out / "uncoded.csv"))
    key = "frame" if args.kind == "frames" else "actor"
    if len(uncoded):
        print(f"note: {len(uncoded)} empty code(s) are not counted; {out / 'uncoded.csv'} "
              "lists them with their line", file=sys.stderr)
    with pd.option_context("display.width", 200):
        print(scores[[key, "units", "tp", "fp", "fn", "tn", "precision", "recall", "f1",
                      "alpha"]].to_string(index=False, float_format="{:.3f}".format))
    return 0
