"""Split the lines of a Nexis Uni export (DOCX, RTF, or either saved as text) into articles.

The layout, in the English and the Dutch interface::

    Date and Time: ...                      cover page (optional)
    Documents (3)                           "Documenten (3)" in Dutch
    1. First title
    ...
    Client/Matter: ...  Search Terms: ...
    First title                             one or more lines
    NRC Handelsblad                         the outlet
    July 1, 2019 Monday 9:20 AM GMT         "1 juli 2019 maandag" in Dutch
    Copyright 2019 ...                      optional
    Section: ...  Length: 355 words  Byline: ...
    Body                                    "Hoofdtekst" in Dutch
    the text, one paragraph a line
    Graphic / caption                       optional, left out
    Classification, Language: ..., Load-Date: July 2, 2019
    End of Document                         "Einde document" in Dutch

:func:`nexis_uni_parse` is a pure function from numbered lines to an
:class:`~analysis.corpus.readers.export_layout.ExportParse`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.corpus.readers import export_layout as layout
from analysis.corpus.readers.export_layout import ExportArticle, ExportParse, Note

__all__ = ["nexis_uni_parse", "nexis_uni_detect"]

_END = re.compile(r"\A(?:end of document|einde (?:van (?:het )?)?document)\Z", re.IGNORECASE)
_BODY = re.compile(r"\A(?:body|hoofdtekst|tekst)\Z", re.IGNORECASE)
_DOCUMENTS = re.compile(r"\A(?:documents|documenten)\s*\((\d+)\)\Z", re.IGNORECASE)
_ITEM = re.compile(r"\A(\d+)\.\s+(.+)\Z")
_GRAPHIC = re.compile(r"\A(?:graphic|afbeelding|grafiek|illustratie)\Z", re.IGNORECASE)
_CLASSIFICATION = re.compile(r"\A(?:classification|classificatie|indexing)\Z", re.IGNORECASE)
_COVER_LABEL = re.compile(
    r"\A(?:date and time|datum en tijd|job number|opdrachtnummer|client/matter|"
    r"klant/dossier|search terms|zoektermen|search type|zoektype|narrowed by|verfijnd "
    r"(?:met|door))\b", re.IGNORECASE)

Line = tuple[int, str]


def nexis_uni_detect(lines: Sequence[str]) -> bool:
    """Whether the lines look like a Nexis Uni export: an ``End of Document`` line."""
    return any(_END.match(line.strip()) for line in lines)


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def nexis_uni_parse(lines: Sequence[Line]) -> ExportParse:
    """The articles of a Nexis Uni export given as ``(line number, text)`` pairs.

    Blank lines are ignored. Every article ends with ``End of Document``; a last article
    without one is read all the same, with a warning that the export may be cut off.

    >>> lines = ["Een titel", "Het Blad", "1 juli 2019 maandag", "Length: 4 words", "Body",
    ...          "Vier woorden in tekst.", "Load-Date: July 2, 2019", "End of Document"]
    >>> parse = nexis_uni_parse(list(enumerate(lines, start=1)))
    >>> a = parse.articles[0]
    >>> a.title, a.outlet, a.date, a.length_words, a.text, a.load_date
    ('Een titel', 'Het Blad', '2019-07-01', 4, 'Vier woorden in tekst.', '2019-07-02')
    """
    kept = [(n, " ".join(t.replace("\u00a0", " ").split())) for n, t in lines]
    kept = [(n, t) for n, t in kept if t]
    segments: list[list[Line]] = [[]]
    ended: list[bool] = []
    for n, text in kept:
        if _END.match(text):
            ended.append(True)
            segments.append([])
        else:
            segments[-1].append((n, text))
    if segments[-1]:
        ended.append(False)
    else:
        segments.pop()

    notes: list[Note] = []
    announced, titles, cover_end = _cover(segments[0] if segments else [])
    articles: list[ExportArticle] = []
    for index, (segment, closed) in enumerate(zip(segments, ended, strict=True)):
        if index == 0 and cover_end:
            segment = _drop_cover(segment, cover_end, titles, notes)
        if not segment:
            continue
        article = _article(segment, len(articles) + 1)
        if not closed:
            article.note(f"article {article.position} ({article.title[:60]!r}) has no 'End "
                         "of Document' line: the export may be cut off here, and its text "
                         "incomplete.", "Download the export again, or check its last "
                         "article by hand.")
        articles.append(article)
    return ExportParse("nexis-uni", announced, articles, notes,
                       announced_by=f"Documents ({announced})" if announced is not None else "")


def _cover(segment: list[Line]) -> tuple[int | None, list[str], int]:
    """Documents announced, the cover's list of titles, and how many lines of the first
    segment certainly belong to the cover (0: no cover page)."""
    announced = None
    titles: list[str] = []
    end = 0
    first_date = next((i for i, (_, t) in enumerate(segment) if layout.export_date(t)),
                      len(segment))
    for i, (_, text) in enumerate(segment[:first_date]):
        m = _DOCUMENTS.match(text)
        if m and announced is None:
            announced = int(m.group(1))
            end = i + 1
            continue
        if announced is None:
            if _COVER_LABEL.match(text):
                end = i + 1
            continue
        item = _ITEM.match(text)
        if item and int(item.group(1)) == len(titles) + 1:
            titles.append(item.group(2))
            end = i + 1
        elif _COVER_LABEL.match(text):
            end = i + 1
    return announced, titles, end


def _drop_cover(segment: list[Line], cover_end: int, titles: list[str],
                notes: list[Note]) -> list[Line]:
    """The first segment without its cover page. The first article's title is found by
    the cover's first listed title; without one, the article starts with the line before
    its outlet."""
    rest = segment[cover_end:]
    date_at = next((i for i, (_, t) in enumerate(rest) if layout.export_date(t)), None)
    if date_at is None or date_at < 2:
        return rest
    before = rest[:date_at - 1]  # the lines up to the outlet
    if titles:
        wanted = _squash(titles[0])
        for k in range(1, min(len(before), 6) + 1):
            if _squash(" ".join(t for _, t in before[-k:])) == wanted:
                return rest[len(before) - k:]
    if len(before) > 1:
        notes.append(Note(
            "the end of the cover page could not be told from the first article's title "
            f"(the cover lists {titles[0]!r} first); the title is taken to be the line "
            f"{before[-1][1]!r}." if titles else
            "the end of the cover page could not be told from the first article's title; "
            f"the title is taken to be the line {before[-1][1]!r}.",
            "Check the first article's title.", before[-1][0]))
        return rest[len(before) - 1:]
    return rest


def _article(segment: list[Line], position: int) -> ExportArticle:
    article = ExportArticle(position=position, line=segment[0][0])
    body_at = next((i for i, (_, t) in enumerate(segment) if _BODY.match(t)), None)
    if body_at is None:
        # No body section: the header runs up to the first trailing field.
        body_at = next((i for i, (_, t) in enumerate(segment)
                        if i > 0 and (layout.field_label(t) or [None])[0] == "load_date"),
                       len(segment))
        header, rest = segment[:body_at], segment[body_at:]
    else:
        header, rest = segment[:body_at], segment[body_at + 1:]

    date_at = next((i for i, (_, t) in enumerate(header) if i > 0 and layout.export_date(t)
                    and layout.field_label(t) is None), None)
    if date_at is None:
        first_field = next((i for i, (_, t) in enumerate(header)
                            if layout.field_label(t) is not None or layout.is_copyright(t)),
                           len(header))
        date_at = first_field - 1 if first_field >= 2 else None
    fields: dict[str, str] = {}
    if date_at is None:
        article.title = " ".join(t for _, t in header[:1])
        meta = header[1:]
    else:
        article.date_text = header[date_at][1]
        article.date = layout.export_date(article.date_text)
        if date_at >= 2:
            article.outlet = header[date_at - 1][1]
            article.title = " ".join(t for _, t in header[:date_at - 1])
        else:
            article.title = header[0][1]
            article.note(f"article {position} ({article.title[:60]!r}) names no outlet "
                         "between its title and its date.", "Check the article in the "
                         "export.")
        meta = header[date_at + 1:]
    last = None
    for _, text in meta:
        found = layout.field_label(text)
        if found is not None:
            last = found[0]
            if last is not None:
                fields[last] = found[1]
        elif layout.is_copyright(text):
            last = None
        elif last is not None:  # a field value wrapped onto the next line
            fields[last] = f"{fields[last]} {text}"

    # The trailing block: Load-Date, Language and other fields, Classification.
    end = len(rest)
    while end > 0:
        text = rest[end - 1][1]
        found = layout.field_label(text)
        if found is not None:
            if found[0] is not None:
                fields.setdefault(found[0], found[1])
            end -= 1
        elif _CLASSIFICATION.match(text) or _GRAPHIC.match(text) or layout.is_copyright(text):
            end -= 1
        else:
            break
    body = [t for _, t in rest[:end]]
    graphic = next((i for i in range(len(body) - 1, -1, -1) if _GRAPHIC.match(body[i])), None)
    if graphic is not None:
        body = body[:graphic]
    return layout.finish_article(article, fields, body)
