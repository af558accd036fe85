"""Formulas as MathML, rendered when the site is built (no script, no network): on a page
whose front matter says ``math: true``, ``$$...$$`` (a display formula) and ``$...$`` (in
the text) are LaTeX, converted by latex2mathml. Code blocks and code spans are left as
they are."""

from __future__ import annotations

import re

from latex2mathml.converter import convert

CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)
DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$")


def _formulas(text: str) -> str:
    text = DISPLAY.sub(lambda m: "\n\n" + convert(m.group(1).strip(), display="block")
                       + "\n\n", text)
    # in a span: Markdown takes a line starting with <math> for a block of HTML
    return INLINE.sub(lambda m: f"<span class=\"math\">{convert(m.group(1))}</span>", text)


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if not page.meta.get("math"):
        return markdown
    parts = CODE.split(markdown)
    return "".join(p if i % 2 else _formulas(p) for i, p in enumerate(parts))
