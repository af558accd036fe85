"""Code a sample in JupyterLab: one unit at a time, a code per variable with buttons or keys,
the sheet saved after every unit.

>>> view = coding_widget("codes.csv")        # doctest: +SKIP
>>> view.widget                               # doctest: +SKIP

The view shows the unit's title and text and, per variable, one button per value. Typing
the values' keys in the key box codes the variables in order (``10`` codes the first
variable 1 and the second 0) and, once every variable has a code, saves and moves on.
"Next" saves the unit and shows the next one, "Back" the previous one, "Skip" moves on
leaving the unit's empty codes empty (it then counts as not coded). Every save writes the
whole sheet atomically (:func:`analysis.validation.sheet.sheet_write`): a stopped kernel
loses at most the unit on screen. Opened again, the view starts at the first unit not
fully coded.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.validation.sheet import SHEET_COLUMNS, sheet_read, sheet_write

__all__ = ["CodingView", "coding_widget"]


class CodingView:
    """The state and widgets of a coding session on one sheet (see the module).

    Attributes: ``sheet`` (the table, as saved), ``position`` (the row shown),
    ``variables``, ``values``, and the widgets ``widget`` (the whole view), ``buttons``
    (variable -> ``ToggleButtons``), ``keys`` (the key box), ``next_button``,
    ``back_button``, ``skip_button``, ``message``.
    """

    def __init__(self, path: str | Path, *, variables: Sequence[str] | None = None,
                 values: Sequence[str] = ("1", "0"), labels: Sequence[str] | None = None):
        import ipywidgets as w

        self.path = Path(path)
        self.sheet = sheet_read(self.path)
        meta = set(SHEET_COLUMNS)
        if variables is None:
            after = list(self.sheet.columns)
            start = after.index("text") + 1 if "text" in after else 0
            variables = [c for c in after[start:] if c not in meta]
        self.variables = [str(v) for v in variables]
        absent = [v for v in self.variables if v not in self.sheet.columns]
        if absent or not self.variables:
            raise ValueError(f"{self.path}: no column {absent[0]!r} to code" if absent else
                             f"{self.path}: no variables to code (columns after 'text')")
        self.values = [str(v) for v in values]
        labels = list(labels) if labels is not None else self.values
        options = list(zip(labels, self.values, strict=True))
        self.heading = w.HTML()
        self.text = w.HTML(layout=w.Layout(max_height="22em", overflow="auto",
                                           border="1px solid #ccc", padding="0.5em"))
        self.buttons = {v: w.ToggleButtons(options=options, value=None, description=v,
                                           style={"description_width": "initial"})
                        for v in self.variables}
        self.keys = w.Text(placeholder="keys: " + "".join(self.values[:2]) + "… per variable",
                           description="keys", continuous_update=True)
        self.back_button = w.Button(description="Back", icon="arrow-left")
        self.skip_button = w.Button(description="Skip")
        self.next_button = w.Button(description="Save and next", button_style="primary",
                                    icon="arrow-right")
        self.message = w.HTML()
        self.back_button.on_click(lambda _: self.back())
        self.skip_button.on_click(lambda _: self.skip())
        self.next_button.on_click(lambda _: self.next())
        self.keys.observe(self._typed, names="value")
        self.widget = w.VBox([self.heading, self.text, *self.buttons.values(), self.keys,
                              w.HBox([self.back_button, self.skip_button, self.next_button]),
                              self.message])
        self.position = self.resume_position()
        self.show()

    def coded(self, row: int) -> bool:
        """Whether every variable of the sheet's row ``row`` has a code."""
        return all(str(self.sheet.at[row, v]).strip() != "" for v in self.variables)

    def resume_position(self) -> int:
        """The first row not fully coded (the number of rows when all are)."""
        for row in range(len(self.sheet)):
            if not self.coded(row):
                return row
        return len(self.sheet)

    def show(self) -> None:
        """Show the unit at ``position`` with its codes so far."""
        total = len(self.sheet)
        self.keys.unobserve(self._typed, names="value")
        self.keys.value = ""
        self.keys.observe(self._typed, names="value")
        if self.position >= total:
            self.heading.value = f"<b>All {total} units are coded.</b>"
            self.text.value = ""
            for button in self.buttons.values():
                button.value = None
            return
        row = self.sheet.iloc[self.position]
        title = html.escape(str(row.get("title", "")))
        unit = html.escape(str(row.get("unit_id", self.position + 1)))
        self.heading.value = (f"Unit {self.position + 1} of {total} ({unit})"
                              + (f"<h3>{title}</h3>" if title else ""))
        self.text.value = "<p>" + html.escape(str(row.get("text", ""))).replace(
            "\n", "<br>") + "</p>"
        for variable, button in self.buttons.items():
            value = str(row[variable]).strip()
            button.value = value if value in self.values else None

    def _store(self) -> None:
        for variable, button in self.buttons.items():
            self.sheet.at[self.position, variable] = "" if button.value is None else \
                str(button.value)
        sheet_write(self.sheet, self.path)

    def next(self) -> bool:
        """Save the unit's codes and show the next unit; refused (with a message) while a
        variable has no code."""
        if self.position >= len(self.sheet):
            return False
        empty = [v for v, b in self.buttons.items() if b.value is None]
        if empty:
            self.message.value = (f"Code {', '.join(empty)} first, or press Skip to leave "
                                  "the unit uncoded.")
            return False
        self._store()
        self.message.value = f"Saved unit {self.position + 1} to {html.escape(str(self.path))}."
        self.position += 1
        self.show()
        return True

    def skip(self) -> None:
        """Save what is coded and move on; empty codes stay empty (not coded)."""
        if self.position < len(self.sheet):
            self._store()
            self.position += 1
            self.show()

    def back(self) -> None:
        """Show the previous unit (the one on screen is not saved)."""
        if self.position > 0:
            self.position -= 1
            self.show()

    def _typed(self, change) -> None:
        typed = str(change["new"])
        keys = {v[:1]: v for v in self.values}
        codes = [keys[c] for c in typed if c in keys]
        for variable, value in zip(self.variables, codes, strict=False):
            self.buttons[variable].value = value
        if len(codes) >= len(self.variables):
            self.next()

    def table(self) -> pd.DataFrame:
        """The sheet as saved."""
        return self.sheet.copy()


def coding_widget(path: str | Path, *, variables: Sequence[str] | None = None,
                  values: Sequence[str] = ("1", "0"),
                  labels: Sequence[str] | None = None) -> CodingView:
    """A :class:`CodingView` on the coding sheet at ``path`` (CSV or .xlsx, from
    ``discourse sample``): ``variables`` default to the sheet's columns after ``text``;
    ``values`` are the codes (one button each, typed by their first character), ``labels``
    the buttons' captions. Show ``.widget`` in the notebook."""
    return CodingView(path, variables=variables, values=values, labels=labels)
