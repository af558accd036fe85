"""Same input, same bytes: every figure and table is identical over two runs, carries the
fingerprint of the data that made it, and equals the committed copy in figures/; no command
changes the corpus folder."""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
from pathlib import Path

import papermill
import pytest
from PIL import Image

from analysis import __version__
from analysis.cli import build_parser, main
from analysis.corpus import corpus_fingerprint, corpus_load
from analysis.dictionaries import DEFAULT_FRAMES_FILE
from analysis.notebooks import notebooks_list
from analysis.output import CAPTIONS_NAME, MANIFEST_NAME
from analysis.paths import CORPUS_DIR, FIGURES_DIR
from analysis.quotes import CODED_BUNDLED_FILE

FIGURE_FORMATS = {"png", "svg", "pdf"}
MANIFEST_COLUMNS = ["file", "notebook", "corpus_fingerprint", "frames_sha256",
                    "toolkit_version", "sha256", "caption", "lang"]


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256(p)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / MANIFEST_NAME).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == MANIFEST_COLUMNS
        return list(reader)


def embedded_provenance(path: Path) -> dict[str, str]:
    """The provenance a figure file carries in its own metadata."""
    if path.suffix == ".png":
        with Image.open(path) as image:
            text = image.text["Description"]
    elif path.suffix == ".svg":
        text = re.search(r"<dc:description>(.*?)</dc:description>",
                         path.read_text(encoding="utf-8"), re.S).group(1)
    else:
        text = re.search(rb"/Subject \((.*?)\)", path.read_bytes()).group(1).decode()
    return dict(item.split("=", 1) for item in text.split("; "))


def test_two_runs_give_byte_identical_files(figures_run_twice):
    first, second = figures_run_twice
    names = files(first)
    assert names, "the notebooks wrote nothing"
    assert files(second) == names
    differ = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert differ == [], ("these files differ between two runs (the second on a copy of the "
                          f"corpus): {differ}")


def test_every_notebook_writes_figures_in_three_formats(figures_runs):
    first = figures_runs.first
    rows = manifest(first)
    made_by = {row["notebook"] for row in rows}
    assert made_by == {p.stem for p in figures_runs.notebooks}
    stems = {Path(row["file"]).stem for row in rows
             if Path(row["file"]).suffix[1:] in FIGURE_FORMATS}
    for stem in stems:
        assert {f"{stem}.{fmt}" for fmt in FIGURE_FORMATS} <= set(files(first)), stem


def test_manifest_lists_every_file_and_the_data_that_made_it(figures_runs):
    first = figures_runs.first
    rows = manifest(first)
    assert [row["file"] for row in rows] == [n for n in files(first)
                                             if n not in (MANIFEST_NAME, CAPTIONS_NAME)]
    fingerprint = corpus_fingerprint(corpus_load(CORPUS_DIR))
    # A notebook with a `frames_file` parameter uses a frame dictionary (by default the
    # shipped one), and its files record that dictionary's hash; the others record none.
    uses_frames = {p.stem: "frames_file" in papermill.inspect_notebook(str(p))
                   for p in figures_runs.notebooks}
    frames_hash = sha256(DEFAULT_FRAMES_FILE)
    for row in rows:
        assert row["sha256"] == sha256(first / row["file"]), row["file"]
        assert row["corpus_fingerprint"] == fingerprint, row["file"]
        assert row["toolkit_version"] == __version__, row["file"]
        expected = frames_hash if uses_frames[row["notebook"]] else ""
        assert row["frames_sha256"] == expected, row["file"]


def test_every_figure_file_carries_its_provenance(figures_run_twice):
    first, _ = figures_run_twice
    figures = [row for row in manifest(first) if Path(row["file"]).suffix[1:] in FIGURE_FORMATS]
    assert figures
    for row in figures:
        carried = embedded_provenance(first / row["file"])
        assert carried == {
            "notebook": row["notebook"], "corpus_fingerprint": row["corpus_fingerprint"],
            "frames_sha256": row["frames_sha256"], "toolkit_version": row["toolkit_version"],
            "figure": Path(row["file"]).stem,
        }, row["file"]


def git_blob_sha1(data: bytes) -> str:
    """The id git gives a file with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def committed_figures() -> dict[str, str] | None:
    """{file name: git blob id} of figures/ in the commit checked out (HEAD), or None outside
    a git checkout (an unpacked release)."""
    try:
        listing = subprocess.run(
            ["git", "ls-tree", "-z", "HEAD", "--", f"{FIGURES_DIR.name}/"], cwd=FIGURES_DIR.parent,
            capture_output=True, check=True).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        return None
    entries = (line.split("\t", 1) for line in listing.split("\0") if line)
    return {Path(path).name: meta.split()[2] for meta, path in entries}


def test_committed_figures_are_what_make_figures_regenerates(figures_runs, figures_run_twice):
    """README: `make figures` runs `discourse figures --out figures`; the first run does the
    same into a temporary folder. It is compared with the figures/ of the commit (HEAD), not
    only with the folder, so that a `make figures` before the tests cannot hide a difference:
    this compares the committed files with a run, never a run with a run."""
    first, _ = figures_run_twice
    assert figures_runs.notebooks == tuple(notebooks_list()), "notebooks changed during the run"
    assert files(FIGURES_DIR) == files(first), "figures/ holds other files than a fresh run"
    stale = [n for n in files(first) if (FIGURES_DIR / n).read_bytes() != (first / n).read_bytes()]
    assert stale == [], f"regenerate figures/ (make figures): these differ: {stale}"
    committed = committed_figures()
    if committed is None:  # not a git checkout: the folder is what was shipped
        return
    assert sorted(committed) == files(first), "the commit's figures/ holds other files"
    uncommitted = [n for n in files(first)
                   if committed[n] != git_blob_sha1((first / n).read_bytes())]
    assert uncommitted == [], ("figures/ in the last commit differ from a regeneration; "
                               f"commit what make figures wrote: {uncommitted}")


def test_notebooks_leave_the_corpus_unchanged(figures_runs):
    assert figures_runs.after == figures_runs.before


# --------------------------------------------------------------------------- commands

#: Values for arguments a command needs besides the corpus (add one for a new command).
ARGUMENT_VALUES = {"pattern": "NAVO", "query": "NAVO", "word": "NAVO", "words": "NAVO",
                   "term": "NAVO", "terms": "NAVO", "keyword": "NAVO", "target": "NRC",
                   "file": str(CODED_BUNDLED_FILE)}


def corpus_commands() -> dict[str, object]:
    """The sub-commands that read a corpus (all but `figures`, which the notebook runs test)."""
    action = next(a for a in build_parser()._actions if a.dest == "command")
    return {name: parser for name, parser in action.choices.items()
            if name != "figures" and any(a.dest == "corpus" for a in parser._actions)}


#: Output names of commands that write something else than one CSV file.
OUTPUT_NAMES = {"network": "network.graphml", "topics": "topics", "frames-validate": "scores",
                "actors-validate": "scores"}


def _actor_codes(folder: Path, corpus: Path) -> Path:
    """A 0/1 column per actor of the shipped dictionary for every article of ``corpus``."""
    from analysis.dictionaries import actors_load

    ids = corpus_load(corpus)["doc_id"].tolist()
    names = list(actors_load().actors)
    path = folder / "actor-codes.csv"
    lines = ["doc_id," + ",".join(names)] + [
        f"{doc}," + ",".join(str((i + k) % 2) for k in range(len(names)))
        for i, doc in enumerate(ids)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def command_extra(name: str, corpus: Path, folder: Path) -> list[str]:
    """Options a command needs besides its corpus and output (add them for a new command):
    its queries, sample size, number of topics, a model or codes to read."""
    from analysis.paths import DATA_DIR

    folder.mkdir(parents=True, exist_ok=True)
    if name == "search":
        return ["--query", "navo=NAVO"]
    if name == "sample":
        return ["--n", "3"]
    if name == "topics":
        return ["--k", "2"]
    if name == "topics-apply":
        model = folder / "model"
        assert main(["topics", str(corpus), "--k", "2", "-o", str(model)]) == 0
        return ["--model", str(model / "model.npz")]
    if name == "classify":
        return ["--model", str(DATA_DIR / "sentiment_model")]
    if name == "frames-validate":
        return ["--codes", str(DATA_DIR / "validation_codes_bundled.csv"), "--unit", "sentence"]
    if name == "actors-validate":
        return ["--codes", str(_actor_codes(folder, corpus))]
    return []


def command_argv(name: str, parser, corpus: Path, out: Path,
                 extra: list[str] = ()) -> list[str]:
    argv = [name]
    for action in parser._actions:
        if action.dest == "corpus":
            argv += [str(corpus)] if not action.option_strings else [
                action.option_strings[0], str(corpus)]
        elif action.dest == "output":
            argv += [action.option_strings[-1], str(out / OUTPUT_NAMES.get(name, f"{name}.csv"))]
        elif action.option_strings and set(action.option_strings) & set(extra):
            continue
        elif action.required or not action.option_strings:
            if action.dest not in ARGUMENT_VALUES:
                pytest.fail(f"discourse {name}: add a test value for {action.dest!r} to "
                            "ARGUMENT_VALUES or command_extra")
            value = ARGUMENT_VALUES[action.dest]
            argv += [value] if not action.option_strings else [action.option_strings[-1], value]
    return argv + list(extra)


@pytest.mark.parametrize("name", sorted(corpus_commands()))
def test_commands_leave_the_corpus_unchanged(name, figures_runs, tmp_path, monkeypatch,
                                             capsys):
    corpus = figures_runs.corpus_copy
    monkeypatch.chdir(tmp_path)
    before = tree_digest(corpus)
    extra = command_extra(name, corpus, tmp_path / "inputs")
    argv = command_argv(name, corpus_commands()[name], corpus, tmp_path, extra)
    code = main(argv)
    assert code == 0, f"discourse {' '.join(argv)} failed: {capsys.readouterr().err}"
    assert tree_digest(corpus) == before
    assert before == figures_runs.before["copy"]
