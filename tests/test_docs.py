"""The documentation site: `make docs` builds it with no warning (strict mode: every link and
anchor resolves), and it holds every public name, every command and option of `discourse`,
every guide, and every figure of every notebook. The README is a front door of at most 250
lines with the two set-up commands."""

from __future__ import annotations

import argparse
import csv
import html
import importlib
import importlib.util
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import analysis
from analysis.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        why = "mkdocs is not installed (pip install .[docs])"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{why} (required on CI)")
        pytest.skip(why)
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                          str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-5000:]
    assert "WARNING" not in run.stderr, run.stderr[-5000:]
    return out


def text_of(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


def public_modules():
    names = ["analysis"] + [i.name for i in pkgutil.walk_packages(analysis.__path__, "analysis.")
                            if not any(p.startswith("_") for p in i.name.split("."))]
    for name in sorted(names):
        exported = getattr(importlib.import_module(name), "__all__", [])
        if exported:
            yield name, list(exported)


def test_every_public_name_has_its_entry_in_the_python_reference(site):
    anchors = set()
    for page in (site / "reference" / "api").glob("*.html"):
        anchors |= set(re.findall(r'id="(analysis\.[\w.]+)"', page.read_text(encoding="utf-8")))
    documented = {a.rsplit(".", 1)[1] for a in anchors}
    missing = [f"{module}.{name}" for module, names in public_modules() for name in names
               if name not in documented]
    assert missing == []
    assert len(anchors) > 200


def test_an_entry_shows_the_docstring_with_its_example_as_code(site):
    text = "".join(p.read_text(encoding="utf-8")
                   for p in (site / "reference" / "api").glob("*.html"))
    assert text.count('<span class="gp">&gt;&gt;&gt; </span>') > 100  # doctests as code
    assert ":func:`" not in text and "<blockquote>" not in text


def commands(parser: argparse.ArgumentParser, prefix: str = "discourse"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix} {name}", sub
                yield from commands(sub, f"{prefix} {name}")


def test_every_command_and_option_is_in_the_command_line_reference(site):
    page = (site / "reference" / "cli.html").read_text(encoding="utf-8")
    text = html.unescape(page)
    found = list(commands(build_parser()))
    assert len(found) > 15
    for full, parser in found:
        anchor = "-".join(full.split()[1:])
        assert f'id="{anchor}"' in page, full
        section = text[text.index(f'id="{anchor}"'):]
        options = [o for a in parser._actions for o in a.option_strings
                   if o not in ("-h", "--help")]
        options += [a.metavar or a.dest for a in parser._actions
                    if not a.option_strings and not isinstance(a, argparse._SubParsersAction)]
        for option in options:
            assert f"<code>{option}</code>" in section, f"{full}: {option}"


def test_every_notebook_page_shows_every_figure_the_notebook_saved(site):
    with (ROOT / "figures" / "MANIFEST.csv").open(encoding="utf-8", newline="") as f:
        pngs = [(r["notebook"], r["file"]) for r in csv.DictReader(f) if r["file"].endswith(".png")]
    assert pngs
    for notebook in sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb")):
        page = (site / "notebooks" / f"{notebook}.html").read_text(encoding="utf-8")
        for name in [file for nb, file in pngs if nb == notebook]:
            assert f'src="figures/{name}"' in page, f"{notebook}: {name}"
            assert (site / "notebooks" / "figures" / name).stat().st_size > 1000


def test_every_guide_is_on_the_site_and_in_the_navigation(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    guides = sorted((ROOT / "docs" / "guides").glob("*.md"))
    assert len(guides) >= 10
    for guide in guides:
        assert (site / "guides" / f"{guide.stem}.html").exists(), guide.name
        assert f'href="guides/{guide.stem}.html"' in home, guide.name


def test_the_tutorial_links_to_the_guides_of_the_other_parts(site):
    page = (site / "tutorial" / "first-framing-study.html").read_text(encoding="utf-8")
    for name in ("search-strings", "validation", "classifiers", "topics-and-networks",
                 "statistics"):
        assert f'href="../guides/{name}.html' in page, name
        assert (site / "guides" / f"{name}.html").exists()


def test_the_dictionary_syntax_is_the_shipped_files_header(site):
    text = text_of(site / "reference" / "dictionary-files.html")
    header = (ROOT / "analysis" / "data" / "frames_default.toml").read_text(encoding="utf-8")
    assert "PATTERN LANGUAGE" in header and "PATTERN LANGUAGE" in text
    assert "word*       a word that starts with it" in text


def test_the_readme_is_a_front_door_with_the_two_set_up_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    block = re.search(r"```sh\n(.*?)```", readme[readme.index("## Set up"):], re.S).group(1)
    assert "make figures" in block and "make test" in block
    assert "apt-get install chromium" in block


def test_the_tutorial_prints_what_it_shows_and_saves_its_figure(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "tutorial", ROOT / "docs" / "scripts" / "tutorial.py")
    tutorial = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tutorial)
    results = tutorial.run(folder=tmp_path)
    assert len(results) >= 7
    for code, shown, printed in results:
        assert printed == shown, code
    assert (tmp_path / "paper-figures" / "frames-over-time.pdf").stat().st_size > 1000
    assert "frames-over-time" in (tmp_path / "paper-figures" / "CAPTIONS.md").read_text(
        encoding="utf-8")


def test_the_readme_example_runs(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    assert len(code.strip().splitlines()) <= 10
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102
    finally:
        os.chdir(here)
    printed = capsys.readouterr().out
    assert "koude_oorlog" in printed and "log_ratio" in printed
