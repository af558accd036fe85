"""Who gets to speak: quotes summed per outlet (or any column) and actor group."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.tables import MISSING_GROUP, groups_by, require_columns

__all__ = ["NO_GROUP", "quotes_share", "quotes_direct"]

#: The group of a quote whose speaker is no actor of the dictionary (the one label of a
#: missing group, :data:`analysis.tables.MISSING_GROUP`).
NO_GROUP = MISSING_GROUP


def _speaking_groups(quotes: pd.DataFrame, groups: list[str] | None) -> tuple[pd.Series,
                                                                              list[str]]:
    """Each quote's actor group (:data:`NO_GROUP` for a speaker that is no actor) and the
    order of the groups: ``groups``, or the dictionary's order kept by :func:`quotes_find`,
    then any other, then :data:`NO_GROUP`; only groups that speak are listed unless
    ``groups`` is given."""
    group = quotes["group"].fillna("").astype(str).replace("", NO_GROUP)
    present = set(group)
    order = list(groups if groups is not None else quotes.attrs.get("groups", []))
    order = [g for g in order if g in present or groups is not None]
    order += [g for g in dict.fromkeys(group) if g not in order and g != NO_GROUP]
    if NO_GROUP in present and NO_GROUP not in order:
        order.append(NO_GROUP)
    return group, order


def quotes_share(quotes: pd.DataFrame, *, by: str = "outlet",
                 corpus: pd.DataFrame | None = None,
                 groups: list[str] | None = None) -> pd.DataFrame:
    """Who gets to speak: per ``by`` value (outlet), kind and actor group, the quotes and
    the quoted words, and their shares.

    ``by`` is a column of ``quotes`` or, with ``corpus``, of the corpus (looked up by
    ``doc_id``: country, date, ...). ``groups`` fixes the order of the groups (default:
    the dictionary's order kept by :func:`quotes_find`, then :data:`NO_GROUP` for speakers
    that are no actor). Returns one row per ``by`` value, kind (``all``, ``direct``,
    ``indirect``) and group, with

    - ``<by>``, ``kind``, ``group``,
    - ``quotes``: the quotes of the group's speakers,
    - ``share_quotes``: ``quotes`` as a share of all the ``by`` value's quotes of that kind
      (0 when there are none),
    - ``words``: the words in those quotes,
    - ``share_words``: ``words`` as a share of all quoted words of that kind.

    Only groups that speak somewhere in the table are listed (all of ``groups`` when given);
    with ``corpus``, every ``by`` value of the corpus is listed, also one without quotes.

    >>> q = pd.DataFrame({"outlet": ["NOS", "NOS", "NRC"], "kind": ["direct", "indirect",
    ...     "direct"], "group": ["Rusland", "", "NAVO"], "words": [6, 2, 4]})
    >>> t = quotes_share(q, groups=["Rusland", "NAVO"])
    >>> t[(t.kind == "all") & (t.outlet == "NOS")][["group", "quotes", "share_words"]
    ...     ].values.tolist()
    [['Rusland', 1, 0.75], ['NAVO', 0, 0.0], ['(unknown)', 1, 0.25]]
    """
    require_columns(quotes, ["kind", "group", "words"], what="the quote table")
    values_of = groups_by(quotes, by, corpus=corpus, what="the quote table")
    group, order = _speaking_groups(quotes, groups)
    values = list(dict.fromkeys(values_of))
    if corpus is not None and by in corpus.columns:  # also the groups nobody is quoted in
        every = groups_by(corpus, by, what="the corpus")
        values = list(dict.fromkeys([*every, *values]))
    data = pd.DataFrame({by: values_of.to_numpy(), "group": group.to_numpy(),
                         "kind": quotes["kind"].astype(str).to_numpy(),
                         "words": quotes["words"].to_numpy()})
    frames = []
    for kind in ("all", "direct", "indirect"):
        part = data if kind == "all" else data[data["kind"] == kind]
        full = pd.MultiIndex.from_product([values, order], names=[by, "group"])
        counts = part.groupby([by, "group"]).agg(quotes=("kind", "size"),
                                                 words=("words", "sum"))
        counts = counts.reindex(full, fill_value=0).reset_index()
        totals = counts.groupby(by)[["quotes", "words"]].transform("sum")
        counts["share_quotes"] = np.where(totals["quotes"] > 0,
                                          counts["quotes"] / totals["quotes"].clip(lower=1), 0.0)
        counts["share_words"] = np.where(totals["words"] > 0,
                                         counts["words"] / totals["words"].clip(lower=1), 0.0)
        counts.insert(1, "kind", kind)
        frames.append(counts)
    table = pd.concat(frames, ignore_index=True)
    table = table[[by, "kind", "group", "quotes", "share_quotes", "words", "share_words"]]
    table = table.astype({"quotes": "int64", "words": "int64"})
    table.attrs["group_labels_en"] = dict(quotes.attrs.get("group_labels_en", {}))
    return table


def quotes_direct(quotes: pd.DataFrame, *, by: str = "outlet",
                  corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quoted or paraphrased: per ``by`` value (outlet) and actor group that speaks there,
    how many of the group's quotes are direct.

    ``by`` as in :func:`quotes_share`. Returns one row per ``by`` value and group with at
    least one quote, with

    - ``<by>``, ``group`` (groups in the order of :func:`quotes_share`),
    - ``quotes``: the group's quotes, ``direct``: how many of them are direct,
    - ``share_direct``: ``direct / quotes``.

    >>> q = pd.DataFrame({"outlet": ["NOS", "NOS", "NRC"], "kind": ["direct", "indirect",
    ...     "direct"], "group": ["Rusland", "Rusland", ""]})
    >>> quotes_direct(q).values.tolist()
    [['NOS', 'Rusland', 2, 1, 0.5], ['NRC', '(unknown)', 1, 1, 1.0]]
    """
    require_columns(quotes, ["kind", "group"], what="the quote table")
    values_of = groups_by(quotes, by, corpus=corpus, what="the quote table")
    group, order = _speaking_groups(quotes, None)
    data = pd.DataFrame({by: values_of.to_numpy(), "group": group.to_numpy(),
                         "direct": (quotes["kind"].astype(str) == "direct").to_numpy()})
    table = data.groupby([by, "group"], sort=False)["direct"].agg(["size", "sum"])
    table = table.reset_index().rename(columns={"size": "quotes", "sum": "direct"})
    table["share_direct"] = table["direct"] / table["quotes"]
    table["_value"] = table[by].map({v: i for i, v in enumerate(dict.fromkeys(values_of))})
    table["_group"] = table["group"].map({g: i for i, g in enumerate(order)})
    table = table.sort_values(["_value", "_group"]).drop(columns=["_value", "_group"])
    table = table.reset_index(drop=True).astype({"quotes": "int64", "direct": "int64"})
    table.attrs["group_labels_en"] = dict(quotes.attrs.get("group_labels_en", {}))
    table.attrs["groups"] = order
    return table
