"""``discourse check``, ``discourse import`` and ``discourse figures``."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pandas as pd

from analysis.cli.common import (
    UserError,
    add_corpus_arguments,
    corpus_from_args,
    corpus_options,
    output_folder,
    output_path,
    whole_number,
    write_dropped,
)
from analysis.corpus import corpus_check, corpus_summary
from analysis.notebooks.parameters import PARAMETERS, ParameterError, results_dir

#: Duplicate pairs listed one by one by ``discourse check``; more are counted.
SHOWN_PAIRS = 20


def register(commands) -> None:
    check = commands.add_parser(
        "check", help="load a corpus, summarise it and list every problem found",
        description="Load a corpus and print a summary (articles, words, per outlet, date "
        "range) and every problem found. Exit status 0 when every article loads.")
    add_corpus_arguments(check, cache=False)
    check.set_defaults(func=run_check)

    importer = commands.add_parser(
        "import", help="read corpora and news exports once, and write one table",
        description="Read one or more sources (folders, news exports such as Nexis Uni .docx "
        "or .rtf, LexisNexis .txt, a .zip of them, or table files), drop duplicates if asked, "
        "and write one tidy table (.parquet or .csv) that every other command reads fast.")
    importer.add_argument("sources", metavar="SOURCE", nargs="+",
                          help="a corpus folder, a news export, a .zip of exports, or a table "
                          "file")
    importer.add_argument("-o", "--output", metavar="FILE", required=True, type=output_path,
                          help="the table to write: a .parquet or .csv file; with "
                          "--partition-rows a new folder (FOLDER/)")
    importer.add_argument("--partition-rows", type=whole_number(1), default=None, metavar="N",
                          help="write a partitioned dataset instead: the folder -o FOLDER/ "
                          "gets one Parquet file of N articles each (part-00000.parquet, "
                          "...), for the commands' --scheduler option")
    add_corpus_arguments(importer, positional=False, source=False, cache=False)
    importer.set_defaults(func=run_import, corpus=None)

    figures = commands.add_parser(
        "figures", help="run every notebook and write its figures and tables",
        description="Execute every notebook in notebooks/ headlessly, in order, and write "
        "their figures (PNG at 300 dpi, SVG, PDF; or --format) and tables (CSV, LaTeX, Word) "
        "into the output folder, in Dutch or English (--lang).")
    add_corpus_arguments(figures, required=False)
    figures.add_argument("--corpus", dest="corpus_option", metavar="CORPUS", default=None,
                         help="the corpus, as the first argument gives it (default: the "
                         "bundled corpus)")
    figures.add_argument("--out", metavar="DIR", default=None, type=output_folder,
                         help="output folder (default: figures/ for the bundled corpus, "
                         "results/<corpus name>/ for any other)")
    for parameter in PARAMETERS.values():  # every notebook parameter with an option
        if parameter.option:
            figures.add_argument(parameter.option, dest=f"parameter_{parameter.name}",
                                 metavar=parameter.metavar, default=None,
                                 help=f"{parameter.help} (notebook parameter "
                                 f"{parameter.name})")
    figures.set_defaults(func=run_figures)


def run_check(args) -> int:
    options = corpus_options(args).keywords(without=("skip_invalid",))
    report = corpus_check(args.corpus, **options)
    corpus = report.corpus
    loaded = 0 if corpus is None else len(corpus)
    print(f"Corpus: {report.source}")
    if corpus is None:
        print("Articles: none read, because of the problem(s) below, which concern the "
              "corpus as a whole.")
    else:
        dropped = 0 if report.dropped is None else len(report.dropped)
        print(f"Articles given: {report.n_given}; loaded: {loaded}; with problems: "
              f"{len(report.skipped)}" + (f"; dropped as duplicates: {dropped}"
                                          if report.dropped is not None else ""))
    if corpus is not None and loaded:
        with pd.option_context("display.width", 200, "display.max_columns", None):
            print(corpus_summary(corpus).to_string(index=False))
    _print_exports(report)
    _print_duplicates(report, args)
    write_dropped(report.dropped, args)
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


def _short(file: str, source: str) -> str:
    from pathlib import Path

    path, root = Path(file), Path(source)
    if path == root:
        return path.name
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else file


def _print_exports(report) -> None:
    """Per news export file: the articles announced and the articles read."""
    if not report.exports:
        return
    rows = [{"export": _short(c.file, report.source), "layout": c.layout,
             "announced": "" if c.announced is None else c.announced, "read": c.read,
             "": "DIFFERS" if c.differs else ""} for c in report.exports]
    announced = sum(c.announced or 0 for c in report.exports)
    read = sum(c.read for c in report.exports)
    differ = sum(c.differs for c in report.exports)
    print(f"\nNews exports: {len(rows)} file(s), {announced} article(s) announced, {read} "
          f"read" + (f"; {differ} file(s) differ (see the problems below)" if differ else "")
          + ":")
    with pd.option_context("display.width", 200, "display.max_colwidth", 70):
        print(pd.DataFrame(rows).to_string(index=False))


def _print_duplicates(report, args) -> None:
    """The duplicate pairs found, by kind, the first :data:`SHOWN_PAIRS` one by one."""
    from analysis.corpus.dedupe import NEAR_REPORT, duplicates_summary

    pairs = report.duplicates
    if pairs is None:
        return
    threshold = min(NEAR_REPORT, args.near)
    print(f"\nDuplicates (exact copies, and near-copies at similarity {threshold:g} or more): "
          f"{duplicates_summary(pairs)}.")
    for row in pairs.head(SHOWN_PAIRS).itertuples(index=False):
        what = "exact copy" if row.kind == "exact" else f"near-copy ({row.similarity:.3f})"
        print(f"  - {row.doc_id} ({row.outlet}) and {row.other_id} ({row.other_outlet}): "
              f"{what}")
    if len(pairs) > SHOWN_PAIRS:
        print(f"  ... and {len(pairs) - SHOWN_PAIRS} more pair(s).")
    if len(pairs) and args.dedupe == "none":
        print("  Every count above includes them. --dedupe outlet keeps one copy per outlet, "
              "--dedupe corpus one copy overall; --dropped FILE lists what was dropped.")


def _partition_folder_check(folder) -> None:
    """Refuse, before anything is read, an output for ``--partition-rows`` that is not a
    new or empty folder: a file, or a folder that holds Parquet files already."""
    from pathlib import Path

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"-o {folder}: is a file, and --partition-rows writes a folder of "
                        "Parquet files; give a new or empty folder.")
    if folder.is_dir() and any(folder.glob("*.parquet")):
        raise UserError(f"-o {folder}: the folder holds Parquet files already; give a new or "
                        "empty folder, so that no old partition is read with the new ones")


def _write_partitions(corpus: pd.DataFrame, folder, rows: int) -> int:
    """``corpus`` as Parquet files of ``rows`` articles each in ``folder`` (made); refuses
    a folder that holds Parquet files already. Returns the number of files."""
    import io
    from pathlib import Path

    from analysis.io import write_atomic

    folder = Path(folder)
    _partition_folder_check(folder)
    folder.mkdir(parents=True, exist_ok=True)
    starts = range(0, max(len(corpus), 1), rows)
    for number, start in enumerate(starts):
        buffer = io.BytesIO()
        corpus.iloc[start:start + rows].to_parquet(buffer, index=False)
        write_atomic(folder / f"part-{number:05d}.parquet", buffer.getvalue())
    return len(starts)


def run_import(args) -> int:
    import warnings
    from pathlib import Path

    from analysis.cli.common import report_loading
    from analysis.corpus import corpus_load
    from analysis.corpus.dedupe import duplicates_drop
    from analysis.io import table_to_csv, write_atomic

    output = Path(args.output)
    if args.partition_rows is None and output.suffix.lower() not in {".parquet", ".csv"}:
        raise UserError(f"-o {args.output}: the table is written as Parquet or CSV; give a "
                        "file name ending in .parquet or .csv.")
    if args.partition_rows is not None:
        _partition_folder_check(output)
    options = corpus_options(args).per_file()
    frames = []
    for source in args.sources:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = corpus_load(source, **options)
        report_loading(corpus, caught)
        frames.append(corpus)
    ids = [set(f["doc_id"]) for f in frames]
    if len(frames) > 1 and sum(map(len, ids)) != len(set().union(*ids)):
        names = [Path(s).name for s in args.sources]
        if len(set(names)) < len(names):
            raise UserError("the sources hold articles with the same ids, and have the same "
                            f"names ({', '.join(names)}); give sources with different names.")
        for name, frame in zip(names, frames, strict=True):
            frame["doc_id"] = name + "/" + frame["doc_id"]
        print("The sources hold articles with the same ids: each id now starts with its "
              "source's name.", file=sys.stderr)
    for frame in frames:
        frame.attrs = {}
    corpus = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    corpus = corpus.astype({c: "string" for c in corpus.columns})
    dropped = duplicates_drop(corpus, dedupe=args.dedupe, near=args.near)
    corpus = corpus[~corpus["doc_id"].isin(dropped["doc_id"])].reset_index(drop=True)
    write_dropped(dropped, args)
    if args.partition_rows is not None:
        files = _write_partitions(corpus, output, args.partition_rows)
        with pd.option_context("display.width", 200, "display.max_columns", None):
            print(corpus_summary(corpus).to_string(index=False))
        print(f"Wrote {len(corpus)} article(s) from {len(args.sources)} source(s) to "
              f"{files} partition(s) of at most {args.partition_rows} in {args.output}")
        return 0
    if output.suffix.lower() == ".parquet":
        import io

        buffer = io.BytesIO()
        corpus.to_parquet(buffer, index=False)
        data = buffer.getvalue()
    else:
        data = table_to_csv(corpus)
    write_atomic(output, data)
    with pd.option_context("display.width", 200, "display.max_columns", None):
        print(corpus_summary(corpus).to_string(index=False))
    print(f"Wrote {len(corpus)} article(s) from {len(args.sources)} source(s) to "
          f"{args.output}")
    return 0


def run_figures(args) -> int:
    from analysis.notebooks import NotebookError, notebooks_run

    if args.corpus_option is not None:
        if args.corpus is not None and args.corpus != args.corpus_option:
            raise UserError(f"two corpora given ({args.corpus} and --corpus "
                            f"{args.corpus_option}): give one")
        args.corpus = args.corpus_option
    if args.dedupe != "none" or args.dropped:
        corpus_from_args(args)  # says what is dropped, and writes --dropped

    options = corpus_options(args).changed()
    parameters = {}
    out = args.out or results_dir(args.corpus and Path(args.corpus).resolve())
    # Ctrl-C and a kill both stop the run cleanly (also when started with SIGINT ignored)
    handlers = {signum: signal.signal(signum, _interrupt)
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        for parameter in PARAMETERS.values():
            text = getattr(args, f"parameter_{parameter.name}", None)
            if parameter.option and text is not None:
                parameters[parameter.name] = parameter.parse(text)
        ran = notebooks_run(corpus=args.corpus, out_dir=args.out, corpus_options=options,
                            parameters=parameters)
    except (NotebookError, ParameterError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\ndiscourse figures: interrupted; nothing in {out} was changed.",
              file=sys.stderr)
        return 130
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    print(f"Ran {len(ran)} notebook(s); figures and tables are in {out}")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


