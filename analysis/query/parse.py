"""Search strings read into a tree: the grammar (``grammar.lark``), the tree's node types
and the errors a user can fix.

:func:`query_parse` reads one search string in the syntax of AmCAT/Lucene and Nexis Uni
into a tree of frozen dataclasses (:class:`Term`, :class:`Phrase`, :class:`Field`,
:class:`And`, :class:`Or`, :class:`AndNot`, :class:`Not`, :class:`Near`), which
:mod:`analysis.query.evaluate` runs over a corpus. A string that is not a query raises
:class:`QueryError` with the column where it breaks and what was expected there.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

__all__ = [
    "FIELDS",
    "QueryError",
    "Term",
    "Phrase",
    "Field",
    "And",
    "Or",
    "AndNot",
    "Not",
    "Near",
    "Node",
    "query_parse",
    "query_words",
    "queries_parse",
    "queries_read",
]

_GRAMMAR = Path(__file__).with_name("grammar.lark")

_HYPHEN = re.compile("[-\u2010\u2011]")

#: Field names and what they restrict a term to: ``title`` (also ``headline``, as AmCAT
#: writes it) the article's title, ``text`` (also ``body``) its text, ``hlead`` (Nexis
#: Uni's headline and lead, also ``lead``) the title and the text's first paragraph,
#: ``lemma`` every inflection of a word. Nexis Uni's ``headline(...)`` form is read too.
FIELDS = {"title": "title", "headline": "title", "text": "text", "body": "text",
          "lemma": "lemma", "hlead": "lead", "lead": "lead"}

#: The operator words of the language, upper-case (they are read in any case).
OPERATOR_WORDS = ("AND", "OR", "NOT")


class QueryError(ValueError):
    """A search string that cannot be read: names the query, the column (from 1) and what
    was expected, as ``query 'NAME', column C: ')' expected``."""

    def __init__(self, message: str, *, name: str | None = None, column: int | None = None,
                 query: str = ""):
        self.name = name
        self.column = column
        self.query = query
        self.detail = message
        if name is None and column is None:
            super().__init__(message)
            return
        where = "query" + (f" {name!r}" if name else "")
        where += f", column {column}" if column else ""
        super().__init__(f"{where}: {message}")

    def named(self, name: str) -> QueryError:
        """The same error, naming the query ``name``."""
        return QueryError(self.detail, name=name, column=self.column, query=self.query)


# --------------------------------------------------------------------------- the tree


@dataclass(frozen=True)
class Term:
    """One word: ``*`` any letters, ``?`` one letter (``!`` at the end as ``*``, as Nexis
    Uni writes it); ``exact`` (``=schuld``): the whole word only, never a part of a
    hyphenated compound; ``case`` (``OM~s``): upper and lower case as written."""

    word: str
    exact: bool = False
    case: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words in a row (``"koude oorlog"``); each item a :class:`Term` or an :class:`Or` of
    terms (``"(rusland OR poetin*) sanctie*"``). ``slop`` (``~N``): the items within N
    words of each other in any order instead of in a row. ``exact`` (``="de schuld"``): the
    last word does not run on into a compound."""

    items: tuple[Term | Or, ...]
    slop: int | None = None
    exact: bool = False
    case: bool = False


@dataclass(frozen=True)
class Field:
    """``name:child`` (or ``name(child)``); ``name`` is ``title``, ``text``, ``lead`` or
    ``lemma`` (see :data:`FIELDS`)."""

    name: Literal["title", "text", "lead", "lemma"]
    child: Node


@dataclass(frozen=True)
class And:
    left: Node
    right: Node


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AndNot:
    """``left AND NOT right`` (also ``left NOT right``)."""

    left: Node
    right: Node


@dataclass(frozen=True)
class Not:
    """``NOT child`` on its own: every unit without ``child``."""

    child: Node


@dataclass(frozen=True)
class Near:
    """``left w/N right`` (``ordered``: ``pre/N``, left before right) with ``distance`` a
    number of words, ``"sentence"`` (``w/s``) or ``"paragraph"`` (``w/p``)."""

    left: Node
    right: Node
    distance: int | Literal["sentence", "paragraph"]
    ordered: bool = False


Node = Term | Phrase | Field | And | Or | AndNot | Not | Near


# --------------------------------------------------------------------------- parsing


@lru_cache(maxsize=1)
def _parser():
    import lark

    return lark.Lark(_GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer="basic",
                     propagate_positions=True, maybe_placeholders=False)


_EXPECTED = {"RPAR": "')'", "LPAR": "'('", "DBLQUOTE": "'\"'", "WORD": "a word",
             "FIELD": "a field", "PROX": "a proximity operator", "SLOP": "'~N'",
             "CASE": "'~s'", "EXACT": "'='", "AND": "AND", "OR": "OR", "NOT": "NOT",
             "$END": "the end"}


def _open(prefix: str) -> tuple[bool, int]:
    """Whether ``prefix`` ends inside a phrase, and how many brackets it leaves open."""
    quoted, depth = False, 0
    for char in prefix:
        if char == '"':
            quoted = not quoted
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
    return quoted, depth


def _expected(names, prefix: str, found: str | None = None) -> str:
    """What the parser wanted at the end of ``prefix``: the closing quote or bracket when
    one is open, else a word (the usual mistakes)."""
    names = set(names)
    quoted, depth = _open(prefix)
    if found in ("AND", "OR", "NOT") and quoted:
        return (f"{found} inside a phrase; a phrase holds words only: write the operator "
                'outside the quotes, or a choice inside brackets as "(a OR b) c"')
    if found == "RPAR" and depth <= 0:
        return "')' without a matching '('"
    if quoted and "DBLQUOTE" in names:
        return "'\"' expected"
    if depth > 0 and "RPAR" in names:
        return "')' expected"
    if "WORD" in names:
        after = f" after {found}" if found in ("AND", "OR", "NOT") else ""
        return "a word, a phrase or '(' expected" + after
    shown = [_EXPECTED.get(n, n) for n in sorted(names)][:3]
    return " or ".join(shown) + " expected"


def _unexpected_char(query: str, position: int) -> str:
    char = query[position]
    if char == "~":
        return "'~' must follow a phrase or a word as ~N (within N words) or ~s (case)"
    if char == ":":
        return "':' must follow a field name (title:, text:, lemma:)"
    if char == ")":
        return "')' without a matching '('"
    if char == "=":
        return "'=' must stand right before a word or a phrase"
    return f"{char!r} not allowed here"


def query_parse(query: str, *, name: str | None = None) -> Node:
    """The tree of one search string.

    Raises :class:`QueryError` (``query 'NAME', column C: ... expected``) for a string
    that is not a query and for an unknown field, with a suggestion.

    >>> tree = query_parse("rusland OR poetin AND sanctie*")
    >>> tree.children[0], tree.children[1].right
    (Term(word='rusland', exact=False, case=False), Term(word='sanctie*', exact=False, case=False))
    >>> query_parse("vvd w/10 cda").distance
    10
    >>> query_parse("(a OR b", name="bad")
    Traceback (most recent call last):
    ...
    analysis.query.parse.QueryError: query 'bad', column 8: ')' expected
    """
    import lark

    if not isinstance(query, str) or not query.strip():
        raise QueryError("empty query; write a word, a phrase or an expression.", name=name)
    try:
        tree = _parser().parse(query)
    except lark.exceptions.UnexpectedEOF as exc:
        raise QueryError(_expected(exc.expected, query), name=name,
                         column=len(query.rstrip()) + 1, query=query) from None
    except lark.exceptions.UnexpectedToken as exc:
        end = exc.token.type == "$END"
        column = len(query.rstrip()) + 1 if end else exc.column
        found = None if end else exc.token.type
        if found in ("AND", "OR", "NOT") and not _open(query[:column - 1])[0]:
            previous = query[:column - 1].split()
            if not previous or previous[-1].upper() in OPERATOR_WORDS:
                raise QueryError(f"a word, a phrase or '(' expected before {found}",
                                 name=name, column=column, query=query) from None
        raise QueryError(_expected(exc.expected, query[:column - 1], found), name=name,
                         column=column, query=query) from None
    except lark.exceptions.UnexpectedCharacters as exc:
        raise QueryError(_unexpected_char(query, exc.pos_in_stream), name=name,
                         column=exc.column, query=query) from None
    return _build(tree, query, name)


def _build(tree, query: str, name: str | None) -> Node:
    from lark import Token

    kind = tree.data if not isinstance(tree.data, Token) else str(tree.data)
    kids = [c for c in tree.children
            if not (isinstance(c, Token) and c.type in ("OR", "AND", "NOT"))]
    if kind == "term":
        exact = any(isinstance(c, Token) and c.type == "EXACT" for c in kids)
        case = any(isinstance(c, Token) and c.type == "CASE" for c in kids)
        word = next(str(c) for c in kids if isinstance(c, Token) and c.type == "WORD")
        if word.endswith("!"):  # Nexis Uni's truncation
            word = word.rstrip("!") + "*"
        if not word.strip("*?!"):
            raise QueryError(f"the word {word!r} is only wildcards; give at least one letter",
                             name=name, column=tree.meta.column, query=query)
        parts = [p for p in _HYPHEN.split(word) if p]
        if len(parts) > 1 and not word.startswith(("-", "‐", "‑")):
            # a hyphen works as a space, as in the frame patterns: de-escal* is a phrase
            return Phrase(tuple(Term(p, False, case) for p in parts), exact=exact, case=case)
        return Term(word, exact, case)
    if kind == "phrase":
        tokens = [c for c in kids if isinstance(c, Token)]
        items = []
        for child in kids:
            if isinstance(child, Token):
                continue
            item = _build(child, query, name)
            items.extend(item.items if isinstance(item, Phrase) else (item,))
        items = tuple(items)
        slop = next((int(t[1:]) for t in tokens if t.type == "SLOP"), None)
        return Phrase(items, slop, any(t.type == "EXACT" for t in tokens),
                      any(t.type == "CASE" for t in tokens))
    if kind == "group":
        terms = tuple(_build(c, query, name) for c in kids)
        return terms[0] if len(terms) == 1 else Or(terms)
    if kind in ("field", "call"):
        token, child = kids
        field = str(token)[:-1].lower()
        if field not in FIELDS:
            close = difflib.get_close_matches(field, list(FIELDS), n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else (
                f"; fields are {', '.join(FIELDS)}")
            raise QueryError(f"unknown field {field!r}{hint}", name=name,
                             column=token.column, query=query)
        return Field(FIELDS[field], _build(child, query, name))
    children = [_build(c, query, name) for c in kids if not isinstance(c, Token)]
    if kind == "or_":
        flat: list[Node] = []
        for child in children:
            flat.extend(child.children if isinstance(child, Or) else (child,))
        return Or(tuple(flat))
    if kind == "and_":
        return And(*children)
    if kind == "and_not":
        return AndNot(*children)
    if kind == "not_":
        return Not(children[0])
    if kind == "near":
        prox = next(str(c) for c in tree.children if isinstance(c, Token) and c.type == "PROX")
        op, _, arg = prox.lower().partition("/")
        distance = {"s": "sentence", "p": "paragraph"}.get(arg) or int(arg)
        return Near(children[0], children[1], distance, ordered=op == "pre")
    raise AssertionError(f"unknown rule {kind}")  # pragma: no cover - grammar and tree agree


def query_words(node: Node) -> list[Term]:
    """Every :class:`Term` of a tree, in reading order.

    >>> [t.word for t in query_words(query_parse('"(a OR b) c"~3 NOT d'))]
    ['a', 'b', 'c', 'd']
    """
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Phrase):
        return [t for item in node.items for t in query_words(item)]
    if isinstance(node, Field | Not):
        return query_words(node.child)
    if isinstance(node, Or):
        return [t for c in node.children for t in query_words(c)]
    return query_words(node.left) + query_words(node.right)


# --------------------------------------------------------------------------- named queries


def queries_parse(queries) -> dict[str, Node]:
    """Named queries, each parsed: from a mapping ``{name: string}``, a list of
    ``NAME=STRING`` or ``label# string`` items, or one string (named ``query``).

    >>> list(queries_parse(["oorlog=oorlog*", "vrede# vrede OR wapenstilstand"]))
    ['oorlog', 'vrede']
    """
    return {name: query_parse(text, name=name) for name, text in queries_named(queries).items()}


def queries_named(queries) -> dict[str, str]:
    """``{name: string}`` from what :func:`queries_parse` accepts, not yet parsed."""
    if isinstance(queries, str):
        return {"query": queries}
    if isinstance(queries, dict):
        return {str(k): str(v) for k, v in queries.items()}
    out: dict[str, str] = {}
    for item in queries:
        name, text = _split_named(str(item))
        if name in out:
            raise QueryError(f"the name {name!r} is given twice; give each query its own name",
                             name=name)
        out[name] = text
    return out


def _split_named(item: str) -> tuple[str, str]:
    label, sep, rest = item.partition("#")
    if sep and label.strip() and "=" not in label and '"' not in label:
        return label.strip(), rest.strip()
    label, sep, rest = item.partition("=")
    if sep and label.strip() and label.strip().replace("_", "").replace("-", "").isalnum():
        return label.strip(), rest.strip()
    return item.strip(), item.strip()


def queries_read(path: str | Path) -> dict[str, Node]:
    """The named queries of a file of ``label# query`` lines (AmCAT's format); blank lines
    and lines starting with ``#`` are skipped, a line without a label is named by its
    query. A mistake raises :class:`QueryError` naming the file and line."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{source}: no such file of queries") from None
    except UnicodeDecodeError:
        raise QueryError(f"{source}: not UTF-8 text; save the file as UTF-8") from None
    out: dict[str, Node] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, query = _split_named(line)
        if name in out:
            raise QueryError(f"{source}, line {number}: the label {name!r} is used twice")
        try:
            out[name] = query_parse(query, name=name)
        except QueryError as exc:
            raise QueryError(f"{source}, line {number}: {exc}") from None
    if not out:
        raise QueryError(f"{source}: no queries found; write one `label# query` a line")
    return out
