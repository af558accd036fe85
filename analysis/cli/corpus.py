"""``discourse check`` and ``discourse figures``."""

from __future__ import annotations

import sys

import pandas as pd

from analysis.cli.common import add_corpus_arguments, corpus_options, output_path
from analysis.corpus import corpus_check, corpus_summary
from analysis.paths import FIGURES_DIR


def register(commands) -> None:
    check = commands.add_parser(
        "check", help="load a corpus, summarise it and list every problem found",
        description="Load a corpus and print a summary (articles, words, per outlet, date "
        "range) and every problem found. Exit status 0 when every article loads.")
    add_corpus_arguments(check)
    check.set_defaults(func=run_check)

    figures = commands.add_parser(
        "figures", help="run every notebook and write its figures and tables",
        description="Execute every notebook in notebooks/ headlessly, in order, and write "
        "their figures (PNG at 300 dpi, SVG, PDF) and tables (CSV) into the output folder.")
    add_corpus_arguments(figures, positional=False)
    figures.add_argument("--out", metavar="DIR", default=str(FIGURES_DIR), type=output_path,
                         help="output folder (default: figures/)")
    figures.add_argument("--frames", metavar="FILE", default=None,
                         help="frame dictionary for the framing notebook (default: the "
                         "shipped one)")
    figures.set_defaults(func=run_figures)


def run_check(args) -> int:
    report = corpus_check(args.corpus, **corpus_options(args))
    corpus = report.corpus
    loaded = 0 if corpus is None else len(corpus)
    print(f"Corpus: {report.source}")
    if corpus is None:
        print("Articles: none read, because of the problem(s) below, which concern the "
              "corpus as a whole.")
    else:
        print(f"Articles given: {report.n_given}; loaded: {loaded}; with problems: "
              f"{len(report.skipped)}")
    if corpus is not None and loaded:
        with pd.option_context("display.width", 200, "display.max_columns", None):
            print(corpus_summary(corpus).to_string(index=False))
    if report.problems:
        print(f"\n{len(report.problems)} problem(s):")
        for problem in report.problems:
            print(f"  - {problem}")
    else:
        print("\nNo problems found.")
    if report.errors and args.skip_invalid and corpus is not None and loaded:
        print(f"\nWith --skip-invalid, {len(report.skipped)} article(s) would be skipped: "
              f"{', '.join(report.skipped)}")
        return 0
    return 1 if report.errors or not loaded else 0


def run_figures(args) -> int:
    from analysis.notebooks import NotebookError, notebooks_run

    options = {k: v for k, v in corpus_options(args).items() if v is not None}
    if args.skip_invalid:
        options["skip_invalid"] = True
    try:
        ran = notebooks_run(corpus=args.corpus, out_dir=args.out, corpus_options=options,
                            frames_file=args.frames)
    except NotebookError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Ran {len(ran)} notebook(s); figures and tables are in {args.out}")
    return 0


