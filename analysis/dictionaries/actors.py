"""Actors: an editable dictionary of people and institutions, and every mention audited.

An actor dictionary is a commented TOML file (the shipped default is
:data:`DEFAULT_ACTORS_FILE`; its header explains the keys). Each actor has an id, a label,
a group (the side it belongs to: Rusland, Verenigde Staten, NAVO, ...), a role, a kind
(person or organisation) and aliases written in the pattern language of the frame
dictionary. Mentions are found by the frame matcher (:func:`analysis.dictionaries.frames_match`),
so an alias behaves exactly as a frame pattern does.

- :func:`actors_load`, :func:`actors_init`: read and check a dictionary; copy the default,
- :func:`actors_match`: every mention, with its article, sentence and character offsets,
- :func:`actors_count`: mentions, mentions per 1,000 words and share of articles, per actor
  (or per group) and per outlet (or any column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from analysis.dictionaries.frames import Frame, FrameDictionary, FrameFileError
from analysis.dictionaries.frames_stats import frames_count
from analysis.dictionaries.matcher import _resolve, frames_match
from analysis.dictionaries.reader import dictionary_copy, dictionary_parse, dictionary_text, suggest
from analysis.paths import DATA_DIR
from analysis.text.patterns import fold as _fold

__all__ = [
    "DEFAULT_ACTORS_FILE",
    "MENTION_COLUMNS",
    "ActorFileError",
    "Actor",
    "ActorDictionary",
    "actors_load",
    "actors_init",
    "actors_match",
    "actors_count",
]

#: The actor dictionary shipped with the package.
DEFAULT_ACTORS_FILE = DATA_DIR / "actors_default.toml"
#: The columns of :func:`actors_match`, in order.
MENTION_COLUMNS = ["doc_id", "outlet", "sentence_id", "actor", "label", "group", "kind",
                   "alias", "matched_text", "start", "end"]

_ACTOR_KEYS = ("label", "label_en", "group", "role", "kind", "gender", "aliases", "exclude",
               "query")
_REQUIRED = ("label", "group", "role", "kind", "aliases")
_KINDS = ("person", "organisation")
_GENDERS = ("m", "v")


class ActorFileError(FrameFileError):
    """A mistake in an actor dictionary: the message names the file, the line and the actor."""

    unit = "actor"


@dataclass(frozen=True)
class Actor:
    """One actor of a dictionary."""

    id: str
    label: str
    group: str
    role: str
    kind: Literal["person", "organisation"]
    aliases: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    gender: str | None = None
    label_en: str | None = None
    line: int | None = None
    query: str | None = None


@dataclass(frozen=True)
class ActorDictionary:
    """The actors of one dictionary file, in file order, and its settings."""

    actors: dict[str, Actor]
    fold_diacritics: bool = True
    path: str = ""
    groups: list[str] = field(default_factory=list)
    #: group -> English name (the file's ``[groups]`` table; a group without one keeps its
    #: own name in English figures)
    groups_en: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.groups[:] = list(dict.fromkeys(a.group for a in self.actors.values()))

    @property
    def ids(self) -> list[str]:
        return list(self.actors)

    def as_frames(self) -> FrameDictionary:
        """The same dictionary as a frame dictionary (actor = frame, aliases = patterns), for
        the frame matcher."""
        frames = {a.id: Frame(a.id, a.label, a.role, a.aliases, a.exclude, a.line, a.label_en,
                              a.query) for a in self.actors.values()}
        return FrameDictionary(frames, self.fold_diacritics, self.path)


def _parse(text: str, path: str) -> ActorDictionary:
    book = dictionary_parse(text, path, table="actors", error=ActorFileError,
                            extra=("groups",))
    groups_en = book.data.get("groups", {})
    if not isinstance(groups_en, dict) or not all(
            isinstance(v, str) and v.strip() for v in groups_en.values()):
        raise ActorFileError(path, "[groups] must give each group its English name: "
                             "\"Rusland\" = \"Russia\".",
                             line=book.line_of(r"^\s*\[\s*groups\s*\]"))
    raw = book.data.get("actors")
    if not isinstance(raw, dict) or not raw:
        raise ActorFileError(path, "no actors found.",
                             hint="Add at least one table [actors.<id>] with label, group, "
                             "role, kind and aliases.")
    actors: dict[str, Actor] = {}
    owner: dict[str, str] = {}
    for name, spec, head, section in book.entries(keys=_ACTOR_KEYS, required=_REQUIRED,
                                                  name_word="id"):
        where = {"section": section, "head": head, "name": name}
        strings = {key: book.string(spec, key, required=key in _REQUIRED, **where)
                   for key in ("label", "label_en", "group", "role", "kind", "gender")}
        if strings["kind"] not in _KINDS:
            raise ActorFileError(path, f"kind must be one of {', '.join(_KINDS)}, not "
                                 f"{strings['kind']!r}.",
                                 line=book.key_line("kind", *section), frame=name,
                                 hint=suggest(strings["kind"], _KINDS))
        if strings["gender"] is not None and strings["gender"] not in _GENDERS:
            raise ActorFileError(path, f"gender must be \"m\" or \"v\", not "
                                 f"{strings['gender']!r}.",
                                 line=book.key_line("gender", *section), frame=name,
                                 hint="Leave it out when it does not apply.")
        lists = {key: book.patterns(spec, key, **where)[1] for key in ("aliases", "exclude")}
        if not lists["aliases"]:
            raise ActorFileError(path, "aliases is empty.",
                                 line=book.key_line("aliases", *section) or head,
                                 frame=name, hint="Give at least one name.")
        for alias in lists["aliases"]:
            folded = " ".join(_fold(alias).lower().replace("’", "'").split())
            if folded in owner:
                other = owner[folded]
                where_word = ("twice in its aliases" if other == name
                              else f"also an alias of {other!r}")
                raise ActorFileError(
                    path, f"alias {alias!r} is {where_word}.",
                    line=book.line_of(rf"[\"']{re.escape(alias)}[\"']", *section) or head,
                    frame=name, hint="An alias must name one actor; delete one of them.")
            owner[folded] = name
        query = book.query(spec, name=name, head=head, section=section)
        actors[name] = Actor(name, strings["label"], strings["group"], strings["role"],
                             strings["kind"], lists["aliases"], lists["exclude"],
                             strings["gender"], strings["label_en"], head, query)
    unknown = sorted(set(groups_en) - {a.group for a in actors.values()})
    if unknown:
        raise ActorFileError(path, f"[groups] names the group {unknown[0]!r}, which no actor "
                             "has.", line=book.line_of(rf"^\s*\"?{re.escape(unknown[0])}"),
                             hint="Check its spelling against the actors' group.")
    return ActorDictionary(actors, book.settings.get("fold_diacritics", True), path,
                           groups_en={g: v.strip() for g, v in groups_en.items()})


def actors_load(path: str | Path | None = None) -> ActorDictionary:
    """Read and check an actor dictionary (TOML); ``None`` reads the shipped default.

    Raises :class:`ActorFileError` naming the file, the line and the actor for a TOML
    syntax error, an unknown or missing key (with a suggestion), an alias outside the
    pattern language, or an alias given to two actors.

    >>> actors = actors_load()
    >>> actors.actors["poetin"].group, actors.actors["poetin"].aliases[:2]
    ('Rusland', ('Poetin', 'Vladimir Poetin'))
    """
    source, text = dictionary_text(path, DEFAULT_ACTORS_FILE, error=ActorFileError,
                                   command="actors")
    return _parse(text, str(source))


def actors_init(path: str | Path) -> Path:
    """Write a copy of the shipped actor dictionary to ``path`` for editing (never
    overwrites)."""
    return dictionary_copy(path, DEFAULT_ACTORS_FILE)


def _book(actors: ActorDictionary | str | Path | None) -> ActorDictionary:
    return actors if isinstance(actors, ActorDictionary) else actors_load(actors)


def actors_match(corpus: pd.DataFrame, actors: ActorDictionary | str | Path | None = None
                 ) -> pd.DataFrame:
    """Every mention of every actor in the corpus, one row per mention.

    ``actors`` is a dictionary from :func:`actors_load`, the path of a dictionary file, or
    ``None`` for the shipped default. Aliases are matched as frame patterns are
    (:func:`analysis.dictionaries.frames_match`); where mentions of different actors overlap, the
    longest wins (then the earliest, then the actor listed first), so every stretch of text
    names at most one actor; a name and its title side by side ("de Russische president
    Poetin", "de secretaris-generaal van de NAVO, Jens Stoltenberg") are one mention, its
    ``alias`` the two aliases joined by " + ".

    Returns the columns

    - ``doc_id``, ``outlet``: the article (categorical),
    - ``sentence_id``: the sentence in which the mention starts,
    - ``actor``: the actor's id (categorical, every actor of the dictionary in file order),
    - ``label``, ``group``, ``kind``: the actor's label, group and kind,
    - ``alias``: the alias that matched, as written in the dictionary,
    - ``matched_text``: the text matched, as written in the article,
    - ``start``, ``end``: character offsets into the article's ``text``,

    ordered by article and offset. ``attrs["actor_labels"]`` maps each actor to its label,
    ``attrs["actor_groups"]`` to its group; ``attrs["silent_patterns"]`` lists the
    ``(actor, alias)`` pairs that match nothing in the corpus.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["NOS"],
    ...     "text": ["De secretaris-generaal van de NAVO sprak met Poetin."]})
    >>> actors_match(c)[["actor", "group", "matched_text"]].values.tolist()
    [['stoltenberg', 'NAVO', 'secretaris-generaal van de NAVO'], ['poetin', 'Rusland', 'Poetin']]
    """
    book = _book(actors)
    found = frames_match(corpus, book.as_frames())
    silent = found.attrs.get("silent_patterns", [])
    ids = book.ids
    order = {a: i for i, a in enumerate(ids)}
    docs = pd.Series(found["doc_id"].cat.codes.to_numpy())
    cand = pd.DataFrame({"doc": docs.to_numpy(), "start": found["start"].to_numpy(),
                         "end": found["end"].to_numpy(),
                         "order": found["frame"].astype(str).map(order).to_numpy()})
    cand = cand.sort_values(["doc", "start", "end", "order"], kind="stable")
    kept = cand.index.to_numpy()[_resolve(cand.reset_index(drop=True))]
    found = found.loc[np.sort(kept)].reset_index(drop=True)
    found = _merge_appositions(found, corpus)
    actor_of = found["frame"].astype(str)
    table = pd.DataFrame({
        "doc_id": found["doc_id"],
        "outlet": found["outlet"],
        "sentence_id": found["sentence_id"],
        "actor": pd.Categorical(actor_of, categories=ids),
        "label": actor_of.map({a: book.actors[a].label for a in ids}).astype(object),
        "group": actor_of.map({a: book.actors[a].group for a in ids}).astype(object),
        "kind": actor_of.map({a: book.actors[a].kind for a in ids}).astype(object),
        "alias": found["pattern"],
        "matched_text": found["matched_text"],
        "start": found["start"],
        "end": found["end"],
    })
    table.attrs["actor_labels"] = {a: book.actors[a].label for a in ids}
    table.attrs["actor_labels_en"] = {a: book.actors[a].label_en or book.actors[a].label
                                      for a in ids}
    table.attrs["actor_groups"] = {a: book.actors[a].group for a in ids}
    table.attrs["group_labels_en"] = dict(book.groups_en)
    table.attrs["silent_patterns"] = list(silent)
    return table


def _merge_appositions(found: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """One mention for a name and its title side by side ("Russische president Poetin",
    "secretaris-generaal van de NAVO, Jens Stoltenberg"): consecutive mentions of the
    same actor by different aliases, separated by at most a comma and white space, are
    joined."""
    if len(found) < 2:
        return found
    texts = corpus["text"].astype(str).tolist()
    doc = found["doc_id"].cat.codes.to_numpy()
    frame = found["frame"].cat.codes.to_numpy()
    start = found["start"].to_numpy()
    end = found["end"].to_numpy()
    pattern = found["pattern"].astype(str).to_numpy()
    near = np.r_[False, (doc[1:] == doc[:-1]) & (frame[1:] == frame[:-1])
                 & (pattern[1:] != pattern[:-1]) & (start[1:] - end[:-1] <= 3)]
    join = np.zeros(len(found), dtype=bool)
    for i in np.flatnonzero(near).tolist():
        join[i] = not texts[doc[i]][end[i - 1]:start[i]].strip(" ,\u00a0")
    if not join.any():
        return found
    group = np.cumsum(~join) - 1
    heads = np.flatnonzero(~join)
    merged = found.iloc[heads].reset_index(drop=True).copy()
    last = np.r_[heads[1:] - 1, len(found) - 1]
    merged["end"] = end[last]
    for g in np.unique(group[join]).tolist():
        rows = np.flatnonzero(group == g)
        merged.loc[g, "pattern"] = " + ".join(pattern[rows])
        merged.loc[g, "matched_text"] = texts[doc[rows[0]]][start[rows[0]]:end[rows[-1]]]
    return merged


def actors_count(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    by: str = "outlet",
    level: Literal["actor", "group"] = "actor",
) -> pd.DataFrame:
    """How often each actor (or each group of actors) is named, per group of articles.

    ``mentions`` is the table of :func:`actors_match`; ``by`` any column of the corpus. The
    counting is that of :func:`analysis.dictionaries.frames_count`. Returns one row per ``by``
    value and actor (``level="actor"``: every actor of the dictionary, also those never
    named) or group (``level="group"``), with

    - ``<by>``: the group of articles,
    - ``actor``, ``label``, ``group``: the actor (only ``group`` when ``level="group"``),
    - ``mentions``: the mentions in the articles,
    - ``words``: the articles' word tokens,
    - ``per_1000``: mentions per 1,000 words,
    - ``docs``: the articles,
    - ``docs_with_actor``: the articles that name the actor (group) at least once,
    - ``share_docs``: ``docs_with_actor / docs``.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["NOS", "NRC"],
    ...     "text": ["Poetin en Lavrov.", "Poetin zweeg."]})
    >>> t = actors_count(actors_match(c), c, level="group")
    >>> t[t.group == "Rusland"][["outlet", "mentions", "per_1000", "share_docs"]].values.tolist()
    [['NOS', 2, 666.6666666666666, 1.0], ['NRC', 1, 500.0, 1.0]]
    """
    if level not in ("actor", "group"):
        raise ValueError(f"level must be 'actor' or 'group', not {level!r}")
    labels = dict(mentions.attrs.get("actor_labels", {}))
    groups = dict(mentions.attrs.get("actor_groups", {}))
    ids = ([str(c) for c in mentions["actor"].cat.categories]
           if isinstance(mentions["actor"].dtype, pd.CategoricalDtype)
           else list(dict.fromkeys(mentions["actor"].astype(str))))
    if level == "actor":
        units, unit_of = ids, mentions["actor"].astype(str)
    else:
        units = list(dict.fromkeys(groups.get(a, a) for a in ids)) if groups else \
            list(dict.fromkeys(mentions["group"].astype(str)))
        unit_of = mentions["group"].astype(str)
    as_frames = pd.DataFrame({"doc_id": mentions["doc_id"].astype(str).to_numpy(),
                              "frame": pd.Categorical(unit_of.to_numpy(), categories=units)})
    as_frames.attrs["frame_labels"] = labels if level == "actor" else {}
    table = frames_count(as_frames, corpus, by=by)
    table = table.rename(columns={"hits": "mentions", "docs_with_frame": "docs_with_actor"})
    if level == "actor":
        table = table.rename(columns={"frame": "actor"})
        table.insert(3, "group", table["actor"].map(groups).fillna(""))
        columns = [by, "actor", "label", "group"]
    else:
        table = table.rename(columns={"frame": "group"})
        columns = [by, "group"]
    columns += ["mentions", "words", "per_1000", "docs", "docs_with_actor", "share_docs"]
    table = table[columns].reset_index(drop=True)
    table.attrs["group_labels_en"] = dict(mentions.attrs.get("group_labels_en", {}))
    return table
