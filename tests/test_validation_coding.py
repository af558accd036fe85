"""The coding view, driven through its widgets without a browser: codes by buttons and by
keys, a save after every unit, and resuming where the coder stopped."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.validation.coding import coding_widget
from analysis.validation.sheet import sheet_read, sheet_write


@pytest.fixture
def sheet(tmp_path):
    table = pd.DataFrame({"unit_id": ["a", "b", "c"], "doc_id": ["a", "b", "c"],
                          "sentence_id": ["0"] * 3, "outlet": ["NOS", "NRC", "AD"],
                          "date": [""] * 3, "title": ["Eerste <kop>", "Tweede", "Derde"],
                          "text": ["De EU dreigt met sancties.", "Overleg.", "Regen."],
                          "sancties": [""] * 3, "diplomatie": [""] * 3})
    return sheet_write(table, tmp_path / "sheet.csv")


def test_buttons_save_after_each_unit(sheet):
    view = coding_widget(sheet)
    assert view.variables == ["sancties", "diplomatie"]
    assert view.position == 0
    assert "Eerste &lt;kop&gt;" in view.heading.value  # the title, escaped
    assert "sancties" in view.text.value
    view.buttons["sancties"].value = "1"
    assert view.next() is False  # diplomatie has no code yet: refused, nothing saved
    assert "Code diplomatie first" in view.message.value
    assert sheet_read(sheet)["sancties"].tolist() == ["", "", ""]
    view.buttons["diplomatie"].value = "0"
    view.next_button.click()
    assert view.position == 1
    saved = sheet_read(sheet)
    assert saved[["sancties", "diplomatie"]].values.tolist() == [["1", "0"], ["", ""],
                                                                  ["", ""]]
    assert view.buttons["sancties"].value is None  # the next unit starts empty


def test_keys_code_in_order_and_move_on(sheet):
    view = coding_widget(sheet)
    view.keys.value = "0"
    assert view.buttons["sancties"].value == "0" and view.position == 0
    view.keys.value = "01"
    assert view.position == 1
    assert view.keys.value == ""
    assert sheet_read(sheet).loc[0, ["sancties", "diplomatie"]].tolist() == ["0", "1"]


def test_resume_where_the_coder_stopped(sheet):
    view = coding_widget(sheet)
    view.keys.value = "11"
    view.keys.value = "00"
    again = coding_widget(sheet)
    assert again.position == 2
    assert "Derde" in again.heading.value
    again.back_button.click()
    assert again.position == 1
    assert [again.buttons[v].value for v in again.variables] == ["0", "0"]


def test_skip_leaves_the_unit_uncoded_and_the_end(sheet):
    view = coding_widget(sheet)
    view.buttons["sancties"].value = "1"
    view.skip_button.click()
    assert sheet_read(sheet).loc[0, ["sancties", "diplomatie"]].tolist() == ["1", ""]
    view.keys.value = "10"
    view.keys.value = "00"
    assert "All 3 units are coded" in view.heading.value
    assert coding_widget(sheet).position == 0  # the skipped unit is the first not coded


def test_xlsx_sheet(tmp_path, sheet):
    book = sheet_write(sheet_read(sheet), tmp_path / "sheet.xlsx")
    view = coding_widget(book)
    view.keys.value = "10"
    assert sheet_read(book).loc[0, ["sancties", "diplomatie"]].tolist() == ["1", "0"]


def test_a_sheet_without_variables(tmp_path):
    path = sheet_write(pd.DataFrame({"unit_id": ["a"], "text": ["x"]}), tmp_path / "s.csv")
    with pytest.raises(ValueError, match="no variables to code"):
        coding_widget(path)
