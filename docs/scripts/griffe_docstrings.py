"""Docstrings of the package, read as Markdown: Sphinx roles (``:func:`name```) become code,
and doctest examples (``>>>`` lines and their output) become Python console blocks, so
that an example is shown as code, not as a quotation."""

from __future__ import annotations

import re

import griffe

ROLE = re.compile(r":(?:func|class|mod|data|meth|attr|exc|obj|const):`~?([^`]+)`")


def markdown(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(indent):] if lines[i].startswith(indent)
                             else lines[i].lstrip())
                i += 1
            if out and out[-1].strip():
                out.append("")
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"]
            continue
        out.append(ROLE.sub(r"`\1`", line))
        i += 1
    return "\n".join(out)


class Docstrings(griffe.Extension):
    def on_object(self, *, obj, **kwargs) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
