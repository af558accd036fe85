"""No sub-command writes into a corpus: every option that names a file or folder to write is
refused when it points inside the bundled corpus or the corpus being read.

The cases are generated from the argument parser, so an option added later is covered as
soon as it exists: an output option (``type=output_path`` or ``output_folder``) gets the
refusal test, and an option that takes a path and is neither an output nor a known input
fails ``test_every_path_option_is_an_output_or_a_known_input`` until it is declared one or
the other.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.cli import build_parser, main
from analysis.cli.common import output_folder, output_path
from analysis.paths import CORPUS_DIR

FIXTURES = Path(__file__).parent / "fixtures"
CODED_SAMPLE = FIXTURES / "sentiment" / "coded_sample.csv"
#: Options (or positionals, by their dest) that name a file or folder a command reads.
READS = {"corpus", "--corpus", "sources", "file", "--frames", "--stopwords", "--data", "--actors",
         "--speech-verbs", "--cues", "--not-speech", "--title-words", "--anaphora",
         "--events", "--codes", "--validation-codes", "--validation-coders",
         "--validation-refined", "--model", "--parameters", "--queries"}
#: Required options that take a number (filled with 1, the others with a word).
NUMBER_OPTIONS = {"--n"}
#: The argument types of the options that name a file or folder a command writes.
OUTPUT_TYPES = (output_path, output_folder)
#: The positionals (by dest) that name the corpus a command reads.
CORPUS_DESTS = {"corpus", "sources"}
PATH_METAVARS = {"FILE", "DIR", "PATH", "FOLDER", "CORPUS"}


def _commands() -> dict:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return dict(sub.choices)


def _value_options(command) -> list:
    return [a for a in command._actions
            if a.dest != "help" and not (a.option_strings and a.nargs == 0)]


def _name(action) -> str:
    return action.option_strings[-1] if action.option_strings else action.dest


OUTPUTS = [(name, _name(a)) for name, command in _commands().items()
           for a in _value_options(command) if a.type in OUTPUT_TYPES]


def _argv(name: str, option: str, target: Path, corpus: Path, tmp_path: Path) -> list[str]:
    """The command line of ``name`` with every required argument filled in and ``option``
    set to ``target``."""
    command = _commands()[name]
    argv = [name]
    for action in _value_options(command):
        flag = _name(action)
        if flag == option:
            continue
        if not action.option_strings:  # positional
            value = corpus if action.dest in CORPUS_DESTS else (
                CODED_SAMPLE if action.dest == "file" else "navo")
            argv.append(str(value))
        elif action.required:
            value = tmp_path / "elsewhere.csv" if action.type in OUTPUT_TYPES else (
                "1" if flag in NUMBER_OPTIONS else "text")
            argv += [flag, str(value)]
        elif flag == "--corpus":
            argv += [flag, str(corpus)]
    for group in command._mutually_exclusive_groups:  # one of them is required
        if group.required and not any(_name(a) == option for a in group._group_actions):
            argv += [_name(group._group_actions[0]), "text"]
    return argv + [option, str(target)]


def test_the_output_options_are_found():
    found = set(OUTPUTS)
    assert {("frames", "--init"), ("frames", "--matches"), ("frames", "--cooccurrence"),
            ("sentiment-train", "--model"), ("classify-train", "--output"),
            ("classify", "--output"), ("figures", "--out"), ("sentiment", "--output")} <= found
    assert len(found) >= 13


def test_every_path_option_is_an_output_or_a_known_input():
    unclassified = [(name, _name(a)) for name, command in _commands().items()
                    for a in _value_options(command)
                    if (a.metavar in PATH_METAVARS or a.dest in READS)
                    and a.type not in OUTPUT_TYPES and _name(a) not in READS]
    assert unclassified == []


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("name", "option"), OUTPUTS, ids=[f"{n} {o}" for n, o in OUTPUTS])
@pytest.mark.parametrize("which", ["bundled", "given"])
def test_an_output_inside_the_corpus_is_refused(name, option, which, tmp_path, capsys):
    corpus = CORPUS_DIR
    if which == "given":
        corpus = tmp_path / "mijn-corpus"
        shutil.copytree(CORPUS_DIR, corpus)
    command = _commands()[name]
    if which == "given" and not any(a.dest in CORPUS_DESTS for a in command._actions):
        pytest.skip(f"{name} reads no corpus")
    folder_option = any(_name(a) == option and a.type is output_folder
                        for a in command._actions)
    target = corpus / ("uitvoer" if folder_option else "uitvoer.csv")
    before = _snapshot(corpus)
    code = main(_argv(name, option, target, corpus, tmp_path))
    err = capsys.readouterr().err
    what = "folder" if folder_option else "file"
    assert code == 2
    assert err == (f"discourse {name}: the output {what} {target} lies inside the corpus "
                   f"folder {corpus}; nothing may be written into the corpus. Choose "
                   f"another output {what}.\n")
    assert _snapshot(corpus) == before
    assert not target.exists()
