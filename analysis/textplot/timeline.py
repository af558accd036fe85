"""Plots over time: frame prominence and tone per period (and outlet) with their intervals,
and the words that are new in each period; events drawn as labelled vertical lines."""

from __future__ import annotations

import textwrap
from typing import Literal

import numpy as np
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter

from analysis.output.captions import caption_set
from analysis.output.figures import figure_new
from analysis.output.messages import Lang, group_word, lang_check, method_name, msg, number
from analysis.textplot._labels import axis_numbers, frame_labels, groups_named
from analysis.textplot.palettes import SINGLE_COLOR, category_style
from analysis.textplot.vocabulary import _panels

__all__ = ["textplot_timeline", "textplot_new_terms"]

_TONE = "tone_"  # a tone measure is tone_<sentiment method>
_EVENT_COLOR = "#7f7f7f"
_TIMELINE_COLUMNS = ("period", "measure", "value", "ci_low", "ci_high", "articles", "words")


def _iso_dates(period: str | None) -> FuncFormatter:
    """Tick labels as ISO dates: ``2022`` for years, ``2022-01`` for months and quarters,
    ``2022-01-10`` for days and weeks."""
    width = {"year": 4, "quarter": 7, "month": 7}.get(period or "", 10)
    return FuncFormatter(lambda value, _: num2date(value).strftime("%Y-%m-%d")[:width])


def _events_table(events: pd.DataFrame | None) -> pd.DataFrame:
    if events is None or not len(events):
        return pd.DataFrame({"date": pd.to_datetime(pd.Series([], dtype=str)),
                             "label": pd.Series([], dtype=str)})
    missing = {"date", "label"} - set(events.columns)
    if missing:
        raise KeyError(f"the events have no column(s) {sorted(missing)}; pass the table of "
                       "analysis.timeline.events_load")
    text = events["date"].astype(str)
    dates = text.where(text.str.len() > 7, text + "-01")
    return pd.DataFrame({"date": pd.to_datetime(dates), "label": events["label"].astype(str)})


def _time_axis(ax, dates: pd.Series, events: pd.DataFrame, period: str | None, *,
               numbered: bool, maxticks: int = 6) -> None:
    """The x range of the periods (with a small margin), ISO date ticks, and the events
    within that range as dashed vertical lines, numbered at the top when ``numbered``."""
    first, last = dates.min(), dates.max()
    margin = max((last - first) / 30, pd.Timedelta(days=3))
    low, high = first - margin, last + margin
    ax.set_xlim(low, high)
    if first == last:  # one period: its tick only
        ax.xaxis.set_major_locator(FixedLocator([mdates.date2num(first)]))
    else:
        ax.xaxis.set_major_locator(AutoDateLocator(minticks=2, maxticks=maxticks))
    ax.xaxis.set_major_formatter(_iso_dates(period))
    inside = _events_inside(events, low, high)
    for _, date in inside:
        ax.axvline(date, color=_EVENT_COLOR, linestyle="--", linewidth=0.7, zorder=0)
    if numbered:
        for text, date in _event_numbers(inside, (high - low) / 25):
            ax.annotate(text, (date, 1), xycoords=("data", "axes fraction"),
                        xytext=(0, 1), textcoords="offset points", ha="center",
                        va="bottom", fontsize=5.5, color="#555555")


def _events_inside(events: pd.DataFrame, low, high) -> list[tuple[int, pd.Timestamp]]:
    """The events between ``low`` and ``high``, with their number (1, 2, ... in date
    order, counted over every event given)."""
    return [(k + 1, date) for k, date in enumerate(events["date"]) if low <= date <= high]


def _event_numbers(inside: list[tuple[int, pd.Timestamp]], close: pd.Timedelta
                   ) -> list[tuple[str, pd.Timestamp]]:
    """The events' numbers as written on the figure: events closer together than ``close``
    share one label (``1,2``) at the first one's date, so that no number hides another."""
    out: list[tuple[str, pd.Timestamp]] = []
    last = None
    for number_, date in inside:
        if out and last is not None and date - last < close:
            out[-1] = (f"{out[-1][0]},{number_}", out[-1][1])
        else:
            out.append((str(number_), date))
        last = date
    return out


def _events_note(fig: Figure, events: pd.DataFrame, dates: pd.Series, lang: Lang) -> None:
    """The numbered events that the figure shows, listed at its foot."""
    first, last = dates.min(), dates.max()
    margin = max((last - first) / 30, pd.Timedelta(days=3))
    shown = {k for k, _ in _events_inside(events, first - margin, last + margin)}
    if not shown:
        return
    items = [f"{k + 1} {date.strftime('%Y-%m-%d')} {label}"
             for k, (date, label) in enumerate(zip(events["date"], events["label"],
                                                   strict=True)) if k + 1 in shown]
    text = msg("time.events", lang) + ": " + ";  ".join(items)
    fig.supxlabel("\n".join(textwrap.wrap(text, 140)), fontsize=6, color="#555555",
                  x=0.01, ha="left")


def _period_word(period: str | None, lang: Lang) -> str:
    return msg(f"time.period.{period}" if period else "group.period", lang)


def textplot_timeline(
    timeline: pd.DataFrame,
    *,
    measures: list[str] | Literal["frames", "tone"] | None = None,
    events: pd.DataFrame | None = None,
    labels: dict[str, str] | None = None,
    size: str = "tall",
    lang: Lang = "nl",
) -> Figure:
    """Small multiples over time: one row of panels per measure (frame or tone), one column
    per group of the ``by`` column(s) (outlet), each a line with its 95% interval as a band;
    events (the table of :func:`analysis.timeline.events_load`) as numbered dashed vertical
    lines, listed at the foot. From :func:`analysis.timeline.timeline`; ``measures``
    chooses and orders the rows (default: every measure of the table); ``labels`` names the
    frames (default: the labels the table carries). A period without articles is a gap in
    its line; with one period only, each panel shows a point with its interval.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"period": ["2022-01-01", "2022-02-01"] * 2,
    ...                   "outlet": ["NOS", "NOS", "NRC", "NRC"], "measure": "sancties",
    ...                   "value": [1.0, 2.0, 0.5, 1.5], "ci_low": [0.5, 1.0, 0.1, 1.0],
    ...                   "ci_high": [1.5, 3.0, 0.9, 2.0], "articles": [2, 3, 2, 2],
    ...                   "words": [900, 1200, 800, 700]})
    >>> ev = pd.DataFrame({"date": ["2022-01-20"], "label": ["overleg"]})
    >>> fig = textplot_timeline(t, events=ev, lang="en")
    >>> len(fig.axes), len(fig.axes[0].get_lines())  # two outlets; a line and an event each
    (2, 2)
    """
    lang_check(lang)
    for column in _TIMELINE_COLUMNS[:5]:
        if column not in timeline.columns:
            raise KeyError(f"the table has no column {column!r}; pass the table of "
                           "analysis.timeline.timeline")
    by = [c for c in timeline.columns if c not in _TIMELINE_COLUMNS]
    timeline = groups_named(timeline, by, lang)
    found = list(dict.fromkeys(timeline["measure"].astype(str)))
    if measures in ("frames", "tone"):
        measures = [m for m in found if m.startswith(_TONE) == (measures == "tone")]
    measures = measures or found
    names = frame_labels(timeline, lang, labels)
    events = _events_table(events)
    table = timeline.assign(_date=pd.to_datetime(timeline["period"].astype(str)))
    table["_group"] = table[by].astype(str).agg(" / ".join, axis=1) if by else ""
    groups = sorted(pd.unique(table["_group"]))
    period = timeline.attrs.get("period")
    one_period = table["_date"].nunique() == 1
    fig, axes = figure_new(size, nrows=len(measures), ncols=len(groups), sharex=True,
                           sharey="row", squeeze=False)
    for i, measure in enumerate(measures):
        data = table[table["measure"].astype(str) == measure]
        tone = measure.startswith(_TONE)
        for j, group in enumerate(groups):
            ax = axes[i][j]
            rows = data[data["_group"] == group].sort_values("_date")
            color = category_style(i)[0]
            x = rows["_date"].to_numpy()
            value = rows["value"].to_numpy(float)
            low, high = rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float)
            if one_period:
                ax.errorbar(x, value, yerr=np.nan_to_num(np.vstack([value - low, high - value])),
                            fmt="o", color=color, markersize=3, capsize=2, linewidth=0.8)
            else:
                ax.plot(x, value, marker="o", markersize=1.5, linewidth=0.9, color=color)
                ax.fill_between(x, low, high, color=color, alpha=0.2, linewidth=0)
            if tone:
                ax.axhline(0, color="#999999", linewidth=0.5, zorder=0)
            if i == 0 and by:
                ax.set_title(group, fontsize=6.5, pad=7)
            if j == 0:
                label = (method_name(measure.removeprefix(_TONE), lang) if tone
                         else names.get(measure, measure))
                ax.set_ylabel("\n".join(textwrap.wrap(label, 18)), fontsize=6.5)
            ax.yaxis.set_major_formatter(axis_numbers(lang))
            ax.tick_params(labelsize=5, length=2)
            ax.tick_params(axis="x", labelrotation=90)
            ax.spines[["top", "right"]].set_visible(False)
            _time_axis(ax, table["_date"], events, period, numbered=i == 0,
                       maxticks=3 if len(groups) > 3 else 6)
        if not tone:
            axes[i][0].set_ylim(bottom=0)
    tone_only = all(m.startswith(_TONE) for m in measures)
    unit = (msg("time.tone_axis", lang) if tone_only else
            msg("frames.per_1000", lang, thousand=number(1000, lang)))
    key = "time.title_by" if by else "time.title"
    fig.suptitle(msg(key, lang, what=msg("time.tone" if tone_only else "time.frames", lang),
                     period=_period_word(period, lang),
                     group=group_word(by[0], lang) if by else "", unit=unit),
                 fontsize=8.5, x=0.01, ha="left")
    _events_note(fig, events, table["_date"], lang)
    caption_set(fig, msg("caption.timeline", lang, title=fig._suptitle.get_text()))
    return fig


def textplot_new_terms(
    keyness: pd.DataFrame,
    *,
    n: int = 6,
    events: pd.DataFrame | None = None,
    size: str = "wide",
    lang: Lang = "nl",
) -> Figure:
    """The words that are new in each period: one line per period (time runs down), its
    ``n`` strongest positive keywords against its reference (the period before, or the
    other periods), strongest first; events (the table of
    :func:`analysis.timeline.events_load`) as numbered dashed lines between the periods,
    listed at the foot. From :func:`analysis.vocabulary.textstat_keyness` with ``period=``
    (and no ``by``).

    >>> import pandas as pd
    >>> k = pd.DataFrame({"period": ["2022-02-01", "2022-02-01", "2022-03-01"],
    ...                   "term": ["inval", "sancties", "vluchtelingen"],
    ...                   "g2": [12.0, 8.0, 9.5], "reference": "2022-01-01"})
    >>> fig = textplot_new_terms(k, n=2, lang="en")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['inval  ·  sancties', 'vluchtelingen']
    """
    lang_check(lang)
    for column in ("period", "term", "g2"):
        if column not in keyness.columns:
            raise KeyError(f"the table has no column {column!r}; pass the table of "
                           "analysis.vocabulary.textstat_keyness with period=")
    events = _events_table(events)
    rows = keyness[keyness["term"].notna() & (keyness["g2"] > 0)]
    rows = rows.sort_values(["period", "g2"], ascending=[True, False], kind="stable")
    top = rows.groupby("period", sort=True).head(n)
    periods = pd.to_datetime(pd.Series(sorted(pd.unique(keyness["period"].astype(str)))))
    fig, axes = _panels(1, size=size, ncols=1)
    ax = axes[0]
    for period_, group in top.groupby("period", sort=True):
        ax.text(0.01, pd.Timestamp(str(period_)), "  ·  ".join(group["term"].astype(str)),
                transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=7,
                color=SINGLE_COLOR)
    first, last = periods.min(), periods.max()
    margin = max((last - first) / 30, pd.Timedelta(days=3))
    ax.set_ylim(last + margin, first - margin)  # time runs down
    period = keyness.attrs.get("period")
    ax.yaxis.set_major_locator(FixedLocator(mdates.date2num(periods)))
    ax.yaxis.set_major_formatter(_iso_dates(period))
    if len(periods) > 26:
        ax.yaxis.set_major_locator(AutoDateLocator(minticks=6, maxticks=26))
    ax.set_xticks([])
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    ax.tick_params(labelsize=6.5, length=2)
    inside = _events_inside(events, first - margin, last + margin)
    for _, date in inside:
        ax.axhline(date, color=_EVENT_COLOR, linestyle="--", linewidth=0.7, zorder=0)
    for text, date in _event_numbers(inside, (last - first + 2 * margin) / 40):
        ax.annotate(text, (1, date), xycoords=("axes fraction", "data"),
                    xytext=(2, 0), textcoords="offset points", ha="left", va="center",
                    fontsize=5.5, color="#555555")
    references = set(keyness["reference"].dropna().astype(str)) if "reference" in keyness \
        else set()
    against = msg("time.against_rest" if references == {"rest"} else "time.against_previous",
                  lang, period=_period_word(period, lang))
    ax.set_title(msg("time.new_terms_title", lang, n=number(n, lang), against=against),
                 loc="left", fontsize=8.5)
    caption = msg("caption.new_terms", lang, title=ax.get_title(loc="left"))
    if "significant" in keyness.columns and len(top):
        # the strongest words of a period need not be keywords: say how many are
        tests = int(keyness["significant"].notna().sum())
        shown = int(top["significant"].fillna(False).astype(bool).sum())
        if shown == 0:
            ax.text(0.99, 0.01, msg("time.new_terms_none_significant", lang,
                                    tests=number(tests, lang)),
                    transform=ax.transAxes, ha="right", va="bottom", fontsize=7,
                    color="#555555")
        caption += " " + msg("caption.new_terms_significant", lang,
                             shown=number(shown, lang), n=number(len(top), lang),
                             tests=number(tests, lang),
                             alpha=number(keyness.attrs.get("alpha", 0.05), lang))
    caption_set(fig, caption)
    if len(periods) < 2:
        ax.text(0.5, 0.5, msg("time.no_new_terms", lang, period=_period_word(period, lang)),
                transform=ax.transAxes, ha="center", va="center", fontsize=8, color="#555555")
    _events_note(fig, events, periods, lang)
    return fig
