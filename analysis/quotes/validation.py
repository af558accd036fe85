"""Validation: hand-coded quotations located in their articles, and the quote finder
scored against them (precision, recall, accuracy of the speaker)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.paths import DATA_DIR
from analysis.validation.metrics import metrics_scores

__all__ = ["CODED_BUNDLED_FILE", "GOLD_COLUMNS", "quotes_coded_load", "quotes_gold_locate",
           "quotes_validate"]

#: Every quotation of the five bundled articles, coded by hand with its speaker.
CODED_BUNDLED_FILE = DATA_DIR / "quotes_coded_bundled.csv"

GOLD_COLUMNS = ["doc_id", "kind", "quote", "speaker", "actor"]


def quotes_coded_load(path: str | Path = CODED_BUNDLED_FILE) -> pd.DataFrame:
    """A hand-coded sample of quotations (CSV, UTF-8, the columns of
    :func:`quotes_gold_locate`), every cell as text; the default is the coding of every
    quotation in the five bundled articles.

    >>> coded = quotes_coded_load()
    >>> len(coded), coded["kind"].value_counts().to_dict()
    (56, {'indirect': 32, 'direct': 24})
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def quotes_gold_locate(gold: pd.DataFrame, corpus: pd.DataFrame, *, source: str = "the sample"
                       ) -> pd.DataFrame:
    """Find each hand-coded quote in its article: adds ``start`` and ``end``.

    ``gold`` has the columns ``doc_id``, ``kind`` (direct/indirect), ``quote`` (the quoted
    words as they stand in the article, for a direct quote without the quotation marks),
    ``speaker`` (as written) and ``actor`` (the dictionary id, or empty). A row with an
    empty ``quote`` marks an article coded as having no quotation. A quote that occurs
    more than once in its article is taken at its first occurrence after the previous
    row's quote. Raises ``ValueError`` naming the row (line of a CSV file, counting the
    header as line 1) for an unknown article, kind, or a quote not in the article.

    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"], "text": ["Hij zei: „Nee.”"]})
    >>> g = pd.DataFrame({"doc_id": ["a"], "kind": ["direct"], "quote": ["Nee."],
    ...                   "speaker": ["hij"], "actor": [""]})
    >>> quotes_gold_locate(g, c)[["start", "end"]].values.tolist()
    [[10, 14]]
    """
    missing = [c for c in ("doc_id", "kind", "quote") if c not in gold.columns]
    if missing:
        raise ValueError(f"{source}: missing column(s) {', '.join(missing)}; a coded sample "
                         f"needs {', '.join(GOLD_COLUMNS)} (speaker and actor may be empty)")
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str), strict=True))
    outlets = dict(zip(corpus["doc_id"].astype(str),
                       corpus["outlet"].astype(str) if "outlet" in corpus.columns else
                       [""] * len(corpus), strict=True))
    rows = []
    last: dict[str, int] = {}
    for i, row in enumerate(gold.fillna("").astype(str).to_dict("records")):
        line = i + 2
        doc = row["doc_id"].strip()
        if doc not in texts:
            raise ValueError(f"{source}, line {line}: article {doc!r} is not in the corpus; "
                             "check doc_id (and the corpus you gave)")
        quote = row["quote"]
        kind = row["kind"].strip().lower()
        if not quote.strip():
            rows.append({**row, "doc_id": doc, "kind": "", "start": -1, "end": -1})
            continue
        if kind not in ("direct", "indirect"):
            raise ValueError(f"{source}, line {line}: kind must be direct or indirect, not "
                             f"{row['kind']!r}")
        text = texts[doc]
        at = text.find(quote, last.get(doc, 0))
        if at < 0:
            at = text.find(quote)
        if at < 0:
            squeezed = re.escape(" ".join(quote.split())).replace(r"\ ", r"\s+")
            found = re.search(squeezed, text)
            if not found:
                raise ValueError(f"{source}, line {line}: the quote {quote[:60]!r} is not in "
                                 f"article {doc!r}; copy it exactly from the article")
            at, end = found.start(), found.end()
        else:
            end = at + len(quote)
        last[doc] = at + 1
        rows.append({**row, "doc_id": doc, "kind": kind, "start": at, "end": end})
    table = pd.DataFrame(rows)
    for column in ("speaker", "actor"):
        if column not in table.columns:
            table[column] = ""
    table["outlet"] = table["doc_id"].map(outlets)
    return table


def _pairs(gold: pd.DataFrame, found: pd.DataFrame) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold and found quotes of the same article whose
    spans overlap by at least half the shorter one; the largest overlaps first."""
    options = []
    for doc, g in gold.groupby("doc_id", sort=False):
        f = found[found["doc_id"] == doc]
        for gi, ga, gb in zip(g.index, g["start"], g["end"], strict=True):
            for fi, fa, fb in zip(f.index, f["start"], f["end"], strict=True):
                overlap = min(gb, fb) - max(ga, fa)
                if overlap > 0 and overlap >= 0.5 * min(gb - ga, fb - fa):
                    options.append((-overlap, gi, fi))
    used_g, used_f, out = set(), set(), []
    for _, gi, fi in sorted(options):
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            out.append((gi, fi))
    return out


def _same_speaker(gold_row, found_row) -> bool:
    gold_actor = str(gold_row["actor"] or "").strip()
    if gold_actor:
        return gold_actor == str(found_row["actor"] or "")
    if str(found_row["actor"] or ""):
        return False

    def norm(s):
        return " ".join(str(s or "").lower().split())

    return norm(gold_row["speaker"]) == norm(found_row["speaker_text"])


def quotes_validate(found: pd.DataFrame, gold: pd.DataFrame
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score found quotes (:func:`quotes_find`) against hand-coded ones
    (:func:`quotes_gold_locate`), in the articles the coding covers.

    A found quote is a hit when a coded quote of the same article overlaps it by at least
    half of the shorter of the two (each coded quote matches at most one found quote). The
    speaker is right when the actor is the coded actor, or, for a coded speaker that is no
    actor, when no actor was found and the speaker's words are the coded ones.

    Returns ``(scores, pairs)``. ``scores`` has one row per ``kind`` (``direct`` and
    ``indirect``: matched within the kind; ``all``: regardless of kind) with

    - ``coded``, ``found``, ``hits``: coded quotes, found quotes, found quotes that match,
    - ``precision`` (``hits / found``), ``recall`` (``hits / coded``), ``f1``
      (``2 hits / (found + coded)``; :func:`analysis.validation.metrics.metrics_scores`),
    - ``attribution_correct``, ``attribution_accuracy``: hits with the right speaker, and
      their share of the hits (NaN without hits).

    ``pairs`` lists every coded and every found quote (``kind="all"`` matching) with
    ``doc_id, start, end, quote, kind, speaker, actor`` of the coding, ``found_*`` of the
    finder, and ``outcome``: ``hit`` (right speaker), ``wrong speaker``, ``missed`` or
    ``false alarm``.

    >>> from analysis.quotes import quotes_find
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...     "text": ["„Nee”, zei Lavrov. Het ‘gesprek’ was lang."]})
    >>> g = quotes_gold_locate(pd.DataFrame({"doc_id": ["a"], "kind": ["direct"],
    ...     "quote": ["Nee"], "speaker": ["Lavrov"], "actor": ["lavrov"]}), c)
    >>> s, p = quotes_validate(quotes_find(c), g)
    >>> s.set_index("kind").loc["direct", ["precision", "recall", "attribution_accuracy"]
    ...     ].tolist()
    [1.0, 1.0, 1.0]
    """
    docs = set(gold["doc_id"].astype(str))
    found = found[found["doc_id"].astype(str).isin(docs)].reset_index(drop=True)
    found = found.assign(doc_id=found["doc_id"].astype(str))
    coded = gold[gold["start"] >= 0].reset_index(drop=True)
    coded = coded.assign(doc_id=coded["doc_id"].astype(str),
                         actor=coded["actor"].fillna("").astype(str),
                         speaker=coded["speaker"].fillna("").astype(str))
    rows = []
    for kind in ("direct", "indirect", "all"):
        g = coded if kind == "all" else coded[coded["kind"] == kind]
        f = found if kind == "all" else found[found["kind"] == kind]
        pairs = _pairs(g, f)
        hits = len(pairs)
        right = sum(_same_speaker(g.loc[gi], f.loc[fi]) for gi, fi in pairs)
        precision, recall, f1 = metrics_scores(hits, len(f) - hits, len(g) - hits)
        rows.append({"kind": kind, "coded": len(g), "found": len(f), "hits": hits,
                     "precision": precision, "recall": recall, "f1": f1,
                     "attribution_correct": int(right),
                     "attribution_accuracy": right / hits if hits else float("nan")})
    scores = pd.DataFrame(rows)
    pairs = _pairs(coded, found)
    matched_f = {fi for _, fi in pairs}
    out = []
    base = ["doc_id", "start", "end", "quote", "kind", "speaker", "actor"]
    for gi, fi in pairs:
        out.append({**{c: coded.loc[gi, c] for c in base},
                    **{f"found_{c}": found.loc[fi, c] for c in
                       ("start", "end", "quote", "kind", "speaker_text", "actor")},
                    "outcome": "hit" if _same_speaker(coded.loc[gi], found.loc[fi])
                    else "wrong speaker"})
    for gi in sorted(set(coded.index) - {g for g, _ in pairs}):
        out.append({**{c: coded.loc[gi, c] for c in base}, "outcome": "missed"})
    for fi in sorted(set(found.index) - matched_f):
        out.append({"doc_id": found.loc[fi, "doc_id"],
                    **{f"found_{c}": found.loc[fi, c] for c in
                       ("start", "end", "quote", "kind", "speaker_text", "actor")},
                    "outcome": "false alarm"})
    columns = base + [f"found_{c}" for c in ("start", "end", "quote", "kind", "speaker_text",
                                             "actor")] + ["outcome"]
    table = pd.DataFrame(out, columns=columns)
    table["_pos"] = table["start"].fillna(table["found_start"])
    table = table.sort_values(["doc_id", "_pos"], kind="stable").drop(columns="_pos")
    return scores, table.reset_index(drop=True)
