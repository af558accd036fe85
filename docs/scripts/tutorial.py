"""Run the tutorial's code: every ```python block of a page, in order, in one namespace, in
a folder holding the tutorial's export and the files the page asks to save ("save this as
`name`", then a code block); what each block prints is compared with the ```text block
after it.

    python docs/scripts/tutorial.py            # check; exit 1 on a difference
    python docs/scripts/tutorial.py --update   # write what the blocks print into the page
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

TUTORIAL = Path(__file__).resolve().parents[1] / "tutorial" / "first-framing-study.md"
SAVED = re.compile(r"[Ss]ave (?:this|them) as\s+`([^`]+)`[^`]*?```\w+\n(.*?)```", re.S)
BLOCK = re.compile(r"```python\n(.*?)```\n\n```text\n(.*?)```", re.S)


def run(page: Path = TUTORIAL, folder: Path | None = None) -> list[tuple[str, str, str]]:
    """(code, output shown on the page, output printed) of every python block."""
    text = page.read_text(encoding="utf-8")
    folder = Path(folder or tempfile.mkdtemp())
    shutil.copy(page.parent / "nexis-sample.rtf", folder)
    for name, content in SAVED.findall(text):
        (folder / name).write_text(content, encoding="utf-8")
    namespace: dict = {}
    results = []
    here = os.getcwd()
    os.chdir(folder)
    try:
        for code, shown in BLOCK.findall(text):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(code, str(page), "exec"), namespace)  # noqa: S102
            results.append((code, shown, out.getvalue()))
    finally:
        os.chdir(here)
    return results


def update(page: Path = TUTORIAL) -> None:
    """Write what the blocks print into the page, and the figure they save beside it."""
    folder = Path(tempfile.mkdtemp())
    results = iter(run(page, folder))
    shutil.copy(folder / "paper-figures" / "frames-over-time.png", page.parent)
    text = page.read_text(encoding="utf-8")

    def fill(match):
        code, _, printed = next(results)
        return f"```python\n{code}```\n\n```text\n{printed}```"

    page.write_text(BLOCK.sub(fill, text), encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(TUTORIAL.parents[2]))
    if "--update" in sys.argv:
        update()
    else:
        bad = [code for code, shown, printed in run() if shown != printed]
        print("\n---\n".join(bad) or "the tutorial prints what it shows")
        sys.exit(1 if bad else 0)
