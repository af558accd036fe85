"""What every plot module shares for its words and numbers: the grouping word, the axis
number format and the frame labels, all in the figure's language."""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import FuncFormatter

from analysis.output.captions import caption_set
from analysis.output.messages import Lang, group_word, lang_check, msg, number
from analysis.tables import MISSING_GROUP, OTHER_GROUP

__all__ = ["Lang", "caption_set", "group_word", "lang_check", "msg", "number", "axis_numbers",
           "frame_labels", "groups_named", "quoted"]


def axis_numbers(lang: Lang = "nl") -> FuncFormatter:
    """A tick formatter that writes numbers as :func:`analysis.output.number` does.

    >>> axis_numbers("nl")(2500.5, 0), axis_numbers("en")(2500.5, 0)
    ('2.500,5', '2,500.5')
    """
    lang_check(lang)
    return FuncFormatter(lambda value, _: number(value, lang))


def frame_labels(table: pd.DataFrame, lang: Lang = "nl",
                 labels: dict[str, str] | None = None) -> dict[str, str]:
    """Frame key -> label for a figure in ``lang``: ``labels`` when given, else the table's
    ``attrs["frame_labels_en"]`` (a dictionary's ``label_en``) for English and
    ``attrs["frame_labels"]`` (its ``label``) otherwise; a key without a label stands
    for itself.

    >>> t = pd.DataFrame({"frame": ["a"]})
    >>> t.attrs = {"frame_labels": {"a": "Koude Oorlog"}, "frame_labels_en": {"a": "Cold War"}}
    >>> frame_labels(t, "en"), frame_labels(t, "nl")
    ({'a': 'Cold War'}, {'a': 'Koude Oorlog'})
    """
    lang_check(lang)
    if labels:
        return dict(labels)
    found = dict(table.attrs.get("frame_labels", {}))
    if lang == "en":
        found.update(table.attrs.get("frame_labels_en", {}))
    return found


def quoted(text: str, lang: Lang = "nl") -> str:
    """``text`` between the quotation marks of ``lang``.

    >>> quoted("sancties", "nl"), quoted("sancties", "en")
    ('„sancties”', '“sancties”')
    """
    return msg("quoted", lang, text=text)


def groups_named(table: pd.DataFrame, by: str | list[str], lang: Lang = "nl") -> pd.DataFrame:
    """``table`` with the toolkit's own group names in the column(s) ``by`` written in
    ``lang``: the merged small groups (:data:`analysis.tables.OTHER_GROUP`) and the missing
    value (:data:`analysis.tables.MISSING_GROUP`). Other values, and a table without them,
    are left as they are.

    >>> t = pd.DataFrame({"outlet": ["NRC", "(other)", "(unknown)"]})
    >>> groups_named(t, "outlet", "nl")["outlet"].tolist()
    ['NRC', '(overige)', '(onbekend)']
    """
    lang_check(lang)
    names = {OTHER_GROUP: msg("group.other", lang), MISSING_GROUP: msg("group.unknown", lang)}
    changed = {}
    for column in [by] if isinstance(by, str) else list(by):
        if column not in table.columns:
            continue
        values = table[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            if values.cat.categories.isin(list(names)).any():
                changed[column] = values.cat.rename_categories(
                    [names.get(c, c) for c in values.cat.categories])
        elif values.isin(list(names)).any():
            changed[column] = values.map(lambda v: names.get(v, v) if isinstance(v, str) else v)
    return table.assign(**changed) if changed else table
