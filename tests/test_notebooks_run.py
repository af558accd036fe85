"""``discourse figures`` as a careful writer: one run per output folder, all or nothing,
nothing deleted that the toolkit did not write."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.output import figures_setup
from analysis.output.figures import MANIFEST_COLUMNS
from tests.conftest import tree_digest
from tests.test_notebooks import TABLE_FORMATS

#: What the small notebook's one table_save writes.
TABLE_FILES = sorted(f"t-table.{fmt}" for fmt in TABLE_FORMATS)


def _notebook(folder: Path) -> Path:
    """A small notebook in the project's convention: it saves one table, whose value comes
    from $DISCOURSE_TEST_VALUE, and when $DISCOURSE_TEST_SLOW names a file it touches that
    file and sleeps (so a test can interrupt it)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("corpus_path = None\nout_dir = None")
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [
        parameters,
        nbformat.v4.new_code_cell(
            "import os\nimport pandas as pd\nfrom analysis.output.figures import table_save\n"
            "from analysis.notebooks import notebook_setup\n"
            'setup = notebook_setup("t-notebook", globals())\n'
            'table_save(pd.DataFrame({"a": [os.environ.get("DISCOURSE_TEST_VALUE", "1")]}),'
            ' "t-table")'),
        nbformat.v4.new_code_cell(
            "import pathlib, time\nif os.environ.get('DISCOURSE_TEST_SLOW'):\n"
            "    pathlib.Path(os.environ['DISCOURSE_TEST_SLOW']).touch()\n"
            "    time.sleep(600)"),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = folder / "t-notebook.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def small(tmp_path, monkeypatch):
    """``discourse figures`` running only the small notebook; returns (notebook, out)."""
    import analysis.notebooks.run as run

    notebook = _notebook(tmp_path)
    monkeypatch.setattr(run, "notebooks_list", lambda *a: [notebook])
    return notebook, tmp_path / "out"


def _manifest(folder: Path, rows: list[dict[str, str]]) -> None:
    with (folder / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_second_run_into_the_same_folder_is_refused(small, capsys):
    from analysis.notebooks.run import _locked

    _, out = small
    with _locked(out):  # a first run holds the folder
        assert main(["figures", "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"another `discourse figures` run is writing into {out}; wait until it has finished, "
        "or choose another output folder (--out).\n")
    assert list(out.iterdir()) == []
    assert main(["figures", "--out", str(out)]) == 0  # once the first run is done
    assert (out / "t-table.csv").read_text(encoding="utf-8") == "a\n1\n"


def _signals_at_default():
    """Give the child Ctrl-C and SIGTERM at their defaults, as in a terminal.

    A test run started in the background (``cmd &``, nohup, some CI runners) inherits an
    ignored SIGINT, and Python then never raises KeyboardInterrupt in the child.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_leaves_the_folder_as_it_was(small, tmp_path, signum):
    notebook, out = small
    assert main(["figures", "--out", str(out)]) == 0
    before = tree_digest(out)
    flag = tmp_path / "started"
    script = (
        "import sys\nfrom pathlib import Path\nimport analysis.notebooks.run as run\n"
        f"run.notebooks_list = lambda *a: [Path({str(notebook)!r})]\n"
        "from analysis.cli import main\n"
        f"sys.exit(main(['figures', '--out', {str(out)!r}]))\n")
    env = dict(os.environ, DISCOURSE_TEST_SLOW=str(flag), DISCOURSE_TEST_VALUE="2")
    proc = subprocess.Popen([sys.executable, "-c", script], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_signals_at_default)
    deadline = time.monotonic() + 120
    while not flag.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert flag.exists(), proc.communicate(timeout=30)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=180)  # far less than the notebook's sleep
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().endswith(
        f"discourse figures: interrupted; nothing in {out} was changed.")
    assert tree_digest(out) == before  # no new table, no staging folder left


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(small):
    from analysis.notebooks.run import _staging_new

    _, out = small
    out.mkdir()
    stale = _staging_new(out) / "out"  # as a run makes it, before it is killed
    stale.mkdir(parents=True)
    (stale / "t-table.csv").write_text("a\n9\n", encoding="utf-8")
    assert main(["figures", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["MANIFEST.csv", *TABLE_FILES]


def test_a_users_folder_named_like_a_staging_folder_is_never_removed(small):
    """Only a staging folder a run made (and marked as its own before using it) is ever
    removed; a folder of the user's with such a name is left alone."""
    _, out = small
    mine = out / ".discourse-staging-mijn-werk"
    mine.mkdir(parents=True)
    (mine / "hoofdstuk.docx").write_bytes(b"mijn hoofdstuk")
    assert main(["figures", "--out", str(out)]) == 0
    assert (mine / "hoofdstuk.docx").read_bytes() == b"mijn hoofdstuk"
    assert sorted(p.name for p in out.iterdir()) == [mine.name, "MANIFEST.csv", *TABLE_FILES]


def test_a_users_captions_file_is_not_replaced(small, capsys):
    """CAPTIONS.md is guarded as every other file the run writes: a user's own is refused
    before any notebook runs, and the toolkit's own is replaced on the next run."""
    _, out = small
    out.mkdir()
    (out / "CAPTIONS.md").write_text("# Mijn bijschriften\n", encoding="utf-8")
    assert main(["figures", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'CAPTIONS.md'} was not written by this toolkit" in err
    assert (out / "CAPTIONS.md").read_text(encoding="utf-8") == "# Mijn bijschriften\n"
    assert sorted(p.name for p in out.iterdir()) == ["CAPTIONS.md"]


def test_an_unrelated_manifest_is_refused_with_a_message(small, capsys):
    _, out = small
    out.mkdir()
    (out / "MANIFEST.csv").write_text("naam,opmerking\nhoofdstuk1.docx,klad\n",
                                      encoding="utf-8")
    assert main(["figures", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{out / 'MANIFEST.csv'} was not written by this toolkit (its "
                          "columns: naam, opmerking;")
    assert sorted(p.name for p in out.iterdir()) == ["MANIFEST.csv"]


def test_a_manifest_of_an_earlier_version_is_taken_as_the_toolkits(small):
    """A manifest written before the caption column existed still lists the toolkit's own
    files: the next run replaces them and writes the manifest with every column."""
    _, out = small
    assert main(["figures", "--out", str(out)]) == 0
    manifest = out / "MANIFEST.csv"
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    older = [c for c in MANIFEST_COLUMNS if c != "caption"]
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=older, lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    assert main(["figures", "--out", str(out)]) == 0
    assert manifest.read_text(encoding="utf-8").splitlines()[0] == ",".join(MANIFEST_COLUMNS)
    assert sorted(p.name for p in out.iterdir()) == ["MANIFEST.csv", *TABLE_FILES]


def test_a_file_the_toolkit_did_not_write_is_never_deleted(small, tmp_path):
    _, out = small
    out.mkdir()
    notes = out / "scriptie-notities.txt"
    notes.write_text("mijn aantekeningen\n", encoding="utf-8")
    sha = hashlib.sha256(notes.read_bytes()).hexdigest()
    row = {"file": notes.name, "notebook": "t-notebook", "corpus_fingerprint": "",
           "frames_sha256": "", "toolkit_version": "0.1.0", "sha256": sha}
    _manifest(out, [row])
    assert main(["figures", "--out", str(out)]) == 0
    assert notes.read_text(encoding="utf-8") == "mijn aantekeningen\n"
    # and a notebook run by hand, which forgets its earlier files, keeps it too
    _manifest(out, [row])
    figures_setup(out, notebook="t-notebook")
    assert notes.read_text(encoding="utf-8") == "mijn aantekeningen\n"


def test_a_users_file_with_an_output_name_is_not_replaced(small, capsys):
    _, out = small
    out.mkdir()
    (out / "t-table.csv").write_text("mijn eigen tabel\n", encoding="utf-8")
    assert main(["figures", "--out", str(out)]) == 1
    assert "the run would replace 1 file(s)" in capsys.readouterr().err
    assert (out / "t-table.csv").read_text(encoding="utf-8") == "mijn eigen tabel\n"
    assert sorted(p.name for p in out.iterdir()) == ["t-table.csv"]


def test_a_rerun_replaces_the_toolkits_own_files(small, monkeypatch):
    _, out = small
    assert main(["figures", "--out", str(out)]) == 0
    monkeypatch.setenv("DISCOURSE_TEST_VALUE", "3")
    assert main(["figures", "--out", str(out)]) == 0
    assert (out / "t-table.csv").read_text(encoding="utf-8") == "a\n3\n"
    rows = (out / "MANIFEST.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[:2] for row in rows] == [[name, "t-notebook"] for name in TABLE_FILES]
