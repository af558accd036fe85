"""The coding sheet: the sample with one empty column per variable to code, as CSV or as an
Excel workbook (.xlsx, written by openpyxl), and read back with every cell as text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.io import FORMULA_STARTS, table_to_csv, write_atomic

__all__ = ["SHEET_COLUMNS", "sheet_make", "sheet_write", "sheet_read"]

#: The columns of a coding sheet before the variables (``group`` is named after the
#: stratifying column when there is one).
SHEET_COLUMNS = ["unit_id", "doc_id", "sentence_id", "group", "date", "title", "text"]


def sheet_make(sample: pd.DataFrame, variables: Sequence[str], *,
               by: str | None = None) -> pd.DataFrame:
    """The coding sheet of a sample (:func:`analysis.validation.sampling.sample_draw`):
    the columns ``unit_id``, ``doc_id``, ``sentence_id``, the group (named ``by`` when
    given, else ``group``), ``date``, ``title``, ``text``, then one empty column per
    variable, in the sample's order.

    >>> s = pd.DataFrame({"unit_id": ["a"], "doc_id": ["a"], "sentence_id": [0],
    ...     "group": ["NOS"], "date": [""], "title": ["T"], "text": ["Tekst."]})
    >>> sheet_make(s, ["sancties", "diplomatie"], by="outlet").columns.tolist()[3:]
    ['outlet', 'date', 'title', 'text', 'sancties', 'diplomatie']
    """
    variables = [str(v).strip() for v in variables]
    if not variables or any(not v for v in variables):
        raise ValueError("give the variables to code (a frame dictionary, or names)")
    clash = [v for v in variables if v in SHEET_COLUMNS or v == by]
    if clash:
        raise ValueError(f"a variable cannot be called {clash[0]!r}: the sheet has that "
                         "column already")
    if len(set(variables)) < len(variables):
        raise ValueError("a variable is named twice")
    sheet = sample[SHEET_COLUMNS].copy()
    if by:
        sheet = sheet.rename(columns={"group": by})
    for variable in variables:
        sheet[variable] = ""
    return sheet.reset_index(drop=True)


def sheet_write(sheet: pd.DataFrame, path: str | Path) -> Path:
    """Write the sheet atomically: an Excel workbook when the name ends in ``.xlsx``, else
    CSV (UTF-8; see :func:`analysis.io.table_to_csv`). Returns the path."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        buffer = io.BytesIO()
        sheet.to_excel(buffer, index=False, engine="openpyxl", sheet_name="codes")
        data = buffer.getvalue()
    else:
        data = table_to_csv(sheet)
    return write_atomic(path, data)


def sheet_read(path: str | Path, *, encoding: str = "utf-8") -> pd.DataFrame:
    """A coding sheet or a table of codes (CSV, TSV by its suffix, or .xlsx), every cell as
    text (empty where nothing was coded). Raises ``ValueError`` naming the file when it is
    missing, empty or unreadable.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "codes.csv"
    >>> _ = p.write_text("doc_id,sancties\\na,1\\nb,\\n", encoding="utf-8")
    >>> sheet_read(p).values.tolist()
    [['a', '1'], ['b', '']]
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise ValueError(f"{path}: the file is empty; it needs a header and one row per unit")
    try:
        if path.suffix.lower() == ".xlsx":
            table = pd.read_excel(path, dtype=str, engine="openpyxl").fillna("")
        else:
            sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
            table = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False,
                                encoding=encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not readable as {encoding} ({exc.reason} at byte "
                         f"{exc.start}); give the right encoding") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OSError) as exc:
        raise ValueError(f"{path}: not a readable table: {exc}") from None
    if table.empty:
        raise ValueError(f"{path}: no rows below the header; code some units first")
    table.columns = [str(c).strip() for c in table.columns]
    # undo the ' that guards a formula-like cell in a spreadsheet (analysis.io.text_cell)
    return table.map(_unguard)


def _unguard(value: str) -> str:
    if isinstance(value, str) and value.startswith("'") and value[1:2] and \
            value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
